"""Themes: the themes, enablers and goals of programmes (and of minutes that approve one)."""

from __future__ import annotations

from collections.abc import Iterator

from extractors.categories import categorise
from extractors.programme import PROGRAMME_TYPES, parse
from extractors.registry import ExtractionContext, register
from schemas.records import Theme, record_id
from schemas.source import SourceDocument


@register("themes", table="themes")
def extract_themes(doc: SourceDocument, context: ExtractionContext) -> Iterator[Theme]:
    """Yield one theme per theme, enabler or goal the document names, in document order."""
    if context.document.doc_type not in PROGRAMME_TYPES or context.tree is None:
        return
    programme = parse(context.tree, context.document.doc_type)
    for n, draft in enumerate(programme.themes, start=1):
        yield Theme(
            theme_id=record_id(doc.document_id, "theme", n),
            document_id=doc.document_id,
            ordinal=draft.ordinal,
            name=draft.name,
            description=draft.description,
            kind=draft.kind,
            category=categorise(f"{draft.name} {draft.description or ''}"),
            page=draft.page,
            quote=draft.quote,
        )
