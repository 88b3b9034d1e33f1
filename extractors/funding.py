"""Funding: every euro amount of a document with its role, source, share, period and recipient.

Amounts are found by `extractors.money`; what each one is comes from the words around it, read
by the stem rules of `extractors.funding_cues` (no NLP model: this extractor must stay cheap).

An amount's *clause* is the part of its sentence that belongs to it: between two amounts the
sentence is cut at the first comma, bracket or conjunction after the first one, so in
`yhteensä 1.592.580 €, josta Kuopion kaupungin hankekokonaisuus on 1.135.740 €` the second clause
starts at `, josta`. An amount in brackets right after another (`227.148 € (75.716€/vuosi)`)
restates it and inherits its context. Role, source, period and recipient come from the clause;
the project from the sentence, else from the sentences before it (in minutes, anywhere earlier
in the § item); shares printed without an amount (`ESR-rahoitusta (80%)`, `omarahoitus on 20%`)
from the § item or page. Sentences come from `extractors/sentences.py`, which leaves table rows out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise

from extractors import funding_cues as cues
from extractors.breakdown import BudgetLine, Share, check
from extractors.funding_tables import TableAmount, budget_tables
from extractors.minutes import split_items
from extractors.money import Money, find_money
from extractors.registry import ExtractionContext, register
from extractors.sentences import page_sentences
from schemas.municipalities import municipalities
from schemas.records import Funding, record_id
from schemas.source import Page, SourceDocument
from schemas.tree import DocumentTree, TableBlock
from schemas.vocab import DocType, FundingRole, FundingSource

QUOTE_CHARS = 200
_STEM = re.compile(r"[a-zåäö]{4,}")
Scope = tuple[str, int]  # ("item", n) in minutes, ("page", n) elsewhere


@dataclass(slots=True)
class _Sentence:
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
class _Mention:
    """An amount in its sentence and clause, and what was read from them."""

    money: Money  # offsets within the sentence
    sentence: _Sentence
    left: str
    right: str
    parent: _Mention | None = None
    previous: _Mention | None = None  # the amount before this one in its sentence
    role: FundingRole = FundingRole.OTHER
    source: FundingSource | None = None
    source_text: str | None = None
    share: float | None = None
    period: cues.Period | None = None
    project: str | None = None
    recipient: str | None = None
    table: TableAmount | None = None  # read from a budget table's cell, not a sentence


@register("funding", table="funding")
def extract_funding(doc: SourceDocument, context: ExtractionContext) -> Iterator[Funding]:
    """Yield one record per euro amount; a repeated mention of the same thing is one record."""
    minutes = context.document.doc_type is DocType.MINUTES
    items = _item_of_line(doc, context.document.meeting_date) if minutes else {}
    sentences = [s for page in doc.pages for s in _sentences(page, items)]
    for n, sentence in enumerate(sentences):
        sentence.n = n
        sentence.projects = cues.projects_in(sentence.text)
        sentence.shares = cues.shares_in(sentence.text)
    mentions = [m for s in sentences for m in _mentions(s)]
    printed = " ".join(s.text for s in sentences)
    own_budget = context.document.municipality_code is not None
    for mention in mentions:
        _read(mention, sentences, printed, own_budget)
    if context.tree is not None:
        cells = _table_mentions(context.tree, items, sentences, mentions)
        mentions = sorted([*mentions, *cells], key=lambda m: m.sentence.n)
    kept = _unique(mentions)
    lines = [_budget_line(m, kept) for m in kept]
    groups = {line.group for line in lines}
    shares = [s for s in _shares(sentences) if s.group in groups]
    context.document.warnings.extend(check(lines, shares))
    for n, m in enumerate(kept, start=1):
        decision = m.sentence.decision
        yield Funding(
            funding_id=record_id(doc.document_id, "funding", n),
            document_id=doc.document_id,
            decision_id=record_id(doc.document_id, "decision", decision) if decision else None,
            project=m.project,
            amount_eur=m.money.amount,
            amount_text=m.money.text,
            role=m.role,
            source=m.source,
            source_text=m.source_text,
            share_percent=m.share,
            period_start=m.period[0] if m.period else None,
            period_end=m.period[1] if m.period else None,
            per_year=m.money.per_year,
            recipient=m.recipient,
            page=m.sentence.page,
            quote=_quote(m),
            bbox=m.table.bbox if m.table else None,
        )


def _item_of_line(doc: SourceDocument, meeting_date: dt.date | None) -> dict[int, int]:
    """id(line) → the 1-based number of its § item (the decisions extractor's numbering)."""
    items, _ = split_items(doc, meeting_date)
    return {id(pl.line): n for n, it in enumerate(items, 1) for pl in (it.heading, *it.lines)}


def _sentences(page: Page, items: dict[int, int]) -> Iterator[_Sentence]:
    """The page's running text as sentences, each in its § item (minutes) or page."""
    for found in page_sentences(page):
        item = items.get(id(found.first_line))
        scope: Scope = ("item", item) if item else ("page", page.number)
        yield _Sentence(
            page.number, found.text, found.start, scope, item, first_top=found.first_line.top
        )


def _table_mentions(
    tree: DocumentTree, items: dict[int, int], sentences: list[_Sentence], prose: list[_Mention]
) -> list[_Mention]:
    """Mentions for the cells of budget tables, placed after the sentence printed before them.

    A cell in a change column (`Muutos`, `+350 000`) that running text of its item already
    states is that statement again, not a new amount."""
    tables = [node for node in tree.root.walk() if isinstance(node, TableBlock)]
    out: list[_Mention] = []
    for table, amounts in budget_tables(tables):
        for cell in amounts:
            item = next((items[id(ln)] for ln in cell.lines if id(ln) in items), None)
            scope: Scope = ("item", item) if item else ("page", cell.page)
            n = _position(cell, table, sentences)
            said = any(
                abs(m.money.amount) == cell.amount
                and (m.sentence.scope == scope or 0 <= cell.page - m.sentence.page <= 1)
                for m in prose
            )
            if cell.change and said:
                continue
            sentence = _Sentence(cell.page, cell.quote, 0, scope, item, n)
            start = max(0, cell.quote.find(cell.text))
            money = Money(
                amount=cell.amount,
                text=cell.text,
                start=start,
                end=start + len(cell.text),
                per_year=cell.per_year,
                precision=cell.precision,
            )
            mention = _Mention(money, sentence, "", "", table=cell, role=cell.role)
            mention.source, mention.source_text = cell.source, cell.source_text
            mention.share, mention.period = cell.share, cell.period
            mention.project = cell.label if cell.names_project else _project(sentence, 0, sentences)
            caption = sentences[n] if 0 <= n < len(sentences) else None
            # A caption without figures ("Kommunens finansieringsandel per år") names the
            # money of every cell below it.
            if (
                caption is not None
                and caption.scope == scope
                and mention.source is None
                and not mention.source_text
                and not find_money(caption.text)
            ):
                mention.source, mention.source_text = cues.source_of(caption.text, None)
            if mention.period is None:
                mention.period = _scope_period(sentence, sentences)
            out.append(mention)
    return out


def _position(cell: TableAmount, table: TableBlock, sentences: list[_Sentence]) -> int:
    """The number of the last sentence printed before the table (-1: none)."""
    where = (cell.page, table.bbox[1])
    before = [s.n for s in sentences if (s.page, s.first_top) < where]
    return max(before, default=-1)


def _scope_period(here: _Sentence, sentences: list[_Sentence]) -> cues.Period | None:
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
        if ranges := cues.project_periods_in(sentence.text):
            return ranges[-1]
    for sentence in (s for s in near if s.n > here.n):
        if ranges := cues.project_periods_in(sentence.text):
            return ranges[0]
    return None


_PAGE_REACH = 3  # sentences either side that speak of the same thing outside minutes


def _mentions(sentence: _Sentence) -> Iterator[_Mention]:
    text = sentence.text
    found = [m for m in find_money(text) if not _unit_label(text, m)]
    cuts = [0]
    for a, b in pairwise(found):
        cut = cues.CUT.search(text, a.end, b.start)
        cuts.append(cut.start() if cut else a.end)
    cuts.append(len(text))
    previous: _Mention | None = None
    for i, money in enumerate(found):
        left, right = text[cuts[i] : money.start], text[money.end : cuts[i + 1]]
        mention = _Mention(money, sentence, left, right, previous=previous)
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


def _read(m: _Mention, sentences: list[_Sentence], printed: str, own_budget: bool) -> None:
    """Fill in a mention's role, source, share, period, project and recipient.

    `own_budget`: the document is a municipality's, so an appropriation that names no other
    source is from the municipality's own budget.
    """
    m.project = _project(m.sentence, m.money.start, sentences)
    if m.parent is not None:
        parent = m.parent
        m.role = FundingRole.ANNUAL if m.money.per_year else parent.role
        m.source, m.source_text, m.share = parent.source, parent.source_text, parent.share
        m.recipient, m.period = parent.recipient, parent.period
        return
    clause = f"{m.left} {m.right}"
    m.role = _role(m)
    if m.role is not FundingRole.ANNUAL and cues.yearly(m.left):
        m.money, m.role = replace(m.money, per_year=True), FundingRole.ANNUAL
    part_of = _part_of(m)
    m.period = _period(m, sentences)
    m.recipient = _printed_as(cues.recipient_in(m.left, m.right, m.role), printed)
    m.source, m.source_text = cues.source_of(clause, m.project)
    if m.source is None and m.role is FundingRole.GRANT:
        m.source, m.source_text = _grantor(m, sentences)
    municipal = cues.is_municipal(m.recipient, _municipality_names())
    own = m.role is FundingRole.SELF_FINANCING or (m.role is FundingRole.BUDGET and own_budget)
    if own and m.source is None and municipal:
        m.source = FundingSource.MUNICIPALITY
    if m.source is None and municipal and _own_money(m, own_budget):
        m.source = FundingSource.MUNICIPALITY
    if m.source is FundingSource.MUNICIPALITY and not municipal:
        m.source = FundingSource.OTHER  # a co-implementer's own money is not the city's
    if m.source is None and part_of[0] is not None:
        m.source, m.source_text = part_of
    m.share = cues.share_in(m.left, m.right) if cues.is_financing(clause) else None
    if m.share is None and m.role in (FundingRole.GRANT, FundingRole.SELF_FINANCING):
        m.share = cues.bracket_share(m.sentence.text[m.money.end :])
    whole = m.previous
    if m.money.per_year and whole is not None and cues.role_of(m.left, "") is None:
        # "… omarahoitusosuus on 20 % eli 249 720 euroa, keskimäärin 83 240 euroa vuodessa":
        # the same money by the year.
        if m.source is None:
            m.source, m.source_text = whole.source, whole.source_text
        m.share = m.share if m.share is not None else whole.share
    if m.share is None and m.role in (FundingRole.GRANT, FundingRole.SELF_FINANCING):
        m.share = _share_elsewhere(m, sentences)


def _part_of(m: _Mention) -> tuple[FundingSource | None, str | None]:
    """The amount this one is a part of, for a year or a partner: `480 000 euroa, josta 130 t€
    kohdistuu vuodelle 2026`, `självfinansieringen fördelas så att 21 000 euro … för år 2025`.
    A part for a year of the whole is that year's money (annual); any other part takes the
    whole's kind of money when its clause names none."""
    whole = m.previous
    subject = m.sentence.text[: m.money.start]
    financing = cues.role_of(subject, "") in (FundingRole.SELF_FINANCING, FundingRole.GRANT)
    part = bool(_PART.match(m.left)) and whole is not None and whole.parent is None
    target = cues.target_period(f"{m.left} {m.right}")
    one_year = target is not None and target[0].year == target[1].year
    if one_year and (part or financing):
        m.money, m.role = replace(m.money, per_year=True), FundingRole.ANNUAL
        if whole is None or not part:
            return cues.source_of(subject, None)
        return whole.source, whole.source_text
    spent = _SPENT.search(m.left) or _SPENT.search(m.right)
    unnamed = cues.role_of(m.left, m.right) is None
    # A part of a total cost is a line of its breakdown (other); a part of a grant or of
    # the own financing is that kind of money.
    if part and whole is not None and unnamed and not spent:
        m.role = FundingRole.OTHER if whole.role is FundingRole.TOTAL_COST else whole.role
        return whole.source, whole.source_text
    return None, None


_PART = re.compile(r"\W*(?:josta|joista|mistä|varav)\b", re.IGNORECASE)
# What has been spent of an appropriation is not a part of its kind of money.
_SPENT = re.compile(r"toteutu|käytet|kulunut|använ|förbruk|utfall", re.IGNORECASE)


def _own_money(m: _Mention, own_budget: bool) -> bool:
    """The municipality's own money: an amount its budget covers or reserves (`katetaan
    talousarviosta`, `varataan talousarvioon`, what has been spent of an appropriation), or
    a grant that its own body awards (`Kaupunginhallitus myöntää … avustuksen`)."""
    if not own_budget:
        return False
    text = m.sentence.text
    if m.role is FundingRole.GRANT:
        return bool(cues.BODY.search(text) and _AWARD.search(text))
    spent = m.role is FundingRole.OTHER and _SPENT.search(f"{m.left} {m.right}")
    kinds = (FundingRole.BUDGET, FundingRole.ANNUAL, FundingRole.TOTAL_COST)
    return bool(_OWN_BUDGET.search(text)) and (m.role in kinds or bool(spent))


_OWN_BUDGET = re.compile(r"talousarvi|määrära|\bbudget|anslag", re.IGNORECASE)
_AWARD = re.compile(r"myöntä|myönsi|bevilja", re.IGNORECASE)


def _role(m: _Mention) -> FundingRole:
    if m.money.per_year:
        return FundingRole.ANNUAL
    role = cues.role_of(m.left, m.right)
    if role is not None:
        return role
    if m.project and m.project.endswith("-ohjelma"):
        return FundingRole.BUDGET  # a programme's money, with no other word for it
    return FundingRole.OTHER


def _period(m: _Mention, sentences: list[_Sentence]) -> cues.Period | None:
    """The clause's period, else the sentence's, else (minutes) the item's project period."""
    text = m.sentence.text
    found = (
        cues.target_period(f"{m.left} {m.right}")
        or cues.period_in(m.left, last=True)
        or cues.period_in(m.right)
        or cues.period_in(text[: m.money.start], last=True)
        or cues.period_in(_until_part(text[m.money.end :]))
    )
    spent = _SPENT.search(f"{m.left} {m.right}")
    spent_by = cues.spent_by(text) if spent else None
    if spent_by is not None:
        year = found[0].year if found else spent_by.year
        return dt.date(year, 1, 1), spent_by  # spent from the start of the budget year
    if found:
        return found
    if m.role is FundingRole.BUDGET:
        return _budget_year(m.sentence, sentences)
    return _scope_period(m.sentence, sentences)


def _until_part(after: str) -> str:
    """The rest of a sentence up to a part of the amount (`…, josta 130 t€ vuodelle 2026`):
    the part's year is not the whole's."""
    hit = re.search(r"\b(?:josta|joista|varav)\b", after, re.IGNORECASE)
    return after[: hit.start()] if hit else after


def _budget_year(here: _Sentence, sentences: list[_Sentence]) -> cues.Period | None:
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
        if year := cues.budget_year(sentence.text):
            return year
    return None


def _project(here: _Sentence, at: int, sentences: list[_Sentence]) -> str | None:
    """The project named in the sentence (nearest to `at`), else the last one named before it."""
    if here.projects:
        return min(here.projects, key=lambda p: abs(p[0] - at))[1]
    # Minutes: anywhere earlier in the § item; elsewhere: the two sentences before.
    reach = 0 if here.decision is not None else here.n - 2
    for sentence in reversed(sentences[max(0, reach) : here.n]):
        if sentence.scope == here.scope and sentence.projects:
            return sentence.projects[-1][1]
    return None


def _grantor(m: _Mention, sentences: list[_Sentence]) -> tuple[FundingSource | None, str | None]:
    """A grant's fund named elsewhere in its sentence or in the sentence before it:
    "… haki Euroopan maaseuturahastosta tukea. Myönnetyn tuen määrä on 5.200 euroa." """
    here = m.sentence
    before = sentences[here.n - 1] if here.n else None
    texts = [here.text]
    if before is not None and before.scope == here.scope:
        texts.append(before.text)
    for text in texts:
        found = cues.named_source(text)
        if found[0] is not None:
            return found
    return None, None


def _share_elsewhere(m: _Mention, sentences: list[_Sentence]) -> float | None:
    """A share printed for this kind of money elsewhere in the item or page, nearest first."""
    best: tuple[int, float] | None = None
    for sentence in sentences:
        if sentence.scope != m.sentence.scope:
            continue
        for _, role, source, percent in sentence.shares:
            fits = role is FundingRole.SELF_FINANCING or source in (None, m.source)
            distance = abs(sentence.n - m.sentence.n)
            if role is m.role and fits and (best is None or distance < best[0]):
                best = (distance, percent)
    return best[1] if best else None


def _printed_as(name: str | None, printed: str) -> str | None:
    """A name as the document prints it elsewhere: `Savonia ammattikorkeakoulu` is printed
    `Savonia-ammattikorkeakoulu` in its nominative."""
    if not name or " " not in name:
        return name
    joined = re.escape(name).replace(r"\ ", "[-‐]")
    hit = re.search(rf"\b{joined}\b", printed, re.IGNORECASE)
    return hit.group(0) if hit else name


@lru_cache(maxsize=1)
def _municipality_names() -> frozenset[str]:
    return frozenset(n.lower() for m in municipalities() for n in (m.name_fi, m.name_sv))


def _unique(mentions: list[_Mention]) -> list[_Mention]:
    """One record per amount of one thing; a later mention fills in what the first one lacks."""
    kept: list[_Mention] = []
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


def _same_thing(a: _Mention, b: _Mention) -> bool:
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


def _cost_and_appropriation(a: _Mention, b: _Mention) -> bool:
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


def _quoted_again(a: _Mention, b: _Mention) -> bool:
    """A sentence of an earlier item printed again in a later one (a motion quoted in its
    reply, a history of decisions): the same amount in it is the same thing."""
    if a.money.text != b.money.text or a.role is not b.role or a.table or b.table:
        return False
    words_a, words_b = _words(a.sentence.text), _words(b.sentence.text)
    return len(words_a & words_b) >= _QUOTED_WORDS * min(len(words_a), len(words_b))


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


def _budget_line(m: _Mention, kept: list[_Mention]) -> BudgetLine:
    parent = m.parent if m.parent in kept else None
    years = None
    if m.period is not None and _whole_years(m.period):
        years = m.period[1].year - m.period[0].year + 1
    return BudgetLine(
        group=(m.sentence.scope, m.project) if m.project else None,
        label=f"'{m.project}'" if m.project else "the budget",
        page=m.sentence.page,
        amount=m.money.amount,
        precision=m.money.precision,
        role=m.role,
        recipient=m.recipient,
        share_percent=m.share,
        years=years,
        per_year=m.money.per_year,
        parent=kept.index(parent) if parent is not None else None,
    )


def _whole_years(period: cues.Period) -> bool:
    return (period[0].month, period[0].day, period[1].month, period[1].day) == (1, 1, 12, 31)


def _shares(sentences: list[_Sentence]) -> Iterator[Share]:
    """Shares printed without an amount, grouped with the project their item or page names."""
    for sentence in sentences:
        for _, role, source, percent in sentence.shares:
            project = _project(sentence, 0, sentences)
            label = f"'{project}'" if project else "the budget"
            yield Share((sentence.scope, project), label, sentence.page, role, source, percent)


def _quote(m: _Mention) -> str:
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
