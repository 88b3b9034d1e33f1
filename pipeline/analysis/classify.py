"""Classify a cleaned document: type, language, municipality, body, meeting date, period, title."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.analysis import lexicon
from schemas.municipalities import Municipality, by_name
from schemas.source import LineKind, SourceDocument
from schemas.vocab import DocType, Language

_FI_WORDS = frozenset(
    [
        "ja",
        "on",
        "että",
        "sekä",
        "tai",
        "ei",
        "kaupungin",
        "kaupunki",
        "joka",
        "jotka",
        "myös",
        "kanssa",
        "mukaan",
        "osalta",
        "vuoden",
        "hyväksyy",
        "päätös",
        "asia",
        "tämä",
        "ovat",
        "oli",
        "kuin",
    ]
)
_SV_WORDS = frozenset(
    [
        "och",
        "att",
        "som",
        "för",
        "av",
        "med",
        "är",
        "till",
        "den",
        "det",
        "på",
        "ett",
        "en",
        "inte",
        "om",
        "har",
        "från",
        "beslut",
        "stad",
        "kommun",
        "nämnden",
        "eller",
        "vid",
    ]
)
_MINUTES_TERMS = re.compile(
    r"\b(pöytäkirja|esityslista|päätösehdotus|päätösesitys|kokouskäsittely|esittelijä|"
    r"kaupunginjohtajan (?:päätös)?ehdotus|protokoll|föredragningslista|beslutsförslag|"
    r"föredragande|sammanträde|päätösluettelo|päätöstiedote|beslutsförteckning)\w*",
    re.IGNORECASE,
)
_BODY_DATE_SECTION = re.compile(r"\b[A-ZÅÄÖ][a-zåäö-]{5,} \d{1,2}\.\d{1,2}\.\d{4} §\s?\d{1,4}\b")
_SECTION = re.compile(r"(?:^|\s)§\s?\d{1,4}\b|\b\d{1,4}\s?§(?:\s|$)")
_PROGRAMME_TERMS = re.compile(
    r"\b(digiohjelma|digitiekartta|tiekartta|kehittämisohjelma|toimenpideohjelma|"
    r"digitalisaatio-ohjelma|digitaliseringsprogram|färdplan|käyttötapaus|toimenpiteet|"
    r"mahdollistaja)\w*",
    re.IGNORECASE,
)
# A title that names a programme, roadmap, strategy or plan, or a follow-up report of one.
_PROGRAMME_TITLE = re.compile(
    r"(?:ohjelma|tiekartta|strategia|program|programmet|strategi|färdplan|handlingsplan|"
    r"toimenpidesuunnitelma|seurantaraportti|uppföljningsrapport)\b",
    re.IGNORECASE,
)
_OTHER_TERMS = re.compile(
    r"\b(tilinpäätös|tuloslaskelma|rahoituslaskelma|tase|toimintakertomus|bokslut|"
    r"resultaträkning|balansräkning)\w*",
    re.IGNORECASE,
)
_BODY = re.compile(
    r"\b([A-ZÅÄÖ][a-zåäö-]*(?:hallitu\w*|valtuusto\w*|lautakun\w*|jaosto\w*|toimikun\w*|"
    r"styrelse\w*|nämnd\w*|fullmäktige\w*|sektion\w*))",
)
_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})\b")
_PERIOD = re.compile(r"\b((?:19|20)\d{2})\s?[-–—]\s?((?:19|20)\d{2})\b")
_PLACE_NOUNS = re.compile(
    r"^(kaupun\w*|kun\w+|stad\w*|kommun\w*|seutukun\w*|kaupunginhallitu\w*|kaupunginvaltuusto\w*|"
    r"kunnanhallitu\w*|kunnanvaltuusto\w*|stadsstyrelse\w*|kommunstyrelse\w*)$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Classification:
    """What classification found, with the warnings worth showing a user."""

    doc_type: DocType = DocType.OTHER
    language: Language | None = None
    municipality: Municipality | None = None
    body: str | None = None
    meeting_date: dt.date | None = None
    period_start: int | None = None
    period_end: int | None = None
    title: str | None = None
    warnings: list[str] = field(default_factory=list)


def classify(doc: SourceDocument) -> Classification:
    """Classify a cleaned document from its text, its furniture and its first page's layout."""
    text = doc.text
    head = _head_text(doc)
    out = Classification()
    out.language = detect_language(text)
    out.doc_type = detect_doc_type(text, head)
    out.municipality = detect_municipality(doc)
    out.title = detect_title(doc)
    if out.doc_type is DocType.OTHER and out.title and _PROGRAMME_TITLE.search(out.title):
        out.doc_type = DocType.PROGRAMME  # a programme, roadmap or strategy names itself so
    if out.doc_type is DocType.MINUTES:
        out.body = detect_body(head)
        out.meeting_date = detect_meeting_date(head, out.body)
    if out.doc_type is DocType.PROGRAMME:
        out.period_start, out.period_end = detect_period(out.title or "", head)
    if out.language is None:
        out.warnings.append("language not recognised (neither Finnish nor Swedish)")
    if out.municipality is None:
        out.warnings.append("municipality not recognised")
    return out


