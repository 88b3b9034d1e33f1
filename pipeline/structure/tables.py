"""Tables: ruled ones from the reader, and tables aligned by whitespace alone.

An unruled table is a run of baseline rows whose fragments start at the same few x positions
(the column anchors) over several rows; justified text and asides never line up like that.
Wrapped cells are told from new rows by the vertical gaps: a table's rows are set further
apart than the lines of one cell. The first row is a header when it is bold; a row with one
bold cell alone is a group row (what follows belongs to it). A ruled "table" of one row or one
column is a frame around text, not a table: its lines are read as text.
"""

from __future__ import annotations

import math
import re
from itertools import pairwise
from statistics import median

from pipeline.structure.regions import PhysicalRow
from schemas.source import Line, Page
from schemas.source import Table as RuledTable
from schemas.tree import Cell, Row, TableBlock, union

_ANCHOR_TOL = 4.0
_MARK = re.compile(r"^[xX✓✔●•■▪◼◾*+]+(?:\s+[xX✓✔●•■▪◼◾*+]+)*$")


def is_mark(text: str) -> bool:
    """A grid mark (`x`, `■`, `✓`), alone or repeated."""
    return bool(_MARK.match(text.strip()))


def is_frame(table: RuledTable) -> bool:
    """A box of one row or one column around text, not a table."""
    width = max((len(r) for r in table.rows), default=0)
    return len(table.rows) <= 1 or width <= 1


def is_label_table(table: RuledTable) -> bool:
    """A ruled grid of labels and text (`Päätösehdotus | …`, `Valmistelija | …`): how some
    minutes set their sections, not a table of data. Two columns, short labels at the left,
    most of the text at the right."""
    rows = [r for r in table.texts() if any(c.strip() for c in r)]
    if len(rows) < 2 or any(len(r) != 2 for r in rows):
        return False
    labels = [r[0] for r in rows if r[0].strip()]
    short = all(len(label.split()) <= 4 and not label.strip()[:1].isdigit() for label in labels)
    left, right = sum(len(r[0]) for r in rows), sum(len(r[1]) for r in rows)
    return short and right > 3 * left and len(labels) >= 2


def from_ruled(table: RuledTable, page: Page) -> TableBlock:
    """A ruled table of the reader as a tree table; leading bold rows are the header."""
    rows: list[Row] = []
    # The lines that can be in a cell: those within all the cells' reach (a page's lines are
    # many, and each cell asked all of them).
    boxes = [cell.bbox for row in table.rows for cell in row if cell is not None]
    candidates = page.lines
    if boxes and all(math.isfinite(v) for box in boxes for v in box):
        x0s, tops, x1s, bottoms = zip(*boxes, strict=True)
        reach = (min(x0s), min(tops), max(x1s), max(bottoms))
        candidates = [ln for ln in page.lines if _centre_in(ln, reach)]
    for source_row in table.rows:
        cells: list[Cell | None] = []
        for cell in source_row:
            if cell is None:
                cells.append(None)
                continue
            inside = [ln for ln in candidates if _centre_in(ln, cell.bbox)]
            # A cell whose text the page's lines do not show counts as bold (unknown).
            bold = all(ln.bold for ln in inside)
            cells.append(
                Cell(
                    text=cell.text, bbox=cell.bbox, page=page.number, bold=bold, shaded=cell.shaded
                )
            )
        rows.append(Row(cells=cells, page=page.number))
    header: list[Row] = []
    while rows and _bold_row(rows[0]) and not _lone_cell(rows[0]) and len(header) < 3:
        header.append(rows.pop(0))
    _mark_groups(rows)
    lines = [ln for ln in page.lines if _centre_in(ln, table.bbox)]
    return TableBlock(
        page=page.number,
        pages=[page.number],
        bbox=table.bbox,
        lines=lines,
        header=header,
        rows=rows,
        ruled=True,
    )


