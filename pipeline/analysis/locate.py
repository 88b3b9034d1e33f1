"""Give records a `bbox`: the box on their page around the lines their quote came from.

Extractors cite a page and a quote; this finds the quote among the page's cleaned lines (or in
one table cell, for quotes taken from a cell whose lines interleave with its neighbours') and
sets `bbox` to the union of those lines, so a reader can highlight the record in the PDF.
Matching compares letters and digits only, which makes it blind to what cleaning changed:
spacing, line breaks, hyphens re-joined at line ends. A quote that cannot be found keeps no box;
nothing is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from schemas.records import Provenance, Record
from schemas.source import Line, LineKind, Page, SourceDocument
from schemas.vocab import SourceFormat

# A quote whose whole text is not on the page is placed by its first and last this many
# letters and digits (a quote that joins text from two places, or runs over a page break).
_ENDS = 24
# Boxes are rounded to this many decimals of a point: finer than any reader can see.
_DECIMALS = 1

Box = tuple[float, float, float, float]


@dataclass(slots=True)
class _Segment:
    """The letters and digits of a page's lines joined, with the line each character came from."""

    key: str
    owners: list[int]
    boxes: list[Box]
    starts: set[int]  # where a word begins in the key
    ends: set[int]  # where a word ends (one past its last character)


def _words(text: str) -> list[str]:
    """The runs of letters and digits of a text, case-folded."""
    return _ALNUM.findall(text.casefold())


# A run of what `str.isalnum` accepts: a word character that is not the underscore.
_ALNUM = re.compile(r"[^\W_]+")


def _key(text: str) -> str:
    """What quotes are matched on: the text's letters and digits, case-folded."""
    return "".join(_words(text))


def _segment(lines: Iterable[Line]) -> _Segment:
    key: list[str] = []
    owners: list[int] = []
    boxes: list[Box] = []
    starts: set[int] = set()
    ends: set[int] = set()
    for line in lines:
        if line.kind is LineKind.FURNITURE:
            continue
        words = _words(line.text)
        if not words:
            continue
        for word in words:
            starts.add(len(owners))
            key.append(word)
            owners.extend([len(boxes)] * len(word))
            ends.add(len(owners))
        boxes.append(line.bbox)
    return _Segment("".join(key), owners, boxes, starts, ends)


def _union(boxes: Sequence[Box]) -> Box:
    return (
        round(min(b[0] for b in boxes), _DECIMALS),
        round(min(b[1] for b in boxes), _DECIMALS),
        round(max(b[2] for b in boxes), _DECIMALS),
        round(max(b[3] for b in boxes), _DECIMALS),
    )


def _span(segment: _Segment, start: int, end: int) -> Box:
    """The union of the lines holding characters start..end-1 of the segment's key."""
    first, last = segment.owners[start], segment.owners[end - 1]
    return _union(segment.boxes[first : last + 1])


def _first(segment: _Segment, text: str, after: int = 0, *, begin: bool, end: bool) -> int:
    """Where `text` first occurs from `after`, -1 if nowhere.

    A place where it begins (`begin`) and ends (`end`) with whole words comes first, so that
    `§ 25` is the heading's "25", not the end of a "1.1.2025" printed above it.
    """
    first = at = segment.key.find(text, after)
    while at >= 0:
        if (not begin or at in segment.starts) and (not end or at + len(text) in segment.ends):
            return at
        at = segment.key.find(text, at + 1)
    return first


def _find(segment: _Segment, quote: str) -> Box | None:
    """Where `quote` (a key) is in the segment: whole, else by its two ends in order."""
    if not quote or not segment.key:
        return None
    at = _first(segment, quote, begin=True, end=True)
    if at >= 0:
        return _span(segment, at, at + len(quote))
    if len(quote) < 2 * _ENDS:
        return None
    head, tail = quote[:_ENDS], quote[-_ENDS:]
    at = _first(segment, head, begin=True, end=False)
    if at < 0:
        return None
    last = _first(segment, tail, at + _ENDS, begin=False, end=True)
    if last >= 0 and last + _ENDS - at <= 2 * len(quote):
        return _span(segment, at, last + _ENDS)
    # The quote runs off the page: its beginning is this page's end.
    rest = segment.key[at:]
    if quote.startswith(rest):
        return _span(segment, at, len(segment.key))
    return None


@dataclass(slots=True)
class _PageText:
    """One page made searchable: its lines as one segment, and each table cell's key and box."""

    lines: _Segment
    cells: list[tuple[str, Box]]

    @classmethod
    def of(cls, page: Page) -> _PageText:
        cells = [
            (_key(cell.text), cell.bbox)
            for table in page.tables
            for row in table.rows
            for cell in row
            if cell is not None and cell.text.strip()
        ]
        return cls(_segment(page.lines), cells)

    def find(self, quote: str) -> Box | None:
        """The box around `quote` (a key) on the page, or None when it is not found there."""
        for cell_key, box in self.cells:
            # Only a whole cell's worth of text: a short quote inside a long cell is a line's.
            if cell_key and quote in cell_key and len(quote) >= 0.5 * len(cell_key):
                return _union([box])
        return _find(self.lines, quote)


def locate(source: SourceDocument, records: Iterable[Record]) -> None:
    """Set `bbox` on each record that cites a page and quote of a PDF and has no box yet."""
    if source.format is not SourceFormat.PDF:
        return
    pages = {page.number: page for page in source.pages}
    searchable: dict[int, _PageText] = {}  # built on first use: most pages cite nothing
    for record in records:
        if not isinstance(record, Provenance) or record.bbox is not None:
            continue
        key = _key(record.quote)
        if record.page not in pages or not key:
            continue
        if record.page not in searchable:
            searchable[record.page] = _PageText.of(pages[record.page])
        record.bbox = searchable[record.page].find(key)
