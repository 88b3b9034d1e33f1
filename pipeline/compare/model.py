"""The comparison itself: a run's records counted per municipality, document, category and body.

`build(tables)` turns the typed records of a run into a `Comparison` — plain numbers with the
records behind them — that the HTML, Markdown and CSV writers only render. Everything is sorted
here, so every output is deterministic for the same run.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from pipeline.compare.load import RunTables
from schemas.records import Action, Decision, Document, Funding
from schemas.vocab import Category, FundingRole, FundingSource, Outcome, Status

CATEGORIES: tuple[str, ...] = (*(c.value for c in Category), "")
"""Matrix rows: the shared categories in their documented order, then '' (uncategorised)."""
STATUSES: tuple[str, ...] = (*(s.value for s in Status), "")
OUTCOMES: tuple[str, ...] = (*(o.value for o in Outcome), "")
SOURCES: tuple[str, ...] = (*(s.value for s in FundingSource), "")
"""Display orders of the vocabularies, '' (not stated) last."""

# Document warnings are free text. The funding extractor's budget-breakdown check prefixes its
# warnings with "funding:"; the words catch warnings about sums written by other tools.
BUDGET_WARNING = re.compile(
    r"^funding:|budget|breakdown|\bsums?\b|\btotals?\b|\bshares?\b|yhteensä|summa|kustannusjako",
    re.IGNORECASE,
)
_ID_NUMBER = re.compile(r"^(.*?)(\d+)$")


@dataclass(frozen=True, slots=True)
class Municipality:
    """A municipality of the run; code and name are '' when the document was not matched."""

    code: str
    name: str

    @property
    def key(self) -> str:
        """A stable identifier, safe in HTML anchors: the code, else the name in ASCII."""
        if self.code:
            return self.code
        slug = re.sub(r"[^a-z0-9]+", "-", self.name.casefold().encode("ascii", "ignore").decode())
        return slug.strip("-") or "unknown"

    def sort_key(self) -> tuple[bool, str, str]:
        """Alphabetical by name; an unmatched municipality last."""
        return (not self.name, self.name.casefold(), self.code)


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """A theme or action behind a matrix cell, with what a reader needs to check it."""

    kind: str  # "theme" or "action"
    record_id: str
    document_id: str
    text: str
    page: int | None
    quote: str
    inherited: bool = False  # the category came from the action's theme


@dataclass(slots=True)
class Cell:
    """One category × municipality cell of the matrix."""

    themes: list[SourceRecord] = field(default_factory=list)
    actions: list[SourceRecord] = field(default_factory=list)


@dataclass(slots=True)
class DocumentSummary:
    """One row of the overview: a document with its themes and actions counted."""

    municipality: Municipality
    document: Document
    themes: int = 0
    actions: int = 0
    by_category: Counter[str] = field(default_factory=Counter)
    by_year: Counter[int] = field(default_factory=Counter)
    by_status: Counter[str] = field(default_factory=Counter)
    state_funded: int = 0
    state_funded_known: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def state_funded_share(self) -> float | None:
        """Percent of actions marked state-funded, over those whose funding is stated."""
        if not self.state_funded_known:
            return None
        return 100.0 * self.state_funded / self.state_funded_known


@dataclass(frozen=True, slots=True)
class FundingGroup:
    """The funding of one municipality with one role from one source."""

    municipality: Municipality
    role: str
    source: str  # '' when the document names no source
    records: int
    amount_eur: float
    share_of_role: float | None  # percent of the municipality's total for this role


@dataclass(frozen=True, slots=True)
class BreakdownLine:
    """A part of a project's budget and its share of the project's total cost."""

    funding: Funding
    share_of_total: float | None


@dataclass(frozen=True, slots=True)
class Breakdown:
    """A project's total cost and the amounts given as its parts."""

    municipality: Municipality
    document_id: str
    project: str
    total: Funding
    parts: tuple[BreakdownLine, ...]


@dataclass(slots=True)
class DecisionGroup:
    """The decisions of one body of one municipality in one year."""

    municipality: Municipality
    body: str
    year: int | None
    decisions: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    unanimous: int = 0
    unanimous_known: int = 0
    voted: int = 0
    votes_for: int = 0
    votes_against: int = 0
    votes_blank: int = 0
    votes_absent: int = 0

    @property
    def unanimity_share(self) -> float | None:
        """Percent of unanimous decisions, over those whose unanimity is known."""
        if not self.unanimous_known:
            return None
        return 100.0 * self.unanimous / self.unanimous_known


