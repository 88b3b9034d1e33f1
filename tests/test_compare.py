"""`poimija compare`: the report and tables of a run written at test time from schema records.

The run (`_write_run`) is five documents — programmes of Joensuu, Porvoo and Heinola, minutes of
Kuopio and Porvoo — with themes, actions, funding and decisions chosen so that every number below
can be counted by hand from the records listed here. It is written by the real exporter.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.compare import compare, generated_at
from pipeline.outputs.export import write_outputs
from pipeline.run import DocumentResult
from schemas.records import Action, Decision, Document, Funding, Record, Theme
from schemas.vocab import (
    DocType,
    FundingRole,
    FundingSource,
    Outcome,
    SourceFormat,
    Status,
    ThemeKind,
)
from tests.conftest import RunOutput

STAMP = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
J, P, H, K, PM = (f"{c * 4}00000000000{n}" for c, n in zip("abcde", range(1, 6), strict=True))
BUDGET_WARNING = "budget breakdown: parts 1135740 + 456840 do not add up to the total 1600000"


def _doc(doc_id: str, code: str, name: str, **fields: object) -> Document:
    return Document(
        document_id=doc_id,
        source_path=f"in/{name.lower()}-{doc_id[:4]}.pdf",
        source_sha256=doc_id * 4,
        source_format=SourceFormat.PDF,
        municipality_code=code,
        municipality=name,
        **fields,  # type: ignore[arg-type]
    )


def _theme(doc: str, n: int, name: str, category: str | None, page: int, **kw: object) -> Theme:
    return Theme(
        theme_id=f"{doc}:theme{n}",
        document_id=doc,
        name=name,
        category=category,  # type: ignore[arg-type]
        page=page,
        quote=name,
        **kw,  # type: ignore[arg-type]
    )


def _action(doc: str, n: int, theme: int, text: str, page: int, **kw: object) -> Action:
    return Action(
        action_id=f"{doc}:action{n}",
        document_id=doc,
        theme_id=f"{doc}:theme{theme}",
        text=text,
        page=page,
        quote=f"{text} (s. {page})",
        **kw,  # type: ignore[arg-type]
    )


def _funding(n: int, amount: float, role: FundingRole, **kw: object) -> Funding:
    return Funding(
        funding_id=f"{K}:funding{n}",
        document_id=K,
        amount_eur=amount,
        amount_text=f"{amount} €",
        role=role,
        page=2,
        **kw,  # type: ignore[arg-type]
    )


def _decision(doc: str, n: int, **kw: object) -> Decision:
    return Decision(decision_id=f"{doc}:decision{n}", document_id=doc, page=1, **kw)  # type: ignore[arg-type]


DOCUMENTS = [
    _doc(J, "167", "Joensuu", doc_type=DocType.PROGRAMME, title="Joensuun digiohjelma",
         period_start=2022, period_end=2025),
    _doc(P, "638", "Porvoo", doc_type=DocType.PROGRAMME, title="Porvoon digiohjelma",
         period_start=2020, period_end=2023),
    _doc(H, "111", "Heinola", doc_type=DocType.PROGRAMME, title="Heinolan digitiekartta",
         period_start=2022, period_end=2025),
    _doc(K, "297", "Kuopio", doc_type=DocType.MINUTES, title="IDK-hanke",
         body="Kaupunginhallitus", meeting_date=dt.date(2019, 9, 16),
         warnings=[BUDGET_WARNING, "1 page(s) OCR'd with Tesseract (fin+swe)"]),
    _doc(PM, "638", "Porvoo", doc_type=DocType.MINUTES, title="Digiohjelma 2024-2026",
         body="Kaupunginhallitus", meeting_date=dt.date(2024, 1, 22)),
]  # fmt: skip

RECORDS: dict[str, dict[str, list[Record]]] = {
    J: {
        "themes": [
            _theme(J, 1, "Asiakaslähtöinen sujuva arki", "e_services", 1),
            _theme(J, 2, "Tiedolla johtaminen", "data", 1),
        ],
        "actions": [
            # No category of its own: it takes its theme's (e_services).
            _action(J, 1, 1, "Sähköinen ajanvaraus", 2, years=[2022, 2023], status=Status.ONGOING),
            _action(J, 2, 2, "Tietoallas", 2, category="data", start_year=2023, end_year=2025,
                    status=Status.PLANNED),
        ],
    },
    P: {
        "themes": [
            _theme(P, 1, "Sähköinen kohtaaminen", "e_services", 3),
            _theme(P, 2, "Osaaminen", "skills", 20, kind=ThemeKind.ENABLER),
        ],
        "actions": [
            _action(P, 1, 1, "Verkkokauppa", 4, category="e_services", years=[2020, 2021],
                    status=Status.DONE, state_funded=True),
            _action(P, 2, 1, "Chatbot", 4, category="e_services", years=[2021],
                    status=Status.DONE, state_funded=False),
            _action(P, 3, 2, "Digituki", 21, category="skills", years=[2021, 2022, 2023],
                    status=Status.ONGOING, state_funded=True),
        ],
    },
    H: {
        "themes": [_theme(H, 1, "Kärkihankkeet", None, 2)],
        "actions": [
            _action(H, 1, 1, "Sähköinen arkisto", 5, category="architecture", years=[2022],
                    status=Status.POSTPONED, status_text="SIIRTYY V. 2027", postponed_to=2027),
            _action(H, 2, 1, "Robotiikka", 5),  # no category, no year, no status
        ],
    },
    K: {
        "funding": [
            _funding(1, 1592580.0, FundingRole.TOTAL_COST, project="IDK"),
            _funding(2, 1274064.0, FundingRole.GRANT, project="IDK", source=FundingSource.ESR,
                     share_percent=80.0),
            _funding(3, 318516.0, FundingRole.SELF_FINANCING, project="IDK",
                     source=FundingSource.MUNICIPALITY, share_percent=20.0),
            _funding(4, 1135740.0, FundingRole.OTHER, project="IDK", recipient="Kuopio"),
            _funding(5, 456840.0, FundingRole.OTHER, project="IDK", recipient="Siilinjärvi"),
            _funding(6, 318516.0, FundingRole.GRANT, project="Muu", source=FundingSource.EAKR),
        ],
        "decisions": [
            _decision(K, 1, body="Kaupunginhallitus", meeting_date=dt.date(2019, 9, 16),
                      outcome=Outcome.APPROVED, unanimous=True),
            _decision(K, 2, body="Kaupunginhallitus", meeting_date=dt.date(2019, 9, 16),
                      outcome=Outcome.AMENDED, unanimous=False, votes_for=7, votes_against=4,
                      votes_blank=0, votes_absent=0),
        ],
    },
    PM: {
        "decisions": [
            _decision(PM, 1, body="Kaupunginhallitus", meeting_date=dt.date(2024, 1, 22),
                      outcome=Outcome.APPROVED, unanimous=True),
            # Body and date come from the document; unanimity unknown.
            _decision(PM, 2, outcome=Outcome.NOTED),
            _decision(PM, 3, body="Tarkastuslautakunta", meeting_date=dt.date(2023, 5, 2),
                      outcome=Outcome.TABLED),
        ],
    },
}  # fmt: skip


def _write_run(out_dir: Path, *, records: bool = True) -> Path:
    results = [
        DocumentResult(
            path=Path(d.source_path),
            document=d,
            records=RECORDS.get(d.document_id, {}) if records else {},
        )
        for d in DOCUMENTS
    ]
    write_outputs(out_dir, results)
    return out_dir


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = _write_run(tmp_path_factory.mktemp("run"))
    compare(out, html=out / "report.html", markdown=out / "report.md", stamp=STAMP)
    return out


@pytest.fixture(scope="module")
def html(run: Path) -> str:
    return (run / "report.html").read_text(encoding="utf-8")


def test_category_matrix_counts_themes_and_actions_per_city(run: Path) -> None:
    rows = _rows(run / "compare" / "category_matrix.csv")
    nonzero = {
        (r["category"], r["municipality"]): (int(r["themes"]), int(r["actions"]))
        for r in rows
        if r["themes"] != "0" or r["actions"] != "0"
    }
    assert nonzero == {
        ("e_services", "Joensuu"): (1, 1),  # the action inherits its theme's category
        ("e_services", "Porvoo"): (1, 2),
        ("data", "Joensuu"): (1, 1),
        ("skills", "Porvoo"): (1, 1),
        ("architecture", "Heinola"): (0, 1),
        ("", "Heinola"): (1, 1),
    }
    # Every category × every municipality, plus the uncategorised row: 11 × 4 rows.
    assert len(rows) == 11 * 4
    assert rows[0]["category_label"] == "Sähköiset palvelut ja asiakaskokemus"
    assert [r["municipality"] for r in rows[:4]] == ["Heinola", "Joensuu", "Kuopio", "Porvoo"]


def test_documents_years_status_and_state_funding(run: Path) -> None:
    docs = _rows(run / "compare" / "documents.csv")
    assert [(d["municipality"], d["document_id"]) for d in docs] == [
        ("Heinola", H), ("Joensuu", J), ("Kuopio", K), ("Porvoo", P), ("Porvoo", PM),
    ]  # fmt: skip
    porvoo = docs[3]
    assert (porvoo["themes"], porvoo["actions"]) == ("2", "3")
    assert (porvoo["state_funded"], porvoo["state_funded_known"]) == ("2", "3")
    assert porvoo["state_funded_share_percent"] == "66.7"
    assert docs[1]["state_funded_share_percent"] == ""  # Joensuu states no state funding
    years = {
        (r["municipality"], int(r["year"])): int(r["actions"])
        for r in _rows(run / "compare" / "actions_by_year.csv")
    }
    assert years == {
        ("Heinola", 2022): 1,
        ("Joensuu", 2022): 1, ("Joensuu", 2023): 2, ("Joensuu", 2024): 1, ("Joensuu", 2025): 1,
        ("Porvoo", 2020): 1, ("Porvoo", 2021): 3, ("Porvoo", 2022): 1, ("Porvoo", 2023): 1,
    }  # fmt: skip
    status = [
        (r["municipality"], r["status"], r["actions"])
        for r in _rows(run / "compare" / "status.csv")
    ]
    assert status == [
        ("Heinola", "postponed", "1"), ("Heinola", "", "1"),
        ("Joensuu", "ongoing", "1"), ("Joensuu", "planned", "1"),
        ("Porvoo", "done", "2"), ("Porvoo", "ongoing", "1"),
    ]  # fmt: skip


def test_funding_by_source_and_role_with_shares(run: Path) -> None:
    rows = [
        (r["role"], r["source"], r["records"], r["amount_eur"], r["share_of_role_percent"])
        for r in _rows(run / "compare" / "funding_by_source.csv")
    ]
    assert rows == [
        ("total_cost", "", "1", "1592580.00", "100.0"),
        ("grant", "ESR", "1", "1274064.00", "80.0"),  # 1274064 / (1274064 + 318516)
        ("grant", "EAKR", "1", "318516.00", "20.0"),
        ("self_financing", "municipality", "1", "318516.00", "100.0"),
        ("other", "", "2", "1592580.00", "100.0"),
    ]
    breakdown = [
        (r["funding_id"].split(":")[1], r["share_of_total_percent"], r["share_percent_stated"])
        for r in _rows(run / "compare" / "budget_breakdowns.csv")
    ]
    # Project "Muu" has no total cost, so it is no breakdown.
    assert breakdown == [
        ("funding1", "100.0", ""),
        ("funding2", "80.0", "80.0"),
        ("funding3", "20.0", "20.0"),
        ("funding4", "71.3", ""),  # 1135740 / 1592580 = 0.7131
        ("funding5", "28.7", ""),
    ]
    warnings = _rows(run / "compare" / "funding_warnings.csv")
    assert [(w["municipality"], w["warning"]) for w in warnings] == [("Kuopio", BUDGET_WARNING)]


def test_decisions_per_body_and_year(run: Path) -> None:
    rows = _rows(run / "compare" / "decisions_by_body.csv")
    got = [
        (r["municipality"], r["body"], r["year"], r["decisions"], r["approved"], r["amended"],
         r["noted"], r["tabled"], r["unanimity_share_percent"], r["voted"], r["votes_for"],
         r["votes_against"])
        for r in rows
    ]  # fmt: skip
    assert got == [
        ("Kuopio", "Kaupunginhallitus", "2019", "2", "1", "1", "0", "0", "50.0", "1", "7", "4"),
        ("Porvoo", "Kaupunginhallitus", "2024", "2", "1", "0", "1", "0", "100.0", "0", "0", "0"),
        ("Porvoo", "Tarkastuslautakunta", "2023", "1", "0", "0", "0", "1", "", "0", "0", "0"),
    ]


def test_matrix_cells_link_to_their_records(html: str) -> None:
    links = re.findall(r'<a href="#(cell-[^"]+)"', html)
    assert sorted(links) == sorted(
        [
            "cell-e_services-167",
            "cell-e_services-638",
            "cell-data-167",
            "cell-skills-638",
            "cell-architecture-111",
            "cell-none-111",
        ]
    )
    for anchor in links:
        assert html.count(f'id="{anchor}"') == 1
    section = html.split('id="cell-e_services-167"', 1)[1].split("</section>", 1)[0]
    # Document, page, text and quote of both records; the action's category came from its theme.
    assert "Joensuun digiohjelma" in section
    assert "Asiakaslähtöinen sujuva arki" in section
    assert "Sähköinen ajanvaraus (s. 2)" in section
    assert '<td class="n">2</td>' in section
    assert "luokka teemasta" in section


def test_html_shows_cities_charts_warnings_and_bilingual_labels(html: str) -> None:
    for city in ("Joensuu", "Porvoo", "Heinola", "Kuopio"):
        assert city in html
    assert html.count("<svg") >= 4  # categories, status, funding, decisions (+ year columns)
    assert BUDGET_WARNING in html
    assert "OCR'd" not in html  # not a budget warning
    assert '<th title="Municipality">Kunta</th>' in html
    assert 'title="E-services and customer experience">Sähköiset palvelut' in html
    assert html.count("2026-01-02 03:04 UTC") == 1
    assert "1\u00a0592\u00a0580\u00a0€" in html


def test_html_has_no_network_resources(html: str) -> None:
    targets = re.findall(r"""\b(?:src|href)\s*=\s*["']?([^"'\s>]*)""", html, re.I)
    assert targets  # the matrix links and the table of contents
    assert all(t.startswith("#") for t in targets), targets
    assert "http://" not in html and "https://" not in html
    assert "<script" not in html and "<link" not in html and "url(" not in html


def test_same_run_and_time_give_identical_bytes(run: Path, tmp_path: Path) -> None:
    first = compare(run, html=tmp_path / "a.html", markdown=tmp_path / "a.md",
                    tables_dir=tmp_path / "a", stamp=STAMP)  # fmt: skip
    second = compare(run, html=tmp_path / "b.html", markdown=tmp_path / "b.md",
                     tables_dir=tmp_path / "b", stamp=STAMP)  # fmt: skip
    assert first.html and second.html
    assert first.html.read_bytes() == second.html.read_bytes()
    assert (tmp_path / "a.md").read_bytes() == (tmp_path / "b.md").read_bytes()
    for a, b in zip(first.tables, second.tables, strict=True):
        assert a.read_bytes() == b.read_bytes()
    assert first.html.read_bytes() == (run / "report.html").read_bytes()


def test_source_date_epoch_sets_the_generated_at_line(run: Path, tmp_path: Path) -> None:
    assert generated_at(None, {"SOURCE_DATE_EPOCH": "1700000000"}) == dt.datetime(
        2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC
    )
    assert generated_at("2026-01-02T03:04:05Z", {}) == STAMP
    report = tmp_path / "r.html"
    result = CliRunner().invoke(
        main,
        ["compare", str(run), "--html", str(report), "--tables", str(tmp_path / "t"), "-q"],
        env={"SOURCE_DATE_EPOCH": "1700000000"},
    )
    assert result.exit_code == 0, result.output
    assert "2023-11-14 22:13 UTC" in report.read_text(encoding="utf-8")
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == [
        "actions_by_year.csv", "budget_breakdowns.csv", "category_matrix.csv",
        "decisions_by_body.csv", "documents.csv", "funding_by_source.csv",
        "funding_warnings.csv", "status.csv",
    ]  # fmt: skip


def test_markdown_report_and_english_labels(run: Path, tmp_path: Path) -> None:
    md = (run / "report.md").read_text(encoding="utf-8")
    assert "| Sähköiset palvelut ja asiakaskokemus | – | 1 · 1 | – | 1 · 2 |" in md
    assert "| Kuopio | Kaupunginhallitus | 2019 | 2 | hyväksytty 1, muutettu 1 | 50,0 % |" in md
    compare(run, html=tmp_path / "en.html", tables_dir=tmp_path / "t", lang="en", stamp=STAMP)
    en = (tmp_path / "en.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in en
    assert '<th title="Kunta">Municipality</th>' in en
    assert "€1,592,580" in en


def test_empty_record_tables_give_empty_states(tmp_path: Path) -> None:
    out = _write_run(tmp_path / "run", records=False)
    (out / "funding.csv").unlink()  # an older run without the table
    result = compare(out, html=out / "r.html", markdown=out / "r.md", stamp=STAMP)
    html = (out / "r.html").read_text(encoding="utf-8")
    for empty in (
        "Ei teemoja eikä toimenpiteitä",
        "Ei rahoituskirjauksia",
        "Ei päätöksiä",
        "Ei hankkeita, joilla on kokonaiskustannus.",
    ):
        assert empty in html
    assert BUDGET_WARNING in html  # document warnings do not need funding records
    assert "funding.csv missing: read as empty" in html
    assert result.comparison.counts == {
        "documents": 5, "themes": 0, "actions": 0, "funding": 0, "decisions": 0,
    }  # fmt: skip
    for city in ("Joensuu", "Porvoo", "Heinola", "Kuopio"):
        assert city in html
    assert len(_rows(out / "compare" / "category_matrix.csv")) == 10 * 4  # all zero
    assert _rows(out / "compare" / "decisions_by_body.csv") == []
    assert "_Ei päätöksiä: päätöstaulukko on tyhjä._" in (out / "r.md").read_text(encoding="utf-8")


def test_cli_without_report_options_writes_the_html_beside_the_tables(tmp_path: Path) -> None:
    out = _write_run(tmp_path / "run")
    result = CliRunner().invoke(main, ["compare", str(out), "--generated-at", "2026-01-02"])
    assert result.exit_code == 0, result.output
    html = (out / "compare" / "report.html").read_text(encoding="utf-8")
    assert "2026-01-02 00:00 UTC" in html
    assert str(out / "compare" / "report.html") in result.output  # the files written, on stderr


def test_a_folder_that_is_not_a_run_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["compare", str(tmp_path)])
    assert result.exit_code == 1
    assert "has no documents.csv" in result.output


def test_bad_row_is_skipped_and_reported(tmp_path: Path) -> None:
    out = _write_run(tmp_path / "run")
    path = out / "themes.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",data,", ",nonsense,"), "utf-8")
    result = compare(out, html=out / "r.html", stamp=STAMP)
    assert result.comparison.counts["themes"] == 4
    assert any(p.startswith("themes.csv line 3: category:") for p in result.comparison.problems)


def test_records_of_a_missing_document_are_reported(tmp_path: Path) -> None:
    out = _write_run(tmp_path / "run")
    path = out / "documents.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(ln for ln in lines if not ln.startswith(H)), "utf-8")
    result = compare(out, html=out / "r.html", stamp=STAMP)
    assert result.comparison.problems == [
        "themes.csv: 1 record(s) of documents not in documents.csv",
        "actions.csv: 2 record(s) of documents not in documents.csv",
    ]
    assert [m.name for m in result.comparison.municipalities] == ["Joensuu", "Kuopio", "Porvoo"]


def test_sample_run_report_shows_every_city(sample_run: RunOutput, tmp_path: Path) -> None:
    report = tmp_path / "samples.html"
    compare(sample_run.out_dir, html=report, tables_dir=tmp_path / "t", stamp=STAMP)
    html = report.read_text(encoding="utf-8")
    cities = {r["municipality"] for r in sample_run.rows("documents") if r["municipality"]}
    assert {"Joensuu", "Porvoo", "Heinola", "Kuopio"} <= cities
    for city in cities:
        assert city in html
    # Every municipality with a theme of a shared category has a linked cell in the matrix.
    docs = {r["document_id"]: r["municipality_code"] for r in sample_run.rows("documents")}
    for theme in sample_run.rows("themes"):
        if theme["category"]:
            assert f'href="#cell-{theme["category"]}-{docs[theme["document_id"]]}"' in html


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("chromium is not installed (`make test` installs the Debian package `chromium`)")


def test_report_renders_in_headless_chromium(run: Path, tmp_path: Path) -> None:
    from PIL import Image

    browser = _chromium()
    url = (run / "report.html").resolve().as_uri()
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    shot = tmp_path / "report.png"
    subprocess.run(
        [browser, *flags, f"--screenshot={shot}", "--window-size=1280,2400", url],
        check=True,
        capture_output=True,
        timeout=180,
    )
    dom = subprocess.run(
        [browser, *flags, "--dump-dom", url],
        check=True,
        capture_output=True,
        text=True,
        timeout=180,
    ).stdout
    assert shot.stat().st_size > 20_000
    with Image.open(shot) as image:
        assert image.size == (1280, 2400)
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000) or []
        assert len(colours) > 100  # text, tables and charts, not a blank page
    for city in ("Joensuu", "Porvoo", "Heinola", "Kuopio"):
        assert city in dom
    assert "<svg" in dom and "<rect" in dom


