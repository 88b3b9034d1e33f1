"""Cleaning steps on hand-made pages: furniture, invisible characters, labels, hyphens, order."""

from __future__ import annotations

from pipeline.reading.clean import clean_document, normalise_characters, remove_furniture
from pipeline.reading.lines import lines_from_words
from schemas.source import Line, LineKind, Page, SourceDocument
from schemas.vocab import SectionLabel, SourceFormat


def _line(text: str, x0: float, top: float, size: float = 10.0, bold: bool = False) -> Line:
    width = 5.0 * len(text)
    return Line(text, x0, top, x0 + width, top + size, font_size=size, bold=bold)


def _doc(pages: list[list[Line]]) -> SourceDocument:
    doc = SourceDocument(path="x.pdf", sha256="0" * 64, format=SourceFormat.PDF)
    doc.pages = [Page(number=i, width=595, height=842, lines=ls) for i, ls in enumerate(pages, 1)]
    return doc


def _minutes_page(n: int, body: list[tuple[str, str]]) -> list[Line]:
    """A minutes page: header, margin labels (label, text) at x=56 and body at x=190, footer."""
    lines = [
        _line("Esimerkin kaupunki", 56, 30),
        _line(f"Pöytäkirja {n} (3)", 400, 30),
        _line("Kaupunginhallitus 16.05.2022", 56, 44),
    ]
    top = 120.0
    for label, text in body:
        if label:
            lines.append(_line(label, 56, top, bold=True))
        lines.append(_line(text, 190, top))
        top += 14
    lines.append(_line(str(n), 520, 810))
    return lines


def test_running_headers_and_page_numbers_become_furniture() -> None:
    body = [("", "Kaupungin digiohjelma on valmisteltu yhteistyössä toimialojen kanssa.")] * 3
    doc = _doc([_minutes_page(n, body) for n in (1, 2, 3)])
    remove_furniture(doc)
    for page in doc.pages:
        assert [ln.text for ln in page.furniture] == [
            "Esimerkin kaupunki",
            f"Pöytäkirja {page.number} (3)",
            "Kaupunginhallitus 16.05.2022",
            str(page.number),
        ]
        assert all(ln.kind is LineKind.FURNITURE for ln in page.furniture)
        assert "Pöytäkirja" not in page.text


def test_text_repeated_outside_the_edge_bands_stays() -> None:
    body = [("", "Kaupunginhallitus päättää hyväksyä ohjelman.")]
    doc = _doc([_minutes_page(n, body) for n in (1, 2)])
    remove_furniture(doc)
    assert all("hyväksyä ohjelman" in page.text for page in doc.pages)


def test_invisible_characters_are_dropped() -> None:
    page = Page(number=1, width=595, height=842)
    page.lines = [_line("kau\u200bpungin\u00a0hallitus\ufeff", 56, 100), _line("\u200b", 56, 120)]
    normalise_characters(page)
    assert [ln.text for ln in page.lines] == ["kaupungin hallitus"]


def test_margin_labels_are_labels_not_text() -> None:
    body = [
        ("Valmistelija", "tietohallintopäällikkö, talousjohtaja"),
        ("Päätösehdotus", "Kaupunginhallitus päättää hyväksyä digiohjelman."),
        ("", "Ohjelma on voimassa vuoteen 2025 asti kaikilla toimialoilla."),
        ("Päätös", "Hyväksyttiin yksimielisesti."),
        ("Liitteet", "Digiohjelma 2022-2025 ja sen toimenpidelista kaupungin verkkosivuilla."),
    ]
    doc = clean_document(_doc([_minutes_page(1, body), _minutes_page(2, body)]))
    page = doc.pages[0]
    labels = [(ln.text, ln.label) for ln in page.lines if ln.kind is LineKind.LABEL]
    assert labels == [
        ("Valmistelija", SectionLabel.PREPARERS),
        ("Päätösehdotus", SectionLabel.PROPOSAL),
        ("Päätös", SectionLabel.DECISION),
        ("Liitteet", SectionLabel.ATTACHMENTS),
    ]
    text = page.text.splitlines()
    assert text[:2] == ["Valmistelija", "tietohallintopäällikkö, talousjohtaja"]
    assert "Päätös" in text and "Hyväksyttiin yksimielisesti." in text


def test_heading_labels_on_their_own_line() -> None:
    lines = [
        _line("Päätösehdotus", 56, 120, bold=True),
        _line("Kaupunginhallitus hyväksyy digiohjelman vuosille 2024-2026.", 56, 134),
        _line("Päätös", 56, 160, bold=True),
        _line("Hyväksyttiin.", 56, 174),
        _line("Päätös tehtiin yksimielisesti kokouksessa.", 56, 188),
    ]
    doc = clean_document(_doc([lines]))
    kinds = [(ln.text, ln.kind) for ln in doc.pages[0].lines]
    assert kinds[0] == ("Päätösehdotus", LineKind.LABEL)
    assert kinds[2] == ("Päätös", LineKind.LABEL)
    assert kinds[4] == ("Päätös tehtiin yksimielisesti kokouksessa.", LineKind.TEXT)


def test_hyphenated_line_ends_are_rejoined_across_pages() -> None:
    first = [
        _line("Hanke toteutetaan yhdessä Savonia-", 56, 120),
        _line("ammattikorkeakoulun ja ELY-", 56, 134),
        _line("keskuksen kanssa koko kau-", 56, 148),
    ]
    second = [_line("pungin alueella sosiaali-", 56, 120), _line("ja terveystoimessa.", 56, 134)]
    doc = clean_document(_doc([first, second]))
    assert " ".join(doc.text.split()) == (
        "Hanke toteutetaan yhdessä Savonia-ammattikorkeakoulun ja ELY-keskuksen kanssa koko "
        "kaupungin alueella sosiaali- ja terveystoimessa."
    )
    assert doc.pages[0].text.endswith("kaupungin")


def test_words_on_a_baseline_split_at_wide_gaps() -> None:
    words = [
        {"text": "Päätös", "x0": 56, "x1": 86, "top": 100, "bottom": 110, "size": 10},
        {"text": "Hyväksyttiin", "x0": 190, "x1": 250, "top": 100.4, "bottom": 110, "size": 10},
        {"text": "yksimielisesti.", "x0": 253, "x1": 320, "top": 100, "bottom": 110, "size": 10},
    ]
    lines = lines_from_words(words)
    assert [ln.text for ln in lines] == ["Päätös", "Hyväksyttiin yksimielisesti."]
