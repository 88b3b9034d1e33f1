"""What the words around an amount say about it: its role, its source and its share.

Rules are written on word stems (Finnish and Swedish), so every inflection of a word is one rule:
`omarahoitu` is omarahoitus, omarahoitusta and omarahoitusosuuteen alike. Each function reads a
plain string (an amount's clause, or a sentence) and knows nothing about pages or documents;
`extractors/funding.py` decides which text to give them.
"""

from __future__ import annotations

import re

from extractors.money import find_money
from schemas.vocab import FundingRole, FundingSource

_I = re.IGNORECASE
_W = r"[a-zåäö]*"

# Role cues, in priority order for cues that end at the same place ("kokonaisbudjetti" is a
# total cost before it is a budget).
ROLES: list[tuple[FundingRole, re.Pattern[str]]] = [
    (FundingRole.SELF_FINANCING, re.compile(
        r"omarahoitu|oma[an]?\s+rahoitu|omavastuu|omaosuu|kuntaosuu|rahoitusosuu"
        r"|egen\s?finansiering|självfinansiering|egen\s?andel|kommunens\s+andel", _I)),
    (FundingRole.TOTAL_COST, re.compile(
        r"kokonaiskust|kokonaisbudjet|kokonaiskulu|kokonaishin|kustannusarvi|\bkustannukset\b"
        r"|kertakustannu"
        r"|\bkulut\b|totalkostnad|totala\s+kostnad|kostnadsberäkning|kostnadskalkyl"
        r"|kokonaisarvo|arvioidaan\s+maksavan|hankinnan\s+(?:arvioitu\s+)?arvo\b|tarjoushin|\bhintaan\b"
        r"|kostnad(?:en|er|erna)?\b|\bkosta\b|\bkostar\b|totala?\s+budget|totalbudget"
        r"|(?:upphandlingens|anskaffningens)\s+(?:totala\s+)?värde", _I)),
    (FundingRole.GRANT, re.compile(
        r"avustu|kannustinraha|valtionosuu|myönn|myöntä|myönsi|rahoitusta\s+hae|hae\w*\s+rahoitu"
        r"|(?:esr|eakr|eu)[\s-]?rahoitu|\btuki\b|\btukea\b|\btuen\b|statsbidrag|statsandel"
        r"|\bbidrag|\bstöd|understöd|bevilja", _I)),
    # A part of a joint project is one partner's share, not the project's cost.
    (FundingRole.OTHER, re.compile(r"osahank|delprojekt|osatoteut", _I)),
    (FundingRole.BUDGET, re.compile(
        r"määrära|budjet|talousarvi|\bvarat(?:tu|aan)\b|\bvarannut|anslag|\bbudget"
        r"|kustannuspaik|\bsiirtä|\bsiirre", _I)),
]  # fmt: skip
# The first cue of any role, the higher-priority one where two start at the same place: the
# roles' patterns as alternatives in priority order, each one group (they have none of their own).
_FIRST_ROLE = re.compile("|".join(f"({rx.pattern})" for _, rx in ROLES), _I)
_SHARE_ROLES = (FundingRole.SELF_FINANCING, FundingRole.GRANT)
# A loan or a guarantee is neither a grant nor a budget, whatever verb grants it.
LOAN = re.compile(
    r"\blain(?:a|an|aa|oja|ojen|oihin|alle|ana|oista)\b|antolain|takau|\blån|borgen", _I
)

