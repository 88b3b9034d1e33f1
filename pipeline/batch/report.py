"""How a batch went: what was written, extracted now, skipped and failed (read by progress)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.outputs import changes as changelog
from pipeline.results import DocumentResult, Status


@dataclass(slots=True)
class BatchReport:
    """How a batch went: the results written, the files extracted now, and what was skipped."""

    out_dir: Path
    results: list[DocumentResult]
    processed: list[DocumentResult]
    skipped: int = 0
    skipped_failed: int = 0
    pruned: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    changes: changelog.ChangeSummary | None = None

    @property
    def failed(self) -> int:
        """Inputs that end failed: extracted now and failed, or unchanged since they failed."""
        now = sum(1 for r in self.processed if r.status is Status.FAILURE)
        return now + self.skipped_failed

    @property
    def pages(self) -> int:
        """Pages of the files extracted in this run."""
        return sum(r.document.pages for r in self.processed if r.document is not None)

    @property
    def exit_code(self) -> int:
        """0 when every input is fine, 1 when any failed (the outputs are written either way)."""
        return 1 if self.failed else 0
