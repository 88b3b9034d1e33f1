"""Blocks of all pages → one tree: sections nested by heading level, lists by indentation.

A heading's level comes from its style among the document's heading styles (bigger first,
bold before regular at one size); a numbered heading one step deeper than the last
(`2` → `2.1`) nests under it whatever its style. A table at the top of a page that carries on
the last table of the page before (the same header repeated, or no header and as many columns)
is one table; a paragraph cut by a page break is one paragraph.
"""

from __future__ import annotations

import re

from pipeline.structure.blocks import Heading, PageBlocks
from pipeline.structure.lines import line_item, split_marker
from schemas.tree import (
    Field,
    Item,
    ItemList,
    Paragraph,
    Section,
    TableBlock,
    union,
)

_LABEL_LEVEL = 50


def nest(pages: list[PageBlocks], title: str) -> Section:
    """The document's root section holding every block of every page."""
    flat = _unmarked_lists(_join_across_pages(pages))
    styles = _heading_styles([b for b in flat if isinstance(b, Heading)])
    root = Section(page=1, pages=[1], title=title, level=0)
    stack: list[Section] = [root]
    pending_ordinal: str | None = None
    for block in flat:
        if isinstance(block, Heading):
            _, ordinal, rest = split_marker(block.line.text)
            text = block.line.text.strip()
            if not rest.strip() or _bare_ordinal(text):
                pending_ordinal = ordinal or text
                continue
            level = _LABEL_LEVEL if block.label else styles.get(_style(block), len(styles) + 1)
            if ordinal is None and pending_ordinal is not None:
                ordinal, rest = pending_ordinal, text
            pending_ordinal = None
            parent_ordinal = stack[-1].ordinal
            if ordinal and parent_ordinal and ordinal.startswith(parent_ordinal + "."):
                level = max(level, stack[-1].level + 1)
            while stack[-1].level >= level and len(stack) > 1:
                stack.pop()
            section = Section(
                page=block.page,
                pages=[block.page],
                bbox=block.line.bbox,
                lines=[block.line],
                title=rest.strip() if ordinal else text,
                level=level,
                ordinal=ordinal,
                heading=text,
            )
            stack[-1].children.append(section)
            stack.append(section)
            continue
        pending_ordinal = None
        _append(stack[-1], block)
    return root


def _unmarked_lists(flat: list[Flat]) -> list[Flat]:
    """Paragraphs that are a list printed without markers, as items (see `unmarked_items`).

    A run of one-line paragraphs at one left edge, set at one pitch, is read as one candidate.
    """
    out: list[Flat] = []
    i = 0
    while i < len(flat):
        block = flat[i]
        if not isinstance(block, Paragraph):
            out.append(block)
            i += 1
            continue
        run = [block]
        while i + len(run) < len(flat):
            following = flat[i + len(run)]
            if not isinstance(following, Paragraph) or not _same_run(run, following):
                break
            run.append(following)
        lines = [ln for p in run for ln in p.lines]
        candidate = Paragraph(page=block.page, pages=block.pages, lines=lines, text="")
        items = unmarked_items(candidate)
        out.extend(items if items else run)
        i += len(run)
    return out


def _same_run(run: list[Paragraph], block: Paragraph) -> bool:
    last = run[-1]
    if len(block.lines) != 1 or len(last.lines) != 1:
        return False
    a, b = last.lines[0], block.lines[0]
    pitch = b.top - a.top
    if len(run) >= 2:
        first_pitch = run[1].lines[0].top - run[0].lines[0].top
        if abs(pitch - first_pitch) > 2:
            return False
    return (
        block.page == last.page
        and abs(a.x0 - b.x0) <= 2
        and abs(a.font_size - b.font_size) < 0.3
        and 0 < pitch <= 2.5 * max(a.height, 6.0)
    )


_YEAR_NOTE = re.compile(r"\((?:[^()]*\b)?(?:19|20)\d\d\b[^()]*\)$|\s[–—]\s")


