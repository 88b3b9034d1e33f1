"""OCR ahead: a batch's scanned pages read by Tesseract while the workers read other files give
the same words as the reader's own OCR, whatever happens to the process ahead (issue 21)."""

from __future__ import annotations

import csv
import multiprocessing
import os
import threading
import time
from collections import deque
from pathlib import Path
from typing import Any

import pytest

from pipeline.batch import ocr_ahead, run_batch
from pipeline.batch.ocr_ahead import OcrAhead
from pipeline.reading import ocr, ocr_shelf
from pipeline.reading.ocr_shelf import Shelf
from pipeline.reading.read import read_document
from pipeline.settings import Settings
from schemas.source import SourceDocument
from tests.conftest import SAMPLES

SCANNED = SAMPLES / "005_porvoo_kh_2024-01-22_skannattu.pdf"
TEXT = SAMPLES / "001_porvoo_digiohjelma_2020_2023.pdf"
needs_tesseract = pytest.mark.skipif(
    not ocr.tesseract_languages(), reason="Tesseract is not installed"
)


def test_the_shelf_gives_a_page_to_one_process_and_its_words_whole(tmp_path: Path) -> None:
    shelf = Shelf(tmp_path, os.getpid())
    key = shelf.file_key(SCANNED)
    assert shelf.file_key(Path(os.path.relpath(SCANNED))) == key  # the file, not its spelling
    assert shelf.claim(key, 0, "fin")
    assert not shelf.claim(key, 0, "fin")
    assert shelf.claim(key, 0, "fin+swe")  # another language is another entry
    assert shelf.fetch(key, 0, "fin") is None
    shelf.store(key, 0, "fin", ocr.OcrResult([{"text": "Kunta"}]))
    assert shelf.wait(key, 0, "fin") == ocr.OcrResult([{"text": "Kunta"}])
    assert not list(tmp_path.glob("*.part*"))  # written aside, renamed into place
    assert shelf.wait(key, 1, "fin") is None  # nobody holds it: no waiting


def test_a_reader_waits_for_a_page_the_live_process_ahead_holds(tmp_path: Path) -> None:
    shelf = Shelf(tmp_path, os.getpid())  # this process plays the process ahead
    key = shelf.file_key(SCANNED)
    assert shelf.claim(key, 0, "fin")
    words = ocr.OcrResult([{"text": "Kunta"}])
    later = threading.Timer(0.3, shelf.store, (key, 0, "fin", words))
    later.start()
    started = time.monotonic()
    assert shelf.wait(key, 0, "fin") == words
    assert time.monotonic() - started >= 0.25


def test_a_reader_does_not_wait_for_a_page_another_reader_claimed(tmp_path: Path) -> None:
    # A reader that claimed a page and then died (a worker ended at its time limit, its file
    # read again) leaves its claim: the next reader reads the page itself, at once.
    ahead = Shelf(tmp_path, os.getpid())
    key = ahead.file_key(SCANNED)
    reader = multiprocessing.get_context("fork").Process(
        target=lambda: Shelf(tmp_path, os.getpid()).claim(key, 0, "fin")
    )
    reader.start()
    reader.join()
    assert not ahead.claim(key, 0, "fin")
    started = time.monotonic()
    assert ahead.wait(key, 0, "fin") is None
    assert time.monotonic() - started < 1


