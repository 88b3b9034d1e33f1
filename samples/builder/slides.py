"""Slide layout (A4 landscape): cover, titles, flowing text, ruled tables and roadmap lists."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4, landscape

from .layout import BOLD, REGULAR, SYMBOL, Box, Op, Page, Rule, Text, width, wrap
from .seed import Item

PAGE_W, PAGE_H = landscape(A4)
LEFT, RIGHT = 50.0, PAGE_W - 50.0
CONTENT_W = RIGHT - LEFT
TITLE_Y = 538.0
TOP = 498.0
BOTTOM = 56.0


class SlideFull(Exception):
    """Raised when content does not fit on a slide (the builder must split it)."""


@dataclass
class Slide:
    """One slide being filled top-down."""

    ops: Page = field(default_factory=list)
    y: float = TOP
    cover: bool = False

    def down(self, h: float) -> None:
        """Move the cursor down, refusing to run into the footer."""
        self.y -= h
        if self.y < BOTTOM - 4:
            raise SlideFull(f"slide overflow (y={self.y:.0f})")

    def text_block(
        self,
        text: str,
        size: float = 12,
        font: str = REGULAR,
        *,
        x: float = LEFT,
        w: float = CONTENT_W,
        leading: float | None = None,
        gap: float = 8,
    ) -> None:
        """A left-aligned paragraph."""
        lead = leading or size * 1.3
        for ln in wrap(text, w, font, size, hyphenate=False):
            self.ops.append(Text(x, self.y, ln.s, font, size))
            self.down(lead)
        self.y -= gap

    def flow(
        self,
        items: list[Item],
        size: float = 12,
        gap: float = 7,
        *,
        x: float = LEFT,
        w: float = CONTENT_W,
    ) -> None:
        """Paragraphs, bullets (•) and numbered items, left aligned."""
        lead = size * 1.3
        for it in items:
            if it.kind == "para":
                self.text_block(it.text, size, x=x, w=w, leading=lead, gap=gap)
                continue
            bullet = it.kind == "bullet"
            indent = 16 if bullet else 22
            self.ops.append(
                Text(
                    x + 4, self.y, "•" if bullet else it.marker, SYMBOL if bullet else REGULAR, size
                )
            )
            self.text_block(
                it.text, size, x=x + 4 + indent, w=w - 4 - indent, leading=lead, gap=gap * 0.6
            )
        self.y -= gap * 0.4


@dataclass
class Deck:
    """A list of slides with a running footer on every slide but the cover."""

    footer: str
    slides: list[Slide] = field(default_factory=list)

    def cover(self, title: str) -> None:
        """Cover slide: a big centred title on a grey band (no footer)."""
        s = Slide(cover=True)
        s.ops.append(Box(0, 230, PAGE_W, 140, stroke=False, fill=0.9))
        s.ops.append(Text(PAGE_W / 2, 292, title, BOLD, 30, align="center"))
        self.slides.append(s)

    def new(self, title: str | None = None, *, size: float = 20) -> Slide:
        """A content slide with an optional bold title and rule under it."""
        s = Slide()
        if title:
            lines = wrap(title, CONTENT_W, BOLD, size, hyphenate=False)
            for i, ln in enumerate(lines):
                s.ops.append(Text(LEFT, TITLE_Y - i * size * 1.2, ln.s, BOLD, size))
            s.ops.append(
                Rule(
                    LEFT,
                    TITLE_Y - 14 - (len(lines) - 1) * size * 1.2,
                    RIGHT,
                    TITLE_Y - 14 - (len(lines) - 1) * size * 1.2,
                    1.0,
                    0.55,
                )
            )
            s.y = TOP - (len(lines) - 1) * size * 1.2
        else:
            s.y = TITLE_Y
        self.slides.append(s)
        return s

    def divider(self, title: str) -> Slide:
        """A section divider slide: the title big and centred."""
        s = Slide()
        s.ops.append(Rule(LEFT + 150, 262, RIGHT - 150, 262, 1.2, 0.55))
        s.ops.append(Text(PAGE_W / 2, 282, title, BOLD, 28, align="center"))
        self.slides.append(s)
        return s

    def pages(self) -> list[Page]:
        """All slides with footers (page number = PDF page number)."""
        out: list[Page] = []
        for i, s in enumerate(self.slides, start=1):
            chrome: list[Op] = []
            if not s.cover:
                chrome = [
                    Rule(LEFT, 38, RIGHT, 38, 0.4, 0.6),
                    Text(LEFT, 24, self.footer, REGULAR, 9),
                    Text(RIGHT, 24, str(i), REGULAR, 9, align="right"),
                ]
            out.append(s.ops + chrome)
        return out


# --- ruled tables ------------------------------------------------------------------------


@dataclass
class Cell:
    """Content of one table cell: paragraphs and bullets, or a centred mark."""

    items: list[Item]
    center: bool = False
    bold: bool = False


def cell(text: str, *, center: bool = False, bold: bool = False) -> Cell:
    """A cell holding one paragraph."""
    return Cell([Item(text)] if text else [], center=center, bold=bold)


@dataclass
class TableStyle:
    """Fonts and padding of a ruled table."""

    size: float = 10.0
    leading: float = 12.0
    pad: float = 4.0
    item_gap: float = 2.0
    bullet_indent: float = 10.0


def _cell_ops(c: Cell, x: float, w: float, y_top: float, ts: TableStyle) -> tuple[list[Op], float]:
    """Text ops of a cell placed at (x, y_top) and the height the cell needs."""
    ops: list[Op] = []
    font = BOLD if c.bold else REGULAR
    y = y_top - ts.pad - ts.size * 0.8
    inner = w - 2 * ts.pad
    for k, it in enumerate(c.items):
        if k:
            y -= ts.item_gap
        if c.center:
            ops.append(Text(x + w / 2, y, it.text, font, ts.size, align="center"))
            y -= ts.leading
            continue
        ind = ts.bullet_indent if it.kind == "bullet" else 0.0
        if ind:
            ops.append(Text(x + ts.pad, y, "•", SYMBOL, ts.size))
        for ln in wrap(it.text, inner - ind, font, ts.size, hyphenate=False):
            ops.append(Text(x + ts.pad + ind, y, ln.s, font, ts.size))
            y -= ts.leading
    height = y_top - (y + ts.leading) + ts.size * 0.3 + ts.pad
    return ops, max(height, ts.leading + 2 * ts.pad)


def table(
    s: Slide,
    widths: list[float],
    header: list[Cell],
    rows: list[list[Cell]],
    ts: TableStyle,
    *,
    max_rows: int | None = None,
    reserve: float = 0.0,
) -> int:
    """Draw a fully ruled table with a grey bold header row; returns how many rows fit."""
    xs = [LEFT]
    for w in widths:
        xs.append(xs[-1] + w)
    done = 0
    for r, row in enumerate([header, *rows]):
        if r and max_rows is not None and done >= max_rows:
            break
        placed = [_cell_ops(c, xs[i], widths[i], s.y, ts) for i, c in enumerate(row)]
        h = max(p[1] for p in placed)
        if r and s.y - h < BOTTOM + reserve:
            break
        for i, (ops, _) in enumerate(placed):
            s.ops.append(Box(xs[i], s.y - h, widths[i], h, fill=0.86 if r == 0 else None))
            s.ops.extend(ops)
        s.y -= h
        done += int(r > 0)
    s.y -= 20
    return done


# --- roadmap project lists ---------------------------------------------------------------


def year_row(s: Slide, years: list[str]) -> None:
    """A grey timeline band with the year labels spread evenly."""
    s.ops.append(Box(LEFT, s.y - 6, CONTENT_W, 22, stroke=False, fill=0.88))
    for i, yr in enumerate(years):
        s.ops.append(
            Text(LEFT + CONTENT_W * (i + 0.5) / len(years), s.y, yr, BOLD, 11, align="center")
        )
    s.down(30)


def project_list(s: Slide, projects: list[tuple[str, str]], size: float = 12) -> None:
    """One project per line; the status phrase right-aligned on the project's last line."""
    lead = size * 1.3
    status_font, status_size = BOLD, 10.0
    widest = max((width(st, status_font, status_size) for _, st in projects), default=0.0)
    text_w = CONTENT_W - widest - 24
    for name, status in projects:
        lines = wrap(name, text_w - 12, REGULAR, size, hyphenate=False, first_width=text_w)
        for i, ln in enumerate(lines):
            s.ops.append(Text(LEFT + (12 if i else 0), s.y, ln.s, REGULAR, size))
            if i == len(lines) - 1 and status:
                s.ops.append(Text(RIGHT, s.y, status, status_font, status_size, align="right"))
            s.down(lead)
        s.ops.append(Rule(LEFT, s.y + lead - 5, RIGHT, s.y + lead - 5, 0.3, 0.75))
        s.y -= 5
