"""The shared category taxonomy: lemma rules put different cities' wordings in one category."""

from __future__ import annotations

import pytest

from extractors.categories import categorise, explain, label, labels, scores, terms
from extractors.lexicon import analyse, available
from schemas.vocab import Category

pytestmark = pytest.mark.skipif(not available(), reason="Voikko is not installed")


def test_taxonomy_is_small_and_labelled_in_three_languages() -> None:
    assert 8 <= len(labels()) <= 12
    assert set(labels()) == set(Category)
    for category, names in labels().items():
        assert {"fi", "en", "sv"} <= set(names), category
        assert sum(1 for t in terms() if t.category is category) >= 5, category
    assert label("e_services", "en") == "E-services and customer experience"
    assert label(Category.DATA) == "Tiedolla johtaminen ja data"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Two cities' names for one thing: lemmas, not spellings, bring them together.
        ("Asiakaslähtöinen sujuva arki", Category.E_SERVICES),
        ("Sähköinen kohtaaminen", Category.E_SERVICES),
        (
            "Palvella asiakkaita kattavasti ihmislähtöisillä sähköisillä palveluilla",
            Category.E_SERVICES,
        ),
        ("Tiedolla johdettava ennakoiva ja älykäs kaupunki", Category.DATA),
        ("Tietoon perustuvat päätökset", Category.DATA),
        ("Ketteröittää ja automatisoida toimintaa", Category.AUTOMATION),
        ("Kustannustehokkaat palvelut ja tehokas organisaatio", Category.AUTOMATION),
        ("Systemaattinen digimurroksen johtaminen", Category.LEADERSHIP),
        ("Henkilöstön digiosaamisen vahvistaminen koulutuksella", Category.SKILLS),
        ("Tietoturvallisuuden kehittämisohjelma", Category.INFRASTRUCTURE),
        ("ICT-infrastruktuurin kokonaishallinta", Category.INFRASTRUCTURE),
        ("Kokonaisarkkitehtuurin hallintamalli", Category.ARCHITECTURE),
        ("Sähköisen arkistoinnin käyttöönotto", Category.ARCHITECTURE),
        ("Osallistava budjetointi ja asukkaiden kuuleminen", Category.PARTICIPATION),
        (
            "Hyödyntää digitalisoitumista päivittäisten ilmastotekojen toteuttamiseksi",
            Category.CLIMATE,
        ),
        ("Innovaatioiden kiihdyttäminen verkostoissa", Category.INNOVATION),
        # Swedish has no lemmatiser here: stems.
        ("Utveckling av e-tjänster för invånarna", Category.E_SERVICES),
        ("Stärka informationssäkerheten", Category.INFRASTRUCTURE),
    ],
)
def test_categorise(text: str, category: Category) -> None:
    assert categorise(text) is category


def test_a_single_weak_word_is_not_a_category() -> None:
    # "palvelut" alone scores 1 for e-services: a sector name is not a topic.
    assert scores("Yhteiset palvelut -toimialan hankkeet") == {Category.E_SERVICES: 1.0}
    assert categorise("Yhteiset palvelut -toimialan hankkeet") is None
    assert categorise("Elinvoimatoimialan hankkeet") is None


def test_a_word_counts_once_per_category() -> None:
    # `tietoturva` and `tieto+turva` both match; the word speaks once, with its strongest term.
    assert scores("tietoturvallisuus")[Category.INFRASTRUCTURE] == 4.0


def test_explain_names_the_terms_that_fired() -> None:
    hits = {(h.category, h.term, h.word) for h in explain("Sähköinen kohtaaminen")}
    assert hits == {
        (Category.E_SERVICES, "sähköinen", "sähköinen"),
        (Category.E_SERVICES, "kohdata", "kohtaaminen"),
    }


def test_compound_parts_and_word_pairs() -> None:
    assert analyse("tiedonhallinnan") == ("tiedonhallinta", ("tieto", "hallita"))
    assert analyse("Etävastaanotot")[1][:2] == ("etä", "vastaanotto")
    pair = {h.term for h in explain("Tiedolla johtamisen tiekartta")}
    assert "tieto johtaa" in pair


def test_ties_go_to_the_earlier_category() -> None:
    # e_services (asiointi 3) and data (data 3) tie; e_services comes first in the rule file.
    assert scores("asiointi data") == {Category.E_SERVICES: 3.0, Category.DATA: 3.0}
    assert categorise("asiointi data") is Category.E_SERVICES