def _lone_cell(row: Row) -> bool:
    """A row of a wide table with one filled cell: a group row, not a header row."""
    filled = [c for c in row.cells if c is not None and c.text.strip()]
    return len(row.cells) >= 3 and len(filled) == 1


def _bold_row(row: Row) -> bool:
    cells = [c for c in row.cells if c is not None and c.text.strip()]
    return bool(cells) and all(c.bold for c in cells)


def _centre_in(line: Line, box: tuple[float, float, float, float]) -> bool:
    x, y = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
    return box[0] - 1 <= x <= box[2] + 1 and box[1] - 1 <= y <= box[3] + 1


def find_unruled(rows: list[PhysicalRow]) -> list[tuple[int, int]]:
    """(start, end) row ranges that form whitespace-aligned tables."""
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(rows):
        end = _table_from(rows, i)
        if end is not None:
            found.append((i, end))
            i = end
        else:
            i += 1
    return found


def _starts(row: PhysicalRow) -> list[float]:
    return [p.x0 for p in row.parts if not is_mark(p.text) and not is_bullet(p.text)]


def is_bullet(text: str) -> bool:
    """A list bullet printed apart from its item's text (`–`, `•`, `▪`)."""
    return text.strip() in {"-", "–", "—", "•", "◦", "▪", "●", "■", "○", "➢", "►", "*", "·"}


def _table_from(rows: list[PhysicalRow], start: int) -> int | None:
    """The end of the table whose first row is `start`, or None when no table starts there.

    Column anchors are the x positions where fragments start; a row belongs to the table when
    its fragments start at anchors (marks count where they fall within a column's header), and
    a lone line ends it when it runs across columns without being a bold group row.
    """
    first = rows[start]
    if len(_starts(first)) < 2:
        return None
    anchors = list(_starts(first))
    # A bold first row is a header: its cells' spans place centred marks and right-aligned
    # figures; without one, columns are told by left edges alone.
    header = all(p.bold for p in first.parts if not is_mark(p.text))
    spans = {p.x0: p.x1 for p in first.parts if not is_mark(p.text)} if header else {}
    multi = 1
    used: dict[float, int] = dict.fromkeys(anchors, 1)
    end = start + 1
    height = max(p.height for p in first.parts)
    while end < len(rows):
        row = rows[end]
        if row.top - rows[end - 1].bottom > 2.2 * max(height, 6.0):
            break
        starts = _starts(row)
        marks = [p for p in row.parts if is_mark(p.text)]
        for mark in marks:
            hit = _in_span(mark, spans)
            if hit is not None:
                used[hit] = used.get(hit, 0) + 1
        if not starts:
            if not marks:
                break
            multi += 1 if len(marks) >= 2 else 0
            end += 1
            continue
        texts = [p for p in row.parts if p.x0 in starts]
        # A fragment belongs to a column by its left edge, or within its header cell's span
        # (right-aligned figures start anywhere under their header).
        matched = [_match(p.x0, anchors) or _in_span(p, spans) for p in texts]
        if len(starts) == 1:
            part = texts[0]
            crossed = sum(1 for a in anchors if part.x0 + _ANCHOR_TOL < a < part.x1)
            if matched[0] is None or (crossed >= 1 and not part.bold):
                break
            multi += 1 if marks else 0
            end += 1
            continue
        hits = [m for m in matched if m is not None]
        if len(hits) < 2 and not (hits and marks):
            break
        for x, m in zip(starts, matched, strict=True):
            if m is None:
                anchors.append(x)
                used[x] = 1
            else:
                used[m] = used.get(m, 0) + 1
        multi += 1
        end += 1
    strong = [a for a, n in used.items() if n >= 2]
    bold_header = all(p.bold for p in first.parts)
    if len(strong) >= 2 and (multi >= 3 or (multi >= 2 and bold_header)):
        return end
    return None


def _match(x: float, anchors: list[float]) -> float | None:
    best = min(anchors, key=lambda a: abs(a - x))
    return best if abs(best - x) <= _ANCHOR_TOL else None


