"""Roadmaps drawn as Gantt charts: a time axis of years, then one project per row.

    Yhteiset hankkeet                                    ← a heading: the theme
          2022      2023      2024      2025             ← the time axis: two or more years alone
    Project text …                         MENEILLÄÄN    ← one project; its status aside
      wrapped continuation, indented                         (a wrapped line may carry it)

No ruling is needed: rows are read from positions, so a Gantt slide, a status list or a text
export of one read alike.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.structure.lines import is_heading, line_item, split_marker
from pipeline.structure.regions import PhysicalRow, merge_lines, physical_rows
from schemas.source import Line
from schemas.tree import Item, union

if TYPE_CHECKING:
    from pipeline.structure.blocks import PageBlocks

_YEAR = re.compile(r"(?:19|20)\d\d")


def is_year_header(row: PhysicalRow) -> bool:
    """A baseline of bare years only, two or more: the time axis of a roadmap or a Gantt chart."""
    words = [w for part in row.parts for w in part.text.split()]
    return len(words) >= 2 and all(_YEAR.fullmatch(w) for w in words)


def timeline_end(rows: list[PhysicalRow], start: int, width: float, body: float) -> int:
    """Where the rows under a time axis end: at a heading, a bulleted line, a wide gap or the
    page end (a chart's rows are neither headings nor bullets)."""
    end = start
    while end < len(rows):
        row = rows[end]
        first = row.parts[0]
        if end > start and row.top - rows[end - 1].bottom > 3 * max(first.height, 6.0):
            break
        if is_heading(first, body) or split_marker(first.text)[0]:
            break
        end += 1
    return end


def axis_top(lines: list[Line]) -> float | None:
    """The top of the page's first time axis (a row of years alone), if it has one."""
    for row in physical_rows(sorted(lines, key=lambda ln: (round(ln.top), ln.x0))):
        row.parts.sort(key=lambda p: p.x0)
        if is_year_header(row):
            return row.top
    return None


def merge_all(lines: list[Line]) -> Line:
    """The fragments of one row as one line."""
    merged = lines[0]
    for line in lines[1:]:
        merged = merge_lines(merged, line)
    return merged


def add_timeline_row(out: PageBlocks, line: Line, aside: Line | None) -> None:
    """A row under a time axis is one project: an item with its status aside; a line that is
    indented or starts in lower case carries on the project above."""
    last = out.blocks[-1] if out.blocks else None
    if isinstance(last, Item) and last.marker == "" and aside is None:
        first = last.lines[0]
        if line.x0 > first.x0 + 4 or line.text[:1].islower():
            last.text = f"{last.text} {line.text}"
            last.lines.append(line)
            last.bbox = union([last.bbox, line.bbox])
            return
    if isinstance(last, Item) and last.marker == "" and aside is not None and last.aside is None:
        first = last.lines[0]
        if line.x0 > first.x0 + 4 or line.text[:1].islower():
            last.text = f"{last.text} {line.text}"  # the status printed on the wrapped line
            last.lines.append(line)
            last.aside = aside.text
            return
    out.blocks.append(line_item(line, out.page, aside=aside))
