"""The Finnish lexicon (Voikko): base forms and compound parts, loaded once per process."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)
INSTALL_HINT = "apt-get install libvoikko1 voikko-fi"


@lru_cache(maxsize=1)
def _voikko() -> Any | None:
    try:
        import libvoikko

        return libvoikko.Voikko("fi")
    except Exception as exc:  # the Python binding exists but the C library or dictionary is missing
        log.warning("Voikko is not available (%s): %s", exc, INSTALL_HINT)
        return None


def available() -> bool:
    """True when Voikko and its Finnish dictionary are installed."""
    return _voikko() is not None


@lru_cache(maxsize=200_000)
def is_word(word: str) -> bool:
    """True when Voikko accepts the word as correctly spelled Finnish."""
    voikko = _voikko()
    return bool(voikko and word and voikko.spell(word))


@lru_cache(maxsize=200_000)
def baseforms(word: str) -> tuple[str, ...]:
    """Voikko's base forms (lemmas) of a word, most likely first; empty when unknown."""
    voikko = _voikko()
    if not voikko or not word:
        return ()
    seen: list[str] = []
    for analysis in voikko.analyze(word):
        base = analysis.get("BASEFORM")
        if base and base not in seen:
            seen.append(base)
    return tuple(seen)


_NAME_CLASSES = frozenset({"etunimi", "sukunimi", "paikannimi"})


@lru_cache(maxsize=50_000)
def name_base(word: str) -> str:
    """A Finnish personal name in its base form: `Kallioniemeä` → `Kallioniemi`, `Mikko` as is.

    Only a reading as a name counts; an unknown word (a Swedish name) is returned unchanged.
    """
    voikko = _voikko()
    if not voikko or not word[:1].isupper():
        return word
    analyses = voikko.analyze(word)
    if any(a.get("SIJAMUOTO") == "nimento" for a in analyses):
        return word  # "Hanna-Maria" is also a partitive of Hanna-Mari: the written form wins
    for analysis in analyses:
        base = str(analysis.get("BASEFORM") or "")
        if analysis.get("CLASS") in _NAME_CLASSES and base[:1].isupper():
            return base
    # A surname the dictionary lacks but made of words it knows (Kallio|niemeä): the
    # compound's base form, when the word is inflected.
    lowered = voikko.analyze(word.lower())
    if analyses or any(a.get("SIJAMUOTO") == "nimento" for a in lowered):
        return word
    for analysis in lowered:
        base = str(analysis.get("BASEFORM") or "")
        if analysis.get("CLASS") == "nimisana" and base:
            return base[:1].upper() + base[1:]
    return word


@lru_cache(maxsize=200_000)
def analyse(word: str) -> tuple[str, tuple[str, ...]]:
    """A word's most likely base form and the base forms of its compound parts, in order.

    `tiedonhallinnan` → ("tiedonhallinta", ("tieto", "hallita")); derivational suffixes are
    dropped, and parts of every reading of the base form are kept (`tietoturva` is read both as
    turva and turpa). An unknown word is its own lower-cased base form with no parts.
    """
    voikko = _voikko()
    lowered = word.lower()
    analyses = voikko.analyze(word) if voikko and word else []
    if not analyses:
        return lowered, ()
    base = str(analyses[0].get("BASEFORM") or lowered).lower()
    parts: list[str] = []
    for analysis in analyses:
        if str(analysis.get("BASEFORM") or "").lower() != base:
            continue
        for part in _parts(str(analysis.get("WORDBASES") or "")):
            if part not in parts:
                parts.append(part)
    return base, tuple(parts)


# WORDBASES looks like "+tiedon(tieto)+halli(hallita)+n+ta(+ta)": a part's base form is in
# parentheses, "(+ta)" marks a derivational suffix, and a bare part such as "+digi" stands as is.
_WORDBASE = re.compile(r"\+([^+(]+)(?:\((\+?)([^)]*)\))?")


def _parts(wordbases: str) -> list[str]:
    parts = []
    for match in _WORDBASE.finditer(wordbases):
        text, suffix, base = match.groups()
        if suffix:
            continue
        part = (base if base is not None else text).lower().replace("=", "")
        if base is not None or len(part) > 1:
            parts.append(part)
    return parts