def test_a_reader_does_not_wait_for_a_process_ahead_that_died(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    claimed = context.Event()
    key = Shelf(tmp_path, os.getpid()).file_key(SCANNED)

    def claim_then_hang() -> None:
        Shelf(tmp_path, os.getpid()).claim(key, 0, "fin")
        claimed.set()
        time.sleep(600)

    ahead = context.Process(target=claim_then_hang)
    ahead.start()
    assert ahead.pid is not None and claimed.wait(30)
    shelf = Shelf(tmp_path, ahead.pid)
    ahead.kill()  # killed holding the page; not reaped yet (a zombie)
    started = time.monotonic()
    assert shelf.wait(key, 0, "fin") is None
    ahead.join()
    assert shelf.wait(key, 0, "fin") is None  # reaped: its pid may now be anyone's
    assert time.monotonic() - started < 1


class _Waiting:
    def __init__(self, waiting: set[Path]) -> None:
        self._waiting = waiting

    def waiting(self, path: Path) -> bool:
        return path in self._waiting


class _Job:
    def __init__(self, path: str) -> None:
        self.path = Path(path)


def test_a_file_whose_pages_are_being_read_ahead_is_handed_out_last() -> None:
    jobs = deque(_Job(name) for name in ("scan.pdf", "a.pdf", "b.pdf"))
    ahead: Any = _Waiting({Path("scan.pdf")})
    order = [ocr_ahead.take_next(jobs, ahead).path.name for _ in range(3)]
    assert order == ["a.pdf", "b.pdf", "scan.pdf"]
    jobs = deque(_Job(name) for name in ("scan.pdf", "a.pdf"))
    assert ocr_ahead.take_next(jobs, None).path.name == "scan.pdf"  # no process ahead


def _read(path: Path) -> SourceDocument:
    return read_document(path, password=None, ocr_lang="fin+swe", reader="pdfium", ocr_workers=1)


def _lines(doc: SourceDocument) -> list[tuple[int, str, float, float]]:
    return [(p.number, ln.text, ln.x0, ln.top) for p in doc.pages for ln in p.lines]


def _ahead(paths: list[Path]) -> OcrAhead:
    return OcrAhead(paths, lang="fin+swe", password=None, workers=1, slots=None, max_memory=0)


@needs_tesseract
def test_a_scanned_file_is_not_handed_out_before_the_process_ahead_looked_at_it() -> None:
    # The batch asks at once, as a worker with nothing to do would: the scanned file comes
    # first in the order, and handed out now its worker would read its scans itself.
    ahead = _ahead([SCANNED, TEXT])
    try:
        jobs = deque([_Job(str(SCANNED)), _Job(str(TEXT))])
        assert ocr_ahead.take_next(jobs, ahead).path == TEXT
        assert ocr_ahead.take_next(jobs, ahead).path == SCANNED  # the last, as it is
    finally:
        ahead.close()


@needs_tesseract
def test_pages_read_ahead_are_the_words_the_reader_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    own = _read(SCANNED)
    ocr_pages = [p.number for p in own.pages if p.ocr]
    assert ocr_pages == [1, 2]
    ahead = _ahead([TEXT, SCANNED])
    try:
        deadline = time.monotonic() + 120
        while ahead.waiting(SCANNED) or not list(Path(ahead.folder).glob("*.result")):
            assert time.monotonic() < deadline, "the process ahead did not read the pages"
            time.sleep(0.1)
        while ahead.waiting(SCANNED):
            time.sleep(0.1)
        assert len(list(Path(ahead.folder).glob("*.result"))) == 2
        calls: list[Path] = []
        monkeypatch.setattr(ocr, "read_page_image", lambda image, *_: calls.append(image))
        ocr_shelf.use(ahead.shelf)
        try:
            shelved = _read(SCANNED)
        finally:
            ocr_shelf.use(None)
    finally:
        ahead.close()
    assert not Path(ahead.folder).exists()
    assert calls == []  # every scanned page came from the shelf
    assert _lines(shelved) == _lines(own)
    assert "Kaupunginhallitus" in " ".join(t for _, t, _, _ in _lines(shelved))


@needs_tesseract
def test_a_process_ahead_ended_at_any_moment_changes_no_word() -> None:
    own = _read(SCANNED)
    for delay in (0.0, 0.3, 1.0):
        ahead = _ahead([SCANNED, TEXT])
        time.sleep(delay)
        ahead._process.kill()  # as the OOM killer would
        ocr_shelf.use(ahead.shelf)
        try:
            assert _lines(_read(SCANNED)) == _lines(own)
        finally:
            ocr_shelf.use(None)
            ahead.close()


def _rows(out: Path, table: str) -> list[dict[str, str]]:
    with (out / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return [{k: v for k, v in row.items() if k != "extracted_at"} for row in csv.DictReader(fh)]


@needs_tesseract
@pytest.mark.parametrize("timeout", [0, 120])  # in this process, and in a worker process
def test_a_batch_reads_the_same_with_and_without_reading_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, timeout: int
) -> None:
    inputs = [SCANNED, TEXT]
    started: list[OcrAhead] = []
    real = OcrAhead.__init__

    def recorded(self: OcrAhead, *args: Any, **kwargs: Any) -> None:
        real(self, *args, **kwargs)
        started.append(self)

    monkeypatch.setattr(OcrAhead, "__init__", recorded)
    ahead = run_batch(inputs, Settings(out_dir=tmp_path / "ahead", workers=1, timeout=timeout))
    assert len(started) == 1
    monkeypatch.setattr(ocr_ahead, "wanted", lambda *_: False)
    alone = run_batch(inputs, Settings(out_dir=tmp_path / "alone", workers=1, timeout=timeout))
    assert ahead.failed == alone.failed == 0
    assert not Path(started[0].folder).exists()  # the shelf and its images went with the batch
    for table in ("documents", "decisions", "funding", "themes", "actions"):
        assert _rows(tmp_path / "ahead", table) == _rows(tmp_path / "alone", table)
    documents = _rows(tmp_path / "ahead", "documents")
    assert {row["ocr_pages"] for row in documents} == {"0", "2"}


def test_a_file_the_process_ahead_checked_is_not_walked_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pipeline.reading import read

    ahead = _ahead([TEXT, SCANNED])
    try:
        key = ahead.shelf.file_key(TEXT)
        deadline = time.monotonic() + 60
        while not ahead.shelf.checked(key):
            assert time.monotonic() < deadline, "the process ahead did not check the file"
            time.sleep(0.05)
        walked: list[Path] = []
        real = read.check_limits

        def check(path: Path, password: str | None) -> None:
            walked.append(path)
            real(path, password)

        monkeypatch.setattr(read, "check_limits", check)
        ocr_shelf.use(ahead.shelf)
        try:
            shelved = _read(TEXT)
        finally:
            ocr_shelf.use(None)
        assert walked == []
        assert _lines(_read(TEXT)) == _lines(shelved)
        assert walked == [TEXT]  # without the shelf the reader checks it itself
    finally:
        ahead.close()
