"""What a decision text says: outcome, unanimity, vote counts, recusals and experts heard.

Finnish wording is matched through lemmas (spaCy's Finnish pipeline, built on Voikko) so that
*hyväksyttiin*, *hyväksyi* and *hyväksyy* are one rule; Swedish, which has no lemmatiser here,
through word stems. The rules follow DESIGN.md's outcome convention: the decision's own
wording decides.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from extractors.lexicon import name_base
from schemas.vocab import Outcome

Lemmatize = Callable[[str], list[str]]


def surface_lemmas(text: str) -> list[str]:
    """Lower-cased words: the fallback when no lemmatiser is available."""
    return re.findall(r"[\wåäöÅÄÖ-]+", text.lower())


@dataclass(slots=True)
class Verdict:
    """What the decision text says about the outcome and the vote."""

    outcome: Outcome = Outcome.OTHER
    unanimous: bool | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    votes_blank: int | None = None
    votes_absent: int | None = None
    winner_first: bool = False  # the counts were printed winner first ("äänin 6–5")
    recusals: list[str] = field(default_factory=list)
    experts: list[str] = field(default_factory=list)


# Swedish stems (and a few Finnish surface forms the lemmatiser may miss).
_SV_TABLED = re.compile(r"\bbordl[äa]g|\bbordlad", re.I)
_SV_RETURNED = re.compile(r"\båter(?:remi|remitt)", re.I)
_SV_NOTED = re.compile(r"\bantecknade?s?\b.*\bkännedom|\bför kännedom|\bkonstatera\w*\b", re.I)
# "nligt förslag": "Enligt förslag" also when a broken text layer loses its first letter.
_SV_APPROVED = re.compile(
    r"\bgodk[äa]n\w*|\bbeslöt\b|\bbeslutade\b|\bvaldes\b|\butsåg\w*|nligt förslag", re.I
)
_SV_REJECTED = re.compile(r"\bavsl(?:og|ås|ogs)\b|\bförkast\w*", re.I)
_AMENDED = re.compile(
    r"\bmuutet\w*|\bmuutoksin\b|\bmuutoksella\b|\blisäyksellä\b|\btäydennet\w*|\bmuutettuna\b"
    r"|\bmed (?:den )?ändring\w*|\bmed tillägg\w*|\bändrat\b",
    re.I,
)
_UNANIMOUS = re.compile(r"\byksimielise\w*|\benhällig\w*|\benigt\b", re.I)
_VOTE = re.compile(r"\bäänest\w*|\bäänin\b|\bröstning\w*|\bröster\w*|\bomröstning", re.I)
_COUNTER = re.compile(
    r"\bvastaehdotu\w*|\bpoikkeava\w* (?:esity|ehdotu)\w*|\bmotförslag\w*|\bunderstöd\w*",
    re.I,
)
_NUMBER_WORDS = {"yksi": 1, "kaksi": 2, "kolme": 3, "neljä": 4, "viisi": 5, "kuusi": 6}


def decide(
    text: str,
    lemmatize: Lemmatize = surface_lemmas,
    *,
    proposal: str | None = None,
    counted: dict[str, int] | None = None,
) -> Verdict:
    """Read the outcome and the vote from a decision text (and the proposal it answers);
    `counted` are the counts of a roll call printed as names."""
    verdict = Verdict()
    if not text.strip():
        return verdict
    lemmas = set(lemmatize(text))
    verdict.outcome = _outcome(text, lemmas)
    motions, verdicts = _sentences(text)
    elected = _has(lemmas, {"valita"}, text.lower(), r"\bvalit|\bvalde|\butsåg")
    if (
        verdict.outcome is Outcome.APPROVED
        and elected
        and proposal
        and _other_people(proposal, text)
    ):
        verdict.outcome = Outcome.AMENDED  # e.g. others elected than the proposal named
    _votes(text, verdict)
    if counted:
        for name, value in counted.items():
            setattr(verdict, name, value)
        verdict.winner_first = False
    if motions:
        verdict.outcome = _debated(motions, verdicts, verdict, lemmatize)
    voted = verdict.votes_for is not None or bool(_VOTE.search(text))
    if _UNANIMOUS.search(text):
        verdict.unanimous = True
    elif voted or _COUNTER.search(text):
        verdict.unanimous = False
    elif verdict.outcome not in (Outcome.OTHER, Outcome.AMENDED):
        # Accepted without a vote or a counter-proposal. A proposal changed in the meeting
        # was not accepted as such, and the text does not say how: left empty.
        verdict.unanimous = True
    verdict.recusals = _names_in_sentences(text, _RECUSAL)
    verdict.experts = _names_in_sentences(text, _EXPERT)
    return verdict


def lemmatised_texts(text: str) -> list[str]:
    """Every text `decide(text, …)` may ask lemmas of, for a caller that finds them at once:
    the text, and after a debate its motions together and each of its other sentences."""
    motions, verdicts = _sentences(text)
    return [text, " ".join(motions), *verdicts] if motions else [text]


# Sentences that report the debate, not the verdict: a counter-proposal and its support, how
# the vote is taken ("Kim Berglund föreslog, understödd av …", "äänestävät JAA").
_MOTION = re.compile(
    r"\behdotti\b|\bkannattamana\b|\bvastaehdotu\w*|\bpalautusehdotu\w*|\bpöydällepanoehdotu\w*"
    r"|\bföreslog\b|\bunderstödd av\b|\bmotförslag\w*|\bäänestettävä|\bäänesty\w*|\bäänestävät\b"
    r"|\bröstar\b|\bomröstning\w*|\bkannatettu\b",
    re.I,
)
# The meeting took a counter-proposal up without a vote.
_ADOPTED = re.compile(
    r"\benhälligt stöd|\ballmänt understöd|\byksimielise\w* kannatu\w*|\bkaikki kannattivat", re.I
)
# The verdict takes up a member's proposal by name: "hyväksyi Rantasen ehdotuksen",
# "godkände Holms förslag".
_COUNTER_TAKEN = re.compile(
    r"\b(?:hyväksyi|hyväksyttiin|godkände|godkändes)\b[^.]*?\b([A-ZÅÄÖ][\wåäö-]+(?:n|s))\s+"
    r"(?:vasta)?(?:ehdotuksen|ehdotus|förslag)"
)
# A genitive that names a role or a body, not a member: the base proposal's side.
ROLE_GENITIVE = re.compile(
    r"(?:johtajan|hallituksen|valtuuston|lautakunnan|jaoston|päällikön|esittelijän|pormestarin"
    r"|direktörens|chefens|styrelsens|nämndens|fullmäktiges|ordförandens|föredragandens)$",
    re.IGNORECASE,
)
_LAPSED = re.compile(r"\braukesi\w*|\bförföll\b|\bkannattamattom\w*|\butan understöd", re.I)


def _sentences(text: str) -> tuple[list[str], list[str]]:
    """The text's sentences reporting the debate, and the others."""
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", text)
    motions = [s for s in sentences if _MOTION.search(s)]
    return motions, [s for s in sentences if s not in motions]


