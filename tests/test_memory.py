"""Memory stays bounded on long PDFs: pages are released as they are read (issue #6).

A 1,000-page minutes-like PDF is generated at test time and read by `poimija run` in a child
process; the child's peak resident memory (from `os.wait4`) must stay under 1.5 GB. This is a
memory assertion, not a timing one: the run takes some 20-30 s on a shared 2-core machine.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

from tests.pdfgen import long_minutes_pdf

PAGES = 1000
LIMIT_BYTES = 1.5 * 1024**3


def _poimija() -> list[str]:
    script = Path(sys.executable).with_name("poimija")
    return [str(script)] if script.exists() else [sys.executable, "-m", "pipeline.cli"]


def test_thousand_page_pdf_peak_rss_under_limit(tmp_path: Path) -> None:
    pdf = long_minutes_pdf(tmp_path / "pitka_poytakirja.pdf", PAGES)
    out, log = tmp_path / "out", tmp_path / "stderr.txt"
    with log.open("wb") as stderr:
        proc = subprocess.Popen(
            [*_poimija(), "run", str(pdf), "--out", str(out), "--quiet"],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        # wait4 gives the child's own peak RSS (ru_maxrss, KiB on Linux), not a sampled reading.
        _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.returncode == 0, log.read_text(errors="replace")[-2000:]
    peak = usage.ru_maxrss * 1024
    assert peak < LIMIT_BYTES, f"peak RSS {peak / 1024**2:.0f} MB"
    with (out / "documents.csv").open(encoding="utf-8", newline="") as fh:
        documents = list(csv.DictReader(fh))
    assert len(documents) == 1
    assert documents[0]["pages"] == str(PAGES)
    assert documents[0]["ocr_pages"] == "0"
    with (out / "decisions.csv").open(encoding="utf-8", newline="") as fh:
        # One § item per page: the whole document went through every stage, not just the reader.
        assert sum(1 for _ in csv.DictReader(fh)) == PAGES