def _in_span(mark: Line, spans: dict[float, float]) -> float | None:
    """The header cell a mark sits under: its centre within the cell's span."""
    centre = (mark.x0 + mark.x1) / 2
    for x0, x1 in spans.items():
        if x0 - _ANCHOR_TOL <= centre <= x1 + _ANCHOR_TOL:
            return x0
    return None


def build_unruled(rows: list[PhysicalRow], page: int) -> TableBlock:
    """The table made of these baseline rows: columns from anchors, rows from vertical gaps."""
    anchors = _column_anchors(rows)
    spans = {p.x0: p.x1 for p in rows[0].parts if not is_mark(p.text)}
    text_rows = [r for r in rows if _starts(r)]
    logical = _logical_rows(text_rows)
    mark_rows = [r for r in rows if not _starts(r)]
    out: list[Row] = []
    for group in logical:
        parts = [p for r in group for p in r.parts]
        top, bottom = min(p.top for p in parts), max(p.bottom for p in parts)
        for mark_row in mark_rows:
            centre = (mark_row.top + mark_row.bottom) / 2
            if top - 2 <= centre <= bottom + 2:
                parts.extend(mark_row.parts)
        out.append(_row(parts, anchors, page, spans))
    header: list[Row] = []
    if len(out) > 1 and _bold_row(out[0]):
        header.append(out.pop(0))
    _mark_groups(out)
    lines = [p for r in rows for p in r.parts]
    return TableBlock(
        page=page,
        pages=[page],
        bbox=union([ln.bbox for ln in lines]),
        lines=lines,
        header=header,
        rows=out,
        ruled=False,
    )


def _column_anchors(rows: list[PhysicalRow]) -> list[float]:
    """Where columns start: x positions shared by text fragments of several rows, and every
    fragment of the first row (a header names each column, also one whose cells are marks)."""
    first = {p.x0 for p in rows[0].parts if not is_mark(p.text)}
    xs = sorted(p.x0 for r in rows if len(r.parts) >= 2 for p in r.parts if not is_mark(p.text))
    anchors: list[list[float]] = []
    for x in xs:
        if anchors and x - anchors[-1][-1] <= _ANCHOR_TOL:
            anchors[-1].append(x)
        else:
            anchors.append([x])
    kept = [min(a) for a in anchors if len(a) >= 2 or first.intersection(a)]
    return kept or [min(a) for a in anchors]


def _logical_rows(rows: list[PhysicalRow]) -> list[list[PhysicalRow]]:
    """Physical rows grouped into table rows: wrapped cell lines stay with their row.

    A row starts after a gap wider than the tightest line spacing of the table (cells wrap at
    line spacing, rows are set apart), or where two or more cells start with a capital or a
    digit at once (wrapped lines seldom do), or at a bold line alone (a group row).
    """
    if not rows:
        return []
    gaps = [b.top - a.bottom for a, b in pairwise(rows)]
    height = median([p.height for r in rows for p in r.parts])
    threshold = min(gaps, default=0.0) + max(2.5, 0.45 * height)
    plain = [
        gap
        for gap, (a, b) in zip(gaps, pairwise(rows), strict=True)
        if not all(p.bold for p in a.parts) and not all(p.bold for p in b.parts)
    ]
    if plain and max(plain) - min(plain) < 1.5:
        threshold = min(plain) - 1  # body rows set at one spacing throughout: no cell wraps
    out: list[list[PhysicalRow]] = [[rows[0]]]
    for gap, row in zip(gaps, rows[1:], strict=True):
        alone_bold = len(row.parts) == 1 and row.parts[0].bold
        prev_bold = all(p.bold for p in out[-1][-1].parts)
        starts = sum(1 for p in row.parts if p.text[:1].isupper() or p.text[:1].isdigit())
        if gap > threshold or alone_bold or prev_bold or starts >= 2:
            out.append([row])
        else:
            out[-1].append(row)
    return out


