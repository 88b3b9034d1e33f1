"""Incremental batch runs: extract only new or changed files, in parallel, and rebuild the tables.

    run_batch = discover → plan (hash vs. manifest) → execute (serial | pool | Dask)
                → store each result in the manifest → write the tables from the manifest

The tables always come from the manifest's stored results, sorted by path, so their content and
order do not depend on the executor, the number of workers or the order files finished in.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
import signal
import threading
import time
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.batch import freshness
from pipeline.batch.jobs import Job, check_executor
from pipeline.batch.manifest import Entry, Manifest, fingerprint, key_of
from pipeline.batch.progress import Progress
from pipeline.batch.report import BatchReport
from pipeline.batch.rundir import check_inputs, locked, remove_leftovers, scratch, writing
from pipeline.errors import FileNameError
from pipeline.outputs import changes as changelog
from pipeline.outputs.export import write_outputs
from pipeline.reading.discover import discover, sha256_of
from pipeline.results import DocumentResult, FileError, Status
from pipeline.settings import Settings

# Outputs whose absence makes a run write them all again even when nothing changed.
_OUTPUT_FILES = ("documents.csv", "errors.csv", "records.jsonl")


@dataclass(slots=True)
class Plan:
    """What a run will do with each input: extract it, skip it, or drop it."""

    jobs: list[Job] = field(default_factory=list)
    skipped: list[Entry] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    # Skipped files whose size or mtime changed but not their bytes: (key, size, mtime_ns).
    restat: list[tuple[str, int, int]] = field(default_factory=list)


class RunInterrupted(KeyboardInterrupt):
    """A run stopped by Ctrl-C or SIGTERM; the outputs hold the files finished before it."""

    def __init__(self, finished: int) -> None:
        super().__init__(f"interrupted; the outputs hold the {finished} file(s) finished")
        self.finished = finished


def refuse_unnamable(paths: Iterable[Path]) -> tuple[list[Path], dict[str, DocumentResult]]:
    """Split off the inputs that cannot be read or stored: names that are not UTF-8 (kept
    under an escaped key) and anything but a regular file (a FIFO would block the hashing)."""
    kept: list[Path] = []
    refused: dict[str, DocumentResult] = {}
    for path in paths:
        key = key_of(path)
        shown = os.fsencode(str(path)).decode("utf-8", "backslashreplace")
        if shown != str(path):
            error = FileNameError("the file name is not valid UTF-8; rename the file")
        elif path.exists() and not path.is_file():
            error = FileNameError("not a regular file (a pipe, device or socket)")
        else:
            kept.append(path)
            continue
        key = os.fsencode(key).decode("utf-8", "backslashreplace")
        row = FileError(shown, error.stage, type(error).__name__, str(error))
        refused[key] = DocumentResult(path=Path(shown), status=Status.FAILURE, errors=[row])
    return kept, refused


def input_files(inputs: Iterable[Path], out_dir: Path) -> list[Path]:
    """The files a run reads: `discover`ed, minus anything inside the output folder."""
    out = Path(key_of(out_dir))
    return [p for p in discover(inputs) if not Path(key_of(p)).is_relative_to(out)]


def plan(paths: Sequence[Path], entries: dict[str, Entry], settings: Settings) -> Plan:
    """Decide per input whether to extract it (new, changed, forced, retried) or skip it.

    A file whose size and modification time are those stored is taken as unchanged without
    reading it (as rsync and make do); the others, or all with `settings.checksum`, are hashed.
    """
    current = fingerprint(settings)
    result = Plan()
    for path in paths:
        key = key_of(path)
        entry = entries.get(key)
        try:
            stat = path.stat()
            size, mtime_ns = stat.st_size, stat.st_mtime_ns
            same_stat = entry is not None and (entry.size, entry.mtime_ns) == (size, mtime_ns)
            if same_stat and not settings.checksum:
                assert entry is not None
                sha256 = entry.sha256
            else:
                sha256 = sha256_of(path)
        except OSError:
            # Unreadable now: extracting it records the reason as the file's error.
            size, mtime_ns, sha256 = 0, 0, ""
        unchanged = entry is not None and entry.sha256 == sha256 and entry.fingerprint == current
        retry = entry is not None and (
            (settings.retry_failed and entry.status is not Status.SUCCESS)
            # The password is not part of the fingerprint (it would be stored): a file that
            # failed for want of one is retried whenever one is given.
            or (settings.password is not None and "EncryptedDocumentError" in entry.error_types)
        )
        if unchanged and not settings.force and not retry:
            assert entry is not None
            result.skipped.append(entry)
            if (entry.size, entry.mtime_ns) != (size, mtime_ns):
                result.restat.append((key, size, mtime_ns))  # hashed once, not every run
        else:
            result.jobs.append(Job(path, key, size, mtime_ns, sha256))
    seen = {key_of(p) for p in paths}
    result.gone = sorted(k for k in entries if k not in seen)
    # Biggest first: a big file started last would leave the other workers idle at the end.
    result.jobs.sort(key=lambda job: (-job.size, job.key))
    return result


def run_batch(
    inputs: Sequence[Path], settings: Settings | None = None, progress: Progress | None = None
) -> BatchReport:
    """Extract the new and changed files under `inputs` and rewrite the tables in `out_dir`.

    Example: `run_batch([Path("minutes")], Settings(out_dir=Path("out"), workers=2))`.
    """
    settings = settings or Settings()
    check_executor(settings)
    check_inputs(inputs, settings.out_dir)
    started = time.monotonic()
    out_dir = settings.out_dir
    interrupted = False
    with locked(out_dir), Manifest.in_dir(out_dir) as manifest:
        remove_leftovers(out_dir)
        entries = manifest.entries()
        paths, refused = refuse_unnamable(input_files(inputs, out_dir))
        todo = plan(paths, entries, settings)
        todo.gone = [key for key in todo.gone if key not in refused]
        pruned = manifest.remove(todo.gone) if settings.prune and todo.gone else 0
        manifest.restat(todo.restat)
        skipped_failed = sum(1 for e in todo.skipped if e.status is Status.FAILURE)
        progress = progress or Progress(quiet=True)
        progress.start(
            len(todo.jobs) + len(refused),
            sum(j.size for j in todo.jobs),
            len(todo.skipped),
            skipped_failed,
        )
        processed: list[DocumentResult] = []
        current = fingerprint(settings)
        refusals = [(Job(Path(key), key, 0, 0, ""), result) for key, result in refused.items()]
        try:
            with scratch(), contextlib.closing(_execute(todo.jobs, settings)) as done:
                for job, result in itertools.chain(refusals, done):
                    # Committed before the next file is looked at: a killed run keeps this one.
                    with writing(f"the manifest {manifest.path}"):
                        manifest.store(
                            job.key,
                            result,
                            sha256=job.sha256,
                            size=job.size,
                            mtime_ns=job.mtime_ns,
                            fingerprint=current,
                        )
                    processed.append(result)
                    progress.file_done(result, job.size)
        except KeyboardInterrupt:
            # Ctrl-C or SIGTERM: the files finished so far still make the outputs.
            interrupted = True
        results = manifest.results()
        state = manifest.state()
        written = manifest.outputs_written()
        # Nothing stored or dropped since the outputs were written (an unchanged re-run): they
        # are current, and rewriting them is most of such a run's time.
        current_outputs = (
            written is not None
            and written[0] == state
            and all((out_dir / name).exists() for name in _OUTPUT_FILES)
            and not freshness.stale(out_dir)  # nor touched since, nor left half-written
        )
        if current_outputs:
            assert written is not None
            counts = written[1]
            changes = changelog.ChangeSummary()  # nothing stored or dropped: nothing changed
            with _signals_deferred(), writing(f"the changes to {out_dir}", (Exception,)):
                freshness.begin(out_dir)  # the tables stay; this run's (empty) changes replace
                changelog.write_changes(out_dir, [], dt.datetime.now(dt.UTC))  # the last ones
                freshness.finish(out_dir)
        else:
            # Read before the new tables replace them; changes never fail the run.
            previous = changelog.before_write(out_dir)
            # Any failure while writing (DuckDB has errors of its own) is the run's, not a file's.
            with _signals_deferred(), writing(f"the outputs to {out_dir}", (Exception,)):
                # Marked incomplete first: a run killed midway leaves a folder known to be mixed.
                freshness.begin(out_dir)
                counts = write_outputs(out_dir, results)
                changes = changelog.after_write(out_dir, previous)
                _remove_stale(out_dir, results)
                freshness.finish(out_dir)
            manifest.record_outputs(state, counts)
    if interrupted:
        raise RunInterrupted(len(processed))
    processed.sort(key=lambda r: key_of(r.path))
    report = BatchReport(
        out_dir=out_dir,
        results=results,
        processed=processed,
        skipped=len(todo.skipped),
        skipped_failed=skipped_failed,
        pruned=pruned,
        counts=counts,
        seconds=time.monotonic() - started,
        changes=changes,
    )
    progress.finish(report)
    return report


def _execute(
    jobs: Sequence[Job], settings: Settings
) -> Generator[tuple[Job, DocumentResult], None, None]:
    """The executor's results; its modules (the readers, the extractors) are loaded only when
    there is a file to extract, so an unchanged re-run starts in a fraction of the time."""
    if not jobs:
        return
    from pipeline.batch.executors import execute

    yield from execute(jobs, settings)


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while the outputs are written, then deliver them.

    Each output file is replaced atomically; holding the signals keeps the files consistent with
    each other too (no new documents.csv beside an old records.jsonl).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    held = (signal.SIGINT, signal.SIGTERM)
    previous = {
        sig: signal.signal(sig, lambda signum, frame: caught.append(signum)) for sig in held
    }
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if caught:
            signal.raise_signal(caught[0])


def _remove_stale(out_dir: Path, results: Sequence[DocumentResult]) -> None:
    """Remove json/, text/ and structure/ files of documents no longer in the outputs."""
    ids = {r.document.document_id for r in results if r.document is not None}
    for folder, suffix in (("json", ".json"), ("text", ".txt"), ("structure", ".json")):
        for path in (out_dir / folder).glob(f"*{suffix}"):
            if path.stem not in ids:
                path.unlink(missing_ok=True)


def sizes_and_mtimes(inputs: Iterable[Path], out_dir: Path) -> dict[str, tuple[int, int]]:
    """The cheap state of the inputs (size and mtime per file), for polling without hashing."""
    state: dict[str, tuple[int, int]] = {}
    for path in input_files(inputs, out_dir):
        try:
            stat = os.stat(path)
        except OSError:
            continue
        state[key_of(path)] = (stat.st_size, stat.st_mtime_ns)
    return state
