"""A page's running text as sentences: where they start, and the line each starts on.

The page's rows (lines on one baseline, as `Page.text` prints them) are joined with single
spaces, so a sentence is a verbatim, whitespace-collapsed span of the page — what a quote must
be. A sentence ends at a full stop before a capital (not after an abbreviation such as `milj.`
or `esim.`), and also where print marks it without a full stop: at a label row (`Päätös`),
a heading (bold, or short and unpunctuated before a capital), a bullet and a table row. Rows of
figures (`Henkilöstökulut 120 000 € 130 000 €`) and lines inside ruled tables are not sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from schemas.source import Line, LineKind, Page, Table

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ•\"”])")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:mm|esim|ns|n|ks|vrt|jne|yms|ym|milj|mrd|t|klo|puh|v)\.$")
_BULLET = re.compile(r"^(?:[•·\-–*]\s|\d{1,2}[.)]\s)")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a page: its text, its offset in the page's joined text, its first line."""

    text: str
    start: int
    first_line: Line


def page_sentences(page: Page) -> Iterator[Sentence]:
    """The page's running text cut into sentences; table rows and ruled-table lines dropped."""
    rows = _rows(page)
    text = " ".join(r.text for r in rows)
    widths = sorted(r.width for r in rows) or [0.0]
    short = 0.6 * widths[len(widths) // 2]
    # A sentence also ends where no full stop marks it: at a label (Päätös, Esitys …), a
    # heading (bold, or short and unpunctuated before a capital), a bullet and a table row.
    tables = [t.bbox for t in page.tables if not _layout_table(t)]
    starts = {0}
    for i, row in enumerate(rows):
        before = rows[i - 1] if i else None
        if row.breaks or (before is not None and (before.breaks or _heading(before, row, short))):
            starts.add(row.start)
        elif before is not None and _in_table(before, tables) != _in_table(row, tables):
            starts.add(row.start)  # text printed right below a table is not part of its rows
    for hit in _SENTENCE_END.finditer(text):
        if not _ABBREVIATION.search(text[max(0, hit.start() - 8) : hit.start()]):
            starts.add(hit.end())
    bounds = [*sorted(starts), len(text)]
    for a, b in pairwise(bounds):
        if not text[a:b].strip():
            continue
        first = next(r.lines[0] for r in reversed(rows) if r.start <= a)
        if table_row(text[a:b]) or any(_inside(first, box) for box in tables):
            continue
        yield Sentence(text[a:b].strip(), a, first)


@dataclass(slots=True)
class _Row:
    """Lines on one baseline, as the page's text prints them on one line."""

    text: str
    lines: list[Line]
    start: int = 0

    @property
    def width(self) -> float:
        """Distance from the row's left edge to its right edge."""
        return self.lines[-1].x1 - self.lines[0].x0

    @property
    def breaks(self) -> bool:
        """Whether the row stands alone: a label, a bold heading, a bullet or a table row."""
        label = any(line.kind is LineKind.LABEL for line in self.lines)
        bold = all(line.bold for line in self.lines)
        return label or bold or bool(_BULLET.match(self.text)) or table_row(self.text)


def _rows(page: Page) -> list[_Row]:
    """The page's rows (Page.text's lines) with the Line objects each is made of."""
    lines = [line for line in page.lines if line.text.strip()]
    rows: list[_Row] = []
    pos = 0
    for printed in page.text.split("\n"):
        want = " ".join(printed.split())
        if not want:
            continue
        taken: list[Line] = []
        while lines and " ".join(" ".join(ln.text for ln in taken).split()) != want:
            taken.append(lines.pop(0))
        if taken:
            rows.append(_Row(want, taken, pos))
            pos += len(want) + 1
    return rows


def _heading(row: _Row, after: _Row, short: float) -> bool:
    """A short row without closing punctuation before a capitalised one: a heading."""
    unpunctuated = not row.text.endswith((".", ",", ":", ";", "-", "–"))
    return unpunctuated and row.width < short and after.text[:1].isupper()


_PROSE_WORDS = 12  # a cell with this many words holds running text, not a figure or a name


def _layout_table(table: Table) -> bool:
    """A ruled table that lays out running text (a label column beside paragraphs, as some
    minutes print every item): its lines are sentences like any other."""
    words = [
        len(re.findall(r"[^\W\d_]{2,}", c.text)) for row in table.rows for c in row if c is not None
    ]
    prose = sum(n for n in words if n >= _PROSE_WORDS)
    return prose * 2 >= sum(words) > 0


def _in_table(row: _Row, tables: list[tuple[float, float, float, float]]) -> bool:
    return any(_inside(row.lines[0], box) for box in tables)


def _inside(line: Line, box: tuple[float, float, float, float]) -> bool:
    x, y = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


# "86 500" is one figure, not two.
_GROUPED = re.compile(r"(?<=\d)[ \u00a0\u2009\u202f](?=\d{3}(?!\d))")
_FIGURE = re.compile(r"[-+−]?[\d.,]*[%€]?")
_WORD = re.compile(r"[A-Za-zÅÄÖåäö]{2}")


def table_row(text: str) -> bool:
    """A line of figures with few words (`Verksamhetsintäkter 4,53 m€ -4,9 -232`)."""
    tokens = _GROUPED.sub("", text).split()
    numbers = sum(1 for t in tokens if _FIGURE.fullmatch(t))
    if numbers < 2:
        return False  # (asked of every line of every page: most are prose)
    words = sum(1 for t in tokens if _WORD.search(t))
    return (numbers >= 3 and numbers > words) or words == 0