@dataclass(slots=True)
class Comparison:
    """Everything the report shows, counted and sorted."""

    municipalities: list[Municipality]
    documents: list[DocumentSummary]
    matrix: dict[tuple[str, str], Cell]
    funding: list[FundingGroup]
    breakdowns: list[Breakdown]
    decisions: list[DecisionGroup]
    counts: dict[str, int]
    problems: list[str]
    _by_id: dict[str, DocumentSummary] = field(default_factory=dict, repr=False)
    # safe_name(document_id) → its page in the review site (`poimija review`), where one is written.
    review_pages: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_id = {d.document.document_id: d for d in self.documents}

    def document(self, document_id: str) -> DocumentSummary | None:
        """The overview row of a document, if the run has it."""
        return self._by_id.get(document_id)

    def cell(self, category: str, municipality: Municipality) -> Cell:
        """A matrix cell (empty when nothing landed there)."""
        return self.matrix.get((category, municipality.key), Cell())


def municipality_of(document: Document | None) -> Municipality:
    """The municipality a document was matched to ('' fields when it was not)."""
    if document is None:
        return Municipality("", "")
    return Municipality(document.municipality_code or "", document.municipality or "")


def action_years(action: Action) -> list[int]:
    """The years an action is counted in: its marked years, else start to end year."""
    if action.years:
        return sorted(set(action.years))
    start, end = action.start_year, action.end_year
    if start is not None and end is not None and 0 <= end - start <= 50:
        return list(range(start, end + 1))
    return [y for y in (start, end) if y is not None][:1]


def budget_warnings(document: Document) -> list[str]:
    """The warnings of a document that concern sums or budget breakdowns."""
    return [w for w in document.warnings if BUDGET_WARNING.search(w)]


def build(tables: RunTables) -> Comparison:
    """Count a run's records for the comparison report."""
    docs = {d.document_id: d for d in tables.documents}
    summaries = {
        d.document_id: DocumentSummary(municipality_of(d), d, warnings=budget_warnings(d))
        for d in tables.documents
    }
    theme_category = {t.theme_id: t.category for t in tables.themes}
    matrix: dict[tuple[str, str], Cell] = {}

    for theme in sorted(tables.themes, key=lambda t: _id_key(t.theme_id)):
        muni = municipality_of(docs.get(theme.document_id))
        category = theme.category.value if theme.category else ""
        cell = matrix.setdefault((category, muni.key), Cell())
        cell.themes.append(
            SourceRecord(
                "theme", theme.theme_id, theme.document_id, theme.name, theme.page, theme.quote
            )
        )
        if theme.document_id in summaries:
            summaries[theme.document_id].themes += 1

    for action in sorted(tables.actions, key=lambda a: _id_key(a.action_id)):
        muni = municipality_of(docs.get(action.document_id))
        own = action.category
        inherited = own is None and theme_category.get(action.theme_id or "") is not None
        resolved = own or theme_category.get(action.theme_id or "")
        category = resolved.value if resolved else ""
        matrix.setdefault((category, muni.key), Cell()).actions.append(
            SourceRecord(
                "action",
                action.action_id,
                action.document_id,
                action.text,
                action.page,
                action.quote,
                inherited,
            )
        )
        summary = summaries.get(action.document_id)
        if summary is None:
            continue
        summary.actions += 1
        summary.by_category[category] += 1
        summary.by_status[action.status.value if action.status else ""] += 1
        summary.by_year.update(action_years(action))
        if action.state_funded is not None:
            summary.state_funded_known += 1
            summary.state_funded += action.state_funded

    municipalities = sorted({s.municipality for s in summaries.values()}, key=Municipality.sort_key)
    ordered = sorted(summaries.values(), key=_document_order)
    return Comparison(
        municipalities=municipalities,
        documents=ordered,
        matrix=matrix,
        funding=_funding_groups(tables.funding, docs),
        breakdowns=_breakdowns(tables.funding, docs),
        decisions=_decision_groups(tables.decisions, docs),
        counts={
            "documents": len(tables.documents),
            "themes": len(tables.themes),
            "actions": len(tables.actions),
            "funding": len(tables.funding),
            "decisions": len(tables.decisions),
        },
        problems=[*tables.problems, *_orphans(tables, docs)],
    )


