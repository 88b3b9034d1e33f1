"""Layout helpers for programme documents: headings, paragraphs, list items, names.

Programmes are slides, reports and minutes; what they share is typography: a heading is
bigger or bolder than the body text, a paragraph ends at a wider gap, a list item starts with
a number, a letter or a bullet and its wrapped lines are indented.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from statistics import median

from schemas.source import Line, LineKind, Page, SourceDocument

QUOTE_CHARS = 200
BULLET = re.compile(r"^(?:[•◦▪●■□➢►✓]\s*|[-–—*]\s+)(?=\S)")
# "1." "2)" "a)" "A." — one or two digits or a single letter, then a period or parenthesis.
ORDINAL = re.compile(r"^(\d{1,2}|[A-Za-zÅÄÖåäö])[.)]\s+(?=\S)")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_QUOTES = str.maketrans({"”": "", "“": "", '"': "", "„": "", "«": "", "»": "", "’": "", "'": ""})
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-"})


@dataclass(slots=True)
class Paragraph:
    """Consecutive lines of one page with no wider gap than a line break between them."""

    page: int
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The lines joined with spaces."""
        return " ".join(line.text for line in self.lines)

    @property
    def top(self) -> float:
        """Top of the first line."""
        return self.lines[0].top


def body_size(doc: SourceDocument) -> float:
    """The font size of the body text: the median size of running-text lines, weighted by length.

    Table cells are left out when there is text outside tables: a programme made mostly of
    tables sets them smaller than its prose, and the prose decides what a heading is.
    """
    inside: list[float] = []
    outside: list[float] = []
    for page in doc.pages:
        for line in page.lines:
            if line.kind is not LineKind.TEXT or not line.font_size:
                continue
            in_table = any(t.bbox[1] - 1 <= line.top <= t.bbox[3] + 1 for t in page.tables)
            (inside if in_table else outside).extend(
                [line.font_size] * max(1, len(line.text) // 20)
            )
    sizes = outside if len(outside) >= 10 else outside + inside
    return median(sizes) if sizes else 10.0


def is_heading(line: Line, body: float) -> bool:
    """A short line set bigger than the body, or bold at body size and not ending a sentence."""
    if line.kind is not LineKind.TEXT or len(line.text) > 140 or not line.font_size:
        return False
    if line.text.endswith(".") and len(line.text.split()) > 6:
        return False  # a sentence, whatever its size
    if line.font_size >= body + 1.5:
        return True
    return line.bold and line.font_size >= body - 0.5 and not line.text.endswith((".", ","))


def text_lines(page: Page) -> list[Line]:
    """The page's text lines (labels and furniture left out), top to bottom, left to right."""
    lines = [line for line in page.lines if line.kind is LineKind.TEXT]
    return sorted(lines, key=lambda line: (round(line.top), line.x0))


def paragraphs(page: Page, body: float) -> list[Paragraph]:
    """Paragraphs of a page: a heading, a list item or a gap wider than 1.5 lines starts one."""
    out: list[Paragraph] = []
    previous: Line | None = None
    for line in text_lines(page):
        starts = (
            previous is None
            or is_heading(line, body)
            or is_heading(previous, body)
            or line.top - previous.bottom > 0.6 * max(line.height, 1.0)
            or bool(BULLET.match(line.text) or ORDINAL.match(line.text))
            or line.x0 < previous.x0 - 4
        )
        same_row = previous is not None and abs(line.top - previous.top) < 2
        if starts and not same_row:
            out.append(Paragraph(page.number))
        if not out:
            out.append(Paragraph(page.number))
        out[-1].lines.append(line)
        previous = line
    return out


def split_marker(text: str) -> tuple[str | None, str, bool]:
    """(ordinal, rest, bulleted) of a list item: "2. Foo" → ("2", "Foo", False)."""
    bullet = BULLET.match(text)
    if bullet:
        text = text[bullet.end() :]
    found = ORDINAL.match(text)
    if found:
        return found.group(1), text[found.end() :], bool(bullet)
    return None, text, bool(bullet)


def normalise(text: str) -> str:
    """A name for comparison: case-folded, quotes and end punctuation dropped, dashes unified."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES).translate(_DASHES)
    return " ".join(text.casefold().split()).strip(" .,:;")


def same_name(a: str, b: str) -> bool:
    """True when two printed names are the same (one may add a lead word or an ordinal)."""
    na, nb = normalise(_strip_ordinal(a)), normalise(_strip_ordinal(b))
    if not na or not nb:
        return False
    if na == nb:
        return True
    short, long_ = sorted((na, nb), key=len)
    # "OSAAMINEN - Työn mielekkyys ja digiosaaminen" vs "Työn mielekkyys ja digiosaaminen".
    return len(short) >= 12 and (long_.endswith(" " + short) or long_.startswith(short + " "))


def quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """A quote of at most `limit` characters, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0]


def years_in(text: str) -> list[int]:
    """Years named in a schedule ("2021", "2021–2023" as a span, "2021, 2023")."""
    span = re.search(r"\b((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\b", text)
    if span:
        start, end = int(span.group(1)), int(span.group(2))
        if 0 <= end - start <= 30:
            return list(range(start, end + 1))
    return sorted({int(y) for y in YEAR.findall(text)})


def document_lines(doc: SourceDocument) -> Iterator[tuple[Page, Line]]:
    """Every text line of the document with its page, in reading order."""
    for page in doc.pages:
        for line in text_lines(page):
            yield page, line


def _strip_ordinal(text: str) -> str:
    return split_marker(text.strip())[1]
