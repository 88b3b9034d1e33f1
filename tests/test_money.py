"""The money parser: every printed style round-trips, seed sentences parse to their exact
amounts, and numbers that are not money (years, §, percentages, phones, dates, diary numbers)
are left alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.money import Money, Qualifier, find_money, number_words, parse_money

SPACES = [" ", "\u00a0", "\u2009", "\u202f"]  # plain, no-break, thin, narrow no-break
INFLECTIONS = ["euroa", "euron", "eurolla", "eurolle", "eurosta", "euroon", "euroksi", "euroina"]


def grouped(n: int, sep: str) -> str:
    """An integer with thousands groups: 1592580 → `1.592.580` / `1 592 580`."""
    return f"{n:,}".replace(",", sep)


def the_one(printed: str) -> Money:
    """The single amount found when `printed` stands inside a sentence."""
    found = find_money(f"Hankkeen summa on {printed} ja se katetaan kokonaan.")
    assert len(found) == 1, found
    return found[0]


def fi_words(n: int) -> str:
    """1..999 in Finnish words, written as one compound: 325 → kolmesataakaksikymmentäviisi."""
    units = ["", "yksi", "kaksi", "kolme", "neljä", "viisi", "kuusi", "seitsemän", "kahdeksan"]
    units.append("yhdeksän")
    hundreds, rest = divmod(n, 100)
    tens, unit = divmod(rest, 10)
    out = "" if not hundreds else "sata" if hundreds == 1 else f"{units[hundreds]}sataa"
    if tens == 1 and unit:
        return f"{out}{units[unit]}toista"
    out += "" if not tens else "kymmenen" if tens == 1 else f"{units[tens]}kymmentä"
    return out + units[unit]


# --- every style round-trips: format a random amount, parse it back -------------------------


@given(st.integers(1_000, 999_999_999), st.sampled_from(["", " "]))
def test_dot_grouped(n: int, space: str) -> None:
    printed = f"{grouped(n, '.')}{space}€"  # 1.592.580 € and 456.840€
    money = the_one(printed)
    assert (money.amount, money.text) == (n, printed)


@given(st.integers(1_000, 999_999_999), st.sampled_from(SPACES), st.sampled_from(INFLECTIONS))
def test_space_grouped_and_inflected(n: int, sep: str, euro: str) -> None:
    printed = f"{grouped(n, sep)} {euro}"  # 915 000 euroa, with any kind of space
    money = the_one(printed)
    assert (money.amount, money.text) == (n, printed)


@given(st.integers(0, 99_999_999), st.integers(0, 99), st.sampled_from(["", " "]))
def test_decimal_comma(euros: int, cents: int, gap: str) -> None:
    printed = f"{grouped(euros, ' ')},{gap}{cents:02d} euro"  # 539 921,50 / 4 826 854, 27
    money = the_one(printed)
    assert money.amount == pytest.approx(euros + cents / 100, abs=1e-6)
    assert money.text == printed


@given(st.integers(1, 9_999), st.sampled_from(["milj. euroa", "milj €", "milj. €", "M€"]))
def test_millions_with_decimals(tenths: int, scale: str) -> None:
    number = f"{tenths // 10},{tenths % 10}" if tenths % 10 else str(tenths // 10 or 1)
    printed = f"{number} {scale}"  # 2,5 milj. euroa, 1,21 milj €, 48 M€
    money = the_one(printed)
    assert money.amount == pytest.approx(float(number.replace(",", ".")) * 1e6)
    assert money.text == printed


@given(st.integers(1, 999), st.sampled_from(["miljoonan euron", "miljoonaa euroa", "t€", "k€"]))
def test_scale_words_and_abbreviations(n: int, scale: str) -> None:
    printed = f"{n} {scale}"  # 30 miljoonan euron, 300 t€
    factor = 1e3 if scale.endswith("€") else 1e6
    money = the_one(printed)
    assert (money.amount, money.text) == (n * factor, printed)


@given(
    st.integers(1, 999), st.sampled_from([(1e3, "tuhatta"), (1e6, "miljoonaa"), (1e9, "miljardia")])
)
def test_finnish_number_words(n: int, scale: tuple[float, str]) -> None:
    factor, partitive = scale
    number = f"{fi_words(n)} {partitive}" if n > 1 else partitive[: -2 if factor == 1e3 else -1]
    printed = f"{number} euroa"  # kolmesataakaksikymmentäviisi tuhatta euroa, miljoona euroa
    money = the_one(printed)
    assert (money.amount, money.text) == (n * factor, printed)


GENITIVES = ["yhden", "kahden", "kolmen", "neljän", "viiden", "kuuden", "seitsemän", "kahdeksan"]


@given(st.integers(1, 10), st.sampled_from([(1e6, "miljoonan"), (1e9, "miljardin")]))
def test_number_words_in_the_genitive(n: int, scale: tuple[float, str]) -> None:
    word = [*GENITIVES, "yhdeksän", "kymmenen"][n - 1]
    printed = f"yli {word} {scale[1]} euron"  # yli yhdeksän miljardin euron
    money = the_one(printed)
    assert (money.amount, money.text, money.qualifier) == (n * scale[0], printed, Qualifier.OVER)


QUALIFIERS = [
    ("enintään", Qualifier.AT_MOST),
    ("korkeintaan", Qualifier.AT_MOST),
    ("högst", Qualifier.AT_MOST),
    ("vähintään", Qualifier.AT_LEAST),
    ("yli", Qualifier.OVER),
    ("alle", Qualifier.UNDER),
    ("noin", Qualifier.ABOUT),
    ("n.", Qualifier.ABOUT),
    ("ca", Qualifier.ABOUT),
]


@given(st.integers(1_000, 9_999_999), st.sampled_from(QUALIFIERS))
def test_qualifier_is_kept(n: int, qualifier: tuple[str, Qualifier]) -> None:
    printed = f"{qualifier[0]} {grouped(n, ' ')} euroa"  # enintään 100 000 euroa
    money = the_one(printed)
    assert (money.amount, money.text, money.qualifier) == (n, printed, qualifier[1])


@given(st.integers(1_000, 999_999), st.integers(1, 999_999), st.sampled_from(["–", "-", " – "]))
def test_range(low: int, extra: int, dash: str) -> None:
    high = low + extra
    printed = f"{grouped(low, ' ')}{dash}{grouped(high, ' ')} euroa"  # 100 000–200 000 euroa
    money = the_one(printed)
    assert (money.amount, money.low, money.high, money.text) == (low, low, high, printed)


PER_YEAR: list[Callable[[str], str]] = [
    lambda n: f"{n}€/vuosi",
    lambda n: f"{n} €/år",
    lambda n: f"{n} euroa vuodessa",
    lambda n: f"{n} euroa vuosittain",
    lambda n: f"{n} euro per år",
]


@given(st.integers(1_000, 9_999_999), st.sampled_from(range(len(PER_YEAR))))
def test_per_year(n: int, style: int) -> None:
    printed = PER_YEAR[style](grouped(n, "."))  # 75.716€/vuosi, 150 000 €/år
    money = the_one(printed)
    assert money.per_year and money.amount == n
    assert printed.startswith(money.text) and money.text.endswith(("€", "euroa", "euro"))


@given(st.integers(1_000, 99_999_999))
def test_swedish_amount(n: int) -> None:
    printed = f"{grouped(n, ' ')} euro"  # 1 200 000 euro
    assert the_one(printed).amount == n


@given(st.integers(1, 999), st.sampled_from([(1e6, "miljoner"), (1e6, "miljon"), (1e3, "tusen")]))
def test_swedish_scale_words(n: int, scale: tuple[float, str]) -> None:
    printed = f"{n} {scale[1]} euro"  # 3 miljoner euro, 110 tusen euro
    assert (the_one(printed).amount, the_one(printed).text) == (n * scale[0], printed)


# --- exact values from the seed documents -------------------------------------------------

SEED_003 = (
    "Ihmiskeskeinen digitaalinen kunta –hankkeen kokonaiskustannukset hankeaikana "
    "(1.1.2020-31.12.2022) ovat yhteensä 1.592.580 €, josta Kuopion kaupungin (päätoteuttajan) "
    "hankekokonaisuus on 1.135.740 €, ja Savonia ammattikorkeakoulun kokonaisuus 456.840€. "
    "Hankkeeseen haetaan ESR-rahoitusta (80%), jolloin toteuttajien omarahoitus on 20%. "
    "Kuopion kaupungin osalta omarahoitus on enintään 227.148 € (75.716€/vuosi)."
)


def test_seed_003_cost_paragraph() -> None:
    found = find_money(SEED_003)
    assert [(m.amount, m.text, m.per_year) for m in found] == [
        (1592580.0, "1.592.580 €", False),
        (1135740.0, "1.135.740 €", False),
        (456840.0, "456.840€", False),
        (227148.0, "enintään 227.148 €", False),
        (75716.0, "75.716€", True),
    ]
    assert found[3].qualifier is Qualifier.AT_MOST
    assert SEED_003[found[0].start : found[0].end] == "1.592.580 €"


def test_seed_001_state_incentive() -> None:
    text = (
        "Vuonna 2019 valtion budjetissa oli varattu 30 milj. euroa kuntien "
        "digitalisaatioprojekteille ja vuonna 2020 ja 2021 valtio myöntää noin 10 milj. euron "
        "edestä digikannustinrahaa."
    )
    found = find_money(text)
    assert [(m.amount, m.text, m.qualifier) for m in found] == [
        (30_000_000.0, "30 milj. euroa", None),
        (10_000_000.0, "noin 10 milj. euron", Qualifier.ABOUT),
    ]
    assert found[0].precision == 1e6


def test_seed_001_digital_europe() -> None:
    text = "Euroopan komissio ehdottaa yli yhdeksän miljardin euron investointia digitalisaatioon"
    money = parse_money("yli yhdeksän miljardin euron")
    assert money is not None and money.amount == 9e9
    assert [m.text for m in find_money(text)] == ["yli yhdeksän miljardin euron"]


def test_real_pdf_styles() -> None:
    """Styles seen in the real minutes: signs, billions, m€, Swedish decimals with a dot."""
    text = (
        "toteutui arviota heikommin n.-222.000 €. Toimintatuotot kasvoivat (0,1 mrd.€). "
        "Verksamhetsintäkter 4,53 m€. Årlig investering på ca 1.1 miljon euro. "
        "Yhtiön tulos oli 2.579 euroa (vuosi 2022: -7.125 euroa)."
    )
    assert [(m.amount, m.qualifier) for m in find_money(text)] == [
        (-222000.0, Qualifier.ABOUT),
        (100_000_000.0, None),
        (4_530_000.0, None),
        (1_100_000.0, Qualifier.ABOUT),
        (2579.0, None),
        (-7125.0, None),
    ]


def test_number_words() -> None:
    assert number_words(["kaksikymmentäviisi", "tuhatta"]) == 25_000
    assert number_words(["puoli", "miljoonaa"]) == 500_000
    assert number_words(["yksitoista"]) == 11
    assert number_words(["toista"]) is None
    assert number_words(["kaksi", "kolme"]) is None
    assert number_words(["digitalisaatio"]) is None


# --- what is not money ----------------------------------------------------------------------

NOT_MONEY = [
    "Kaupunginhallitus 22.01.2024 § 25",
    "§ 81 Asianro 7801/02.05.02.01/2019",
    "118/07.01.02/2024",
    "Digiohjelma 2024-2026 hyväksyttiin vuonna 2024.",
    "Hankkeeseen haetaan ESR-rahoitusta (80%), jolloin omarahoitus on 20 %.",
    "Arto Holopainen puh. +358 45 139 3996",
    "hankeaika 1.1.2020-31.12.2022",
    "Euroopan komissio ja europarlamenttivaalit euroalueella",
    "Kyselyyn vastasi yhteensä 74 henkilöä ja 86 kuntalaista.",
    "Vuosikate kattaa kaupungin poistot 94,2 %:sti.",
]


@pytest.mark.parametrize("text", NOT_MONEY)
def test_not_money(text: str) -> None:
    assert find_money(text) == []


def test_parse_money_needs_exactly_one_amount() -> None:
    assert parse_money("100 € ja 200 €") is None
    assert parse_money("vuonna 2019") is None
    assert parse_money("300 t€") == Money(300_000.0, "300 t€", 0, 6, precision=1000.0)
