"""The development corpus (../shared/dev): 28 documents in many layouts, scored against gold.

The floors are the ones the document-tree issue sets (themes and actions found in any layout,
their key fields right, programmes recognised with their period) and the minutes issue's
(§ items of any meeting system with their outcomes, votes and proposers) and the funding
issue's (amounts in prose and project tables, with role, source, share and period). Also here:
the tree each run writes (structure/<id>.json) and `poimija structure`, checked against the
documents.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.evaluation.evaluate import EvalReport, evaluate
from tests.conftest import ROOT, RunOutput, _run

DEV = ROOT.parent / "shared" / "dev"


@pytest.fixture(scope="module")
def dev_run(tmp_path_factory: pytest.TempPathFactory) -> RunOutput:
    """poimija run over ../shared/dev/pdf (once per module); skipped where it is absent."""
    if not (DEV / "pdf").is_dir():
        pytest.skip(f"development corpus not found at {DEV} (it lives in shared/)")
    return _run(sorted((DEV / "pdf").glob("*.pdf")), tmp_path_factory.mktemp("dev-out"))


@pytest.fixture(scope="module")
def report(dev_run: RunOutput) -> EvalReport:
    """The run scored against the corpus' gold."""
    return evaluate(DEV / "gold", dev_run.out_dir)


@pytest.mark.parametrize(("table", "floor"), [("themes", 0.90), ("actions", 0.85)])
def test_themes_and_actions_of_any_layout(report: EvalReport, table: str, floor: float) -> None:
    score = report.tables[table]
    assert score.f1 is not None and score.f1 >= floor, score.to_dict()


@pytest.mark.parametrize(
    "field",
    ["actions.years", "actions.responsible", "actions.status", "themes.kind"],
)
def test_key_fields(report: EvalReport, field: str) -> None:
    assert report.assessed[field] >= 50
    assert report.fields[field] >= 0.85, report.fields[field]


@pytest.mark.parametrize(
    "field", ["documents.doc_type", "documents.period_start", "documents.period_end"]
)
def test_programmes_are_recognised_with_their_period(report: EvalReport, field: str) -> None:
    assert report.fields[field] >= 0.95


def test_minutes_of_any_meeting_system(report: EvalReport) -> None:
    """The minutes issue's floor: § items found whatever their heading's arrangement."""
    score = report.tables["decisions"]
    assert score.f1 is not None and score.f1 >= 0.97, score.to_dict()


def test_funding_in_prose_and_project_tables(report: EvalReport) -> None:
    # Amounts of running text and of tables that budget a project (issue 17).
    score = report.tables["funding"]
    assert score.tp >= 170, score.to_dict()
    assert score.f1 is not None and score.f1 >= 0.95, score.to_dict()


@pytest.mark.parametrize(
    ("field", "floor"),
    [
        ("decisions.section", 0.95),
        ("decisions.meeting_date", 0.95),
        ("decisions.body", 0.95),
        ("decisions.case_number", 0.95),
        ("decisions.outcome", 0.90),
        ("decisions.unanimous", 0.90),
        ("decisions.votes_for", 0.90),
        ("decisions.votes_against", 0.90),
        ("decisions.proposer", 0.90),
        ("documents.body", 0.95),
        ("documents.meeting_date", 0.95),
    ],
)
def test_decision_fields(report: EvalReport, field: str, floor: float) -> None:
    assert report.assessed[field] >= 5
    assert report.fields[field] >= floor, report.fields[field]


def test_agenda_items_headed_by_body_section_and_date(dev_run: RunOutput) -> None:
    # An agenda (esityslista) heads each item "Kaupunginhallitus § 150 15.9.2025" and lists
    # the items with their pages first: proposals only, nothing decided yet.
    result = dev_run.by_source()["d20_forssa_kh_esityslista_2025_09_15.pdf"]
    decisions = result.records["decisions"]
    assert [d.section for d in decisions] == [str(n) for n in range(150, 157)]
    assert {(str(d.outcome), d.decision) for d in decisions} == {("other", None)}
    assert {d.proposer for d in decisions} == {"Kaupunginjohtaja"}


