"""Funding in tables that budget a project or programme: one amount per cell, with its row's label.

A table budgets something when it is small (a few rows of figures) and says it is about money:
a header or a label with a money word (`Kustannusarvio`, `Rahoitus`, `euro`, `Kostnadsslag`,
`Statsunderstöd`), or figures printed with `€`. Tables that report on a budget rather than set
one — the actuals and variances of financial statements and budget follow-ups (`Toteutuma`,
`Poikkeama`, `Käytetty`, `Utfall`, `TP 2024`) — and large tables (more rows or figures than a
project budget has) are left out: they hold hundreds of figures, none of them a funding decision.

Columns are known by their header words: a year (`2026`) gives its cells that year; `Yhteensä`
/ `Totalt` is a row total; `Vuodet` / `År` / `Aikataulu` gives the row its period; `Rahoitus` /
`Rahoittaja` / `Finansiering` gives the row its source. A row's label says what its amounts are
(`Statsunderstöd (70 %)` is a grant of 70 %, `Yhteensä` a total); under a project column
(`Hanke`, `Projekt`) each row is a project and its amount the project's cost.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extractors import funding_cues as cues
from extractors import period_cues as periods
from extractors.money import find_money
from extractors.table_cells import (
    Column,
    Figure,
    Fragment,
    column_of,
    figures,
    fragments,
    header_of,
    row_figures,
    value,
)
from schemas.source import Line
from schemas.tree import Box, TableBlock, union
from schemas.vocab import FundingRole, FundingSource

MAX_ROWS = 16  # a project's budget has a few cost lines or years; a statement has dozens
MAX_FIGURES = 40
_CELL_WORDS = 8  # a figure's cell has a few words at most (a label, a source, a unit)

_I = re.IGNORECASE
_MONEY_WORDS = re.compile(
    r"€|\beur|kustannu|kulu|rahoitu|budjet|talousarvi|määrära|avustu|hinta|hinnat|menot"
    r"|kostnad|finansier|anslag|budget|pris|understöd|bidrag|självfinans|omarahoitu",
    _I,
)
# A table that reports what was spent against a budget: a statement, not a budget.
_REPORT = re.compile(
    r"toteutu|poikkeam|käytetty|käyttämättä|tilinpäätö|\btp\s?\d|\bta\s?\d|utfall|avvikelse"
    r"|bokslut|förbrukat|tuloslaskelm|resultaträkning|\btase\b|balansräkning|rahoituslaskelm"
    r"|finansieringsanalys|vuosikate|årsbidrag",
    _I,
)
# A figure per resident, pupil or unit is a key figure, not an amount of money.
_PER_UNIT = re.compile(r"€\s?/\s?(?!v\b|vuo|år)[a-zåäö]|/\s?1[ .]?000\b|\bper\s+(?!år)[a-zåäö]", _I)
MAX_FIGURE_TABLES = 6
"""A document with more tables of figures than this is a statement or a budget book."""
_YEAR = re.compile(r"(?:19|20)\d{2}")
_TOTAL = re.compile(r"yhteensä|\byht\b|kaikkiaan|sammanlagt|\btotalt?\b|\bsumma\b", _I)
_PERIOD_HEAD = re.compile(
    r"vuodet|vuosi|aikataulu|ajankohta|toteutusaika|\bår\b|tidtabell|period", _I
)
_SOURCE_HEAD = re.compile(r"rahoitu|rahoittaja|finansier|finansiär|\bkälla", _I)
_PROJECT_HEAD = re.compile(
    r"hanke|projekt|toimenpide|kärkihanke|åtgärd|investointi|investering|kohde|objekt", _I
)
_COST_HEAD = re.compile(r"kustannuslaji|kululaji|kostnadsslag|kostnadsart|menolaji", _I)
_NOT_MONEY_HEAD = re.compile(r"pistee|poäng|\bkpl\b|\blkm\b|\bst\b|antal|määrä\b|%|htv", _I)
_CHANGE_HEAD = re.compile(r"muutos|lisäys|vähennys|förändring|ändring|ökning|minskning", _I)
_SCALE_HEAD = re.compile(r"\b(?:1\s?000|t|k|tuhatta)\s?(?:€|eur\w*)|\bt€|\bk€", _I)
_PER_YEAR = re.compile(r"/\s?(?:v|vuosi|år)\b|vuodessa|vuosittain|per år|årlig", _I)
_INCOME = re.compile(r"laina|tulot|tuotot|intäkt|\blån", _I)
_SHARE_ROLES = (FundingRole.GRANT, FundingRole.SELF_FINANCING)


@dataclass(frozen=True, slots=True)
class TableAmount:
    """One amount of a budget table and what its row and column say about it."""

    amount: float
    text: str  # the cell's figure as printed
    per_year: bool
    precision: float
    role: FundingRole
    source: FundingSource | None
    source_text: str | None
    share: float | None
    period: periods.Period | None
    label: str  # the row's label: a cost line, a financier, a project
    names_project: bool  # the label column lists projects
    page: int
    quote: str  # the row read across
    bbox: Box
    lines: list[Line]
    change: bool = False  # a change to a budget line, which running text usually states too


@dataclass(frozen=True, slots=True)
class _Layout:
    """What the header says about every row of a table."""

    columns: list[Column]
    scale: float  # 1000 under a `1000 €` / `t€` header
    years: list[int]  # the year columns
    year: int | None  # the one year the header names (`Talousarvio 2025`)
    per_year: bool  # the header prices by the year (`Hinta €/vuosi`)
    projects: bool  # the first column lists projects
    cost_lines: bool  # the first column lists kinds of cost


def budget_tables(tables: list[TableBlock]) -> list[tuple[TableBlock, list[TableAmount]]]:
    """The amounts of every budget table, in document order. A table printed without a header
    after one with a header, at the same left edge, continues it (a page break)."""
    out: list[tuple[TableBlock, list[TableAmount]]] = []
    last: list[Column] = []
    figured = [t for t in tables if _figure_count(t) >= 5]
    if len(figured) > MAX_FIGURE_TABLES:
        return []  # a financial statement or budget book: its figures are not funding
    for table in tables:
        columns = header_of(table)
        if columns:
            last = columns
        elif last and abs(table.bbox[0] - min(c.x0 for c in last)) < 12:
            columns = last
        found = table_amounts(table, columns)
        if found:
            out.append((table, found))
    return out


def _figure_count(table: TableBlock) -> int:
    return sum(len(figures(c.text)) for row in table.rows for c in row.cells if c is not None)


def table_amounts(table: TableBlock, columns: list[Column] | None = None) -> list[TableAmount]:
    """The amounts of a table that budgets a project, or none when the table does not."""
    columns = header_of(table) if columns is None else columns
    rows = [(row.page, f) for row in table.rows if not row.group and (f := fragments(row.cells))]
    head = " ".join(c.text for c in columns)
    labels = " ".join(r[0].text for _, r in rows)
    cells = " ".join(f.text for _, r in rows for f in r)
    count = sum(len(figures(f.text)) for _, r in rows for f in r)
    if not rows or len(rows) > MAX_ROWS or not 0 < count <= MAX_FIGURES:
        return []
    if _REPORT.search(head) or _REPORT.search(labels):
        return []
    if not (_MONEY_WORDS.search(head) or _MONEY_WORDS.search(labels) or "€" in cells):
        return []
    years = sorted({int(c.text) for c in columns if _YEAR.fullmatch(c.text)})
    named = set(_YEAR.findall(head))
    layout = _Layout(
        columns=columns,
        scale=1000.0 if _SCALE_HEAD.search(head) else 1.0,
        years=years,
        year=int(named.pop()) if len(named) == 1 else None,
        per_year=bool(_PER_YEAR.search(head)),
        projects=bool(columns and _PROJECT_HEAD.search(columns[0].text)),
        cost_lines=bool(_COST_HEAD.search(head)),
    )
    money_head = bool(_MONEY_WORDS.search(head))
    return [
        a
        for page, row in rows
        if _money_row(row, money_head)
        for a in _row_amounts(row, page, layout, table)
    ]


def _money_row(row: list[Fragment], money_head: bool) -> bool:
    """Whether a row's figures may be money: not key figures per unit, and under a money
    header, or labelled with a money word, or printed with `€`."""
    text = " ".join(f.text for f in row)
    if _PER_UNIT.search(text):
        return False
    return money_head or bool(_MONEY_WORDS.search(_label(row))) or "€" in text


def _row_amounts(
    row: list[Fragment], page: int, layout: _Layout, table: TableBlock
) -> list[TableAmount]:
    label = _label(row)
    found = row_figures(row, layout.columns)
    period = _row_period(row, layout.columns)
    source, source_text = _row_source(row, layout.columns, label)
    box = union([f.box for f in row])
    lines = [ln for ln in table.lines if _inside(ln, box)]
    out: list[TableAmount] = []
    for figure in found:
        text = figure.fragment.text
        if len(re.findall(r"[^\W\d_]{2,}", text)) > _CELL_WORDS:
            continue  # a cell of running text is read as prose, not as a figure
        if _NOT_MONEY_HEAD.search(figure.head) and not _MONEY_WORDS.search(figure.head):
            continue
        amount, printed, precision, per_year = _amount(figure, layout)
        if amount <= 0:
            continue
        role, year, per_year = _role(label, figure.head, layout, per_year, period)
        cell_period = year or period or _column_period(figure.head, layout)
        cell_source, cell_text = source, source_text
        if cell_source is None and cell_text is None:
            cell_source, cell_text = _single_source(text[figure.hit.end() :])
        out.append(
            TableAmount(
                amount=amount,
                text=printed,
                per_year=per_year,
                precision=precision,
                role=role,
                source=cell_source,
                source_text=cell_text,
                share=cues.share_in(label, "") if role in _SHARE_ROLES else None,
                period=cell_period,
                label=label,
                names_project=layout.projects,
                page=page,
                quote=" ".join(f.text for f in row),
                bbox=box,
                lines=lines,
                change=bool(_CHANGE_HEAD.search(figure.head)) or printed.startswith("+"),
            )
        )
    return out


def _amount(figure: Figure, layout: _Layout) -> tuple[float, str, float, bool]:
    """A figure's euros, its text as printed, its precision and whether it is per year."""
    text = figure.fragment.text[figure.hit.start() :]
    money = find_money(text)
    rest = figure.fragment.text[figure.hit.end() :]
    per_year = bool(re.match(r"\s?(?:t€|k€|€|eur\w*)?\s?/\s?(?:v|vuosi|år)\b", rest, _I))
    if money and money[0].start == 0:
        found = money[0]
        return found.amount, found.text, found.precision, per_year or found.per_year
    printed = figure.hit.group(0).strip()
    return value(figure.hit) * layout.scale, printed, layout.scale, per_year


