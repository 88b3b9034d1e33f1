"""Decisions from minutes: quality floors from `poimija eval` against gold written by reading.

Gold for the real PDFs lives in samples/gold/real-pdfs/ (it names the files; the PDFs stay in
../shared/real-pdfs/). Floors are those of the decisions issue.
"""

from __future__ import annotations

import csv

import pytest

from pipeline.evaluation.evaluate import EvalReport, evaluate
from tests.conftest import GOLD, RunOutput

KEY_FIELDS = ("outcome", "unanimous", "section", "meeting_date", "case_number", "body")


@pytest.fixture(scope="module")
def real_report(real_run: RunOutput) -> EvalReport:
    return evaluate(GOLD / "real-pdfs", real_run.out_dir)


def test_real_gold_covers_four_documents() -> None:
    assert len(list((GOLD / "real-pdfs").glob("*.json"))) >= 4


def test_real_decisions_f1(real_report: EvalReport) -> None:
    score = real_report.tables["decisions"]
    assert score.f1 is not None and score.f1 >= 0.90, score.to_dict()
    assert real_report.missing_documents == []


@pytest.mark.parametrize("field", KEY_FIELDS)
def test_real_decision_field_accuracy(real_report: EvalReport, field: str) -> None:
    assert real_report.fields[f"decisions.{field}"] >= 0.90


def _assert_quotes_on_their_pages(run: RunOutput) -> int:
    pages = {}
    for result in run.results:
        assert result.document is not None
        text = (run.out_dir / "text" / f"{result.document.document_id}.txt").read_text(
            encoding="utf-8"
        )
        pages[result.document.document_id] = [" ".join(p.split()) for p in text.split("\f")]
    with (run.out_dir / "decisions.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        page = pages[row["document_id"]][int(row["page"]) - 1]
        assert row["quote"] and " ".join(row["quote"].split()) in page, row["decision_id"]
    return len(rows)


def test_every_real_decision_quote_is_on_its_page(real_run: RunOutput) -> None:
    assert _assert_quotes_on_their_pages(real_run) >= 40


def test_every_sample_decision_quote_is_on_its_page(sample_run: RunOutput) -> None:
    assert _assert_quotes_on_their_pages(sample_run) == 4


@pytest.fixture(scope="module")
def sample_report(sample_run: RunOutput) -> EvalReport:
    return evaluate(GOLD, sample_run.out_dir)


def test_sample_decisions_f1(sample_report: EvalReport) -> None:
    score = sample_report.tables["decisions"]
    assert score.f1 is not None and score.f1 >= 0.95, score.to_dict()


@pytest.mark.parametrize("field", KEY_FIELDS)
def test_sample_decision_field_accuracy(sample_report: EvalReport, field: str) -> None:
    assert sample_report.fields[f"decisions.{field}"] >= 0.90


@pytest.mark.parametrize("field", ("preparers", "proposer", "proposal", "experts", "recusals"))
def test_sample_people_and_proposals(sample_report: EvalReport, field: str) -> None:
    # Kuopio's sample has an `Esitys` paragraph before its `Päätösehdotus`, an e-mail written
    # `(at)` under Valmistelija and a sentence-initial title before an expert's name.
    assert sample_report.fields[f"decisions.{field}"] == 1.0


def test_sample_documents_are_all_right(sample_report: EvalReport) -> None:
    assert sample_report.tables["documents"].f1 == 1.0
    documents = {k: v for k, v in sample_report.fields.items() if k.startswith("documents.")}
    assert documents and all(v == 1.0 for v in documents.values()), documents