def test_scanned_minutes_with_section_signs_misread(dev_run: RunOutput) -> None:
    # Tesseract reads "KH 3.11.2025 § 281" as "… $ 281" or "… 8 283".
    result = dev_run.by_source()["d27_ylivieska_kh_2025-11-03_skannattu.pdf"]
    decisions = {d.section: d for d in result.records["decisions"]}
    assert sorted(decisions) == ["281", "282", "283"]
    assert decisions["282"].title == "PÖYTÄKIRJAN TARKASTAJIEN VALINTA"
    assert decisions["283"].case_number == "215/02.05.01/2025"
    assert {d.body for d in decisions.values()} == {"Kaupunginhallitus"}


def test_a_bilingual_item_is_one_decision(dev_run: RunOutput) -> None:
    # Swedish first, then the same item in Finnish: one decision, in the first language.
    result = dev_run.by_source()["d28_sibbo_kst_2025-09-08_tvasprakigt.pdf"]
    decisions = {d.section: d for d in result.records["decisions"]}
    assert sorted(decisions) == [str(n) for n in range(250, 256)]
    assert decisions["252"].proposer == "Kommundirektör"
    assert str(decisions["254"].outcome) == "removed"
    assert str(result.document.meeting_date) == "2025-09-08"


@pytest.mark.parametrize(
    ("field", "floor"),
    [
        ("funding.role", 0.90),
        ("funding.source", 0.90),
        ("funding.period_start", 0.90),
        ("funding.period_end", 0.90),
        ("funding.per_year", 0.90),
        ("funding.share_percent", 0.95),
        ("funding.amount_eur", 0.95),
    ],
)
def test_funding_fields(report: EvalReport, field: str, floor: float) -> None:
    assert report.assessed[field] >= 30
    assert report.fields[field] >= floor, report.fields[field]


def _tree_of(run: RunOutput, name: str) -> dict[str, object]:
    result = run.by_source()[name]
    assert result.document is not None
    path = run.out_dir / "structure" / f"{result.document.document_id}.json"
    tree: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return tree


def _sections(node: dict[str, object]) -> list[dict[str, object]]:
    children = node.get("children", [])
    assert isinstance(children, list)
    found = [node] if node.get("kind") == "section" else []
    for child in children:
        found.extend(_sections(child))
    return found


def test_run_writes_the_tree_with_sections_and_fields(dev_run: RunOutput) -> None:
    # Loviisa: numbered sections 1–5, sub-sections 2.1 … whose fields are printed as
    # "Ansvarig: / Tidsplan: / Status: / Indikator:" in a column beside their keys.
    tree = _tree_of(dev_run, "d09_loviisa_digitaliseringsprogram_2025_2027.pdf")
    sections = {(s["ordinal"], s["title"]): s for s in _sections(tree["root"])}  # type: ignore[arg-type]
    assert ("2", "Tjänster för invånare och företag") in sections
    sub = sections[("2.2", "Ny tvåspråkig webbplats")]
    fields = {c["key"]: c["value"] for c in sub["children"] if c["kind"] == "field"}  # type: ignore[union-attr]
    assert fields["Ansvarig"] == "Kommunikationen"
    assert fields["Tidsplan"] == "2025–2026"
    assert fields["Status"] == "Pågår"
    assert sub["level"] > sections[("2", "Tjänster för invånare och företag")]["level"]  # type: ignore[operator]


def test_run_writes_an_unruled_table_with_group_rows(dev_run: RunOutput) -> None:
    # Kotka: a table without rulings, themes as bold rows spanning it, cells that wrap.
    tree = _tree_of(dev_run, "d03_kotka_digitalisaatio_ohjelma_2025_2027.pdf")
    tables = [n for s in _sections(tree["root"]) for n in s["children"] if n["kind"] == "table"]  # type: ignore[union-attr]
    assert len(tables) == 1
    table = tables[0]
    assert table["ruled"] is False and table["pages"] == [1, 2]
    assert table["header"] == [["Nro", "Toimenpide", "Vastuutaho", "Aikataulu", "Tila"]]
    groups = [row["cells"][0] for row in table["rows"] if row["group"]]
    assert groups == [
        "Teema 1: Digitaaliset asiointipalvelut",
        "Teema 2: Tiedolla johtaminen",
        "Teema 3: Työn digitalisointi ja automaatio",
        "Teema 4: Osaaminen ja tietoturva",
    ]
    first = next(row["cells"] for row in table["rows"] if not row["group"])
    assert first[1].split("\n") == [
        "Sähköisen asiointialustan käyttöönotto ja nykyisten",
        "lomakkeiden siirtäminen alustalle",
    ]
    assert first[3:] == ["2025–2026", "Käynnissä"]