def _head_text(doc: SourceDocument) -> str:
    """Furniture and the first two pages: where the header facts of a document are printed."""
    parts = [line.text for page in doc.pages[:3] for line in page.furniture]
    parts += [page.text for page in doc.pages[:2]]
    return "\n".join(parts)


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-zÅÄÖåäöÉé]+", text)


def function_word_counts(text: str) -> dict[Language, int]:
    """How many Finnish and Swedish function words the text (its first 200,000 chars) has."""
    words = [w.lower() for w in _words(text[:200_000])]
    return {
        Language.FI: sum(1 for w in words if w in _FI_WORDS),
        Language.SV: sum(1 for w in words if w in _SV_WORDS),
    }


def detect_language(text: str) -> Language | None:
    """Finnish or Swedish by function-word counts; None when neither is clearly present."""
    counts = function_word_counts(text)
    fi, sv = counts[Language.FI], counts[Language.SV]
    if fi + sv >= 5:
        return Language.SV if sv > fi else Language.FI
    # Too short for function words (a one-paragraph extract): ask the Finnish lexicon.
    long_words = [w.lower() for w in _words(text[:200_000]) if len(w) >= 4][:200]
    if len(long_words) >= 3 and lexicon.available():
        known = sum(1 for w in long_words if lexicon.is_word(w))
        if known >= 0.6 * len(long_words):
            return Language.FI
    return None


def detect_doc_type(text: str, head: str) -> DocType:
    """Minutes (§ items with minutes vocabulary), programme (programme vocabulary) or other."""
    sample = text[:400_000]
    sections = len(_SECTION.findall(sample)) if "§" in sample else 0
    minutes = len(_MINUTES_TERMS.findall(sample)) + len(_MINUTES_TERMS.findall(head))
    programme = len(_PROGRAMME_TERMS.findall(sample))
    other = len(_OTHER_TERMS.findall(sample))
    pages = max(1, sample.count("\f") + 1)
    if sections and minutes >= 1 and (pages <= 60 or minutes >= pages / 4):
        return DocType.MINUTES
    if _BODY_DATE_SECTION.search(sample[:20_000]):
        return DocType.MINUTES  # an item heading such as "Kaupunginhallitus 20.3.2017 § 66"
    if programme >= 3 and programme >= other:
        return DocType.PROGRAMME
    if minutes >= 2 and re.search(r"\b(päätös|beslut)\b", sample, re.IGNORECASE):
        return DocType.MINUTES
    return DocType.OTHER


