"""The document tree: what the structure stage makes of a document's lines and rulings.

    DocumentTree
      └ Section (heading, level, ordinal as printed)      ← the whole document is the root
          ├ Paragraph (lines joined across line and page breaks)
          ├ ItemList → Item (marker, ordinal, text; nested blocks: sub-items, fields, paragraphs)
          ├ TableBlock (header, rows of cells; group rows; ruled or aligned by whitespace)
          ├ Field (key: value)
          └ Section …
    and for minutes, beside the root: MeetingItem (§ number, heading, body, date) → ItemPart
    (a label and its lines), each line with its page.

Every node keeps its page(s), box and the source lines it came from, so a record read from a
node can cite its page, quote and box. Extractors read this tree, never raw lines.
Geometry is in PDF points, origin top-left (as in `schemas.source`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from schemas.source import Line
from schemas.vocab import SectionLabel

Box = tuple[float, float, float, float]


def union(boxes: list[Box]) -> Box:
    """The smallest box holding every box given."""
    if not boxes:
        return (0.0, 0.0, 0.0, 0.0)
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


@dataclass(slots=True, kw_only=True)
class Block:
    """What every node has: its first page, the pages it spans, its box and its source lines."""

    page: int
    pages: list[int] = field(default_factory=list)
    bbox: Box = (0.0, 0.0, 0.0, 0.0)
    lines: list[Line] = field(default_factory=list, repr=False)

    @property
    def source_text(self) -> str:
        """The printed text of the node's lines, whitespace collapsed."""
        return " ".join(" ".join(line.text for line in self.lines).split())

    @property
    def first_page_text(self) -> str:
        """The printed text of the node's lines on its first page (what a quote may cite)."""
        taken: list[Line] = []
        for line in self.lines:
            if taken and line.top < taken[-1].top - 1:
                break  # back at the top: the next page or column
            taken.append(line)
        return " ".join(" ".join(line.text for line in taken).split())


@dataclass(slots=True, kw_only=True)
class Paragraph(Block):
    """Running text: lines joined by spacing and indentation, across line and page breaks."""

    text: str


@dataclass(slots=True, kw_only=True)
class Field(Block):
    """A key-value field (`Vastuu: tietohallinto`), on a line of its own or inside a paragraph."""

    key: str
    value: str


@dataclass(slots=True, kw_only=True)
class Item(Block):
    """A list item: its marker (`•`, `1.`, `a)`, `A1`), ordinal when numbered, text, nested blocks.

    `aside` is text printed apart on the item's first row, at the right (a status, a page number).
    """

    marker: str
    ordinal: str | None
    text: str
    aside: str | None = None
    children: list[Node] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class ItemList(Block):
    """Consecutive items of one level; `ordered` when they are numbered or lettered."""

    items: list[Item] = field(default_factory=list)
    ordered: bool = False


@dataclass(slots=True, kw_only=True)
class Cell:
    """One cell: its text (wrapped lines joined by newlines), box, page and span."""

    text: str
    bbox: Box
    page: int
    colspan: int = 1
    rowspan: int = 1
    bold: bool = False
    shaded: bool = False  # filled with a colour: in a grid, a mark


@dataclass(slots=True, kw_only=True)
class Row:
    """A table row; a group row is one cell spanning the table that names what follows (a theme)."""

    cells: list[Cell | None]
    page: int
    group: bool = False

    def texts(self) -> list[str]:
        """The row's cell texts ('' where a merged cell spans)."""
        return [cell.text if cell else "" for cell in self.cells]

    def joined(self) -> list[str]:
        """The row's cell texts on one line each: wrapped lines joined, a word broken at a
        hyphen ("vapaa-" + "aikapalvelut") put back together."""
        out = []
        for text in self.texts():
            joined = ""
            for line in text.splitlines():
                line = line.strip()
                conjunction = line.split(" ", 1)[0] in ("ja", "och", "sekä", "tai", "eller")
                if joined.endswith("-") and line[:1].islower() and not conjunction:
                    joined += line
                else:
                    joined = f"{joined} {line}".strip()
            out.append(joined)
        return out


