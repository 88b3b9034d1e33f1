"""Figures in table rows: cells joined where a figure was split, each figure under its column.

Unruled tables are cut into cells by whitespace, so a figure printed with a thin thousands gap
(`180 000`) may arrive as two cells (`180` | `000`), and two figures of neighbouring columns may
arrive as one (`+350 000 950 000`). This module puts both right before anyone reads a figure,
and finds the header cell each figure stands under by its horizontal position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schemas.tree import Box, Cell, TableBlock, union

_I = re.IGNORECASE
_YEAR = re.compile(r"(?:19|20)\d{2}")
_GAP = re.compile(r"[ \u00a0\u202f.]")
_FIGURE = re.compile(
    r"(?<![\d.,/])(?P<sign>[+−-]\s?)?(?P<num>\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+)"
    r"(?P<dec>,\d{1,2})?(?![\d%]|\s?%|[.,]\d|\s?[-–]\s?(?:19|20)\d{2})"
)
_NOT_AFTER = ("§", "puh.", "nro", "Dno", "tel.")  # a § number, a phone or diary number
_TOUCH = 6.0  # points between two cells that are one printed figure
SPLIT_ABOVE = 1e10
"""No municipal figure is this large: a grouped number above it is two figures run together."""


@dataclass(slots=True)
class Fragment:
    """A non-empty cell of a row (or cells joined into one figure): its text and box."""

    text: str
    box: Box


@dataclass(frozen=True, slots=True)
class Column:
    """A header cell: its text and horizontal extent."""

    text: str
    x0: float
    x1: float


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure of a row: the fragment it is printed in, its column's header and the match."""

    fragment: Fragment
    head: str
    hit: re.Match[str]


def header_of(table: TableBlock) -> list[Column]:
    """The table's columns as its header rows print them, left to right."""
    return [
        Column(" ".join(cell.text.split()), cell.bbox[0], cell.bbox[2])
        for row in table.header
        for cell in row.cells
        if cell is not None and cell.text.strip()
    ]


def fragments(cells: list[Cell | None]) -> list[Fragment]:
    """A row's non-empty cells left to right; a figure split over touching cells is joined."""
    out: list[Fragment] = []
    for cell in cells:
        if cell is None or not cell.text.strip():
            continue
        text = " ".join(cell.text.split())
        last = out[-1] if out else None
        if (
            last is not None
            and cell.bbox[0] - last.box[2] < _TOUCH
            and re.search(r"(?<![\d.,])\d{1,3}$", last.text)
            and re.match(r"\d{3}(?!\d)", text)
        ):
            last.text = f"{last.text} {text}"
            last.box = union([last.box, cell.bbox])
            continue
        out.append(Fragment(text, cell.bbox))
    return out


def figures(text: str) -> list[re.Match[str]]:
    """The figures of a cell that may be money: grouped thousands, a currency, or a lone number.

    Years, percentages, `§ 153`, phone numbers and numbers inside names (`Microsoft 365`)
    are not money."""
    found = []
    for hit in _FIGURE.finditer(text):
        number = hit.group("num")
        after = text[hit.end() : hit.end() + 12]
        grouped = bool(_GAP.search(number))
        currency = bool(re.match(r"\s?(?:t€|k€|m€|€|eur)", after, _I))
        if _YEAR.fullmatch(number) and not currency:
            continue
        if text[: hit.start()].rstrip().endswith(_NOT_AFTER):
            continue
        alone = text.strip() == hit.group(0).strip()
        if grouped or currency or (alone and len(number) >= 3):
            found.append(hit)
    return found


def value(hit: re.Match[str]) -> float:
    """The number a figure prints, with its sign."""
    digits = re.sub(r"\D", "", hit.group("num"))
    decimals = (hit.group("dec") or "").lstrip(",")
    number = float(f"{digits}.{decimals}" if decimals else digits)
    return -number if (hit.group("sign") or "").strip() in ("-", "−") else number


def row_figures(row: list[Fragment], columns: list[Column]) -> list[Figure]:
    """Each figure of a row under its column; a fragment holding two figures gives both."""
    out: list[Figure] = []
    for fragment in row:
        head = column_of(fragment, columns)
        for hit in figures(fragment.text):
            if abs(value(hit)) < SPLIT_ABOVE:
                out.append(Figure(fragment, head, hit))
            else:
                out += _split(fragment, hit, columns)
    return out


def _split(fragment: Fragment, hit: re.Match[str], columns: list[Column]) -> list[Figure]:
    """Two figures run together (`+350 000 950 000`): cut between their halves of groups."""
    groups = _GAP.split(hit.group("num"))
    cut = hit.start("num") + len(" ".join(groups[: len(groups) // 2]))
    x0, top, x1, bottom = fragment.box
    middle = x0 + (x1 - x0) * cut / max(1, len(fragment.text))
    halves = (
        (fragment.text[:cut], (x0, top, middle, bottom), -1),
        (fragment.text[cut + 1 :], (middle, top, x1, bottom), 0),
    )
    out = []
    for text, box, which in halves:
        part = Fragment(text, box)
        found = figures(text)
        if found:
            out.append(Figure(part, column_of(part, columns), found[which]))
    return out


def column_of(fragment: Fragment, columns: list[Column]) -> str:
    """The header text above a fragment: the header cell it overlaps most, else the nearest."""
    if not columns:
        return ""
    x0, x1 = fragment.box[0], fragment.box[2]

    def overlap(column: Column) -> float:
        return min(x1, column.x1) - max(x0, column.x0)

    best = max(columns, key=overlap)
    if overlap(best) > 0:
        return best.text
    centre = (x0 + x1) / 2
    return min(columns, key=lambda c: abs((c.x0 + c.x1) / 2 - centre)).text
