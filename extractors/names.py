"""Names and quotes: how two printed names are compared, and how a quote is cut."""

from __future__ import annotations

import re
import unicodedata

QUOTE_CHARS = 200
BULLET = re.compile(r"^(?:[•◦▪●■□➢►✓]\s*|[-–—*]\s+)(?=\S)")
# "1." "2)" "a)" "A." — one or two digits or a single letter, then a period or parenthesis.
_ORDINAL = re.compile(r"^(?:\d{1,2}|[A-Za-zÅÄÖåäö])[.)]\s+(?=\S)")
_QUOTES = str.maketrans({"”": "", "“": "", '"': "", "„": "", "«": "", "»": "", "’": "", "'": ""})
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-"})


def normalise(text: str) -> str:
    """A name for comparison: case-folded, quotes and end punctuation dropped, dashes unified."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES).translate(_DASHES)
    return " ".join(text.casefold().split()).strip(" .,:;")


def same_name(a: str, b: str) -> bool:
    """True when two printed names are the same (one may add a lead word or an ordinal)."""
    na, nb = normalise(_strip_marker(a)), normalise(_strip_marker(b))
    if not na or not nb:
        return False
    if na == nb:
        return True
    short, long_ = sorted((na, nb), key=len)
    # "OSAAMINEN - Työn mielekkyys ja digiosaaminen" vs "Työn mielekkyys ja digiosaaminen".
    return len(short) >= 12 and (long_.endswith(" " + short) or long_.startswith(short + " "))


def quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """A quote of at most `limit` characters, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0]


def _strip_marker(text: str) -> str:
    text = text.strip()
    bullet = BULLET.match(text)
    if bullet:
        text = text[bullet.end() :]
    ordinal = _ORDINAL.match(text)
    return text[ordinal.end() :] if ordinal else text
