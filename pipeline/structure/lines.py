"""What one line is: a list marker and its ordinal, key-value fields, a heading.

•  –  ▪  ●  ○  ✓  ■ …            bullets (also set apart from their item)
1.  1)  a)  A.  A1  2.3  (a)       ordinals (a date such as "22.10.19" is none)
Vastuu: X · Aikataulu: 2025        fields, several run together on one line
"""

from __future__ import annotations

import re

from schemas.source import Line, LineKind
from schemas.tree import Item

BULLETS = "•◦▪●■□◼◾➢►✓✔○◐◑◆◇-–—*·"
_BULLET = re.compile(r"^([•◦▪●■□◼◾➢►✓✔○◐◑◆◇]|[-–—*·](?=\s))\s*(?=\S)")
# 1.  1)  1.2  1.2.3  a)  A.  A1  (a) — followed by a space and text.
_ORDINAL = re.compile(
    r"^\(?(\d{1,2}(?:\.\d{1,2}){0,3}|[A-Za-zÅÄÖåäö]|[A-Z]\d{1,2})([.)])?\s+(?=\S)"
)
_KEY = re.compile(r"^([A-ZÅÄÖ][\w/&()\-. ]{0,40}?)\s*:(?:\s+|$)")
# Separators between fields run together on one line: "Vastuu: X · Aikataulu: 2025".
_FIELD_SPLIT = re.compile(r"\s+[·|•]\s+|\s*;\s+|(?<=[.])\s+(?=[A-ZÅÄÖ][\w ]{1,25}:\s)")


def split_marker(text: str) -> tuple[str, str | None, str]:
    """(marker, ordinal, rest) of a list item's text; ('', None, text) when it has no marker."""
    bullet = _BULLET.match(text)
    if bullet:
        rest = text[bullet.end() :]
        inner = _ORDINAL.match(rest)  # "– a) …": a bullet and a letter
        if (
            inner
            and inner.group(2)
            and _real_ordinal(inner.group(1), inner.group(2), rest[inner.end() :])
        ):
            return bullet.group(1), inner.group(1), rest[inner.end() :]
        return bullet.group(1), None, rest
    found = _ORDINAL.match(text)
    if found:
        ordinal, punct = found.group(1), found.group(2) or ""
        rest = text[found.end() :]
        if _real_ordinal(ordinal, punct, rest):
            return found.group(0).strip(), ordinal, rest
    return "", None, text


def _real_ordinal(ordinal: str, punct: str, rest: str) -> bool:
    if not rest[:1].isalpha() and rest[:1] not in "”\"'(":
        return False
    if re.fullmatch(r"\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})?", ordinal + punct):
        return False  # a date ("22.10.19", "9.10."), not a number
    if ordinal.isdigit() or "." in ordinal:
        return bool(punct) or rest[:1].isupper()
    if len(ordinal) == 1 and ordinal.isalpha():
        # "a) …", "B. …" or a capital letter alone before a capitalised word ("A Palvelut").
        return bool(punct) or (ordinal.isupper() and rest[:1].isupper())
    return rest[:1].isupper()  # A1, B12


def split_fields(text: str) -> list[tuple[str, str]]:
    """The key-value pairs of a line ("Vastuu: X · Aikataulu: 2025"); [] when it is no field."""
    if not _KEY.match(text):
        return []
    pairs: list[tuple[str, str]] = []
    for chunk in _FIELD_SPLIT.split(text):
        found = _KEY.match(chunk)
        words = len(found.group(1).split()) if found else 0
        if found and (words <= 4 if chunk[found.end() :].strip() else words <= 2):
            pairs.append((found.group(1).strip(), chunk[found.end() :].strip()))
        elif pairs:
            key, value = pairs[-1]
            pairs[-1] = (key, f"{value} {chunk}".strip())
        else:
            return []
    return pairs


def is_heading(line: Line, body: float) -> bool:
    """A short line set bigger than the body, or bold, that does not run on as a sentence."""
    text = line.text
    if line.kind is LineKind.LABEL:
        return True
    if len(text) > 150 or not line.font_size or not any(c.isalpha() for c in text):
        return False
    words = text.split()
    if re.search(r"[.!?]\s+\S", text) and len(words) > 8:
        return False  # sentences run on: a bold or big paragraph, not a heading
    if text.endswith((".", ",", ";")) and len(words) > 6:
        return False
    if line.font_size >= body + 1.2:
        return True
    return line.bold and line.font_size >= body - 1.0 and not text.endswith((",", ";"))


def line_item(
    line: Line,
    page: int,
    *,
    marker: str = "",
    ordinal: str | None = None,
    text: str | None = None,
    aside: Line | None = None,
) -> Item:
    """A list item made of one printed line (more lines join it as they come)."""
    return Item(
        page=page,
        pages=[page],
        bbox=line.bbox,
        lines=[line],
        marker=marker,
        ordinal=ordinal,
        text=line.text if text is None else text,
        aside=aside.text if aside else None,
    )
