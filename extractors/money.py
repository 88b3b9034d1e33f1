"""Euro amounts in Finnish and Swedish text: find every one, parse it to euros, keep its span.

Pure text in, typed values out (no NLP, no I/O). Handles the ways municipal documents print
money: thousands grouped with dots or (no-break, thin) spaces (`1.592.580 €`, `915 000 euroa`),
decimal commas (`539 921,50 €`, `4 826 854, 27 euro`), scale words and abbreviations
(`2,5 milj. euroa`, `30 miljoonan euron`, `48 M€`, `300 t€`, `1.8 miljoner euro`, `110 tusen euro`),
number words (`yli yhdeksän miljardin euron`), every inflection of *euro*, qualifiers
(`enintään`, `noin`, `yli` …), ranges (`100 000–200 000 euroa`) and per-year markers
(`75.716€/vuosi`, `150 000 €/år`, `… euroa vuodessa`). A number without a currency word next to
it — a year, a § number, a percentage, a phone number, a date, a diary number — is not money.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Qualifier(StrEnum):
    """How a printed amount is bounded: `enintään 100 000 €` is at most, `noin` is about."""

    AT_MOST = "at_most"
    AT_LEAST = "at_least"
    OVER = "over"
    UNDER = "under"
    ABOUT = "about"


@dataclass(frozen=True, slots=True)
class Money:
    """One euro amount found in a text.

    `text` is the amount as printed from its qualifier to its currency word (`enintään 227.148 €`,
    `75.716€` of `75.716€/vuosi`); `start`/`end` are its offsets in the searched text. A range
    keeps both ends in `low`/`high` and its `amount` is the low end. `precision` is the value of
    one unit of the last printed digit (1.0 for `1.592.580 €`, 100 000.0 for `2,5 milj. euroa`),
    which tells a check how far a rounded figure may be from an exact sum.
    """

    amount: float
    text: str
    start: int
    end: int
    per_year: bool = False
    qualifier: Qualifier | None = None
    low: float | None = None
    high: float | None = None
    precision: float = 1.0


_QUALIFIERS: dict[str, Qualifier] = {
    **dict.fromkeys(
        (
            "enintään",
            "korkeintaan",
            "maksimissaan",
            "enimmillään",
            "max",
            "max.",
            "högst",
            "upp till",
            "maximalt",
        ),
        Qualifier.AT_MOST,
    ),
    **dict.fromkeys(
        ("vähintään", "ainakin", "minimissään", "minst", "åtminstone"), Qualifier.AT_LEAST
    ),
    **dict.fromkeys(
        (
            "yli",
            "hieman yli",
            "runsaat",
            "runsas",
            "reilu",
            "reilut",
            "reilun",
            "reilulla",
            "över",
            "drygt",
            "dryga",
        ),
        Qualifier.OVER,
    ),
    **dict.fromkeys(
        ("alle", "vajaa", "vajaan", "vajaat", "lähes", "melkein", "knappt", "nästan", "under"),
        Qualifier.UNDER,
    ),
    **dict.fromkeys(
        (
            "noin",
            "n.",
            "arviolta",
            "arviolta noin",
            "ca",
            "ca.",
            "cirka",
            "circa",
            "ungefär",
            "omkring",
            "kring",
        ),
        Qualifier.ABOUT,
    ),
}
# Longest first, so that "hieman yli" wins over "yli" and "ca." over "ca".
_QUAL = "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True))
_QUAL_RE = rf"(?P<qual>(?<![\wåäö])(?:{_QUAL}))"

# Inflected forms of "euro" (Finnish cases, plural, -inen adjectives, Swedish genitive);
# compounds such as euroalue or Eurooppa are not money words.
_EURO_END = (
    "a|n|on|lla|lle|lta|ssa|sta|ksi|na|t|ja|jen|ihin|illa|ille|ilta|issa|ista|iksi|ina|"
    "ineen|tta|s|inen|isen|iset|isia|isten|isella|iseen|isesta|iselle"
)
_CURRENCY = rf"(?P<cur>€(?::[a-zåäö]+)?|eur(?![a-zåäö])|euro(?:{_EURO_END})?(?![a-zåäö]))"
_LETTER_AFTER = r"(?![a-zåäö])"
_SCALE = (
    r"(?P<scale>miljard[a-zåäö]*|milj(?:oon|on)[a-zåäö]*|milj\.?" + _LETTER_AFTER + "|"
    r"mrd\.?" + _LETTER_AFTER + r"|mn\.?" + _LETTER_AFTER + r"|mio\.?" + _LETTER_AFTER + "|"
    r"tuha[tn][a-zåäö]*|tuh\." + _LETTER_AFTER + r"|tusen" + _LETTER_AFTER + "|"
    r"[mtk](?=\s?(?:€|eur(?![a-zåäö]))))"
)
_PER_YEAR = (
    r"(?P<per>\s?/\s?(?:vuosi|vuodessa|vuotta|v|vuo|år|året|a|yr)\.?(?![a-zåäö])"
    r"|\s(?:vuodessa|vuosittai[a-zåäö]*|vuotui[a-zåäö]*|vuositasolla|per\s(?:år|vuosi)"
    r"|om\såret|i\såret|årlig(?:en|t|a)?)(?![a-zåäö]))"
)
_PER_YEAR_BEFORE = re.compile(r"(?:vuosittain|vuodessa|årligen|per år)\s+$", re.IGNORECASE)
_SEP = "[ \u00a0\u2009\u202f.]"  # thousands: space, no-break space, thin spaces, or a dot


def _number(tag: str) -> str:
    """A printed number, named `n{tag}`; thousands separators must be the same throughout."""
    return (
        rf"(?P<n{tag}>(?<![\d.,/])(?:\d{{1,3}}(?P<sep{tag}>{_SEP})\d{{3}}(?:(?P=sep{tag})\d{{3}})*"
        rf"|\d+)(?:,\s?\d+(?!\d)|\.\d{{1,2}}(?![\d.])|,-{{1,2}})?)"
    )


_DIGIT_MONEY = re.compile(
    # A sign is attached to its number, or stands spaced after a word as in accounts
    # ("toimintakate – 949,2 milj. euroa"); a spaced dash between two numbers is a range.
    rf"(?:{_QUAL_RE}\s*)?(?P<sign>[-−+](?=\d)|(?<=[a-zåäö] )[–−-] (?=\d))?{_number('1')}"
    rf"(?:(?P<dash>\s?[–—]\s?|-|\s-\s){_number('2')})?"
    rf"\s{{0,2}}(?:{_SCALE}\s{{0,2}})?{_CURRENCY}(?:{_PER_YEAR})?",
    re.IGNORECASE,
)
_ANY_CURRENCY = re.compile(rf"(?<![\wåäö]){_CURRENCY}(?:{_PER_YEAR})?", re.IGNORECASE)
_WORDS_BEFORE = re.compile(r"((?:[a-zåäö]+\s+){1,6})$", re.IGNORECASE)

_SCALES: list[tuple[str, float]] = [
    ("miljard", 1e9), ("mrd", 1e9), ("milj", 1e6), ("mn", 1e6), ("mio", 1e6), ("m", 1e6),
    ("tuh", 1e3), ("tusen", 1e3), ("t", 1e3), ("k", 1e3),
]  # fmt: skip


def find_money(text: str) -> list[Money]:
    """Every euro amount in `text`, in order of appearance."""
    if "€" not in text and "eur" not in text.lower():
        return []  # every amount names its currency; most sentences name none
    found: list[Money] = []
    taken: list[tuple[int, int]] = []
    for m in _DIGIT_MONEY.finditer(text):
        money = _from_digits(text, m)
        if money is not None:
            found.append(money)
            taken.append((m.start(), m.end()))
    for m in _ANY_CURRENCY.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        money = _from_words(text, m)
        if money is not None:
            found.append(money)
    return sorted(found, key=lambda x: x.start)


def parse_money(text: str) -> Money | None:
    """The single euro amount that `text` consists of, or None when it holds none or several."""
    found = find_money(text)
    if len(found) != 1 or found[0].text != text.strip():
        return None
    return found[0]


def _from_digits(text: str, m: re.Match[str]) -> Money | None:
    scale = _scale(m.group("scale"))
    low, low_decimals = _parse_number(m.group("n1"))
    if scale >= 1e6 and low >= 1e6:
        scale = 1.0  # "8 000 000 milj. euroa": the digits already say millions (a misprint)
    first = "qual" if m.group("qual") else "sign" if m.group("sign") else "n1"
    start = m.start(first)
    sign = -1.0 if (m.group("sign") or "+").strip() in ("-", "−", "–") else 1.0
    high: float | None = None
    if m.group("n2") is not None:
        high_value, high_decimals = _parse_number(m.group("n2"))
        if high_value <= low:
            # "2022 -7.125 euroa" is no range: only the second number is money.
            return _single(text, m, m.start("n2"), high_value, high_decimals, scale, None)
        high = high_value * scale
        low_decimals = max(low_decimals, high_decimals)
    amount = sign * low * scale
    precision = scale * 10.0**-low_decimals
    return Money(
        amount=_round(amount),
        text=text[start : m.end("cur")],
        start=start,
        end=m.end("cur"),
        per_year=bool(m.group("per")) or bool(_PER_YEAR_BEFORE.search(text[:start])),
        qualifier=_qualifier(m.group("qual")),
        low=_round(amount) if high is not None else None,
        high=_round(high) if high is not None else None,
        precision=precision,
    )


def _single(
    text: str,
    m: re.Match[str],
    start: int,
    value: float,
    decimals: int,
    scale: float,
    qualifier: Qualifier | None,
) -> Money:
    return Money(
        amount=_round(value * scale),
        text=text[start : m.end("cur")],
        start=start,
        end=m.end("cur"),
        per_year=bool(m.group("per")),
        qualifier=qualifier,
        precision=scale * 10.0**-decimals,
    )


def _parse_number(printed: str) -> tuple[float, int]:
    """`1.592.580` → (1592580.0, 0); `4 826 854, 27` → (4826854.27, 2); `18.3` → (18.3, 1)."""
    core = re.sub(r",-+$", "", printed)
    decimals = ""
    # A comma is always decimal; a dot only before one or two digits (1.8 miljoner), as three
    # digits after a dot are a thousands group (1.592.580).
    if (m := re.search(r",\s?(\d+)$", core)) or (m := re.search(r"\.(\d{1,2})$", core)):
        decimals, core = m.group(1), core[: m.start()]
    digits = re.sub(r"\D", "", core)
    value = float(f"{digits}.{decimals}" if decimals else digits)
    return value, len(decimals)


def _scale(word: str | None) -> float:
    """A scale word's multiplier: `milj.` → 1e6, `t` (of t€) → 1e3."""
    lowered = (word or "").lower()
    return next((factor for prefix, factor in _SCALES if lowered.startswith(prefix)), 1.0)


