"""Write a run's outputs: the five tables as CSV, JSON per document, records.jsonl, texts, errors,
and for analysts the same tables typed as Parquet files and a DuckDB database.

Every file is written to a temporary name in the same folder and renamed into place, so an
interrupted run never leaves a half-written table.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import importlib
import io
import json
import logging
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pipeline.results import DocumentResult, FileError
from schemas.records import TABLES, Record

ERROR_COLUMNS = ("file", "stage", "error_type", "message")
# Optional for the CSV/JSON outputs: without them a run still writes those, with a warning.
ANALYST_MODULES = frozenset({"pyarrow", "duckdb"})
log = logging.getLogger(__name__)
_UMASK = os.umask(0o022)  # read once (the call sets it), then put back
os.umask(_UMASK)


def atomic_write_text(path: Path, text: str) -> None:
    """Write text to `path` via a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp creates the file 0600; outputs are for sharing, like any file the user writes.
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def csv_text(columns: Sequence[str], rows: Iterable[dict[str, str]]) -> str:
    """Render rows as CSV text with a header row."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def distinct(results: Sequence[DocumentResult]) -> list[DocumentResult]:
    """The results with one per document: a later file with the same content is left out.

    The document ID comes from the content, so two copies of one PDF (an attachment saved with
    two meetings) would give every record twice under the same IDs. The first copy is kept and
    its document says where the others are.
    """
    paths: dict[str, list[str]] = {}
    for result in results:
        if result.document is not None:
            paths.setdefault(result.document.document_id, []).append(str(result.path))
    kept: list[DocumentResult] = []
    for result in results:
        if result.document is not None:
            first, *others = paths[result.document.document_id]
            if str(result.path) != first:
                continue
            if others:
                notes = [f"the same file is also at {path} (left out)" for path in others]
                document = result.document.model_copy(
                    update={"warnings": [*result.document.warnings, *notes]}
                )
                result = dataclasses.replace(result, document=document)
        kept.append(result)
    return kept


def write_outputs(out_dir: Path, results: Sequence[DocumentResult]) -> dict[str, int]:
    """Write every output of a run into `out_dir`; returns the row count per table.

    Copies of one file are written once (see `distinct`).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    results = distinct(results)
    tables: dict[str, list[Record]] = {name: [] for name in TABLES}
    for result in results:
        if result.document is None:
            continue
        tables["documents"].append(result.document)
        for name, records in result.records.items():
            tables[name].extend(records)
    csv_texts = {}
    for name, model in TABLES.items():
        rows = (record.to_row() for record in tables[name])
        csv_texts[name] = csv_text(model.columns(), rows)
        atomic_write_text(out_dir / f"{name}.csv", csv_texts[name])
    lines = []
    for result in results:
        if result.document is None:
            continue
        payload = document_json(result)
        atomic_write_text(
            out_dir / "json" / f"{result.document.document_id}.json",
            json.dumps(payload, ensure_ascii=False, indent=2) + "\n",
        )
        if result.text is not None:
            atomic_write_text(
                out_dir / "text" / f"{result.document.document_id}.txt", result.text + "\n"
            )
        structure = result.structure_json()
        if structure is not None:
            atomic_write_text(
                out_dir / "structure" / f"{result.document.document_id}.json", structure + "\n"
            )
        for table, records in payload.items():
            if table == "document":
                lines.append(json.dumps({"table": "documents", **records}, ensure_ascii=False))
                continue
            for record in records:
                lines.append(json.dumps({"table": table, **record}, ensure_ascii=False))
    atomic_write_text(out_dir / "records.jsonl", "".join(line + "\n" for line in lines))
    errors = [e for r in results for e in r.errors]
    write_errors(out_dir, errors)
    write_analyst_outputs(out_dir, tables, csv_texts)
    return {name: len(records) for name, records in tables.items()}


# What the Parquet and DuckDB outputs import beyond this module: pyarrow, pandas (which pyarrow
# imports when it first builds an array) and DuckDB.
_WRITER_MODULES = ("pipeline.outputs.frames", "pandas", "duckdb")


def import_writers() -> None:
    """Import what writing the typed tables needs (about 0.5 s), for a caller that can do it
    while it waits; a missing library is reported when the tables are written."""
    for name in _WRITER_MODULES:
        with contextlib.suppress(Exception):
            importlib.import_module(name)


def write_analyst_outputs(
    out_dir: Path, tables: dict[str, list[Record]], csv_texts: dict[str, str]
) -> None:
    """Write the typed tables as `parquet/<table>.parquet` and `poimija.duckdb` (if installed)."""
    try:
        # Imported here: pandas and pyarrow are slow to import and only needed at the end of a run.
        from pipeline.outputs import frames
    except ModuleNotFoundError as exc:
        _skip(out_dir, exc, "Parquet and DuckDB outputs")
        return
    arrow = {name: frames.to_arrow(TABLES[name], records) for name, records in tables.items()}
    stamps = {name: frames.text_sha256(text) for name, text in csv_texts.items()}
    frames.write_parquet(out_dir, arrow, stamps)
    try:
        frames.write_duckdb(out_dir, arrow)
    except ModuleNotFoundError as exc:
        _skip(out_dir, exc, "DuckDB output", parquet=False)


def _skip(out_dir: Path, exc: ModuleNotFoundError, what: str, *, parquet: bool = True) -> None:
    missing = (exc.name or "").partition(".")[0]
    if missing not in ANALYST_MODULES:
        raise exc
    # An older Parquet or DuckDB file would silently disagree with the new CSVs: remove it.
    # (The names are pipeline.outputs.frames' PARQUET_DIR and DUCKDB_NAME, which cannot be
    # imported here.)
    stale = [out_dir / "poimija.duckdb"]
    if parquet:
        stale += [out_dir / "parquet" / f"{name}.parquet" for name in TABLES]
    removed = [p for p in stale if p.is_file()]
    for path in removed:
        path.unlink()
    note = f" (removed {len(removed)} stale file(s))" if removed else ""
    log.warning("%s skipped: %s is not installed (pip install %s)%s", what, missing, missing, note)


def document_json(result: DocumentResult) -> dict[str, Any]:
    """One document with all its records, as JSON-ready data."""
    assert result.document is not None
    payload: dict[str, Any] = {"document": result.document.model_dump(mode="json")}
    for name in TABLES:
        if name == "documents":
            continue
        payload[name] = [r.model_dump(mode="json") for r in result.records.get(name, [])]
    return payload


def write_errors(out_dir: Path, errors: Iterable[FileError]) -> None:
    """Write errors.csv: one row per failure (file, stage, error type, one-line message)."""
    rows = (
        {"file": e.file, "stage": e.stage, "error_type": e.error_type, "message": e.message}
        for e in errors
    )
    atomic_write_text(out_dir / "errors.csv", csv_text(ERROR_COLUMNS, rows))
