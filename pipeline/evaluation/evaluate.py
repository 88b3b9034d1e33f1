"""Score a run's output tables against hand-written gold records (`poimija eval`).

The gold format and the matching rules are specified in `samples/gold/FORMAT.md`. Records are
matched one-to-one per document and table, greedily by best score; precision, recall and F1 are
micro-averaged over all documents; field accuracy is measured on matched pairs only.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Callable
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, TypeVar

from pipeline.evaluation.gold import KINDS, MATCH_KEY, RECORD_TABLES, GoldFile, Kind, load_gold
from pipeline.evaluation.gold import EvaluationError as EvaluationError  # re-export: cli, tests
from pipeline.evaluation.scores import EvalReport as EvalReport
from pipeline.evaluation.scores import Mismatch as Mismatch
from pipeline.evaluation.scores import QuoteCheck, TableScore
from schemas.records import LIST_SEPARATOR, TABLES

THRESHOLD = 0.85
"""Least similarity for a fuzzy match (names, texts) and for a long text to count as correct."""
TOLERANCE = 0.005
"""Largest difference at which two numbers (euros, percentages) are equal."""
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "\u00ad": None})

Row = dict[str, str]
_N = TypeVar("_N", int, float)


def normalise(text: str) -> str:
    """Casefold, unify dashes, collapse whitespace and strip punctuation at both ends."""
    text = " ".join(text.translate(_DASHES).casefold().split())
    kept = [i for i, c in enumerate(text) if not unicodedata.category(c).startswith(("P", "Z"))]
    return text[kept[0] : kept[-1] + 1] if kept else ""


def similarity(a: str, b: str, floor: float = 0.0) -> float:
    """SequenceMatcher ratio of two normalised strings; 0.0 early when it cannot reach `floor`."""
    if a == b:
        return 1.0
    # autojunk would ignore frequent characters in texts over 200 characters (long proposals).
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
        return 0.0  # cheap upper bounds spare the quadratic ratio() on hopeless pairs
    return matcher.ratio()


def evaluate(
    gold_dir: Path, out_dir: Path, *, assess_quotes: bool = False, max_mismatches: int = 30
) -> EvalReport:
    """Score the tables of a run in `out_dir` against every `*.json` gold file in `gold_dir`."""
    golds = load_gold(gold_dir)
    out = {t: read_table(out_dir, t) for t in TABLES}
    docs: dict[str, Row] = {}
    for row in out["documents"]:  # two inputs with one file name: the first row wins
        docs.setdefault(Path(row.get("source_path", "")).name, row)
    by_doc = {t: _group(out[t]) for t in RECORD_TABLES}
    report, counts, mismatches = EvalReport(), dict[str, list[int]](), list[Mismatch]()
    for gold in golds:
        doc = docs.get(Path(gold.source).name)
        if doc is None:  # every gold record of the document is missed
            report.missing_documents.append(gold.source)
            report.tables["documents"].fn += 1
            for table, records in gold.tables.items():
                report.tables[table].fn += len(records)
            continue
        report.tables["documents"].tp += 1
        doc_id = doc.get("document_id", "")
        ctx = _Document(
            gold, by_doc["decisions"].get(doc_id, []), counts, mismatches, assess_quotes
        )
        if gold.documents:
            ctx.compare("documents", gold.documents, doc)
        for table in RECORD_TABLES:  # themes first: actions refer to the matched themes
            if table in gold.tables:
                ctx.score(table, by_doc[table].get(doc_id, []), report.tables[table])
    report.fields = {k: correct / n for k, (correct, n) in counts.items()}
    report.assessed = {k: n for k, (_, n) in counts.items()}
    report.mismatches = mismatches[:max_mismatches]
    report.quotes = check_quotes(out_dir, [r for t in RECORD_TABLES for r in out[t]])
    return report


class _Document:
    """Comparison of one gold file with its output document; results go into shared tallies."""

    def __init__(
        self,
        gold: GoldFile,
        decisions: list[Row],
        counts: dict[str, list[int]],
        mismatches: list[Mismatch],
        assess_quotes: bool,
    ) -> None:
        self.gold, self.decisions, self.counts = gold, decisions, counts
        self.mismatches, self.assess_quotes = mismatches, assess_quotes
        self.theme_ids: dict[int, str] = {}  # gold theme index → matched output theme_id

    def score(self, table: str, rows: list[Row], score: TableScore) -> None:
        """Match one table's gold records and output rows, count tp/fp/fn, compare the pairs."""
        records = self.gold.tables[table]
        pairs = match(table, records, rows)
        score.tp += len(pairs)
        score.fp += len(rows) - len(pairs)
        score.fn += len(records) - len(pairs)
        key, source = MATCH_KEY[table], self.gold.source
        paired_gold, paired_out = {i for i, _ in pairs}, {j for _, j in pairs}
        self.mismatches += [
            Mismatch(source, table, "(missing)", r.get(key) or r.get("title"), None)
            for i, r in enumerate(records)
            if i not in paired_gold
        ]
        self.mismatches += [
            Mismatch(source, table, "(extra)", None, r.get(key))
            for j, r in enumerate(rows)
            if j not in paired_out
        ]
        if table == "themes":
            self.theme_ids = {i: rows[j].get("theme_id", "") for i, j in pairs}
        for i, j in pairs:
            self.compare(table, records[i], rows[j])

    def compare(self, table: str, record: dict[str, Any], row: Row) -> None:
        """Tally each non-null gold field of a matched pair as correct or not."""
        for name, want in record.items():
            if want is None or (name == "quote" and not self.assess_quotes):
                continue
            ok: bool | None
            if name == "theme":
                got = row.get("theme_id", "")
                ok = self._theme_ok(want, got)
                if ok is None:
                    continue  # the reference names no single gold theme: not assessable
            elif name == "decision_section":
                got = row.get("decision_id", "")
                ok = bool(got) and any(
                    d.get("decision_id") == got and _section(d.get("section", "")) == _section(want)
                    for d in self.decisions
                )
            else:
                got = row.get(name, "")
                ok = same(KINDS[table][name], want, got, section=name == "section")
            tally = self.counts.setdefault(f"{table}.{name}", [0, 0])
            tally[0] += ok
            tally[1] += 1
            if not ok:
                self.mismatches.append(Mismatch(self.gold.source, table, name, want, got or None))

    def _theme_ok(self, ref: str, theme_id: str) -> bool | None:
        """Right when the action's theme_id is that of the output theme matched to `ref`."""
        themes = self.gold.tables.get("themes", [])
        # Names first: ordinals repeat when a programme numbers themes and enablers alike.
        for attr in ("name", "ordinal"):
            hits = [
                i
                for i, t in enumerate(themes)
                if t.get(attr) is not None and normalise(str(t[attr])) == normalise(ref)
            ]
            if len(hits) == 1:
                # A gold theme the run missed has no output ID, so no action can point at it.
                return bool(theme_id) and self.theme_ids.get(hits[0]) == theme_id
        return None