def _debated(
    motions: list[str], verdicts: list[str], verdict: Verdict, lemmatize: Lemmatize
) -> Outcome:
    """The outcome of a decision after a counter-proposal.

    The base proposal won a vote when `votes_for` (its side) is larger: the last sentence
    with a verdict decides, and the counter-proposal's wording ("… att anslaget förkastas")
    never does. A counter-proposal that won — by vote, or taken up by all without one —
    decides by what it proposed: returning, tabling or rejecting, else an amendment.
    """
    named = any(
        not ROLE_GENITIVE.search(m.group(1)) for s in verdicts for m in _COUNTER_TAKEN.finditer(s)
    )
    if named and verdict.winner_first:
        # "hyväksyi Bergin ehdotuksen äänin 6–5": the winner's count comes first.
        verdict.votes_for, verdict.votes_against = verdict.votes_against, verdict.votes_for
    against, pro = verdict.votes_against, verdict.votes_for
    adopted = any(_ADOPTED.search(s) for s in motions + verdicts)
    lapsed = any(_LAPSED.search(s) for s in motions + verdicts)
    won = (
        named
        or (against is not None and pro is not None and against > pro)
        or (pro is None and adopted and not lapsed)
    )
    if won:
        proposed = _outcome(" ".join(motions), set(lemmatize(" ".join(motions))))
        if proposed in (Outcome.RETURNED, Outcome.TABLED, Outcome.REJECTED, Outcome.REMOVED):
            return proposed
        return Outcome.AMENDED
    for sentence in reversed(verdicts):
        found = _outcome(sentence, set(lemmatize(sentence)))
        if found is not Outcome.OTHER:
            return found
    return verdict.outcome