def _qualifier(word: str | None) -> Qualifier | None:
    return _QUALIFIERS.get(" ".join(word.lower().split())) if word else None


def _round(value: float) -> float:
    # Float arithmetic on scaled decimals (2,5 × 10⁶) leaves noise below a cent.
    return round(value, 2)


def _from_words(text: str, m: re.Match[str]) -> Money | None:
    """An amount written in words before a currency word: `yli yhdeksän miljardin euron`."""
    before = _WORDS_BEFORE.search(text[: m.start()])
    if before is None:
        return None
    words = before.group(1).split()
    # The longest run of number words that ends at the currency word.
    for n in range(len(words), 0, -1):
        value = number_words(words[-n:])
        if value is None:
            continue
        offset = before.start(1) + _offset_of_word(before.group(1), len(words) - n)
        qualifier, start = _qualifier_before(text, offset, words[: len(words) - n])
        return Money(
            amount=_round(value),
            text=text[start : m.end("cur")],
            start=start,
            end=m.end("cur"),
            per_year=bool(m.group("per")) or bool(_PER_YEAR_BEFORE.search(text[:start])),
            qualifier=qualifier,
            precision=_word_precision(value),
        )
    return None


def _offset_of_word(chunk: str, index: int) -> int:
    return [w.start() for w in re.finditer(r"\S+", chunk)][index]