def match(table: str, records: list[dict[str, Any]], rows: list[Row]) -> list[tuple[int, int]]:
    """Pair gold records (i) with output rows (j) one-to-one, greedily by best score."""
    scorer = _SCORERS[table]
    candidates = [
        (s, i, j)
        for i, g in enumerate(records)
        for j, r in enumerate(rows)
        if (s := scorer(g, r)) is not None
    ]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))  # equal scores: document order
    pairs: list[tuple[int, int]] = []
    for _, i, j in candidates:
        if all(i != a and j != b for a, b in pairs):
            pairs.append((i, j))
    return sorted(pairs)


def _fuzzy(attr: str) -> Callable[[dict[str, Any], Row], float | None]:
    def score(record: dict[str, Any], row: Row) -> float | None:
        s = similarity(normalise(record[attr]), normalise(row.get(attr, "")), THRESHOLD)
        return s if s >= THRESHOLD else None

    return score


def _funding_score(record: dict[str, Any], row: Row) -> float | None:
    amount = _number(row.get("amount_eur", ""), float)
    if amount is None or abs(amount - record["amount_eur"]) > TOLERANCE:
        return None
    return 2.0 if record.get("role") is not None and row.get("role") == record["role"] else 1.0


def _decision_score(record: dict[str, Any], row: Row) -> float | None:
    section = record.get("section")
    if section is not None and _section(section) != _section(row.get("section", "")):
        return None
    title = similarity(normalise(record.get("title") or ""), normalise(row.get("title", "")))
    if section is None:  # the document prints no §: match by title alone
        return title if title >= THRESHOLD else None
    return 1.0 + title  # equal sections: the closer title wins


