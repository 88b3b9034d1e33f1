"""The period of an amount: from its clause, its sentence, else the rest of its § item.

A project period is often stated once (`Hanke toteutetaan 1.8.2025–31.12.2026.`) and governs
every amount of the item, before or after it; an appropriation takes the year of the budget
its item names; money spent up to a date runs from the start of that budget year. Text rules
are in `extractors/period_cues.py`.
"""

from __future__ import annotations

import datetime as dt
import re

from extractors import period_cues as periods
from extractors.funding_mentions import Mention, Sentence
from schemas.vocab import FundingRole

# What has been spent of an appropriation is not a part of its kind of money.
SPENT = re.compile(r"toteutu|käytet|kulunut|använ|förbruk|utfall", re.IGNORECASE)


def period_of(m: Mention, sentences: list[Sentence]) -> periods.Period | None:
    """The clause's period, else the sentence's, else (minutes) the item's project period."""
    text = m.sentence.text
    found = (
        periods.target_period(f"{m.left} {m.right}")
        or periods.period_in(m.left, last=True)
        or periods.period_in(m.right)
        or periods.period_in(text[: m.money.start], last=True)
        or periods.period_in(_until_part(text[m.money.end :]))
    )
    spent = SPENT.search(f"{m.left} {m.right}")
    spent_by = periods.spent_by(text) if spent else None
    if spent_by is not None:
        year = found[0].year if found else spent_by.year
        return dt.date(year, 1, 1), spent_by  # spent from the start of the budget year
    if found:
        return found
    if m.role is FundingRole.BUDGET:
        return _budget_year(m.sentence, sentences)
    return scope_period(m.sentence, sentences)


def _until_part(after: str) -> str:
    """The rest of a sentence up to a part of the amount (`…, josta 130 t€ vuodelle 2026`):
    the part's year is not the whole's."""
    hit = re.search(r"\b(?:josta|joista|varav)\b", after, re.IGNORECASE)
    return after[: hit.start()] if hit else after


def _budget_year(here: Sentence, sentences: list[Sentence]) -> periods.Period | None:
    """An appropriation's year from the budget its § item (or nearby text) names (`Vuoden
    2025 talousarvion muutos`), nearest earlier first."""
    reach = None if here.decision is not None else _PAGE_REACH
    near = [
        s
        for s in sentences
        if s.scope == here.scope and (reach is None or abs(s.n - here.n) <= reach)
    ]
    ordered = [*reversed([s for s in near if s.n < here.n]), *(s for s in near if s.n > here.n)]
    for sentence in ordered:
        if year := periods.budget_year(sentence.text):
            return year
    return None


def scope_period(here: Sentence, sentences: list[Sentence]) -> periods.Period | None:
    """The project period stated elsewhere in the amount's § item (or nearby on its page):
    `Hankkeen kokonaiskustannukset ovat 86 000 euroa. Hanke toteutetaan 1.8.2025–31.12.2026.`
    The nearest earlier statement wins, else the nearest later one."""
    reach = None if here.decision is not None else _PAGE_REACH
    near = [
        s
        for s in sentences
        if s.scope == here.scope and (reach is None or abs(s.n - here.n) <= reach)
    ]
    for sentence in reversed([s for s in near if s.n <= here.n]):
        if ranges := periods.project_periods_in(sentence.text):
            return ranges[-1]
    for sentence in (s for s in near if s.n > here.n):
        if ranges := periods.project_periods_in(sentence.text):
            return ranges[0]
    return None


_PAGE_REACH = 3  # sentences either side that speak of the same thing outside minutes
