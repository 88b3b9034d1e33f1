"""Actions from roadmap slides: a row of years, project lines beneath, statuses at the right.

    Kaupunkitasoiset kärkihankkeet           ← the page heading: the theme
          2022      2023      2024      2025 ← the year header row: not an action
    Project text …                MENEILLÄÄN ← one action; the status in capitals on its row
      wrapped continuation, indented   VALMIS   (a wrapped line may carry the status)

No table ruling is needed: rows are read from positions, so the same code reads a Gantt
slide, a status list or a text-only export of one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.layout import YEAR, is_heading, quote, text_lines
from extractors.statuses import looks_like_status, read_status
from schemas.source import Line, Page
from schemas.vocab import Status


@dataclass(slots=True)
class RoadmapRow:
    """One project line (with its wrapped continuation) and the status printed beside it."""

    lines: list[Line] = field(default_factory=list)
    status_text: str | None = None
    status: Status | None = None
    postponed_to: int | None = None

    @property
    def text(self) -> str:
        """The project text, wrapped lines joined."""
        return " ".join(line.text for line in self.lines)

    @property
    def quote(self) -> str:
        """The project text as printed (the status stands apart on the slide)."""
        return quote(self.text)


@dataclass(slots=True)
class Roadmap:
    """A roadmap page: its heading and its project rows."""

    page: int
    heading: Line | None
    rows: list[RoadmapRow]


def year_header(page: Page) -> float | None:
    """The bottom of the page's year header row (two or more bare years on one row), if any."""
    by_row: dict[int, list[Line]] = {}
    for line in text_lines(page):
        years = YEAR.findall(line.text)
        if years and all(YEAR.fullmatch(w) for w in line.text.split()):
            by_row.setdefault(round(line.top / 3), []).append(line)
    rows = [lines for lines in by_row.values() if sum(len(x.text.split()) for x in lines) >= 2]
    if not rows:
        return None
    return max(line.bottom for line in min(rows, key=lambda lines: lines[0].top))


def read_roadmap(page: Page, body: float) -> Roadmap | None:
    """The roadmap on a page, or None when the page has no year header row with rows below."""
    header_bottom = year_header(page)
    if header_bottom is None:
        return None
    lines = text_lines(page)
    above = [line for line in lines if line.bottom <= header_bottom + 1 and is_heading(line, body)]
    heading = above[0] if above else None
    below = [
        line for line in lines if line.top > header_bottom - 1 and not YEAR.fullmatch(line.text)
    ]
    split = page.width * 0.6
    statuses = [line for line in below if line.x0 >= split * 0.75 and looks_like_status(line.text)]
    projects = [line for line in below if line not in statuses and line.x0 < split]
    rows: list[RoadmapRow] = []
    for line in projects:
        if rows and _continues(rows[-1], line):
            rows[-1].lines.append(line)
        elif is_heading(line, body) and line.font_size > body + 1.5:
            break
        else:
            rows.append(RoadmapRow([line]))
    for status in statuses:
        row = _row_of(rows, status)
        if row is not None and row.status_text is None:
            row.status_text = status.text
            reading = read_status(status.text)
            row.status, row.postponed_to = reading.status, reading.postponed_to
    rows = [row for row in rows if len(row.text) > 3]
    return Roadmap(page.number, heading, rows) if rows else None


def _continues(row: RoadmapRow, line: Line) -> bool:
    first, last = row.lines[0], row.lines[-1]
    close = line.top - last.bottom < 0.8 * max(line.height, 1.0)
    return close and (line.x0 > first.x0 + 4 or line.text[:1].islower())


def _row_of(rows: list[RoadmapRow], status: Line) -> RoadmapRow | None:
    middle = (status.top + status.bottom) / 2
    best, distance = None, float("inf")
    for row in rows:
        top, bottom = row.lines[0].top, row.lines[-1].bottom
        if top - 4 <= middle <= bottom + 4:
            gap = abs(middle - (row.lines[-1].top + row.lines[-1].bottom) / 2)
            if gap < distance:
                best, distance = row, gap
    return best
