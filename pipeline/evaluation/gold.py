"""Load and validate hand-written gold files (`samples/gold/FORMAT.md`) for `poimija eval`."""

from __future__ import annotations

import datetime as dt
import json
import types
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Union, get_args, get_origin

from pipeline.errors import PoimijaError
from schemas.records import TABLES

LONG_TEXTS = frozenset({"description", "proposal", "decision", "quote", "text", "title", "name"})
RECORD_TABLES = ("themes", "actions", "funding", "decisions")
MATCH_KEY = {"themes": "name", "actions": "text", "funding": "amount_eur", "decisions": "section"}
# Gold-only fields that point at another record instead of holding a value.
REFERENCES = {"actions": "theme", "funding": "decision_section"}
# Fields no gold writer can know: IDs come from the file's hash, bbox/confidence from the run.
NOT_GOLD = frozenset({"document_id", "bbox", "confidence"})

Kind = str | type[StrEnum]


class EvaluationError(PoimijaError, ValueError):
    """A gold or output folder cannot be evaluated; the message names the file and the problem."""

    stage = "eval"


@dataclass
class GoldFile:
    """One validated gold file: the source it describes and the tables it assesses."""

    path: Path
    source: str
    documents: dict[str, Any] | None
    tables: dict[str, list[dict[str, Any]]]  # only the tables the file has a key for


def load_gold(gold_dir: Path) -> list[GoldFile]:
    """Parse and validate every `*.json` in `gold_dir`; a bad file raises EvaluationError."""
    golds = [_load_gold_file(path) for path in sorted(gold_dir.glob("*.json"))]
    if not golds:
        raise EvaluationError(f"{gold_dir}: no gold files (*.json)")
    seen: dict[str, Path] = {}
    for gold in golds:  # two gold files for one document would count it twice
        name = Path(gold.source).name
        if name in seen:
            raise EvaluationError(
                f"{gold.path.name}: source {name!r} is also described by {seen[name].name}"
            )
        seen[name] = gold.path
    return golds


def _load_gold_file(path: Path) -> GoldFile:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"{path.name}: not readable as JSON: {exc}") from None
    if not isinstance(data, dict):
        raise EvaluationError(f"{path.name}: the top level must be an object")
    source, documents = data.get("source"), data.get("documents")
    if not isinstance(source, str) or not source.strip():
        raise EvaluationError(f"{path.name}: 'source' must name the source file")
    if documents is not None and not isinstance(documents, dict):
        raise EvaluationError(f"{path.name}: 'documents' must be an object")
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in (t for t in RECORD_TABLES if t in data):  # absent: not assessed
        records = data[table]
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            raise EvaluationError(f"{path.name}: {table!r} must be a list of objects")
        tables[table] = [
            _check_record(path, table, f"{table}[{n}]", r) for n, r in enumerate(records)
        ]
    if documents is not None:
        documents = _check_record(path, "documents", "documents", documents)
    return GoldFile(path, source.strip(), documents, tables)


def _check_record(path: Path, table: str, where: str, record: dict[str, Any]) -> dict[str, Any]:
    """Validate one gold record against the schema; string fields given as numbers become str."""
    kinds, checked = KINDS[table], dict[str, Any]()
    for name, value in record.items():
        if name == "notes":
            continue  # free text for the gold writer, as at the top level
        if name not in kinds:
            raise EvaluationError(
                f"{path.name}: {where}.{name}: unknown field (known: {', '.join(sorted(kinds))})"
            )
        problem = None if value is None else _problem(kinds[name], value)
        if problem:
            raise EvaluationError(f"{path.name}: {where}.{name}: {value!r} {problem}")
        string = kinds[name] in ("str", "text") and value is not None
        checked[name] = str(value) if string else value
    key = MATCH_KEY.get(table)
    if key and checked.get(key) is None and not (table == "decisions" and checked.get("title")):
        need = "'section' or 'title'" if table == "decisions" else repr(key)
        raise EvaluationError(f"{path.name}: {where}: {need} is needed to match the record")
    return checked


def _problem(kind: Kind, value: Any) -> str | None:
    """Why a gold value does not fit its field, or None when it does."""
    if isinstance(kind, type):
        allowed = [e.value for e in kind]
        return None if value in allowed else f"is not one of {', '.join(allowed)}"
    if kind == "date":
        try:
            dt.date.fromisoformat(value)
            return None
        except (TypeError, ValueError):
            return "is not an ISO date YYYY-MM-DD"
    fits = {
        "str": isinstance(value, str) or _is_int(value),  # "section": 25 is as clear as "25"
        "text": isinstance(value, str),
        "int": _is_int(value),
        "bool": isinstance(value, bool),
        "float": _is_int(value) or isinstance(value, float),
        "list_str": isinstance(value, list) and all(isinstance(v, str) for v in value),
        "list_int": isinstance(value, list) and all(map(_is_int, value)),
    }
    return None if fits[kind] else f"is not {kind.replace('_', ' of ')}"


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)  # JSON true is no number


def _field_kinds(table: str) -> dict[str, Kind]:
    """How each field a gold record of `table` may hold is compared, derived from the schema."""
    model, kinds = TABLES[table], dict[str, Kind]()
    for name, info in model.model_fields.items():
        if name in NOT_GOLD or name == model.id_field:
            continue
        ann = info.annotation
        if get_origin(ann) in (Union, types.UnionType):
            ann = next(a for a in get_args(ann) if a is not type(None))
        if get_origin(ann) is list:
            kinds[name] = "list_int" if get_args(ann) == (int,) else "list_str"
        elif isinstance(ann, type) and issubclass(ann, StrEnum):
            kinds[name] = ann
        elif ann in (bool, int, float, dt.date):
            kinds[name] = "date" if ann is dt.date else ann.__name__
        else:  # str, and datetimes (extracted_at), which no gold writer should need
            kinds[name] = "text" if name in LONG_TEXTS else "str"
    if table in REFERENCES:
        kinds[REFERENCES[table]] = "str"
    return kinds


KINDS = {table: _field_kinds(table) for table in TABLES}
