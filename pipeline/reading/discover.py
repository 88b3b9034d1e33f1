"""Find the input files of a run: files as given, folders searched recursively."""

from __future__ import annotations

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
