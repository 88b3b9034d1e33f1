"""Line-end hyphens: soft breaks re-joined, real hyphens kept (Voikko decides)."""

from __future__ import annotations

import pytest

from pipeline.analysis import lexicon
from pipeline.reading.hyphenation import ends_with_hyphen, join_parts


def test_voikko_is_installed() -> None:
    # De-hyphenation without the lexicon would silently degrade: make test installs it.
    assert lexicon.available()
    assert lexicon.is_word("kaupungin")
    assert not lexicon.is_word("kau")


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("kau-", "pungin", "kaupungin"),
        ("digi-", "ohjelman", "digiohjelman"),
        ("toteut-", "tamisesta", "toteuttamisesta"),
        ("kehittämis-", "hankkeen", "kehittämishankkeen"),
        ("pääto-", "teuttajana", "päätoteuttajana"),
        ("ELY-", "keskukseen", "ELY-keskukseen"),
        ("Etelä-", "Savon", "Etelä-Savon"),
        ("Savonia-", "ammattikorkeakoulu", "Savonia-ammattikorkeakoulu"),
        ("ilmasto-", "ohjelma", "ilmasto-ohjelma"),
        ("ESR-", "rahoitus", "ESR-rahoitus"),
        ("2020-", "2023", "2020-2023"),
        ("(kau-", "pungin)", "(kaupungin)"),
        ("sosiaali-", "ja", "sosiaali- ja"),
        ("tieto-", "ja", "tieto- ja"),
        ("hälso-", "och", "hälso- och"),
    ],
)
def test_join_parts(left: str, right: str, expected: str) -> None:
    assert join_parts(left, right) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("kau-", True), ("Kehittämis-", True), ("2020 -", False), ("–", False), ("x", False)],
)
def test_ends_with_hyphen(text: str, expected: bool) -> None:
    assert ends_with_hyphen(text) is expected
