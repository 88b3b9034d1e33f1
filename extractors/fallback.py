"""Fallback: the per-layout reading of programmes that predates the document tree.

Used by the themes and actions extractors only where the tree reading finds less (roadmap
slides drawn as Gantt pictures, theme cue lists inside minutes); to be folded into the tree.

    themes  = cue lists and sentences (theme_lists) + headings of roadmap pages
    actions = ruled tables (action_tables) + roadmap rows (roadmaps) + cue lists of measures
    theme of an action = the theme column of its row, else the section it is in: the last
                         heading that names a theme ("1. Tietoon perustuvat päätökset")

Both the `themes` and the `actions` extractor read the document through `parse`, so an
action's theme is always one of the themes written.
"""

from __future__ import annotations

import re

from extractors.action_tables import Columns, RowAction, read_table
from extractors.columns import audience_of, split_units
from extractors.drafts import ActionDraft, Programme, ThemeDraft
from extractors.layout import body_size, is_heading, same_name, split_marker, text_lines
from extractors.lexicon import baseforms
from extractors.roadmaps import read_roadmap
from extractors.theme_lists import describe, find_themes
from schemas.source import Line, Page, SourceDocument, Table
from schemas.vocab import Audience, ThemeKind

_STAR_NOTE = re.compile(r"tähdellä|tähti|\(\*\)|^\*\s|asterisk|stjärn", re.IGNORECASE)
_RESPONSIBLE = re.compile(r"\bvastuu(?:taho|henkilö|yksikkö)?\s*:\s*([^.;]+)", re.IGNORECASE)


def parse(doc: SourceDocument) -> Programme:
    """Read the themes and actions of a document (empty for documents without any)."""
    body = body_size(doc)
    themes = find_themes(doc, body)
    describe(themes, doc, body)
    star_funded = _star_means_state_funding(doc)
    actions: list[ActionDraft] = []
    current: ThemeDraft | None = None
    columns: Columns | None = None
    for page in doc.pages:
        carried, columns = columns, None
        for top, kind, item in _events(page, body):
            if kind == "heading":
                assert isinstance(item, Line)
                current = _section(themes, item, body, current)
            elif kind == "table":
                assert isinstance(item, Table)
                rows, columns = read_table(item, carried if top < page.height * 0.3 else None)
                carried = columns
                for row in rows:
                    theme = _theme_of_row(themes, row, columns, page) or current
                    actions.append(_from_row(row, page, theme, star_funded))
        if not page.tables:
            roadmap = read_roadmap(page, body)
            if roadmap is not None:
                theme = _theme_of_heading(themes, roadmap.heading, page) or current
                current = theme
                for r in roadmap.rows:
                    actions.append(
                        ActionDraft(
                            text=r.text.strip(),
                            page=page.number,
                            quote=r.quote,
                            theme=theme,
                            audience=_text_audience(r.text),
                            responsible=_responsible_in(r.text),
                            status=r.status,
                            status_text=r.status_text,
                            postponed_to=r.postponed_to,
                        )
                    )
    themes.sort(key=lambda t: (t.page, t.top))
    return Programme(themes, actions)


def _events(page: Page, body: float) -> list[tuple[float, str, Line | Table]]:
    """Headings and tables of a page, top to bottom (lines inside tables are not headings)."""
    events: list[tuple[float, str, Line | Table]] = [(t.bbox[1], "table", t) for t in page.tables]
    for line in text_lines(page):
        inside = any(t.bbox[1] - 1 <= line.top <= t.bbox[3] + 1 for t in page.tables)
        if not inside and is_heading(line, body):
            events.append((line.top, "heading", line))
    return sorted(events, key=lambda e: (e[0], e[1] == "table"))


def _section(
    themes: list[ThemeDraft], line: Line, body: float, current: ThemeDraft | None
) -> ThemeDraft | None:
    """The theme a heading opens: a theme it names; None for another big heading."""
    ordinal, rest, _ = split_marker(line.text)
    for theme in themes:
        if same_name(rest, theme.name) and (ordinal is None or theme.ordinal in (None, ordinal)):
            return theme
    return None if line.font_size >= body + 1.5 else current


def _theme_of_row(
    themes: list[ThemeDraft], row: RowAction, columns: Columns | None, page: Page
) -> ThemeDraft | None:
    if not row.theme_cell or columns is None:
        return None
    cell = " ".join(row.theme_cell.split())
    ordinal, name, _ = split_marker(cell)
    for theme in themes:
        if same_name(name, theme.name):
            return theme
    # A theme first named in the table itself: it becomes a theme of the document.
    top = next((t.bbox[1] for t in page.tables), 0.0)
    theme = ThemeDraft(name, columns.theme_kind, page.number, cell[:200], ordinal, top=top)
    themes.append(theme)
    return theme


def _theme_of_heading(
    themes: list[ThemeDraft], heading: Line | None, page: Page
) -> ThemeDraft | None:
    if heading is None:
        return None
    ordinal, name, _ = split_marker(heading.text)
    for theme in themes:
        if same_name(name, theme.name):
            return theme
    theme = ThemeDraft(
        name.rstrip(":"), ThemeKind.THEME, page.number, heading.text, ordinal, top=heading.top
    )
    themes.append(theme)
    return theme


def _from_row(
    row: RowAction, page: Page, theme: ThemeDraft | None, star_funded: bool
) -> ActionDraft:
    return ActionDraft(
        text=row.text,
        page=page.number,
        quote=row.quote,
        theme=theme,
        audience=row.audience,
        years=row.years,
        responsible=row.responsible,
        status=row.status,
        status_text=row.status_text,
        postponed_to=row.postponed_to,
        state_funded=row.starred if star_funded else None,
        linked_programmes=row.linked_programmes,
        metrics=row.metrics,
    )


def _star_means_state_funding(doc: SourceDocument) -> bool:
    """True when a note explains the asterisk as state support ("Tähdellä merkityt … valtio")."""
    for page in doc.pages:
        for line in text_lines(page):
            if not _STAR_NOTE.search(line.text):
                continue
            words = re.findall(r"[^\W\d_]+", line.text)
            if any(b.startswith("valtio") for w in words for b in baseforms(w)):
                return True
            if any(w.lower().startswith(("valtio", "stats", "statlig")) for w in words):
                return True
    return False


def _text_audience(text: str) -> Audience | None:
    return audience_of(text)


def _responsible_in(text: str) -> list[str]:
    found = _RESPONSIBLE.search(text)
    return split_units(found.group(1)) if found else []
