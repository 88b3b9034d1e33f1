"""Theme cues: the words by which a document says "these are our themes".

    teema, painopiste(alue), kärki, kehittämisteema / tema, fokusområde, insatsområde → theme
    mahdollistaja / möjliggörare                                                        → enabler
    tavoite, päämäärä / mål, målsättning                                                → goal

Finnish cues are read from Voikko base forms and compound heads, so inflection and compounds
("digiteemoja", "painopisteiksi", "päämääriin") do not matter; Swedish ones by stem. Also here:
a cue and an ordinal in front of a name ("Teema 1: X", "Fokusområde 2: X", "Mahdollistaja A: X"),
a defining entry ("Name. What it means …", "Name – what it means …") and a list of themes
named inside a sentence ("… teemat ovat A, B, C sekä D.").
"""

from __future__ import annotations

import re

from extractors.lexicon import analyse, baseforms
from schemas.vocab import ThemeKind

_CUE_LEMMAS = {
    "teema": ThemeKind.THEME,
    "painopiste": ThemeKind.THEME,
    "painopistealue": ThemeKind.THEME,
    "kärki": ThemeKind.THEME,
    "mahdollistaja": ThemeKind.ENABLER,
    "tavoite": ThemeKind.GOAL,
    "päämäärä": ThemeKind.GOAL,
}
_CUE_STEMS = (
    ("möjliggör", ThemeKind.ENABLER),
    ("fokusområ", ThemeKind.THEME),
    ("insatsområ", ThemeKind.THEME),
    ("tema", ThemeKind.THEME),
    ("målsättning", ThemeKind.GOAL),
)
# Short Swedish cue words, as whole words and their inflections only ("Målgrupp" is no goal).
_CUE_WORDS = {"mål": ThemeKind.GOAL, "målet": ThemeKind.GOAL, "målen": ThemeKind.GOAL}
_WORD = re.compile(r"[^\W\d_][\w-]*")
CUE_WINDOW = 3
"""How many words at the end of a cue may hold the cue word."""
_LEAD = re.compile(
    r"^(?P<cue>[^\W\d_][\w-]*)\s+(?P<ordinal>\d{1,2}|[A-ZÅÄÖ])\b[.:)]?\s*[:–—-]?\s+(?P<rest>\S.*)$"
)
# "1 Name", "2. Name", "B) Name": a number or a capital letter before a capitalised name.
_BARE_ORDINAL = re.compile(r"^(\d{1,2}|[A-ZÅÄÖ])(?:[.):]\s*|\s+)(?=[A-ZÅÄÖ][\w-]*[a-zåäö])")
_LEAD_NO_ORDINAL = re.compile(r"^(?P<cue>[^\W\d_][\w-]*)\s*:\s+(?P<rest>\S.*)$")
_SENTENCE_END = re.compile(r"\.\s+(?=[A-ZÅÄÖ])|\.$")
_COUNTS = {"kaksi": 2, "kolme": 3, "neljä": 4, "viisi": 5, "kuusi": 6, "seitsemän": 7}
_RELATIVE = re.compile(r",\s+(?:jossa|jonka|joka|jolla|jotta|där|som)\b")


def _word_kind(word: str) -> ThemeKind | None:
    _, parts = analyse(word)
    found = next((_CUE_LEMMAS[b] for b in baseforms(word) if b in _CUE_LEMMAS), None)
    if found is None and parts:
        found = _CUE_LEMMAS.get(parts[-1])
    if found is None and not parts:
        lowered = word.lower()
        found = _CUE_WORDS.get(lowered) or next(
            (kind for stem, kind in _CUE_STEMS if lowered.startswith(stem)), None
        )
    return found


def cue_kind(text: str) -> ThemeKind | None:
    """The kind of theme a cue names among its last words (or its first, in a heading)."""
    words = _WORD.findall(text)
    kind = None
    for word in words[-CUE_WINDOW:]:
        kind = _word_kind(word) or kind
    if kind is None and words:
        kind = _word_kind(words[0])
    return kind


