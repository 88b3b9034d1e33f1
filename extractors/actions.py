"""Actions: use cases, projects and measures of programmes and roadmaps, under their themes."""

from __future__ import annotations

from collections.abc import Iterator

from extractors.categories import categorise
from extractors.programme import PROGRAMME_TYPES, parse
from extractors.registry import ExtractionContext, register
from schemas.records import Action, record_id
from schemas.source import SourceDocument


@register("actions", table="actions")
def extract_actions(doc: SourceDocument, context: ExtractionContext) -> Iterator[Action]:
    """Yield one action per table row, roadmap row or listed measure, in document order."""
    if context.document.doc_type not in PROGRAMME_TYPES or context.tree is None:
        return
    programme = parse(context.tree, context.document.doc_type)
    theme_ids = {
        id(t): record_id(doc.document_id, "theme", n) for n, t in enumerate(programme.themes, 1)
    }
    theme_categories = {
        id(t): categorise(f"{t.name} {t.description or ''}") for t in programme.themes
    }
    for n, draft in enumerate(programme.actions, start=1):
        theme = draft.theme
        # An action that names no category of its own belongs where its theme does.
        category = categorise(draft.text) or (theme_categories.get(id(theme)) if theme else None)
        yield Action(
            action_id=record_id(doc.document_id, "action", n),
            document_id=doc.document_id,
            theme_id=theme_ids.get(id(theme)) if theme else None,
            text=draft.text,
            audience=draft.audience,
            years=draft.years,
            start_year=min(draft.years) if draft.years else None,
            end_year=max(draft.years) if draft.years else None,
            responsible=draft.responsible,
            status=draft.status,
            status_text=draft.status_text,
            postponed_to=draft.postponed_to,
            state_funded=draft.state_funded,
            linked_programmes=draft.linked_programmes,
            metrics=draft.metrics,
            category=category,
            page=draft.page,
            quote=draft.quote,
        )
