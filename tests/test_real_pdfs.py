"""The real PDFs in ../shared/real-pdfs: classification, labels and cleaning.

Expected values were read from the PDFs themselves (their headers and item headings).
The PDFs are never copied into the project; these tests skip where the folder is absent.
"""

from __future__ import annotations

import re

import pytest

from schemas.source import LineKind
from schemas.vocab import SectionLabel
from tests.conftest import RunOutput

EXPECTED = {
    # file: (doc_type, language, municipality_code, municipality, body, meeting_date)
    "001_oulu_tweb_kh_tilinpaatos2016_asia.pdf": (
        "minutes",
        "fi",
        "564",
        "Oulu",
        "Kaupunginhallitus",
        "2017-03-20",
    ),
    "002_oulu_tweb_suomi100_juhlapaatos_asia.pdf": (
        "minutes",
        "fi",
        "564",
        "Oulu",
        "Kaupunginhallitus",
        "2017-02-20",
    ),
    # Päätöshistoria is "-": the item has not been decided yet, so there is no meeting date.
    "003_oulu_tweb_talouden_seuranta_asia.pdf": (
        "minutes",
        "fi",
        "564",
        "Oulu",
        "Kaupunginhallitus",
        "",
    ),
    "004_vantaa_tweb_lausunto_kuntauudistus_asia.pdf": (
        "minutes",
        "fi",
        "092",
        "Vantaa",
        "Kaupunginhallitus",
        "2017-03-20",
    ),
    "005_lapua_kaupunginhallitus_pk_2025-02-03.pdf": (
        "minutes",
        "fi",
        "408",
        "Lapua",
        "Kaupunginhallitus",
        "2025-02-03",
    ),
    "015_nykarleby_valfardsnamnden_protokoll_2022-09-15_sv.pdf": (
        "minutes",
        "sv",
        "893",
        "Uusikaarlepyy",
        "Välfärdsnämnden",
        "2022-09-15",
    ),
    # An agenda (föredragningslista): § items with proposals, closest to minutes.
    "017_nykarleby_stadsstyrelsen_foredragningslista_2022-09-26_sv.pdf": (
        "minutes",
        "sv",
        "893",
        "Uusikaarlepyy",
        "Stadsstyrelsen",
        "2022-09-26",
    ),
    "019_kauhava_tilinpaatos_2024.pdf": ("other", "fi", "233", "Kauhava", "", ""),
}


def _docs(run: RunOutput) -> dict[str, dict[str, str]]:
    return {r["source_path"].rsplit("/", 1)[-1]: r for r in run.rows("documents")}


def test_every_real_pdf_is_read(real_run: RunOutput) -> None:
    assert set(_docs(real_run)) == set(EXPECTED)
    assert real_run.rows("errors") == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_classification(real_run: RunOutput, name: str) -> None:
    row = _docs(real_run)[name]
    got = (
        *tuple(
            row[k] for k in ("doc_type", "language", "municipality_code", "municipality", "body")
        ),
        row["meeting_date"],
    )
    assert got == EXPECTED[name]


def test_pages_and_ocr_pages(real_run: RunOutput) -> None:
    docs = _docs(real_run)
    lapua = docs["005_lapua_kaupunginhallitus_pk_2025-02-03.pdf"]
    assert (lapua["pages"], lapua["ocr_pages"], lapua["title"]) == ("55", "0", "Pöytäkirja 2/2025")
    protocol = docs["015_nykarleby_valfardsnamnden_protokoll_2022-09-15_sv.pdf"]
    assert (protocol["pages"], protocol["title"]) == ("25", "Protokoll 5/2022")
    agenda = docs["017_nykarleby_stadsstyrelsen_foredragningslista_2022-09-26_sv.pdf"]
    assert int(agenda["ocr_pages"]) > 0  # its appendix pages are images only


def _labels(run: RunOutput, name: str) -> list[tuple[str, SectionLabel | None]]:
    source = run.by_source()[name].source
    assert source is not None
    return [
        (line.text, line.label)
        for page in source.pages
        for line in page.lines
        if line.kind is LineKind.LABEL
    ]


def test_tweb_margin_labels(real_run: RunOutput) -> None:
    labels = _labels(real_run, "001_oulu_tweb_kh_tilinpaatos2016_asia.pdf")
    texts = [t for t, _ in labels]
    for caption in ("Dno", "Päätöshistoria", "Tiivistelmä", "Esittelyteksti", "Päätösesitys"):
        assert caption in texts
    roles = dict(labels)
    assert roles["Dno"] is SectionLabel.CASE_NUMBER
    assert roles["Päätösesitys"] is SectionLabel.PROPOSAL
    assert roles["Päätös"] is SectionLabel.DECISION
    vantaa = dict(_labels(real_run, "004_vantaa_tweb_lausunto_kuntauudistus_asia.pdf"))
    assert vantaa["Kaupunginjohtajan esitys:"] is SectionLabel.PROPOSAL
    assert vantaa["Päätös:"] is SectionLabel.DECISION


def test_heading_labels(real_run: RunOutput) -> None:
    lapua = [t for t, _ in _labels(real_run, "005_lapua_kaupunginhallitus_pk_2025-02-03.pdf")]
    # Counted in the PDF: 31 lines "Päätös" and 30 lines "Ehdotus" on lines of their own.
    assert lapua.count("Päätös") == 31
    assert lapua.count("Ehdotus") == 30
    protocol = _labels(real_run, "015_nykarleby_valfardsnamnden_protokoll_2022-09-15_sv.pdf")
    decisions = [t for t, role in protocol if role is SectionLabel.DECISION]
    # 10 lines read "…beslut:" in the text layer and one, broken, "Välfärdsnämndens beslui:".
    assert len(decisions) == 11
    assert "Välfärdsnämndens beslui:" in decisions
    assert "Välfärdsnämndens beslut:" in decisions


def test_no_running_headers_or_invisible_characters(real_run: RunOutput) -> None:
    for result in real_run.results:
        assert result.document is not None
        text = (real_run.out_dir / "text" / f"{result.document.document_id}.txt").read_text(
            encoding="utf-8"
        )
        assert not re.search("[\u200b\u200c\u200d\u2060\ufeff\u00ad]", text), result.path
    lapua = real_run.by_source()["005_lapua_kaupunginhallitus_pk_2025-02-03.pdf"].source
    assert lapua is not None
    for page in lapua.pages:
        assert f"{page.number} (55)" not in page.text
        assert "Lapuan kaupunki Pöytäkirja" not in page.text
        assert any("(55)" in line.text for line in page.furniture)
