"""Tidy comparison tables for spreadsheet users: one CSV per view, one observation per row.

Numbers are plain (a dot for decimals, no grouping) so that Excel, pandas and R read them as
numbers; labels are in the report language beside the stable vocabulary values.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipeline.compare import labels as lb
from pipeline.compare.labels import Lang
from pipeline.compare.model import CATEGORIES, Comparison, Municipality
from pipeline.outputs.export import atomic_write_text, csv_text
from schemas.vocab import Outcome

Table = tuple[list[str], list[dict[str, str]]]
_MUNI = ["municipality_code", "municipality"]


def _m(m: Municipality) -> dict[str, str]:
    return {"municipality_code": m.code, "municipality": m.name}


def _num(value: float | None, decimals: int = 1) -> str:
    return "" if value is None else f"{value:.{decimals}f}"


def documents(c: Comparison, lang: Lang) -> Table:
    """One row per document: period, theme and action counts, state-funded share."""
    columns = [
        *_MUNI,
        "document_id",
        "source_path",
        "doc_type",
        "title",
        "period_start",
        "period_end",
        "themes",
        "actions",
        "state_funded",
        "state_funded_known",
        "state_funded_share_percent",
    ]
    rows = []
    for s in c.documents:
        d = s.document
        rows.append(
            {
                **_m(s.municipality),
                "document_id": d.document_id,
                "source_path": d.source_path,
                "doc_type": d.doc_type.value,
                "title": d.title or "",
                "period_start": str(d.period_start or ""),
                "period_end": str(d.period_end or ""),
                "themes": str(s.themes),
                "actions": str(s.actions),
                "state_funded": str(s.state_funded),
                "state_funded_known": str(s.state_funded_known),
                "state_funded_share_percent": _num(s.state_funded_share),
            }
        )
    return columns, rows


def category_matrix(c: Comparison, lang: Lang) -> Table:
    """Every category × municipality pair (zeros included), with theme and action counts."""
    columns = ["category", "category_label", *_MUNI, "themes", "actions"]
    rows = []
    for cat in CATEGORIES:
        cells = [(m, c.cell(cat, m)) for m in c.municipalities]
        if not cat and not any(cell.themes or cell.actions for _, cell in cells):
            continue
        for m, cell in cells:
            rows.append(
                {
                    "category": cat,
                    "category_label": lb.category(cat, lang),
                    **_m(m),
                    "themes": str(len(cell.themes)),
                    "actions": str(len(cell.actions)),
                }
            )
    return columns, rows


def actions_by_year(c: Comparison, lang: Lang) -> Table:
    """Actions per document and year (an action counts in each of its years)."""
    columns = [*_MUNI, "document_id", "year", "actions"]
    rows = [
        {
            **_m(s.municipality),
            "document_id": s.document.document_id,
            "year": str(y),
            "actions": str(n),
        }
        for s in c.documents
        for y, n in sorted(s.by_year.items())
    ]
    return columns, rows


def status(c: Comparison, lang: Lang) -> Table:
    """Actions per document and status ('' when the document states none)."""
    columns = [*_MUNI, "document_id", "status", "status_label", "actions"]
    rows = [
        {
            **_m(s.municipality),
            "document_id": s.document.document_id,
            "status": key,
            "status_label": lb.vocab("status", key, lang),
            "actions": str(n),
        }
        for s in c.documents
        for key, n in sorted(s.by_status.items(), key=lambda kv: (not kv[0], kv[0]))
    ]
    return columns, rows


def funding_by_source(c: Comparison, lang: Lang) -> Table:
    """Funding per municipality, role and source: records, euros, share of the role's total."""
    columns = [*_MUNI, "role", "source", "records", "amount_eur", "share_of_role_percent"]
    rows = [
        {
            **_m(g.municipality),
            "role": g.role,
            "source": g.source,
            "records": str(g.records),
            "amount_eur": _num(g.amount_eur, 2),
            "share_of_role_percent": _num(g.share_of_role),
        }
        for g in c.funding
    ]
    return columns, rows


def budget_breakdowns(c: Comparison, lang: Lang) -> Table:
    """Each project's total cost and its parts, with each part's share of the total."""
    columns = [
        *_MUNI,
        "document_id",
        "project",
        "funding_id",
        "role",
        "source",
        "recipient",
        "amount_eur",
        "total_eur",
        "share_of_total_percent",
        "share_percent_stated",
        "page",
    ]
    rows = []
    for b in c.breakdowns:
        lines = [(b.total, 100.0), *((p.funding, p.share_of_total) for p in b.parts)]
        for f, share in lines:
            rows.append(
                {
                    **_m(b.municipality),
                    "document_id": b.document_id,
                    "project": b.project,
                    "funding_id": f.funding_id,
                    "role": f.role.value,
                    "source": f.source.value if f.source else "",
                    "recipient": f.recipient or "",
                    "amount_eur": _num(f.amount_eur, 2),
                    "total_eur": _num(b.total.amount_eur, 2),
                    "share_of_total_percent": _num(share),
                    "share_percent_stated": _num(f.share_percent),
                    "page": str(f.page or ""),
                }
            )
    return columns, rows


def funding_warnings(c: Comparison, lang: Lang) -> Table:
    """The budget-breakdown warnings of each document."""
    columns = [*_MUNI, "document_id", "warning"]
    rows = [
        {**_m(s.municipality), "document_id": s.document.document_id, "warning": w}
        for s in c.documents
        for w in s.warnings
    ]
    return columns, rows


def decisions_by_body(c: Comparison, lang: Lang) -> Table:
    """Decisions per municipality, body and year: outcome counts, unanimity, votes."""
    outcomes = [o.value for o in Outcome]
    columns = [
        *_MUNI,
        "body",
        "year",
        "decisions",
        *outcomes,
        "no_outcome",
        "unanimous",
        "unanimous_known",
        "unanimity_share_percent",
        "voted",
        "votes_for",
        "votes_against",
        "votes_blank",
        "votes_absent",
    ]
    rows = []
    for g in c.decisions:
        row = {**_m(g.municipality), "body": g.body, "year": str(g.year or "")}
        row["decisions"] = str(g.decisions)
        row.update({o: str(g.outcomes[o]) for o in outcomes})
        row["no_outcome"] = str(g.outcomes[""])
        row["unanimous"] = str(g.unanimous)
        row["unanimous_known"] = str(g.unanimous_known)
        row["unanimity_share_percent"] = _num(g.unanimity_share)
        row["voted"] = str(g.voted)
        row["votes_for"] = str(g.votes_for)
        row["votes_against"] = str(g.votes_against)
        row["votes_blank"] = str(g.votes_blank)
        row["votes_absent"] = str(g.votes_absent)
        rows.append(row)
    return columns, rows


TABLES: dict[str, Callable[[Comparison, Lang], Table]] = {
    "documents": documents,
    "category_matrix": category_matrix,
    "actions_by_year": actions_by_year,
    "status": status,
    "funding_by_source": funding_by_source,
    "budget_breakdowns": budget_breakdowns,
    "funding_warnings": funding_warnings,
    "decisions_by_body": decisions_by_body,
}
"""The comparison tables, by file stem, in the order they are written."""


def write_tables(c: Comparison, folder: Path, lang: Lang) -> list[Path]:
    """Write every comparison table as `<folder>/<name>.csv` (atomically); returns the paths."""
    paths = []
    for name, table in TABLES.items():
        columns, rows = table(c, lang)
        path = folder / f"{name}.csv"
        atomic_write_text(path, csv_text(columns, rows))
        paths.append(path)
    return paths
