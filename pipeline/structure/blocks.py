"""A page's lines as blocks: headings, paragraphs, list items, fields and tables, in order.

What a line is comes from print evidence that holds across layouts: a heading is set bigger or
bolder than the body and does not run on as a sentence; a list item starts with a marker
(a bullet, `1.`, `1)`, `a)`, `A1`, `2.3`) and its wrapped lines hang to the right of the
marker; a field is a short key and a colon (`Vastuu: …`, `Ansvarig: …`); anything indented
under an item belongs to it; a paragraph runs on while the spacing stays that of one paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from pipeline.structure.lines import BULLETS, is_heading, line_item, split_fields, split_marker
from pipeline.structure.regions import (
    PhysicalRow,
    join_row,
    merge_lines,
    physical_rows,
    reading_order,
)
from pipeline.structure.tables import (
    build_unruled,
    find_unruled,
    from_ruled,
    is_frame,
    is_label_table,
)
from pipeline.structure.timeline import (
    add_timeline_row,
    axis_top,
    is_year_header,
    merge_all,
    timeline_end,
)
from schemas.source import Line, LineKind, Page
from schemas.tree import Field, Item, Paragraph, TableBlock, union


@dataclass(slots=True)
class Heading:
    """A heading line (or a label line of minutes) before sections are nested."""

    line: Line
    page: int
    label: bool = False


@dataclass(slots=True)
class PageBlocks:
    """The blocks of one page, in reading order."""

    page: int
    blocks: list[Heading | Paragraph | Item | Field | TableBlock] = field(default_factory=list)


def page_blocks(page: Page, body: float) -> PageBlocks:
    """Read one page into blocks: ruled and unruled tables, headings, items, fields, text."""
    out = PageBlocks(page.number)
    lines = [ln for ln in page.lines if ln.kind is not LineKind.FURNITURE]
    # A page with enough text of its own is judged by its own body size: a slide set in big
    # type, or a page beside pages of small print, would be misread by the document's.
    body = _page_body(lines) or body
    ruled = [from_ruled(t, page) for t in page.tables if not is_frame(t) and not is_label_table(t)]
    taken = {id(ln) for table in ruled for ln in table.lines}
    rest = [ln for ln in lines if id(ln) not in taken]
    # Under a time axis the page is a chart: its rows are read across (a project and its
    # status), never as columns.
    axis = axis_top(rest)
    if axis is None:
        ordered = reading_order(rest, page.width)
    else:
        chart = [ln for ln in rest if ln.top >= axis - 1]
        above = [ln for ln in rest if ln.top < axis - 1]
        ordered = reading_order(above, page.width) + sorted(
            chart, key=lambda ln: (round(ln.top), ln.x0)
        )
    rows = _labels_apart(physical_rows(ordered))
    for row in rows:
        row.parts = _join_keys(row.parts)
    spans = find_unruled(rows)
    events: list[tuple[float, int, TableBlock | tuple[Line, Line | None, bool]]] = []
    order = 0
    span_at = {start: end for start, end in spans}
    i = 0
    while i < len(rows):
        if is_year_header(rows[i]) and i not in span_at:
            end = timeline_end(rows, i + 1, page.width, body)
            for row in rows[i + 1 : end]:
                joined, aside = join_row(row, page.width, aside_chars=120, aside_gap=0.03)
                events.append((row.top, order, (merge_all(joined), aside, True)))
                order += 1
            i = end
            continue
        if i in span_at:
            table = build_unruled(rows[i : span_at[i]], page.number)
            events.append((rows[i].top, order, table))
            order += 1
            i = span_at[i]
            continue
        joined, aside = join_row(rows[i], page.width)
        for n, line in enumerate(joined):
            events.append((line.top, order, (line, aside if n == 0 else None, False)))
            order += 1
        i += 1
    # Ruled tables go where their top is among the text that reading order placed.
    for table in ruled:
        at = next((k for k, e in enumerate(events) if e[0] > table.bbox[1]), len(events))
        events.insert(at, (table.bbox[1], -1, table))
    for _, _, event in events:
        if isinstance(event, TableBlock):
            out.blocks.append(event)
        elif event[2]:
            add_timeline_row(out, event[0], event[1])
        else:
            _add_line(out, event[0], event[1], body)
    return out


def _labels_apart(rows: list[PhysicalRow]) -> list[PhysicalRow]:
    """A margin label on a row of text is a row of its own (labels head what follows them;
    beside text they are no table column)."""
    out: list[PhysicalRow] = []
    for row in rows:
        labels = [p for p in row.parts if p.kind is LineKind.LABEL]
        rest = [p for p in row.parts if p.kind is not LineKind.LABEL]
        if labels and rest:
            out.extend([PhysicalRow(labels), PhysicalRow(rest)])
        else:
            out.append(row)
    return out


def _join_keys(parts: list[Line]) -> list[Line]:
    """A key fragment ("Ansvarig:") and its value printed in a column beside it are one line."""
    out: list[Line] = []
    for part in parts:
        if out and out[-1].text.endswith(":") and len(out[-1].text.split()) <= 3:
            out[-1] = merge_lines(out[-1], part)
        else:
            out.append(part)
    return out


def _add_line(out: PageBlocks, line: Line, aside: Line | None, body: float) -> None:
    if line.text.strip() in BULLETS:
        return  # a bullet alone on its line (set apart from its item, or an OCR remnant)
    blocks = out.blocks
    last = blocks[-1] if blocks else None
    item = _open_item(blocks)
    if line.kind is LineKind.LABEL or (is_heading(line, body) and not _continues(last, line)):
        if isinstance(last, Heading) and _same_heading(last.line, line):
            last.line = merge_lines(last.line, line)  # a heading wrapped over two lines
            last.line.bottom = line.bottom
            return
        blocks.append(Heading(line, out.page, label=line.kind is LineKind.LABEL))
        return
    marker, ordinal, rest = split_marker(line.text)
    if marker and not (ordinal and _continues(last, line) and item is None):
        blocks.append(
            line_item(line, out.page, marker=marker, ordinal=ordinal, text=rest, aside=aside)
        )
        return
    pairs = split_fields(line.text)
    if pairs:
        fields = [
            Field(page=out.page, pages=[out.page], bbox=line.bbox, lines=[line], key=k, value=v)
            for k, v in pairs
        ]
        if item is not None and line.x0 > item.lines[0].x0 + 3:
            item.children.extend(fields)
        elif isinstance(last, Paragraph) and _entry_title(last, line):
            # A line and the fields right under it at its edge: an entry with its fields.
            blocks[-1] = Item(
                page=last.page,
                pages=last.pages,
                bbox=last.bbox,
                lines=last.lines,
                marker="",
                ordinal=None,
                text=last.text,
                children=list(fields),
            )
        elif (
            item is not None
            and item.marker == ""
            and item.children
            and _close([item.children[-1].lines[-1]], line)
        ):
            item.children.extend(fields)  # the entry's next field
        else:
            blocks.extend(fields)
        return
    if item is not None and item.children and isinstance(item.children[-1], Field):
        field = item.children[-1]
        if line.text[:1].islower() and _close(field.lines, line):
            field.value = f"{field.value} {line.text}".strip()  # the value runs on
            field.lines.append(line)
            return
    if (
        isinstance(last, Field)
        and _close(last.lines, line)
        and (line.x0 > last.lines[0].x0 + 8 or line.text[:1].islower())
    ):
        last.value = f"{last.value} {line.text}".strip()
        last.lines.append(line)
        last.bbox = union([last.bbox, line.bbox])
        return
    runs_on = (
        item is not None
        and not item.children
        and abs(line.x0 - item.lines[0].x0) <= 3
        and not item.text.rstrip().endswith((".", "!", "?"))
        and _close(item.lines, line)
    )
    if (
        item is not None
        and (line.x0 > item.lines[0].x0 + 3 or runs_on)
        and line.top >= item.lines[-1].top - 2
    ):
        # Indented under the item, or its text running on at the marker's edge.
        tail = item.children[-1] if item.children else None
        if tail is None and _close(item.lines, line):
            item.text = f"{item.text} {line.text}"
            item.lines.append(line)
            item.bbox = union([item.bbox, line.bbox])
        elif isinstance(tail, Paragraph) and _close(tail.lines, line):
            _extend(tail, line)
        elif isinstance(tail, Field) and line.x0 > tail.lines[0].x0 + 8:
            tail.value = f"{tail.value} {line.text}".strip()
            tail.lines.append(line)
        else:
            item.children.append(_paragraph(line, out.page))
        return
    if isinstance(last, Paragraph) and _continues(last, line):
        _extend(last, line)
        return
    blocks.append(_paragraph(line, out.page))


def _page_body(lines: list[Line]) -> float | None:
    """The median font size of a page's text, weighted by length; None for a page of too little
    text to tell (a title page, a slide of a few words)."""
    sizes = [
        ln.font_size for ln in lines for _ in range(max(1, len(ln.text) // 20)) if ln.font_size
    ]
    if len(lines) < 6 or len(sizes) < 12:
        return None
    return sorted(sizes)[len(sizes) // 2]


def _entry_title(paragraph: Paragraph, field_line: Line) -> bool:
    """Whether a short paragraph heads the field line right under it (same edge, close)."""
    return (
        len(paragraph.text) <= 160
        and len(paragraph.lines) <= 2
        and not paragraph.text.rstrip().endswith((".", "!", "?"))
        and abs(paragraph.lines[0].x0 - field_line.x0) <= 3
        and 0 <= field_line.top - paragraph.lines[-1].bottom <= 1.2 * field_line.height
        and not paragraph.text.rstrip().endswith(":")
    )


def _same_heading(above: Line, line: Line) -> bool:
    """A heading line that carries on the one above: same style, left edge and line spacing."""
    return (
        above.kind is LineKind.TEXT
        and abs(above.font_size - line.font_size) < 0.3
        and above.bold == line.bold
        and abs(above.x0 - line.x0) <= 3
        and 0 <= line.top - above.bottom <= 0.6 * line.height
        and not split_marker(line.text)[0]
    )


def _open_item(blocks: list[Heading | Paragraph | Item | Field | TableBlock]) -> Item | None:
    """The item that indented lines would still belong to: the last block, if it is an item."""
    return blocks[-1] if blocks and isinstance(blocks[-1], Item) else None


def _close(lines: list[Line], line: Line) -> bool:
    """Whether `line` follows the block's `lines` at the block's own line spacing.

    With two or more lines the block shows its leading, and a wider gap starts a new block;
    with one line, a gap under about two thirds of a line is a wrapped line. A line above the
    last one starts a new block (the next column).
    """
    above = lines[-1]
    gap = line.top - above.bottom
    if line.top < above.top - 2:
        return False
    height = max(line.height, above.height, 6.0)
    if len(lines) >= 2:
        # Line pitch (top to top) is steadier than gaps when boxes vary (OCR, mixed type).
        pitches = [b.top - a.top for a, b in pairwise(lines) if b.top > a.top + 1]
        if pitches:
            return gap >= -2 and line.top - above.top <= 1.15 * min(pitches) + 1.5
    return -2 <= gap <= 0.7 * height


def _continues(last: Heading | Paragraph | Item | Field | TableBlock | None, line: Line) -> bool:
    if not isinstance(last, Paragraph):
        return False
    above = last.lines[-1]
    aligned = abs(line.x0 - above.x0) <= 3 or (len(last.lines) == 1 and line.x0 < above.x0)
    return _close(last.lines, line) and aligned and abs(line.font_size - above.font_size) < 1.0


def _paragraph(line: Line, page: int) -> Paragraph:
    return Paragraph(page=page, pages=[page], bbox=line.bbox, lines=[line], text=line.text)


def _extend(paragraph: Paragraph, line: Line) -> None:
    paragraph.text = f"{paragraph.text} {line.text}"
    paragraph.lines.append(line)
    paragraph.bbox = union([paragraph.bbox, line.bbox])
