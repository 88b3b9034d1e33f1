"""OCR of one file on several Tesseracts at once reads what one Tesseract reads (issue 21)."""

from __future__ import annotations

import fcntl
import multiprocessing
import os
import time
from pathlib import Path

import pytest

from pipeline.processes import Slots
from pipeline.reading import ocr
from tests.conftest import SAMPLES

SCANNED = SAMPLES / "005_porvoo_kh_2024-01-22_skannattu.pdf"
A4 = (595.2756, 841.8898)


@pytest.mark.skipif(not ocr.tesseract_languages(), reason="Tesseract is not installed")
def test_pages_read_in_parallel_equal_pages_read_one_by_one() -> None:
    pages = [(0, *A4), (1, *A4)]
    serial = ocr.ocr_pdf_pages(SCANNED, pages, lang="fin", workers=1)
    parallel = ocr.ocr_pdf_pages(SCANNED, pages, lang="fin", workers=2)
    assert [r.words for r in parallel] == [r.words for r in serial]
    texts = [" ".join(str(w["text"]) for w in r.words or []) for r in serial]
    assert "Kaupunginhallitus" in texts[0]
    assert all(r.warning is None for r in serial)


def _free(slots: Slots) -> bool:
    """Whether slot 0 can be taken now (without waiting)."""
    fd = os.open(slots.folder / "slot-0", os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)
    return True


@pytest.mark.skipif(not ocr.tesseract_languages(), reason="Tesseract is not installed")
def test_shared_slots_are_taken_and_given_back(tmp_path: Path) -> None:
    # A batch's processes share -j slots: with one slot, two pages still both get read.
    slots = Slots(tmp_path, 1)
    ocr.share_slots(slots)
    try:
        results = ocr.ocr_pdf_pages(SCANNED, [(0, *A4), (1, *A4)], lang="fin", workers=2)
    finally:
        ocr.share_slots(None)
    assert all(r.words for r in results)
    assert _free(slots)  # the slot was given back after the last page


def test_a_slot_is_held_by_one_process_and_freed_when_its_holder_dies(tmp_path: Path) -> None:
    slots = Slots(tmp_path, 1)
    with slots.held():
        assert not _free(slots)
    assert _free(slots)
    taken = multiprocessing.get_context("fork").Event()

    def hold_forever() -> None:
        with slots.held():
            taken.set()
            time.sleep(600)

    holder = multiprocessing.get_context("fork").Process(target=hold_forever)
    holder.start()
    try:
        assert taken.wait(30)
        assert not _free(slots)
    finally:
        holder.kill()  # killed while holding it, as at a time limit or by the OOM killer
        holder.join()
    started = time.monotonic()
    with slots.held():  # the kernel gave the lock up with its holder
        assert time.monotonic() - started < 1


@pytest.mark.skipif(
    not {"fin", "swe"} <= ocr.tesseract_languages(), reason="Tesseract fin+swe is not installed"
)
def test_a_page_started_in_another_language_is_read_again_in_the_final_one() -> None:
    # The reader starts Tesseract before the whole text layer is read; when the whole text then
    # settles on another language, the page is read again: the words are the final language's.
    import pypdfium2

    expected = ocr.ocr_pdf_pages(SCANNED, [(0, *A4)], lang="fin", workers=1)
    pdf = pypdfium2.PdfDocument(str(SCANNED))
    try:
        with ocr.PageOcr(workers=1) as queue:
            queue.settle("swe")
            page = pdf[0]
            queue.add(page)
            page.close()
            results = queue.results("fin")
    finally:
        pdf.close()
    assert [r.words for r in results] == [r.words for r in expected]
    assert results[0].words


def test_the_language_waits_for_enough_text() -> None:
    assert ocr.settled_language("Kaupunginhallitus", "fin+swe") is None
    finnish = " ".join(["ja on että se ei kun myös sekä tai joka"] * 5)
    assert ocr.settled_language(finnish, "fin+swe") == "fin"