def strip_cue(text: str, ordinal: str | None) -> tuple[str | None, str]:
    """(ordinal, name) of "Teema 1: X", "Fokusområde 2: X", "Mahdollistaja A: X"; else as given."""
    text = " ".join(text.split()).strip()
    lead = _LEAD.match(text)
    if lead and _word_kind(lead.group("cue")) is not None:
        return lead.group("ordinal"), lead.group("rest").strip(" .:")
    plain = _LEAD_NO_ORDINAL.match(text)
    if plain and _word_kind(plain.group("cue")) is not None:
        return ordinal, plain.group("rest").strip(" .:")
    bare = _BARE_ORDINAL.match(text)
    if bare and ordinal is None:
        return bare.group(1), text[bare.end() :].strip(" .:")
    return ordinal, text.strip(" .:")


def definition(text: str) -> tuple[str, str | None] | None:
    """(name, description) of a defining entry: "Name. What …", "Name – what …", "Name: what …".

    The name is short (at most ten words) and the description runs on after it; an entry
    without a description is its name alone.
    """
    text = " ".join(text.split())
    _, text = strip_cue(text, None)
    for pattern in (r"^(.{3,90}?)\.\s+(?=[A-ZÅÄÖ])", r"^(.{3,90}?)\s+[–—]\s+", r"^(.{3,90}?):\s+"):
        found = re.match(pattern, text)
        rest = text[found.end() :] if found else ""
        # After a dash or a colon a short phrase is part of the name ("MITÄ – Arkkitehtuuri");
        # a sentence is what the name means.
        explained = pattern.startswith(r"^(.{3,90}?)\.") or len(rest.split()) >= 6
        if found and len(found.group(1).split()) <= 10 and explained:
            return found.group(1).strip(), text
    head = _RELATIVE.split(text, maxsplit=1)
    if len(head) > 1 and len(head[0].split()) <= 10:
        return head[0].rstrip(" ."), text  # "tilannekuvan luominen, jossa …"
    if len(text.split()) <= 12:
        return text.rstrip(" ."), None
    return None


def prose_themes(text: str) -> list[tuple[str, ThemeKind, str]]:
    """Themes named inside a sentence: (name, kind, sentence) for "… teemat ovat A, B ja C."."""
    out: list[tuple[str, ThemeKind, str]] = []
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", text):
        found = re.search(r"(?::\s+|\b(?:ovat|on valittu|är|valittiin)\s+)(?=\S)", sentence)
        if not found:
            continue
        before = sentence[: found.start()]
        kind = _cue_in(before)
        if kind is None:
            continue
        rest = sentence[found.end() :].rstrip(". ")
        names = _split_enumeration(rest, _count(before))
        if len(names) < 2:
            continue
        out.extend((name[:1].upper() + name[1:], kind, sentence) for name in names)
    return out


def _cue_in(text: str) -> ThemeKind | None:
    for word in reversed(_WORD.findall(text)):
        found = _word_kind(word)
        if found is not None:
            return found
    return None


def _split_enumeration(text: str, count: int | None) -> list[str]:
    parts = [p.strip() for p in text.split(", ") if p.strip()]
    if not parts:
        return []
    last = parts.pop()
    for joiner in (" sekä ", " samt ", " och ", " ja "):
        if joiner in last and (joiner.strip() not in ("ja", "och") or _wants_more(count, parts)):
            parts.extend(last.split(joiner, 1))
            break
    else:
        parts.append(last)
    if count is not None and len(parts) != count:
        return []
    if any(len(p.split()) > 8 for p in parts):
        return []
    return [p.rstrip(" .") for p in parts]


def _wants_more(count: int | None, parts: list[str]) -> bool:
    return count is None or count > len(parts) + 1


def _count(text: str) -> int | None:
    for word in _WORD.findall(text.lower()):
        for stem, n in _COUNTS.items():
            if word.startswith(stem[:-1]) and len(word) <= len(stem) + 3:
                return n
    found = re.search(r"\b([2-9])\s+\w+$", text.strip())
    return int(found.group(1)) if found else None


def name_like(text: str) -> bool:
    """A short name, not a sentence: at most six words, no verb "to be", no cue word."""
    words = text.split()
    verbs = {"on", "ovat", "oli", "olivat", "är", "var", "har", "ei", "eivät"}
    return (
        len(words) <= 6
        and not verbs.intersection(w.lower() for w in words)
        and (cue_kind(text) is None)
    )
