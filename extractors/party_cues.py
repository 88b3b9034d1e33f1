"""Who an amount is about: the project or programme it is for and the organisation it goes to.

Stem and capitalisation rules on plain strings (no NLP model; base forms of inflected names
from Voikko through `extractors.lexicon`); `extractors/funding.py` decides which text to give.
"""

from __future__ import annotations

import re

from extractors.funding_cues import LOAN
from extractors.lexicon import baseforms
from schemas.vocab import FundingRole

_I = re.IGNORECASE
_PROJECT = re.compile(
    r"(?:\s[-–]\s?|\s?–\s?)(hanke(?![a-zåäö])|hankkee\w*|projekti\w*|ohjelma\w*)", _I
)
# A funding scheme with its genitive modifiers: "kuntien digitalisaation kannustinjärjestelmä".
_SCHEME_WORD = r"(?:kannustin|avustus|rahoitus|tuki)(?:järjestelmä|ohjelma|rahasto)"
_SCHEME = re.compile(rf"((?:[a-zåäö]{{4,}}n\s+){{0,3}})([a-zåäö]*{_SCHEME_WORD})[a-zåäö]*", _I)
# Looked for first: the scheme pattern tries its modifiers at every word, ten times as slow.
_HAS_SCHEME = re.compile(_SCHEME_WORD, _I)
_STOP = frozenset(
    {"ja", "sekä", "on", "ovat", "oli", "olivat", "että", "kun", "jonka", "joka", "niin", "och"}
)
_HEADS = (
    r"kaupun|kunn|kunta|korkeakoulu|yliopisto|kuntayhtymä|hyvinvointialue|yhdisty|säätiö"
    r"|seurakun|liito|keskukse|oppilaito|yhtiö|opisto"
)
_ORG_WORD = rf"(?:[A-ZÅÄÖ][\w-]*|[\w-]*(?:{_HEADS})[\w-]*)"
_ORG = rf"(?:{_ORG_WORD}\s+){{0,3}}(?:{_ORG_WORD}|Oyj?|ry|rf|Ab)"
# An organisation in the genitive that owns the amount: "Esimerkkilän kaupungin (päätoteuttajan)
# hankekokonaisuus", "Esimerkkilän kaupungin osalta"; or in the allative when money goes to it.
_OWNER = re.compile(
    rf"({_ORG}(?::n|n))\s+(?:\([^)]*\)\s+)?(?=osalta|osuu|[\w-]*kokonaisuu|omarahoitu|omavastuu"
    r"|rahoitusosuu|kuntaosuu|omaosuu)"
)
_TO = re.compile(rf"({_ORG}(?::lle|lle))(?![\wåäö])")
_HAS = re.compile(rf"({_ORG}(?::ll[aä]|ll[aä]))\s+on\b")
# An organisation that applies for or needs the money: "Invest Lapua Oy tarvitsee …".
_APPLICANT = re.compile(
    rf"({_ORG})\s+(?=hakee|tarvitsee|anoo|anoi|on hakenut|ansöker|söker|anhåller)"
)
# Bodies of the organisation itself receive proposals, not money.
BODY = re.compile(
    r"valtuusto|hallitu|lautakun|jaosto|johtaja|toimikun|styrelse|fullmäktige|nämnd", _I
)
_MUNICIPAL = re.compile(r"kaupun|\bkunta|\bkunnan|\bstad|\bkommun", _I)


def projects_in(sentence: str) -> list[tuple[int, str]]:
    """Project and programme names: `X -hanke` → X, `X -ohjelma` → `X -ohjelma`, schemes."""
    found: list[tuple[int, str]] = []
    for hit in _PROJECT.finditer(sentence):
        name = _name_before(sentence[: hit.start()])
        if name:
            programme = hit.group(1).lower().startswith("ohjelm")
            found.append((hit.start(), f"{name} -ohjelma" if programme else name))
    for hit in _SCHEME.finditer(sentence) if _HAS_SCHEME.search(sentence) else ():
        modifiers = [w for w in hit.group(1).split() if w.lower() not in _STOP]
        found.append((hit.start(), " ".join([*modifiers, hit.group(2).lower()])))
    return sorted(found)


def _name_before(before: str) -> str | None:
    """The name ending at a `-hanke` dash: lower-case words back to a capital, then capitals."""
    taken: list[str] = []
    capital = False
    for raw in reversed(before.split()[-8:]):
        word = raw.strip("\"”“'’«»(),;:")
        if not word or (not capital and len(taken) >= 5):
            return None
        if word[0].isupper():
            capital = True
        elif capital or word.lower() in _STOP:
            break
        taken.append(word)
    return " ".join(reversed(taken)) if capital else None


def recipient_in(left: str, right: str, role: FundingRole) -> str | None:
    """The organisation an amount belongs or goes to, in its base form (`Esimerkkilän kaupunki`)."""
    found = [(hit.group(1), True) for hit in _OWNER.finditer(left)][-1:]
    # Money granted or lent to someone: "yhdistykselle myönnetään", "ry:lle … antolainan".
    lending = bool(LOAN.search(f"{left} {right}"))
    if role is FundingRole.GRANT or lending:
        found += [(hit.group(1), True) for text in (left, right) for hit in _TO.finditer(text)]
    if lending:  # "Invest Lapua Oy:llä on lainoja …": the borrower
        found += [(hit.group(1), True) for hit in _HAS.finditer(left)]
    found += [(hit.group(1), False) for hit in _APPLICANT.finditer(left)]
    for phrase, inflected in found:
        name = _base_name(phrase) if inflected else _proper_part(phrase)
        # A lone common noun (Hankkeelle, Avustusten) or a body of the city is no recipient.
        if not BODY.search(name) and not (" " not in name and _common_word(phrase)):
            return name
    return None


def _proper_part(phrase: str) -> str:
    """The name without the common words a sentence may start with: "Lisäksi Esimerkkilän …"."""
    words = phrase.split()
    while len(words) > 1 and _common_word(words[0]):
        words = words[1:]
    return " ".join(words)


def _base_name(phrase: str) -> str:
    """Base form of an inflected name: only its last word inflects (`Esimerkkilän kaupungin`)."""
    words = _proper_part(phrase).split()
    last = re.sub(r":(?:n|lle|ll[aä])$", "", words[-1])
    if last == words[-1]:
        forms = baseforms(last)
        if forms:
            base = forms[0]
            last = base[0].upper() + base[1:] if last[0].isupper() else base
        else:
            last = re.sub(r"(?:lle|ll[aä]|n)$", "", last)
    return " ".join([*words[:-1], last])


def _common_word(word: str) -> bool:
    forms = baseforms(word)
    return bool(forms) and all(f[:1].islower() for f in forms)


def is_municipal(name: str | None, municipalities: frozenset[str]) -> bool:
    """Whether a recipient is a municipality (or none is named: the document's own)."""
    if not name:
        return True
    return bool(_MUNICIPAL.search(name)) or name.lower() in municipalities