def unmarked_items(paragraph: Paragraph) -> list[Item]:
    """A list printed without markers: short lines that each start with a capital, none
    running on into the next (no hyphen or comma at its end), three or more of them, or two
    that each carry a year in parentheses or an owner after a dash."""
    lines = paragraph.lines
    if len(lines) < 2 or len(set(round(ln.x0) for ln in lines)) > 1:
        return []
    if not all(ln.text[:1].isupper() for ln in lines):
        return []
    if any(ln.text.rstrip().endswith(("-", ",", "–", ":")) for ln in lines[:-1]):
        return []
    noted = sum(1 for ln in lines if _YEAR_NOTE.search(ln.text))
    if len(lines) < 3 and noted < len(lines):
        return []
    if len(lines) >= 3 and noted == 0 and any(ln.text.endswith(".") for ln in lines):
        return []  # sentences, one per line: running text after all
    return [line_item(line, paragraph.page) for line in lines]


def _bare_ordinal(text: str) -> bool:
    """A heading that is only a number or a letter (a big `C` beside a box's title)."""
    return len(text) <= 3 and (text.rstrip(".)").isdigit() or text.rstrip(".)").isalpha())


def _style(heading: Heading) -> tuple[float, bool]:
    return (round(heading.line.font_size * 2) / 2, heading.line.bold)


def _heading_styles(headings: list[Heading]) -> dict[tuple[float, bool], int]:
    styles = sorted({_style(h) for h in headings if not h.label}, key=lambda s: (-s[0], not s[1]))
    return {style: level for level, style in enumerate(styles, start=1)}


def _append(section: Section, block: Paragraph | Item | Field | TableBlock) -> None:
    if not isinstance(block, Item):
        section.children.append(block)
        return
    last = section.children[-1] if section.children else None
    if isinstance(last, ItemList) and last.items:
        previous = last.items[-1]
        # An item above the last one is in the next column: a list of its own.
        moved_up = block.page == previous.page and block.lines[0].top < previous.lines[-1].top - 2
        if not moved_up and block.lines[0].x0 > previous.lines[0].x0 + 5:
            _nest_item(previous, block)
            return
        if not moved_up and abs(block.lines[0].x0 - last.items[0].lines[0].x0) <= 5:
            last.items.append(block)
            last.bbox = union([last.bbox, block.bbox])
            last.pages = sorted({*last.pages, block.page})
            return
    section.children.append(_list_of(block))


def _nest_item(parent: Item, item: Item) -> None:
    sub = parent.children[-1] if parent.children else None
    if isinstance(sub, ItemList):
        sub.items.append(item)
        sub.bbox = union([sub.bbox, item.bbox])
    else:
        parent.children.append(_list_of(item))


def _list_of(item: Item) -> ItemList:
    """A new list that starts with `item`."""
    return ItemList(
        page=item.page,
        pages=[item.page],
        bbox=item.bbox,
        items=[item],
        ordered=item.ordinal is not None,
    )


Flat = Heading | Paragraph | Item | Field | TableBlock


def _join_across_pages(pages: list[PageBlocks]) -> list[Flat]:
    out: list[Flat] = []
    for page in pages:
        for n, block in enumerate(page.blocks):
            last = out[-1] if out else None
            if (
                n == 0
                and isinstance(block, TableBlock)
                and isinstance(last, TableBlock)
                and _continues_table(last, block)
            ):
                last.rows.extend(block.rows)
                last.pages = sorted({*last.pages, *block.pages})
                last.lines.extend(block.lines)
                continue
            if (
                n == 0
                and isinstance(block, Paragraph)
                and isinstance(last, Paragraph | Item)
                and _continues_text(last, block)
            ):
                _carry(last, block)
                continue
            out.append(block)
    return out


def _continues_table(last: TableBlock, table: TableBlock) -> bool:
    width = max((len(r.cells) for r in last.rows or last.header), default=0)
    new_width = max((len(r.cells) for r in table.rows or table.header), default=0)
    if table.header and last.header:
        return [r.texts() for r in table.header] == [r.texts() for r in last.header]
    return not table.header and width == new_width


def _continues_text(last: Paragraph | Item, block: Paragraph) -> bool:
    text = last.text.rstrip()
    return bool(text) and not text.endswith((".", ":", "!", "?")) and block.text[:1].islower()


def _carry(last: Paragraph | Item, block: Paragraph) -> None:
    last.text = f"{last.text} {block.text}"
    last.lines.extend(block.lines)
    last.pages = sorted({*last.pages, *block.pages})
