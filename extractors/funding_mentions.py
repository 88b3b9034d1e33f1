"""Amounts in their sentences and clauses, and one record per amount of one thing.

An amount's *clause* is the part of its sentence that belongs to it: between two amounts the
sentence is cut at the first comma, bracket or conjunction after the first one, so in
`yhteensä 1.250.000 €, josta Esimerkkilän kaupungin hankekokonaisuus on 900.000 €` the second clause
starts at `, josta`. An amount in brackets right after another (`227.148 € (75.716€/vuosi)`)
restates it. A repeated mention of the same amount for the same thing is one record
(`unique`): a specific figure printed twice in an item, a proposal and its decision, the two
languages of a bilingual item, a table restating its item's text, a cost estimate and the new
appropriation that covers it, a sentence quoted again in a later item.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from extractors import funding_cues as cues
from extractors import period_cues as periods
from extractors.funding_tables import TableAmount
from extractors.money import Money, find_money
from schemas.vocab import FundingRole, FundingSource

QUOTE_CHARS = 200
_STEM = re.compile(r"[a-zåäö]{4,}")
Scope = tuple[str, int]  # ("item", n) in minutes, ("page", n) elsewhere


@dataclass(slots=True)
class Sentence:
    """A sentence of one page, the § item or page it belongs to, and its place in the document."""

    page: int
    text: str
    start: int  # offset in the page text
    scope: Scope
    decision: int | None  # 1-based § item number, as the decisions extractor numbers items
    n: int = 0
    first_top: float = 0.0  # top of the sentence's first line on its page
    projects: list[tuple[int, str]] = field(default_factory=list)
    shares: list[tuple[int, FundingRole, FundingSource | None, float]] = field(default_factory=list)


@dataclass(slots=True)
class Mention:
    """An amount in its sentence and clause, and what was read from them."""

    money: Money  # offsets within the sentence
    sentence: Sentence
    left: str
    right: str
    parent: Mention | None = None
    previous: Mention | None = None  # the amount before this one in its sentence
    role: FundingRole = FundingRole.OTHER
    source: FundingSource | None = None
    source_text: str | None = None
    share: float | None = None
    period: periods.Period | None = None
    project: str | None = None
    recipient: str | None = None
    table: TableAmount | None = None  # read from a budget table's cell, not a sentence


def mentions_in(sentence: Sentence) -> Iterator[Mention]:
    text = sentence.text
    found = [m for m in find_money(text) if not _unit_label(text, m)]
    cuts = [0]
    for a, b in pairwise(found):
        cut = cues.CUT.search(text, a.end, b.start)
        cuts.append(cut.start() if cut else a.end)
    cuts.append(len(text))
    previous: Mention | None = None
    for i, money in enumerate(found):
        left, right = text[cuts[i] : money.start], text[money.end : cuts[i + 1]]
        mention = Mention(money, sentence, left, right, previous=previous)
        if previous is not None and left.strip() == "(":
            mention.parent = previous  # "227.148 € (75.716€/vuosi)"
        previous = mention
        yield mention


def _unit_label(text: str, money: Money) -> bool:
    """`(1000 €)` or `1000€ B/N` in a table heading: a column's unit, not an amount."""
    if money.amount not in (1000.0, 1_000_000.0) or money.qualifier or money.precision < 1:
        return False
    before, after = text[: money.start].rstrip(), text[money.end :].lstrip()
    if before.endswith("(") and after.startswith(")"):
        return True
    # In a sentence the words around an amount are lower-case ("on 1000 € vuodessa").
    words_before, words_after = before.split()[-1:], after.split()[:1]
    return bool(words_after) and not any(_LOWER.fullmatch(w) for w in words_before + words_after)


_LOWER = re.compile(r"[a-zåäö][\wåäö-]*[.,:;]?")


def unique(mentions: list[Mention]) -> list[Mention]:
    """One record per amount of one thing; a later mention fills in what the first one lacks."""
    kept: list[Mention] = []
    for m in mentions:
        first = next((k for k in kept if _same_thing(k, m)), None)
        if first is None:
            kept.append(m)
            continue
        if first.role is FundingRole.OTHER:
            first.role = m.role
        for name in ("recipient", "project", "source", "source_text", "share", "period"):
            if getattr(first, name) is None:
                setattr(first, name, getattr(m, name))
    return kept


