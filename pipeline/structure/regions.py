"""A page's lines as rows, in reading order: columns read one after the other.

Two evidence kinds decide the order. A column gutter is an x that no line crosses over a stretch
of the page, with text on both sides whose baselines do not line up (a table's cells do line
up; they are rows, not columns). Fragments on one baseline that the reader split at a wide gap
are joined again when the gap is one of justified text, and kept apart when it is a table's or
an aside's (a status or a page number printed at the right).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

from schemas.source import Line, LineKind

_MARKS = frozenset({"x", "X", "■", "✓", "✔", "●", "◼", "◾", "▪", "*", "+"})
_BULLETS = frozenset({"-", "–", "—", "•", "◦", "▪", "●", "■", "○", "➢", "►", "*", "·"})
# Lines whose tops differ by less than this share of their height sit on one baseline.
_SAME_ROW = 0.45


@dataclass(slots=True)
class PhysicalRow:
    """Line fragments on one baseline, left to right."""

    parts: list[Line] = field(default_factory=list)

    @property
    def top(self) -> float:
        """Top of the highest fragment."""
        return min(p.top for p in self.parts)

    @property
    def bottom(self) -> float:
        """Bottom of the lowest fragment."""
        return max(p.bottom for p in self.parts)

    @property
    def x0(self) -> float:
        """Left edge of the row."""
        return self.parts[0].x0


def physical_rows(lines: list[Line]) -> list[PhysicalRow]:
    """Group lines (already in reading order) into baseline rows, each sorted left to right."""
    rows: list[PhysicalRow] = []
    for line in lines:
        if rows:
            ref = rows[-1].parts[0]
            tol = max(_SAME_ROW * max(ref.height, 1.0), 1.5)
            if abs(line.top - ref.top) <= tol:
                rows[-1].parts.append(line)
                continue
        rows.append(PhysicalRow([line]))
    for row in rows:
        row.parts.sort(key=lambda p: p.x0)
    return rows


def reading_order(lines: list[Line], width: float, depth: int = 0) -> list[Line]:
    """Lines top to bottom, with each column of a multi-column stretch read whole, left first."""
    ordered = sorted(lines, key=lambda ln: (round(ln.top, 0), ln.x0))
    if depth > 2 or len(ordered) < 6:
        return ordered
    split = _gutter(ordered, width)
    if split is None:
        return ordered
    x, band_top, band_bottom = split
    above = [ln for ln in ordered if ln.bottom <= band_top + 1 and not _beside(ln, x)]
    below = [ln for ln in ordered if ln.top >= band_bottom - 1 and not _beside(ln, x)]
    outside = {id(ln) for ln in above + below}
    middle = [ln for ln in ordered if id(ln) not in outside]
    left = [ln for ln in middle if ln.x0 < x]
    right = [ln for ln in middle if ln.x0 >= x]
    return (
        above
        + reading_order(left, width, depth + 1)
        + reading_order(right, width, depth + 1)
        + below
    )


def _beside(line: Line, x: float) -> bool:
    return line.x1 <= x or line.x0 >= x


def _gutter(
    lines: list[Line], width: float, *, nested: bool = False
) -> tuple[float, float, float] | None:
    """(x, top, bottom) of the widest-supported column gutter, or None.

    `nested` looks for a gutter inside one side of another: it skips the test for table cells
    on each side, which would look for gutters again (and again, exponentially).
    """
    best: tuple[int, float, float, float] | None = None
    left_edge = min(ln.x0 for ln in lines)
    right_edge = max(ln.x1 for ln in lines)
    span = right_edge - left_edge
    if span < width * 0.4:
        return None
    for x in _candidates(lines, left_edge + span * 0.2, left_edge + span * 0.8):
        found = _gutter_at(lines, x, nested=nested)
        if found is not None and (best is None or found[0] > best[0]):
            best = (found[0], x, found[1], found[2])
    return (best[1], best[2], best[3]) if best else None


def _candidates(lines: list[Line], low: float, high: float) -> list[float]:
    """Where a gutter can be: the middle of each stretch of x that no narrow line covers.

    Lines wider than most of the span (a title over both columns) are left out here: whether
    they cross a gutter is checked against its band later.
    """
    span = max(ln.x1 for ln in lines) - min(ln.x0 for ln in lines)
    spans = sorted((ln.x0 - 2, ln.x1 + 2) for ln in lines if ln.x1 - ln.x0 < 0.6 * span)
    out: list[float] = []
    reach = low
    for x0, x1 in spans:
        if x0 > reach and x0 > low:
            middle = (reach + min(x0, high)) / 2
            if low <= middle <= high:
                out.append(middle)
        reach = max(reach, x1)
        if reach >= high:
            break
    if reach < high:
        out.append((reach + high) / 2)
    return out


def _gutter_at(
    lines: list[Line], x: float, *, nested: bool = False
) -> tuple[int, float, float] | None:
    left = [ln for ln in lines if ln.x1 <= x - 2]
    right = [ln for ln in lines if ln.x0 >= x + 2]
    if len(left) < 3 or len(right) < 3:
        return None
    top = max(min(ln.top for ln in left), min(ln.top for ln in right))
    bottom = min(max(ln.bottom for ln in left), max(ln.bottom for ln in right))
    if bottom - top < 30:
        return None
    crossing = [ln for ln in lines if ln.x0 < x + 2 and ln.x1 > x - 2]  # touching the strip
    if any(ln.top < bottom and ln.bottom > top for ln in crossing):
        return None
    band_left = [ln for ln in left if top - 1 <= ln.top <= bottom]
    band_right = [ln for ln in right if top - 1 <= ln.top <= bottom]
    if len(band_left) < 3 or len(band_right) < 3:
        return None
    if all(ln.kind is LineKind.LABEL for ln in band_left):
        return None  # captions in a margin belong beside the text they label, not before it
    # A side whose baselines hold several fragments is a table's cells, not a column; so is
    # a stretch whose baselines line up both ways across the gutter, unless each side is a
    # bulleted list of its own (lists set side by side).
    prose = _prose(band_left) and _prose(band_right)
    if not nested and not prose and (_cells(band_left) or _cells(band_right)):
        return None
    if _marks(band_left) >= 2 or _marks(band_right) >= 2:
        return None  # marks under year columns: a grid
    if min(_aligned(band_left, band_right), _aligned(band_right, band_left)) > 0.7 and not (
        prose or (_opens_block(band_left) and _opens_block(band_right))
    ):
        return None
    # Short lines at the right, each beside a line at the left, are asides (statuses, page
    # numbers), not a column.
    words = sorted(len(ln.text.split()) for ln in band_right)
    left_words = sorted(len(ln.text.split()) for ln in band_left)
    short = words[len(words) // 2] <= 3 and words[-1] <= 6
    longer = left_words[len(left_words) // 2] >= max(5, 2 * words[len(words) // 2])
    if short and longer and _aligned(band_right, band_left) > 0.7:
        return None
    # Columns of text fill their side; a narrow right-hand strip is a margin of asides.
    side = max(ln.x1 for ln in band_right) - x
    if side < 0.25 * (max(ln.x1 for ln in lines) - min(ln.x0 for ln in lines)):
        return None
    return min(len(band_left), len(band_right)), top, bottom


def _aligned(lines: list[Line], others: list[Line]) -> float:
    """The share of `lines` whose top matches the top of one of `others`."""
    centres = [(ln.top + ln.bottom) / 2 for ln in others]
    hits = sum(
        1
        for ln in lines
        if any(abs((ln.top + ln.bottom) / 2 - c) < max(2.0, 0.3 * ln.height) for c in centres)
    )
    return hits / max(len(lines), 1)


def _cells(lines: list[Line]) -> bool:
    """Whether a side holds table cells: baselines with several fragments that are not
    explained by a gutter of their own (three columns read as one and then two)."""
    if _multi_rows(lines) < 2:
        return False
    span = max(ln.x1 for ln in lines) - min(ln.x0 for ln in lines)
    return _gutter(lines, span, nested=True) is None


def _prose(lines: list[Line]) -> bool:
    """Running text: most lines hold thirty characters or more (a table's cells are short;
    counted in characters, as Finnish fills a line with few long words)."""
    lengths = sorted(len(ln.text) for ln in lines)
    return len(lengths) >= 4 and lengths[len(lengths) // 2] >= 30


def _multi_rows(lines: list[Line]) -> int:
    """How many baselines hold two or more fragments."""
    tops: dict[int, int] = {}
    for line in lines:
        if len(line.text) <= 2:
            continue  # a mark or a symbol of a legend, not a cell
        tops[round(line.top)] = tops.get(round(line.top), 0) + 1
    return sum(1 for n in tops.values() if n >= 2)


def _marks(lines: list[Line]) -> int:
    """How many lines are grid marks alone (`x`, `■`, `✓`)."""
    return sum(1 for ln in lines if ln.text.strip() in _MARKS)


def _opens_block(lines: list[Line]) -> bool:
    """Whether the lines are a bulleted list: two or more lines start with a bullet and text."""
    return sum(1 for ln in lines if ln.text[:1] in "•▪●■◼◾➢►✓○◆–-" and len(ln.text) > 3) >= 2


def char_width(line: Line) -> float:
    """Average width of a character of the line."""
    return (line.x1 - line.x0) / max(len(line.text), 1)


def join_row(
    row: PhysicalRow, page_width: float, aside_chars: int = 40, aside_gap: float = 0.1
) -> tuple[list[Line], Line | None]:
    """The row's fragments joined where the gap is a justified word gap; and a far-right aside.

    A fragment that starts past the middle of the page after a gap wider than a tenth of the
    page is an aside (a status or page number printed apart) and is returned on its own.
    """
    parts = row.parts
    aside = None
    if len(parts) >= 2:
        last, before = parts[-1], parts[-2]
        gap = last.x0 - before.x1
        wide = gap > page_width * aside_gap
        if last.x0 > page_width * 0.5 and wide and len(last.text) <= aside_chars:
            aside, parts = last, parts[:-1]
    joined: list[Line] = [parts[0]]
    for part in parts[1:]:
        prev = joined[-1]
        gap = part.x0 - prev.x1
        limit = max(6 * median([char_width(prev), char_width(part)]), page_width * 0.06)
        bullet = prev.text.strip() in _BULLETS  # a bullet set apart from its item
        if gap <= limit or (bullet and gap <= page_width * 0.15):
            joined[-1] = merge_lines(prev, part)
        else:
            joined.append(part)
    return joined, aside


def merge_lines(a: Line, b: Line) -> Line:
    """One line made of two fragments of a baseline."""
    return Line(
        text=f"{a.text} {b.text}",
        x0=min(a.x0, b.x0),
        top=min(a.top, b.top),
        x1=max(a.x1, b.x1),
        bottom=max(a.bottom, b.bottom),
        font_size=a.font_size if len(a.text) >= len(b.text) else b.font_size,
        bold=a.bold and b.bold,
        kind=a.kind,
        label=a.label,
    )
