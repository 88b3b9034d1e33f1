"""`poimija watch`: polls folders, runs incrementally on new files, stops cleanly."""

from __future__ import annotations

import csv
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import main
from tests.conftest import SAMPLES
from tests.pdfgen import text_pdf
from tests.test_bad_input import GOOD_LINES

POIMIJA = str(Path(sys.executable).parent / "poimija")
LATER = "003_kuopio_kh_2019_idk_hanke.pdf"


def _sources(out: Path) -> set[str]:
    path = out / "documents.csv"
    if not path.is_file():
        return set()
    with path.open(encoding="utf-8", newline="") as fh:
        return {Path(r["source_path"]).name for r in csv.DictReader(fh)}


def _wait_for(out: Path, name: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 90
    while name not in _sources(out):
        assert proc.poll() is None, "watch exited early"
        assert time.monotonic() < deadline, f"{name} never showed up in documents.csv"
        time.sleep(0.1)


def test_watch_picks_up_a_file_added_later_and_stops_on_sigterm(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    text_pdf(folder / "porvoo.pdf", [GOOD_LINES])
    with subprocess.Popen(
        [POIMIJA, "watch", str(folder), "--out", str(out), "--interval", "0.2", "-j", "1", "-q"],
        stderr=subprocess.PIPE,
    ) as proc:
        try:
            _wait_for(out, "porvoo.pdf", proc)
            # Copy under a hidden name and rename: the watcher never sees a half-written file.
            shutil.copy(SAMPLES / LATER, folder / f".{LATER}.part")
            (folder / f".{LATER}.part").rename(folder / LATER)
            _wait_for(out, LATER, proc)
            proc.send_signal(signal.SIGTERM)
            _, stderr = proc.communicate(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert (proc.returncode, stderr.decode()) == (0, "")
    assert _sources(out) == {"porvoo.pdf", LATER}


def test_watch_runs_a_batch_only_when_files_change(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    text_pdf(folder / "porvoo.pdf", [GOOD_LINES])
    args = ["watch", str(folder), "--out", str(out), "--interval", "0.01", "-j", "1"]
    result = CliRunner().invoke(main, [*args, "--max-cycles", "3"], catch_exceptions=False)
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines[0] == f"watching {folder} every 0.01 s (Ctrl-C stops)"
    # Three polls, one batch: nothing changed after the first.
    summaries = [line for line in lines if line.startswith("1 files:")]
    assert len(summaries) == 1 and "1 ok, 0 skipped, 0 failed" in summaries[0]
    assert _sources(out) == {"porvoo.pdf"}
