"""Undo line-end hyphenation: `kau-␤pungin` → `kaupungin`; `ELY-␤keskukseen` keeps its hyphen."""

from __future__ import annotations

import re

from pipeline.analysis import lexicon

_EDGE_PUNCT = "\"'”“’(),.;:!?»«[]"
_DASHES = "-\u2010\u2011"  # hyphen, Unicode hyphen, non-breaking hyphen
# `sosiaali- ja terveyspalvelut`: a hyphen before a conjunction stands for a shared word part.
_CONJUNCTIONS = frozenset({"ja", "tai", "sekä", "eli", "och", "eller", "samt"})


def ends_with_hyphen(text: str) -> bool:
    """True when a line ends with a hyphen glued to a word (not a free-standing dash)."""
    return len(text) >= 2 and text[-1] in _DASHES and text[-2].isalpha()


def join_parts(left: str, right: str) -> str:
    """Join a word broken at a line end, keeping the hyphen only where it belongs to the word.

    `left` is the fragment before the line break *with* its trailing hyphen, `right` the first
    word of the next line. Voikko decides: the joined form wins when it is a word and the
    hyphenated one is not, and vice versa; acronyms, numbers and capitalised continuations
    always keep their hyphen (`ELY-keskus`, `2020-2022`, `Etelä-Savo`).
    """
    stem = left[:-1]
    head = stem.lstrip(_EDGE_PUNCT)
    tail = right.rstrip(_EDGE_PUNCT)
    if tail.lower() in _CONJUNCTIONS:
        return f"{left} {right}"
    if not head or not tail:
        return stem + "-" + right
    if tail[0].isupper() and not tail.isupper():
        return stem + "-" + right
    if head[-1].isdigit() or tail[0].isdigit():
        return stem + "-" + right
    last_word = re.split(r"[-/]", head)[-1]
    if len(last_word) >= 2 and last_word.isupper() and not tail.isupper():
        return stem + "-" + right
    joined, hyphened = head + tail, head + "-" + tail
    if head.isupper() and tail.isupper():
        joined, hyphened = joined.lower(), hyphened.lower()
    joined_ok, hyphened_ok = lexicon.is_word(joined), lexicon.is_word(hyphened)
    if joined_ok and not hyphened_ok:
        return stem + right
    if hyphened_ok and not joined_ok:
        return stem + "-" + right
    if joined_ok and hyphened_ok:
        return stem + right
    # Neither form is in the lexicon (a name, a Swedish word, a rare compound): two whole words
    # on either side mean a real compound hyphen; a syllable fragment means a soft break.
    if head[0].isupper() and not lexicon.is_word(last_word.lower()) and len(last_word) > 3:
        return stem + "-" + right
    if lexicon.is_word(last_word) and lexicon.is_word(tail):
        return stem + "-" + right
    return stem + right