def _has(lemmas: set[str], lemma: set[str], lowered: str, surface: str) -> bool:
    """A lemma from the lemmatiser, or — without one — a Finnish surface stem."""
    return bool(lemma & lemmas) or bool(re.search(surface, lowered))


def _outcome(text: str, lemmas: set[str]) -> Outcome:
    lowered = text.lower()
    if "pöydälle" in lowered or _SV_TABLED.search(text):
        return Outcome.TABLED
    if _has(lemmas, {"palauttaa", "palautua"}, lowered, r"\bpalaut") or _SV_RETURNED.search(text):
        return Outcome.RETURNED
    if re.search(
        r"\bpoist\w*(?: \w+){0,2} (?:esityslistalta|käsittelystä)|\bavför\w*(?: \w+){0,2} från"
        r"|\bavfördes\b",
        lowered,
    ):
        return Outcome.REMOVED
    if _has(lemmas, {"hylätä", "hyljätä"}, lowered, r"\bhyl(?:käsi|ättiin|ätään)"):
        return Outcome.REJECTED
    if _SV_REJECTED.search(text):
        return Outcome.REJECTED
    approved = _has(
        lemmas,
        {"hyväksyä", "valita", "myöntää", "nimetä"},
        lowered,
        r"\bhyväksy|\bvalit|\bmyönn|\bnime(?:si|ttiin|ää)\b",
    ) or bool(_SV_APPROVED.search(text))
    if approved and _AMENDED.search(text):
        return Outcome.AMENDED
    if approved:
        return Outcome.APPROVED
    if _has(lemmas, {"merkitä"}, lowered, r"\bmerki?t") and re.search(
        r"\btiedo(?:ksi|kse)", lowered
    ):
        return Outcome.NOTED
    if _has(lemmas, {"todeta"}, lowered, r"\btodet|\btotesi|\btoteaa"):
        return Outcome.NOTED
    if _SV_NOTED.search(text):
        return Outcome.NOTED
    if _has(lemmas, {"päättää"}, lowered, r"\bpäätti\b|\bpäätettiin\b|\bpäättää\b"):
        return Outcome.AMENDED if _AMENDED.search(text) else Outcome.APPROVED
    return Outcome.OTHER


_COUNT = r"(\d{1,3}|yksi|kaksi|kolme|neljä|viisi|kuusi)"


def _number(token: str) -> int:
    return _NUMBER_WORDS.get(token.lower()) or int(token)


