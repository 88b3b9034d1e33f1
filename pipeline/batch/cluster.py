"""The Dask executor: a batch's files run on a dask.distributed cluster (`--executor dask`).

Imported only when asked for: dask is an optional dependency.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Sequence
from typing import Any

from pipeline.batch.executors import died, needs_nlp, preload_nlp, process_detached
from pipeline.batch.jobs import Job, check_executor
from pipeline.results import DocumentResult
from pipeline.settings import Settings


def run_on_dask(jobs: Sequence[Job], settings: Settings) -> Iterator[tuple[Job, DocumentResult]]:
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
        if needs_nlp(settings):
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
                result = died(job, f": {type(exc).__name__}: {exc}")
            yield job, result
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