def test_structure_command_prints_the_outline() -> None:
    pdf = DEV / "pdf" / "d02_pori_digitiekartta_2025_2027.pdf"
    if not pdf.exists():
        pytest.skip("development corpus not found")
    result = CliRunner().invoke(main, ["structure", str(pdf), "--width", "200"])
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.output.splitlines()]
    assert "§ [2] Sujuvat sähköiset palvelut  (p1)" in lines
    # The item's wrapped line is part of it; its owner and year stay in the text.
    assert (
        "• Sähköisen ajanvarauksen ja tilavarausten laajentaminen liikunta- ja "
        "kulttuuripalveluihin (vastuu: kulttuuri- ja liikuntapalvelut, 2025)"
    ) in lines
    as_json = CliRunner().invoke(main, ["structure", str(pdf), "--json"])
    assert json.loads(as_json.output)["root"]["kind"] == "section"


def test_a_failing_structure_stage_costs_only_themes_and_actions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Decisions and funding read the lines, not the tree: a bug in the structure stage must
    # not take them down with it.
    from pipeline import run as run_module
    from pipeline.run import Status, process_file

    def broken(_doc: object) -> None:
        raise ValueError("no tree today")

    monkeypatch.setattr(run_module, "build_tree", broken)
    result = process_file(ROOT / "samples" / "003_kuopio_kh_2019_idk_hanke.pdf")
    assert result.status is Status.PARTIAL
    assert [(e.stage, e.message) for e in result.errors] == [
        ("structure", "structure: ValueError: no tree today")
    ]
    assert [d.section for d in result.records["decisions"]] == ["81"]
    assert result.records["funding"] and not result.records.get("themes")
    assert result.outline is None and result.structure_json() is None


@pytest.mark.parametrize(
    ("name", "sections", "outcomes"),
    [
        # Council minutes whose items print the board's earlier handling (`Kunnanhallitus
        # 03.02.2025 § 30`, `Kaupunginhallitus 11.8.2025 § 201`): those are stages of the
        # council's items, and the council's own decision gives the outcome.
        (
            "d17_tuusula_kv_2025_02_17.pdf",
            ["5", "6", "7", "8", "9", "10"],
            {"8": "amended", "9": "returned"},
        ),
        (
            "d21_imatra_kv_2025_08_25.pdf",
            ["58", "59", "60", "61", "62", "63"],
            {"60": "amended"},
        ),
    ],
)
def test_earlier_handling_stages_are_no_decisions(
    dev_run: RunOutput, name: str, sections: list[str], outcomes: dict[str, str]
) -> None:
    result = dev_run.by_source()[name]
    decisions = result.records["decisions"]
    assert [d.section for d in decisions] == sections
    got = {d.section: str(d.outcome) for d in decisions}
    assert {s: got[s] for s in outcomes} == outcomes


def test_one_line_digests_with_a_dash_are_items(dev_run: RunOutput) -> None:
    # A decision bulletin prints each item on one line: "§ 206 Title — what was decided".
    result = dev_run.by_source()["d19_tornio_kh_paatostiedote_2025_06_09.pdf"]
    decisions = {d.section: d for d in result.records["decisions"]}
    assert sorted(decisions, key=int) == [str(n) for n in range(195, 209)]
    assert decisions["206"].title == "Kaupungintalon asiakaspalvelupisteen aukioloajat"
    assert str(decisions["206"].outcome) == "tabled"
    assert str(decisions["208"].outcome) == "returned"
    assert str(decisions["195"].outcome) == "noted"
