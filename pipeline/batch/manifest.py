"""The manifest of an output folder: what each input gave last time, for incremental runs.

`OUT/manifest.sqlite` holds one row per input file, keyed by its absolute path, with the file's
SHA-256, the *fingerprint* of the pipeline that read it and the whole per-file result (document
row, records, errors, text). A file whose hash and fingerprint are unchanged is not read again,
and the output tables are always rebuilt from these rows — so every row is committed on its own
as soon as its file is done, and a killed run keeps every finished file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any

import extractors
import pipeline
import schemas
from pipeline import __version__
from pipeline.errors import ManifestError
from pipeline.results import DocumentResult, FileError, Status
from pipeline.settings import Settings
from schemas.records import TABLES, Document

MANIFEST_NAME = "manifest.sqlite"
SCHEMA_VERSION = 2
# Libraries whose version changes what is read from a PDF or how text is lemmatised.
_LIBRARIES = ("pdfplumber", "pdfminer.six", "pypdfium2", "spacy")
# Files of the packages that decide the output: code and the vocabularies beside it.
_SOURCE_SUFFIXES = frozenset({".py", ".toml", ".csv", ".json", ".txt"})

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,       -- absolute path of the input file
    source_path TEXT NOT NULL,   -- the path as given (documents.source_path, errors.file)
    sha256 TEXT NOT NULL,        -- of the file's bytes
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,   -- of the pipeline that read it (see fingerprint())
    status TEXT NOT NULL,        -- success | partial | failure
    document TEXT,               -- the documents row as JSON; NULL when the file gave none
    records TEXT NOT NULL,       -- {"table": [record as JSON, ...], ...}
    errors TEXT NOT NULL,        -- [{"file", "stage", "error_type", "message"}, ...]
    text TEXT,                   -- the document's cleaned text
    pages INTEGER NOT NULL,
    seconds REAL NOT NULL,
    processed_at TEXT NOT NULL,  -- ISO 8601, UTC
    structure TEXT               -- the document tree as JSON (version 2)
);
CREATE TABLE IF NOT EXISTS outputs (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    state TEXT NOT NULL,         -- state() of the files the outputs were last written from
    counts TEXT NOT NULL         -- {"table": rows, ...} as written
)
"""


@dataclass(frozen=True, slots=True)
class Entry:
    """What the manifest knows about one input, without its stored result."""

    path: str
    source_path: str
    sha256: str
    size: int
    mtime_ns: int
    fingerprint: str
    status: Status
    error_types: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def code_hash() -> str:
    """SHA-256 over the source files of `extractors`, `schemas` and `pipeline` (once a process).

    Computed once: it stands for the code this process has loaded, so a file edited while a
    run goes on does not make half of the batch look stale.
    """
    digest = hashlib.sha256()
    for package in (extractors, schemas, pipeline):
        root = Path(package.__file__ or "").parent
        for path in sorted(root.rglob("*")):
            if path.suffix not in _SOURCE_SUFFIXES or "__pycache__" in path.parts:
                continue
            digest.update(f"{package.__name__}/{path.relative_to(root).as_posix()}\0".encode())
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()


