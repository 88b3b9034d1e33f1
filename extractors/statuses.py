"""Status phrases of roadmaps (MENEILLÄÄN, VALMIS, SIIRTYY V. 2025, PÅGÅR …) → the `status` enum.

A printed status is often composite ("KÄYTÖSSÄ, JATKO MIETINNÄSSÄ", "MENEILLÄÄN - DIGITURVALLA
TULEVAAN PÄÄTTYNYT"): its first clause is the main status and decides; the rest is a remark
kept in `status_text`. Within a clause the first matching rule below wins, so negations
("EI ALOITETTU") come before the words they negate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schemas.vocab import Status

# (pattern on the upper-cased clause, status). Stems, so inflections and Swedish forms match.
_RULES: tuple[tuple[str, Status], ...] = (
    # not started / cancelled: negations first
    (r"\bEI (?:OLE )?ALOIT|\bEI KÄYNNISTY|\bINTE PÅBÖRJA|\bEJ PÅBÖRJA", Status.NOT_STARTED),
    (
        r"\bEI TARVET|\bEI TOTEUTETA|\bPERUT|\bPERUU|\bLOPETET|\bKESKEYTET|\bHYLÄT"
        r"|\bINSTÄLL|\bAVBRUT|\bBEHÖVS INTE|\bSTRUKEN",
        Status.CANCELLED,
    ),
    # postponed: moved to a later year, or waiting for something else
    (
        r"\bSIIRTY|\bSIIRRET|\bLYKÄT|\bLYKKÄÄNTY|\bODOTTAA|\bFLYTTAS|\bSKJUTS|\bUPPSKJUT",
        Status.POSTPONED,
    ),
    # undecided: under consideration, or whether it is worth doing at all is being studied
    (r"\bSELVITETÄÄN (?:TARKOITUKSENMUKAISUU|TARVET|KANNATTAVUU)", Status.UNKNOWN),
    (r"^(?:JATKO )?(?:MIETINNÄSSÄ|POHDINNASSA|HARKINNASSA)|\bUNDER ÖVERVÄGANDE", Status.UNKNOWN),
    # ongoing
    (
        r"\bMENEILL|\bKÄYNNISS|\bTOTEUTUKSESSA|\bTYÖN ALLA|\bKESKENERÄI|\bSELVITETÄÄN"
        r"|\bPILOTOINNISSA|\bPILOTISSA|\bPÅGÅ|\bUNDER ARBETE|\bINLEDD",
        Status.ONGOING,
    ),
    # done
    (
        r"\bVALMI|\bTOTEUTETTU|\bTOTEUTUNUT|\bKÄYTÖSSÄ|\bOTETTU KÄYTTÖÖN|\bPÄÄTTYNYT"
        r"|\bKLAR|\bFÄRDIG|\bGENOMFÖRD|\bI BRUK|\bAVSLUTAD",
        Status.DONE,
    ),
    # planned: coming, scheduled, being planned
    (
        r"\bTULOSSA|\bSUUNNITELTU|\bSUUNNITTEILLA|\bSUUNNITTELUSSA|\bTOTEUTUS Q\d|\bHANKINTA"
        r"|\bTEHDÄÄN|\bALOITETAAN|\bKÄYNNISTETÄÄN|\bPLANERA|\bKOMMANDE|\bPÅBÖRJAS",
        Status.PLANNED,
    ),
)
_COMPILED = tuple((re.compile(pattern), status) for pattern, status in _RULES)
_CLAUSE_END = re.compile(r",|\s[-–—]\s|;")
_YEAR = re.compile(r"\b(?:V\.|VUO(?:TEEN|DELLE|NNA)|ÅR|TILL)?\s*((?:19|20)\d\d)\b")
# A status line is printed in capitals; this is how a roadmap tells it from a project text.
_CAPITALS = re.compile(r"^[^a-zåäö]*[A-ZÅÄÖ]{3}[^a-zåäö]*$")


@dataclass(frozen=True, slots=True)
class StatusReading:
    """What a printed status says: the enum value and, when postponed, to which year."""

    status: Status
    postponed_to: int | None = None


def read_status(text: str) -> StatusReading:
    """The status of a printed phrase; a phrase no rule knows is `unknown`."""
    upper = " ".join(text.upper().split())
    main = _CLAUSE_END.split(upper, maxsplit=1)[0].strip()
    for pattern, status in _COMPILED:
        if pattern.search(main):
            year = None
            if status is Status.POSTPONED:
                found = _YEAR.search(main)
                year = int(found.group(1)) if found else None
            return StatusReading(status, year)
    return StatusReading(Status.UNKNOWN)


def looks_like_status(text: str) -> bool:
    """True for a short line in capitals (how roadmaps print statuses), with letters in it."""
    stripped = text.strip()
    # "(tot. 70 %)" after the capitals is a remark of the status, so lower case there is allowed.
    head = stripped.split("(", 1)[0]
    return bool(head) and len(stripped) <= 80 and bool(_CAPITALS.match(head))
