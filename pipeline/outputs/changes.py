"""What changed since the previous run: records added, changed or removed, table by table.

    previous = before_write(out_dir)       # the last run's CSVs, read before they are replaced
    write_outputs(out_dir, results)
    summary = after_write(out_dir, previous)  # changes.csv, changes.jsonl, changes/<run>.jsonl

Record IDs come from the file's hash, so an edited file gets new IDs for the same items. A
document is therefore paired with its previous version by `source_path` (or, for a file that
moved, by `document_id`), and its records by the part of the ID after the document's
(`decision3`): an edited minutes file gives one `changed` row per item whose fields differ, not
a removal and an addition of every item. `extracted_at` is not compared (a re-extraction of the
same content is no change). Each run with changes also keeps a copy under `changes/`, named by
its run time, so `poimija changes --since` can look back over several runs.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.outputs.export import atomic_write_text, csv_text
from schemas.records import TABLES

CHANGE_COLUMNS = (
    "run_at",
    "table",
    "record_id",
    "document_id",
    "municipality",
    "change",
    "summary",
    "fields",
)
KINDS = ("added", "changed", "removed")
HISTORY_DIR = "changes"
HISTORY_KEEP = 100  # runs with changes kept under changes/
FIELD_SEPARATOR = " | "  # between `field: old → new` items (lists inside values use "; ")
_NOT_COMPARED = frozenset({"extracted_at"})
_SUMMARY_FIELDS = {
    "documents": ("title",),
    "themes": ("ordinal", "name"),
    "actions": ("text",),
    "funding": ("amount_text", "project"),
    "decisions": ("section", "title"),
}
log = logging.getLogger(__name__)

Rows = dict[str, list[dict[str, str]]]


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of a changed record: its old and new value as written in the CSV."""

    field: str
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.field}: {self.old or '∅'} → {self.new or '∅'}"


@dataclass(frozen=True, slots=True)
class Change:
    """A record added, changed or removed by a run."""

    run_at: str
    table: str
    record_id: str
    document_id: str
    municipality: str
    change: str  # one of KINDS
    summary: str
    fields: tuple[FieldChange, ...] = ()

    def to_row(self) -> dict[str, str]:
        """The changes.csv row: the field changes joined with ` | `."""
        row = {name: str(getattr(self, name)) for name in CHANGE_COLUMNS if name != "fields"}
        row["fields"] = FIELD_SEPARATOR.join(str(f) for f in self.fields)
        return row

    def to_json(self) -> dict[str, Any]:
        """The changes.jsonl object: field changes as a list of {field, old, new}."""
        data: dict[str, Any] = self.to_row()
        data["fields"] = [{"field": f.field, "old": f.old, "new": f.new} for f in self.fields]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Change:
        """Read back a changes.jsonl object."""
        fields = tuple(FieldChange(f["field"], f["old"], f["new"]) for f in data["fields"])
        names = [n for n in CHANGE_COLUMNS if n != "fields"]
        return cls(**{n: str(data[n]) for n in names}, fields=fields)


@dataclass(slots=True)
class Previous:
    """The tables of the previous run (empty for a first run), or why they could not be read."""

    rows: Rows = field(default_factory=dict)
    error: str | None = None


@dataclass(slots=True)
class ChangeSummary:
    """What a run's changes were: counts per kind, or why they could not be written."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    error: str | None = None

    def __str__(self) -> str:
        if self.error:
            return f"changes not written: {self.error}"
        return "changes: " + ", ".join(f"{self.counts[k]} {k}" for k in KINDS)


def read_tables(out_dir: Path) -> Rows:
    """The five tables of a run folder as CSV rows (a missing table is empty)."""
    rows: Rows = {}
    for table in TABLES:
        path = out_dir / f"{table}.csv"
        if not path.is_file():
            rows[table] = []
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            rows[table] = list(csv.DictReader(fh))
    return rows


def before_write(out_dir: Path) -> Previous:
    """Read the previous run's tables; never raises (a failure is kept as the reason)."""
    try:
        return Previous(read_tables(out_dir))
    except Exception as exc:  # changes must never cost the run its tables
        return Previous(error=f"the previous tables could not be read: {_reason(exc)}")


