"""The PDFium reader gives the lines, tables and records the pdfplumber reader gives (issue 21).

Both readers run on every sample and real PDF. The samples must agree exactly in text, fonts,
tables and records, and (but for one known pdfminer error) within a point in every line box.
The real PDFs are compared line by line with spaces left out, because the readers differ on
a few spaces: a zero-width space (U+200B) that PDFium places where it is drawn and pdfminer
where it is written; a space glyph drawn on top of the next letter, which PDFium drops; a dash
or semicolon set so close to a word that the boxes put it on different sides of pdfplumber's
3-point word gap. What differs beyond spaces is pinned, so a change in either reader shows:
in `017_…` an unmapped glyph, which pdfminer writes `(cid:26)` and PDFium as the code itself,
and the rotated street names of a map (page 40), which the readers cut into different words.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from pdfplumber.table import (
    TableSettings,
    edges_to_intersections,
    intersections_to_cells,
    merge_edges,
)
from pdfplumber.utils.geometry import filter_edges
from pdfplumber.utils.text import WordExtractor

from pipeline.reading import pdfium_reader
from pipeline.reading.pdfpage import WORD_ATTRS
from pipeline.reading.read import read_document
from pipeline.reading.words import char_dict, extract_words
from pipeline.run import process_file
from pipeline.settings import Settings
from schemas.source import SourceDocument

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.pdf"))
REAL = sorted((ROOT.parent / "shared" / "real-pdfs").glob("*.pdf"))
# pdfminer gives `€` in the standard Helvetica no width (its metrics lack the glyph), so the
# rest of those lines sits 7 points (after two: 14) left of where it is drawn; PDFium is right.
EURO_PAGES = {("003_kuopio_kh_2019_idk_hanke.pdf", 2)}
# Lines (whitespace and zero-width spaces ignored) found by one reader and not the other.
REAL_DIFFERENCES = {
    "001_oulu_tweb_kh_tilinpaatos2016_asia.pdf": 0,
    "002_oulu_tweb_suomi100_juhlapaatos_asia.pdf": 0,
    "003_oulu_tweb_talouden_seuranta_asia.pdf": 0,
    "004_vantaa_tweb_lausunto_kuntauudistus_asia.pdf": 0,
    "005_lapua_kaupunginhallitus_pk_2025-02-03.pdf": 0,
    "015_nykarleby_valfardsnamnden_protokoll_2022-09-15_sv.pdf": 0,
    # 1 line (the glyph) + 8 (the map); of 1,499 lines.
    "017_nykarleby_stadsstyrelsen_foredragningslista_2022-09-26_sv.pdf": 9,
    "019_kauhava_tilinpaatos_2024.pdf": 0,
}
_INVISIBLE = re.compile(r"[\s\u200b]+")


def _both(path: Path) -> tuple[SourceDocument, SourceDocument]:
    return read_document(path, reader="pdfplumber"), read_document(path, reader="pdfium")


def _differing_lines(old: SourceDocument, new: SourceDocument) -> int:
    """Lines, compared page by page without spaces, that only one of the documents has."""
    total = 0
    for a, b in zip(old.pages, new.pages, strict=True):
        ours = Counter(_INVISIBLE.sub("", line.text) for line in a.lines)
        theirs = Counter(_INVISIBLE.sub("", line.text) for line in b.lines)
        total += sum(((ours - theirs) + (theirs - ours)).values())
    return total


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_samples_read_alike(path: Path) -> None:
    old, new = _both(path)
    assert [(p.number, p.width, p.height, p.ocr) for p in new.pages] == [
        (p.number, p.width, p.height, p.ocr) for p in old.pages
    ]
    for a, b in zip(old.pages, new.pages, strict=True):
        assert [line.text for line in b.lines] == [line.text for line in a.lines]
        assert [(line.font_size, line.bold) for line in b.lines] == [
            (line.font_size, line.bold) for line in a.lines
        ]
        assert [t.texts() for t in b.tables] == [t.texts() for t in a.tables]
        pairs = zip(a.lines, b.lines, strict=True)
        worst = max(
            (abs(x - y) for la, lb in pairs for x, y in zip(la.bbox, lb.bbox, strict=True)),
            default=0.0,
        )
        if (path.name, a.number) in EURO_PAGES:
            assert worst == pytest.approx(14.0, abs=0.05)  # two € on one line
        else:
            assert worst < 1.0, (path.name, a.number)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_samples_give_the_same_records(path: Path) -> None:
    old = process_file(path, Settings(reader="pdfplumber", workers=1))
    new = process_file(path, Settings(reader="pdfium", workers=1))
    assert new.status == old.status
    assert new.text == old.text
    exclude = {"bbox": True}
    assert {
        table: [r.model_dump(exclude=exclude) for r in rows] for table, rows in new.records.items()
    } == {
        table: [r.model_dump(exclude=exclude) for r in rows] for table, rows in old.records.items()
    }


@pytest.mark.skipif(not REAL, reason="../shared/real-pdfs is not here")
@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_pdfs_read_alike(path: Path) -> None:
    old, new = _both(path)
    assert len(new.pages) == len(old.pages)
    assert new.ocr_pages == old.ocr_pages
    assert _differing_lines(old, new) == REAL_DIFFERENCES[path.name]
    lines = sum(len(p.lines) for p in old.pages)
    assert REAL_DIFFERENCES[path.name] <= 0.02 * lines


@pytest.mark.parametrize("path", [*SAMPLES, *REAL], ids=lambda p: p.name)
def test_fast_word_extractor_gives_pdfplumbers_words(path: Path) -> None:
    pdf = pdfium_reader.open_pdf(path, None)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            chars = pdfium_reader.chars(textpage.raw, page)
            textpage.close()
            page.close()
            as_dicts = [char_dict(char) for char in chars]
            expected = WordExtractor(extra_attrs=list(WORD_ATTRS)).extract_words(as_dicts)
            assert extract_words(chars) == expected, (path.name, index + 1)
    finally:
        pdf.close()


@pytest.mark.parametrize("path", [*SAMPLES, *REAL], ids=lambda p: p.name)
def test_fast_cell_finder_gives_pdfplumbers_cells(path: Path) -> None:
    settings = TableSettings()
    pdf = pdfium_reader.open_pdf(path, None)
    try:
        for objects, _ in pdfium_reader.read_pages(pdf):
            least = settings.edge_min_length_prefilter
            edges = merge_edges(
                filter_edges(objects.edges, "v", min_length=least)
                + filter_edges(objects.edges, "h", min_length=least),
                snap_x_tolerance=settings.snap_x_tolerance,
                snap_y_tolerance=settings.snap_y_tolerance,
                join_x_tolerance=settings.join_x_tolerance,
                join_y_tolerance=settings.join_y_tolerance,
            )
            points = edges_to_intersections(edges)
            assert pdfium_reader._cells(points) == intersections_to_cells(points), path.name
    finally:
        pdf.close()
