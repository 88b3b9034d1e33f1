"""Canvas drawing primitives, Finnish hyphenation and justified line breaking.

Pages are laid out first as lists of drawing operations (``Op``) so that running headers can
show the total page count; ``render`` then draws them on a reportlab canvas.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from .seed import VOWELS

REGULAR = "Helvetica"
BOLD = "Helvetica-Bold"
SYMBOL = "Symbol"  # bullets come from the Symbol font, as in Word-made PDFs
HYPHENS = "-–"
_PUNCT = "()[]”\"'.,:;!?*"


@dataclass
class Text:
    """A string drawn at a baseline; ``word_space`` is added to every space (justification)."""

    x: float
    y: float
    s: str
    font: str = REGULAR
    size: float = 10.5
    word_space: float = 0.0
    align: str = "left"  # left | right | center
    gray: float = 0.0


@dataclass
class Rule:
    """A straight line."""

    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.5
    gray: float = 0.0


@dataclass
class Box:
    """A rectangle, stroked and/or filled with a grey level."""

    x: float
    y: float
    w: float
    h: float
    stroke: bool = True
    fill: float | None = None
    width: float = 0.6


Op = Text | Rule | Box
Page = list[Op]


@dataclass
class Built:
    """What one builder wrote: file name, pages, line-end hyphen breaks, seed line joins."""

    name: str
    pages: int
    hyphen_breaks: int = 0
    joins: list[str] = field(default_factory=list)


def width(s: str, font: str = REGULAR, size: float = 10.5) -> float:
    """Width of ``s`` in points."""
    return float(stringWidth(s, font, size))


def render(c: Canvas, ops: Page) -> None:
    """Draw one page of operations on the canvas (does not call showPage)."""
    for op in ops:
        if isinstance(op, Box):
            c.setLineWidth(op.width)
            if op.fill is not None:
                c.setFillGray(op.fill)
            c.rect(op.x, op.y, op.w, op.h, stroke=int(op.stroke), fill=int(op.fill is not None))
            c.setFillGray(0)
        elif isinstance(op, Rule):
            c.setLineWidth(op.width)
            c.setStrokeGray(op.gray)
            c.line(op.x1, op.y1, op.x2, op.y2)
            c.setStrokeGray(0)
        else:
            x = op.x
            if op.align == "right":
                x -= width(op.s, op.font, op.size)
            elif op.align == "center":
                x -= width(op.s, op.font, op.size) / 2
            t = c.beginText(x, op.y)
            t.setFont(op.font, op.size)
            t.setFillGray(op.gray)
            t.setWordSpace(op.word_space)  # Tw persists in the graphics state: always set it
            t.textOut(op.s)
            c.drawText(t)
            c.setFillGray(0)


def new_canvas(path: Path, pagesize: tuple[float, float], title: str, author: str) -> Canvas:
    """A deterministic canvas (``invariant=1``: no timestamps or random IDs)."""
    c = Canvas(str(path), pagesize=pagesize, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator("poimija samples/build_samples.py")
    return c


def write_pdf(
    path: Path, pages: list[Page], pagesize: tuple[float, float], title: str, author: str
) -> None:
    """Render all pages into ``path``."""
    c = new_canvas(path, pagesize, title, author)
    for ops in pages:
        render(c, ops)
        c.showPage()
    c.save()


# --- hyphenation -------------------------------------------------------------------------


def _letters(s: str) -> int:
    """Number of letters in ``s``."""
    return sum(ch.isalpha() for ch in s)


def break_points(word: str) -> list[int]:
    """Positions where ``word`` may be split at a line end (prefix is ``word[:pos]``).

    A word with a hyphen or dash breaks only after it; otherwise Finnish syllable rule: before
    a consonant followed by a vowel. Never in words with digits, all-caps words, words of fewer
    than 6 letters, and never leaving fewer than 2 letters on either side.
    """
    if any(ch.isdigit() for ch in word) or "/" in word or "@" in word:
        return []
    inner = [i for i, ch in enumerate(word) if ch in HYPHENS and 0 < i < len(word) - 1]
    if inner:
        return [
            i + 1 for i in inner if _letters(word[: i + 1]) >= 2 and _letters(word[i + 1 :]) >= 2
        ]
    core = word.strip(_PUNCT)
    start = word.find(core) if core else 0
    if len(core) < 6 or not core.isalpha() or core.isupper() or _letters(core) < 6:
        return []
    if any(ch.isupper() for ch in core[1:]):
        return []
    low = core.lower()
    points = []
    for i in range(2, len(low) - 1):
        if low[i] not in VOWELS and low[i + 1] in VOWELS and any(v in VOWELS for v in low[:i]):
            points.append(start + i)
    return points


def split_word(word: str, pos: int) -> tuple[str, str]:
    """Split ``word`` at ``pos``; a syllable break gets a hyphen, an existing hyphen is kept."""
    head, tail = word[:pos], word[pos:]
    return (head if head[-1] in HYPHENS else head + "-"), tail


# --- line breaking -----------------------------------------------------------------------


@dataclass
class Line:
    """One output line of a paragraph."""

    s: str
    natural: float
    gaps: int
    last: bool = False
    hyphenated: bool = False


def wrap(
    text: str,
    width_: float,
    font: str = REGULAR,
    size: float = 10.5,
    *,
    hyphenate: bool = True,
    first_width: float | None = None,
) -> list[Line]:
    """Greedy line breaking with Finnish hyphenation; long unbreakable words are split by char."""
    space = width(" ", font, size)
    words: deque[str] = deque(text.split())
    lines: list[Line] = []
    cur: list[str] = []
    cur_w = 0.0

    def limit() -> float:
        return first_width if (first_width is not None and not lines) else width_

    def emit(hyph: bool = False) -> None:
        nonlocal cur, cur_w
        lines.append(Line(" ".join(cur), cur_w, len(cur) - 1, hyphenated=hyph))
        cur, cur_w = [], 0.0

    while words:
        word = words.popleft()
        ww = width(word, font, size)
        need = ww if not cur else cur_w + space + ww
        if need <= limit():
            cur.append(word)
            cur_w = need
            continue
        done = False
        if hyphenate:
            for pos in reversed(break_points(word)):
                head, tail = split_word(word, pos)
                hw = width(head, font, size)
                if (hw if not cur else cur_w + space + hw) <= limit():
                    cur.append(head)
                    cur_w = hw if len(cur) == 1 else cur_w + space + hw
                    words.appendleft(tail)
                    emit(hyph=head[-1] == "-")
                    done = True
                    break
        if done:
            continue
        if cur:
            emit()
            words.appendleft(word)
            continue
        # a single word wider than the line (URLs): split it by characters
        cut = len(word)
        while cut > 1 and width(word[:cut], font, size) > limit():
            cut -= 1
        cur = [word[:cut]]
        cur_w = width(word[:cut], font, size)
        emit()
        if word[cut:]:
            words.appendleft(word[cut:])
    if cur:
        emit()
    if lines:
        lines[-1].last = True
    return lines


def place_lines(
    lines: list[Line],
    x: float,
    y: float,
    width_: float,
    leading: float,
    font: str = REGULAR,
    size: float = 10.5,
    *,
    justify: bool = True,
    first_x: float | None = None,
    first_width: float | None = None,
) -> list[Text]:
    """Text ops for wrapped lines starting at baseline ``y`` (justified except the last)."""
    ops: list[Text] = []
    for i, ln in enumerate(lines):
        lx = first_x if (i == 0 and first_x is not None) else x
        lw = first_width if (i == 0 and first_width is not None) else width_
        ws = 0.0
        if justify and not ln.last and ln.gaps > 0:
            ws = (lw - ln.natural) / ln.gaps
        ops.append(Text(lx, y - i * leading, ln.s, font, size, word_space=ws))
    return ops