def _label(row: list[Fragment]) -> str:
    """The row's label: its first cell's words before any figure (a merged cell holds both)."""
    first = row[0].text
    found = figures(first)
    text = first[: found[0].start()] if found else first
    return text.strip() if re.search(r"[^\W\d_]{2}", text) else ""


def _role(
    label: str, head: str, layout: _Layout, per_year: bool, period: periods.Period | None
) -> tuple[FundingRole, periods.Period | None, bool]:
    """A cell's role from its column and row, the year its column gives, and whether per year.

    In a grid of cost lines by year, a cell is a part of the budget (other) and the total row's
    cells are the cost of each year (annual); a row for one year (`2025 | 23 680`) is annual."""
    total_row = bool(_TOTAL.search(label)) and len(label) < 40
    if _YEAR.fullmatch(head):
        year = int(head)
        own = (dt.date(year, 1, 1), dt.date(year, 12, 31))
        return (FundingRole.ANNUAL, own, True) if total_row else (FundingRole.OTHER, own, False)
    one_year = period is not None and period[0].year == period[1].year and not label
    if per_year or layout.per_year or one_year:
        return FundingRole.ANNUAL, None, True
    if _TOTAL.search(head) or total_row:
        return (FundingRole.TOTAL_COST if total_row else FundingRole.OTHER), None, False
    labelled = cues.role_of(label, "") if label and not layout.projects else None
    header_role = cues.role_of(head, "")
    if header_role is FundingRole.BUDGET:
        # Financing lines of a budget change (loans, shares of income) are not appropriations.
        financing = labelled is not None or bool(_INCOME.search(label))
        return (FundingRole.OTHER if financing else FundingRole.BUDGET), None, False
    if labelled is not None and labelled is not FundingRole.TOTAL_COST:
        return labelled, None, False
    if layout.cost_lines:
        return FundingRole.OTHER, None, False
    if layout.projects or header_role is FundingRole.TOTAL_COST:
        return FundingRole.TOTAL_COST, None, False
    return FundingRole.OTHER, None, False


