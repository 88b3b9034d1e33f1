"""§ headings of minutes, whatever their arrangement, and the list of handled items.

A heading is found by what it is made of, not by one pattern per meeting system: one § number
(`§ 61`, `§61`, `61 §`) with a title after it, or with nothing beside it but a date and a body's
name, in any order (`Kaupunginhallitus § 61 24.02.2025`, `Stadsstyrelsen 28.04.2025 § 112`,
`24.02.2025 § 61`), also when the parts are printed apart on one row (body left, § in the
middle, date right) or in the cells of a ruled row. Two § numbers make a range or a reference,
a comma marks a repeated heading (`Välfärdsnämnden 15.9.2022, 45 §`), and a § inside a sentence
is a law's section (`Kuntalain 39 §:n mukaan`).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass

from schemas.source import Line, LineKind
from schemas.tree import PageLine

__all__ = ["Heading", "PageLine", "find_headings", "handled_warning", "heading_of"]

# A § token: "§ 61", "§61", "61 §", "61§" — not "§:n", "§:ssä", not a range "§ 61–66".
SECTION = re.compile(r"(?<![\w§.,/])(?:§\s?(\d{1,4})|(\d{1,4})\s?§)(?![\w§:])(?!\s?[–-]\s?§?\s?\d)")
DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])")
# The handled items printed in the minutes' header: "Käsitellyt asiat §§ 61–66", "§:t 36–42",
# "§ 43 – § 49", "39 – 49 §".
_HANDLED = re.compile(
    r"(?:§§|§:t|§)\s*(\d{1,4})\s*[–-]\s*(?:§\s*)?(\d{1,4})\b|\b(\d{1,4})\s*[–-]\s*(\d{1,4})\s*§"
)


@dataclass(slots=True)
class Heading:
    """A § heading found at `index` of the document's lines."""

    index: int
    section: str
    rest: str  # the title printed after the § number, if any
    body: str | None
    date: dt.date | None
    stop: int = 0  # the index after the heading's last line (a row printed apart has several)
    joined: PageLine | None = None  # the row's parts read as one line

    def __post_init__(self) -> None:
        self.stop = max(self.stop, self.index + 1)


def find_headings(lines: list[PageLine]) -> list[Heading]:
    """Every § heading of the document's lines, in order (a row printed apart read as one)."""
    found: list[Heading] = []
    i = 0
    while i < len(lines):
        row = _row(lines, i)
        single = [h for j in row if (h := heading_of(lines[j], j)) is not None]
        if len(row) > 1 and not any(h.date for h in single):
            # Only a row whose § line names no date is read as one: a dated heading beside
            # a caption ("Päätöshistoria") is complete on its own.
            joined = _row_heading(lines, i, row)
            single = [joined] if joined is not None else single
        found += single
        i = row[-1] + 1
    return found


def _row(lines: list[PageLine], start: int) -> list[int]:
    """Indexes of the lines that share the baseline of line `start` (reading order keeps
    a row's lines together)."""
    row = [start]
    for j in range(start + 1, min(start + 6, len(lines))):
        if not same_row(lines[start], lines[j]):
            break
        row.append(j)
    return row


def same_row(a: PageLine, b: PageLine) -> bool:
    """Whether two lines stand on one baseline of one page (cells of a row, parts of a heading)."""
    return a.page == b.page and abs(a.line.top - b.line.top) <= 0.5 * max(a.line.height, 6.0)


def _row_heading(lines: list[PageLine], start: int, row: list[int]) -> Heading | None:
    """A body/date heading printed apart on one row: `Kunnanvaltuusto   § 7   17.02.2025`."""
    parts = sorted((lines[j] for j in row), key=lambda pl: pl.line.x0)
    if not any(SECTION.search(pl.text) for pl in parts):
        return None
    marked = next(pl for pl in parts if SECTION.search(pl.text))
    joined = Line(
        " ".join(pl.text for pl in parts),
        parts[0].line.x0,
        min(pl.line.top for pl in parts),
        parts[-1].line.x1,
        max(pl.line.bottom for pl in parts),
        marked.line.font_size,
        marked.line.bold,
    )
    line = PageLine(marked.page, joined)
    heading = heading_of(line, start)
    if heading is None or heading.date is None:
        return None
    heading.stop, heading.joined = row[-1] + 1, line
    return heading


