"""Every record's `bbox`: the box on its page that holds its quote, checked by cropping the PDF."""

from __future__ import annotations

from typing import Any

import pdfplumber
import pytest

from pipeline.analysis.locate import locate
from schemas.records import Theme
from schemas.source import Line, LineKind, Page, SourceDocument, Table, TableCell
from schemas.vocab import SourceFormat
from tests.conftest import RunOutput


def letters(text: str) -> str:
    """Letters and digits only, case-folded: what cropping and cleaning cannot change."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


# Letters a box may hold beyond its quote: the rest of the quote's first and last lines (a line
# of body text has 80–100). A box around a whole page or paragraph holds thousands.
SLACK = 200


def check_boxes(run: RunOutput) -> tuple[int, list[str]]:
    """Read each record's box back from its PDF page with pdfplumber; list those missing the quote.

    A box must hold the quote's first words and its last but one word (dehyphenation moves the
    end of a word split over two lines up to the first line, so the last word may reach below),
    and not much more than the quote.
    """
    checked, wrong = 0, []
    for result in run.results:
        if result.source is None or result.source.format is not SourceFormat.PDF:
            continue
        scanned = {page.number for page in result.source.pages if page.ocr}
        words: dict[int, list[dict[str, Any]]] = {}
        with pdfplumber.open(result.path) as pdf:
            for table, records in result.records.items():
                for record in records:
                    where = f"{result.path.name} {table} p{record.page} {record.quote[:60]!r}"
                    if record.bbox is None:
                        wrong.append(f"no box: {where}")
                        continue
                    page = pdf.pages[record.page - 1]
                    x0, top, x1, bottom = record.bbox
                    assert 0 <= x0 < x1 <= page.width and 0 <= top < bottom <= page.height, where
                    if record.page in scanned:
                        continue  # no text layer to read back: the box is OCR's
                    if record.page not in words:
                        words[record.page] = page.extract_words()
                    found = letters(
                        "".join(
                            w["text"]
                            for w in words[record.page]
                            if x0 - 1 <= (w["x0"] + w["x1"]) / 2 <= x1 + 1
                            and top - 1 <= (w["top"] + w["bottom"]) / 2 <= bottom + 1
                        )
                    )
                    head = letters(record.quote)[:16]
                    tail = letters(record.quote.rsplit(" ", 1)[0])[-16:]
                    checked += 1
                    if head not in found or tail not in found:
                        wrong.append(f"box misses the quote: {where} → {found[:80]!r}")
                    elif len(found) - len(letters(record.quote)) > SLACK:
                        wrong.append(f"box holds far more than the quote: {where}")
    return checked, wrong


def test_every_sample_record_is_boxed_around_its_quote(sample_run: RunOutput) -> None:
    checked, wrong = check_boxes(sample_run)
    assert wrong == []
    # Every record: the gold's 33 themes, 140 actions, 8 amounts and 4 § items (the samples are
    # extracted perfectly), less the scanned sample's 3 themes and 1 item, which have no text
    # layer to crop.
    assert checked == 33 + 140 + 8 + 4 - 4


def test_every_real_pdf_record_is_boxed_around_its_quote(real_run: RunOutput) -> None:
    checked, wrong = check_boxes(real_run)
    assert wrong == []
    assert checked > 500


def test_a_wrapped_table_cell_is_boxed_as_the_cell(sample_run: RunOutput) -> None:
    # Porvoo's use-case tables: a description wraps over lines that interleave with the
    # responsible column's lines; the box is the description cell's and holds nothing else:
    # the action's text and its linked programme, `(ilmasto-ohjelma)`.
    result = sample_run.by_source()["001_porvoo_digiohjelma_2020_2023.pdf"]
    [action] = [a for a in result.records["actions"] if a.text.startswith("Seurataan ruokahäv")]
    assert action.linked_programmes == ["ilmasto-ohjelma"]
    with pdfplumber.open(result.path) as pdf:
        page = pdf.pages[action.page - 1]
        assert action.bbox is not None
        text = page.within_bbox(action.bbox).extract_text()
    assert letters(text) == letters(action.text + " (ilmasto-ohjelma)")


def _source(fmt: SourceFormat = SourceFormat.PDF) -> SourceDocument:
    def line(text: str, top: float, x0: float = 50.0) -> Line:
        return Line(text=text, x0=x0, top=top, x1=x0 + 300, bottom=top + 10)

    first = Page(number=1, width=595, height=842)
    first.lines = [
        Line(text="Sivu 1 (2)", x0=500, top=20, x1=540, bottom=30, kind=LineKind.FURNITURE),
        line("Kaupunginhallitus myöntää hank-", 100),
        line("keelle 25 000 euroa vuodelle", 112),
        line("2025. Hanke toteutetaan vuosina 2025–2026 ja sen kokonais-", 124),
    ]
    second = Page(number=2, width=595, height=842)
    second.lines = [
        line("Pöytäkirja 1.1.2025", 30),
        line("kustannukset ovat 120 000 euroa.", 60),
        line("§ 25", 80),
    ]
    second.tables = [
        Table(
            bbox=(50, 200, 400, 240),
            rows=[
                [
                    TableCell("Toimenpide A", (50, 200, 200, 240)),
                    TableCell("x", (200, 200, 400, 240)),
                ]
            ],
        )
    ]
    return SourceDocument(path="a.pdf", sha256="ab" * 32, format=fmt, pages=[first, second])


def _theme(page: int, quote: str) -> Theme:
    return Theme(theme_id="ab:theme1", document_id="ab", name="x", page=page, quote=quote)


@pytest.mark.parametrize(
    ("page", "quote", "box"),
    [
        # Across a hyphenated line end, whatever spacing the quote has.
        (1, "myöntää hankkeelle 25 000  euroa", (50.0, 100.0, 350.0, 122.0)),
        # Running off the page: from its first line to the page's last.
        (
            1,
            "Hanke toteutetaan vuosina 2025–2026 ja sen kokonaiskustannukset ovat 120 000 euroa.",
            (50.0, 124.0, 350.0, 134.0),
        ),
        # Whole words first: the heading's "25", not the end of the date above it.
        (2, "§ 25", (50.0, 80.0, 350.0, 90.0)),
        # A table cell: the cell's box.
        (2, "Toimenpide A", (50.0, 200.0, 200.0, 240.0)),
        # Not on the cited page, or only furniture: no box.
        (2, "myöntää hankkeelle", None),
        (1, "Sivu 1 (2)", None),
    ],
)
def test_locate_on_a_built_document(page: int, quote: str, box: tuple[float, ...] | None) -> None:
    record = _theme(page, quote)
    locate(_source(), [record])
    assert record.bbox == box


def test_locate_keeps_a_box_and_leaves_text_files_alone() -> None:
    given = _theme(1, "myöntää hankkeelle")
    given.bbox = (1.0, 2.0, 3.0, 4.0)
    from_text = Theme(theme_id="ab:theme1", document_id="ab", name="x", page=1, quote="hankkeelle")
    locate(_source(), [given])
    locate(_source(SourceFormat.TXT), [from_text])
    assert given.bbox == (1.0, 2.0, 3.0, 4.0)
    assert from_text.bbox is None


def test_boxes_are_written_to_csv_and_json(sample_run: RunOutput) -> None:
    rows = sample_run.rows("funding")
    assert len(rows) == 8  # the samples' eight amounts, each with four numbers
    assert all(len([float(v) for v in row["bbox"].split(",")]) == 4 for row in rows)
    texts = [p.read_text(encoding="utf-8") for p in (sample_run.out_dir / "json").glob("*.json")]
    assert texts and all('"bbox": null' not in text for text in texts)
