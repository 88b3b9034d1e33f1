"""Executors: who runs `process_file` on a batch's files — this process, a process pool, or Dask.

Each executor takes the jobs (biggest first) and yields `(job, result)` as files finish, in
completion order; the batch stores each result at once and sorts the outputs itself. Results
that cross a process boundary carry no `source` (only `text`).
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import extractors
from pipeline import ocr
from pipeline.errors import ExecutorUnavailableError, PoimijaError, WorkerDiedError
from pipeline.nlp import load_nlp
from pipeline.run import DocumentResult, FileError, Status, process_file
from pipeline.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Job:
    """One file to extract: its path as given, manifest key, size, mtime and content hash."""

    path: Path
    key: str
    size: int
    mtime_ns: int
    sha256: str


def process_detached(path: str, settings: dict[str, Any]) -> DocumentResult:
    """`process_file` for another process or machine: plain arguments, result without source."""
    result = process_file(Path(path), Settings(**settings))
    result.source = None
    return result


def execute(jobs: Sequence[Job], settings: Settings) -> Iterator[tuple[Job, DocumentResult]]:
    """Run the jobs with the executor `settings` choose; yield each result as it comes."""
    if not jobs:
        return  # nothing to extract: no spaCy load, no pool, no cluster
    if settings.executor == "dask":
        yield from _dask(jobs, settings)
    elif settings.workers == 1 or len(jobs) <= 1:
        yield from _serial(jobs, settings)
    else:
        yield from _pool(jobs, settings)


def check_executor(settings: Settings) -> None:
    """Fail early, with a one-line reason, when the chosen executor cannot run here."""
    if settings.executor == "dask":
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise ExecutorUnavailableError(
                "--executor dask needs dask.distributed: pip install 'poimija[dask]'"
            ) from None


def _needs_nlp(settings: Settings) -> bool:
    names = settings.extractors or extractors.available()
    return any(extractors.get(name).needs_nlp for name in names)


def preload_nlp(settings: Settings) -> str | None:
    """Load the spaCy model now if an extractor needs it (not inside the first file's time
    limit); returns the model name, or None when not needed or not installed."""
    if not _needs_nlp(settings):
        return None
    try:
        load_nlp(settings.spacy_model)
    except PoimijaError:
        return None  # each file then fails with the reason, as without preloading
    return settings.spacy_model


def _serial(jobs: Sequence[Job], settings: Settings) -> Iterator[tuple[Job, DocumentResult]]:
    preload_nlp(settings)
    for job in jobs:
        result = process_file(job.path, settings)
        result.source = None  # stored results keep only the text; free the pages now
        yield job, result


def _init_worker(spacy_model: str | None, ocr_slots: Any) -> None:
    # Tesseract starts a thread per core by default: with one file per core that oversubscribes.
    os.environ["OMP_THREAD_LIMIT"] = "1"
    # Each file OCRs up to -j pages at once; the workers share -j Tesseract slots between them.
    ocr.share_slots(ocr_slots)
    # Ctrl-C and SIGTERM are the parent's to handle; it stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if spacy_model is not None:
        # Each file then fails with the reason, as in a serial run.
        with contextlib.suppress(PoimijaError):
            load_nlp(spacy_model)  # once per worker (a no-op after fork from a loaded parent)


def _new_pool(workers: int, spacy_model: str | None) -> ProcessPoolExecutor:
    methods = multiprocessing.get_all_start_methods()
    # fork shares the parent's loaded spaCy model instead of loading it again per worker.
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    slots = context.BoundedSemaphore(workers)
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(spacy_model, slots)
    )


def _pool(jobs: Sequence[Job], settings: Settings) -> Iterator[tuple[Job, DocumentResult]]:
    """A process pool with at most one file per worker in flight, so that when a worker dies
    the files it may have held are known: they are retried one at a time, and the one that
    kills its worker alone gets the error row."""
    spacy_model = preload_nlp(settings)  # in the parent, before the fork
    arguments = settings.model_dump()
    queue, suspects = deque(jobs), deque[Job]()
    running: dict[Future[DocumentResult], Job] = {}
    pool = _new_pool(settings.workers, spacy_model)
    try:
        while queue or suspects or running:
            source, limit = (suspects, 1) if suspects else (queue, settings.workers)
            while source and len(running) < limit:
                job = source.popleft()
                running[pool.submit(process_detached, str(job.path), arguments)] = job
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            lost: list[Job] = []
            for future in done:
                job = running.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool:
                    lost.append(job)
                    continue
                yield job, result
            if not lost:
                continue
            # A dead worker breaks the whole pool: every file still running is lost with it.
            lost += running.values()
            running.clear()
            pool.shutdown(wait=True, cancel_futures=True)
            pool = _new_pool(settings.workers, spacy_model)
            if len(lost) == 1:
                yield lost[0], _died(lost[0])
            else:
                log.warning("a worker died; retrying its %d possible files one by one", len(lost))
                suspects.extend(lost)
    finally:
        _stop(pool)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Shut the pool down; on an early exit (Ctrl-C, an error) end its workers at once."""
    processes = list(getattr(pool, "_processes", {}).values())  # no public API for this
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()


def _died(job: Job, detail: str = "") -> DocumentResult:
    error = WorkerDiedError(
        "the worker process died on this file (crash, out of memory or killed)" + detail
    )
    message = " ".join(str(error).split())[:300]
    row = FileError(str(job.path), error.stage, type(error).__name__, message)
    return DocumentResult(path=job.path, status=Status.FAILURE, errors=[row])


def _dask(jobs: Sequence[Job], settings: Settings) -> Iterator[tuple[Job, DocumentResult]]:
    """Run through a dask.distributed cluster: `--scheduler` names one, else a local one starts.

    The workers must see the input paths (a shared file system) and have poimija installed.
    """
    check_executor(settings)
    # Imported by name, untyped: dask is an optional dependency and ships partial annotations.
    distributed: Any = importlib.import_module("distributed")
    cluster = None
    if settings.scheduler:
        client = distributed.Client(settings.scheduler)
    else:
        cluster = distributed.LocalCluster(
            n_workers=settings.workers, threads_per_worker=1, dashboard_address=None
        )
        client = distributed.Client(cluster)
    arguments = settings.model_dump()
    try:
        if _needs_nlp(settings):
            # Load the model on every worker before the first file's time limit starts.
            client.run(preload_nlp, settings)
        futures = {
            # Biggest first: Dask runs higher priorities first.
            client.submit(
                process_detached, str(job.path), arguments, pure=False, priority=len(jobs) - n
            ): job
            for n, job in enumerate(jobs)
        }
        for future in distributed.as_completed(futures):
            job = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # KilledWorker and the like: the file's worker died
                if settings.strict:
                    raise
                result = _died(job, f": {type(exc).__name__}: {exc}")
            yield job, result
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
