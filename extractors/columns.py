"""What a table column or a field key holds, from its header words (in lemmas), and cell readers.

    text         käyttötapaus, toimenpide, hanke, kehityskohde, projekti / åtgärd, projekt
    responsible  vastuu, vastuutaho, omistaja / ansvar, ansvarig
    years        aikataulu, ajoitus, vuodet, toteutusaika / tidtabell, tidsplan — or columns
                 headed by a year or a quarter (`2025`, `Q1/2025`) whose cells hold marks
    status       tila, tilanne, status, vaihe / läge, status
    metrics      mittari, indikaattori / mätare, indikator
    theme        teema, painopiste, mahdollistaja, tavoite / tema, fokusområde, mål

The same roles name key-value fields (`Vastuu: …`, `Tidsplan: …`), so one vocabulary serves
tables, field lines and parentheses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.lexicon import analyse
from extractors.names import BULLET
from schemas.vocab import Audience, ThemeKind

_WORD = re.compile(r"[^\W\d_][\w-]*")
_ROLE_LEMMAS = {
    "text": {"käyttötapaus", "toimenpide", "hanke", "kehityskohde", "tehtävä", "projekti"},
    "responsible": {
        "vastuutaho",
        "vastuu",
        "vastuuhenkilö",
        "vastuuyksikkö",
        "omistaja",
        "vastuullinen",
        "vastaava",
    },
    "metrics": {"mittari", "indikaattori", "mittaaminen"},
    "theme": {"mahdollistaja", "teema", "painopiste", "painopistealue", "tavoite", "kärki"},
    "status": {"tila", "tilanne", "status", "vaihe"},
    "years": {"aikataulu", "ajankohta", "toteutusaika", "vuosi", "ajoitus"},
}
_ROLE_STEMS = {
    "text": ("åtgärd", "projekt", "insats"),
    "responsible": ("ansvar",),
    "metrics": ("mätare", "indikator", "mittari"),
    "theme": ("tema", "fokusområde", "insatsområde", "möjliggörare", "målsättning"),
    "status": ("läge", "status", "tila"),
    "years": ("tidtabell", "tidsplan", "aikataulu"),
}
_ROLE_WORDS = {
    "theme": frozenset({"mål", "målet", "målen", "målens"}),
    "years": frozenset({"år", "året", "åren", "årtal"}),
}
_AUDIENCE = {
    "asukas": Audience.RESIDENTS,
    "kuntalainen": Audience.RESIDENTS,
    "kaupunkilainen": Audience.RESIDENTS,
    "huoltaja": Audience.RESIDENTS,
    "henkilöstö": Audience.STAFF,
    "työntekijä": Audience.STAFF,
    "henkilökunta": Audience.STAFF,
    "yritys": Audience.BUSINESSES,
    "invånare": Audience.RESIDENTS,
    "personal": Audience.STAFF,
    "företag": Audience.BUSINESSES,
    "viranhaltija": Audience.STAFF,
}
_YEAR_HEAD = re.compile(r"^(?:(?:Q|K|H|I{1,3}|IV|V)\s?\d?\s*[/ ]\s*)?((?:19|20)\d\d)$", re.I)


@dataclass(slots=True)
class Columns:
    """Which column of a table holds what, from its header."""

    text: int = 0
    years: dict[int, int] = field(default_factory=dict)  # column → year (year/quarter columns)
    responsible: int | None = None
    metrics: int | None = None
    theme: int | None = None
    theme_kind: ThemeKind = ThemeKind.THEME
    status: int | None = None
    schedule: int | None = None
    audience: Audience | None = None


def role(text: str) -> str | None:
    """The role a header cell or a field key names ('text', 'responsible', …), or None."""
    for word in _WORD.findall(text)[:3]:
        base, parts = analyse(word)
        for name, lemmas in _ROLE_LEMMAS.items():
            if base in lemmas or (parts and parts[-1] in lemmas and len(parts) <= 2):
                return name
        lowered = word.lower()
        for name, stems in _ROLE_STEMS.items():
            if any(lowered.startswith(stem) for stem in stems) and not parts:
                return name
        # Short Swedish words only as whole words and their inflections ("Målgrupp" is not a
        # goal, "Årlig kostnad" no year column).
        for name, forms in _ROLE_WORDS.items():
            if lowered in forms:
                return name
    return None


def theme_kind(text: str) -> ThemeKind:
    """Enabler for mahdollistaja / möjliggörare, goal for tavoite / mål, else theme."""
    for word in _WORD.findall(text):
        base, parts = analyse(word)
        head = parts[-1] if parts else base
        lowered = word.lower()
        if base == "mahdollistaja" or head == "mahdollistaja" or lowered.startswith("möjliggör"):
            return ThemeKind.ENABLER
        swedish_goal = lowered in ("mål", "målet", "målen") or lowered.startswith("målsättning")
        if base in ("tavoite", "päämäärä") or head == "tavoite" or swedish_goal:
            return ThemeKind.GOAL
    return ThemeKind.THEME


def header_columns(cells: list[str]) -> Columns | None:
    """The columns of a header (one text per column); None when it names no action column."""
    columns = Columns()
    roles: dict[str, int] = {}
    for i, cell in enumerate(cells):
        text = " ".join(cell.split())
        year = _YEAR_HEAD.match(text)
        if year:
            columns.years[i] = int(year.group(1))
            continue
        found = role(text)
        if found == "years" and not _words(text):
            continue
        if found and found not in roles:
            roles[found] = i
            if found == "theme":
                columns.theme_kind = theme_kind(text)
    if "text" not in roles and len(columns.years) < 2 and len(roles) < 2:
        return None
    free = [i for i in range(len(cells)) if i not in roles.values() and i not in columns.years]
    free = [i for i in free if cells[i].strip()] or free
    if "text" in roles:
        columns.text = roles["text"]
    elif free:
        columns.text = free[0]
    else:
        return None
    columns.responsible = roles.get("responsible")
    columns.metrics = roles.get("metrics")
    columns.theme = roles.get("theme")
    columns.status = roles.get("status")
    columns.schedule = roles.get("years")
    columns.audience = audience_of(cells[columns.text])
    return columns


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def audience_of(text: str) -> Audience | None:
    """The primary users a text names ("ensisijaisena käyttäjänä kaupungin asukkaat")."""
    for word in _WORD.findall(text):
        base, parts = analyse(word)
        found = _AUDIENCE.get(base) or (_AUDIENCE.get(parts[-1]) if parts else None)
        if found:
            return found
    return None


def split_units(cell: str) -> list[str]:
    """Responsible units of a cell: split at commas, "&", "/" and at "ja" before a capital.

    "Sosiaali- ja terveystoimi" (a suspended hyphen) and "Markkinointi ja matkailu" (lower
    case after "ja") stay one unit.
    """
    text = " ".join(cell.split())
    units = []
    for part in re.split(r"\s*(?:[,;&]|\+)\s*", text):
        units.extend(re.split(r"(?<!-)\s+(?:ja|sekä|och)\s+(?=[A-ZÅÄÖ])", part))
    return [u.strip(" .") for u in units if u.strip(" .")]


def split_owners(text: str) -> list[str]:
    """Owners named in running text or a field: split at commas and at every "ja"/"och"/"sekä".

    Only a suspended hyphen ("talous- ja henkilöstöpalvelut") keeps "ja" inside one unit.
    """
    parts = re.split(r"\s*[,;]\s*|(?<!-)\s+(?:ja|sekä|och|samt)\s+", " ".join(text.split()))
    return [p.strip(" .") for p in parts if p.strip(" .")]


def list_items(cell: str) -> list[str]:
    """Items of a cell: each bullet is one, lead text before the first bullet is one too."""
    return [item for item, _ in cell_items(cell)]


def cell_items(cell: str) -> list[tuple[str, str]]:
    """(item, its first printed line) for each item of a cell: a quote must be contiguous on
    the page, and the wrapped lines of a cell are not (the page runs across the row)."""
    items: list[list[str]] = []
    bulleted = False
    for line in cell.splitlines():
        line = line.strip()
        if not line:
            continue
        marker = BULLET.match(line)
        if marker or not items or (not bulleted and _starts_item(line, items[-1][-1])):
            items.append([line[marker.end() :] if marker else line])
            bulleted = bulleted or bool(marker)
        else:
            items[-1].append(line)
    return [(" ".join(" ".join(lines).split()), lines[0]) for lines in items]


def _starts_item(line: str, previous: str) -> bool:
    # Without bullets a new item starts with a capital after a line that ended a phrase.
    return line[:1].isupper() and previous.rstrip().endswith((".", ")", ":"))