def _same_thing(a: Mention, b: Mention) -> bool:
    """The same amount, role and item (or page), no conflicting recipient, and a sign that it
    is one thing: a specific figure, the same period, the same project, or sentences about
    the same words (a proposal and its decision, the two languages of a bilingual item)."""
    key_a = (abs(a.money.amount), a.money.per_year, a.sentence.scope)
    key_b = (abs(b.money.amount), b.money.per_year, b.sentence.scope)
    if a.parent is not None or b.parent is not None:
        return False
    if key_a[:2] == key_b[:2] and key_a != key_b:
        return _quoted_again(a, b)
    if key_a != key_b or _conflict(a.recipient, b.recipient):
        return False
    if _significant_digits(a.money.text) >= 3:
        # A specific figure printed twice in one item is one thing, even where one mention
        # has a sign and the other not (-115.788 € … ylityksen 115.788 €).
        return True
    if a.money.amount != b.money.amount:
        return False
    if _cost_and_appropriation(a, b):
        return True
    if a.role is not b.role:
        return False
    if (a.table or b.table) and a.period == b.period:
        return True  # a table restating an amount of its item's text, or a table repeated
    translated = _swedish(a.sentence.text) != _swedish(b.sentence.text)
    if translated and not a.table and not b.table:
        return True
    if _conflict(a.project, b.project):
        return False
    if a.project is not None and a.project == b.project:
        return True
    words_a, words_b = _words(a.sentence.text), _words(b.sentence.text)
    return len(words_a & words_b) >= _SAME_WORDS * len(words_a | words_b)


def _cost_and_appropriation(a: Mention, b: Mention) -> bool:
    """A cost estimate and the appropriation that covers it (`beräknas kosta 45 000 euro` …
    `ett tilläggsanslag om 45 000 euro`), for one period: one amount, the appropriation."""
    roles = {a.role, b.role}
    if roles != {FundingRole.TOTAL_COST, FundingRole.BUDGET}:
        return False
    if a.period is not None and b.period is not None and a.period != b.period:
        return False
    budget = a if a.role is FundingRole.BUDGET else b
    if not _NEW_APPROPRIATION.search(budget.sentence.text):
        return False  # what was reserved before is not this cost's appropriation
    a.role = FundingRole.BUDGET  # the first mention is the one kept
    return True


_NEW_APPROPRIATION = re.compile(
    r"lisämäärära|tilläggsanslag|myöntä|bevilja|korote|korota|\blisäy", re.IGNORECASE
)


_SWEDISH = re.compile(r"\b(?:och|är|för|att|som|av|till|med|om|dvs|kommunens|stadens)\b", re.I)
_FINNISH = re.compile(r"\b(?:ja|on|että|eli|ovat|kunnan|kaupungin|sekä|josta|vuonna)\b", re.I)


def _swedish(text: str) -> bool:
    """Whether a sentence is Swedish rather than Finnish, by its function words."""
    return len(_SWEDISH.findall(text)) > len(_FINNISH.findall(text))


_SAME_WORDS = 0.4  # share of content words two sentences about one amount have in common
_QUOTED_WORDS = 0.7  # share of the shorter sentence's words found in a sentence printed again


def _quoted_again(a: Mention, b: Mention) -> bool:
    """A sentence of an earlier item printed again in a later one (a motion quoted in its
    reply, a history of decisions): the same amount in it is the same thing."""
    if a.money.text != b.money.text or a.role is not b.role or a.table or b.table:
        return False
    words_a, words_b = _words(a.sentence.text), _words(b.sentence.text)
    shorter = min(len(words_a), len(words_b))
    return shorter >= 3 and len(words_a & words_b) >= _QUOTED_WORDS * shorter


def _significant_digits(printed: str) -> int:
    number = re.search(r"\d[\d\s.,]*", printed)
    digits = re.sub(r"\D", "", number.group(0)) if number else ""
    return len(digits.strip("0"))


def _conflict(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b


def _words(text: str) -> set[str]:
    """Content stems of a sentence, without the words every money sentence has."""
    return {w[:6] for w in _STEM.findall(text.lower()) if not _FILLER.match(w)}


_FILLER = re.compile(r"euro|milj|tuha|ovat|olivat|oli$|ollut|olleet|yhteensä|noin|vastaa|mikä")


def quote_of(m: Mention) -> str:
    """The amount's sentence, or up to QUOTE_CHARS of it around the amount, cut at words."""
    text = m.sentence.text
    if len(text) <= QUOTE_CHARS:
        return text
    start = max(0, min(m.money.start - 80, m.money.end - QUOTE_CHARS))
    end = min(len(text), start + QUOTE_CHARS)
    if start > 0:
        start = text.index(" ", start) + 1 if " " in text[start : m.money.start] else start
    if end < len(text) and " " in text[m.money.end : end]:
        end = text.rindex(" ", m.money.end, end)
    return text[start:end].strip()
