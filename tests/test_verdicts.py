"""Outcome, unanimity and votes from decision wording (DESIGN.md's outcome convention)."""

from __future__ import annotations

import pytest

from extractors.minutes import classification_of
from extractors.verdicts import decide
from pipeline.analysis.nlp import load_nlp
from schemas.vocab import Outcome


@pytest.fixture(scope="module")
def lemmatize():  # type: ignore[no-untyped-def]
    nlp = load_nlp()
    return lambda text: [t.lemma_.lower() for t in nlp(text)]


CASES = [
    ("Hyväksyttiin yksimielisesti.", Outcome.APPROVED, True),
    ("Kaupunginhallitus hyväksyi päätösehdotuksen.", Outcome.APPROVED, True),
    ("Ehdotus hyväksyttiin.", Outcome.APPROVED, True),
    (
        "Pöytäkirjan tarkastajiksi valittiin Ritva-Leena Heikkinen ja Helena Lahtinen.",
        Outcome.APPROVED,
        True,
    ),
    ("Kaupunginhallitus merkitsi asian tiedoksi.", Outcome.NOTED, True),
    (
        "Puheenjohtaja totesi kokouksen laillisesti kokoonkutsutuksi ja päätösvaltaiseksi.",
        Outcome.NOTED,
        True,
    ),
    ("Kaupunginhallitus pani asian pöydälle.", Outcome.TABLED, True),
    ("Asia palautettiin uudelleen valmisteltavaksi.", Outcome.RETURNED, True),
    (
        "Kaupunginhallitus palautti asian uudelleen valmisteltavaksi yksimielisesti.",
        Outcome.RETURNED,
        True,
    ),
    # Changed in the meeting: not "accepted as proposed", and the text does not say how.
    ("Ehdotus hyväksyttiin seuraavin muutoksin: kohta 2 poistetaan.", Outcome.AMENDED, None),
    ("Ehdotus hyväksyttiin yksimielisesti seuraavin muutoksin.", Outcome.AMENDED, True),
    ("Kaupunginhallitus hylkäsi esityksen äänin 7-4.", Outcome.REJECTED, False),
    ("Välfärdsnämnden beslöt enhälligt att godkänna förslaget.", Outcome.APPROVED, True),
    ("Ärendet återremitterades för ny beredning.", Outcome.RETURNED, True),
    ("Nämnden antecknade informationen för kännedom.", Outcome.NOTED, True),
    ("Ärendet bordläggs.", Outcome.TABLED, True),
    ("Kaupunginhallitus käsitteli asiaa.", Outcome.OTHER, None),
]


@pytest.mark.parametrize(("text", "outcome", "unanimous"), CASES, ids=[c[0][:40] for c in CASES])
def test_outcome_with_lemmas(
    text: str, outcome: Outcome, unanimous: bool | None, lemmatize
) -> None:  # type: ignore[no-untyped-def]
    verdict = decide(text, lemmatize)
    assert (verdict.outcome, verdict.unanimous) == (outcome, unanimous)


@pytest.mark.parametrize(("text", "outcome", "unanimous"), CASES, ids=[c[0][:40] for c in CASES])
def test_outcome_without_lemmatiser(text: str, outcome: Outcome, unanimous: bool | None) -> None:
    verdict = decide(text)
    assert (verdict.outcome, verdict.unanimous) == (outcome, unanimous)


@pytest.mark.parametrize(
    ("text", "votes"),
    [
        ("Äänestyksessä annettiin äänin 47 JAA, 2 EI, 1 tyhjä. Ehdotus hyväksyttiin.", (47, 2, 1)),
        ("Ja-röster: 66, Nej-röster: 10. Fullmäktige godkände förslaget.", (66, 10, None)),
        ("Stadsstyrelsen beslöt med rösterna 29–22 att godkänna förslaget.", (29, 22, None)),
        (
            "Suoritetussa äänestyksessä Jaa: Matti Meikäläinen, Liisa Virtanen, Pekka Puu "
            "Ei: Olli Oja. Päätösehdotus hyväksyttiin.",
            (3, 1, None),
        ),
    ],
)
def test_vote_counts(text: str, votes: tuple[int | None, ...]) -> None:
    verdict = decide(text)
    assert (verdict.votes_for, verdict.votes_against, verdict.votes_blank) == votes
    assert verdict.unanimous is False


def test_recusals_and_experts() -> None:
    verdict = decide(
        "Hyväksyttiin yksimielisesti. Talousjohtaja Satu Huikuri ja tietohallintopäällikkö "
        "Pekka Penttinen oli kokouksessa asiantuntijana asian käsittelyn aikana. "
        "Asseri Kinnunen poistui kokouksesta asian käsittelyn aikana."
    )
    assert verdict.recusals == ["Asseri Kinnunen"]
    assert verdict.experts == ["Satu Huikuri", "Pekka Penttinen"]


def test_a_title_starting_the_sentence_is_not_part_of_the_name() -> None:
    verdict = decide(
        "Innovaatiopäällikkö Arto Holopainen oli kokouksessa kuultavana asiakohdassa. "
        "Hyväksyttiin yksimielisesti."
    )
    assert verdict.experts == ["Arto Holopainen"]


@pytest.mark.parametrize(
    ("case_number", "classification"),
    [
        ("7801/02.05.02.01/2019", "02.05.02.01"),
        ("118/07.01.02/2024", "07.01.02"),
        ("OUKA/899/02.06.01.04/2017", "02.06.01.04"),
        ("LAPDno-2025-91", None),
        ("HEL 2021-009960", None),
    ],
)
def test_classification_of_case_numbers(case_number: str, classification: str | None) -> None:
    assert classification_of(case_number) == classification


def test_the_pipeline_gives_lemmas_and_asked_for_tags_without_its_stored_strings() -> None:
    # The lemma components load without the vocabulary's stored string table; a caller that
    # asks for the tagger too gets it loaded, as the tagger's labels are read from it.
    lemmas = load_nlp()("Kaupunginhallitus hyväksyi päätösehdotuksen Helsingissä.")
    assert [t.lemma_ for t in lemmas] == [
        "kaupunginhallitus",
        "hyväksyä",
        "päätösehdotus",
        "Helsinki",
        ".",
    ]
    assert [t.pos_ for t in lemmas][:2] == ["NOUN", "VERB"]
    tagged = load_nlp(components=("tok2vec", "tagger", "morphologizer", "attribute_ruler"))
    assert [t.tag_ for t in tagged("Matti asuu Helsingissä.")] == ["Propn", "V", "Propn", "Punct"]