def after_write(out_dir: Path, previous: Previous, now: dt.datetime | None = None) -> ChangeSummary:
    """Compare the new tables with `previous` and write the changes; never raises."""
    if previous.error:
        log.warning("changes not written: %s", previous.error)
        return ChangeSummary(error=previous.error)
    run_at = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    try:
        found = diff(previous.rows, read_tables(out_dir), run_at.strftime("%Y-%m-%dT%H:%M:%SZ"))
        write_changes(out_dir, found, run_at)
    except Exception as exc:  # the tables are written: report it, do not fail
        reason = _reason(exc)
        log.warning("changes not written: %s", reason)
        return ChangeSummary(error=reason)
    summary = ChangeSummary()
    for change in found:
        summary.counts[change.change] += 1
    return summary


def diff(old: Rows, new: Rows, run_at: str) -> list[Change]:
    """Every record added, changed or removed between two runs' tables, table by table."""
    old_docs = {r["document_id"]: r for r in old.get("documents", [])}
    new_docs = {r["document_id"]: r for r in new.get("documents", [])}
    pairs = _pair_documents(old.get("documents", []), new.get("documents", []))
    changes: list[Change] = []
    for table, model in TABLES.items():
        id_field = model.id_field
        before: dict[tuple[str, str], dict[str, str]] = {}
        for row in old.get(table, []):
            paired = pairs.get(row["document_id"], "old:" + row["document_id"])
            before[(paired, _local(row[id_field], row["document_id"]))] = row
        seen: set[tuple[str, str]] = set()
        for row in new.get(table, []):
            key = (row["document_id"], _local(row[id_field], row["document_id"]))
            seen.add(key)
            doc = new_docs.get(row["document_id"], {})
            was = before.get(key)
            if was is None:
                changes.append(_change(run_at, table, row, doc, "added"))
                continue
            fields = tuple(_fields(table, was, row))
            if fields:
                changes.append(_change(run_at, table, row, doc, "changed", fields))
        for key, row in before.items():
            if key not in seen:
                doc = old_docs.get(row["document_id"], {})
                changes.append(_change(run_at, table, row, doc, "removed"))
    return changes


def _pair_documents(old: Sequence[dict[str, str]], new: Sequence[dict[str, str]]) -> dict[str, str]:
    """Old document_id → the new document_id of the same file (same path, else same content)."""
    by_path = {r["source_path"]: r["document_id"] for r in old}
    new_ids = {r["document_id"] for r in new}
    pairs: dict[str, str] = {}
    for row in new:
        old_id = by_path.get(row["source_path"])
        if old_id is not None and old_id not in pairs:
            pairs[old_id] = row["document_id"]
    for row in old:
        doc = row["document_id"]
        if doc not in pairs and doc in new_ids and doc not in pairs.values():
            pairs[doc] = doc
    return pairs


def _local(record_id: str, document_id: str) -> str:
    """The part of a record ID after its document's (`decision3`); '' for a document."""
    return record_id.removeprefix(f"{document_id}:") if record_id != document_id else ""


def _fields(table: str, old: dict[str, str], new: dict[str, str]) -> Iterator[FieldChange]:
    """The fields that differ, with the record's own document ID taken out of both values."""
    old_prefix, new_prefix = f"{old['document_id']}:", f"{new['document_id']}:"
    for name in TABLES[table].columns():
        if name in _NOT_COMPARED or (table != "documents" and name == "document_id"):
            continue
        before = old.get(name, "").replace(old_prefix, "")
        after = new.get(name, "").replace(new_prefix, "")
        if before != after:
            yield FieldChange(name, old.get(name, ""), new.get(name, ""))


