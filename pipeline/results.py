"""What one file gave: its result, its errors and how it ended (kept light: the batch engine, the
manifest and the outputs read results without loading the readers and extractors)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
    that cross a process boundary drop them and keep `text` and `outline`, and stored results
    keep `text` and `structure`.
    """

    path: Path
    status: Status = Status.SUCCESS
    source: SourceDocument | None = None
    tree: DocumentTree | None = None
    text: str | None = None
    # The document tree as plain data, and as JSON (written to structure/<id>.json). Made into
    # JSON when asked (`structure_json`): in a batch that is the batch's process, which has
    # little else to do while the workers extract.
    outline: dict[str, Any] | None = None
    structure: str | None = None
    document: Document | None = None
    records: dict[str, list[Record]] = field(default_factory=dict)
    errors: list[FileError] = field(default_factory=list)
    seconds: float = 0.0

    def structure_json(self) -> str | None:
        """The document tree as JSON: as stored, else made from the outline (then let go)."""
        if self.structure is None and self.outline is not None:
            self.structure = json.dumps(self.outline, ensure_ascii=False, indent=1)
            self.outline = None
        return self.structure