def _qualifier_before(text: str, start: int, earlier: list[str]) -> tuple[Qualifier | None, int]:
    for n in (2, 1):
        if len(earlier) >= n:
            phrase = " ".join(earlier[-n:]).lower()
            if phrase in _QUALIFIERS:
                found = text.rfind(earlier[-n], 0, start)
                return _QUALIFIERS[phrase], found if found >= 0 else start
    return None, start


def _word_precision(value: float) -> float:
    for factor in (1e9, 1e6, 1e3, 100.0):
        if value >= factor:
            return factor
    return 1.0


# Finnish number words in their inflected forms, and Swedish ones; a word may be a compound
# of several (kaksikymmentäviisi, satatuhatta). Kinds: unit (1–9), teen (-toista), ten
# (kymmenen/-kymmentä), hundred (sata), scale (tuhat, miljoona, miljardi).
_MORPHEMES: list[tuple[re.Pattern[str], str, float]] = [
    (re.compile(p), kind, value)
    for p, kind, value in (
        (r"puol(?:itoista|entoista)", "unit", 1.5),
        (r"puol(?:i|en|ta|ella|eksi)", "unit", 0.5),
        (r"yhdeksä(?:n|ä|än|llä|lle|ltä|ssä|stä|ksi|nä)", "unit", 9),
        (r"kahdeksa(?:n|a|an|lla|lle|lta|ssa|sta|ksi|na)", "unit", 8),
        (r"seitsemä(?:n|ä|än|llä|lle|ltä|ssä|stä|ksi|nä)|seitsen", "unit", 7),
        (r"yksi|yhd(?:en|ellä|elle|eltä|essä|estä|eksi)|yhtä|yhte(?:en|nä)", "unit", 1),
        (r"kaksi|kahd(?:en|ella|elle|elta|essa|esta|eksi)|kahta|kahte(?:en|na)", "unit", 2),
        (r"kolme(?:en|n|a|lla|lle|lta|ssa|sta|ksi|na)?", "unit", 3),
        (r"neljä(?:än|n|ä|llä|lle|ltä|ssä|stä|ksi|nä)?", "unit", 4),
        (r"viisi|viid(?:en|ellä|elle|eltä|essä|estä|eksi)|viittä|viite(?:en|nä)", "unit", 5),
        (r"kuusi|kuud(?:en|ella|elle|elta|essa|esta|eksi)|kuutta|kuute(?:en|na)", "unit", 6),
        (r"toista", "teen", 10),
        (r"kymmen(?:en|tä|een|ellä|elle|eltä|essä|estä|eksi|enä)?", "ten", 10),
        (r"sata(?:a|an)?|sada(?:n|lla|lle|lta|ssa|sta|ksi)|satoja|satojen", "hundred", 100),
        (
            r"tuhat(?:ta)?|tuhann(?:en|ella|elle|elta|essa|esta|eksi)|tuhante(?:en|na)"
            r"|tuhansi(?:a|en)|tusen",
            "scale",
            1e3,
        ),
        (
            r"miljoon(?:a(?:a|an|n|lla|lle|lta|ssa|sta|ksi|na)?|i(?:a|en|lla|in|sta))"
            r"|miljon(?:er|en)?",
            "scale",
            1e6,
        ),
        (
            r"miljardi(?:a|n|lla|lle|lta|ssa|sta|ksi|na|in)?|miljarde(?:ja|jen)"
            r"|miljard(?:er|en)?",
            "scale",
            1e9,
        ),
        (r"en|ett", "unit", 1),
        (r"två", "unit", 2),
        (r"tre", "unit", 3),
        (r"fyra", "unit", 4),
        (r"fem", "unit", 5),
        (r"sex", "unit", 6),
        (r"sju", "unit", 7),
        (r"åtta", "unit", 8),
        (r"nio", "unit", 9),
        (r"tio", "ten", 10),
        (r"hundra", "hundred", 100),
    )
]


