"""Whether a run folder's outputs all come from one run: `OUT/outputs.json`.

Each output file is replaced atomically, but a run killed between two of them leaves this run's
CSVs beside the last run's JSONL, Parquet or DuckDB. So a run marks `outputs.json` incomplete
before it writes anything and, when every file is written, lists each one with its SHA-256:
a reader (`poimija compare`, `stale()`) can tell a folder of one run from a mixed one.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pipeline.outputs.export import atomic_write_text
from pipeline.reading.discover import sha256_of

STAMP_NAME = "outputs.json"
# The outputs of a run, as patterns under its folder (compare/ and reports belong to others).
_OUTPUTS = (
    "*.csv",
    "records.jsonl",
    "poimija.duckdb",
    "parquet/*.parquet",
    "json/*.json",
    "text/*.txt",
    "structure/*.json",
)


def begin(out_dir: Path) -> None:
    """Mark the outputs as being written (incomplete until `finish`)."""
    atomic_write_text(out_dir / STAMP_NAME, json.dumps({"complete": False}) + "\n")


def finish(out_dir: Path) -> None:
    """Record every output file with its SHA-256: the outputs are complete and of one run."""
    files = {
        path.relative_to(out_dir).as_posix(): sha256_of(path)
        for pattern in _OUTPUTS
        for path in sorted(out_dir.glob(pattern))
        if path.is_file()
    }
    stamp = {
        "complete": True,
        "written_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "files": files,
    }
    atomic_write_text(out_dir / STAMP_NAME, json.dumps(stamp, indent=1) + "\n")


def stale(out_dir: Path) -> list[str]:
    """Why the outputs may mix runs (empty when they are one run's, or there is no stamp)."""
    path = out_dir / STAMP_NAME
    if not path.is_file():
        return []  # written by write_outputs alone, or by an older poimija: nothing to check
    try:
        stamp = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return [f"{STAMP_NAME} is unreadable: the outputs may mix two runs; run poimija again"]
    if not stamp.get("complete"):
        return [
            "the last run was stopped while writing the outputs: they may mix two runs; "
            "run poimija again"
        ]
    problems = []
    for name, digest in sorted(stamp.get("files", {}).items()):
        file = out_dir / name
        if not file.is_file():
            problems.append(f"{name} is gone since the run that wrote {STAMP_NAME}")
        elif sha256_of(file) != digest:
            problems.append(f"{name} changed since the run that wrote the other outputs")
    return problems
