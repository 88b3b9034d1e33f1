"""Batch runs over many files: the manifest of incremental runs (what changed since the last
run), the executors (in-process, a process pool, Dask), progress lines, the output folder's lock
and leftovers, the freshness stamp, and `poimija watch`.

`run_batch` is the entry point; `report.BatchReport` says how a run went.
"""

from pipeline.batch.engine import RunInterrupted, run_batch, sizes_and_mtimes
from pipeline.batch.report import BatchReport

__all__ = ["BatchReport", "RunInterrupted", "run_batch", "sizes_and_mtimes"]
