"""Find the input files of a run (files as given, folders searched recursively) and hash them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

SUFFIXES = frozenset({".pdf", ".txt", ".html", ".htm"})


def discover(inputs: Iterable[Path]) -> list[Path]:
    """Expand folders into their supported files (sorted, deduplicated); keep files as given."""
    found: dict[Path, None] = {}
    for item in inputs:
        if item.is_dir():
            for path in sorted(item.rglob("*")):
                if path.is_file() and path.suffix.lower() in SUFFIXES and not _hidden(path, item):
                    found.setdefault(path, None)
        else:
            found.setdefault(item, None)
    return list(found)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def sha256_of(path: Path) -> str:
    """SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
