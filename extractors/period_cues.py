"""Periods in funding statements: date and year ranges, the year money is meant for, the year
of a budget, and the date up to which money has been spent.

Pure text in, `(start, end)` dates out (no NLP, no I/O); `extractors/funding.py` decides which
text (a clause, a sentence, the rest of a § item) to give them.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_I = re.IGNORECASE
Period = tuple[dt.date, dt.date]

DATES = re.compile(
    r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.?(\d{4})?\s?[-–—]\s?(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)"
)
_YEARS = re.compile(r"(?<![\d.,/])((?:19|20)\d{2})\s?[-–—]\s?((?:19|20)\d{2})(?!\d|[.,/]\d)")
_SPAN_YEARS = re.compile(
    r"\b(?:kaudella|kaudelle|vuosina|vuosille|vuosiksi|hankeaika\w*|toteutusaika\w*|ajalla"
    r"|ajanjaksolla|åren|perioden|under åren)\s+((?:19|20)\d{2})\s?[-–—]\s?((?:19|20)\d{2})\b",
    _I,
)
# The year money is meant for: "siirtää 76 000 € vuodelle 2025", "för år 2023".
_TARGET_YEARS = re.compile(
    r"\b(?:vuodelle|vuosille|för år(?:en)?|till år(?:en)?)\s+((?:19|20)\d{2})"
    r"(?:\s?[-–—]\s?((?:19|20)\d{2}))?",
    _I,
)
_YEAR_WORDS = re.compile(
    r"\b(?:vuo(?:nna|sina|sille|delle|delta|den|si)|år(?:en|et)?|budgetåret|tilikau\w+|v\.?)"
    r"\s+((?:19|20)\d{2})((?:\s?(?:,|ja|och|sekä)\s?(?:19|20)\d{2})*)",
    _I,
)
# The year of a budget: "budgeten för 2025", "budgeten 2025", "vuoden 2025 talousarvio".
_BUDGET_YEAR = re.compile(
    r"\b(?:budget\w*|talousarvi\w*|anslag\w*)\s+(?:för\s+)?(?:år\s+)?((?:19|20)\d{2})(?![\d–-])"
    r"|\bvuoden\s+((?:19|20)\d{2})\s+(?:talousarvi|budjet)",
    _I,
)


def target_period(text: str) -> Period | None:
    """The year (or years) money is meant for, when the text says so (`vuodelle 2025`)."""
    hit = _TARGET_YEARS.search(text)
    if hit is None:
        return None
    first, end = int(hit.group(1)), int(hit.group(2) or hit.group(1))
    return (dt.date(first, 1, 1), dt.date(end, 12, 31)) if first <= end else None


def period_in(text: str, *, last: bool = False) -> Period | None:
    """A date range, year range or `vuonna 2020 ja 2021` in `text`: the first, or the last."""
    found: list[tuple[int, Period]] = []
    for hit in DATES.finditer(text):
        if period := _dates(hit):
            found.append((hit.start(), period))
    taken = [(hit.start(), hit.end()) for hit in DATES.finditer(text)]
    for hit in _YEARS.finditer(text):
        a, b = int(hit.group(1)), int(hit.group(2))
        if a <= b <= a + 30 and not _inside(hit.start(), taken):
            found.append((hit.start(), (dt.date(a, 1, 1), dt.date(b, 12, 31))))
            taken.append((hit.start(), hit.end()))
    for hit in _BUDGET_YEAR.finditer(text):
        year = int(hit.group(1) or hit.group(2))
        if not _inside(hit.start(), taken):
            found.append((hit.start(), (dt.date(year, 1, 1), dt.date(year, 12, 31))))
            taken.append((hit.start(), hit.end()))
    for hit in _YEAR_WORDS.finditer(text):
        years = [int(hit.group(1)), *map(int, re.findall(r"\d{4}", hit.group(2)))]
        if not _inside(hit.start(1), taken):
            found.append((hit.start(), (dt.date(min(years), 1, 1), dt.date(max(years), 12, 31))))
    if not found:
        return None
    return (max if last else min)(found, key=lambda f: f[0])[1]


_MONTHS = (
    "tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys", "loka",
    "marras", "joulu",
)  # fmt: skip
_MONTHS_SV = (
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
    "oktober", "november", "december",
)  # fmt: skip
_BY_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\s+(?:mennessä|asti|saakka)", _I)
_BY_MONTH = re.compile(
    rf"(?:({'|'.join(_MONTHS)})kuun\s+loppuun\s+(?:mennessä|asti|saakka)"
    rf"|till\s+och\s+med\s+({'|'.join(_MONTHS_SV)}))",
    _I,
)


def spent_by(text: str, year: int | None = None) -> dt.date | None:
    """The date up to which money has been spent: `30.9.2025 mennessä`, `lokakuun loppuun
    mennessä`, `till och med april` (the month's last day, in `year` or the text's year)."""
    if hit := _BY_DATE.search(text):
        try:
            return dt.date(int(hit.group(3)), int(hit.group(2)), int(hit.group(1)))
        except ValueError:
            return None
    hit = _BY_MONTH.search(text)
    if hit is None:
        return None
    name = (hit.group(1) or hit.group(2)).lower()
    month = (_MONTHS.index(name) if hit.group(1) else _MONTHS_SV.index(name)) + 1
    found = year or next((int(y) for y in re.findall(r"(?:19|20)\d{2}", text)), None)
    if found is None:
        return None
    first_of_next = dt.date(found + month // 12, month % 12 + 1, 1)
    return first_of_next - dt.timedelta(days=1)


def budget_year(text: str) -> Period | None:
    """The year of the budget a text names (`vuoden 2025 talousarvio`, `budgeten för 2025`)."""
    hit = _BUDGET_YEAR.search(text)
    if hit is None:
        return None
    year = int(hit.group(1) or hit.group(2))
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _dates(hit: re.Match[str]) -> Period | None:
    d1, m1, y1, d2, m2, y2 = hit.groups()
    try:
        return dt.date(int(y1 or y2), int(m1), int(d1)), dt.date(int(y2), int(m2), int(d2))
    except ValueError:
        return None


@lru_cache(maxsize=8192)  # each amount looks through the sentences of its item
def project_periods_in(text: str) -> list[Period]:
    """Periods printed as a project's time span, in order: `1.1.2020–31.12.2022`, or years
    after a period word (`vuosina 2024–2026`, `kaudella 2021-2027`, `åren 2022–2023`)."""
    found = [(hit.start(), p) for hit in DATES.finditer(text) if (p := _dates(hit))]
    for hit in _SPAN_YEARS.finditer(text):
        a, b = int(hit.group(1)), int(hit.group(2))
        if a <= b:
            found.append((hit.start(), (dt.date(a, 1, 1), dt.date(b, 12, 31))))
    return [p for _, p in sorted(found)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)
