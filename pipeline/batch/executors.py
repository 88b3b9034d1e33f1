"""Executors: who runs `process_file` on a batch's files — this process, a process pool, or Dask.

Each executor takes the jobs (biggest first) and yields `(job, result)` as files finish, in
completion order; the batch stores each result at once and sorts the outputs itself. Results
that cross a process boundary carry no `source` (only `text`).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import logging
import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
import time
from collections import deque
from collections.abc import Generator, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import extractors
from pipeline.analysis.nlp import load_nlp
from pipeline.batch import ocr_ahead
from pipeline.batch.jobs import Job
from pipeline.batch.ocr_ahead import OcrAhead
from pipeline.errors import (
    FileTimeoutError,
    PoimijaError,
    WorkerDiedError,
)
from pipeline.outputs.export import import_writers
from pipeline.processes import Slots, address_space, cap_memory, die_with_parent, hit_cap
from pipeline.reading import ocr, ocr_shelf
from pipeline.results import DocumentResult, FileError, Status
from pipeline.run import process_file
from pipeline.settings import Settings

log = logging.getLogger(__name__)
# Each worker holds up to ~1 GB (spaCy, a big PDF): more than a few per core only thrashes.
MAX_WORKERS = 4 * (os.cpu_count() or 1)
# Seconds a file may run past its budget before its worker is ended from the parent.
_GRACE = 5.0


def process_detached(path: str, settings: dict[str, Any]) -> DocumentResult:
    """`process_file` for another process or machine: plain arguments, result without source."""
    chosen = _settings(json.dumps(settings, sort_keys=True, default=str))
    peak = address_space()["VmPeak"]
    result = process_file(Path(path), chosen)
    result.source = result.tree = None
    if result.status is Status.FAILURE and hit_cap(peak):
        # The reason recorded is whatever the allocation that failed broke: say what it was.
        error = MemoryError(
            f"needed more than the {chosen.max_memory} MiB a worker may allocate (--max-memory)"
        )
        result.errors = [FileError(path, "run", type(error).__name__, str(error))]
    return result


@functools.lru_cache(maxsize=4)
def _settings(as_json: str) -> Settings:
    """The run's settings, validated once per worker rather than once per file (0.6 ms)."""
    return Settings(**json.loads(as_json))


def execute(
    jobs: Sequence[Job], settings: Settings
) -> Generator[tuple[Job, DocumentResult], None, None]:
    """Run the jobs with the executor `settings` choose; yield each result as it comes.

    With a time budget every file runs in a worker process, even with one worker: a file stuck
    in C code (PDFium, a decoder) ignores signals, and only a process can be ended from outside.
    """
    if not jobs:
        return  # nothing to extract: no spaCy load, no pool, no cluster
    if settings.executor == "dask":
        from pipeline.batch.cluster import run_on_dask  # the optional dask, only when asked

        yield from run_on_dask(jobs, settings)
    elif not settings.timeout and (settings.workers == 1 or len(jobs) <= 1):
        yield from _serial(jobs, settings)
    else:
        yield from _pool(jobs, settings, pool_size(settings.workers, len(jobs)))


def pool_size(workers: int, files: int) -> int:
    """Worker processes for `files` files: no more than the files, nor than MAX_WORKERS."""
    size = max(1, min(workers, files, MAX_WORKERS))
    if workers > MAX_WORKERS:
        log.warning(
            "-j %d is more than the %d worker processes allowed: using %d",
            workers,
            MAX_WORKERS,
            size,
        )
    return size


def hard_limit(timeout: float) -> float:
    """Seconds after which a worker still on one file is ended: the budget and a grace period
    for the in-process limit to end the file itself (it cannot while in C code)."""
    return timeout + max(_GRACE, timeout / 10)


def needs_nlp(settings: Settings) -> bool:
    """Whether an extractor the run uses needs the spaCy model."""
    names = settings.extractors or extractors.available()
    return any(extractors.get(name).needs_nlp for name in names)


def preload_nlp(settings: Settings) -> str | None:
    """Load the spaCy model now if an extractor needs it (not inside the first file's time
    limit); returns the model name, or None when not needed or not installed."""
    if not needs_nlp(settings):
        return None
    try:
        load_nlp(settings.spacy_model)
    except PoimijaError:
        return None  # each file then fails with the reason, as without preloading
    return settings.spacy_model