def number_words(words: list[str]) -> float | None:
    """The value of a run of number words (`yhdeksän miljardin` → 9e9), or None."""
    parts: list[tuple[str, float]] = []
    for word in words:
        split = _split_word(word.lower(), 0)
        if split is None:
            return None
        parts += split
    if not parts or parts[0][0] == "teen":
        return None
    return _value(parts)


def _split_word(word: str, at: int) -> list[tuple[str, float]] | None:
    """A word as a sequence of number morphemes, or None when some part is not one."""
    if at == len(word):
        return []
    for pattern, kind, value in _MORPHEMES:
        # Longest prefix first: "kymmenen" is ten, not kymmen + Swedish "en".
        for end in range(len(word), at, -1):
            if pattern.fullmatch(word, at, end):
                rest = _split_word(word, end)
                if rest is not None:
                    return [(kind, value), *rest]
    return None


def _value(parts: list[tuple[str, float]]) -> float | None:
    total, group, unit = 0.0, 0.0, None
    last_scale = 0.0
    for kind, value in parts:
        if kind == "unit":
            if unit is not None:
                return None  # "kaksi kolme" is no number
            unit = value
        elif kind == "teen":
            if unit is None:
                return None
            group, unit = group + unit + 10, None
        elif kind in ("ten", "hundred"):
            group, unit = group + (unit or 1) * value, None
        else:
            small = group + (unit or 0)
            if small == 0 and total and value > last_scale:
                total *= value  # "tuhat miljoonaa"
            else:
                total += (small or 1) * value
            group, unit, last_scale = 0.0, None, value
    return total + group + (unit or 0)
