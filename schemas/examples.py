"""A minimal and a filled example record per table (documentation and round-trip tests)."""

from __future__ import annotations

import datetime as dt

from schemas.records import Action, Decision, Document, Funding, Record, Theme, record_id
from schemas.vocab import (
    Audience,
    DocType,
    FundingRole,
    FundingSource,
    Language,
    Outcome,
    SourceFormat,
    Status,
    ThemeKind,
)

DOC = "53da9ac1bc290642"

MINIMAL: dict[str, Record] = {
    "documents": Document(
        document_id=DOC, source_path="a.pdf", source_sha256="0" * 64, source_format=SourceFormat.PDF
    ),
    "themes": Theme(
        theme_id=record_id(DOC, "theme", 1), document_id=DOC, name="Sähköinen kohtaaminen"
    ),
    "actions": Action(action_id=record_id(DOC, "action", 1), document_id=DOC, text="Verkkokauppa"),
    "funding": Funding(
        funding_id=record_id(DOC, "funding", 1),
        document_id=DOC,
        amount_eur=456840.0,
        amount_text="456.840€",
    ),
    "decisions": Decision(decision_id=record_id(DOC, "decision", 1), document_id=DOC),
}

FILLED: dict[str, Record] = {
    "documents": Document(
        document_id=DOC,
        source_path="samples/003.pdf",
        source_sha256="ab" * 32,
        source_format=SourceFormat.PDF,
        pages=3,
        ocr_pages=0,
        language=Language.FI,
        doc_type=DocType.MINUTES,
        municipality_code="297",
        municipality="Kuopio",
        title="Ihmiskeskeinen digitaalinen kunta -kehittämishanke",
        body="Kaupunginhallitus",
        meeting_date=dt.date(2019, 9, 16),
        period_start=None,
        period_end=None,
        pipeline_version="0.1.0",
        extracted_at=dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
        warnings=["municipality not recognised", "second; with separator-like text"],
    ),
    "themes": Theme(
        theme_id=record_id(DOC, "theme", 2),
        document_id=DOC,
        ordinal="a",
        name="Palvella asiakkaita kattavasti ihmislähtöisillä sähköisillä palveluilla",
        description='Kuvaus, jossa on pilkku ja "lainausmerkit".\nToinen rivi.',
        kind=ThemeKind.ENABLER,
        category="e_services",
        page=2,
        quote="a) Palvella asiakkaita",
        bbox=(56.5, 100.0, 400.25, 112.0),
        confidence=0.9,
    ),
    "actions": Action(
        action_id=record_id(DOC, "action", 7),
        document_id=DOC,
        theme_id=record_id(DOC, "theme", 1),
        text="Talousraportointi, joka tukee resurssien oikeaa kohdentamista",
        audience=Audience.STAFF,
        years=[2021, 2022],
        start_year=2021,
        end_year=2022,
        responsible=["Hallintojohto", "Kehitysyksikkö"],
        status=Status.POSTPONED,
        status_text="SIIRTYY V. 2025",
        postponed_to=2025,
        state_funded=True,
        linked_programmes=["ilmasto-ohjelma"],
        metrics=["% kaupungin datoista"],
        category="data",
        page=5,
        quote="Talousraportointi, joka tukee resurssien oikeaa kohdentamista*",
    ),
    "funding": Funding(
        funding_id=record_id(DOC, "funding", 1),
        document_id=DOC,
        decision_id=record_id(DOC, "decision", 1),
        project="Ihmiskeskeinen digitaalinen kunta",
        amount_eur=1592580.0,
        amount_text="1.592.580 €",
        role=FundingRole.TOTAL_COST,
        source=FundingSource.ESR,
        source_text="ESR-rahoitusta",
        share_percent=80.0,
        period_start=dt.date(2020, 1, 1),
        period_end=dt.date(2022, 12, 31),
        per_year=False,
        recipient="Kuopion kaupunki",
        page=2,
        quote="ovat yhteensä 1.592.580 €",
    ),
    "decisions": Decision(
        decision_id=record_id(DOC, "decision", 1),
        document_id=DOC,
        body="Kaupunginhallitus",
        meeting_date=dt.date(2024, 1, 22),
        section="25",
        case_number="7801/02.05.02.01/2019",
        classification="02.05.02.01",
        title="Digiohjelma 2024-2026",
        preparers=["kehitysjohtaja Charlotta Grönqvist"],
        proposer="vt. Kaupunginjohtaja",
        proposal="Kaupunginhallitus hyväksyy Digiohjelman 2024–2026 liitteineen.",
        decision="Kaupunginhallitus päätti yksimielisesti hyväksyä digiohjelman.",
        outcome=Outcome.APPROVED,
        unanimous=False,
        votes_for=7,
        votes_against=4,
        votes_blank=0,
        votes_absent=0,
        dissent="Jäsen X jätti eriävän mielipiteen.",
        recusals=["Asseri Kinnunen"],
        experts=["talousjohtaja Satu Huikuri"],
        attachments=["Digiohjelma 2024–2026", "Tiekartta"],
        page=1,
        quote="Kaupunginhallitus päätti yksimielisesti",
    ),
}
