"""Funding records: quality floors from `poimija eval`, exact records of the samples, and the
budget breakdown check on generated minutes whose figures do or do not add up."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.evaluation.evaluate import EvalReport, evaluate
from pipeline.outputs.export import write_outputs
from pipeline.run import DocumentResult, process_file
from pipeline.settings import Settings
from schemas.records import Funding, record_id
from tests.conftest import GOLD, RunOutput
from tests.pdfgen import text_pdf

# Every funding field of the samples is right (issue 17: the samples stay at 1.00).
FIELD_FLOORS = dict.fromkeys(
    ("amount_eur", "role", "source", "share_percent", "period_start", "period_end", "per_year"),
    1.0,
)


@pytest.fixture(scope="module")
def sample_report(sample_run: RunOutput) -> EvalReport:
    return evaluate(GOLD, sample_run.out_dir)


def test_sample_funding_f1(sample_report: EvalReport) -> None:
    score = sample_report.tables["funding"]
    assert score.tp == 8, score.to_dict()  # 3 amounts in 001, 5 in 003
    assert score.f1 == 1.0, score.to_dict()


@pytest.mark.parametrize("field", FIELD_FLOORS)
def test_sample_funding_field_accuracy(sample_report: EvalReport, field: str) -> None:
    assert sample_report.fields[f"funding.{field}"] >= FIELD_FLOORS[field]


def _rows_of(run: RunOutput, source: str, table: str) -> list[dict[str, str]]:
    result = run.by_source()[source]
    assert result.document is not None
    return [r for r in run.rows(table) if r["document_id"] == result.document.document_id]


def test_kuopio_breakdown_as_printed(sample_run: RunOutput) -> None:
    rows = _rows_of(sample_run, "003_kuopio_kh_2019_idk_hanke.pdf", "funding")
    decision = _rows_of(sample_run, "003_kuopio_kh_2019_idk_hanke.pdf", "decisions")
    assert [(r["amount_eur"], r["role"], r["recipient"], r["share_percent"]) for r in rows] == [
        ("1592580.0", "total_cost", "", ""),
        ("1135740.0", "other", "Kuopion kaupunki", ""),
        ("456840.0", "other", "Savonia-ammattikorkeakoulu", ""),
        ("227148.0", "self_financing", "Kuopion kaupunki", "20.0"),
        ("75716.0", "annual", "Kuopion kaupunki", "20.0"),
    ]
    assert {r["decision_id"] for r in rows} == {decision[0]["decision_id"]}  # § 81
    assert {(r["period_start"], r["period_end"], r["page"]) for r in rows} == {
        ("2020-01-01", "2022-12-31", "2")
    }
    assert {r["project"] for r in rows} == {"Ihmiskeskeinen digitaalinen kunta"}
    assert rows[3]["amount_text"] == "enintään 227.148 €"
    assert (rows[4]["per_year"], rows[3]["source"]) == ("true", "municipality")


def test_porvoo_programme_amounts(sample_run: RunOutput) -> None:
    rows = _rows_of(sample_run, "001_porvoo_digiohjelma_2020_2023.pdf", "funding")
    assert [
        (r["page"], r["amount_text"], r["role"], r["source"], r["source_text"]) for r in rows
    ] == [
        ("3", "yli yhdeksän miljardin euron", "budget", "eu_other", "Digital Europe -ohjelma"),
        ("23", "30 milj. euroa", "budget", "state", "valtion budjetissa"),
        ("23", "noin 10 milj. euron", "grant", "state", "digikannustinrahaa"),
    ]
    assert [(r["period_start"], r["period_end"]) for r in rows] == [
        ("2021-01-01", "2027-12-31"),
        ("2019-01-01", "2019-12-31"),
        ("2020-01-01", "2021-12-31"),
    ]
    assert {r["decision_id"] for r in rows} == {""}  # a programme has no § items


def test_samples_without_money_have_no_funding(sample_run: RunOutput) -> None:
    for source in (
        "000_joensuu_kh_2022_digiohjelma.pdf",
        "004_heinola_digitiekartta_2022_2025.pdf",
    ):
        assert _rows_of(sample_run, source, "funding") == []


def test_sample_breakdowns_add_up(sample_run: RunOutput) -> None:
    for result in sample_run.results:
        assert result.document is not None
        assert not [w for w in result.document.warnings if w.startswith("funding:")]


def test_funding_quotes_are_on_their_pages(sample_run: RunOutput) -> None:
    rows = sample_run.rows("funding")
    for row in rows:
        text = (sample_run.out_dir / "text" / f"{row['document_id']}.txt").read_text("utf-8")
        page = " ".join(text.split("\f")[int(row["page"]) - 1].split())
        assert 0 < len(row["quote"]) <= 200 and row["quote"] in page, row["funding_id"]
        assert row["amount_text"] in row["quote"]
    assert len(rows) == 8


# --- the budget breakdown check, on generated minutes ---------------------------------------

HEAD = ["**Pöytäkirja**", "**§ 12 Vihreä siirtymä -hanke**", "Asianro 55/02.05.00/2024", ""]
TAIL = [
    "Henkilöstökulut 120 000 € 130 000 € 250 000 €",
    "**Päätösehdotus**",
    "Kaupunginhallitus hyväksyy hankehakemuksen ja varautuu omarahoitusosuuteen.",
]


def _minutes(tmp_path: Path, name: str, figures: dict[str, str]) -> DocumentResult:
    body = [
        "Vihreä siirtymä -hankkeen kokonaisbudjetti on {total} euroa vuosina 2024–2025,",
        "josta Lahden kaupungin osuus on {city} euroa ja Hämeen ammattikorkeakoulun",
        "osuus {school} euroa. Hankkeelle haetaan EAKR-rahoitusta {grant} %, ja",
        "omarahoitus on {own} %. Lahden kaupungin omarahoitus on yhteensä {own_eur}",
        "euroa ({yearly} €/vuosi), joka katetaan kehittämismäärärahasta.",
    ]
    lines = [*HEAD, *(line.format(**figures) for line in body), *TAIL]
    pdf = text_pdf(tmp_path / name, [lines])
    return process_file(pdf, Settings(extractors=["funding"], strict=True))


def _funding(result: DocumentResult) -> list[Funding]:
    records = result.records["funding"]
    assert all(isinstance(r, Funding) for r in records)
    return [r for r in records if isinstance(r, Funding)]


CONSISTENT = {
    "total": "500 000",
    "city": "300 000",
    "school": "200 000",
    "grant": "75",
    "own": "25",
    "own_eur": "75 000",
    "yearly": "37 500",
}


def test_consistent_breakdown_gives_records_and_no_warning(tmp_path: Path) -> None:
    result = _minutes(tmp_path, "breakdown_adds_up.pdf", CONSISTENT)
    assert result.document is not None and result.source is not None
    assert result.document.warnings == []
    records = _funding(result)
    got = [(r.amount_eur, r.role.value, r.recipient, r.share_percent, r.per_year) for r in records]
    assert got == [
        (500_000.0, "total_cost", None, None, False),
        (300_000.0, "other", "Lahden kaupunki", None, False),
        (200_000.0, "other", "Hämeen ammattikorkeakoulu", None, False),
        (75_000.0, "self_financing", "Lahden kaupunki", 25.0, False),
        (37_500.0, "annual", "Lahden kaupunki", 25.0, True),
    ]
    first = records[0]
    assert first.project == "Vihreä siirtymä"
    assert (first.period_start, first.period_end) == (dt.date(2024, 1, 1), dt.date(2025, 12, 31))
    assert first.decision_id == record_id(result.source.document_id, "decision", 1)
    assert 250_000.0 not in [r.amount_eur for r in records]  # the table row is left out


def test_inconsistent_breakdown_is_warned_not_fixed(tmp_path: Path) -> None:
    figures = {**CONSISTENT, "school": "250 000", "own": "20", "own_eur": "70 000"}
    result = _minutes(tmp_path, "breakdown_does_not_add_up.pdf", figures)
    assert result.document is not None
    assert result.document.warnings == [
        "funding: the parts of 'Vihreä siirtymä' (p. 1) add up to 550.000 € "
        "(300.000 € + 250.000 €), not to the total 500.000 €",
        "funding: 70.000 € of 'Vihreä siirtymä' (p. 1) is not 20 % of 300.000 € (60.000 €)",
        "funding: 37.500 € a year of 'Vihreä siirtymä' (p. 1) over 2 years is 75.000 €, "
        "not 70.000 €",
        "funding: the financing shares of 'Vihreä siirtymä' (p. 1) add up to 95 % "
        "(75 % + 20 %), not 100 %",
    ]
    amounts = [r.amount_eur for r in _funding(result)]
    assert amounts == [500_000.0, 300_000.0, 250_000.0, 70_000.0, 37_500.0]  # as printed


def test_warnings_reach_documents_csv(tmp_path: Path) -> None:
    figures = {**CONSISTENT, "school": "250 000"}
    result = _minutes(tmp_path, "parts_too_big.pdf", figures)
    write_outputs(tmp_path / "out", [result])
    with (tmp_path / "out" / "documents.csv").open(encoding="utf-8", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    assert "add up to 550.000 €" in row["warnings"]


# --- real PDFs: floors once their gold lists funding ----------------------------------------


def _real_gold_with_funding() -> list[Path]:
    paths = sorted((GOLD / "real-pdfs").glob("*.json"))
    return [p for p in paths if "funding" in json.loads(p.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def real_report(request: pytest.FixtureRequest) -> EvalReport:
    if not _real_gold_with_funding():
        pytest.skip("no real-PDF gold lists funding yet (samples/gold/real-pdfs/*.json)")
    run: RunOutput = request.getfixturevalue("real_run")
    return evaluate(GOLD / "real-pdfs", run.out_dir)


def test_real_funding_f1(real_report: EvalReport) -> None:
    score = real_report.tables["funding"]
    # 0.96 before tables were read: the large statement tables stay out (their gold lists
    # no table amounts).
    assert score.f1 is not None and score.f1 >= 0.96, score.to_dict()
    assert real_report.missing_documents == []


REAL_FLOORS = {
    "amount_eur": 0.95,
    "role": 0.95,
    "period_start": 0.95,
    "period_end": 0.95,
    "source": 0.90,
}


@pytest.mark.parametrize("field", REAL_FLOORS)
def test_real_funding_field_accuracy(real_report: EvalReport, field: str) -> None:
    assert real_report.assessed[f"funding.{field}"] >= 10  # enough gold values to mean something
    assert real_report.fields[f"funding.{field}"] >= REAL_FLOORS[field]