def heading_of(pl: PageLine, index: int) -> Heading | None:
    """The § heading on this line, or None."""
    text = " ".join(pl.text.split())
    tokens = list(SECTION.finditer(text))
    if pl.line.kind is not LineKind.TEXT or len(tokens) != 1:
        return None
    token = tokens[0]
    number = token.group(1) or token.group(2)
    dates = list(DATE.finditer(text))
    if len(dates) == 1 and "," not in text:
        date = date_of(dates[0])
        first, last = sorted((token.start(), token.end(), dates[0].start(), dates[0].end()))[::3]
        between = DATE.sub(" ", SECTION.sub(" ", text[first:last])).strip(" –-")
        before, after = text[:first].strip(" –-"), text[last:].strip(" –-")
        rest = before or after
        named = not (before and after) and body_like(rest)
        leading = token.start() == 0 or pl.line.bold  # not a wrapped "… 3.2.2025 § 30"
        if date is not None and not between and (named or (not rest and leading)):
            return Heading(index, number, "", rest or None, date)
    if token.start() > 0:
        return None
    rest = text[token.end() :].strip()
    if rest and not (rest[0].isupper() or rest[0].isdigit()):
        return None  # "§5 kan stadsstyrelsen besluta …", "§ 355. Asianosainen …": a sentence
    if token.group(1) or pl.line.bold:
        return Heading(index, number, rest, None, None)
    return None


def stage_headings(lines: list[PageLine], low: int, high: int) -> list[Heading]:
    """Items marked only by stage lines (`Kh § 141` … `Kv § 22`): the stage whose § number is
    among the handled items is the minutes' own; the item starts at the first stage line after
    the previous item's own stage."""
    stages = [i for i, pl in enumerate(lines) if stage_line(pl.text)]
    own = [
        i
        for i in stages
        if (m := SECTION.search(lines[i].text)) and low <= int(m.group(1) or m.group(2)) <= high
    ]
    headings: list[Heading] = []
    previous = -1
    for anchor in own:
        start = next(i for i in stages if i > previous)
        m = SECTION.search(lines[anchor].text)
        assert m is not None
        headings.append(Heading(start, m.group(1) or m.group(2), "", None, None))
        previous = anchor
    return headings


def stage_line(text: str) -> bool:
    """A handling-stage line inside an item: `Kunnanhallitus 3.2.2025 § 30`, `Kh § 141`,
    `Sivistyslautakunta, 27.01.2025, § 17` — a body, maybe a date, one § number, nothing more."""
    text = " ".join(text.split())
    tokens = list(SECTION.finditer(text))
    if len(tokens) != 1 or len(text) > 80:
        return False
    rest = " ".join(DATE.sub(" ", SECTION.sub(" ", text)).replace(",", " ").split()).strip(" –-")
    return bool(rest) and body_like(rest)


def stage_date(text: str) -> dt.date | None:
    """The date printed on a stage line."""
    m = DATE.search(text)
    return date_of(m) if m else None


_BODY_NOUN = re.compile(
    r"(?:hallitus|valtuusto|lautakunta|jaosto|toimikunta|styrelsen?|nämnden?|fullmäktige"
    r"|sektionen?|direktionen?)$",
    re.IGNORECASE,
)


def body_name(text: str) -> bool:
    """Whether a line is only a body's name (`Kaupunginhallitus`, `Tekninen lautakunta`): the
    upper half of a heading split over two lines."""
    text = " ".join(text.split())
    return body_like(text) and bool(_BODY_NOUN.search(text))


def body_like(text: str) -> bool:
    """Whether text can be a body's name: `Kunnanhallitus`, `Tekninen lautakunta`, `Kh`,
    `Sivistys- ja kulttuurilautakunta` — capitalised words, a lower-case head noun last,
    never a sentence's verb or a number in between."""
    words = text.split()
    if not 1 <= len(words) <= 5 or not words[0][:1].isupper():
        return False
    for prev, word in itertools.pairwise(words[:-1]):
        if not (word[:1].isupper() or (word in ("ja", "och") and prev.endswith("-"))):
            return False
    return all(re.fullmatch(r"[^\W\d_][\w-]*", w) for w in words)


def date_of(m: re.Match[str]) -> dt.date | None:
    """The date of a `DATE` match, None when it is not a calendar date."""
    try:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def handled_sections(preamble: list[PageLine]) -> tuple[int, int] | None:
    """The range of § numbers the minutes' header lists as handled, if it prints one."""
    first_page = [pl for pl in preamble if preamble and pl.page == preamble[0].page]
    ranges = []
    for pl in first_page:
        for m in _HANDLED.finditer(pl.text):
            low, high = (int(g) for g in m.groups() if g is not None)
            if low <= high <= low + 300:
                ranges.append((low, high))
    # The widest: an attendance line may name a few items ("asiantuntija § 8–9").
    return max(ranges, key=lambda r: r[1] - r[0], default=None)


def handled_warning(preamble: list[PageLine], sections: list[str]) -> str | None:
    """A warning when the items found differ from the handled items the header lists."""
    listed = handled_sections(preamble)
    if listed is None:
        return None
    low, high = listed
    expected = set(range(low, high + 1))
    found = {int(s) for s in sections if s.isdigit()}
    missing, extra = sorted(expected - found), sorted(found - expected)
    if not missing and not extra:
        return None
    parts = []
    if missing:
        parts.append("not found: " + ", ".join(f"§ {n}" for n in missing))
    if extra:
        parts.append("found but not listed: " + ", ".join(f"§ {n}" for n in extra))
    return f"the header lists §§ {low}–{high}; " + "; ".join(parts)
