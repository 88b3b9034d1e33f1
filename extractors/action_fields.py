"""An action's fields from wherever the document puts them, and its text without them.

    field lines      Vastuu: tietohallinto · Aikataulu: 2025–2026 · Tila: käynnissä
    parentheses      … uudistus (vastuu: tekninen toimi, 2026)      … käyttöönotto (2025–2026)
    a dash tail      … mobiilisovellus (2025–2026) – Asiakaspalvelu ja viestintä
    sentences        Työstä vastaavat X ja Y, ja se toteutetaan 2025–2026.
    an aside         ● Valmis 100 %   (the status printed apart at the right)

Keys are read with the column vocabulary (`extractors.columns.role`); statuses with
`extractors.statuses`; years as spans (`2025–2026`, `2026–` + `2027`), single years or
halves/quarters (`I/2026`, `syksy 2025`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.columns import list_items, role, split_owners
from extractors.statuses import looks_like_status, read_status
from schemas.vocab import Status

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_SPAN = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?!\d)")
_PAREN = re.compile(r"\s*\(([^()]{2,120})\)\s*\.?$")
_DASH_TAIL = re.compile(r"\s+[–—]\s+([^–—]{2,120})$")
# "(ilmasto-ohjelma)" at the end of an action: the programmes it belongs to.
_PROGRAMME_LINK = re.compile(
    r"\s*\(([^()]*(?:ohjelma|strategia|suunnitelma|programmet|programmen))\)\.?$"
)
_PROGRAMME_SPLIT = re.compile(
    r"(?:(?<=ohjelma)|(?<=strategia)|(?<=suunnitelma)|(?<=programmet))\s*"
    r"(?:,|\bja\b|\bsekä\b|\boch\b)\s*"
)
# A status after a colon at the end of an item: ": KÄYNNISSÄ", ": VALMIS, käytössä 3/2025".
_STATUS_TAIL = re.compile(r":\s+([A-ZÅÄÖ]{3,}\b[^:]*)$")
_SYMBOL = re.compile(r"^[^\w(]+\s*")
# "Työstä vastaa(vat) X, ja se toteutetaan …" / "X ansvarar för …"
_RESPONSIBLE_SENTENCE = re.compile(
    r"\b(?:vastaa|vastaavat)\s+(.+?)(?:,\s+ja\s|\.\s|\.$|,\s+joka|$)", re.IGNORECASE
)
_SCHEDULE_WORDS = re.compile(
    r"\b(?:toteutetaan|toteutuu|valmistuu|käynnistyy|aloitetaan|vuosina|vuonna|genomförs|år)\b",
    re.IGNORECASE,
)
_STATE = re.compile(
    r"valtionavust|valtion\s+avust|valtion\s+tuk|statsunderstöd|statligt stöd", re.I
)


@dataclass(slots=True)
class Fields:
    """What was read about one action."""

    years: list[int] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    status: Status | None = None
    status_text: str | None = None
    postponed_to: int | None = None
    metrics: list[str] = field(default_factory=list)
    state_funded: bool | None = None
    linked_programmes: list[str] = field(default_factory=list)

    def take(self, other: Fields) -> None:
        """Fill what is still empty from another reading."""
        self.years = self.years or other.years
        self.responsible = self.responsible or other.responsible
        if self.status is None and other.status is not None:
            self.status, self.status_text = other.status, other.status_text
            self.postponed_to = other.postponed_to
        self.metrics = self.metrics or other.metrics
        self.linked_programmes = self.linked_programmes or other.linked_programmes
        if self.state_funded is None:
            self.state_funded = other.state_funded


def years_of(text: str) -> list[int]:
    """Years a schedule names: a span as every year of it, else each year named."""
    span = _SPAN.search(text)
    if span:
        start, end = int(span.group(1)), int(span.group(2))
        if 0 <= end - start <= 30:
            return list(range(start, end + 1))
    return sorted({int(y) for y in _YEAR.findall(text)})


def set_status(fields: Fields, text: str) -> bool:
    """Read a printed status into `fields`; False when the text names no known status."""
    printed = _SYMBOL.sub("", " ".join(text.split())).strip(" .")
    if not printed:
        return False
    reading = read_status(printed)
    if reading.status is Status.UNKNOWN:
        if not looks_like_status(printed):
            return False
        fields.status, fields.status_text, fields.postponed_to = Status.UNKNOWN, printed, None
        return True  # a status in capitals that no rule knows is kept as printed
    fields.status, fields.status_text, fields.postponed_to = (
        reading.status,
        printed,
        reading.postponed_to,
    )
    return True


def read_field(fields: Fields, key: str, value: str) -> bool:
    """Read one key-value field; False when the key names no action field."""
    found = role(key)
    if found == "responsible":
        fields.responsible = split_owners(value)
    elif found == "years":
        fields.years = years_of(value)
        rest = _SPAN.sub(" ", _YEAR.sub(" ", value))
        if re.search(r"[^\W\d_]{3}", rest) and fields.status is None:
            set_status(fields, rest)  # "Tidsplan: 2025 Klar": a status printed without its key
    elif found == "status":
        if not set_status(fields, value):
            fields.status_text = value or None
            fields.status = Status.UNKNOWN if value else None
    elif found == "metrics":
        fields.metrics = [m for m in list_items(value.replace("; ", "\n")) if m not in "–-"]
    else:
        return False
    return True


def split_text(text: str, *, first_sentence: bool = True) -> tuple[str, Fields]:
    """An item's action text without the fields printed in it, and those fields.

    With `first_sentence`, an item of several sentences is named by its first one, and the
    others are read for an owner and a schedule (a table cell keeps all its sentences).
    """
    fields = Fields()
    text = " ".join(text.split())
    if _STATE.search(text):
        fields.state_funded = True
    link = _PROGRAMME_LINK.search(text)
    if link:
        fields.linked_programmes = [
            p.strip() for p in _PROGRAMME_SPLIT.split(link.group(1)) if p.strip()
        ]
        text = text[: link.start()]
    status = _STATUS_TAIL.search(text)
    if status and set_status(fields, status.group(1)):
        text = text[: status.start()]  # "… (vastuu: X): VALMIS, käytössä 3/2025"
    paren = _PAREN.search(text)
    if paren and _reads_fields(paren.group(1), fields):
        text = text[: paren.start()]
    tail = _DASH_TAIL.search(text)
    if tail and _unit_tail(tail.group(1), fields):
        text = text[: tail.start()]
        paren = _PAREN.search(text)
        if paren and _reads_fields(paren.group(1), fields):
            text = text[: paren.start()]
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", text)
    if len(sentences) > 1 and first_sentence:
        _sentence_fields(" ".join(sentences[1:]), fields)
        text = sentences[0]
    return text.strip(), fields


def _reads_fields(inner: str, fields: Fields) -> bool:
    """Fields inside parentheses: "vastuu: X, 2025", "2025–2026", "Q2/2026"."""
    pairs = re.findall(
        r"([^\W\d_][\w -]{1,20}?)\s*:\s*([^:]+?)(?=,\s*[^\W\d_][\w -]{1,20}:|$)", inner
    )
    read = False
    for key, value in pairs:
        value = value.strip()
        years = _YEAR.search(value)
        if role(key) == "responsible" and years:
            fields.years = years_of(value[years.start() :])
            value = value[: years.start()].rstrip(" ,")
        read = read_field(fields, key, value) or read
    if read:
        return True
    if _YEAR.search(inner) and not re.search(r"[^\W\d_]{4}", _YEAR.sub("", inner)):
        fields.years = years_of(inner)
        return True
    return False


def _unit_tail(tail: str, fields: Fields) -> bool:
    """ "Viestintä, 2025" / "Digi- ja tietohallintopalvelut" after a spaced dash: owner, years."""
    years = _YEAR.search(tail)
    units = tail[: years.start()].rstrip(" ,") if years else tail
    if len(units.split()) > 8 or units[:1].islower() or units.endswith("."):
        return False
    if years:
        fields.years = fields.years or years_of(re.sub(r"[-–]\s+", "–", tail[years.start() :]))
    if units:
        fields.responsible = split_owners(units)
    return bool(units or years)


def _sentence_fields(text: str, fields: Fields) -> None:
    """Owner and schedule stated in sentences after the action's first one."""
    found = _RESPONSIBLE_SENTENCE.search(text)
    if found and not fields.responsible:
        fields.responsible = split_owners(found.group(1))
    if not fields.years:
        for sentence in re.split(r"(?<=[.])\s+", text):
            if _SCHEDULE_WORDS.search(sentence):
                years = years_of(re.sub(r"([-–])\s+", r"\1", sentence))
                if years:
                    fields.years = years
                    break
