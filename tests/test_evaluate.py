"""The evaluation harness, on hand-written gold and output fixtures scored by hand.

`tests/fixtures/eval/gold/` holds three gold files: kuopio (minutes: 3 decisions, 4 funding lines,
`"actions": []`, no themes key), porvoo (programme: 2 themes, 3 actions, no decisions or funding
keys) and heinola (absent from the run). `tests/fixtures/eval/out/` is a run written by hand:
documents kuo, por and xtra (no gold), their tables, and `text/kuo.txt` (two pages).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from pipeline.cli import main
from pipeline.evaluation.evaluate import (
    EvalReport,
    EvaluationError,
    Mismatch,
    evaluate,
    match,
    normalise,
    similarity,
)
from schemas.records import Action, Decision, Document, Funding, Record, Theme
from schemas.vocab import (
    DocType,
    FundingRole,
    FundingSource,
    Language,
    Outcome,
    SourceFormat,
    Status,
    ThemeKind,
)

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
GOLD = FIXTURES / "gold"
OUT = FIXTURES / "out"


@pytest.fixture(scope="module")
def report() -> EvalReport:
    return evaluate(GOLD, OUT)


def scores(report: EvalReport, table: str) -> tuple[Any, ...]:
    s = report.tables[table]
    return s.tp, s.fp, s.fn, s.precision, s.recall, s.f1


def write_gold(folder: Path, name: str, data: dict[str, Any] | str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def write_csv(path: Path, rows: list[dict[str, str]], columns: list[str] | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns or list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def one_document_run(out: Path, decisions: list[dict[str, str]] | None = None) -> Path:
    """An output folder with one document `d` (a.pdf) and, optionally, decisions."""
    write_csv(out / "documents.csv", [{"document_id": "d", "source_path": "in/a.pdf"}])
    if decisions is not None:
        write_csv(
            out / "decisions.csv",
            decisions,
            ["decision_id", "document_id", "section", "title", "outcome"],
        )
    return out


# --- text helpers ---------------------------------------------------------------------------


def test_normalise_casefolds_unifies_dashes_and_strips_edge_punctuation() -> None:
    assert normalise("  Digiohjelma 2024–2026. ") == "digiohjelma 2024-2026"
    assert normalise("«Sujuva\n  TYÖ»:") == "sujuva työ"
    assert normalise("Talous*") == "talous"
    assert normalise("a — b ‐ c") == "a - b - c"
    assert normalise("...") == ""


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


def test_similarity_one_typo_is_above_threshold_a_different_text_is_not() -> None:
    gold = normalise("Sähköinen ajanvaraus terveyspalveluihin")
    assert similarity(gold, gold) == 1.0
    # 38 of 39 and 38 characters in common: 2 * 38 / 77
    assert similarity(gold, normalise("Sähköinen ajanvaraus terveyspalveluhin")) == 76 / 77
    assert similarity(gold, normalise("Chatbot asiakaspalveluun"), floor=0.85) == 0.0


# --- matching -------------------------------------------------------------------------------


def test_actions_match_fuzzily_one_to_one() -> None:
    gold = [{"text": "Sähköinen ajanvaraus terveyspalveluihin"}, {"text": "Robotiikka"}]
    rows = [
        {"text": "Chatbot"},
        {"text": "Sähköinen ajanvaraus terveyspalveluhin"},
        {"text": "Sähköinen ajanvaraus terveyspalveluihin"},
    ]
    # The exact text beats the typo; the typo is then left over as an extra record.
    assert match("actions", gold, rows) == [(0, 2)]


def test_funding_matches_by_amount_and_breaks_ties_by_role() -> None:
    gold = [{"amount_eur": 50000.0, "role": "budget"}, {"amount_eur": 50000.0, "role": "annual"}]
    rows = [
        {"amount_eur": "50000.0", "role": "annual"},
        {"amount_eur": "50000.004", "role": "budget"},
        {"amount_eur": "50000.01", "role": "budget"},
    ]
    assert match("funding", gold, rows) == [(0, 1), (1, 0)]
    # Without roles in gold, equal amounts pair in document order.
    assert match("funding", [{"amount_eur": 50000.0}, {"amount_eur": 50000.0}], rows) == [
        (0, 0),
        (1, 1),
    ]


def test_decisions_match_by_section_then_title() -> None:
    gold: list[dict[str, Any]] = [
        {"section": "25", "title": "Digiohjelma 2024-2026"},
        {"section": None, "title": "Muut asiat"},
    ]
    rows = [
        {"section": "§ 25", "title": "Kokouksen avaus"},
        {"section": "§25", "title": "Digiohjelma"},
        {"section": "", "title": "Muut  asiat."},
    ]
    assert match("decisions", gold, rows) == [(0, 1), (1, 2)]


# --- the fixture run ------------------------------------------------------------------------


def test_table_scores(report: EvalReport) -> None:
    # documents: kuopio and porvoo found, heinola missing; xtra has no gold and is no error.
    assert scores(report, "documents") == (2, 0, 1, 1.0, 2 / 3, 0.8)
    # themes: porvoo's two (one name with different case and a colon); kuopio has no themes key.
    assert scores(report, "themes") == (2, 0, 0, 1.0, 1.0, 1.0)
    # actions: porvoo 2 matched (one with a typo), 1 extra, 1 missed; kuopio `[]` vs 1 output;
    # heinola's 2 missed with the document.
    assert scores(report, "actions") == (2, 2, 3, 0.5, 0.4, pytest.approx(4 / 9))
    # funding: 4 matched by amount (one 0.004 off), the 999 € line is extra.
    assert scores(report, "funding") == (4, 1, 0, 0.8, 1.0, pytest.approx(8 / 9))
    # decisions: § 81 and § 82 matched, § 83 missed, § 90 extra.
    assert scores(report, "decisions") == (2, 1, 1, 2 / 3, 2 / 3, pytest.approx(2 / 3))
    assert report.missing_documents == ["004_heinola.pdf"]


def test_field_accuracy(report: EvalReport) -> None:
    assert report.fields == {
        "documents.source_format": 1.0,
        "documents.pages": 0.0,
        "documents.language": 1.0,
        "documents.doc_type": 1.0,
        "documents.municipality_code": 1.0,
        "documents.municipality": 1.0,
        "documents.meeting_date": 1.0,
        "documents.period_start": 1.0,
        "documents.period_end": 0.0,
        "themes.ordinal": 1.0,
        "themes.name": 1.0,
        "themes.kind": 0.5,
        # theme "1" (ordinal) points at the right theme, theme "Sujuva työ" (name) does not
        "actions.theme": 0.5,
        "actions.text": 1.0,
        "actions.years": 1.0,
        "actions.state_funded": 1.0,
        "actions.responsible": 1.0,
        "funding.amount_eur": 1.0,
        "funding.amount_text": 1.0,
        "funding.role": 1.0,
        "funding.period_start": 1.0,
        "funding.page": 1.0,
        "funding.share_percent": 1.0,
        "funding.source": 1.0,
        "funding.per_year": 1.0,
        # the grant line has no decision_id
        "funding.decision_section": 0.5,
        "decisions.section": 1.0,
        "decisions.title": 1.0,
        "decisions.unanimous": 1.0,
        "decisions.preparers": 1.0,
        "decisions.recusals": 1.0,
        "decisions.page": 1.0,
        # § 82 is approved in gold, noted in the output
        "decisions.outcome": 0.5,
    }
    assert report.assessed["decisions.outcome"] == 2
    assert report.assessed["funding.role"] == 4
    assert report.assessed["actions.years"] == 2  # `[]` is assessed (and right: an empty cell)
    assert "actions.status" not in report.assessed  # gold null: not assessed
    assert "funding.quote" not in report.assessed  # quotes are checked separately


def test_quote_check(report: EvalReport) -> None:
    # kuo's 10 records: 7 quotes in the text (not: an empty one, "999 euroa", "§ 90 Muu asia"),
    # 6 of them on their page (not: "ESR-rahoitusta 80 %", on page 1 but said to be on 2).
    # por (5 records) and xtra (1) have no text file.
    assert report.quotes.to_dict() == {
        "quotes_found": 0.7,
        "quotes_on_page": 0.6,
        "checked": 10,
        "found": 7,
        "on_page": 6,
        "without_text": 6,
    }


def test_quotes_can_be_assessed_as_a_field() -> None:
    report = evaluate(GOLD, OUT, assess_quotes=True)
    assert (report.fields["funding.quote"], report.assessed["funding.quote"]) == (1.0, 1)


def test_mismatches_list_the_differences_in_order(report: EvalReport) -> None:
    kuopio, porvoo = "003_kuopio.pdf", "001_porvoo.pdf"
    assert report.mismatches == [
        Mismatch(kuopio, "documents", "pages", 3, "4"),
        Mismatch(kuopio, "actions", "(extra)", None, "Hankkeen käynnistys"),
        Mismatch(kuopio, "funding", "(extra)", None, "999.0"),
        Mismatch(kuopio, "funding", "decision_section", "81", None),
        Mismatch(kuopio, "decisions", "(missing)", "83", None),
        Mismatch(kuopio, "decisions", "(extra)", None, "90"),
        Mismatch(kuopio, "decisions", "outcome", "approved", "noted"),
        Mismatch(porvoo, "documents", "period_end", 2023, "2022"),
        Mismatch(porvoo, "themes", "kind", "theme", "enabler"),
        Mismatch(porvoo, "actions", "(missing)", "Robotiikka taloushallinnossa", None),
        Mismatch(porvoo, "actions", "(extra)", None, "Chatbot asiakaspalveluun"),
        Mismatch(porvoo, "actions", "theme", "Sujuva työ", "por:theme1"),
    ]
    assert evaluate(GOLD, OUT, max_mismatches=2).mismatches == report.mismatches[:2]


def test_text_report(report: EvalReport) -> None:
    lines = report.to_text().splitlines()
    assert lines[:6] == [
        "table             P      R     F1     TP     FP     FN",
        "documents     1.000  0.667  0.800      2      0      1",
        "themes        1.000  1.000  1.000      2      0      0",
        "actions       0.500  0.400  0.444      2      2      3",
        "funding       0.800  1.000  0.889      4      1      0",
        "decisions     0.667  0.667  0.667      2      1      1",
    ]
    assert "decisions.outcome                   0.500     2" in lines
    assert (
        "quotes: 7/10 found in the text, 6/10 on their page, 6 records without a text file" in lines
    )
    assert "missing documents: 004_heinola.pdf" in lines
    assert "  003_kuopio.pdf  decisions.outcome: approved | noted" in lines


# --- `[]` versus absent, and empty outputs --------------------------------------------------


def test_empty_list_is_assessed_absent_key_is_not(tmp_path: Path) -> None:
    out = one_document_run(
        tmp_path / "out",
        [
            {
                "decision_id": "d:decision1",
                "document_id": "d",
                "section": "5",
                "title": "X",
                "outcome": "approved",
            }
        ],
    )
    assessed = evaluate(
        write_gold(tmp_path / "g1", "a.json", {"source": "a.pdf", "decisions": []}), out
    )
    assert scores(assessed, "decisions") == (0, 1, 0, 0.0, 0.0, 0.0)
    absent = evaluate(write_gold(tmp_path / "g2", "a.json", {"source": "a.pdf"}), out)
    assert scores(absent, "decisions") == (0, 0, 0, None, None, None)
    assert absent.to_text().splitlines()[5] == (
        "decisions       n/a    n/a    n/a      0      0      0"
    )
    assert absent.to_dict()["tables"]["decisions"] == {
        "precision": None,
        "recall": None,
        "f1": None,
        "tp": 0,
        "fp": 0,
        "fn": 0,
    }


def test_gold_records_and_no_output_score_zero(tmp_path: Path) -> None:
    out = one_document_run(tmp_path / "out")  # no decisions.csv at all
    (out / "themes.csv").write_text("theme_id,document_id,name\n", encoding="utf-8")  # header only
    gold = write_gold(
        tmp_path / "gold",
        "a.json",
        {
            "source": "a.pdf",
            "decisions": [{"section": "1"}, {"section": 2}],
            "themes": [{"name": "Data"}],
        },
    )
    report = evaluate(gold, out)
    assert scores(report, "decisions") == (0, 0, 2, 0.0, 0.0, 0.0)
    assert scores(report, "themes") == (0, 0, 1, 0.0, 0.0, 0.0)
    assert report.fields == {}
    assert report.quotes.to_dict() == {
        "quotes_found": None,
        "quotes_on_page": None,
        "checked": 0,
        "found": 0,
        "on_page": 0,
        "without_text": 0,
    }


def test_a_perfect_run_written_from_schema_records_scores_one(tmp_path: Path) -> None:
    # The CSV cells come from the schema's own to_row (dates, bools, floats, lists), so this
    # checks that the evaluator reads what `poimija run` writes. The gold is typed by hand.
    doc = "53da9ac1bc290642"
    records: list[Record] = [
        Document(
            document_id=doc,
            source_path="samples/003.pdf",
            source_sha256="ab" * 32,
            source_format=SourceFormat.PDF,
            pages=3,
            language=Language.FI,
            doc_type=DocType.MINUTES,
            municipality_code="297",
            meeting_date=dt.date(2019, 9, 16),
            warnings=["a; b", "c"],
        ),
        Theme(
            theme_id=f"{doc}:theme1",
            document_id=doc,
            ordinal="a",
            name="Palvella asiakkaita",
            kind=ThemeKind.ENABLER,
            page=2,
            quote="a) Palvella asiakkaita",
        ),
        Action(
            action_id=f"{doc}:action1",
            document_id=doc,
            theme_id=f"{doc}:theme1",
            text="Talousraportointi, joka tukee resurssien kohdentamista",
            years=[2021, 2022],
            responsible=["Hallintojohto", "Kehitysyksikkö"],
            status=Status.POSTPONED,
            postponed_to=2025,
            state_funded=True,
        ),
        Funding(
            funding_id=f"{doc}:funding1",
            document_id=doc,
            decision_id=f"{doc}:decision1",
            amount_eur=1592580.0,
            amount_text="1.592.580 €",
            role=FundingRole.TOTAL_COST,
            source=FundingSource.ESR,
            share_percent=80.0,
            period_end=dt.date(2022, 12, 31),
        ),
        Decision(
            decision_id=f"{doc}:decision1",
            document_id=doc,
            section="§ 25",
            meeting_date=dt.date(2024, 1, 22),
            outcome=Outcome.APPROVED,
            unanimous=False,
            votes_for=7,
            votes_blank=0,
            experts=["talousjohtaja Satu Huikuri"],
            proposal="Kaupunginhallitus hyväksyy Digiohjelman 2024–2026 liitteineen.",
        ),
    ]
    out = tmp_path / "out"
    for record in records:
        write_csv(out / f"{record.table}.csv", [record.to_row()], type(record).columns())
    gold = write_gold(
        tmp_path / "gold",
        "003.json",
        {
            "source": "003.pdf",
            "documents": {
                "source_format": "pdf",
                "pages": 3,
                "language": "fi",
                "doc_type": "minutes",
                "municipality_code": "297",
                "meeting_date": "2019-09-16",
                "period_start": None,
                "warnings": ["C", "a; b"],
            },
            "themes": [
                {"ordinal": "a", "name": "Palvella asiakkaita", "kind": "enabler", "page": 2}
            ],
            "actions": [
                {
                    "theme": "a",
                    "text": "Talousraportointi, joka tukee resurssien kohdentamista",
                    "years": [2022, 2021],
                    "status": "postponed",
                    "postponed_to": 2025,
                    "state_funded": True,
                    "responsible": ["kehitysyksikkö", "Hallintojohto"],
                    "metrics": [],
                }
            ],
            "funding": [
                {
                    "amount_eur": 1592580,
                    "role": "total_cost",
                    "source": "ESR",
                    "share_percent": 80,
                    "period_end": "2022-12-31",
                    "per_year": False,
                    "decision_section": 25,
                }
            ],
            "decisions": [
                {
                    "section": "25",
                    "meeting_date": "2024-01-22",
                    "outcome": "approved",
                    "unanimous": False,
                    "votes_for": 7,
                    "votes_blank": 0,
                    "experts": ["Talousjohtaja Satu Huikuri"],
                    "recusals": [],
                    "proposal": "Kaupunginhallitus hyväksyy Digiohjelman 2024-2026 liitteineen",
                }
            ],
        },
    )
    report = evaluate(gold, out)
    assert [scores(report, t)[:3] for t in report.tables] == [(1, 0, 0)] * 5
    assert report.mismatches == []
    assert set(report.fields.values()) == {1.0}
    assert sum(report.assessed.values()) == len(report.assessed) == 35


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "{",
            "bad.json: not readable as JSON: Expecting property name enclosed in double quotes: "
            "line 1 column 2 (char 1)",
        ),
        ("[]", "bad.json: the top level must be an object"),
        ({"decisions": []}, "bad.json: 'source' must name the source file"),
        ({"source": "a.pdf", "decisions": {}}, "bad.json: 'decisions' must be a list of objects"),
        (
            {"source": "a.pdf", "decisions": [{"section": "1", "outcome": "aproved"}]},
            "bad.json: decisions[0].outcome: 'aproved' is not one of approved, amended, rejected, "
            "tabled, returned, noted, removed, other",
        ),
        (
            {"source": "a.pdf", "funding": [{"amount_eur": "1 000 €"}]},
            "bad.json: funding[0].amount_eur: '1 000 €' is not float",
        ),
        (
            {"source": "a.pdf", "funding": [{"amount_eur": 1.0, "period_start": "1.1.2020"}]},
            "bad.json: funding[0].period_start: '1.1.2020' is not an ISO date YYYY-MM-DD",
        ),
        (
            {"source": "a.pdf", "actions": [{"text": "x", "years": ["2020"]}]},
            "bad.json: actions[0].years: ['2020'] is not list of int",
        ),
        (
            {"source": "a.pdf", "actions": [{"theme": "1"}]},
            "bad.json: actions[0]: 'text' is needed to match the record",
        ),
        (
            {"source": "a.pdf", "decisions": [{"outcome": "approved"}]},
            "bad.json: decisions[0]: 'section' or 'title' is needed to match the record",
        ),
        (
            {"source": "a.pdf", "documents": {"pages": 2, "page_count": 2}},
            "bad.json: documents.page_count: unknown field (known: body, doc_type, extracted_at, "
            "language, meeting_date, municipality, municipality_code, ocr_pages, pages, "
            "period_end, period_start, pipeline_version, schema_version, source_format, "
            "source_path, source_sha256, title, warnings)",
        ),
    ],
)
def test_malformed_gold_names_file_and_problem(
    tmp_path: Path, content: dict[str, Any] | str, message: str
) -> None:
    gold = write_gold(tmp_path / "gold", "bad.json", content)
    with pytest.raises(EvaluationError) as info:
        evaluate(gold, OUT)
    assert str(info.value) == message
    assert isinstance(info.value, ValueError)


def test_two_gold_files_for_one_source(tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "gold", "a.json", {"source": "a.pdf"})
    write_gold(gold, "b.json", {"source": "dir/a.pdf"})
    with pytest.raises(EvaluationError) as info:
        evaluate(gold, OUT)
    assert str(info.value) == "b.json: source 'a.pdf' is also described by a.json"


def test_output_folder_without_documents_csv(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError) as info:
        evaluate(GOLD, tmp_path)
    assert str(info.value) == f"{tmp_path}: no documents.csv (is it the --out folder of a run?)"


def test_gold_folder_without_json(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError) as info:
        evaluate(tmp_path, OUT)
    assert str(info.value) == f"{tmp_path}: no gold files (*.json)"


# --- the CLI --------------------------------------------------------------------------------


def test_cli_json_shape() -> None:
    result = CliRunner().invoke(main, ["eval", str(GOLD), str(OUT), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == [
        "tables",
        "fields",
        "assessed",
        "quotes",
        "missing_documents",
        "mismatches",
    ]
    assert list(data["tables"]) == ["documents", "themes", "actions", "funding", "decisions"]
    assert data["tables"]["decisions"] == {
        "precision": 0.6667,
        "recall": 0.6667,
        "f1": 0.6667,
        "tp": 2,
        "fp": 1,
        "fn": 1,
    }
    assert data["tables"]["actions"] == {
        "precision": 0.5,
        "recall": 0.4,
        "f1": 0.4444,
        "tp": 2,
        "fp": 2,
        "fn": 3,
    }
    assert data["fields"]["decisions.outcome"] == 0.5
    assert data["assessed"]["decisions.outcome"] == 2
    assert data["missing_documents"] == ["004_heinola.pdf"]
    assert data["mismatches"][0] == {
        "source": "003_kuopio.pdf",
        "table": "documents",
        "field": "pages",
        "gold": 3,
        "got": "4",
    }


def test_cli_text() -> None:
    result = CliRunner().invoke(main, ["eval", str(GOLD), str(OUT)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[4] == "funding       0.800  1.000  0.889      4      1      0"


def test_cli_malformed_gold_exits_1_with_one_line(tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "gold", "bad.json", {"source": "a.pdf", "themes": [{"kind": "x"}]})
    result = CliRunner().invoke(main, ["eval", str(gold), str(OUT)])
    assert result.exit_code == 1
    assert result.output == (
        "Error: bad.json: themes[0].kind: 'x' is not one of theme, enabler, goal\n"
    )


def test_cli_output_folder_without_documents_csv_exits_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", str(GOLD), str(tmp_path)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {tmp_path}: no documents.csv (is it the --out folder of a run?)\n"
    )
