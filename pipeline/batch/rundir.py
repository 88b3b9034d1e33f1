"""The output folder and scratch space of one run: checked, locked, cleaned on every way out.

- An output folder equal to an input is refused; one inside an input is left out of it.
- An advisory lock (`OUT/.poimija.lock`) keeps a second run off a folder a run is writing.
- Leftover temporary files of a killed write are removed before the next one.
- Temporary files (OCR page images) go to a per-run folder removed on every way out; the folders
  of runs that were killed (their process is gone) are removed by the next run.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.errors import InputsError, RunError

log = logging.getLogger(__name__)
LOCK_NAME = ".poimija.lock"
# Temporary names of export.py's and frames.py's atomic writes (`.name.XXXX.tmp`, DuckDB's WAL).
_LEFTOVER = ("*.tmp", "*.tmp.wal")
_OUTPUT_FOLDERS = (".", "json", "text", "structure", "parquet")
_SCRATCH_PREFIX = "poimija-run-"
_SCRATCH = re.compile(rf"{_SCRATCH_PREFIX}(\d+)-")


def check_inputs(inputs: Iterable[Path], out_dir: Path) -> None:
    """Refuse an output folder that is an input; warn when it lies inside one (left out)."""
    out = Path(os.path.abspath(out_dir))
    for item in inputs:
        folder = Path(os.path.abspath(item))
        if not folder.is_dir():
            if folder.is_relative_to(out):
                raise InputsError(f"the input {item} is inside the output folder {out_dir}")
            continue
        if folder == out or folder.is_relative_to(out):
            raise InputsError(
                f"the output folder {out_dir} is (or holds) the input {item}: choose another --out"
            )
        if out.is_relative_to(folder):
            log.warning(
                "the output folder %s is inside the input %s: its files are not read", out_dir, item
            )


@contextlib.contextmanager
def locked(out_dir: Path) -> Iterator[None]:
    """Hold the output folder's lock; RunError at once when another run holds it."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(out_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise RunError(f"the output folder {out_dir} is not writable: {_reason(exc)}") from None
    try:
        try:
            # A POSIX record lock: held by this process only (not its forked workers) and
            # released by the kernel when it dies, however it dies.
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EAGAIN):
                raise RunError(f"cannot lock the output folder {out_dir}: {_reason(exc)}") from None
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            raise RunError(
                f"another poimija run (pid {holder}) is writing to {out_dir}; "
                "try again when it has finished"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock (the only descriptor of the file this process has)


@contextlib.contextmanager
def writing(
    what: str, errors: tuple[type[Exception], ...] = (OSError, sqlite3.Error)
) -> Iterator[None]:
    """Turn a failed write (disk full, permissions, an I/O error) into a RunError naming `what`."""
    try:
        yield
    except errors as exc:
        reason = _reason(exc) if isinstance(exc, OSError) else f"{type(exc).__name__}: {exc}"
        raise RunError(f"cannot write {what}: {' '.join(reason.split())}") from exc


def remove_leftovers(out_dir: Path) -> int:
    """Delete the temporary files a killed run left in the output folders; returns how many."""
    removed = 0
    for folder in _OUTPUT_FOLDERS:
        for pattern in _LEFTOVER:
            for path in (out_dir / folder).glob(f".{pattern}"):
                path.unlink(missing_ok=True)
                removed += 1
    if removed:
        log.info("removed %d temporary file(s) left by an interrupted run in %s", removed, out_dir)
    return removed


@contextlib.contextmanager
def scratch() -> Iterator[Path]:
    """A per-run temporary folder, made the default for `tempfile` here and in child processes."""
    base = Path(tempfile.gettempdir())
    _remove_orphans(base)
    folder = Path(tempfile.mkdtemp(prefix=f"{_SCRATCH_PREFIX}{os.getpid()}-", dir=base))
    previous, previous_env = tempfile.tempdir, os.environ.get("TMPDIR")
    tempfile.tempdir = str(folder)
    os.environ["TMPDIR"] = str(folder)
    try:
        yield folder
    finally:
        tempfile.tempdir = previous
        if previous_env is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = previous_env
        shutil.rmtree(folder, ignore_errors=True)


def _remove_orphans(base: Path) -> None:
    """Remove scratch folders whose run is gone (killed with -9, the machine restarted)."""
    for folder in base.glob(f"{_SCRATCH_PREFIX}*"):
        match = _SCRATCH.match(folder.name)
        if match and folder.is_dir() and not _alive(int(match.group(1))):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _reason(exc: OSError) -> str:
    """An OS error in words, with the path it happened on (not always the one asked for)."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        what = "permission denied"
    elif exc.errno == errno.EROFS:
        what = "read-only file system"
    else:
        what = exc.strerror or str(exc)
    return f"{what} ({exc.filename})" if exc.filename else what