def _votes(text: str, verdict: Verdict) -> None:
    """Vote counts in the common phrasings; names listed under JAA/EI headings are counted."""
    patterns = {
        "votes_for": rf"\b{_COUNT}\s*(?:JAA|jaa)\b|\bJAA[- ]?(?:ääni\w*)?:?\s*{_COUNT}\b"
        rf"|\bJa-?röster:?\s*{_COUNT}\b|\b{_COUNT}\s+ja-?röster|\bJa:?\s*(\d{{1,3}})(?=[,;]?\s*Nej\b)",
        "votes_against": rf"\b{_COUNT}\s*(?:EI|ei)\b(?!\s+\w+ä)"
        rf"|\bEI[- ]?(?:ääni\w*)?:?\s*{_COUNT}\b"
        rf"|\bNej(?:-?röster)?:?\s*{_COUNT}\b|\b{_COUNT}\s+nej-?röster",
        "votes_blank": rf"\b{_COUNT}\s*tyhj\w*|\b(?i:tyhjiä|tyhjä|blanka):?\s*{_COUNT}\b"
        rf"|\b{_COUNT}\s+blanka",
        "votes_absent": rf"\b{_COUNT}\s*poissa\w*|\b(?i:poissa|frånvarande):?\s*{_COUNT}\b"
        rf"|\b(?i:poissa oli|frånvarande var)\s+{_COUNT}\b"
        rf"|\b{_COUNT}\s+(?:jäsen|valtuutettu|ledamot|ledamöter)\w*\s+(?:oli|var)\s+"
        r"(?:poissa|frånvarande)",
    }
    if not _VOTE.search(text) and not re.search(r"\bJAA\b|\bJa-röster", text):
        return
    for name, pattern in patterns.items():
        m = re.search(pattern, text)
        if m:
            token = next(g for g in m.groups() if g)
            setattr(verdict, name, _number(token))
    if verdict.votes_for is None:
        _count_named_votes(text, verdict)
    if verdict.votes_for is None:
        # "äänin 7-4", "med rösterna 29–22": for the proposal first, then against.
        m = re.search(r"(?:äänin|rösterna|röstetalet)\s+(\d{1,3})\s*[-–]\s*(\d{1,3})\b", text)
        if m:
            verdict.votes_for, verdict.votes_against = int(m.group(1)), int(m.group(2))
            verdict.winner_first = True


_NAMED_VOTES = re.compile(
    r"\b(?:JAA|Jaa|Ja)(?:-äänet|-röster)?:\s*(?P<yes>.*?)\s*\b(?:EI|Ei|Nej)(?:-äänet|-röster)?:\s*"
    r"(?P<no>.*?)(?=\s*\b(?:TYHJÄ|Tyhjä|Tyhjiä|POISSA|Poissa|Blanka|Frånvarande)\w*:|$)",
    re.S,
)


def _count_named_votes(text: str, verdict: Verdict) -> None:
    """Count the names listed under Jaa/Ei headings when no numbers are printed."""
    m = _NAMED_VOTES.search(text)
    if not m or re.match(r"\d", m["yes"]):
        return
    verdict.votes_for = len(_vote_names(m["yes"]))
    verdict.votes_against = len(_vote_names(m["no"]))


def _vote_names(text: str) -> list[str]:
    text = re.split(r"(?<=[a-zåäö])\.\s+[A-ZÅÄÖ]", text)[0]  # the list ends with its sentence
    return [p for p in re.split(r",\s*|\s+ja\s+|\s+och\s+|\n", text) if p.strip()]


def _other_people(proposal: str, decision: str) -> bool:
    """True when the decision names people the proposal did not and leaves out one it did."""
    named = {m.group(0) for m in _NAME.finditer(decision)} - _NOT_NAMES
    # Only whom the proposal elects counts: "myöntää Pirjo Lehtiselle eron ja valitsee tilalle
    # uuden jäsenen" names the one who leaves, and leaves the new member open.
    elects = re.findall(r"\b(?:valit|valinta|nime|väljs|välja|utse|utses)\w*[^.]*", proposal)
    proposed = {m.group(0) for part in elects for m in _NAME.finditer(part)} - _NOT_NAMES
    # Someone the proposal named was replaced: electing a person the proposal left open
    # ("valitsee uuden jäsenen") is the proposal accepted.
    return bool(named - proposed) and bool(proposed - named)


