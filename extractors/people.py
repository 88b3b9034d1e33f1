"""The people of a § item: who proposes (a role, in its base form) and who prepared it."""

from __future__ import annotations

import re

from extractors.minutes import RULE, Block, PageLine

_CONTACT = re.compile(
    r"\S+(?:@|\s?[(\[]at[)\]]\s?)\S+|\b(?:puh\.?|p\.|tel\.?|gsm)\s*[\d +()-]{6,}|\+?\d[\d ]{7,}\d",
    re.IGNORECASE,
)


def proposer_of(
    proposals: list[Block], presenters: list[Block]
) -> tuple[str | None, list[PageLine]]:
    """Who proposes, and the proposal's own lines (without a proposer line under the label)."""
    lines = [pl for b in proposals for pl in b.lines if not RULE.match(pl.text)]
    proposer: str | None = None
    for block in proposals:
        # "Kaupunginjohtajan päätösehdotus" → Kaupunginjohtaja (a genitive names the proposer).
        who = block.caption.rsplit(" ", 1)[0] if " " in block.caption else ""
        if who.endswith(("n", "s")):
            head, _, last = who.rpartition(" ")
            proposer = f"{head} {nominative(last)}".strip()
        if block.who:
            proposer = block.who  # "Beslutsförslag Stadsdirektör Henrik Ståhlberg"
    if lines and _looks_like_role(lines[0].text):
        proposer = proposer or lines[0].text
        lines = lines[1:]
    if proposer is None and presenters and presenters[0].who:
        proposer = presenters[0].who
    if proposer is None and presenters and presenters[0].lines:
        who = presenters[0].lines[0].text
        proposer = who.split(",")[-1].strip() if "," in who else who
    return _role_only(proposer), lines


def nominative(word: str) -> str:
    """The base form of a genitive naming who proposes.

    Finnish `Kaupunginjohtajan` → `Kaupunginjohtaja`, `Kunnanhallituksen` → `Kunnanhallitus`,
    `Lautakunnan` → `Lautakunta`, `Päällikön` → `Päällikkö`; Swedish `Bildningsdirektörens` →
    `Bildningsdirektör`, `Stadsstyrelsens` → `Stadsstyrelsen` (a body's definite form).
    """
    if word.endswith("s") and len(word) > 4:
        base = word[:-1]  # Swedish genitive, usually of the definite form
        if re.search(r"styrelse|nämnd|fullmäktige|sektion", base, re.I):
            return base  # a body keeps its printed definite form (Stadsstyrelsen), as `body` does
        if base.endswith("en"):
            weak = base[:-1].endswith(("else", "ande", "ende", "are"))
            return base[:-1] if weak else base[:-2]
        return base
    for ending, base in (("ksen", "s"), ("nnan", "nta"), ("nnän", "ntä"), ("kön", "kkö")):
        if word.endswith(ending):
            return word[: -len(ending)] + base
    return word[:-1] if word.endswith("n") else word


_TRAILING_NAME = re.compile(
    r"\s+[A-ZÅÄÖ][\wåäöé]+(?:-[\wåäöé]+)?\s+[A-ZÅÄÖ][\wåäöé]+(?:-[\wåäöé]+)?$"
)


def _role_only(proposer: str | None) -> str | None:
    """The role of a proposer line: `Vs. kaupunginjohtaja Päivi Laajala` → `Vs. kaupunginjohtaja`.

    The role is what is comparable across meetings and cities; the person holding it is named
    in the minutes' attendance list.
    """
    if proposer is None:
        return None
    role = _TRAILING_NAME.sub("", proposer) or proposer
    return role[:1].upper() + role[1:]  # "esittelijä kaupunginjohtaja N.N." → Kaupunginjohtaja


def _looks_like_role(text: str) -> bool:
    """A short line such as `vt. Kaupunginjohtaja` under a proposal label (no sentence)."""
    words = text.split()
    return (
        0 < len(words) <= 3
        and not text.endswith((".", ":"))
        and bool(re.search(r"johtaja|päällikkö|sihteeri|direktör|chef|ordförande", text, re.I))
    )


def preparers_of(blocks: list[Block]) -> list[str]:
    """People under Valmistelija/Valmistelijat/Beredning, contact details dropped.

    Printed either on one line (`talousjohtaja Jukka Weisell, talouspäällikkö Armi Tauriainen`)
    or a person per few lines (`Satu Kankare` / e-mail / `Kaupunginjohtaja`), which becomes
    `Satu Kankare, Kaupunginjohtaja`.
    """
    people: list[str] = []
    for block in blocks:
        kept: list[str] = []
        for n, pl in enumerate(block.lines[:10]):
            text = pl.text.strip()
            # Past the first line, only short lines or contact lines still list people; a
            # longer line is the presentation text that follows without a label of its own.
            contact = bool(_CONTACT.search(text))
            if n > 0 and (text.endswith((".", ":")) or (len(text.split()) > 5 and not contact)):
                break
            kept.append(text)
        lines = [s for s in (" ".join(_CONTACT.sub(" ", k).split()) for k in kept) if s]
        if len(lines) > 1 and not any("," in s for s in lines) and _PERSON.fullmatch(lines[0]):
            people += _paired(lines)
            continue
        for part in re.split(r",\s*|(?<!-)\s+ja\s+|\s+och\s+", " ".join(lines)):
            part = part.strip(" ,;")
            if part and not part.isdigit() and part not in people:
                people.append(part)
    return people


_PERSON = re.compile(r"[A-ZÅÄÖ][\wåäöé-]+(?: [A-ZÅÄÖ][\wåäöé-]+){1,2}")


def _paired(lines: list[str]) -> list[str]:
    """`Name` followed by `Title` lines → `Name, Title`; stops at the first line that is neither."""
    people: list[str] = []
    i = 0
    while i < len(lines) and _PERSON.fullmatch(lines[i]):
        name = lines[i]
        title = lines[i + 1] if i + 1 < len(lines) and not _PERSON.fullmatch(lines[i + 1]) else ""
        if title and len(title.split()) <= 4:
            people.append(f"{name}, {title}")
            i += 2
        else:
            people.append(name)
            i += 1
    return people
