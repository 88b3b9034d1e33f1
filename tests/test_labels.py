"""Section labels as minute systems print them, in Finnish and Swedish."""

from __future__ import annotations

import pytest

from schemas.vocab import SectionLabel, lookup_label


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Päätösehdotus", SectionLabel.PROPOSAL),
        ("Kaupunginjohtajan päätösehdotus", SectionLabel.PROPOSAL),
        ("Sivistysjohtajan ehdotus:", SectionLabel.PROPOSAL),
        ("PÄÄTÖS:", SectionLabel.DECISION),
        ("Valmistelija / lisätiedot:", SectionLabel.PREPARERS),
        ("Valmistelu- ja lisätiedot", SectionLabel.PREPARERS),
        ("Beslutsförslag", SectionLabel.PROPOSAL),
        ("Välfärdsnämndens beslut:", SectionLabel.DECISION),
        ("Bildningsdirektör N.N.s förslag:", SectionLabel.PROPOSAL),
        ("Välfärdsnämndens beslui:", SectionLabel.DECISION),  # a broken text layer
        ("Kaupunginhallituksen käsittely", SectionLabel.DISCUSSION),
        ("Esteellisyys", SectionLabel.RECUSALS),
        ("Liitteet", SectionLabel.ATTACHMENTS),
        ("Bilagor", SectionLabel.ATTACHMENTS),
        ("Muutoksenhakukielto", SectionLabel.APPEAL),
    ],
)
def test_known_labels(text: str, role: SectionLabel) -> None:
    assert lookup_label(text) is role


@pytest.mark.parametrize(
    "text",
    ["Kaupungin esitys on hyvä", "Päätös tehtiin yksimielisesti", "Kaupunginhallitus päätti:"],
)
def test_sentences_are_not_labels(text: str) -> None:
    assert lookup_label(text) is None