def _row(parts: list[Line], anchors: list[float], page: int, spans: dict[float, float]) -> Row:
    by_column: dict[int, list[Line]] = {}
    # A mark sits under the header cell whose span holds it (marks are often centred).
    for mark in [p for p in parts if is_mark(p.text)]:
        under = _in_span(mark, spans)
        if under is not None and under in anchors:
            by_column.setdefault(anchors.index(under), []).append(mark)
    parts = [p for p in parts if not (is_mark(p.text) and _in_span(p, spans) in anchors)]
    lone = len({round(p.top) for p in parts}) == len(parts)  # one fragment per baseline
    for whole in parts:
        pieces = [whole] if lone and len(parts) == 1 else _split_at_anchors(whole, anchors)
        for part in pieces:
            column = max(
                (i for i, a in enumerate(anchors) if a <= part.x0 + _ANCHOR_TOL), default=0
            )
            by_column.setdefault(column, []).append(part)
    cells: list[Cell | None] = []
    for i in range(len(anchors)):
        lines = sorted(by_column.get(i, []), key=lambda p: (p.top, p.x0))
        if not lines:
            cells.append(Cell(text="", bbox=(anchors[i], 0.0, anchors[i], 0.0), page=page))
            continue
        text = "\n".join(ln.text for ln in lines)
        bold = all(ln.bold for ln in lines)
        cells.append(Cell(text=text, bbox=union([ln.bbox for ln in lines]), page=page, bold=bold))
    return Row(cells=cells, page=page)


def _split_at_anchors(line: Line, anchors: list[float]) -> list[Line]:
    """A fragment that runs over a column anchor, split at the word boundary nearest to it.

    The reader keeps words with a narrow gap on one line, so a short header cell and the next
    one ("Nro Toimenpide") can arrive as one fragment; word positions are estimated from the
    fragment's average character width.
    """
    inside = [a for a in anchors if line.x0 + _ANCHOR_TOL < a < line.x1 - _ANCHOR_TOL]
    if not inside:
        return [line]
    width = (line.x1 - line.x0) / max(len(line.text), 1)
    cuts: dict[int, float] = {}  # cut position → the anchor the next piece starts at
    for anchor in inside:
        spaces = [i for i, ch in enumerate(line.text) if ch == " "]
        if not spaces:
            break
        # Proportional type makes the estimate rough: of the spaces near the anchor, one
        # before a capital or a digit (a new cell's first word) is the likelier cut.
        near = [i for i in spaces if abs(line.x0 + (i + 1) * width - anchor) <= 6 * width]
        capital = [i for i in near if line.text[i + 1 : i + 2].isupper()]
        pool = capital or near
        if not pool:
            continue
        best = min(pool, key=lambda i: abs(line.x0 + (i + 1) * width - anchor))
        if best:
            cuts[best] = anchor
    if not cuts:
        return [line]
    out: list[Line] = []
    start, x0 = 0, line.x0
    for cut in [*sorted(cuts), len(line.text)]:
        text = line.text[start:cut].strip()
        if text:
            out.append(
                Line(
                    text=text,
                    x0=x0,
                    top=line.top,
                    x1=min(line.x1, x0 + len(text) * width),
                    bottom=line.bottom,
                    font_size=line.font_size,
                    bold=line.bold,
                    kind=line.kind,
                )
            )
        start = cut + 1
        x0 = cuts.get(cut, x0)  # the next piece starts at its column, not at an estimate
    return out


def _mark_groups(rows: list[Row]) -> None:
    """A row with one filled cell, in the first column or bold, among fuller rows is a group row."""
    width = max((len(r.cells) for r in rows), default=0)
    if width < 3:
        return
    for row in rows:
        filled = [(i, c) for i, c in enumerate(row.cells) if c is not None and c.text.strip()]
        if len(filled) == 1 and filled[0][1].bold and not is_mark(filled[0][1].text):
            row.group = True
