"""Words on one baseline become lines: split at wide gaps, and after a margin caption set close to
its text (the label vocabulary is the evidence)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import lru_cache
from statistics import median
from typing import Any

from schemas.source import Line
from schemas.vocab import lookup_label

# A gap wider than this many times the median character width splits a baseline into two lines.
_GAP_FACTOR = 3.0
# A bold font's name.
_BOLD = re.compile(r"bold|black|heavy|semibold", re.I)


def lines_from_words(words: Iterable[dict[str, Any]]) -> list[Line]:
    """Group words into lines: same baseline, no gap wider than a few characters."""
    rows: list[list[dict[str, Any]]] = []
    # Each row's first word's top, and how far from it a word may sit and join the row.
    reach: list[tuple[float, float]] = []
    for word in sorted(words, key=lambda w: (round(float(w["top"])), float(w["x0"]))):
        if not str(word["text"]).strip():
            continue
        top = float(word["top"])
        for n in range(len(rows) - 1, max(len(rows) - 4, -1), -1):
            ref_top, tol = reach[n]
            if abs(top - ref_top) <= tol:
                rows[n].append(word)
                break
        else:
            rows.append([word])
            reach.append((top, max(0.45 * (float(word["bottom"]) - top), 1.0)))
    lines: list[Line] = []
    for row in rows:
        row.sort(key=lambda w: float(w["x0"]))
        char_w = median(
            (float(w["x1"]) - float(w["x0"])) / max(len(str(w["text"])), 1) for w in row
        )
        gaps = [float(b["x0"]) - float(a["x1"]) for a, b in itertools.pairwise(row)]
        space = median(gaps) if len(gaps) >= 3 else char_w
        run: list[dict[str, Any]] = [row[0]]
        for word in row[1:]:
            gap = float(word["x0"]) - float(run[-1]["x1"])
            if gap > _GAP_FACTOR * max(char_w, 1.5) or _after_caption(run, row, gap, space):
                lines.append(_make_line(run))
                run = []
            run.append(word)
        lines.append(_make_line(run))
    lines.sort(key=lambda ln: (round(ln.top / 2), ln.x0))
    return lines


def _after_caption(
    run: list[dict[str, Any]],
    row: list[dict[str, Any]],
    gap: float,
    space: float,
) -> bool:
    """Whether the row's first words are a margin caption set close to its text.

    A caption right-aligned against the text column (`Päätös` ending a few points before
    `Hyväksyttiin.`) leaves a gap too narrow for the general rule but about twice the row's
    spacing; the label vocabulary is the evidence that the words before it are a caption.
    """
    if run[0] is not row[0] or len(run) > 3 or gap < 1.6 * max(space, 1.0):
        return False
    return lookup_label(" ".join(str(w["text"]) for w in run)) is not None


@lru_cache(maxsize=4096)
def _bold(fontname: str) -> bool:
    """Whether a font's name says it is bold (a page has a few fonts and thousands of words)."""
    return _BOLD.search(fontname) is not None


def _make_line(words: list[dict[str, Any]]) -> Line:
    sizes = [float(w.get("size") or 0.0) for w in words]
    bold = sum(1 for w in words if _bold(str(w.get("fontname") or ""))) > len(words) / 2
    return Line(
        text=" ".join(str(w["text"]) for w in words),
        x0=min(float(w["x0"]) for w in words),
        top=min(float(w["top"]) for w in words),
        x1=max(float(w["x1"]) for w in words),
        bottom=max(float(w["bottom"]) for w in words),
        font_size=round(median(sizes), 1) if sizes else 0.0,
        bold=bold,
    )
