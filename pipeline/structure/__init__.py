"""The structure stage: a cleaned document's lines and rulings → its document tree.

    page lines ─► reading order (columns) ─► baseline rows ─► tables (ruled, or aligned by
    whitespace) ─► headings, list items, fields, paragraphs ─► sections nested by heading level

Modules: `regions` (reading order, baseline rows, justified-text joins, asides), `tables`
(ruled and unruled tables, header and group rows), `lines` (markers, fields, headings),
`timeline` (rows under a time axis of years), `blocks` (a page's lines as blocks), `sections`
(nesting, continuation over page breaks, lists without markers), `outline` (the tree as JSON
and as an outline). Minutes also get their § items (`read_items`): the item finder lives with
the decisions extractor (`extractors/minutes.py`), which reads the items from the tree.
"""

from __future__ import annotations

import datetime as dt
from statistics import median

from extractors.minutes import split_items
from pipeline.structure.blocks import page_blocks
from pipeline.structure.sections import nest
from schemas.source import LineKind, SourceDocument
from schemas.tree import DocumentTree


def body_size(doc: SourceDocument) -> float:
    """The body text's font size: the median size of text lines, weighted by their length."""
    sizes: list[float] = []
    for page in doc.pages:
        for line in page.lines:
            if line.kind is LineKind.TEXT and line.font_size:
                sizes.extend([line.font_size] * max(1, len(line.text) // 20))
    return median(sizes) if sizes else 10.0


def build_tree(doc: SourceDocument) -> DocumentTree:
    """The document tree of a cleaned source document."""
    body = body_size(doc)
    pages = [page_blocks(page, body) for page in doc.pages]
    title = doc.metadata.get("Title", "") if doc.metadata else ""
    return DocumentTree(document_id=doc.document_id, root=nest(pages, title))


def read_items(tree: DocumentTree, doc: SourceDocument, meeting_date: dt.date | None) -> None:
    """Add the § items of minutes to their tree: headings in any arrangement, handling stages,
    labelled parts (see `extractors/item_headings.py` and `extractors/minutes.py`)."""
    tree.items, tree.preamble = split_items(doc, meeting_date)
    tree.minutes = True


__all__ = ["body_size", "build_tree", "read_items"]
