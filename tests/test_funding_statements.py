"""Funding read from whole statements: what an amount is of, whose money, its share and period,
carried across the sentences of a § item, in Finnish and Swedish.

Each case is a small hand-written minutes item run through the whole pipeline as a text file,
and the records are compared with what the text says.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.run import process_file
from schemas.records import Funding

_HEAD = "Kuopion kaupunginhallitus\nPöytäkirja 3/2025\n\nKaupunginhallitus 10.3.2025 § 81\n\n"
_HEAD_SV = "Närpes stad\nStadsstyrelsen\nProtokoll 4/2025\n\nStadsstyrelsen 14.4.2025 § 112\n\n"


def _funding(tmp_path: Path, text: str) -> list[Funding]:
    path = tmp_path / "poytakirja.txt"
    path.write_text(text, encoding="utf-8")
    result = process_file(path)
    records = result.records.get("funding", [])
    return [r for r in records if isinstance(r, Funding)]


def _row(f: Funding) -> tuple[object, ...]:
    period = (str(f.period_start), str(f.period_end)) if f.period_start else None
    source = f.source.value if f.source else None
    return (f.amount_eur, f.role.value, source, f.share_percent, period, f.per_year)


def test_share_and_period_carried_across_sentences(tmp_path: Path) -> None:
    found = _funding(
        tmp_path,
        _HEAD + "Hankkeen kokonaiskustannukset ovat 7 800 000 euroa hankeaikana "
        "1.6.2025–31.5.2028. EAKR:n osuus on 60 % eli 4 680 000 euroa. Kaupungin "
        "omarahoitusosuus on 40 % eli 3 120 000 euroa.\n",
    )
    period = ("2025-06-01", "2028-05-31")
    assert [_row(f) for f in found] == [
        (7800000.0, "total_cost", None, None, period, False),
        (4680000.0, "grant", "EAKR", 60.0, period, False),
        (3120000.0, "self_financing", "municipality", 40.0, period, False),
    ]
    assert all(f.page == 1 and f.quote for f in found)


def test_period_stated_after_the_amounts(tmp_path: Path) -> None:
    found = _funding(
        tmp_path,
        _HEAD + "Hankkeen kokonaiskustannusarvio on 86 000 euroa. Valtionavustusta haetaan "
        "70 prosenttia eli 60 200 euroa. Hanke toteutetaan 1.8.2025–31.12.2026.\n",
    )
    assert [_row(f) for f in found] == [
        (86000.0, "total_cost", None, None, ("2025-08-01", "2026-12-31"), False),
        (60200.0, "grant", "state", 70.0, ("2025-08-01", "2026-12-31"), False),
    ]


def test_parts_of_own_financing_by_year(tmp_path: Path) -> None:
    found = _funding(
        tmp_path,
        _HEAD + "Kaupungin omarahoitusosuus on 480 000 euroa, josta 130 t€ kohdistuu vuodelle "
        "2026 ja 350 t€ vuodelle 2027.\n",
    )
    assert [_row(f) for f in found][1:] == [
        (130000.0, "annual", "municipality", None, ("2026-01-01", "2026-12-31"), True),
        (350000.0, "annual", "municipality", None, ("2027-01-01", "2027-12-31"), True),
    ]
    # The whole does not take its first part's year.
    assert found[0].role.value == "self_financing" and found[0].period_end is None


def test_shares_in_brackets_and_named_sources(tmp_path: Path) -> None:
    found = _funding(
        tmp_path,
        _HEAD + "Kaupungin osuus rahoitetaan Interreg Aurora -rahoituksella 149 500 eurolla "
        "(65 %), valtion vastinrahoituksella 46 000 eurolla (20 %) ja kaupungin "
        "omarahoituksella 34 500 eurolla (15 %).\n",
    )
    assert [(f.amount_eur, f.role.value, f.source and f.source.value, f.share_percent)
            for f in found] == [
        (149500.0, "grant", "eu_other", 65.0),
        (46000.0, "grant", "state", 20.0),
        (34500.0, "self_financing", "municipality", 15.0),
    ]  # fmt: skip


def test_yearly_restatement_keeps_source_and_share(tmp_path: Path) -> None:
    found = _funding(
        tmp_path,
        _HEAD + "Kaupungin omarahoitusosuus on 20 prosenttia eli 249 720 euroa, keskimäärin "
        "noin 83 240 euroa vuodessa.\n",
    )
    assert [_row(f) for f in found] == [
        (249720.0, "self_financing", "municipality", 20.0, None, False),
        (83240.0, "annual", "municipality", 20.0, None, True),
    ]


def test_money_spent_of_an_appropriation(tmp_path: Path) -> None:
    found = _funding(
        tmp_path,
        _HEAD + "Ohjelman toimenpiteisiin on vuoden 2025 talousarviossa varattu 310 000 euroa, "
        "josta 30.9.2025 mennessä on käytetty 187 400 euroa.\n",
    )
    assert [_row(f) for f in found] == [
        (310000.0, "budget", "municipality", None, ("2025-01-01", "2025-12-31"), False),
        (187400.0, "other", "municipality", None, ("2025-01-01", "2025-09-30"), False),
    ]


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("Hankinnan arvioitu kokonaisarvo on noin 2,4 miljoonaa euroa (alv 0 %).", "total_cost"),
        ("Sähköisen arkistoinnin kertakustannukset ovat 38 000 euroa.", "total_cost"),
        ("Palvelun vuotuiset ylläpitokustannukset ovat noin 9 500 euroa.", "annual"),
        ("Kaupungin osahankkeen kustannusarvio on 150 000 euroa.", "other"),
    ],
)
def test_what_an_amount_is_of(tmp_path: Path, sentence: str, role: str) -> None:
    found = _funding(tmp_path, _HEAD + sentence + "\n")
    assert [f.role.value for f in found] == [role]


def test_swedish_statement(tmp_path: Path) -> None:
    found = _funding(
        tmp_path,
        _HEAD_SV + "Projekttid 1.6.2025–31.12.2026. Projektets kostnader beräknas till 190 000 "
        "euro. Statsunderstödet är 70 procent, dvs. 133 000 euro, och kommunens egen "
        "finansiering 30 procent, dvs. 57 000 euro. Självfinansieringen fördelas så att "
        "21 000 euro budgeteras för år 2025 och 36 000 euro för år 2026.\n",
    )
    period = ("2025-06-01", "2026-12-31")
    assert [_row(f) for f in found] == [
        (190000.0, "total_cost", None, None, period, False),
        (133000.0, "grant", "state", 70.0, period, False),
        (57000.0, "self_financing", "municipality", 30.0, period, False),
        (21000.0, "annual", "municipality", None, ("2025-01-01", "2025-12-31"), True),
        (36000.0, "annual", "municipality", None, ("2026-01-01", "2026-12-31"), True),
    ]


def test_cost_estimate_and_its_appropriation_are_one_amount(tmp_path: Path) -> None:
    found = _funding(
        tmp_path,
        _HEAD_SV + "Kostnaden beräknas till 65 000 euro. Stadsstyrelsen föreslår för "
        "stadsfullmäktige att ett tilläggsanslag om 65 000 euro beviljas för år 2025.\n",
    )
    assert [_row(f) for f in found] == [
        (65000.0, "budget", "municipality", None, ("2025-01-01", "2025-12-31"), False),
    ]


def test_numbers_that_are_not_money(tmp_path: Path) -> None:
    found = _funding(
        tmp_path,
        _HEAD + "Valmistelija kehittämisjohtaja, puh. 044 793 3412. Dnro 7801/02.05.02.01/2019. "
        "Kaupungissa on noin 2 500 asukasta ja hankinnassa hinta 60 % ja laatu 40 %. "
        "Kokous 12.5.2025 § 152 käsitteli asiaa.\n",
    )
    assert found == []
