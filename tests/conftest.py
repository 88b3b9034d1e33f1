"""Shared fixtures: project paths, and pipeline runs done once per test session."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.outputs.export import write_outputs
from pipeline.run import DocumentResult, run_files
from pipeline.settings import Settings

# The batch helpers of tests/hostile.py assert too: show their values when they fail.
pytest.register_assert_rewrite("tests.hostile")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLD = SAMPLES / "gold"
REAL_PDFS = ROOT.parent / "shared" / "real-pdfs"


@dataclass
class RunOutput:
    """A finished run: its output folder and the per-file results."""

    out_dir: Path
    results: list[DocumentResult]

    def rows(self, table: str) -> list[dict[str, str]]:
        """Rows of one output CSV."""
        with (self.out_dir / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))

    def by_source(self) -> dict[str, DocumentResult]:
        """Results keyed by the input's file name."""
        return {Path(r.path).name: r for r in self.results}


def _run(inputs: list[Path], out_dir: Path) -> RunOutput:
    results = run_files(inputs, Settings(out_dir=out_dir))
    write_outputs(out_dir, results)
    return RunOutput(out_dir, results)


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory: pytest.TempPathFactory) -> RunOutput:
    """poimija run over samples/ (once per session)."""
    pdfs = sorted(SAMPLES.glob("*.pdf"))
    if not pdfs:
        pytest.fail("samples/*.pdf missing: run `make samples`")
    return _run(pdfs, tmp_path_factory.mktemp("samples-out"))


@pytest.fixture(scope="session")
def real_run(tmp_path_factory: pytest.TempPathFactory) -> RunOutput:
    """poimija run over ../shared/real-pdfs (once per session); skipped where it is absent."""
    if not REAL_PDFS.is_dir():
        pytest.skip(f"real PDFs not found at {REAL_PDFS} (they live in shared/, never in the repo)")
    return _run([REAL_PDFS], tmp_path_factory.mktemp("real-out"))
