"""Scores that `poimija eval` reports: per-table precision/recall/F1, quote checks, mismatches."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple

from schemas.records import TABLES


class Mismatch(NamedTuple):
    """One difference between gold and output; field is "(missing)"/"(extra)" for unmatched."""

    source: str
    table: str
    field: str
    gold: Any
    got: Any


@dataclass
class TableScore:
    """Matched (tp), extra (fp) and missed (fn) records of one table, summed over documents."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    # With no record in gold or output every score is None ("n/a"): nothing was measured.
    # Otherwise an empty denominator gives 0.0 (gold records but no output, or gold `[]`).
    @property
    def precision(self) -> float | None:
        """tp / (tp + fp), or None when the table was not assessed."""
        return _share(self.tp, self.tp + self.fp, self.tp + self.fp + self.fn)

    @property
    def recall(self) -> float | None:
        """tp / (tp + fn), or None when the table was not assessed."""
        return _share(self.tp, self.tp + self.fn, self.tp + self.fp + self.fn)

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Scores (rounded to 4 decimals, None when not assessed) and counts."""
        return {
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
            **asdict(self),
        }


@dataclass
class QuoteCheck:
    """Provenance: how many output quotes occur in the cleaned text, and on the record's page."""

    checked: int = 0
    found: int = 0
    on_page: int = 0
    without_text: int = 0  # records whose document has no text/<document_id>.txt

    def to_dict(self) -> dict[str, Any]:
        """Shares (None when nothing was checked) and counts."""
        return {
            "quotes_found": _round(_share(self.found, self.checked, self.checked)),
            "quotes_on_page": _round(_share(self.on_page, self.checked, self.checked)),
            **asdict(self),
        }


@dataclass
class EvalReport:
    """What `evaluate` found: table scores, field accuracies, quote check, missing documents."""

    tables: dict[str, TableScore] = field(default_factory=lambda: {t: TableScore() for t in TABLES})
    fields: dict[str, float] = field(default_factory=dict)
    assessed: dict[str, int] = field(default_factory=dict)
    quotes: QuoteCheck = field(default_factory=QuoteCheck)
    missing_documents: list[str] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data; the keys `tables` and `fields` are a public contract."""
        return {
            "tables": {name: score.to_dict() for name, score in self.tables.items()},
            "fields": {k: _round(v) for k, v in sorted(self.fields.items())},
            "assessed": dict(sorted(self.assessed.items())),
            "quotes": self.quotes.to_dict(),
            "missing_documents": list(self.missing_documents),
            "mismatches": [m._asdict() for m in self.mismatches],
        }

    def to_json(self) -> str:
        """The report as indented JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_text(self) -> str:
        """A fixed-width report: scores per table, accuracy per field, the first mismatches."""
        lines = [f"{'table':<12}" + "".join(f"{h:>7}" for h in ("P", "R", "F1", "TP", "FP", "FN"))]
        for name, s in self.tables.items():
            scores = "".join(
                f"{'n/a' if v is None else f'{v:.3f}':>7}" for v in (s.precision, s.recall, s.f1)
            )
            lines.append(f"{name:<12}{scores}{s.tp:>7}{s.fp:>7}{s.fn:>7}")
        lines += ["", f"{'field':<32}{'accuracy':>9}{'n':>6}"]
        lines += [f"{k:<32}{v:>9.3f}{self.assessed[k]:>6}" for k, v in sorted(self.fields.items())]
        q = self.quotes
        lines += [
            "",
            f"quotes: {q.found}/{q.checked} found in the text, {q.on_page}/{q.checked} "
            f"on their page, {q.without_text} records without a text file",
        ]
        if self.missing_documents:
            lines += ["", "missing documents: " + ", ".join(self.missing_documents)]
        if self.mismatches:
            lines += ["", "first mismatches (source  table.field: gold | got):"]
            lines += [
                f"  {m.source}  {m.table}.{m.field}: {_short(m.gold)} | {_short(m.got)}"
                for m in self.mismatches
            ]
        return "\n".join(lines)


def _share(part: int, whole: int, assessed: int) -> float | None:
    return None if not assessed else part / whole if whole else 0.0


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _short(value: Any, width: int = 60) -> str:
    text = "-" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"
