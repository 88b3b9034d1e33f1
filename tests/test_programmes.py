"""Themes and actions of programmes: floors from `poimija eval`, and the readers' rules.

The floors are those of the themes/actions issue. Gold is in samples/gold/ (written by reading
the documents); the second-layout test re-renders one programme table from its gold rows.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.columns import split_units
from extractors.statuses import looks_like_status, read_status
from extractors.theme_cues import cue_kind
from pipeline.evaluation.evaluate import EvalReport, evaluate
from schemas.vocab import Status, ThemeKind
from tests.conftest import GOLD, RunOutput, _run


@pytest.fixture(scope="module")
def report(sample_run: RunOutput) -> EvalReport:
    return evaluate(GOLD, sample_run.out_dir)


def test_themes_f1(report: EvalReport) -> None:
    score = report.tables["themes"]
    assert score.f1 is not None and score.f1 >= 0.95, score.to_dict()


def test_actions_f1(report: EvalReport) -> None:
    score = report.tables["actions"]
    assert score.f1 is not None and score.f1 >= 0.90, score.to_dict()


@pytest.mark.parametrize("field", ["years", "responsible", "status", "state_funded", "theme"])
def test_action_field_accuracy(report: EvalReport, field: str) -> None:
    assert report.assessed[f"actions.{field}"] >= 50
    assert report.fields[f"actions.{field}"] >= 0.90


def test_every_theme_and_action_quote_is_on_its_page(report: EvalReport) -> None:
    assert report.quotes.checked >= 170 and report.quotes.on_page == report.quotes.checked


def test_prose_themes_are_five_not_one(sample_run: RunOutput) -> None:
    # "… keskeisiksi teemoiksi nousivat: A, B, C, D sekä E." — and each keeps its description.
    doc = sample_run.by_source()["000_joensuu_kh_2022_digiohjelma.pdf"].document
    assert doc is not None
    themes = [r for r in sample_run.rows("themes") if r["document_id"] == doc.document_id]
    assert [t["name"] for t in themes] == [
        "Asiakaslähtöinen sujuva arki",
        "Tiedolla johdettava ennakoiva ja älykäs kaupunki",
        "Kustannustehokkaat palvelut ja tehokas organisaatio digitalisaatiolla",
        "Systemaattinen digimurroksen johtaminen",
        "Innovaatioiden ja uudistumisen kiihdyttäminen verkostoissa ja yhteistyöllä",
    ]
    assert themes[4]["description"].endswith("nykyisten ja uusien kumppanien kanssa.")


def test_minutes_list_and_its_repetition_give_three_themes(sample_run: RunOutput) -> None:
    doc = sample_run.by_source()["002_porvoo_kh_2024-01-22_digiohjelma.pdf"].document
    assert doc is not None
    themes = [r for r in sample_run.rows("themes") if r["document_id"] == doc.document_id]
    assert [(t["ordinal"], t["page"]) for t in themes] == [("a", "1"), ("b", "1"), ("c", "1")]


def test_shared_categories_across_cities(sample_run: RunOutput) -> None:
    by_name = {r["name"]: r["category"] for r in sample_run.rows("themes")}
    assert (
        by_name["Asiakaslähtöinen sujuva arki"] == by_name["Sähköinen kohtaaminen"] == "e_services"
    )
    assert by_name["Tietoon perustuvat päätökset"] == "data"
    categorised = [r for r in sample_run.rows("actions") if r["category"]]
    assert len(categorised) >= 0.9 * len(sample_run.rows("actions"))


@pytest.mark.parametrize(
    ("text", "status", "year"),
    [
        ("MENEILLÄÄN", Status.ONGOING, None),
        ("MENEILLÄÄN (tot. 70 %)", Status.ONGOING, None),
        ("VALMIS", Status.DONE, None),
        ("KÄYTÖSSÄ, JATKO MIETINNÄSSÄ", Status.DONE, None),
        ("JATKO MIETINNÄSSÄ", Status.UNKNOWN, None),
        ("EI ALOITETTU", Status.NOT_STARTED, None),
        ("EI TARVETTA", Status.CANCELLED, None),
        ("SIIRTYY V. 2025", Status.POSTPONED, 2025),
        ("TULOSSA", Status.PLANNED, None),
        ("TOTEUTUS Q1/24", Status.PLANNED, None),
        ("PÅGÅR", Status.ONGOING, None),
        ("FLYTTAS TILL 2026", Status.POSTPONED, 2026),
        ("ODOTTAA RAHOITUSPÄÄTÖSTÄ", Status.POSTPONED, None),
        ("jotain muuta", Status.UNKNOWN, None),
    ],
)
def test_status_phrases(text: str, status: Status, year: int | None) -> None:
    reading = read_status(text)
    assert (reading.status, reading.postponed_to) == (status, year)


def test_a_status_is_printed_in_capitals() -> None:
    assert looks_like_status("MENEILLÄÄN (tot. 70 %)")
    assert not looks_like_status("Sähköisen arkistoinnin käyttöönotto")
    assert not looks_like_status("2024")


@pytest.mark.parametrize(
    ("cell", "units"),
    [
        ("Hallintojohto ja Kehitysyksikkö", ["Hallintojohto", "Kehitysyksikkö"]),
        (
            "Toimitilajohto & Sosiaali- ja\nterveystoimi",
            ["Toimitilajohto", "Sosiaali- ja terveystoimi"],
        ),
        ("Markkinointi ja matkailu", ["Markkinointi ja matkailu"]),
        (
            "Posintra, Kehitysyksikkö,\nToimitilajohto",
            ["Posintra", "Kehitysyksikkö", "Toimitilajohto"],
        ),
        ("Kehitysyksikkö ja\nHR ja HPK", ["Kehitysyksikkö", "HR", "HPK"]),
        ("", []),
    ],
)
def test_responsible_units(cell: str, units: list[str]) -> None:
    assert split_units(cell) == units


@pytest.mark.parametrize(
    ("cue", "kind"),
    [
        ("Digiohjelman kolme teemaa ovat:", ThemeKind.THEME),
        ("Mahdollistajat ovat:", ThemeKind.ENABLER),
        ("voimme vaikuttaa seuraaviin päämääriin ja tavoitteisiin:", ThemeKind.GOAL),
        ("Programmets teman är:", ThemeKind.THEME),
        # The cue must stand by the colon: this lists spearheads (kärki, a theme cue), not goals.
        ("Kaikissa ohjelman tavoitteissa näkyvät strategian kärjet:", ThemeKind.THEME),
        ("Osallistaminen koostui neljästä osasta:", None),
    ],
)
def test_cue_words(cue: str, kind: ThemeKind | None) -> None:
    assert cue_kind(cue) is kind


# --- one programme table in a second layout ------------------------------------------------


def _gold_rows(page: int) -> list[dict[str, object]]:
    gold = json.loads((GOLD / "001_porvoo_digiohjelma_2020_2023.json").read_text(encoding="utf-8"))
    return [a for a in gold["actions"] if a["page"] == page]


def _second_layout_pdf(path: Path, rows: list[dict[str, object]]) -> Path:
    """The staff table of Porvoo's theme 1, re-set: portrait, narrow wrapping columns, other
    years, owners joined with "ja", and long enough to break over a page without a repeated
    header."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    body, cell = styles["BodyText"], styles["BodyText"].clone("cell", fontSize=8, leading=10)
    head = styles["Heading1"]
    years = [2020, 2021, 2022, 2023]
    data: list[list[object]] = [
        [Paragraph("<b>Käyttötapaus, ensisijaisena käyttäjänä kaupungin henkilöstö</b>", cell)]
        + [Paragraph(f"<b>{y}</b>", cell) for y in years]
        + [Paragraph("<b>Vastuutaho</b>", cell)]
    ]
    for row in rows:
        text = str(row["text"]) + ("*" if row["state_funded"] else "")
        marks = ["x" if y in row["years"] else "" for y in years]  # type: ignore[operator]
        owners = " ja ".join(row["responsible"])  # type: ignore[arg-type]
        data.append([Paragraph(text, cell), *marks, Paragraph(owners, cell)])
    table = Table(data, colWidths=[200, 34, 34, 34, 34, 120], repeatRows=0)
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    story = [
        Paragraph("Porvoon kaupungin digiohjelma 2020–2023", styles["Title"]),
        Paragraph("Digiohjelman kolme teemaa ovat:", body),
        Paragraph("1. Tietoon perustuvat päätökset", body),
        Paragraph("2. Palvelun laatu &amp; työn tehokkuus", body),
        Paragraph("3. Sähköinen kohtaaminen", body),
        Spacer(1, 180),
        Paragraph("1. Tietoon perustuvat päätökset", head),
        Paragraph("Tähdellä merkittyihin käyttötapauksiin on saatu valtiolta tukea.", body),
        table,
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def test_a_table_in_a_second_layout_gives_the_same_actions(tmp_path: Path) -> None:
    rows = _gold_rows(9)
    assert len(rows) == 15
    pdf = _second_layout_pdf(tmp_path / "second_layout.pdf", rows)
    run = _run([pdf], tmp_path / "out")
    assert run.results[0].source is not None and len(run.results[0].source.pages) >= 2
    got = run.rows("actions")
    themes = {t["theme_id"]: t["name"] for t in run.rows("themes")}
    assert [a["text"] for a in got] == [r["text"] for r in rows]
    for action, gold in zip(got, rows, strict=True):
        assert action["years"] == "; ".join(str(y) for y in gold["years"]), action["text"]  # type: ignore[union-attr]
        assert action["responsible"] == "; ".join(gold["responsible"]), action["text"]  # type: ignore[arg-type]
        assert action["state_funded"] == str(gold["state_funded"]).lower(), action["text"]
        assert action["audience"] == "staff"
        assert themes[action["theme_id"]] == "Tietoon perustuvat päätökset"
    assert {int(a["page"]) for a in got} == {1, 2}  # the table breaks over the page
