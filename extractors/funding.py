"""Funding: every euro amount of a document with its role, source, share, period and recipient.

Amounts are found by `extractors.money` in the document's sentences and, through the document
tree, in the cells of tables that budget a project (`extractors.funding_tables`). Each amount
is read in its statement (no NLP model: this extractor must stay cheap): its clause
(`extractors.funding_mentions`) says what it is of and whose money it is (stem rules of
`extractors.funding_cues`); a part of a whole (`josta`, `varav`) or a yearly restatement takes
the whole's kind of money; shares printed beside it or without an amount (`ESR-rahoitusta
(80%)`) and the period stated anywhere in its § item (`extractors.funding_periods`) are
carried to it; the project comes from the sentence, else from the sentences before it
(`extractors.party_cues`). Sentences come from `extractors/sentences.py`, which leaves the rows
of figure tables out. The amounts of one project form a budget breakdown that
`extractors.breakdown` checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from extractors import funding_cues as cues
from extractors import party_cues as parties
from extractors import period_cues as periods
from extractors.breakdown import BudgetLine, Share, check
from extractors.funding_mentions import Mention, Scope, Sentence, mentions_in, quote_of, unique
from extractors.funding_periods import SPENT, period_of, scope_period
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


@register("funding", table="funding")
def extract_funding(doc: SourceDocument, context: ExtractionContext) -> Iterator[Funding]:
    """Yield one record per euro amount; a repeated mention of the same thing is one record."""
    minutes = context.document.doc_type is DocType.MINUTES
    items = _item_of_line(doc, context) if minutes else {}
    sentences = [s for page in doc.pages for s in _sentences(page, items)]
    for n, sentence in enumerate(sentences):
        sentence.n = n
        sentence.projects = parties.projects_in(sentence.text)
        sentence.shares = cues.shares_in(sentence.text)
    mentions = [m for s in sentences for m in mentions_in(s)]
    printed = " ".join(s.text for s in sentences)
    own_budget = context.document.municipality_code is not None
    for mention in mentions:
        _read(mention, sentences, printed, own_budget)
    if context.tree is not None:
        cells = _table_mentions(context.tree, items, sentences, mentions)
        mentions = sorted([*mentions, *cells], key=lambda m: m.sentence.n)
    kept = unique(mentions)
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
            quote=quote_of(m),
            bbox=m.table.bbox if m.table else None,
        )


def _item_of_line(doc: SourceDocument, context: ExtractionContext) -> dict[int, int]:
    """id(line) → the 1-based number of its § item (the decisions extractor's numbering):
    the items of the tree, or read from the lines the same way when there is no tree."""
    tree = context.tree
    if tree is not None and tree.minutes:
        items = tree.items
    else:
        items, _ = split_items(doc, context.document.meeting_date)
    return {id(pl.line): n for n, it in enumerate(items, 1) for pl in (it.heading, *it.lines)}


def _sentences(page: Page, items: dict[int, int]) -> Iterator[Sentence]:
    """The page's running text as sentences, each in its § item (minutes) or page."""
    for found in page_sentences(page):
        item = items.get(id(found.first_line))
        scope: Scope = ("item", item) if item else ("page", page.number)
        yield Sentence(
            page.number, found.text, found.start, scope, item, first_top=found.first_line.top
        )


def _table_mentions(
    tree: DocumentTree, items: dict[int, int], sentences: list[Sentence], prose: list[Mention]
) -> list[Mention]:
    """Mentions for the cells of budget tables, placed after the sentence printed before them.

    A cell in a change column (`Muutos`, `+350 000`) that running text of its item already
    states is that statement again, not a new amount."""
    tables = [node for node in tree.root.walk() if isinstance(node, TableBlock)]
    out: list[Mention] = []
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
            sentence = Sentence(cell.page, cell.quote, 0, scope, item, n)
            start = max(0, cell.quote.find(cell.text))
            money = Money(
                amount=cell.amount,
                text=cell.text,
                start=start,
                end=start + len(cell.text),
                per_year=cell.per_year,
                precision=cell.precision,
            )
            mention = Mention(money, sentence, "", "", table=cell, role=cell.role)
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
                mention.period = scope_period(sentence, sentences)
            out.append(mention)
    return out


def _position(cell: TableAmount, table: TableBlock, sentences: list[Sentence]) -> int:
    """The number of the last sentence printed before the table (-1: none)."""
    where = (cell.page, table.bbox[1])
    before = [s.n for s in sentences if (s.page, s.first_top) < where]
    return max(before, default=-1)


def _read(m: Mention, sentences: list[Sentence], printed: str, own_budget: bool) -> None:
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
    m.period = period_of(m, sentences)
    m.recipient = _printed_as(parties.recipient_in(m.left, m.right, m.role), printed)
    m.source, m.source_text = cues.source_of(clause, m.project)
    if m.source is None and m.role is FundingRole.GRANT:
        m.source, m.source_text = _grantor(m, sentences)
    municipal = parties.is_municipal(m.recipient, _municipality_names())
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


def _part_of(m: Mention) -> tuple[FundingSource | None, str | None]:
    """The amount this one is a part of, for a year or a partner: `480 000 euroa, josta 130 t€
    kohdistuu vuodelle 2026`, `självfinansieringen fördelas så att 21 000 euro … för år 2025`.
    A part for a year of the whole is that year's money (annual); any other part takes the
    whole's kind of money when its clause names none."""
    whole = m.previous
    subject = m.sentence.text[: m.money.start]
    financing = cues.role_of(subject, "") in (FundingRole.SELF_FINANCING, FundingRole.GRANT)
    part = bool(_PART.match(m.left)) and whole is not None and whole.parent is None
    target = periods.target_period(f"{m.left} {m.right}")
    one_year = target is not None and target[0].year == target[1].year
    if one_year and (part or financing):
        m.money, m.role = replace(m.money, per_year=True), FundingRole.ANNUAL
        if whole is None or not part:
            return cues.source_of(subject, None)
        return whole.source, whole.source_text
    spent = SPENT.search(m.left) or SPENT.search(m.right)
    unnamed = cues.role_of(m.left, m.right) is None
    # A part of a total cost is a line of its breakdown (other); a part of a grant or of
    # the own financing is that kind of money.
    if part and whole is not None and unnamed and not spent:
        m.role = FundingRole.OTHER if whole.role is FundingRole.TOTAL_COST else whole.role
        return whole.source, whole.source_text
    return None, None


_PART = re.compile(r"\W*(?:josta|joista|mistä|varav)\b", re.IGNORECASE)


def _own_money(m: Mention, own_budget: bool) -> bool:
    """The municipality's own money: an amount its budget covers or reserves (`katetaan
    talousarviosta`, `varataan talousarvioon`, what has been spent of an appropriation), or
    a grant that its own body awards (`Kaupunginhallitus myöntää … avustuksen`)."""
    if not own_budget:
        return False
    text = m.sentence.text
    if m.role is FundingRole.GRANT:
        return bool(parties.BODY.search(text) and _AWARD.search(text))
    spent = m.role is FundingRole.OTHER and SPENT.search(f"{m.left} {m.right}")
    kinds = (FundingRole.BUDGET, FundingRole.ANNUAL, FundingRole.TOTAL_COST)
    return bool(_OWN_BUDGET.search(text)) and (m.role in kinds or bool(spent))


_OWN_BUDGET = re.compile(r"talousarvi|määrära|\bbudget|anslag", re.IGNORECASE)
_AWARD = re.compile(r"myöntä|myönsi|bevilja", re.IGNORECASE)


def _role(m: Mention) -> FundingRole:
    if m.money.per_year:
        return FundingRole.ANNUAL
    role = cues.role_of(m.left, m.right)
    if role is not None:
        return role
    if m.project and m.project.endswith("-ohjelma"):
        return FundingRole.BUDGET  # a programme's money, with no other word for it
    return FundingRole.OTHER


def _project(here: Sentence, at: int, sentences: list[Sentence]) -> str | None:
    """The project named in the sentence (nearest to `at`), else the last one named before it."""
    if here.projects:
        return min(here.projects, key=lambda p: abs(p[0] - at))[1]
    # Minutes: anywhere earlier in the § item; elsewhere: the two sentences before.
    reach = 0 if here.decision is not None else here.n - 2
    for sentence in reversed(sentences[max(0, reach) : here.n]):
        if sentence.scope == here.scope and sentence.projects:
            return sentence.projects[-1][1]
    return None


def _grantor(m: Mention, sentences: list[Sentence]) -> tuple[FundingSource | None, str | None]:
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


def _share_elsewhere(m: Mention, sentences: list[Sentence]) -> float | None:
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


def _budget_line(m: Mention, kept: list[Mention]) -> BudgetLine:
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


def _whole_years(period: periods.Period) -> bool:
    return (period[0].month, period[0].day, period[1].month, period[1].day) == (1, 1, 12, 31)


def _shares(sentences: list[Sentence]) -> Iterator[Share]:
    """Shares printed without an amount, grouped with the project their item or page names."""
    for sentence in sentences:
        for _, role, source, percent in sentence.shares:
            project = _project(sentence, 0, sentences)
            label = f"'{project}'" if project else "the budget"
            yield Share((sentence.scope, project), label, sentence.page, role, source, percent)
