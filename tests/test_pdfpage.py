"""The one-pass page reader gives exactly what pdfplumber's own calls give (issue #6 speed-up).

`pipeline/reading/pdfpage.py` skips pdfplumber's per-character dicts for speed; these tests pin
that the words, the image cover, the ruling count and the tables are still pdfplumber's, so a
pdfplumber upgrade that changes its arithmetic shows up here rather than as a silent drift in the
outputs.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from pipeline.reading.ocr import languages_for
from pipeline.reading.pdfpage import WORD_ATTRS, find_tables, page_objects

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
# Minutes with margin labels; landscape slides with ruled tables; a roadmap in two columns.
PDFS = [
    "000_joensuu_kh_2022_digiohjelma.pdf",
    "001_porvoo_digiohjelma_2020_2023.pdf",
    "004_heinola_digitiekartta_2022_2025.pdf",
]


@pytest.mark.parametrize("name", PDFS)
def test_page_objects_match_pdfplumber(name: str) -> None:
    tables_seen = 0
    with pdfplumber.open(SAMPLES / name) as pdf:
        for page in pdf.pages:
            objects = page_objects(page)
            assert objects.words == page.extract_words(extra_attrs=list(WORD_ATTRS))
            images = sum((im["x1"] - im["x0"]) * (im["bottom"] - im["top"]) for im in page.images)
            assert objects.image_area == pytest.approx(images)
            assert objects.rulings == len(page.lines) + len(page.rects) + len(page.edges)
            ours = [(t.bbox, [r.cells for r in t.rows]) for t in find_tables(page, objects)]
            theirs = [(t.bbox, [r.cells for r in t.rows]) for t in page.find_tables()]
            assert ours == theirs
            tables_seen += len(theirs)
            page.close()
    if name == "001_porvoo_digiohjelma_2020_2023.pdf":
        assert tables_seen == 7  # the comparison covered real tables


def test_ocr_language_narrowed_only_for_clearly_finnish_text() -> None:
    finnish = "Kaupunginhallitus hyväksyy ja päättää, että asia on valmis sekä tämä. " * 5
    swedish = "Stadsstyrelsen beslutar att det är och som för en del av ärendet. " * 5
    assert languages_for(finnish, "fin+swe") == "fin"
    assert languages_for(swedish, "fin+swe") == "fin+swe"  # swe alone is no faster
    assert languages_for(finnish + swedish, "fin+swe") == "fin+swe"  # bilingual: keep both
    assert languages_for("", "fin+swe") == "fin+swe"  # an all-scanned document: no evidence
    assert languages_for(finnish, "eng") == "eng"  # never a language the user did not ask for
