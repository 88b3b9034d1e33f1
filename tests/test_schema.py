"""The shared schema: examples survive JSON and CSV, IDs are stable, JSON Schema is written."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import ValidationError

from pipeline.cli import main
from schemas.examples import FILLED, MINIMAL
from schemas.records import SCHEMA_VERSION, TABLES, Action, Document, record_id
from schemas.vocab import Outcome, Status

EXAMPLES = [(f"minimal-{t}", r) for t, r in MINIMAL.items()] + [
    (f"filled-{t}", r) for t, r in FILLED.items()
]


def test_tables_are_the_contract() -> None:
    # Column names as DESIGN.md lists them: researchers' scripts read these headers.
    assert list(TABLES) == ["documents", "themes", "actions", "funding", "decisions"]
    provenance = ["page", "quote", "bbox", "confidence"]
    assert TABLES["themes"].columns() == [
        "theme_id",
        "document_id",
        "ordinal",
        "name",
        "description",
        "kind",
        "category",
        *provenance,
    ]
    assert TABLES["actions"].columns() == [
        "action_id",
        "document_id",
        "theme_id",
        "text",
        "audience",
        "years",
        "start_year",
        "end_year",
        "responsible",
        "status",
        "status_text",
        "postponed_to",
        "state_funded",
        "linked_programmes",
        "metrics",
        "category",
        *provenance,
    ]
    assert TABLES["funding"].columns() == [
        "funding_id",
        "document_id",
        "decision_id",
        "project",
        "amount_eur",
        "amount_text",
        "role",
        "source",
        "source_text",
        "share_percent",
        "period_start",
        "period_end",
        "per_year",
        "recipient",
        *provenance,
    ]
    assert TABLES["decisions"].columns() == [
        "decision_id",
        "document_id",
        "body",
        "meeting_date",
        "section",
        "case_number",
        "classification",
        "title",
        "preparers",
        "proposer",
        "proposal",
        "decision",
        "outcome",
        "unanimous",
        "votes_for",
        "votes_against",
        "votes_blank",
        "votes_absent",
        "dissent",
        "recusals",
        "experts",
        "attachments",
        *provenance,
    ]
    assert TABLES["documents"].columns() == [
        "document_id",
        "source_path",
        "source_sha256",
        "source_format",
        "pages",
        "ocr_pages",
        "language",
        "doc_type",
        "municipality_code",
        "municipality",
        "title",
        "body",
        "meeting_date",
        "period_start",
        "period_end",
        "schema_version",
        "pipeline_version",
        "extracted_at",
        "warnings",
    ]


@pytest.mark.parametrize(("name", "record"), EXAMPLES, ids=[n for n, _ in EXAMPLES])
def test_json_round_trip(name: str, record: object) -> None:
    cls = type(record)
    text = record.model_dump_json()  # type: ignore[attr-defined]
    assert cls.model_validate_json(text) == record  # type: ignore[attr-defined]


@pytest.mark.parametrize(("name", "record"), EXAMPLES, ids=[n for n, _ in EXAMPLES])
def test_csv_round_trip(name: str, record: object) -> None:
    cls = type(record)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=cls.columns())  # type: ignore[attr-defined]
    writer.writeheader()
    writer.writerow(record.to_row())  # type: ignore[attr-defined]
    row = next(csv.DictReader(io.StringIO(buf.getvalue())))
    assert cls.from_row(row) == record  # type: ignore[attr-defined]


def test_filled_examples_fill_every_field() -> None:
    for table, record in FILLED.items():
        empty = [k for k, v in record.model_dump().items() if v is None]
        allowed = {"period_start", "period_end"} if table == "documents" else set()
        assert set(empty) <= allowed, (table, empty)


def test_csv_cells() -> None:
    row = FILLED["actions"].to_row()
    assert row["years"] == "; ".join(str(y) for y in FILLED["actions"].years)  # type: ignore[attr-defined]
    assert row["state_funded"] in {"true", "false"}


def test_ids_are_deterministic() -> None:
    assert record_id("53da9ac1bc290642", "decision", 3) == "53da9ac1bc290642:decision3"


def test_schema_version_default() -> None:
    assert MINIMAL["documents"].schema_version == SCHEMA_VERSION  # type: ignore[attr-defined]


def test_vocabularies_reject_unknown_values() -> None:
    with pytest.raises(ValidationError):
        Action(action_id="d:action1", document_id="d", text="x", status="maybe")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Document(
            document_id="d",
            source_path="a.pdf",
            source_sha256="0",
            source_format="pdf",  # type: ignore[arg-type]
            municipality_code="12",
        )
    assert Status("postponed") is Status.POSTPONED
    assert {o.value for o in Outcome} == {
        "approved",
        "amended",
        "rejected",
        "tabled",
        "returned",
        "noted",
        "removed",
        "other",
    }


def test_schema_command_writes_one_schema_per_table(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in tmp_path.glob("*.json"))
    assert written == sorted(f"{t}.schema.json" for t in TABLES) or written == sorted(
        f"{t}.json" for t in TABLES
    )
    schema = json.loads(next(tmp_path.glob("decisions*.json")).read_text(encoding="utf-8"))
    assert "outcome" in schema["properties"]
    assert "approved" in json.dumps(schema)