@contextlib.contextmanager
def _tesseract_slots(count: int) -> Iterator[Slots]:
    """`count` Tesseract slots for a batch's processes, in a folder removed afterwards."""
    folder = tempfile.mkdtemp(prefix="poimija-slots-")
    try:
        yield Slots(folder, count)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def _reading_ahead(
    jobs: Sequence[Job], settings: Settings, workers: int, slots: Slots
) -> Iterator[OcrAhead | None]:
    """The batch's process reading scanned pages ahead (see `ocr_ahead`), or None when it
    cannot save time; closed with its shelf on the way out."""
    if not ocr_ahead.wanted([job.path for job in jobs], settings.reader, settings.executor):
        yield None
        return
    try:
        ahead = OcrAhead(
            [job.path for job in jobs],
            lang=settings.ocr_lang,
            password=settings.password,
            workers=workers,
            slots=slots,
            max_memory=settings.max_memory,
        )
    except OSError as exc:  # no room for its folder, no process to be had: read without it
        log.warning("scanned pages are not read ahead: %s", exc)
        yield None
        return
    try:
        yield ahead
    finally:
        ahead.close()


def _serial(jobs: Sequence[Job], settings: Settings) -> Iterator[tuple[Job, DocumentResult]]:
    # Tesseract slots shared with the process ahead: -j of them in all.
    with (
        _tesseract_slots(settings.workers) as slots,
        _reading_ahead(jobs, settings, settings.workers, slots) as ahead,
    ):
        preload_nlp(settings)
        if ahead is not None:
            ocr.share_slots(slots)
            ocr_shelf.use(ahead.shelf)
        try:
            queue = deque(jobs)
            while queue:
                job = ocr_ahead.take_next(queue, ahead)
                result = process_file(job.path, settings)
                result.source = result.tree = None  # stored results keep text; free pages now
                yield job, result
        finally:
            ocr.share_slots(None)
            ocr_shelf.use(None)


def _init_worker(
    spacy_model: str | None,
    parent: int,
    max_memory: int,
    ocr_slots: Slots,
    shelf: ocr_shelf.Shelf | None,
) -> None:
    die_with_parent(parent)
    # Tesseract starts a thread per core by default: with one file per core that oversubscribes.
    os.environ["OMP_THREAD_LIMIT"] = "1"
    # Each file OCRs up to -j pages at once; the workers (and the process reading ahead) share
    # -j Tesseract slots between them.
    ocr.share_slots(ocr_slots)
    ocr_shelf.use(shelf)
    # Ctrl-C and SIGTERM are the parent's to handle; it stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if spacy_model is not None:
        # Each file then fails with the reason, as in a serial run.
        with contextlib.suppress(PoimijaError):
            load_nlp(spacy_model)  # once per worker (a no-op after fork from a loaded parent)
    cap_memory(max_memory)  # after the model: the headroom is for the files


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    # fork shares the parent's loaded spaCy model instead of loading it again per worker.
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _new_pool(
    workers: int,
    spacy_model: str | None,
    max_memory: int,
    slots: Slots,
    shelf: ocr_shelf.Shelf | None,
) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        workers,
        mp_context=_context(),
        initializer=_init_worker,
        initargs=(spacy_model, os.getpid(), max_memory, slots, shelf),
    )


def _pool(
    jobs: Sequence[Job], settings: Settings, workers: int
) -> Iterator[tuple[Job, DocumentResult]]:
    """A process pool with one file per worker running and one waiting behind it, so that when
    a worker dies the files it may have held are known: they are retried one at a time, and the
    one that kills its worker alone gets the error row. A file past its hard limit has its
    worker ended."""
    # -j Tesseracts in all, the process ahead's included.
    with (
        _tesseract_slots(workers) as slots,
        _reading_ahead(jobs, settings, workers, slots) as ahead,
    ):
        yield from _pooled(jobs, settings, workers, slots, ahead)


