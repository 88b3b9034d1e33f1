"""Fallback: actions from ruled tables, one per row (or per bullet of a measures cell).

Columns are recognised by their header, in lemmas: the action text (käyttötapaus, toimenpide,
hanke …), years (header cells that are years, marked with x), the responsible (vastuutaho …),
measures (mittarit), a theme column (mahdollistaja, teema) and a status or schedule column.
A table that continues on the next page without a header row keeps the columns of the last
header; a row cut by the page break is joined back to the row it continues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.columns import audience_of, list_items, role, split_units, theme_kind
from extractors.layout import BULLET, YEAR, quote, years_in
from extractors.statuses import read_status
from schemas.source import Table
from schemas.vocab import Audience, Status, ThemeKind

_WORD = re.compile(r"[^\W\d_][\w-]*")
_MARK = re.compile(r"^[xX✓✔●•■▪*+]+$")
# "(ilmasto-ohjelma)" at the end of an action: the programmes it belongs to.
_PROGRAMME_LINK = re.compile(r"\s*\(([^()]*(?:ohjelma|strategia|suunnitelma|programmet?))\)\.?$")
_PROGRAMME_SPLIT = re.compile(
    r"(?:(?<=ohjelma)|(?<=strategia)|(?<=suunnitelma)|(?<=programmet))\s*(?:,|\bja\b|\bsekä\b|\boch\b)\s*"
)


@dataclass(slots=True)
class Columns:
    """Which column of a table holds what, from its header row."""

    text: int = 0
    years: dict[int, int] = field(default_factory=dict)  # column → year
    responsible: int | None = None
    metrics: int | None = None
    theme: int | None = None
    theme_kind: ThemeKind = ThemeKind.THEME
    status: int | None = None
    schedule: int | None = None
    audience: Audience | None = None


@dataclass(slots=True)
class RowAction:
    """One action read from a table row, before it gets a theme and an ID."""

    text: str
    quote: str
    theme_cell: str | None = None
    years: list[int] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)
    starred: bool = False
    linked_programmes: list[str] = field(default_factory=list)
    status: Status | None = None
    status_text: str | None = None
    postponed_to: int | None = None
    audience: Audience | None = None


def header_columns(cells: list[str]) -> Columns | None:
    """The columns of a header row; None when the row is not a header."""
    columns = Columns()
    roles: dict[str, int] = {}
    for i, cell in enumerate(cells):
        text = " ".join(cell.split())
        if YEAR.fullmatch(text):
            columns.years[i] = int(text)
            continue
        role = _map_role(text)
        if role and role not in roles:
            roles[role] = i
            if role == "theme":
                columns.theme_kind = theme_kind(text)
    # A header names the action column, or has year columns (checked for x marks later);
    # a financial table ("Tuloslaskelma | 2024 | 2023") is ruled out by its numbers.
    if "text" not in roles and len(columns.years) < 2:
        return None
    free = [i for i in range(len(cells)) if i not in roles.values() and i not in columns.years]
    columns.text = roles["text"] if "text" in roles else (free[0] if free else 0)
    columns.responsible = roles.get("responsible")
    columns.metrics = roles.get("metrics")
    columns.theme = roles.get("theme")
    columns.status = roles.get("status")
    columns.schedule = roles.get("schedule")
    columns.audience = audience_of(cells[columns.text])
    return columns


def read_table(table: Table, columns: Columns | None) -> tuple[list[RowAction], Columns | None]:
    """The actions of a table and the columns it used (to carry over to a continuation)."""
    rows = table.texts()
    if rows and (found := header_columns(rows[0])):
        columns, rows = found, rows[1:]
    if columns is None or not _holds_actions(rows, columns):
        return [], None
    actions: list[RowAction] = []
    for cells in rows:
        if len(cells) <= columns.text:
            continue
        if actions and _continues(cells, columns):
            _extend(actions[-1], cells[columns.text])
            continue
        actions.extend(_row_actions(cells, columns))
    return actions, columns


def _items_with_first_lines(cell: str) -> list[tuple[str, str]]:
    # The first printed line of each item is its quote: wrapped lines of a cell are not
    # contiguous in the page text, which runs across the row's columns.
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


def _row_actions(cells: list[str], columns: Columns) -> list[RowAction]:
    cell = cells[columns.text]
    if not cell.strip():
        return []
    theme_cell = _cell(cells, columns.theme)
    metrics = list_items(_cell(cells, columns.metrics) or "")
    responsible = split_units(_cell(cells, columns.responsible) or "")
    years = sorted(
        year
        for i, year in columns.years.items()
        if i < len(cells) and _MARK.match(cells[i].strip())
    )
    if not years and columns.schedule is not None:
        years = years_in(_cell(cells, columns.schedule) or "")
    status_text = _cell(cells, columns.status)
    # Under a theme column each bullet of the action cell is one action (enabler tables).
    if columns.theme is not None:
        texts = _items_with_first_lines(cell)
    else:
        texts = [(_join_lines(cell), cell.strip().splitlines()[0])]
    out = []
    for text, first_line in texts:
        action = RowAction(text=text, quote=quote(first_line), theme_cell=theme_cell, years=years)
        action.responsible, action.metrics, action.audience = responsible, metrics, columns.audience
        if status_text and status_text.strip():
            action.status_text = " ".join(status_text.split())
            reading = read_status(action.status_text)
            action.status, action.postponed_to = reading.status, reading.postponed_to
        _clean_text(action)
        out.append(action)
    return out


def _clean_text(action: RowAction) -> None:
    text = action.text
    if "*" in text:
        action.starred = True
        text = re.sub(r"\s*\*+(?=[\s,.;:)]|$)", "", text)
    link = _PROGRAMME_LINK.search(text)
    if link:
        action.linked_programmes = [
            p.strip() for p in _PROGRAMME_SPLIT.split(link.group(1)) if p.strip()
        ]
        text = text[: link.start()]
    action.text = text.strip()


def _holds_actions(rows: list[list[str]], columns: Columns) -> bool:
    """Year columns of an action table hold marks, never numbers; texts are words."""
    year_cells = [r[i].strip() for r in rows for i in columns.years if i < len(r) and r[i].strip()]
    if any(not _MARK.match(cell) for cell in year_cells):
        return False
    texts = [r[columns.text] for r in rows if len(r) > columns.text and r[columns.text].strip()]
    wordy = [t for t in texts if len(_WORD.findall(t)) >= 2]
    return bool(texts) and len(wordy) * 2 >= len(texts)


def _continues(cells: list[str], columns: Columns) -> bool:
    """A row with only action text (no years, owner or theme) continues the row before it."""
    others = [c for i, c in enumerate(cells) if i != columns.text and c.strip()]
    text = cells[columns.text].strip()
    return not others and bool(text) and (text[:1].islower() or text[:1] in "(–-")


def _extend(action: RowAction, more: str) -> None:
    action.text = _join(action.text, _join_lines(more))
    _clean_text(action)


def _map_role(text: str) -> str | None:
    found = role(text)
    return "schedule" if found == "years" else found


def _cell(cells: list[str], index: int | None) -> str | None:
    return cells[index] if index is not None and index < len(cells) else None


def _join_lines(cell: str) -> str:
    text = ""
    for line in cell.splitlines():
        text = _join(text, line.strip()) if text else line.strip()
    return text


def _join(left: str, right: str) -> str:
    # A wrapped "asiantuntija–chat" + "-verkoston" keeps both parts apart as printed.
    return f"{left} {right}".strip()


def _starts_item(line: str, previous: str) -> bool:
    # Without bullets a new item starts with a capital after a line that ended a phrase.
    return line[:1].isupper() and previous.rstrip().endswith((".", ")", ":"))
