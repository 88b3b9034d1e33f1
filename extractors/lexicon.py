"""The Finnish lexicon (Voikko): spelling and base forms, loaded once per process."""

from __future__ import annotations

import logging
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
