"""poimija's shared schema: output records, vocabularies and the typed source document.

This package is the only contract between pipeline stages. It does no I/O beyond reading its own
vocabulary data files, and imports nothing else from poimija.
"""

from schemas.records import (
    SCHEMA_VERSION,
    TABLES,
    Action,
    Decision,
    Document,
    Funding,
    Provenance,
    Record,
    Theme,
    record_id,
)
from schemas.source import Line, Page, SourceDocument, Table, TableCell

__all__ = [
    "SCHEMA_VERSION",
    "TABLES",
    "Action",
    "Decision",
    "Document",
    "Funding",
    "Line",
    "Page",
    "Provenance",
    "Record",
    "SourceDocument",
    "Table",
    "TableCell",
    "Theme",
    "record_id",
]
