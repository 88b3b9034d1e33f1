"""Scheduled runs without a scheduler: poll input folders and run a batch when files change.

Each poll compares every input's size and modification time with the previous poll (no file is
read); on any difference an incremental batch runs, and the manifest decides by content hash
what is really new. Stop it with Ctrl-C or SIGTERM (the CLI exits 0), or after `max_cycles`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from pipeline.batch.engine import run_batch, sizes_and_mtimes
from pipeline.batch.progress import Progress
from pipeline.batch.report import BatchReport
from pipeline.settings import Settings


def watch(
    inputs: Sequence[Path],
    settings: Settings,
    *,
    interval: float,
    max_cycles: int | None = None,
    progress: Callable[[], Progress] | None = None,
) -> BatchReport | None:
    """Poll `inputs` every `interval` seconds; run a batch when any file is new, changed or gone.

    Runs forever unless `max_cycles` (polls) is given; returns the last batch's report. The first
    poll always runs a batch.
    """
    seen: dict[str, tuple[int, int]] | None = None
    report: BatchReport | None = None
    cycle = 0
    while True:
        # Taken before the batch: a file that changes while it runs differs at the next poll.
        state = sizes_and_mtimes(inputs, settings.out_dir)
        if state != seen:
            report = run_batch(inputs, settings, progress() if progress else None)
            seen = state
        cycle += 1
        if max_cycles is not None and cycle >= max_cycles:
            return report
        time.sleep(interval)