def fingerprint(settings: Settings) -> str:
    """The fingerprint of what decides a file's output: version, code, libraries, settings."""
    # The chosen extractors, else all: as the modules and plugins that register them (importing
    # them for their names was a third of an unchanged re-run; the code hash covers the modules).
    names = settings.extractors or extractors.declared()
    parts: dict[str, Any] = {
        "pipeline_version": __version__,
        "code": code_hash(),
        "libraries": {name: _version(name) for name in (*_LIBRARIES, settings.spacy_model)},
        "extractors": sorted(names),
        "ocr_lang": settings.ocr_lang,
        "reader": settings.reader,
        "spacy_model": settings.spacy_model,
    }
    text = json.dumps(parts, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return ""


def key_of(path: Path) -> str:
    """The manifest key of an input: its absolute, normalised path."""
    return os.path.abspath(path)


class Manifest:
    """The SQLite manifest of one output folder; every write is its own committed transaction."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        try:
            self._db = sqlite3.connect(path)
            # WAL: readers (a second look at the folder) never block the run, and a commit is
            # on disk before the next file starts, whatever happens to this process afterwards.
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version == 1:  # version 2 adds the document tree; the rest is as it was
                with self._db:
                    self._db.execute("ALTER TABLE files ADD COLUMN structure TEXT")
                version = 2
            if version not in (0, SCHEMA_VERSION):
                raise ManifestError(
                    f"{path} is a version {version} manifest, this poimija reads version "
                    f"{SCHEMA_VERSION}; delete it to re-extract everything"
                )
            with self._db:
                self._db.executescript(_SCHEMA)
                self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except sqlite3.OperationalError as exc:
            # Cannot open or write (permissions, a full disk): deleting it would not help.
            raise ManifestError(
                f"cannot open the manifest {path}: {exc} "
                "(check that the folder can be written and the disk is not full)"
            ) from None
        except sqlite3.DatabaseError as exc:
            raise ManifestError(
                f"cannot open the manifest {path}: {exc}; delete it to re-extract everything"
            ) from None

    @classmethod
    def in_dir(cls, out_dir: Path) -> Manifest:
        """The manifest of the output folder `out_dir` (created when missing)."""
        return cls(out_dir / MANIFEST_NAME)

    def __enter__(self) -> Manifest:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def entries(self) -> dict[str, Entry]:
        """Every stored input, keyed by absolute path."""
        rows = self._db.execute(
            "SELECT path, source_path, sha256, size, mtime_ns, fingerprint, status, errors "
            "FROM files"
        )
        return {
            path: Entry(
                path,
                source_path,
                sha256,
                size,
                mtime_ns,
                fingerprint,
                Status(status),
                tuple(e["error_type"] for e in json.loads(errors)),
            )
            for path, source_path, sha256, size, mtime_ns, fingerprint, status, errors in rows
        }

    def store(
        self,
        key: str,
        result: DocumentResult,
        *,
        sha256: str,
        size: int,
        mtime_ns: int,
        fingerprint: str,
    ) -> None:
        """Store (replace) the result of one input and commit it."""
        records = {
            name: [r.model_dump(mode="json") for r in rows]
            for name, rows in sorted(result.records.items())
        }
        errors = [
            {"file": e.file, "stage": e.stage, "error_type": e.error_type, "message": e.message}
            for e in result.errors
        ]
        row = (
            key,
            str(result.path),
            sha256,
            size,
            mtime_ns,
            fingerprint,
            str(result.status),
            result.document.model_dump_json() if result.document is not None else None,
            json.dumps(records, ensure_ascii=False),
            json.dumps(errors, ensure_ascii=False),
            result.text,
            result.document.pages if result.document is not None else 0,
            round(result.seconds, 3),
            dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
            result.structure_json(),
        )
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )

    def restat(self, stats: Iterable[tuple[str, int, int]]) -> None:
        """Store new (size, mtime_ns) for inputs whose bytes are unchanged: (key, size, mtime)."""
        with self._db:
            self._db.executemany(
                "UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?",
                [(size, mtime_ns, key) for key, size, mtime_ns in stats],
            )

    def state(self) -> str:
        """A digest of every stored result's identity (path, hash, fingerprint, status, time):
        it changes whenever a result is stored or dropped."""
        digest = hashlib.sha256()
        rows = self._db.execute(
            "SELECT path, sha256, fingerprint, status, processed_at FROM files ORDER BY path"
        )
        for row in rows:
            digest.update("\0".join(row).encode())
            digest.update(b"\n")
        return digest.hexdigest()

    def outputs_written(self) -> tuple[str, dict[str, int]] | None:
        """The state the outputs were last written from, and their row counts; None if never."""
        row = self._db.execute("SELECT state, counts FROM outputs WHERE id = 1").fetchone()
        return None if row is None else (row[0], json.loads(row[1]))

    def record_outputs(self, state: str, counts: dict[str, int]) -> None:
        """Remember that the outputs now hold the results of `state`."""
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO outputs VALUES (1, ?, ?)", (state, json.dumps(counts))
            )

    def remove(self, keys: Iterable[str]) -> int:
        """Drop inputs from the manifest; returns how many were dropped."""
        with self._db:
            cursor = self._db.executemany("DELETE FROM files WHERE path = ?", [(k,) for k in keys])
        return cursor.rowcount

    def results(self) -> list[DocumentResult]:
        """Every stored result, sorted by path (the output order), with `source` None."""
        rows = self._db.execute(
            "SELECT source_path, status, document, records, errors, text, seconds, structure "
            "FROM files "
            "ORDER BY path"
        )
        return [_result(*row) for row in rows]


def _result(
    source_path: str,
    status: str,
    document: str | None,
    records: str,
    errors: str,
    text: str | None,
    seconds: float,
    structure: str | None,
) -> DocumentResult:
    return DocumentResult(
        path=Path(source_path),
        status=Status(status),
        source=None,
        text=text,
        structure=structure,
        document=Document.model_validate_json(document) if document is not None else None,
        records={
            name: [TABLES[name].model_validate(item) for item in items]
            for name, items in json.loads(records).items()
        },
        errors=[FileError(**e) for e in json.loads(errors)],
        seconds=seconds,
    )
