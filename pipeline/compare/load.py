"""Read the tables of a finished run (the CSVs `poimija run` writes) back into schema records."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from pipeline.batch import freshness
from pipeline.errors import CompareError
from schemas.records import Action, Decision, Document, Funding, Record, Theme

R = TypeVar("R", bound=Record)


@dataclass(slots=True)
class RunTables:
    """The five tables of a run as typed records, plus what could not be read."""

    documents: list[Document] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    funding: list[Funding] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def load_run(out_dir: Path) -> RunTables:
    """Read documents.csv, themes.csv, … of a run; a missing or bad row is noted, not fatal.

    Only documents.csv is required: without it the folder is not a run. A missing table of
    records (an older run, an extractor not run) reads as empty, with a note in `problems`.
    """
    if not (out_dir / "documents.csv").is_file():
        raise CompareError(
            f"{out_dir} has no documents.csv: give the --out folder of `poimija run`"
        )
    tables = RunTables(problems=freshness.stale(out_dir))
    tables.documents = _read(out_dir, Document, tables.problems)
    tables.themes = _read(out_dir, Theme, tables.problems)
    tables.actions = _read(out_dir, Action, tables.problems)
    tables.funding = _read(out_dir, Funding, tables.problems)
    tables.decisions = _read(out_dir, Decision, tables.problems)
    return tables


def _read(out_dir: Path, model: type[R], problems: list[str]) -> list[R]:
    """A table's records; a missing column is an error, a bad row a note (the row skipped)."""
    path = out_dir / f"{model.table}.csv"
    if not path.is_file():
        problems.append(f"{path.name} missing: read as empty")
        return []
    records: list[R] = []
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            header = reader.fieldnames or []
            missing = [name for name in model.columns() if name not in header]
            if missing:
                raise CompareError(
                    f"{path}: column {', '.join(missing)} missing from the header "
                    "(not a table of this poimija version?)"
                )
            # Line 1 is the header, so the first record is on line 2.
            for line, row in enumerate(reader, start=2):
                note = _row_problem(row, len(header)) or _add(records, model, row)
                if note:
                    problems.append(f"{path.name} line {line}: {note} (row skipped)")
    except (UnicodeDecodeError, csv.Error) as exc:
        raise CompareError(f"{path} is not a readable CSV file: {exc}") from None
    return records


def _row_problem(row: dict[str | None, Any], columns: int) -> str | None:
    """Why a row does not fit its header (DictReader fills short rows with None)."""
    fields = columns - sum(1 for key, value in row.items() if key is not None and value is None)
    fields += len(row.get(None) or [])
    return None if fields == columns else f"{fields} fields where the header has {columns}"


def _add(records: list[R], model: type[R], row: dict[str, str]) -> str | None:
    try:
        records.append(model.from_row(row))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        return f"{where}: {first['msg']}"
    except ValueError as exc:  # a box that is not four numbers
        return f"{type(exc).__name__}: {exc}"
    return None
