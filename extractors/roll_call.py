"""Votes printed as names, not numbers: a roll call listed under JAA / EI / TYHJÄ / POISSA (Ja /
Nej / Blanka / Frånvarande), or a table of members with a mark under their side — counted.

`votes_for` is the base proposal's side: JAA unless the text says the base proposal's
supporters vote EI ("Mäkisen ehdotusta kannattavat äänestävät JAA" puts the counter-proposal on
JAA).
"""

from __future__ import annotations

import re

from extractors.item_headings import PageLine, same_row
from extractors.verdicts import ROLE_GENITIVE

_SIDE_WORDS = {
    "jaa": "votes_for",
    "ja": "votes_for",
    "ei": "votes_against",
    "nej": "votes_against",
    "tyhjä": "votes_blank",
    "tyhjiä": "votes_blank",
    "blanka": "votes_blank",
    "poissa": "votes_absent",
    "frånvarande": "votes_absent",
}
_HEAD = re.compile(
    r"^(JAA|EI|TYHJÄ|TYHJIÄ|POISSA|Jaa|Ei|Tyhjä|Tyhjiä|Poissa|Ja|Nej|Blanka|Frånvarande)"
    r"(?:[- ](?:äänet|ääntä|röster))?(?:\s*:\s*|\s+|$)(.*)$"
)
_NAME = re.compile(r"[A-ZÅÄÖ][\wåäöé'-]+(?: [A-ZÅÄÖ][\wåäöé'-]+){0,2}")
_MARK = frozenset({"X", "x", "×", "✓", "✔", "•", "1"})
# Whose supporters vote on which side: "Mäkisen ehdotusta kannattavat äänestävät EI",
# "de som understöder Holms förslag röstar ja".
_COUNTER_SIDE = re.compile(
    r"\b([A-ZÅÄÖ][\wåäö-]+(?:n|s))\s+(?:vasta)?(?:ehdotusta|förslag)\s+"
    r"(?:kannattavat|röstar)(?:\s+äänestävät)?\s+[”\"']?(JAA|EI|ja|nej)\b",
    re.IGNORECASE,
)


def count(lines: list[PageLine], text: str) -> dict[str, int]:
    """The vote counts of a roll call printed in these lines ({} when there is none)."""
    counts = _table(lines) or _lists(lines)
    if len(counts) < 2:
        return {}
    counter = [
        m
        for m in _COUNTER_SIDE.finditer(text)
        if m.group(1)[:1].isupper() and not ROLE_GENITIVE.search(m.group(1))
    ]
    if counter and counter[0].group(2).lower() in ("jaa", "ja"):
        # The counter-proposal's supporters vote JAA: the base proposal's side is EI.
        counts["votes_for"], counts["votes_against"] = (
            counts.get("votes_against", 0),
            counts.get("votes_for", 0),
        )
    return counts


def _names(text: str) -> list[str] | None:
    """The names of a list line (`Heikki Aho, Marja Berg`), or None when it is not one."""
    parts = [p.strip() for p in re.split(r",|\s+ja\s+|\s+och\s+", text.strip().rstrip(".")) if p]
    if not parts or not all(_NAME.fullmatch(p) for p in parts):
        return None
    return parts


def _lists(lines: list[PageLine]) -> dict[str, int]:
    counts: dict[str, int] = {}
    side: str | None = None
    for pl in lines:
        text = " ".join(pl.text.split())
        head = _HEAD.match(text)
        if head is not None:
            rest = head.group(2)
            names = _names(rest) if rest else []
            if names is not None:
                side = _SIDE_WORDS[head.group(1).lower()]
                counts[side] = counts.get(side, 0) + len(names)
                continue
        names = _names(text) if side else None
        if names is None:
            side = None
            continue
        assert side is not None
        counts[side] += len(names)
    return counts if {"votes_for", "votes_against"} & counts.keys() else {}


def _table(lines: list[PageLine]) -> dict[str, int]:
    """Marks under the side columns of a vote table (`Nimi | JAA | EI | TYHJÄ | POISSA`)."""
    for n, pl in enumerate(lines):
        row = [x for x in lines[n : n + 8] if same_row(x, pl)]
        columns = {
            _SIDE_WORDS[x.text.strip().lower()]: (x.line.x0 + x.line.x1) / 2
            for x in row
            if x.text.strip().lower() in _SIDE_WORDS
        }
        if len(columns) < 2:
            continue
        counts = dict.fromkeys(columns, 0)
        for below in lines[n + len(row) :]:
            text = below.text.strip()
            if text in _MARK:
                centre = (below.line.x0 + below.line.x1) / 2
                side = min(columns, key=lambda s: abs(columns[s] - centre))
                if abs(columns[side] - centre) < 40:
                    counts[side] += 1
            elif len(text) > 40:
                break  # the text after the table
        return counts if sum(counts.values()) else {}
    return {}