@dataclass(slots=True, kw_only=True)
class TableBlock(Block):
    """A table, ruled or aligned by whitespace: header rows, then body rows (maybe over pages)."""

    header: list[Row] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    ruled: bool = True

    def header_texts(self) -> list[str]:
        """One text per column: the header rows' cells joined top to bottom."""
        width = max((len(row.cells) for row in [*self.header, *self.rows]), default=0)
        out = []
        for i in range(width):
            cells = [r.cells[i] for r in self.header if i < len(r.cells)]
            out.append(" ".join(c.text for c in cells if c is not None and c.text))
        return out


@dataclass(slots=True, kw_only=True)
class Section(Block):
    """A heading and everything under it until the next heading of the same or a higher level.

    `level` is 0 for the document itself, 1 for the biggest headings, and so on; `ordinal` is
    the number or letter printed with the heading (`1`, `2.3`, `B`), `title` the rest.
    """

    title: str
    level: int
    ordinal: str | None = None
    heading: str = ""
    children: list[Node] = field(default_factory=list)

    def sections(self) -> list[Section]:
        """The direct sub-sections."""
        return [child for child in self.children if isinstance(child, Section)]

    def walk(self) -> Iterator[Node]:
        """Every node below this one, depth first, in document order."""
        for child in self.children:
            yield child
            if isinstance(child, Section):
                yield from child.walk()
            elif isinstance(child, ItemList):
                for item in child.items:
                    yield item
                    yield from _walk_item(item)


def _walk_item(item: Item) -> Iterator[Node]:
    for child in item.children:
        yield child
        if isinstance(child, ItemList):
            for sub in child.items:
                yield sub
                yield from _walk_item(sub)


Node = Section | Paragraph | ItemList | Item | TableBlock | Field
"""Any node of the tree."""


@dataclass(slots=True)
class PageLine:
    """A cleaned text line with the page it is on."""

    page: int
    line: Line

    @property
    def text(self) -> str:
        """The line's text."""
        return self.line.text


@dataclass(slots=True)
class ItemPart:
    """A labelled part of a § item: a label and the lines it labels (None: the text before the
    item's first label)."""

    label: SectionLabel | None
    caption: str
    lines: list[PageLine] = field(default_factory=list)
    who: str = ""  # a person or role printed after the label ("Beslutsförslag Stadsdirektör N.N.")

    @property
    def text(self) -> str:
        """The part's lines joined with single spaces."""
        return " ".join(pl.text for pl in self.lines).strip()


@dataclass(slots=True)
class MeetingItem:
    """One § item of minutes: its heading, what the heading says, and its labelled parts."""

    section: str
    heading: PageLine
    head_lines: list[PageLine]
    heading_title: str = ""  # the title printed on the heading line after the § number
    body: str | None = None
    meeting_date: dt.date | None = None
    lines: list[PageLine] = field(default_factory=list)
    blocks: list[ItemPart] = field(default_factory=list)
    # The first lines of another span of the same § (an earlier stage printed above the
    # minutes' own one): the diary number is often printed only there.
    context: list[PageLine] = field(default_factory=list)

    def blocks_of(self, label: SectionLabel) -> list[ItemPart]:
        """The item's parts with this label, in order."""
        return [b for b in self.blocks if b.label is label]


@dataclass(slots=True)
class DocumentTree:
    """The tree of one document: a root section (level 0) holding everything; for minutes also
    their § items (`minutes` is True once the structure stage has read them)."""

    document_id: str
    root: Section
    items: list[MeetingItem] = field(default_factory=list)
    preamble: list[PageLine] = field(default_factory=list)  # the lines before the first item
    minutes: bool = False
