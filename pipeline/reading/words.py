"""pdfplumber's word extractor, written out for upright text: the same words, about twice as fast.

The PDFium reader hands every character of a page to it (600,000 in the real PDFs), and
pdfplumber's general `WordExtractor` (any direction, any setting) was a third of reading.
"""

from __future__ import annotations

import math
from itertools import groupby
from operator import itemgetter
from typing import Any

from pdfplumber.utils.text import LIGATURES, WordExtractor

from pipeline.reading.pdfpage import WORD_ATTRS

# pdfplumber's default x and y tolerance, and what starts a new run of characters.
_TOLERANCE = 3
_RUN_KEY = itemgetter("upright", *WORD_ATTRS)


def extract_words(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`WordExtractor(extra_attrs=["fontname", "size"]).extract_words(chars)`, about twice as fast.

    pdfplumber's steps with its default settings, written out for upright text (rotated runs go
    to pdfplumber itself): runs of one font and size, lines by `top` within 3 points, left to
    right, a new word at a space, a gap over 3 points, a step back or a jump in `top`.
    """
    words: list[dict[str, Any]] = []
    for (upright, fontname, size), run in groupby(chars, key=_RUN_KEY):
        group = list(run)
        if not upright:
            words += WordExtractor(extra_attrs=list(WORD_ATTRS)).extract_words(group)
            continue
        # pdfplumber's cluster_objects: distinct tops, sorted, a new line after a gap > 3.
        line_of: dict[float, int] = {}
        line, last = -1, -math.inf
        for top in sorted({c["top"] for c in group}):
            if top > last + _TOLERANCE:
                line += 1
            line_of[top] = line
            last = top
        # Stable sorts, as pdfplumber's: by line, then by x0 within each line.
        ordered = sorted(group, key=lambda c: (line_of[c["top"]], c["x0"]))
        current: list[dict[str, Any]] = []
        line_now = None
        for char in ordered:
            if line_of[char["top"]] != line_now:
                if current:
                    words.append(_word(current, fontname, size))
                current, line_now = [], line_of[char["top"]]
            if char["text"].isspace():
                if current:
                    words.append(_word(current, fontname, size))
                current = []
                continue
            if current:
                prev = current[-1]
                if (
                    char["x0"] < prev["x0"]
                    or char["x0"] > prev["x1"] + _TOLERANCE
                    or abs(char["top"] - prev["top"]) > _TOLERANCE
                ):
                    words.append(_word(current, fontname, size))
                    current = []
            current.append(char)
        if current:
            words.append(_word(current, fontname, size))
    return words


def _word(chars: list[dict[str, Any]], fontname: str, size: float) -> dict[str, Any]:
    """pdfplumber's `merge_chars` for upright characters."""
    x0 = min(c["x0"] for c in chars)
    x1 = max(c["x1"] for c in chars)
    top = min(c["top"] for c in chars)
    bottom = max(c["bottom"] for c in chars)
    first = chars[0]
    return {
        "text": "".join(LIGATURES.get(c["text"], c["text"]) for c in chars),
        "x0": x0,
        "x1": x1,
        "top": top,
        "doctop": top + (first["doctop"] - first["top"]),
        "bottom": bottom,
        "upright": True,
        "height": bottom - top,
        "width": x1 - x0,
        "direction": "ltr",
        "fontname": fontname,
        "size": size,
    }
