"""Checks shared by the minutes case tests: one PDF per case, the document's body, date and type,
the § items in order, and each item's fields against what its PDF prints."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline.run import DocumentResult, process_file
from schemas.records import Decision
from schemas.vocab import DocType

Run = Callable[[str], DocumentResult]


def runner(folder: Path, case_pdf: Callable[[Path, str], Path]) -> Run:
    """Process each case's PDF once, when a test first asks for it."""
    results: dict[str, DocumentResult] = {}

    def run(name: str) -> DocumentResult:
        if name not in results:
            results[name] = process_file(case_pdf(folder / f"{name}.pdf", name))
        return results[name]

    return run


def decisions_of(result: DocumentResult) -> dict[str, Decision]:
    """The decisions of a result by section."""
    found = [d for d in result.records["decisions"] if isinstance(d, Decision)]
    return {d.section or "": d for d in found}


def check_document(
    result: DocumentResult, document: tuple[str, dt.date, DocType], sections: list[str]
) -> None:
    """The document's body, meeting date and type, and its § items in order."""
    assert result.errors == [], result.errors
    assert result.document is not None
    got = (result.document.body, result.document.meeting_date, result.document.doc_type)
    assert got == document
    decisions = [d for d in result.records["decisions"] if isinstance(d, Decision)]
    assert [d.section for d in decisions] == sections


def check_item(
    result: DocumentResult,
    document: tuple[str, dt.date, DocType],
    section: str,
    fields: dict[str, Any],
) -> None:
    """The fields of one § item; a failure names every field that differs."""
    decisions = decisions_of(result)
    assert section in decisions, f"§ {section} not found; found {sorted(decisions)}"
    body, day, _ = document
    expected = {"body": body, "meeting_date": day, **fields}
    got = {field: getattr(decisions[section], field) for field in expected}
    wrong = {f: (expected[f], got[f]) for f in expected if got[f] != expected[f]}
    assert not wrong, "\n".join(f"{f}: expected {e!r}, got {g!r}" for f, (e, g) in wrong.items())