def _funding_groups(funding: list[Funding], docs: dict[str, Document]) -> list[FundingGroup]:
    sums: dict[tuple[Municipality, str, str], tuple[int, float]] = {}
    for record in funding:
        key = (
            municipality_of(docs.get(record.document_id)),
            record.role.value,
            record.source.value if record.source else "",
        )
        count, amount = sums.get(key, (0, 0.0))
        sums[key] = (count + 1, amount + record.amount_eur)
    role_totals: dict[tuple[Municipality, str], float] = {}
    for (muni, role, _), (_, amount) in sums.items():
        role_totals[(muni, role)] = role_totals.get((muni, role), 0.0) + amount
    roles = [r.value for r in FundingRole]
    groups = [
        FundingGroup(
            muni,
            role,
            source,
            count,
            amount,
            100.0 * amount / role_totals[(muni, role)] if role_totals[(muni, role)] else None,
        )
        for (muni, role, source), (count, amount) in sums.items()
    ]
    # Within a role, the largest source first; a source's name breaks ties.
    return sorted(
        groups,
        key=lambda g: (g.municipality.sort_key(), roles.index(g.role), -g.amount_eur, g.source),
    )


def _breakdowns(funding: list[Funding], docs: dict[str, Document]) -> list[Breakdown]:
    projects: dict[tuple[str, str], list[Funding]] = {}
    for record in sorted(funding, key=lambda f: _id_key(f.funding_id)):
        projects.setdefault((record.document_id, record.project or ""), []).append(record)
    result = []
    for (document_id, project), records in projects.items():
        totals = [r for r in records if r.role is FundingRole.TOTAL_COST]
        if not totals:
            continue
        total = totals[0]  # a repeated total is listed as a part, where its share shows 100 %
        parts = tuple(
            BreakdownLine(r, 100.0 * r.amount_eur / total.amount_eur if total.amount_eur else None)
            for r in records
            if r is not total
        )
        result.append(
            Breakdown(municipality_of(docs.get(document_id)), document_id, project, total, parts)
        )
    return sorted(result, key=lambda b: (b.municipality.sort_key(), b.document_id, b.project))


def _decision_groups(decisions: list[Decision], docs: dict[str, Document]) -> list[DecisionGroup]:
    groups: dict[tuple[Municipality, str, int | None], DecisionGroup] = {}
    for record in decisions:
        doc = docs.get(record.document_id)
        muni = municipality_of(doc)
        date = record.meeting_date or (doc.meeting_date if doc else None)
        body = record.body or (doc.body if doc else None) or ""
        year = date.year if date else None
        group = groups.setdefault((muni, body, year), DecisionGroup(muni, body, year))
        group.decisions += 1
        group.outcomes[record.outcome.value if record.outcome else ""] += 1
        if record.unanimous is not None:
            group.unanimous_known += 1
            group.unanimous += record.unanimous
        counts = (record.votes_for, record.votes_against, record.votes_blank, record.votes_absent)
        if any(c is not None for c in counts):
            group.voted += 1
            group.votes_for += record.votes_for or 0
            group.votes_against += record.votes_against or 0
            group.votes_blank += record.votes_blank or 0
            group.votes_absent += record.votes_absent or 0
    return sorted(
        groups.values(),
        key=lambda g: (
            g.municipality.sort_key(),
            g.body.casefold(),
            g.year is None,
            g.year or 0,
        ),
    )


def _orphans(tables: RunTables, docs: dict[str, Document]) -> list[str]:
    # A record whose document is not in documents.csv has no municipality: say so, do not hide it.
    problems = []
    for name, records in (
        ("themes", tables.themes),
        ("actions", tables.actions),
        ("funding", tables.funding),
        ("decisions", tables.decisions),
    ):
        missing = sum(1 for r in records if r.document_id not in docs)
        if missing:
            problems.append(f"{name}.csv: {missing} record(s) of documents not in documents.csv")
    return problems


def _document_order(summary: DocumentSummary) -> tuple[tuple[bool, str, str], int, str, str, str]:
    doc = summary.document
    return (
        summary.municipality.sort_key(),
        doc.period_start or (doc.meeting_date.year if doc.meeting_date else 0),
        doc.meeting_date.isoformat() if doc.meeting_date else "",
        doc.source_path,
        doc.document_id,
    )


def _id_key(record_id: str) -> tuple[str, int]:
    # "abc:action10" after "abc:action9", not before it.
    match = _ID_NUMBER.match(record_id)
    return (match.group(1), int(match.group(2))) if match else (record_id, 0)