def _pooled(
    jobs: Sequence[Job], settings: Settings, workers: int, slots: Slots, ahead: OcrAhead | None
) -> Iterator[tuple[Job, DocumentResult]]:
    spacy_model = preload_nlp(settings)  # in the parent, before the fork
    arguments = settings.model_dump()
    queue, suspects = deque(jobs), deque[Job]()
    # Files sent to the pool, in the order sent, with when each started (None: still waiting).
    running: dict[Future[DocumentResult], tuple[Job, float | None]] = {}
    hard = hard_limit(settings.timeout) if settings.timeout else None
    shelf = ahead.shelf if ahead is not None else None
    pool: ProcessPoolExecutor | None = None
    alone: Job | None = None  # the last suspect sent, which ran with nothing else in the pool
    meanwhile: threading.Thread | None = None
    # What the workers inherit (the model above all) is left out of garbage collection for the
    # run: collecting it cost each worker a full pass, and copies of every page it touched.
    gc.freeze()
    try:
        pool = _new_pool(workers, spacy_model, settings.max_memory, slots, shelf)
        while queue or suspects or running:
            # A suspect runs alone. Other files wait, one per worker, behind those running: the
            # pool hands a worker its next file as it finishes one, while this process stores
            # the result (a worker waiting for that was idle 5 ms a file).
            source, limit = (suspects, 1) if suspects else (queue, 2 * workers)
            broken = False
            while source and len(running) < limit:
                job = ocr_ahead.take_next(source, ahead if source is queue else None)
                try:
                    future = pool.submit(process_detached, str(job.path), arguments)
                except BrokenProcessPool:  # a worker died since the last wait: see below
                    source.appendleft(job)
                    broken = True
                    break
                running[future] = (job, None)
                if source is suspects:
                    alone = job
            _start_clocks(running, workers)
            if meanwhile is None:  # the workers are forked now (submit starts them)
                meanwhile = threading.Thread(target=import_writers, name="poimija-imports")
                meanwhile.start()
            left = None
            started = [t for _, t in running.values() if t is not None]
            if hard is not None and started:
                left = max(0.0, min(started) + hard - time.monotonic())
            done, _ = wait(running, timeout=left, return_when=FIRST_COMPLETED)
            lost: list[Job] = []
            for future in [f for f in running if f in done]:  # in the order sent, as finished
                job, _ = running.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool:
                    lost.append(job)
                    continue
                yield job, result
            stuck = _overdue(running, hard)
            if not lost and not stuck and not broken:
                continue
            # Ending a worker (or its death) breaks the whole pool: every file still running
            # is lost with it; the overdue ones fail, the others run again.
            others = [job for job, _ in running.values() if job not in stuck]
            lost += others
            running.clear()
            _stop(pool)
            if meanwhile is not None:  # no fork while a module is half imported (its lock held)
                meanwhile.join()
            pool = _new_pool(workers, spacy_model, settings.max_memory, slots, shelf)
            for job in stuck:
                assert settings.timeout is not None and hard is not None
                yield job, _overran(job, settings.timeout, hard)
            if stuck:
                queue.extendleft(reversed(lost))
            elif lost == [alone]:  # it died again, alone: it kills its worker
                yield lost[0], died(lost[0])
            elif lost:
                # Any file in the pool (or the death of an idle worker, or of one killed from
                # outside) may have broken it: each is tried again alone before one is blamed.
                if len(lost) > 1:
                    log.warning(
                        "a worker died; retrying its %d possible files one by one", len(lost)
                    )
                suspects.extend(lost)
            # (else a worker died between files: the new pool goes on)
    finally:
        if pool is not None:
            _stop(pool)
        if meanwhile is not None:
            meanwhile.join()  # not left importing while the interpreter shuts down
        gc.unfreeze()  # a long-lived caller (watch) collects them again


def _start_clocks(
    running: dict[Future[DocumentResult], tuple[Job, float | None]], busy: int
) -> None:
    """Start the clocks of the files that have started: the first `busy` sent, as the pool's
    queue hands files to the workers in the order sent (each as a file ahead of it ends)."""
    now = time.monotonic()
    for n, (future, (job, started)) in enumerate(running.items()):
        if n >= busy:
            break
        if started is None:
            running[future] = (job, now)


def _overdue(
    running: dict[Future[DocumentResult], tuple[Job, float | None]], hard: float | None
) -> list[Job]:
    if hard is None:
        return []
    now = time.monotonic()
    return [job for job, t in running.values() if t is not None and now - t > hard]


def _stop(pool: ProcessPoolExecutor) -> None:
    """Shut the pool down; on an early exit (Ctrl-C, an error) end its workers at once."""
    processes = list(getattr(pool, "_processes", {}).values())  # no public API for this
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()


def _overran(job: Job, timeout: float, seconds: float) -> DocumentResult:
    error = FileTimeoutError(
        f"took longer than the {timeout:g} s limit (--timeout) and did not stop; "
        "its worker process was ended"
    )
    row = FileError(str(job.path), error.stage, type(error).__name__, str(error))
    return DocumentResult(path=job.path, status=Status.FAILURE, errors=[row], seconds=seconds)


def died(job: Job, detail: str = "") -> DocumentResult:
    """The result of a file whose worker died on it."""
    error = WorkerDiedError(
        "the worker process died on this file (crash, out of memory or killed)" + detail
    )
    message = " ".join(str(error).split())[:300]
    row = FileError(str(job.path), error.stage, type(error).__name__, message)
    return DocumentResult(path=job.path, status=Status.FAILURE, errors=[row])