def detect_municipality(doc: SourceDocument) -> Municipality | None:
    """The municipality the document is about, from lemmatised name mentions.

    Every capitalised word is reduced to its base forms (Voikko: *Seinäjoen* → Seinäjoki) and looked
    up among Finnish and Swedish municipality names; a mention followed by a word such as
    *kaupunki*, *kunnan*, *stad* or *kaupunginhallitus* counts much more, and so does one in the
    running header or on the first page.
    """
    scores: dict[str, float] = {}
    found: dict[str, Municipality] = {}
    for page in doc.pages[:40]:
        weight_page = 3.0 if page.number == 1 else 1.0
        for line in page.furniture + page.lines:
            weight = 3.0 if line.kind is LineKind.FURNITURE else weight_page
            tokens = _words(line.text)
            for i, token in enumerate(tokens):
                if not token[:1].isupper():
                    continue
                m = _lookup_municipality(token)
                if m is None:
                    continue
                nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
                bonus = 5.0 if _PLACE_NOUNS.match(nxt) else 1.0
                scores[m.code] = scores.get(m.code, 0.0) + weight * bonus
                found[m.code] = m
    for domain in _DOMAIN.findall(doc.text[:200_000]):
        m = _domain_index().get(domain.lower())
        if m is not None:
            scores[m.code] = scores.get(m.code, 0.0) + 2.0
            found[m.code] = m
    if not scores:
        return None
    code, score = max(scores.items(), key=lambda item: item[1])
    return found[code] if score >= 3 else None


_DOMAIN = re.compile(r"(?:@|www\.)([a-zåäö-]+)\.(?:fi|f\b|ax)", re.IGNORECASE)


def _ascii(name: str) -> str:
    return name.lower().translate(str.maketrans("åäöé", "aaoe")).replace(" ", "")


@lru_cache(maxsize=1)
def _domain_index() -> dict[str, Municipality]:
    """Municipalities by the web domain their name gives (seinajoki, hameenlinna, jakobstad)."""
    index: dict[str, Municipality] = {}
    for m in by_name().values():
        index.setdefault(_ascii(m.name_fi), m)
        index.setdefault(_ascii(m.name_sv), m)
    return index


@lru_cache(maxsize=16384)  # the same capitalised words recur on every page
def _lookup_municipality(token: str) -> Municipality | None:
    names = by_name()
    low = token.lower()
    if low in names:
        return names[low]
    for base in lexicon.baseforms(token):
        if base.lower() in names:
            return names[base.lower()]
    # Swedish genitive (Borgås, Nykarlebys) and names Voikko does not know (Nykarlebyn).
    for suffix in ("s", "n", "in"):
        if low.endswith(suffix) and low[: -len(suffix)] in names:
            return names[low[: -len(suffix)]]
    return None


def detect_body(head: str) -> str | None:
    """The meeting body (e.g. Kaupunginhallitus, Välfärdsnämnden) named most in the header text."""
    # The body printed on a header line of its own ("Kunnanvaltuusto", "Sivistyslautakunta
    # PÖYTÄKIRJA 5/2025") is the minutes' own, however often the items name other bodies.
    for line in head.splitlines()[:12]:
        own = _BODY.match(line.strip())
        rest = line.strip()[own.end() :].strip(" –-") if own else ""
        if own and (not rest or _MINUTES_KIND.match(rest.title())):
            return _body_base(own.group(1))
    counts: Counter[str] = Counter()
    for match in _BODY.finditer(head):
        counts[_body_base(match.group(1))] += 1
    if not counts:
        # Some one-item extracts name their body only in running text ("kaupunginhallituksen").
        for match in re.finditer(_BODY.pattern, head, re.IGNORECASE):
            counts[_body_base(match.group(1))] += 1
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def _body_base(word: str) -> str:
    bases = [b for b in lexicon.baseforms(word) if b[:1].isupper()] or list(lexicon.baseforms(word))
    base = bases[0] if bases else word
    if re.search(r"(styrelse|nämnd|fullmäktige|sektion)", word, re.IGNORECASE):
        base = word  # Swedish: keep the printed (definite) form, e.g. Välfärdsnämnden
    return base[:1].upper() + base[1:]


