"""Read the tables of a finished run (the CSVs `poimija run` writes) back into schema records."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

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
    tables = RunTables()
    tables.documents = _read(out_dir, Document, tables.problems)
    tables.themes = _read(out_dir, Theme, tables.problems)
    tables.actions = _read(out_dir, Action, tables.problems)
    tables.funding = _read(out_dir, Funding, tables.problems)
    tables.decisions = _read(out_dir, Decision, tables.problems)
    return tables


def _read(out_dir: Path, model: type[R], problems: list[str]) -> list[R]:
    path = out_dir / f"{model.table}.csv"
    if not path.is_file():
        problems.append(f"{path.name} missing: read as empty")
        return []
    records: list[R] = []
    with path.open(encoding="utf-8", newline="") as fh:
        # Line 1 is the header, so the first record is on line 2.
        for line, row in enumerate(csv.DictReader(fh), start=2):
            try:
                records.append(model.from_row(row))
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"])
                problems.append(f"{path.name} line {line}: {where}: {first['msg']} (row skipped)")
    return records
