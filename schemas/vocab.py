"""Controlled vocabularies of the shared schema (enums) and the label vocabulary of minutes."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache


class SourceFormat(StrEnum):
    """File format a document was read from."""

    PDF = "pdf"
    HTML = "html"
    TXT = "txt"


class Language(StrEnum):
    """Document language."""

    FI = "fi"
    SV = "sv"


class DocType(StrEnum):
    """Kind of document."""

    PROGRAMME = "programme"
    MINUTES = "minutes"
    OTHER = "other"


class ThemeKind(StrEnum):
    """What a theme record is: a theme, an enabler (mahdollistaja) or a goal."""

    THEME = "theme"
    ENABLER = "enabler"
    GOAL = "goal"


class Audience(StrEnum):
    """Primary users of an action."""

    RESIDENTS = "residents"
    STAFF = "staff"
    BUSINESSES = "businesses"


class Status(StrEnum):
    """Implementation status of an action."""

    PLANNED = "planned"
    ONGOING = "ongoing"
    DONE = "done"
    POSTPONED = "postponed"
    NOT_STARTED = "not_started"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"


class Category(StrEnum):
    """Shared cross-city category of a theme or action (rules: extractors/categories.toml)."""

    E_SERVICES = "e_services"
    DATA = "data"
    AUTOMATION = "automation"
    SKILLS = "skills"
    INFRASTRUCTURE = "infrastructure"
    ARCHITECTURE = "architecture"
    PARTICIPATION = "participation"
    CLIMATE = "climate"
    INNOVATION = "innovation"
    LEADERSHIP = "leadership"


class FundingRole(StrEnum):
    """What an amount of money is, in its budget breakdown."""

    TOTAL_COST = "total_cost"
    GRANT = "grant"
    SELF_FINANCING = "self_financing"
    BUDGET = "budget"
    ANNUAL = "annual"
    OTHER = "other"


class FundingSource(StrEnum):
    """Where money comes from."""

    ESR = "ESR"
    EAKR = "EAKR"
    STATE = "state"
    EU_OTHER = "eu_other"
    MUNICIPALITY = "municipality"
    OTHER = "other"


class Outcome(StrEnum):
    """Resolution type of a decision (after Helsinki OpenAhjo)."""

    APPROVED = "approved"
    AMENDED = "amended"
    REJECTED = "rejected"
    TABLED = "tabled"
    RETURNED = "returned"
    NOTED = "noted"
    REMOVED = "removed"
    OTHER = "other"


class SectionLabel(StrEnum):
    """Canonical role of a section label in minutes (margin caption or heading line)."""

    CASE_NUMBER = "case_number"
    HISTORY = "history"
    SUMMARY = "summary"
    BACKGROUND = "background"
    PREPARERS = "preparers"
    PRESENTER = "presenter"
    PROPOSAL = "proposal"
    DISCUSSION = "discussion"
    DECISION = "decision"
    VOTES = "votes"
    RECUSALS = "recusals"
    ATTACHMENTS = "attachments"
    MATERIAL = "material"
    IMPACT = "impact"
    EXECUTION = "execution"
    APPEAL = "appeal"
    INFORMATION = "information"


# Label phrases as they are printed (lower-case, one space between words), Finnish and Swedish.
# A label may be printed with a trailing colon, in upper case, or wrapped over two margin lines;
# the reader normalises all of that before looking a phrase up here.
LABELS: dict[str, SectionLabel] = {
    "dno": SectionLabel.CASE_NUMBER,
    "dnro": SectionLabel.CASE_NUMBER,
    "asianro": SectionLabel.CASE_NUMBER,
    "asianumero": SectionLabel.CASE_NUMBER,
    "diarienummer": SectionLabel.CASE_NUMBER,
    "päätöshistoria": SectionLabel.HISTORY,
    "tiivistelmä": SectionLabel.SUMMARY,
    "sammandrag": SectionLabel.SUMMARY,
    "esittelyteksti": SectionLabel.BACKGROUND,
    "perustelut": SectionLabel.BACKGROUND,
    "selostus": SectionLabel.BACKGROUND,
    "asian tausta": SectionLabel.BACKGROUND,
    "beredning": SectionLabel.PREPARERS,  # "Beredning: <who prepared it>"
    "motivering": SectionLabel.BACKGROUND,
    "valmistelija": SectionLabel.PREPARERS,
    "valmistelijat": SectionLabel.PREPARERS,
    "valmistelu": SectionLabel.PREPARERS,
    "valmistelu- ja lisätiedot": SectionLabel.PREPARERS,
    "valmistelijat/ lisätietojen antaja": SectionLabel.PREPARERS,
    "valmistelijat/lisätietojen antaja": SectionLabel.PREPARERS,
    "lisätiedot": SectionLabel.PREPARERS,
    "lisätietoja": SectionLabel.PREPARERS,
    "beredare": SectionLabel.PREPARERS,
    "tilläggsuppgifter": SectionLabel.PREPARERS,
    "esittelijä": SectionLabel.PRESENTER,
    "föredragande": SectionLabel.PRESENTER,
    "päätösehdotus": SectionLabel.PROPOSAL,
    "kaupunginjohtajan päätösehdotus": SectionLabel.PROPOSAL,
    "kunnanjohtajan päätösehdotus": SectionLabel.PROPOSAL,
    "päätösesitys": SectionLabel.PROPOSAL,
    "ehdotus": SectionLabel.PROPOSAL,
    "esitys": SectionLabel.PROPOSAL,
    "kaupunginjohtajan ehdotus": SectionLabel.PROPOSAL,
    "kaupunginjohtajan esitys": SectionLabel.PROPOSAL,
    "beslutsförslag": SectionLabel.PROPOSAL,
    "förslag": SectionLabel.PROPOSAL,
    "kokouskäsittely": SectionLabel.DISCUSSION,
    "käsittely": SectionLabel.DISCUSSION,
    "behandling": SectionLabel.DISCUSSION,
    "päätös": SectionLabel.DECISION,
    "beslut": SectionLabel.DECISION,
    "äänestystulokset": SectionLabel.VOTES,
    "äänestys": SectionLabel.VOTES,
    "omröstning": SectionLabel.VOTES,
    "esteellisyys": SectionLabel.RECUSALS,
    "esteellisyydet": SectionLabel.RECUSALS,
    "jääviys": SectionLabel.RECUSALS,
    "jäv": SectionLabel.RECUSALS,
    "liitteet": SectionLabel.ATTACHMENTS,
    "liite": SectionLabel.ATTACHMENTS,
    "bilagor": SectionLabel.ATTACHMENTS,
    "bilaga": SectionLabel.ATTACHMENTS,
    "oheismateriaali": SectionLabel.MATERIAL,
    "vaikutusten arviointi": SectionLabel.IMPACT,
    "täytäntöönpano": SectionLabel.EXECUTION,
    "täytäntöönpanotiedot": SectionLabel.EXECUTION,
    "täytäntöönpano- tiedot": SectionLabel.EXECUTION,
    "tiedoksi": SectionLabel.EXECUTION,
    "delges": SectionLabel.EXECUTION,
    "verkställighet": SectionLabel.EXECUTION,
    "muutoksenhaku": SectionLabel.APPEAL,
    "muutoksenhakukielto": SectionLabel.APPEAL,
    "muutoksenhakuohjeet": SectionLabel.APPEAL,
    "oikaisuvaatimusohje": SectionLabel.APPEAL,
    "valitusosoitus": SectionLabel.APPEAL,
    "besvärsanvisning": SectionLabel.APPEAL,
    "anvisning för rättelseyrkande": SectionLabel.APPEAL,
    "muutoksenhakuohje": SectionLabel.APPEAL,
    "sovelletut oikeusohjeet": SectionLabel.INFORMATION,
}


@lru_cache(maxsize=8192)  # asked of every line, most of them twice
def lookup_label(text: str) -> SectionLabel | None:
    """Return the canonical role of a printed label, or None when the text is not a label."""
    key = " ".join(text.replace("\u00ad", "").strip().rstrip(":").split()).lower()
    if key in LABELS:
        return LABELS[key]
    # Combined captions: "Valmistelija / lisätiedot", "Valmistelijat/ Lisätietojen antaja".
    parts = [p.strip() for p in key.split("/") if p.strip()]
    if len(parts) > 1 and parts[0] in LABELS:
        return LABELS[parts[0]]
    # A genitive before the label names who speaks: "Välfärdsnämndens beslut",
    # "Sivistysjohtajan päätösehdotus", "Kunnanjohtajan esitys".
    # A caption ending in a colon may name the person: "Bildningsdirektör N.N.s förslag:".
    head, _, last = key.rpartition(" ")
    most = 6 if text.strip().endswith(":") else 2
    if head and last in _OWNED_LABELS and len(head.split()) <= most and head.endswith(("s", "n")):
        return LABELS[last]
    # Broken text layers swap single letters ("Välfärdsnämndens beslui:"): a captioned label
    # ending in a colon may differ from a known one by one letter.
    if head and text.strip().endswith(":") and len(head.split()) <= most:
        for known in _OWNED_LABELS:
            if (
                len(known) == len(last) >= 5
                and sum(a != b for a, b in zip(known, last, strict=True)) == 1
            ):
                return LABELS[known]
    return None


_OWNED_LABELS = frozenset(
    {
        "beslut",
        "beslutsförslag",
        "förslag",
        "päätös",
        "päätösehdotus",
        "ehdotus",
        "esitys",
        "päätösesitys",
        "käsittely",
        "behandling",
    }
)
