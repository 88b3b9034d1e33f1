"""What the words around an amount say about it: role, source, share, period, project, recipient.

Rules are written on word stems (Finnish and Swedish), so every inflection of a word is one rule:
`omarahoitu` is omarahoitus, omarahoitusta and omarahoitusosuuteen alike. Each function reads a
plain string (an amount's clause, or a sentence) and knows nothing about pages or documents;
`extractors/funding.py` decides which text to give them.
"""

from __future__ import annotations

import datetime as dt
import re

from extractors.lexicon import baseforms
from extractors.money import find_money
from schemas.vocab import FundingRole, FundingSource

_I = re.IGNORECASE
_W = r"[a-zåäö]*"
Period = tuple[dt.date, dt.date]

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
_SHARE_ROLES = (FundingRole.SELF_FINANCING, FundingRole.GRANT)
# A loan or a guarantee is neither a grant nor a budget, whatever verb grants it.
_LOAN = re.compile(
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
DATES = re.compile(
    r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.?(\d{4})?\s?[-–—]\s?(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)"
)
_YEARS = re.compile(r"(?<![\d.,/])((?:19|20)\d{2})\s?[-–—]\s?((?:19|20)\d{2})(?!\d|[.,/]\d)")
_SPAN_YEARS = re.compile(
    r"\b(?:kaudella|kaudelle|vuosina|vuosille|vuosiksi|hankeaika\w*|toteutusaika\w*|ajalla"
    r"|ajanjaksolla|åren|perioden|under åren)\s+((?:19|20)\d{2})\s?[-–—]\s?((?:19|20)\d{2})\b",
    _I,
)
# The year money is meant for: "siirtää 76 000 € vuodelle 2025", "för år 2023".
_TARGET_YEARS = re.compile(
    r"\b(?:vuodelle|vuosille|för år(?:en)?|till år(?:en)?)\s+((?:19|20)\d{2})"
    r"(?:\s?[-–—]\s?((?:19|20)\d{2}))?",
    _I,
)
_YEAR_WORDS = re.compile(
    r"\b(?:vuo(?:nna|sina|sille|delle|delta|den|si)|år(?:en|et)?|budgetåret|tilikau\w+|v\.?)"
    r"\s+((?:19|20)\d{2})((?:\s?(?:,|ja|och|sekä)\s?(?:19|20)\d{2})*)",
    _I,
)
# The year of a budget: "budgeten för 2025", "budgeten 2025", "vuoden 2025 talousarvio".
_BUDGET_YEAR = re.compile(
    r"\b(?:budget\w*|talousarvi\w*|anslag\w*)\s+(?:för\s+)?(?:år\s+)?((?:19|20)\d{2})(?![\d–-])"
    r"|\bvuoden\s+((?:19|20)\d{2})\s+(?:talousarvi|budjet)",
    _I,
)
_PROJECT = re.compile(
    r"(?:\s[-–]\s?|\s?–\s?)(hanke(?![a-zåäö])|hankkee\w*|projekti\w*|ohjelma\w*)", _I
)
# A funding scheme with its genitive modifiers: "kuntien digitalisaation kannustinjärjestelmä".
_SCHEME = re.compile(
    r"((?:[a-zåäö]{4,}n\s+){0,3})([a-zåäö]*(?:kannustin|avustus|rahoitus|tuki)"
    r"(?:järjestelmä|ohjelma|rahasto))[a-zåäö]*",
    _I,
)
_STOP = frozenset(
    {"ja", "sekä", "on", "ovat", "oli", "olivat", "että", "kun", "jonka", "joka", "niin", "och"}
)
_HEADS = (
    r"kaupun|kunn|kunta|korkeakoulu|yliopisto|kuntayhtymä|hyvinvointialue|yhdisty|säätiö"
    r"|seurakun|liito|keskukse|oppilaito|yhtiö|opisto"
)
_ORG_WORD = rf"(?:[A-ZÅÄÖ][\w-]*|[\w-]*(?:{_HEADS})[\w-]*)"
_ORG = rf"(?:{_ORG_WORD}\s+){{0,3}}(?:{_ORG_WORD}|Oyj?|ry|rf|Ab)"
# An organisation in the genitive that owns the amount: "Kuopion kaupungin (päätoteuttajan)
# hankekokonaisuus", "Kuopion kaupungin osalta"; or in the allative when money goes to it.
_OWNER = re.compile(
    rf"({_ORG}(?::n|n))\s+(?:\([^)]*\)\s+)?(?=osalta|osuu|[\w-]*kokonaisuu|omarahoitu|omavastuu"
    r"|rahoitusosuu|kuntaosuu|omaosuu)"
)
_TO = re.compile(rf"({_ORG}(?::lle|lle))(?![\wåäö])")
_HAS = re.compile(rf"({_ORG}(?::ll[aä]|ll[aä]))\s+on\b")
# An organisation that applies for or needs the money: "Invest Lapua Oy tarvitsee …".
_APPLICANT = re.compile(
    rf"({_ORG})\s+(?=hakee|tarvitsee|anoo|anoi|on hakenut|ansöker|söker|anhåller)"
)
# Bodies of the organisation itself receive proposals, not money.
BODY = re.compile(
    r"valtuusto|hallitu|lautakun|jaosto|johtaja|toimikun|styrelse|fullmäktige|nämnd", _I
)
# A figure compared with the budget or last year is a variance, whatever words it has.
_VARIANCE = re.compile(
    r"verrattuna|parempi|paremmat|pienempi|suurempi|korkeampi|alhaisempi|enemmän|vähemmän"
    r"|\bylit|\balit|kasvo|kasvan|pieneni|vähen|lisäänty|heikommin|paremmin|edellis"
    r"|mer än|mindre än|högre än|lägre än|ökade|minskade",
    _I,
)
_MUNICIPAL = re.compile(r"kaupun|\bkunta|\bkunnan|\bstad|\bkommun", _I)


def role_of(left: str, right: str) -> FundingRole | None:
    """The role a clause gives its amount: its first cue before the amount (the subject of
    `X on 100 €` comes first: "kustannusarvio avustus huomioiden on …" is a cost), else the
    first after it. Variances and loans are `other` whatever else they say."""
    if _VARIANCE.search(f"{left} {right}") or _LOAN.search(f"{left} {right}"):
        return FundingRole.OTHER
    for text in (left, right):
        hits = [
            (hit.start(), rank, role)
            for rank, (role, rx) in enumerate(ROLES)
            for hit in rx.finditer(text)
        ]
        if hits:
            role = min(hits)[2]
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


def target_period(text: str) -> Period | None:
    """The year (or years) money is meant for, when the text says so (`vuodelle 2025`)."""
    hit = _TARGET_YEARS.search(text)
    if hit is None:
        return None
    first, end = int(hit.group(1)), int(hit.group(2) or hit.group(1))
    return (dt.date(first, 1, 1), dt.date(end, 12, 31)) if first <= end else None


def period_in(text: str, *, last: bool = False) -> Period | None:
    """A date range, year range or `vuonna 2020 ja 2021` in `text`: the first, or the last."""
    found: list[tuple[int, Period]] = []
    for hit in DATES.finditer(text):
        if period := _dates(hit):
            found.append((hit.start(), period))
    taken = [(hit.start(), hit.end()) for hit in DATES.finditer(text)]
    for hit in _YEARS.finditer(text):
        a, b = int(hit.group(1)), int(hit.group(2))
        if a <= b <= a + 30 and not _inside(hit.start(), taken):
            found.append((hit.start(), (dt.date(a, 1, 1), dt.date(b, 12, 31))))
            taken.append((hit.start(), hit.end()))
    for hit in _BUDGET_YEAR.finditer(text):
        year = int(hit.group(1) or hit.group(2))
        if not _inside(hit.start(), taken):
            found.append((hit.start(), (dt.date(year, 1, 1), dt.date(year, 12, 31))))
            taken.append((hit.start(), hit.end()))
    for hit in _YEAR_WORDS.finditer(text):
        years = [int(hit.group(1)), *map(int, re.findall(r"\d{4}", hit.group(2)))]
        if not _inside(hit.start(1), taken):
            found.append((hit.start(), (dt.date(min(years), 1, 1), dt.date(max(years), 12, 31))))
    if not found:
        return None
    return (max if last else min)(found, key=lambda f: f[0])[1]


_MONTHS = (
    "tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys", "loka",
    "marras", "joulu",
)  # fmt: skip
_MONTHS_SV = (
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
    "oktober", "november", "december",
)  # fmt: skip
_BY_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\s+(?:mennessä|asti|saakka)", _I)
_BY_MONTH = re.compile(
    rf"(?:({'|'.join(_MONTHS)})kuun\s+loppuun\s+(?:mennessä|asti|saakka)"
    rf"|till\s+och\s+med\s+({'|'.join(_MONTHS_SV)}))",
    _I,
)


def spent_by(text: str, year: int | None = None) -> dt.date | None:
    """The date up to which money has been spent: `30.9.2025 mennessä`, `lokakuun loppuun
    mennessä`, `till och med april` (the month's last day, in `year` or the text's year)."""
    if hit := _BY_DATE.search(text):
        try:
            return dt.date(int(hit.group(3)), int(hit.group(2)), int(hit.group(1)))
        except ValueError:
            return None
    hit = _BY_MONTH.search(text)
    if hit is None:
        return None
    name = (hit.group(1) or hit.group(2)).lower()
    month = (_MONTHS.index(name) if hit.group(1) else _MONTHS_SV.index(name)) + 1
    found = year or next((int(y) for y in re.findall(r"(?:19|20)\d{2}", text)), None)
    if found is None:
        return None
    first_of_next = dt.date(found + month // 12, month % 12 + 1, 1)
    return first_of_next - dt.timedelta(days=1)


def budget_year(text: str) -> Period | None:
    """The year of the budget a text names (`vuoden 2025 talousarvio`, `budgeten för 2025`)."""
    hit = _BUDGET_YEAR.search(text)
    if hit is None:
        return None
    year = int(hit.group(1) or hit.group(2))
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _dates(hit: re.Match[str]) -> Period | None:
    d1, m1, y1, d2, m2, y2 = hit.groups()
    try:
        return dt.date(int(y1 or y2), int(m1), int(d1)), dt.date(int(y2), int(m2), int(d2))
    except ValueError:
        return None


def project_periods_in(text: str) -> list[Period]:
    """Periods printed as a project's time span, in order: `1.1.2020–31.12.2022`, or years
    after a period word (`vuosina 2024–2026`, `kaudella 2021-2027`, `åren 2022–2023`)."""
    found = [(hit.start(), p) for hit in DATES.finditer(text) if (p := _dates(hit))]
    for hit in _SPAN_YEARS.finditer(text):
        a, b = int(hit.group(1)), int(hit.group(2))
        if a <= b:
            found.append((hit.start(), (dt.date(a, 1, 1), dt.date(b, 12, 31))))
    return [p for _, p in sorted(found)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def projects_in(sentence: str) -> list[tuple[int, str]]:
    """Project and programme names: `X -hanke` → X, `X -ohjelma` → `X -ohjelma`, schemes."""
    found: list[tuple[int, str]] = []
    for hit in _PROJECT.finditer(sentence):
        name = _name_before(sentence[: hit.start()])
        if name:
            programme = hit.group(1).lower().startswith("ohjelm")
            found.append((hit.start(), f"{name} -ohjelma" if programme else name))
    for hit in _SCHEME.finditer(sentence):
        modifiers = [w for w in hit.group(1).split() if w.lower() not in _STOP]
        found.append((hit.start(), " ".join([*modifiers, hit.group(2).lower()])))
    return sorted(found)


def _name_before(before: str) -> str | None:
    """The name ending at a `-hanke` dash: lower-case words back to a capital, then capitals."""
    taken: list[str] = []
    capital = False
    for raw in reversed(before.split()[-8:]):
        word = raw.strip("\"”“'’«»(),;:")
        if not word or (not capital and len(taken) >= 5):
            return None
        if word[0].isupper():
            capital = True
        elif capital or word.lower() in _STOP:
            break
        taken.append(word)
    return " ".join(reversed(taken)) if capital else None


def recipient_in(left: str, right: str, role: FundingRole) -> str | None:
    """The organisation an amount belongs or goes to, in its base form (`Kuopion kaupunki`)."""
    found = [(hit.group(1), True) for hit in _OWNER.finditer(left)][-1:]
    # Money granted or lent to someone: "yhdistykselle myönnetään", "ry:lle … antolainan".
    lending = bool(_LOAN.search(f"{left} {right}"))
    if role is FundingRole.GRANT or lending:
        found += [(hit.group(1), True) for text in (left, right) for hit in _TO.finditer(text)]
    if lending:  # "Invest Lapua Oy:llä on lainoja …": the borrower
        found += [(hit.group(1), True) for hit in _HAS.finditer(left)]
    found += [(hit.group(1), False) for hit in _APPLICANT.finditer(left)]
    for phrase, inflected in found:
        name = _base_name(phrase) if inflected else _proper_part(phrase)
        # A lone common noun (Hankkeelle, Avustusten) or a body of the city is no recipient.
        if not BODY.search(name) and not (" " not in name and _common_word(phrase)):
            return name
    return None


def _proper_part(phrase: str) -> str:
    """The name without the common words a sentence may start with: "Lisäksi Kuopion …"."""
    words = phrase.split()
    while len(words) > 1 and _common_word(words[0]):
        words = words[1:]
    return " ".join(words)


def _base_name(phrase: str) -> str:
    """Base form of an inflected name: only its last word inflects (`Kuopion kaupungin`)."""
    words = _proper_part(phrase).split()
    last = re.sub(r":(?:n|lle|ll[aä])$", "", words[-1])
    if last == words[-1]:
        forms = baseforms(last)
        if forms:
            base = forms[0]
            last = base[0].upper() + base[1:] if last[0].isupper() else base
        else:
            last = re.sub(r"(?:lle|ll[aä]|n)$", "", last)
    return " ".join([*words[:-1], last])


def _common_word(word: str) -> bool:
    forms = baseforms(word)
    return bool(forms) and all(f[:1].islower() for f in forms)


def is_municipal(name: str | None, municipalities: frozenset[str]) -> bool:
    """Whether a recipient is a municipality (or none is named: the document's own)."""
    if not name:
        return True
    return bool(_MUNICIPAL.search(name)) or name.lower() in municipalities