# Source cues: rank 1 names the money itself (a fund, a grant, a budget), rank 2 only an
# institution. An amount's source is its clause's rank-1 cue, else its project when the
# project is itself a source (Digital Europe -ohjelma), else a rank-2 cue.
_MONEY_NOUN = rf"(?:budjet|talousarvi|määrära|rahoitu|avustu|tuki|tuke|tuen|anslag|budget){_W}"
SOURCES: list[tuple[re.Pattern[str], FundingSource, int]] = [
    (re.compile(p, _I), source, rank)
    for p, source, rank in (
        (
            r"\besr\+?(?![a-zåäö])|euroopan sosiaalirahasto|\besf\+?(?![a-zåäö])"
            r"|europeiska socialfonden",
            FundingSource.ESR,
            1,
        ),
        (
            r"\beakr(?![a-zåäö])|euroopan aluekehitysrahasto|\beruf(?![a-zåäö])"
            r"|europeiska regionala utvecklingsfonden",
            FundingSource.EAKR,
            1,
        ),
        (
            r"digital europe|horisontti|horizon|interreg|erasmus|\bleader(?![a-zåäö])"
            r"|verkkojen eurooppa|connecting europe|elpymis|\brrf\b|nextgeneration"
            r"|(?:euroopan\s+)?(?:maaseutu|maatalous|meri- ja kalatalous|kalatalous)rahasto"
            r"|\bemkr\b"
            rf"|(?:eu:n|euroopan unionin)\s+{_MONEY_NOUN}",
            FundingSource.EU_OTHER,
            1,
        ),
        (
            r"valtionavu|valtionosuu|valtionrahoitu|digikannustin|kannustinraha"
            r"|kannustinjärjestelmä|statsbidrag|statsunderstöd|statsandel"
            r"|(?:kansallinen|valtion)\s+vastinrahoitu|statlig\w*\s+(?:med)?finansiering"
            r"|nationell\w*\s+medfinansiering"
            rf"|\bvaltion\s+{_MONEY_NOUN}",
            FundingSource.STATE,
            1,
        ),
        (
            r"omarahoitu|omavastuu|omaosuu|kuntaosuu|antolain|egen\s?finansiering"
            r"|kommunal\w*\s+finansiering|kunnan\s+rahoitu"
            rf"|självfinansiering|(?:kaupungin|kunnan|stadens|kommunens)\s+{_MONEY_NOUN}",
            FundingSource.MUNICIPALITY,
            1,
        ),
        (r"säätiö|\bsitra\b|stiftelse|kulturfond|business finland", FundingSource.OTHER, 1),
        # A lender named in the genitive: "Kuntarahoituksen lainalle".
        (r"(?-i:[A-ZÅÄÖ])[\wåäö]+n(?=\s+lain)", FundingSource.OTHER, 1),
        (
            r"\bvaltio(?:n|lta|lle)?\b|\bvm(?::n)?(?![a-zåäö])|ministeriö|\bstaten\b",
            FundingSource.STATE,
            2,
        ),
        # Money from a company: "osinkotuottoja Partnera Oy:ltä", "Oulun Energia Oy:n".
        (
            r"(?-i:[A-ZÅÄÖ])[\wåäö-]+(?:\s(?-i:[A-ZÅÄÖ])[\wåäö-]+)*\s(?:oyj?|ab):(?:ltä|sta|n)\b",
            FundingSource.OTHER,
            2,
        ),
        (
            r"\beu(?::n|:lta|:lle)?(?![a-zåäö])|euroopan unioni|euroopan komissio"
            r"|europeiska (?:unionen|kommissionen)",
            FundingSource.EU_OTHER,
            2,
        ),
    )
]

CUT = re.compile(r"[,;()]|\s(?:ja|sekä|och|samt|mutta|men|jolloin|josta|joista|mistä)\s", _I)
"""Where the clause of one amount ends and the next one's begins."""
_PERCENT = re.compile(
    r"(?<![\d,.+\-−])(\d{1,3}(?:,\d+)?)\s?(?:%|prosent\w*|procent)(?![-:]?(?:yksikkö|sti|ia|tia))",
    _I,
)
_NEAR = 25  # characters between a share's word and its percentage
_VAT = re.compile(r"(?:alv|moms)\W*$", _I)
# A figure compared with the budget or last year is a variance, whatever words it has.
_VARIANCE = re.compile(
    r"verrattuna|parempi|paremmat|pienempi|suurempi|korkeampi|alhaisempi|enemmän|vähemmän"
    r"|\bylit|\balit|kasvo|kasvan|pieneni|vähen|lisäänty|heikommin|paremmin|edellis"
    r"|mer än|mindre än|högre än|lägre än|ökade|minskade",
    _I,
)


def role_of(left: str, right: str) -> FundingRole | None:
    """The role a clause gives its amount: its first cue before the amount (the subject of
    `X on 100 €` comes first: "kustannusarvio avustus huomioiden on …" is a cost), else the
    first after it. Variances and loans are `other` whatever else they say."""
    if _VARIANCE.search(f"{left} {right}") or LOAN.search(f"{left} {right}"):
        return FundingRole.OTHER
    for text in (left, right):
        first = _FIRST_ROLE.search(text)
        if first is not None:
            cues = zip(ROLES, first.groups(), strict=True)
            role = next(role for (role, _), cue in cues if cue is not None)
            if (
                role is FundingRole.GRANT
                and _GRANT_VERB.search(text)
                and not _GRANT_NOUN.search(f"{left} {right}")
            ):
                budget = next(rx for r, rx in ROLES if r is FundingRole.BUDGET)
                if budget.search(f"{left} {right}"):
                    return FundingRole.BUDGET  # "beviljar ett tilläggsanslag om 65 000 euro"
            return role
    return _financing_role(left)


_GRANT_VERB = re.compile(r"myönn|myöntä|myönsi|bevilja", _I)
_GRANT_NOUN = re.compile(r"avustu|\btuki|\btuke|\btuen|bidrag|\bstöd|understöd", _I)
# Financing, not the financial income and costs of accounts (rahoitustuotot, rahoituskulut).
_FINANCING = re.compile(
    r"rahoitu(?!stuot|skulu|sosa|slas)|rahoitta|finansier(?!ingsint)|\bosuu|\bandel", _I
)


