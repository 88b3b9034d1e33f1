"""Cheap re-runs (issue 21): size and mtime decide what is hashed, and nothing loads spaCy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import extractors
from extractors.registry import _REGISTRY, ExtractionContext, register
from pipeline.batch import run_batch
from pipeline.batch.manifest import Manifest, fingerprint, key_of
from pipeline.settings import Settings
from schemas.records import Theme
from schemas.source import SourceDocument
from tests.conftest import ROOT, SAMPLES

MINUTES = "Kaupunginhallitus 12.3.2024\n§ 5 Digiohjelma\nPäätös: Hyväksyttiin.\n"


def settings(out: Path, **extra: object) -> Settings:
    """One worker, into `out`."""
    return Settings(out_dir=out, **{"workers": 1, **extra})  # type: ignore[arg-type]


def _same_size_edit(path: Path) -> None:
    """Change a file's bytes but keep its size and modification time (what `--checksum` is for)."""
    stat = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("12.3.", "13.3."), encoding="utf-8")
    assert path.stat().st_size == stat.st_size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_size_and_mtime_decide_and_checksum_hashes_everything(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    minutes = folder / "minutes.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    assert len(run_batch([folder], settings(out)).processed) == 1
    _same_size_edit(minutes)
    # Same size and time: taken as unchanged without reading it, as rsync and make do.
    same = run_batch([folder], settings(out))
    assert (len(same.processed), same.skipped) == (0, 1)
    rehashed = run_batch([folder], settings(out, checksum=True))
    assert [r.path.name for r in rehashed.processed] == ["minutes.txt"]
    assert rehashed.processed[0].text is not None and "13.3.2024" in rehashed.processed[0].text


def test_touched_file_is_hashed_once_and_not_reextracted(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    minutes = folder / "minutes.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    run_batch([folder], settings(out))
    later = minutes.stat().st_mtime_ns + 5_000_000_000
    os.utime(minutes, ns=(later, later))
    report = run_batch([folder], settings(out))
    assert (len(report.processed), report.skipped) == (0, 1)
    with Manifest.in_dir(out) as manifest:
        entry = manifest.entries()[key_of(minutes)]
    # The new time is stored, so the next run does not hash the file again.
    assert (entry.size, entry.mtime_ns) == (len(MINUTES.encode()), later)


def test_unchanged_rerun_loads_no_reader_extractor_or_model(tmp_path: Path) -> None:
    out = tmp_path / "out"
    inputs = [
        SAMPLES / "000_joensuu_kh_2022_digiohjelma.pdf",
        SAMPLES / "003_kuopio_kh_2019_idk_hanke.pdf",
    ]
    first = run_batch(inputs, settings(out))
    assert len(first.processed) == 2
    # The re-run in a fresh process, as a scheduled run would be: what did it import?
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from pipeline.batch import run_batch\n"
        "from pipeline.settings import Settings\n"
        f"report = run_batch([Path(p) for p in {[str(p) for p in inputs]!r}],"
        f" Settings(out_dir=Path({str(out)!r}), workers=1))\n"
        "heavy = ['spacy', 'thinc', 'pytesseract', 'pdfplumber', 'pypdfium2', 'pdfminer',"
        " 'extractors.funding', 'extractors.decisions', 'pipeline.run', 'pyarrow', 'pandas']\n"
        "print(json.dumps([len(report.processed), report.skipped,"
        " [m for m in heavy if m in sys.modules]]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout.splitlines()[-1]) == [0, 2, []]


def test_unchanged_rerun_leaves_the_outputs_alone_unless_one_is_missing(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "minutes.txt").write_text(MINUTES, encoding="utf-8")
    first = run_batch([folder], settings(out))
    written = (out / "records.jsonl").stat().st_mtime_ns
    again = run_batch([folder], settings(out))
    assert (out / "records.jsonl").stat().st_mtime_ns == written  # not rewritten
    assert again.counts == first.counts and again.counts["documents"] == 1
    assert [r.path.name for r in again.results] == ["minutes.txt"]
    (out / "documents.csv").unlink()
    run_batch([folder], settings(out))
    assert (out / "documents.csv").read_text(encoding="utf-8").count("\n") == 2


def test_fingerprint_names_the_extractors_without_loading_them(tmp_path: Path) -> None:
    # The same before and after the registry loads its modules (a watch's second pass), and
    # another for an extractor a caller registers: its table would otherwise stay empty for
    # unchanged files.
    chosen = settings(tmp_path)
    before = fingerprint(chosen)
    extractors.available()
    assert fingerprint(chosen) == before

    @register("test_extra", table="themes")
    def extra(doc: SourceDocument, context: ExtractionContext) -> list[Theme]:
        return []

    try:
        assert fingerprint(chosen) != before
    finally:
        _REGISTRY.pop("test_extra")
    assert fingerprint(chosen) == before
