"""The typed source document the reader produces and the extractors consume.

Geometry is in PDF points with the origin at the top-left of the page (pdfplumber's convention).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from schemas.vocab import SectionLabel, SourceFormat


class LineKind(StrEnum):
    """What a line is after cleaning."""

    TEXT = "text"
    LABEL = "label"  # a section label: in the left margin or as a heading line of its own
    FURNITURE = "furniture"  # running header/footer or page number, kept aside for classification


@dataclass(slots=True)
class Line:
    """Words on one baseline with no wide gap inside (a margin label is its own line)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    font_size: float = 0.0
    bold: bool = False
    kind: LineKind = LineKind.TEXT
    label: SectionLabel | None = None  # canonical role when kind is LABEL

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """The line's box as (x0, top, x1, bottom)."""
        return (self.x0, self.top, self.x1, self.bottom)

    @property
    def height(self) -> float:
        """Height of the line box."""
        return self.bottom - self.top


@dataclass(slots=True)
class TableCell:
    """One cell of a ruled table."""

    text: str
    bbox: tuple[float, float, float, float]
    shaded: bool = False  # filled with a colour (a grid's mark for a year or a quarter)


@dataclass(slots=True)
class Table:
    """A ruled table found on a page: rows of cells (None where a merged cell spans)."""

    bbox: tuple[float, float, float, float]
    rows: list[list[TableCell | None]]

    def texts(self) -> list[list[str]]:
        """The table as rows of cell texts ('' for merged cells)."""
        return [[c.text if c else "" for c in row] for row in self.rows]


@dataclass(slots=True)
class Page:
    """One page: its text lines in reading order, its tables and the furniture removed from it."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    furniture: list[Line] = field(default_factory=list)
    ocr: bool = False

    @property
    def landscape(self) -> bool:
        """True for pages wider than they are tall (slides)."""
        return self.width > self.height

    @property
    def text(self) -> str:
        """The page's cleaned text: lines on one baseline joined, labels on lines of their own."""
        out: list[str] = []
        current: list[str] = []
        last_top: float | None = None
        last_bottom = 0.0
        for line in self.lines:
            same_row = (
                last_top is not None
                and line.kind is LineKind.TEXT
                and abs(line.top - last_top) < 0.5 * max(line.height, 1.0)
                and line.top < last_bottom
            )
            if line.kind is LineKind.LABEL:
                if current:
                    out.append(" ".join(current))
                out.append(line.text)
                current, last_top = [], None
                continue
            if same_row:
                current.append(line.text)
            else:
                if current:
                    out.append(" ".join(current))
                current = [line.text]
            last_top, last_bottom = line.top, line.bottom
        if current:
            out.append(" ".join(current))
        return "\n".join(out)


@dataclass(slots=True)
class SourceDocument:
    """A file as read and cleaned: pages of lines, plus what was noticed on the way."""

    path: str
    sha256: str
    format: SourceFormat
    pages: list[Page] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def document_id(self) -> str:
        """Stable ID: the first 16 hex digits of the file's SHA-256."""
        return self.sha256[:16]

    @property
    def ocr_pages(self) -> int:
        """How many pages were read by OCR."""
        return sum(1 for p in self.pages if p.ocr)

    @property
    def text(self) -> str:
        """The whole cleaned text, pages separated by form feeds."""
        return "\f".join(p.text for p in self.pages)