def listed_names(text: str) -> list[str]:
    """Person names in a list such as `Esteellisenä; Jenni Huttunen, Pekka Hella`."""
    names: list[str] = []
    for m in _NAME.finditer(text):
        words = [w for w in m.group(0).split() if w not in _NOT_NAMES]
        name = " ".join(words)
        if len(words) >= 2 and name not in names and not _COMMON.search(name):
            names.append(name)
    return names


# Capitalised headings that look like two names: "Esteellisyys Esteellisenä".
_COMMON = re.compile(r"\b(?:Esteelli|Jääv|Läsnä|Poissa)\w*")


# Sentences that name a substitute, a stand-in chair or an expert leaving after presenting.
# A substitute called in, a stand-in chair: not who stepped aside ("varajäsen X osallistui
# Y:n tilalla"); a substitute member who recused herself still counts.
_STAND_IN = re.compile(
    r"\bvarajäsen\w*(?! \S+ \S+ (?:poistui|ilmoitti|oli esteellinen))|\bpuheenjohtajana\b"
    r"|\besittely\w* jälkeen",
    re.I,
)
_RECUSAL = re.compile(
    r"esteelli\w*|jääv\w*|jäävä\w*|poistui kokouksesta|poistui\b.*\bajaksi|deltog inte"
    r"|anmälde jäv|jävig\w*|avlägsnade sig",
    re.I,
)
_EXPERT = re.compile(
    r"asiantuntija\w*|esittelyn ajan|esittelemässä|kuultavana|\bkuultiin\b|sakkunnig\w*"
    r"|som expert|hördes",
    re.I,
)
_NAME = re.compile(
    r"\b(?:[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?)(?:\s+[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?)+"
)
# A job title capitalised at the start of a sentence (`Innovaatiopäällikkö Arto Holopainen oli
# kuultavana`): a role, not part of the name.
_TITLE = re.compile(
    r"[A-ZÅÄÖ][a-zåäö]*(?:johtaja|päällikkö|asiantuntija|sihteeri|insinööri|tarkastaja|"
    r"koordinaattori|suunnittelija|neuvoja|lakimies|arkkitehti|kamreeri|rehtori|"
    r"direktör|chef|sekreterare|ordförande)"
)
# Capitalised words that start sentences or name roles, not people.
_NOT_NAMES = frozenset(
    [
        "Kaupunginhallitus",
        "Kaupunginvaltuusto",
        "Kaupunginjohtaja",
        "Puheenjohtaja",
        "Talousjohtaja",
        "Asia",
        "Kokouksessa",
        "Läsnä",
        "Hallituksen",
        "Jäsen",
        "Varajäsen",
        "Valtuutettu",
        "Ordförande",
        "Ledamot",
        "Ersättare",
        "Fullmäktigeledamot",
        "Stadsdirektör",
    ]
)


def _names_in_sentences(text: str, trigger: re.Pattern[str]) -> list[str]:
    """Person names (two or more capitalised words) in sentences that match `trigger`."""
    names: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if not trigger.search(sentence):
            continue
        if trigger is _RECUSAL and _STAND_IN.search(sentence):
            continue  # names a substitute or a stand-in chair, not who stepped aside
        for m in _NAME.finditer(sentence):
            if re.match(r"\s+(?:Oy|Oyj|Ab|ry|rf)\b|:n\b", sentence[m.end() :]):
                continue  # a company or association, not a person
            words = [
                w for w in m.group(0).split() if w not in _NOT_NAMES and not _TITLE.fullmatch(w)
            ]
            if len(words) >= 2 and words[0] not in _NOT_NAMES and not _COMMON.search(m.group(0)):
                # "kuultiin … Mikko Kallioniemeä": the name as it is written in a list.
                name = " ".join(name_base(w) for w in words)
                if name not in names:
                    names.append(name)
    return names