_SCORERS = {
    "themes": _fuzzy("name"),
    "actions": _fuzzy("text"),
    "funding": _funding_score,
    "decisions": _decision_score,
}


def same(kind: Kind, want: Any, got: str, *, section: bool = False) -> bool:
    """Whether an output CSV cell holds the validated, non-null gold value `want`."""
    got = got.strip()
    items = [p for p in got.split(LIST_SEPARATOR) if p.strip()]
    if kind == "list_int":
        ints = [_number(p, int) for p in items]
        return None not in ints and set(ints) == set(want)
    if kind == "list_str":  # the schema writes an item's own "; " as ", ", so gold does too
        return {normalise(w.replace(LIST_SEPARATOR, ", ")) for w in want} == set(
            map(normalise, items)
        )
    if not got:
        return False  # an empty cell is None, and the gold value is not
    if section:
        return _section(got) == _section(want)
    if kind == "text":
        return similarity(normalise(want), normalise(got), THRESHOLD) >= THRESHOLD
    if kind == "str":
        return normalise(want) == normalise(got)
    if kind in ("int", "float"):
        number = _number(got, float)
        return number is not None and abs(number - want) <= TOLERANCE
    if kind == "bool":
        return got.lower() == ("true" if want else "false")
    return got == str(want)  # enums by value, dates as ISO strings


def check_quotes(out_dir: Path, rows: list[Row]) -> QuoteCheck:
    """Count output rows whose quote occurs in `text/<document_id>.txt`, and on their page."""
    check, texts = QuoteCheck(), dict[str, list[str] | None]()
    for row in rows:
        doc_id = row.get("document_id", "")
        if doc_id not in texts:
            path = out_dir / "text" / f"{doc_id}.txt"
            # Pages are separated by form feeds; quotes are compared whitespace-collapsed.
            texts[doc_id] = (
                [" ".join(p.split()) for p in path.read_text(encoding="utf-8").split("\f")]
                if path.is_file()
                else None
            )
        pages = texts[doc_id]
        if pages is None:
            check.without_text += 1
            continue
        check.checked += 1
        quote = " ".join(row.get("quote", "").split())
        if not quote or quote not in " ".join(pages):  # an empty quote traces nothing
            continue
        check.found += 1
        page = _number(row.get("page", ""), int)
        if page is not None and 1 <= page <= len(pages) and quote in pages[page - 1]:
            check.on_page += 1
    return check


def read_table(out_dir: Path, table: str) -> list[Row]:
    """Rows of one output CSV as strings; a missing or header-only table has none."""
    path = out_dir / f"{table}.csv"
    if not path.is_file():
        if table == "documents":
            raise EvaluationError(f"{out_dir}: no documents.csv (is it the --out folder of a run?)")
        return []
    with path.open(encoding="utf-8-sig", newline="") as fh:  # -sig: tolerate Excel's BOM
        reader = csv.DictReader(fh, restval="")
        rows = [{k: v or "" for k, v in row.items() if k is not None} for row in reader]
    need = ("document_id", "source_path") if table == "documents" else ("document_id",)
    absent = [c for c in need if c not in (reader.fieldnames or [])]
    if rows and absent:
        raise EvaluationError(f"{path}: no column {', '.join(absent)}")
    return rows


def _group(rows: list[Row]) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row.get("document_id", ""), []).append(row)
    return groups


def _section(value: Any) -> str:
    return "".join(str(value).replace("§", "").split())


def _number(text: str, kind: type[_N]) -> _N | None:
    try:
        return kind(text.strip())
    except ValueError:
        return None