def _column_period(head: str, layout: _Layout) -> periods.Period | None:
    """A row total spans the year columns; any other cell the one year the header names."""
    if _TOTAL.search(head) and layout.years:
        return dt.date(layout.years[0], 1, 1), dt.date(layout.years[-1], 12, 31)
    if layout.year is not None:
        return dt.date(layout.year, 1, 1), dt.date(layout.year, 12, 31)
    return None


def _row_period(row: list[Fragment], columns: list[Column]) -> periods.Period | None:
    """The row's own period: years under a period column, or years as the row's label."""
    for fragment in row:
        text = fragment.text.strip()
        if not re.fullmatch(r"(?:19|20)\d{2}(?:\s?[-–—]\s?(?:19|20)\d{2})?", text):
            continue
        if fragment is row[0] or _PERIOD_HEAD.search(column_of(fragment, columns)):
            first, last = int(text[:4]), int(text[-4:])
            return dt.date(first, 1, 1), dt.date(last, 12, 31)
    return None


def _row_source(
    row: list[Fragment], columns: list[Column], label: str
) -> tuple[FundingSource | None, str | None]:
    """The source a row names: its source column, else a financing label (`Statsunderstöd`)."""
    for fragment in row:
        if _SOURCE_HEAD.search(column_of(fragment, columns)) and not figures(fragment.text):
            return _single_source(fragment.text)
    if label and cues.role_of(label, "") in _SHARE_ROLES:
        found = cues.source_of(label, None)
        if found[0] is not None:
            return found[0], re.sub(r"\s*\([^)]*\)", "", label).strip()
    return None, None


def _single_source(text: str) -> tuple[FundingSource | None, str | None]:
    """The one source a cell names; a cell naming several (`EAKR 60 %, omarahoitus 40 %`) keeps
    its words but no single source."""
    words = re.sub(r"^\s*(?:€|t€|eur\w*)?\s?/\s?(?:v|vuosi|år)\b", "", text)
    words = re.sub(r"\s*\([^)]*%\s*\)", "", words)  # the share in brackets is not a name
    words = " ".join(words.split()).strip(" ,;")
    if not re.search(r"[^\W\d_]{3}", words):
        return None, None
    found = {source for rx, source, rank in cues.SOURCES if rank == 1 and rx.search(words)}
    if len(found) == 1:
        return found.pop(), words
    return None, (words if found else None)


def _inside(line: Line, box: Box) -> bool:
    y = (line.top + line.bottom) / 2
    return box[1] - 1 <= y <= box[3] + 1 and line.x1 >= box[0] and line.x0 <= box[2]