def test_every_kind_of_breakdown_warning_is_a_budget_warning() -> None:
    # The warnings come from the funding extractor's own check, so a new wording there that the
    # report would not recognise fails here.
    from extractors.breakdown import BudgetLine, Share, check
    from pipeline.compare.model import budget_warnings

    def line(amount: float, role: FundingRole, **extra: object) -> BudgetLine:
        return BudgetLine("IDK", "'IDK'", 2, amount, 1.0, role, **extra)  # type: ignore[arg-type]

    lines = [
        line(1600000, FundingRole.TOTAL_COST),
        line(1135740, FundingRole.OTHER, recipient="Kuopio"),
        line(456840, FundingRole.OTHER, recipient="Savonia"),
        line(300000, FundingRole.SELF_FINANCING, share_percent=20.0),
        line(75716, FundingRole.ANNUAL, per_year=True, years=3, parent=3),
    ]
    shares = [
        Share("IDK", "'IDK'", 2, FundingRole.GRANT, FundingSource.ESR, 80.0),
        Share("IDK", "'IDK'", 2, FundingRole.SELF_FINANCING, FundingSource.MUNICIPALITY, 30.0),
    ]
    warnings = check(lines, shares)
    assert len(warnings) == 4  # parts, a share, a yearly figure, the shares
    document = Document(
        document_id="0123456789abcdef",
        source_path="idk.pdf",
        source_sha256="0" * 64,
        source_format=SourceFormat.PDF,
        pages=2,
        pipeline_version="test",
        extracted_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        warnings=[*warnings, "1 page(s) OCR'd with Tesseract (fin+swe)"],
    )
    assert budget_warnings(document) == warnings