def _financing_role(left: str) -> FundingRole | None:
    """Financing from a named source, or its share (`EAKR- ja valtion rahoitus`, `EAKR:n
    osuus`, `Interreg-finansieringen`, `Digital Europe -ohjelma rahoittaa`) is a grant; the
    municipality's own is self-financing."""
    if not _FINANCING.search(left):
        return None
    source, _ = source_of(left, None)
    if source is None:
        return None
    return FundingRole.SELF_FINANCING if source is FundingSource.MUNICIPALITY else FundingRole.GRANT


def yearly(left: str) -> bool:
    """Whether a clause calls its amount yearly before it (`vuotuiset ylläpitokustannukset`)."""
    return bool(re.search(r"vuotui|vuosittai|årlig", left, _I))


def source_of(clause: str, project: str | None) -> tuple[FundingSource | None, str | None]:
    """Where the money comes from, and the words that say so (as printed)."""
    hits = sorted(
        (rank, n, hit.start(), hit.end(), source)
        for n, (rx, source, rank) in enumerate(SOURCES)
        for hit in rx.finditer(clause)
    )
    if hits and hits[0][0] == 1:
        return hits[0][4], _whole_words(clause, hits[0][2], hits[0][3])
    for rx, source, rank in SOURCES:
        if rank == 1 and project and rx.search(project):
            return source, project
    if hits:
        return hits[0][4], _whole_words(clause, hits[0][2], hits[0][3])
    return None, None


def named_source(text: str) -> tuple[FundingSource | None, str | None]:
    """A source that names the money itself (rank 1: a fund, a grant), or none."""
    hits = sorted(
        (hit.start(), n, hit.end(), source)
        for n, (rx, source, rank) in enumerate(SOURCES)
        if rank == 1
        for hit in rx.finditer(text)
    )
    if not hits:
        return None, None
    return hits[0][3], _whole_words(text, hits[0][0], hits[0][2])


def _whole_words(text: str, start: int, end: int) -> str:
    """The words a cue touches: `ESR` in `ESR-rahoitusta` is `ESR-rahoitusta`."""
    while start > 0 and re.match(r"[\w:+-]", text[start - 1]):
        start -= 1
    while end < len(text) and re.match(r"[\w:+-]", text[end]):
        end += 1
    return text[start:end].strip("-:")


def is_financing(clause: str) -> bool:
    """Whether a clause speaks of financing (a fund, grant or own share), not e.g. of change."""
    return any(rx.search(clause) for rx, _, rank in SOURCES if rank == 1) or any(
        rx.search(clause) for role, rx in ROLES if role in _SHARE_ROLES
    )


def share_in(left: str, right: str) -> float | None:
    """A percentage printed right beside the amount (`80 % eli 100 000 €`, `100 000 € (80 %)`)."""
    if _VARIANCE.search(f"{left} {right}"):
        return None  # "6,6 prosenttia (- 0,2 mrd.€) vähemmän" is a change, not a share
    near = [h for h in _PERCENT.finditer(left) if len(left) - h.end() <= _NEAR]
    near += [h for h in _PERCENT.finditer(right) if h.start() <= _NEAR][:1]
    for hit in near:
        text = left if hit.string is left else right
        if not _VAT.search(text[: hit.start()]):
            return float(hit.group(1).replace(",", "."))
    return None


_BRACKET_SHARE = re.compile(r"\s*\(\s*(\d{1,3}(?:,\d+)?)\s?(?:%|prosenttia|procent)\s*\)", _I)


def bracket_share(after: str) -> float | None:
    """A share in brackets right after an amount: `149 500 eurolla (65 %)`."""
    hit = _BRACKET_SHARE.match(after)
    return float(hit.group(1).replace(",", ".")) if hit else None


def shares_in(sentence: str) -> list[tuple[int, FundingRole, FundingSource | None, float]]:
    """Financing shares printed without an amount: `ESR-rahoitusta (80%)` → (…, grant, ESR, 80)."""
    found: list[tuple[int, FundingRole, FundingSource | None, float]] = []
    last = 0
    for hit in _PERCENT.finditer(sentence):
        before, last = sentence[last : hit.start()], hit.end()
        if _VAT.search(before) or find_money(sentence[hit.start() : hit.end() + 25]):
            continue
        # The share's own word stands right before it: "ESR-rahoitusta (80%)", "omarahoitus on
        # 20%", with nothing but a bracket between.
        cues = [
            (h.end(), role)
            for role, rx in ROLES
            if role in _SHARE_ROLES
            for h in rx.finditer(before)
            if len(before) - h.end() <= _NEAR and not re.search(r"[,;)]", before[h.end() :])
        ]
        if not cues:
            continue
        role = max(cues, key=lambda c: c[0])[1]
        source = source_of(before, None)[0]
        if role is FundingRole.SELF_FINANCING:
            source = FundingSource.MUNICIPALITY
        found.append((hit.start(), role, source, float(hit.group(1).replace(",", "."))))
    return found
