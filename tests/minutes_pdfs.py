"""One set of minutes printed with its § headings in different arrangements (for the tests).

The items, labels and texts are the same in every file; only how each § heading is printed
changes: `§ 61` over the title, `61 § Title`, `Kaupunginhallitus § 61 24.02.2025`, an unstyled
`Kaupunginhallitus 24.02.2025 § 61`, `24.02.2025 § 61`, the heading split over two lines (the
body above, or the date below), the body, § and date printed apart on one row, and the same row
inside a ruled table. Item § 62 prints an earlier handling stage (a
committee that tabled it) before the board's own stage; § 63 has a counter-proposal and a vote.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

BODY = "Kaupunginhallitus"
DATE = "24.02.2025"
# (section, title); the body of each item follows in ITEM_LINES.
ITEMS = [
    ("61", "Kokouksen laillisuus ja päätösvaltaisuus"),
    ("62", "Asiointipalvelun hankinta"),
    ("63", "Tietohallinnon lisämääräraha"),
]
# `**text**` is a bold line (labels stand alone on their line, as many systems print them).
ITEM_LINES = {
    "61": [
        "**Kaupunginjohtajan päätösehdotus**",
        "Kaupunginhallitus toteaa kokouksen laillisesti koolle kutsutuksi ja päätösvaltaiseksi.",
        "**Päätös**",
        "Kokous todettiin laillisesti koolle kutsutuksi ja päätösvaltaiseksi.",
    ],
    "62": [
        "Dnro 45/02.08.00/2025",
        "Tekninen lautakunta 10.02.2025 § 12",
        "**Päätösehdotus**",
        "Lautakunta esittää kaupunginhallitukselle asiointipalvelun hankintaa.",
        "**Päätös**",
        "Asia jätettiin pöydälle.",
        f"{BODY} {DATE} § 62",
        "**Kaupunginjohtajan päätösehdotus**",
        "Kaupunginhallitus hyväksyy asiointipalvelun hankinnan tarjouksen mukaisesti.",
        "**Päätös**",
        "Ehdotus hyväksyttiin yksimielisesti.",
    ],
    "63": [
        "**Kaupunginjohtajan päätösehdotus**",
        "Kaupunginhallitus esittää valtuustolle 40 000 euron lisämäärärahaa tietohallinnolle.",
        "**Päätös**",
        "Jäsen Virtanen ehdotti Korhosen kannattamana, että asia palautetaan valmisteluun.",
        "Äänestyksessä annettiin 7 JAA-ääntä ja 4 EI-ääntä.",
        "Kaupunginhallitus hyväksyi kaupunginjohtajan ehdotuksen äänin 7–4.",
    ],
}
HEADER = [
    "Esimerkkilän kaupunki",
    f"**{BODY}**",
    "**PÖYTÄKIRJA 3/2025**",
    f"Kokousaika {DATE} klo 16.00",
    "Käsitellyt asiat §§ 61–63",
    "",
]

_LEFT, _SIZE, _LEADING = 56.0, 10.5, 14.5


class _Page:
    """A reportlab page that writes rows from the top down."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.y = A4[1] - 60.0

    def line(self, text: str, x: float = _LEFT) -> None:
        bold = text.startswith("**") and text.endswith("**")
        self.canvas.setFont("Helvetica-Bold" if bold else "Helvetica", _SIZE)
        self.canvas.drawString(x, self.y, text.strip("*") if bold else text)
        self.y -= _LEADING

    def row(self, parts: list[tuple[float, str]], *, ruled: bool = False) -> None:
        """Parts printed apart on one baseline; `ruled` draws a table row around them."""
        if ruled:
            top, bottom = self.y + _SIZE + 3, self.y - 5
            xs = [x - 4 for x, _ in parts] + [A4[0] - _LEFT]
            self.canvas.setLineWidth(0.8)
            self.canvas.line(xs[0], top, xs[-1], top)
            self.canvas.line(xs[0], bottom, xs[-1], bottom)
            for x in xs:
                self.canvas.line(x, top, x, bottom)
            self.y -= 4
        for x, text in parts:
            bold = text.startswith("**")
            self.canvas.setFont("Helvetica-Bold" if bold else "Helvetica", _SIZE)
            self.canvas.drawString(x, self.y, text.strip("*"))
        self.y -= _LEADING + (6 if ruled else 0)

    def gap(self) -> None:
        self.y -= _LEADING / 2


Heading = Callable[[_Page, str, str], None]


def _section_first(page: _Page, number: str, title: str) -> None:
    page.line(f"**§ {number}**")
    page.line(f"**{title}**")


def _number_first(page: _Page, number: str, title: str) -> None:
    page.line(f"**{number} § {title}**")


def _body_section_date(page: _Page, number: str, title: str) -> None:
    page.line(f"**{BODY} § {number} {DATE}**")
    page.line(f"**{title}**")


def _body_date_section_plain(page: _Page, number: str, title: str) -> None:
    page.line(f"{BODY} {DATE} § {number}")
    page.line(f"**{title}**")


def _date_section(page: _Page, number: str, title: str) -> None:
    page.line(f"**{DATE} § {number}**")
    page.line(f"**{title}**")


def _body_above(page: _Page, number: str, title: str) -> None:
    page.line(f"**{BODY}**")
    page.line(f"**§ {number} {DATE}**")
    page.line(f"**{title}**")


def _date_below(page: _Page, number: str, title: str) -> None:
    page.line(f"**§ {number}**")
    page.line(f"**{DATE}**")
    page.line(f"**{title}**")


def _row_apart(page: _Page, number: str, title: str) -> None:
    page.row([(_LEFT, BODY), (280.0, f"**§ {number}**"), (470.0, DATE)])
    page.line(f"**{title}**")


def _ruled_row(page: _Page, number: str, title: str) -> None:
    page.row([(_LEFT + 4, f"**{BODY}**"), (280.0, f"**§ {number}**"), (430.0, DATE)], ruled=True)
    page.line(f"**{title}**")


ARRANGEMENTS: dict[str, Heading] = {
    "section_first": _section_first,
    "number_first": _number_first,
    "body_section_date": _body_section_date,
    "body_date_section_plain": _body_date_section_plain,
    "date_section": _date_section,
    "body_above": _body_above,
    "date_below": _date_below,
    "row_apart": _row_apart,
    "ruled_row": _ruled_row,
}


def minutes_pdf(path: Path, arrangement: str) -> Path:
    """The minutes with every § heading printed in `arrangement`."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    page = _Page(canvas)
    for text in HEADER:
        page.line(text) if text else page.gap()
    heading = ARRANGEMENTS[arrangement]
    for number, title in ITEMS:
        heading(page, number, title)
        for text in ITEM_LINES[number]:
            page.line(text)
        page.gap()
    canvas.showPage()
    canvas.save()
    return path
