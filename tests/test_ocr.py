"""OCR of one file on several Tesseracts at once reads what one Tesseract reads (issue 21)."""

from __future__ import annotations

import multiprocessing

import pytest

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


@pytest.mark.skipif(not ocr.tesseract_languages(), reason="Tesseract is not installed")
def test_shared_slots_are_taken_and_given_back() -> None:
    # A pool's workers share -j slots: with one slot, two pages still both get read.
    slots = multiprocessing.get_context("fork").BoundedSemaphore(1)
    ocr.share_slots(slots)
    try:
        results = ocr.ocr_pdf_pages(SCANNED, [(0, *A4), (1, *A4)], lang="fin", workers=2)
    finally:
        ocr.share_slots(None)
    assert all(r.words for r in results)
    assert slots.acquire(block=False)  # the slot was released after the last page


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
