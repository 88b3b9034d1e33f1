"""What one file gave: its result, its errors and how it ended (kept light: the batch engine, the
manifest and the outputs read results without loading the readers and extractors)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from schemas.records import Document, Record

if TYPE_CHECKING:
    from schemas.source import SourceDocument
    from schemas.tree import DocumentTree


class Status(StrEnum):
    """How one file ended."""

    SUCCESS = "success"
    PARTIAL = "partial"  # a document was produced but an extractor failed on it
    FAILURE = "failure"


@dataclass(slots=True)
class FileError:
    """One row of errors.csv."""

    file: str
    stage: str
    error_type: str
    message: str


@dataclass(slots=True)
class DocumentResult:
    """What one file gave: its document row, its records per table, its text, its errors.

    `source` (every page's lines and tables) and `tree` are for in-process callers; results
    that cross a process boundary or are stored drop them and keep only `text` and `structure`.
    """

    path: Path
    status: Status = Status.SUCCESS
    source: SourceDocument | None = None
    tree: DocumentTree | None = None
    text: str | None = None
    structure: str | None = None  # the document tree as JSON, written to structure/<id>.json
    document: Document | None = None
    records: dict[str, list[Record]] = field(default_factory=dict)
    errors: list[FileError] = field(default_factory=list)
    seconds: float = 0.0
