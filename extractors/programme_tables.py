"""Themes and actions from tables: columns by their header words, group rows and theme columns.

A table holds actions when its header (or first row) names an action column, or has year
columns with marks; a group row or a theme column names the theme of the rows that follow.
A table without action columns inside a cue block defines themes, one per row.
"""

from __future__ import annotations

import re

from extractors.action_fields import Fields, read_field, set_status, split_text
from extractors.collector import Collector
from extractors.columns import Columns, cell_items, header_columns, list_items, split_units
from extractors.drafts import ThemeDraft
from extractors.names import quote
from extractors.theme_cues import cue_kind, definition, strip_cue
from schemas.tree import Cell, Row, TableBlock
from schemas.vocab import Status, ThemeKind


def table_columns(table: TableBlock) -> Columns | None:
    header = table.header_texts() if table.header else []
    columns = header_columns(header) if header else None
    if columns is None and table.rows:
        columns = header_columns(table.rows[0].texts())
    return columns


def names_themes(table: TableBlock) -> bool:
    """Whether a table names its own themes: group rows or a theme column."""
    columns = table_columns(table)
    return any(row.group for row in table.rows) or (
        columns is not None and columns.theme is not None
    )


def read_table(reader: Collector, table: TableBlock, theme: ThemeDraft | None) -> None:
    """Actions from a table's rows; group rows and a theme column name their themes."""
    columns = table_columns(table)
    if columns is None:
        return
    rows = table.rows
    header = [" ".join(h.split()) for h in table.header_texts()] if table.header else []
    if not table.header and rows and header_columns(rows[0].texts()) is not None:
        # A header printed plain: the first row, and again wherever a page repeats it.
        header, rows = [" ".join(c.split()) for c in rows[0].joined()], rows[1:]
    current = theme
    for row in rows:
        cells = row.joined()
        if row.group or _repeats_header(cells, header):
            if row.group:
                current = _group_theme(reader, row.cells, table, columns)
            continue
        if columns.theme is not None and columns.theme < len(cells):
            name = " ".join(cells[columns.theme].split())
            if name and _ordinal_only(name):
                # "1", "A": the theme is named by its ordinal, as numbered earlier.
                current = next((t for t in reader.themes if t.ordinal == name), current)
            elif name and re.search(r"[^\W\d_]{4}", name):  # a name, not a target value
                ordinal, clean = strip_cue(name, None)
                kind = columns.theme_kind
                draft = ThemeDraft(clean, kind, row.page, quote(name), ordinal, rank=2)
                current = reader.theme(draft)
        _row_action(reader, row, columns, current)


def row_theme(reader: Collector, row: Row, kind: ThemeKind) -> None:
    """A table row that defines a theme: "1 | Name. What it means …" or "Name | What …"."""
    cells = [" ".join(c.text.split()) for c in row.cells if c is not None and c.text.strip()]
    if not cells:
        return
    ordinal = cells[0] if len(cells) > 1 and len(cells[0]) <= 3 else None
    text = " ".join(cells[1:] if ordinal else cells)
    found = definition(text) if len(cells) == (2 if ordinal else 1) else (cells[-2], cells[-1])
    if found is None or cue_kind(found[0]) is not None:
        return
    name, description = found
    reader.theme(ThemeDraft(name, kind, row.page, quote(text), ordinal, description, rank=1))


def _ordinal_only(text: str) -> bool:
    return bool(re.fullmatch(r"\d{1,2}|[A-ZÅÄÖ]|[a-zåäö]\)?", text.strip(" .)")))


def _repeats_header(cells: list[str], header: list[str]) -> bool:
    return bool(header) and [" ".join(c.split()) for c in cells][: len(header)] == header


def _group_theme(
    reader: Collector, cells: list[Cell | None], table: TableBlock, columns: Columns
) -> ThemeDraft:
    text = next(c.text for c in cells if c is not None and c.text.strip())
    ordinal, name = strip_cue(" ".join(text.split()), None)
    kind = cue_kind(text) or ThemeKind.THEME
    page = next(c.page for c in cells if c is not None and c.text.strip())
    return reader.theme(ThemeDraft(name, kind, page, quote(text), ordinal, rank=2))


def _row_action(reader: Collector, row: Row, columns: Columns, theme: ThemeDraft | None) -> None:
    """One action per row; under a theme column, one per bullet of the action cell."""
    cells, printed = row.joined(), row.texts()
    if columns.text >= len(cells) or not cells[columns.text].strip():
        return
    fields = _row_fields(row, columns)
    bullets = cell_items(printed[columns.text])
    if columns.theme is not None and len(bullets) >= 2 and "•" in printed[columns.text]:
        texts = bullets
    else:
        texts = [(cells[columns.text], printed[columns.text].splitlines()[0])]
    for cell, first_line in texts:
        text, inline = split_text(cell, first_sentence=False)
        inline.take(fields)
        reader.action(text, row.page, theme, inline, first_line)
        if columns.audience and reader.actions[-1].audience is None:
            reader.actions[-1].audience = columns.audience


def _row_fields(row: Row, columns: Columns) -> Fields:
    """The fields a table row gives in its columns: years marked, owner, schedule, status.

    A year column's cell is marked by a sign (`x`, `■`) or by a shade, unless the row's text
    cell is shaded too (rows striped for reading, not years marked).
    """
    cells, printed = row.joined(), row.texts()
    fields = Fields()
    shades = [c is not None and c.shaded for c in row.cells]
    striped = columns.text < len(shades) and shades[columns.text]
    fields.years = sorted(
        {
            year
            for i, year in columns.years.items()
            if i < len(cells) and (_marked(cells[i]) or (shades[i] and not striped))
        }
    )
    if columns.responsible is not None and columns.responsible < len(cells):
        fields.responsible = split_units(cells[columns.responsible])
    schedule = cells[columns.schedule] if columns.schedule is not None else ""
    if schedule.strip() and not fields.years:
        read_field(fields, "aikataulu", schedule)
    status = cells[columns.status] if columns.status is not None else ""
    if status.strip() and not set_status(fields, status):
        fields.status_text = " ".join(status.split())
        fields.status = Status.UNKNOWN
    if columns.metrics is not None and columns.metrics < len(cells):
        fields.metrics = list_items(printed[columns.metrics])
    return fields


def _marked(cell: str) -> bool:
    return bool(re.fullmatch(r"[xX✓✔●•■▪◼◾*+]+(?:\s+[xX✓✔●•■▪◼◾*+]+)*", cell.strip()))
