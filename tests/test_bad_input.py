"""Bad input never kills a batch: one errors.csv row per bad file, good files still extracted."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.reading import ocr
from tests.pdfgen import image_only_pdf, text_pdf

GOOD_LINES = [
    "Porvoon kaupunki",
    "Kaupunginhallitus 22.01.2024 § 25",
    "Digiohjelma 2024-2026",
    "Päätösehdotus",
    "Kaupunginhallitus hyväksyy digiohjelman vuosille 2024-2026.",
    "Päätös",
    "Hyväksyttiin.",
]


def _errors(out: Path) -> dict[str, dict[str, str]]:
    with (out / "errors.csv").open(encoding="utf-8", newline="") as fh:
        return {Path(r["file"]).name: r for r in csv.DictReader(fh)}


def _documents(out: Path) -> dict[str, dict[str, str]]:
    with (out / "documents.csv").open(encoding="utf-8", newline="") as fh:
        return {Path(r["source_path"]).name: r for r in csv.DictReader(fh)}


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """A folder with one good PDF and one of each kind of bad input."""
    folder = tmp_path / "in"
    folder.mkdir()
    text_pdf(folder / "good.pdf", [GOOD_LINES])
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "zero.pdf").write_bytes(b"")
    full = text_pdf(tmp_path / "full.pdf", [GOOD_LINES, GOOD_LINES]).read_bytes()
    (folder / "truncated.pdf").write_bytes(full[: len(full) // 3])
    (folder / "download.pdf").write_text(
        "<!DOCTYPE html><html><body>404 Not Found</body></html>", encoding="utf-8"
    )
    (folder / "random.pdf").write_bytes(bytes(range(256)) * 8)
    text_pdf(folder / "locked.pdf", [GOOD_LINES], password="salasana")
    return folder


@pytest.mark.parametrize("workers", ["1", "2"])
def test_each_bad_file_gets_one_error_row(batch: Path, tmp_path: Path, workers: str) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(batch), "--out", str(out), "-q", "-j", workers])
    assert result.exit_code == 1
    errors = _errors(out)
    assert set(errors) == {
        "empty.txt",
        "zero.pdf",
        "truncated.pdf",
        "download.pdf",
        "random.pdf",
        "locked.pdf",
    }
    assert errors["zero.pdf"]["error_type"] == "EmptyDocumentError"
    assert errors["empty.txt"]["error_type"] == "EmptyDocumentError"
    assert errors["download.pdf"]["error_type"] == "UnsupportedFormatError"
    assert "HTML" in errors["download.pdf"]["message"]
    assert errors["random.pdf"]["error_type"] == "UnsupportedFormatError"
    assert errors["truncated.pdf"]["error_type"] == "ReadError"
    assert errors["locked.pdf"]["error_type"] == "EncryptedDocumentError"
    assert "--password" in errors["locked.pdf"]["message"]
    for row in errors.values():
        assert row["stage"] == "read"
        assert "\n" not in row["message"] and row["message"]
    docs = _documents(out)
    assert set(docs) == {"good.pdf"}
    assert docs["good.pdf"]["municipality_code"] == "638"
    assert docs["good.pdf"]["meeting_date"] == "2024-01-22"


def test_password_opens_encrypted_pdf(batch: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    locked = batch / "locked.pdf"
    result = CliRunner().invoke(
        main, ["run", str(locked), "--out", str(out), "--password", "salasana", "-q"]
    )
    assert result.exit_code == 0, result.output
    assert _documents(out)["locked.pdf"]["municipality"] == "Porvoo"
    # Unchanged and read fine last time: skipped unless forced, whatever the password.
    wrong = CliRunner().invoke(
        main, ["run", str(locked), "--out", str(out), "--password", "väärä", "-q", "--force"]
    )
    assert wrong.exit_code == 1
    assert _errors(out)["locked.pdf"]["message"] == "wrong password"
    # A file that failed for want of a password is retried when one is given.
    right = CliRunner().invoke(
        main, ["run", str(locked), "--out", str(out), "--password", "salasana", "-q"]
    )
    assert right.exit_code == 0
    assert _errors(out) == {}


def test_usage_error_exit_code(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["run", str(tmp_path / "missing.pdf")])
    assert result.exit_code == 2


def test_missing_tesseract_is_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scan = image_only_pdf(tmp_path / "scan.pdf", "Porvoon kaupunki\nKaupunginhallitus")
    good = text_pdf(tmp_path / "good.pdf", [GOOD_LINES])
    monkeypatch.setenv("PATH", str(tmp_path / "no-binaries"))
    ocr.tesseract_languages.cache_clear()
    try:
        out = tmp_path / "out"
        result = CliRunner().invoke(main, ["run", str(scan), str(good), "--out", str(out), "-q"])
    finally:
        ocr.tesseract_languages.cache_clear()
    assert "Traceback" not in result.output
    errors = _errors(out)
    # The scan has no text without OCR: it fails with a reason that says how to fix it.
    assert set(errors) == {"scan.pdf"}
    assert "Tesseract is not installed" in errors["scan.pdf"]["message"]
    assert "good.pdf" in _documents(out)
    assert result.exit_code == 1
