"""Minute shapes the samples do not show: digests, Ahjo order (Päätös before Käsittely), votes.

A hand-written minutes file (plain text, so the same structure as a PDF's text layer) with
three § items; every expected value is read off the text below.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.run import process_file
from schemas.records import Decision
from schemas.vocab import Outcome

MINUTES = """Esimerkkilän kaupunki
Kaupunginhallitus
Pöytäkirja 12/2024
Kokousaika 3.6.2024 klo 16.00
§ 467 Lausunto asemakaavan muutoksesta: palautettiin yksimielisesti
§ 468
Hallintosäännön muuttaminen
HEL 2024-001234
Päätös
Kaupunginhallitus päätti hyväksyä hallintosäännön muutoksen liitteen mukaisesti.
Käsittely
Esittelijä täydensi perusteluja kokouksessa.
§ 469
Tilintarkastajan valinta
Dnro 512/02.02.01/2024
Päätösehdotus
Kaupunginhallitus valitsee tilintarkastajaksi BDO Oy:n.
Kokouskäsittely
Jäsen Virtanen teki vastaehdotuksen, jota jäsen Korhonen kannatti.
Äänestystulokset
Äänestyksessä annettiin 8 JAA, 5 EI ja 1 tyhjä.
Päätös
Kaupunginhallitus valitsi tilintarkastajaksi BDO Oy:n äänin 8-5.
"""


def _decisions(tmp_path: Path) -> dict[str, Decision]:
    path = tmp_path / "minutes.txt"
    path.write_text(MINUTES, encoding="utf-8")
    result = process_file(path)
    assert result.errors == [], result.errors
    records = result.records["decisions"]
    return {d.section or "": d for d in records if isinstance(d, Decision)}


def test_three_items_with_their_shapes(tmp_path: Path) -> None:
    decisions = _decisions(tmp_path)
    assert sorted(decisions) == ["467", "468", "469"]

    digest = decisions["467"]
    assert digest.title == "Lausunto asemakaavan muutoksesta"
    assert (digest.outcome, digest.unanimous) == (Outcome.RETURNED, True)

    ahjo = decisions["468"]
    assert ahjo.title == "Hallintosäännön muuttaminen"
    assert (ahjo.case_number, ahjo.classification) == ("HEL 2024-001234", None)
    assert ahjo.outcome is Outcome.APPROVED
    assert ahjo.decision == (
        "Kaupunginhallitus päätti hyväksyä hallintosäännön muutoksen liitteen mukaisesti."
    )

    vote = decisions["469"]
    assert (vote.case_number, vote.classification) == ("512/02.02.01/2024", "02.02.01")
    assert vote.proposal == "Kaupunginhallitus valitsee tilintarkastajaksi BDO Oy:n."
    assert vote.outcome is Outcome.APPROVED
    assert vote.unanimous is False
    assert (vote.votes_for, vote.votes_against, vote.votes_blank) == (8, 5, 1)
    for decision in decisions.values():
        assert decision.body == "Kaupunginhallitus"
        assert str(decision.meeting_date) == "2024-06-03"