def _change(
    run_at: str,
    table: str,
    row: dict[str, str],
    document: dict[str, str],
    kind: str,
    fields: tuple[FieldChange, ...] = (),
) -> Change:
    parts = [row.get(name, "") for name in _SUMMARY_FIELDS[table]]
    if table == "decisions" and parts[0]:
        parts[0] = f"§ {parts[0]}"
    summary = " ".join(" ".join(p for p in parts if p).split())
    if table == "documents" and not summary:
        summary = row.get("source_path", "")
    return Change(
        run_at=run_at,
        table=table,
        record_id=row[TABLES[table].id_field],
        document_id=row["document_id"],
        municipality=document.get("municipality", ""),
        change=kind,
        summary=summary[:160],
        fields=fields,
    )


def write_changes(out_dir: Path, changes: Sequence[Change], run_at: dt.datetime) -> None:
    """Write changes.csv and changes.jsonl, and a copy under changes/ when there are any."""
    jsonl = "".join(json.dumps(c.to_json(), ensure_ascii=False) + "\n" for c in changes)
    rows = (c.to_row() for c in changes)
    atomic_write_text(out_dir / "changes.csv", csv_text(CHANGE_COLUMNS, rows))
    atomic_write_text(out_dir / "changes.jsonl", jsonl)
    if not changes:
        return
    history = out_dir / HISTORY_DIR
    stamp = run_at.strftime("%Y%m%dT%H%M%SZ")
    path, n = history / f"{stamp}.jsonl", 1
    while path.exists():
        n += 1
        path = history / f"{stamp}-{n}.jsonl"
    atomic_write_text(path, jsonl)
    for old in sorted(history.glob("*.jsonl"))[:-HISTORY_KEEP]:
        old.unlink(missing_ok=True)


def read_changes(out_dir: Path, since: dt.datetime | None = None) -> list[Change]:
    """The last run's changes, or with `since` every kept run's changes from that time on."""
    if since is None:
        files = [out_dir / "changes.jsonl"]
    else:
        files = sorted((out_dir / HISTORY_DIR).glob("*.jsonl"))
    found: list[Change] = []
    for path in files:
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                found.append(Change.from_json(json.loads(line)))
    if since is not None:
        cut = since.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        found = [c for c in found if c.run_at >= cut]
    return found


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"


def parse_since(text: str, now: dt.datetime | None = None) -> dt.datetime:
    """A `--since` value: today, yesterday (local midnight), 36h, 7d, or an ISO date or time."""
    now = (now or dt.datetime.now(dt.UTC)).astimezone()
    word = text.strip().lower()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if word == "today":
        return midnight
    if word == "yesterday":
        return midnight - dt.timedelta(days=1)
    if word[:-1].isdigit() and word[-1:] in ("h", "d"):
        hours = int(word[:-1]) * (24 if word[-1] == "d" else 1)
        return now - dt.timedelta(hours=hours)
    try:
        stamp = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(
            f"--since {text!r}: give today, yesterday, a span (36h, 7d) or an ISO date or time"
        ) from None
    return stamp if stamp.tzinfo else stamp.astimezone()  # a naive time is local time


def format_changes(changes: Sequence[Change], width: int = 100) -> str:
    """The changes as a readable list: one line per record, one indented line per field."""
    if not changes:
        return "no changes"
    lines = []
    for c in changes:
        when = c.run_at.replace("T", " ").removesuffix("Z")[:16]
        where = c.municipality or "?"
        lines.append(f"{when}  {c.change:<8} {c.table:<9} {where}: {c.summary}  [{c.record_id}]")
        for f in c.fields:
            lines.append(f"    {f.field}: {_cut(f.old, width)} → {_cut(f.new, width)}")
    return "\n".join(lines)


def _cut(value: str, width: int) -> str:
    value = " ".join(value.split()) or "∅"
    return value if len(value) <= width else value[: width - 1] + "…"
