"""The shared schema: one pydantic model per output table, with provenance and stable IDs."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from schemas.vocab import (
    Audience,
    Category,
    DocType,
    FundingRole,
    FundingSource,
    Language,
    Outcome,
    SourceFormat,
    Status,
    ThemeKind,
)

SCHEMA_VERSION = "1.0"
LIST_SEPARATOR = "; "
_PROVENANCE = ("page", "quote", "bbox", "confidence")

BBox = tuple[float, float, float, float]


def record_id(document_id: str, kind: str, n: int) -> str:
    """Deterministic record ID: `{document_id}:{kind}{n}` (n is 1-based, in document order)."""
    return f"{document_id}:{kind}{n}"


class Record(BaseModel):
    """Base of every table row: flat fields, lists for multi-valued ones, CSV-convertible."""

    model_config = ConfigDict(extra="forbid", use_enum_values=False, validate_assignment=True)

    table: ClassVar[str] = ""
    id_field: ClassVar[str] = ""

    def to_row(self) -> dict[str, str]:
        """Flatten to a CSV row: lists `; `-joined, None as empty, bools as true/false."""
        row: dict[str, str] = {}
        for name, value in self.model_dump(mode="json").items():
            row[name] = _cell(value)
        return row

    @model_validator(mode="before")
    @classmethod
    def _no_separator_in_list_items(cls, data: Any) -> Any:
        # Lists are `; `-joined in CSV, so an item must not contain the separator itself.
        if isinstance(data, dict):
            for name, value in data.items():
                if isinstance(value, list):
                    data[name] = [
                        v.replace(LIST_SEPARATOR, ", ") if isinstance(v, str) else v for v in value
                    ]
        return data

    @classmethod
    def from_row(cls, row: dict[str, str]) -> Self:
        """Rebuild a record from a CSV row written by `to_row`."""
        data: dict[str, Any] = {}
        for name, info in cls.model_fields.items():
            raw = row.get(name, "")
            if _is_list(info.annotation):
                data[name] = [p for p in raw.split(LIST_SEPARATOR) if p] if raw else []
            elif raw == "":
                if info.is_required():
                    data[name] = raw
                elif info.default is None:
                    data[name] = None
                # otherwise the field keeps its default ("" for a quote, 0 for counts)
            elif name == "bbox":
                data[name] = tuple(float(x) for x in raw.split(","))
            else:
                data[name] = raw
        return cls.model_validate(data)

    @classmethod
    def columns(cls) -> list[str]:
        """Column names as DESIGN.md orders them: id, document_id, content, then provenance."""
        names = list(cls.model_fields)
        first = list(dict.fromkeys(n for n in (cls.id_field, "document_id") if n in names))
        last = [n for n in _PROVENANCE if n in names]
        return first + [n for n in names if n not in first and n not in last] + last


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if value and isinstance(value[0], float):  # a bbox
            return ",".join(f"{v:g}" for v in value)
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)


def _is_list(annotation: Any) -> bool:
    text = str(annotation)
    return text.startswith("list[")


class Provenance(Record):
    """Fields every extracted record carries so a reader can check it against the source."""

    document_id: str
    page: int | None = Field(default=None, ge=1, description="1-based page the record came from")
    quote: str = Field(default="", description="Source text the record came from")
    bbox: BBox | None = Field(default=None, description="x0, top, x1, bottom in PDF points")
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)


class Document(Record):
    """One input file, classified."""

    table: ClassVar[str] = "documents"
    id_field: ClassVar[str] = "document_id"

    document_id: str
    source_path: str
    source_sha256: str
    source_format: SourceFormat
    pages: int = 0
    ocr_pages: int = 0
    language: Language | None = None
    doc_type: DocType = DocType.OTHER
    municipality_code: str | None = Field(default=None, pattern=r"^\d{3}$")
    municipality: str | None = None
    title: str | None = None
    body: str | None = None
    meeting_date: dt.date | None = None
    period_start: int | None = None
    period_end: int | None = None
    schema_version: str = SCHEMA_VERSION
    pipeline_version: str = ""
    extracted_at: dt.datetime | None = None
    warnings: list[str] = Field(default_factory=list)


class Theme(Provenance):
    """A theme, enabler or goal of a programme (or named in minutes)."""

    table: ClassVar[str] = "themes"
    id_field: ClassVar[str] = "theme_id"

    theme_id: str
    ordinal: str | None = None
    name: str
    description: str | None = None
    kind: ThemeKind = ThemeKind.THEME
    category: Category | None = None


class Action(Provenance):
    """One action, use case or project of a programme or roadmap."""

    table: ClassVar[str] = "actions"
    id_field: ClassVar[str] = "action_id"

    action_id: str
    theme_id: str | None = None
    text: str
    audience: Audience | None = None
    years: list[int] = Field(default_factory=list)
    start_year: int | None = None
    end_year: int | None = None
    responsible: list[str] = Field(default_factory=list)
    status: Status | None = None
    status_text: str | None = None
    postponed_to: int | None = None
    state_funded: bool | None = None
    linked_programmes: list[str] = Field(default_factory=list)
    metrics: list[str] = Field(default_factory=list)
    category: Category | None = None


class Funding(Provenance):
    """One euro amount with its role in a budget breakdown."""

    table: ClassVar[str] = "funding"
    id_field: ClassVar[str] = "funding_id"

    funding_id: str
    decision_id: str | None = None
    project: str | None = None
    amount_eur: float
    amount_text: str
    role: FundingRole = FundingRole.OTHER
    source: FundingSource | None = None
    source_text: str | None = None
    share_percent: float | None = Field(default=None, ge=0, le=100)
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    per_year: bool = False
    recipient: str | None = None


class Decision(Provenance):
    """One § item of a meeting's minutes."""

    table: ClassVar[str] = "decisions"
    id_field: ClassVar[str] = "decision_id"

    decision_id: str
    body: str | None = None
    meeting_date: dt.date | None = None
    section: str | None = None
    case_number: str | None = None
    classification: str | None = None
    title: str | None = None
    preparers: list[str] = Field(default_factory=list)
    proposer: str | None = None
    proposal: str | None = None
    decision: str | None = None
    outcome: Outcome | None = None
    unanimous: bool | None = None
    votes_for: int | None = Field(default=None, ge=0)
    votes_against: int | None = Field(default=None, ge=0)
    votes_blank: int | None = Field(default=None, ge=0)
    votes_absent: int | None = Field(default=None, ge=0)
    dissent: str | None = None
    recusals: list[str] = Field(default_factory=list)
    experts: list[str] = Field(default_factory=list)
    attachments: list[str] = Field(default_factory=list)

    @field_validator("section")
    @classmethod
    def _section_digits(cls, value: str | None) -> str | None:
        return value.strip().lstrip("§").strip() if value else value


TABLES: dict[str, type[Record]] = {
    model.table: model for model in (Document, Theme, Action, Funding, Decision)
}
"""The five output tables, by name, in output order."""
