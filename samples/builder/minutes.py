"""Minutes layout engine (A4 portrait): body column, margin labels or heading labels, page flow.

Two house styles are modelled: Dynasty/Tweb (labels in the left margin on the baseline of the
first line of their block, body column x≈190…540) and CloudNC (labels as bold lines of their own,
full-width body x≈56…540). Body text is justified and hyphenated at line ends.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4

from .layout import BOLD, REGULAR, Line, Op, Page, Rule, Text, place_lines, wrap
from .seed import Item

PAGE_W, PAGE_H = A4


@dataclass
class Style:
    """Geometry and fonts of one minutes style."""

    body_x: float = 190.0
    body_right: float = 540.0
    label_x: float = 56.0
    label_width: float = 126.0
    size: float = 10.5
    leading: float = 13.5
    label_size: float = 10.0
    para_gap: float = 13.5
    top: float = 758.0
    bottom: float = 64.0
    hang: float = 18.0
    label_gap: float = 0.0  # extra space above a block with a margin label

    @property
    def body_width(self) -> float:
        """Width of the body column."""
        return self.body_right - self.body_x


@dataclass
class Flow:
    """Places blocks of text top-down over as many pages as needed."""

    style: Style
    pages: list[Page] = field(default_factory=list)
    y: float = 0.0
    hyphen_breaks: int = 0

    def __post_init__(self) -> None:
        self.new_page()

    @property
    def ops(self) -> Page:
        """Operations of the current page."""
        return self.pages[-1]

    def new_page(self) -> None:
        """Start a new page at the top of the body area."""
        self.pages.append([])
        self.y = self.style.top

    def need(self, lines: int) -> None:
        """Break the page unless ``lines`` more lines fit."""
        if self.y - (lines - 1) * self.style.leading < self.style.bottom:
            self.new_page()

    def space(self, h: float | None = None) -> None:
        """Vertical space (default: one paragraph gap); dropped at the top of a page."""
        if self.y < self.style.top:
            self.y -= self.style.para_gap if h is None else h

    def label(self, text: str) -> None:
        """A bold margin label starting on the current baseline (wrapped inside the margin)."""
        st = self.style
        if st.label_gap and self.y < st.top:
            self.y -= st.label_gap
            self.need(2)
        for i, ln in enumerate(wrap(text, st.label_width, BOLD, st.label_size, hyphenate=False)):
            self.ops.append(Text(st.label_x, self.y - i * st.leading, ln.s, BOLD, st.label_size))

    def _lines(
        self,
        lines: list[Line],
        x: float,
        w: float,
        *,
        justify: bool,
        font: str = REGULAR,
        marker: str = "",
        label: str = "",
    ) -> None:
        """Place wrapped lines one by one, breaking pages between lines."""
        st = self.style
        self.need(min(2, len(lines)))
        if label:
            self.label(label)
        if marker:
            self.ops.append(Text(x - st.hang, self.y, marker, font, st.size))
        for ln in lines:
            if self.y < st.bottom:
                self.new_page()
            self.ops.extend(
                place_lines([ln], x, self.y, w, st.leading, font, st.size, justify=justify)
            )
            self.hyphen_breaks += int(ln.hyphenated)
            self.y -= st.leading

    def para(
        self,
        text: str,
        *,
        label: str = "",
        justify: bool = True,
        font: str = REGULAR,
        hyphenate: bool = True,
    ) -> None:
        """A paragraph in the body column, followed by a paragraph gap."""
        st = self.style
        lines = wrap(text, st.body_width, font, st.size, hyphenate=hyphenate)
        self._lines(lines, st.body_x, st.body_width, justify=justify, font=font, label=label)
        self.space()

    def item(self, it: Item, *, label: str = "", gap: bool = True) -> None:
        """A list item: marker in front, text with a hanging indent."""
        st = self.style
        if it.kind == "para":
            self.para(it.text, label=label)
            return
        x = st.body_x + st.hang
        w = st.body_right - x
        self._lines(
            wrap(it.text, w, REGULAR, st.size), x, w, justify=True, marker=it.marker, label=label
        )
        if gap:
            self.space()

    def lines(self, texts: list[str], *, label: str = "", gap: bool = True) -> None:
        """Short lines kept as they are (names, addresses, attachment titles), ragged."""
        st = self.style
        self.need(min(2, len(texts)))
        if label:
            self.label(label)
        for t in texts:
            wrapped = wrap(t, st.body_width - st.hang, REGULAR, st.size, first_width=st.body_width)
            for i, ln in enumerate(wrapped):
                if self.y < st.bottom:
                    self.new_page()
                x = st.body_x if i == 0 else st.body_x + st.hang
                self.ops.append(Text(x, self.y, ln.s, REGULAR, st.size))
                self.hyphen_breaks += int(ln.hyphenated)
                self.y -= st.leading
        if gap:
            self.space()

    def heading_line(self, text: str, size: float | None = None) -> None:
        """A bold line of its own in the body column (kept with the next two lines)."""
        st = self.style
        self.need(3)
        self.ops.append(Text(st.body_x, self.y, text, BOLD, size or st.size))
        self.y -= st.leading if size is None else max(st.leading, size * 1.35)

    def finish(self, chrome: Callable[[int, int], list[Op]]) -> list[Page]:
        """Add running header/footer ops (given page number and count) to every page."""
        n = len(self.pages)
        return [chrome(i + 1, n) + ops for i, ops in enumerate(self.pages)]


def dynasty_chrome(org: str, body: str, date: str, footer: str) -> Callable[[int, int], list[Op]]:
    """Running header (organisation / Pöytäkirja / N (M), body / date, rule) and footer."""

    def chrome(n: int, total: int) -> list[Op]:
        return [
            Text(56, 806, org, BOLD, 10),
            Text(PAGE_W / 2, 806, "Pöytäkirja", BOLD, 10, align="center"),
            Text(540, 806, f"{n} ({total})", REGULAR, 10, align="right"),
            Text(56, 793, body, REGULAR, 10),
            Text(540, 793, date, REGULAR, 10, align="right"),
            Rule(56, 785, 540, 785, 0.6),
            Rule(56, 44, 540, 44, 0.4),
            Text(56, 30, footer, REGULAR, 8.5),
            Text(540, 30, str(n), REGULAR, 8.5, align="right"),
        ]

    return chrome


def cloudnc_chrome(org: str, doc: str) -> Callable[[int, int], list[Op]]:
    """Running header of CloudNC minutes: organisation / Pöytäkirja N/YYYY / N (M), rule."""

    def chrome(n: int, total: int) -> list[Op]:
        return [
            Text(56, 806, org, BOLD, 10),
            Text(PAGE_W / 2, 806, doc, REGULAR, 10, align="center"),
            Text(540, 806, f"{n} ({total})", REGULAR, 10, align="right"),
            Rule(56, 797, 540, 797, 0.6),
        ]

    return chrome