def detect_meeting_date(head: str, body: str | None) -> dt.date | None:
    """The meeting date: the first date printed near the body's name or a meeting-time label."""
    labels = [
        m.end()
        for m in re.finditer(
            r"\b(kokousaika|kokouspäivä|sammanträdes(?:tid|datum|td)|aika|tid)\b",
            head,
            re.IGNORECASE,
        )
    ]
    names: list[int] = []
    if body:
        stem = body[: max(6, len(body) - 3)]  # the body's stem matches its inflected forms too
        names = [m.end() for m in re.finditer(re.escape(stem), head)]
    # A date under a meeting-time label is the meeting's; a date after the body's name may be
    # an earlier decision of that body ("Kommunstyrelsen beslutade 10.3.2025 …").
    for anchors in (labels, names):
        candidates: list[tuple[int, dt.date]] = []
        for m in _DATE.finditer(head):
            try:
                date = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                continue
            gaps = [m.start() - a for a in anchors if 0 <= m.start() - a <= 40]
            if gaps:
                candidates.append((min(gaps), date))
        if candidates:
            return min(candidates, key=lambda c: c[0])[1]
    return None


def detect_period(title: str, head: str) -> tuple[int | None, int | None]:
    """A programme's period: a year range in its title, else the first plausible one on page 1–2."""
    for text in (title, head):
        for m in _PERIOD.finditer(text):
            start, end = int(m.group(1)), int(m.group(2))
            if start < end <= start + 15:
                return start, end
    return None, None


_MINUTES_KIND = re.compile(
    r"\b(Pöytäkirja|Esityslista|Protokoll|Föredragningslista|Kokouskutsu|Kallelse"
    r"|Päätösluettelo|Päätöstiedote|Beslutsförteckning|Beslutslista)\b"
    r"(?:\s+(\d{1,3}/\d{4}))?"
)
_E_SIGNATURE = re.compile(
    r"allekirjoittaneet|undertecknats elektroniskt|signed electronically", re.I
)
# Not a title: item headings, diary numbers ("Asianro 7801/02.05.02.01/2019"), rules, captions.
_NOT_TITLE = re.compile(
    r"^(?:§|\d|[A-ZÅÄÖ]{2,}/\d|(?:Asianro|Asianumero|Dnro?|Dnr|Diarienummer)\b)|_{5,}|:$"
    r"|\d{4},? §\s?\d"
)


def detect_title(doc: SourceDocument) -> str | None:
    """The title: a multi-item minutes' kind and number, else the largest type near the top."""
    sections = len(_SECTION.findall(doc.text[:400_000]))
    if sections >= 3:
        head = " ".join(
            line.text for page in doc.pages[:2] for line in page.furniture + page.lines[:12]
        )
        kind = _MINUTES_KIND.search(head)
        if kind:
            return " ".join(part for part in kind.groups() if part)
    for page in doc.pages[:4]:
        if _E_SIGNATURE.search(page.text[:600]):
            continue  # an e-signature certificate page, not the document's first page
        lines = [
            ln
            for ln in page.lines
            if ln.kind is LineKind.TEXT and len(ln.text) > 3 and not _NOT_TITLE.search(ln.text)
        ]
        top_lines = [ln for ln in lines if ln.top < page.height * 0.6] or lines
        if not top_lines:
            continue
        biggest = max(ln.font_size for ln in top_lines)
        first = min(
            (ln for ln in top_lines if ln.font_size >= biggest - 0.5), key=lambda ln: ln.top
        )
        parts = [first.text]
        index = page.lines.index(first)
        for prev, line in zip(page.lines[index:], page.lines[index + 1 :], strict=False):
            close = line.top - prev.bottom < 0.8 * prev.height
            same = abs(line.font_size - first.font_size) < 0.5 and line.bold == first.bold
            if not (close and same and line.kind is LineKind.TEXT) or len(parts) >= 3:
                break
            parts.append(line.text)
        return " ".join(parts).strip()
    return None
