"""Statistics Finland municipality codes with Finnish and Swedish names."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("data") / "municipalities.csv"


@dataclass(frozen=True, slots=True)
class Municipality:
    """One municipality: 3-digit code, Finnish and Swedish name."""

    code: str
    name_fi: str
    name_sv: str


@lru_cache(maxsize=1)
def municipalities() -> tuple[Municipality, ...]:
    """All municipalities in the shipped vocabulary, sorted by code."""
    with DATA_FILE.open(encoding="utf-8", newline="") as fh:
        return tuple(
            Municipality(row["code"], row["name_fi"], row["name_sv"]) for row in csv.DictReader(fh)
        )


@lru_cache(maxsize=1)
def by_name() -> dict[str, Municipality]:
    """Municipalities keyed by lower-cased Finnish and Swedish name."""
    index: dict[str, Municipality] = {}
    for m in municipalities():
        index.setdefault(m.name_fi.lower(), m)
        index.setdefault(m.name_sv.lower(), m)
    return index
