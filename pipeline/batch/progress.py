"""Progress of a batch on stderr: a bar redrawn in place on a terminal, plain lines in a log.

On a terminal one line shows files done, pages per second and the time left, and failed files
are printed above it; elsewhere (cron, CI, a pipe) each file gets one plain line. A summary
closes the run. `quiet` silences everything.
"""

from __future__ import annotations

import shutil
import sys
import time
from typing import TYPE_CHECKING, TextIO

from pipeline.results import DocumentResult, Status

if TYPE_CHECKING:
    from pipeline.batch.report import BatchReport

_BAR_WIDTH = 24
_WORDS = {Status.SUCCESS: "ok", Status.PARTIAL: "partial", Status.FAILURE: "failed"}


class Progress:
    """Reports a batch as it goes; the batch calls start, file_done (per file) and finish."""

    def __init__(
        self, stream: TextIO | None = None, *, quiet: bool = False, tty: bool | None = None
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.quiet = quiet
        self.tty = self.stream.isatty() if tty is None else tty
        self.total = self.done = self.pages = 0
        self.total_bytes = self.done_bytes = 0
        self.started = time.monotonic()
        self._bar_shown = False

    def start(self, total: int, total_bytes: int, skipped: int, skipped_failed: int) -> None:
        """A batch of `total` files to extract begins; `skipped` unchanged ones are not read."""
        self.total, self.total_bytes = total, total_bytes
        self.done = self.done_bytes = self.pages = 0
        self.started = time.monotonic()
        if self.quiet:
            return
        if skipped:
            failed = (
                f"; {skipped_failed} of them failed earlier, see errors.csv (--retry-failed)"
                if skipped_failed
                else ""
            )
            self._line(f"skipped  {skipped} unchanged file(s) (--force re-extracts){failed}")
        if self.tty and total:
            self._draw()

    def file_done(self, result: DocumentResult, size: int) -> None:
        """One file is finished (and stored)."""
        self.done += 1
        self.done_bytes += size
        self.pages += result.document.pages if result.document is not None else 0
        if self.quiet:
            return
        if not self.tty:
            self._line(describe(result))
            return
        if result.status is not Status.SUCCESS:
            self._line(describe(result))
        self._draw()

    def finish(self, report: BatchReport) -> None:
        """The batch is over and its outputs are written: print the summary."""
        if self.quiet:
            return
        self._clear()
        self._write(summary(report) + "\n")

    def _draw(self) -> None:
        elapsed = time.monotonic() - self.started
        share = self.done_bytes / self.total_bytes if self.total_bytes else 0.0
        filled = round(_BAR_WIDTH * (self.done / self.total if self.total else 1.0))
        rate = self.pages / elapsed if elapsed > 0 else 0.0
        if 0 < share < 1:
            left = elapsed * (1 - share) / share  # by bytes: big files come first
            eta = f"ETA {_clock(left)}"
        else:
            eta = "ETA --:--" if share == 0 else "ETA 0:00"
        text = (
            f"[{'#' * filled}{'.' * (_BAR_WIDTH - filled)}] {self.done}/{self.total} files"
            f"  {rate:.1f} pages/s  {eta}"
        )
        width = shutil.get_terminal_size((80, 24)).columns - 1
        self._write("\r\x1b[K" + text[:width])
        self._bar_shown = True

    def _line(self, text: str) -> None:
        self._clear()
        self._write(text + "\n")

    def _clear(self) -> None:
        if self._bar_shown:
            self._write("\r\x1b[K")
            self._bar_shown = False

    def _write(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()


def describe(result: DocumentResult) -> str:
    """One log line for a finished file: status, path, type, municipality, pages, time, reason."""
    doc = result.document
    what = f" {doc.doc_type} {doc.municipality or '?'} {doc.pages}p" if doc is not None else ""
    reason = f" — {result.errors[-1].message}" if result.errors else ""
    word = _WORDS[result.status]
    return f"{word:<8} {result.path}{what} {result.seconds:.1f}s{reason}"


def summary(report: BatchReport) -> str:
    """The closing line, e.g. `14 files: 12 ok, 1 skipped, 1 failed; 356 pages in 61.2 s …;
    changes: 3 added, 1 changed, 0 removed → outputs`."""
    counts = {"ok": 0, "partial": 0, "failed": 0}
    for result in report.processed:
        counts[_WORDS[result.status]] += 1
    parts = [f"{counts['ok']} ok"]
    if counts["partial"]:
        parts.append(f"{counts['partial']} partial")
    parts += [f"{report.skipped} skipped", f"{counts['failed']} failed"]
    if report.pruned:
        parts.append(f"{report.pruned} pruned")
    files = len(report.processed) + report.skipped
    rate = report.pages / report.seconds if report.seconds > 0 else 0.0
    changes = f"; {report.changes}" if report.changes is not None else ""
    return (
        f"{files} files: {', '.join(parts)}; {report.pages} pages in {report.seconds:.1f} s "
        f"({rate:.1f} pages/s){changes} → {report.out_dir}"
    )


def _clock(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
