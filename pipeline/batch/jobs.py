"""What the batch hands its executor: one job per file to extract, and the check that the chosen
executor can run here (apart from `executors`, which loads the readers and extractors)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import ExecutorUnavailableError
from pipeline.settings import Settings


@dataclass(frozen=True, slots=True)
class Job:
    """One file to extract: its path as given, manifest key, size, mtime and content hash."""

    path: Path
    key: str
    size: int
    mtime_ns: int
    sha256: str


def check_executor(settings: Settings) -> None:
    """Fail early, with a one-line reason, when the chosen executor cannot run here."""
    if settings.executor == "dask":
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise ExecutorUnavailableError(
                "--executor dask needs dask.distributed: pip install 'poimija[dask]'"
            ) from None
