"""Themes, enablers and goals as documents introduce them: lists, prose and defining paragraphs.

    "Digiohjelman kolme teemaa ovat:"  + "1. …" "2. …"       a list after a cue line
    "keskeisiksi teemoiksi nousivat: A, B, C, D sekä E."     a list inside a sentence
    "”A” –teeman tavoitteena on …" / "A -teemassa …"         a theme's description
    a heading that repeats a listed name, with body text      an enabler's description

The cue word decides the kind (teema → theme, mahdollistaja → enabler, tavoite/päämäärä →
goal), read from Voikko base forms and compound heads, so inflection and compounds
("digiteemoja", "päämääriin") do not matter.
"""

from __future__ import annotations

import re

from extractors.drafts import ThemeDraft
from extractors.layout import (
    Paragraph,
    is_heading,
    normalise,
    paragraphs,
    quote,
    same_name,
    split_marker,
    text_lines,
)
from extractors.lexicon import analyse, baseforms
from schemas.source import Line, SourceDocument
from schemas.vocab import ThemeKind

_CUE_LEMMAS = {
    "teema": ThemeKind.THEME,
    "painopiste": ThemeKind.THEME,
    "painopistealue": ThemeKind.THEME,
    "mahdollistaja": ThemeKind.ENABLER,
    "tavoite": ThemeKind.GOAL,
    "päämäärä": ThemeKind.GOAL,
}
# Swedish: stems (no lemmatiser).
_CUE_STEMS = (
    ("teman", ThemeKind.THEME),
    ("tema", ThemeKind.THEME),
    ("målsättning", ThemeKind.GOAL),
)
_WORD = re.compile(r"[^\W\d_][\w-]*")
CUE_WINDOW = 3
"""How many words before the colon may hold the cue word."""
# Where a goal's head phrase ends and its explanation starts: "tilannekuvan luominen, jossa …".
_RELATIVE = re.compile(r",\s+(?:jossa|jonka|joka|jolla|jotta|där|som)\b")
_SENTENCE_END = re.compile(r"\.\s+(?=[A-ZÅÄÖ])|\.$")
_COUNTS = {"kaksi": 2, "kolme": 3, "neljä": 4, "viisi": 5, "kuusi": 6, "seitsemän": 7}


def cue_kind(text: str) -> ThemeKind | None:
    """The kind of list a cue introduces, from a cue word among its last words; None if none.

    Only the words next to the colon count: in "… tavoitteissa … näkyvät strategian kärjet:"
    the list is of spearheads, not of goals.
    """
    kind = None
    for word in _WORD.findall(text)[-CUE_WINDOW:]:
        _, parts = analyse(word)
        # Every reading counts: Voikko's first reading of "teemaa" is a compound (tee+maa).
        found = next((_CUE_LEMMAS[b] for b in baseforms(word) if b in _CUE_LEMMAS), None)
        if found is None and parts:
            found = _CUE_LEMMAS.get(parts[-1])
        lowered = word.lower()
        for stem, stem_kind in _CUE_STEMS:
            if found is None and lowered.startswith(stem) and not parts:
                found = stem_kind
        kind = found or kind
    return kind


def find_themes(doc: SourceDocument, body: float) -> list[ThemeDraft]:
    """Themes, enablers and goals from cue lists and cue sentences, de-duplicated, in order."""
    found: list[ThemeDraft] = []
    for page in doc.pages:
        for paragraph in paragraphs(page, body):
            found.extend(_prose_list(paragraph))
    found.extend(_cue_lists(doc, body))
    found.sort(key=lambda d: (d.page, d.top))
    unique: list[ThemeDraft] = []
    for draft in found:
        twin = next(
            (u for u in unique if u.kind is draft.kind and same_name(u.name, draft.name)), None
        )
        if twin is None:
            unique.append(draft)
        elif twin.description is None:
            twin.description = draft.description
    return unique


def _cue_lists(doc: SourceDocument, body: float) -> list[ThemeDraft]:
    lines = [(page.number, line) for page in doc.pages for line in text_lines(page)]
    out: list[ThemeDraft] = []
    for i, (_, line) in enumerate(lines):
        if not line.text.endswith(":"):
            continue
        sentence = _SENTENCE_END.split(line.text)[-1]
        kind = cue_kind(sentence)
        if kind is None:
            continue
        items = _items_after(lines, i + 1, body)
        if len(items) < 2:
            continue
        for item_page, item_lines in items:
            out.append(_item_draft(item_lines, item_page, kind))
    return out


def _items_after(
    lines: list[tuple[int, Line]], start: int, body: float
) -> list[tuple[int, list[Line]]]:
    """The list items that follow a cue line: marked lines and their indented continuations."""
    items: list[tuple[int, list[Line]]] = []
    for page_no, line in lines[start:]:
        text = line.text
        if text in {"-", "–", "•", "*"}:  # a bullet set apart from its item
            continue
        ordinal, _, bulleted = split_marker(text)
        if ordinal is not None or bulleted:
            if items and items[0][1][0].x0 - line.x0 > 8:
                break
            items.append((page_no, [line]))
            continue
        if not items or is_heading(line, body):
            break
        first = items[-1][1][0]
        last = items[-1][1][-1]
        continues = line.x0 > first.x0 + 4 or (text[:1].islower() and line.top - last.bottom < 12)
        if page_no != items[-1][0]:
            continues = continues and line.x0 > first.x0 + 4
        if not continues:
            break
        items[-1][1].append(line)
    return items


def _item_draft(lines: list[Line], page: int, kind: ThemeKind) -> ThemeDraft:
    ordinal, first, _ = split_marker(lines[0].text)
    text = " ".join([first, *(line.text for line in lines[1:])]).strip()
    head = _RELATIVE.split(text, maxsplit=1)
    name = head[0].rstrip(" .")
    description = text if len(head) > 1 else None
    return ThemeDraft(name, kind, page, quote(lines[0].text), ordinal, description, lines[0].top)


def _prose_list(paragraph: Paragraph) -> list[ThemeDraft]:
    """Themes named inside a sentence: "… teemoiksi nousivat: A, B, C sekä D."."""
    text = paragraph.text
    out: list[ThemeDraft] = []
    for colon in re.finditer(r":\s+(?=\S)", text):
        before = _SENTENCE_END.split(text[: colon.start()])[-1]
        kind = cue_kind(before)
        if kind is None:
            continue
        rest = text[colon.end() :]
        end = _SENTENCE_END.search(rest)
        names = _split_enumeration(rest[: end.start()] if end else rest, _count(before))
        if len(names) < 2:
            continue
        for name in names:
            at = text.find(name)
            line = _line_at(paragraph, at)
            page_quote = line.text if name[:20] in line.text else name
            top = line.top + at / 10_000  # several names on one line keep their order
            name = name[:1].upper() + name[1:]
            out.append(ThemeDraft(name, kind, paragraph.page, quote(page_quote), top=top))
    return out


def _split_enumeration(text: str, count: int | None) -> list[str]:
    parts = [p.strip() for p in text.split(", ") if p.strip()]
    if not parts:
        return []
    last = parts.pop()
    if " sekä " in last:
        parts.extend(last.split(" sekä ", 1))
    elif " ja " in last and (count is None or count > len(parts) + 1):
        parts.extend(last.split(" ja ", 1))
    else:
        parts.append(last)
    if count is not None and len(parts) != count:
        return []
    return [p.rstrip(" .") for p in parts]


def _count(text: str) -> int | None:
    for word in _WORD.findall(text.lower()):
        if word in _COUNTS:
            return _COUNTS[word]
    found = re.search(r"\b([2-9])\s+\w+$", text.strip())
    return int(found.group(1)) if found else None


def _line_at(paragraph: Paragraph, offset: int) -> Line:
    position = 0
    for line in paragraph.lines:
        position += len(line.text) + 1
        if offset < position:
            return line
    return paragraph.lines[-1]


def describe(themes: list[ThemeDraft], doc: SourceDocument, body: float) -> None:
    """Fill each theme's description from its defining paragraph or its own heading's body."""
    paras = [p for page in doc.pages for p in paragraphs(page, body)]
    for theme in themes:
        if theme.description:
            continue
        theme.description = _defining_paragraph(theme, paras) or _heading_body(theme, paras, body)


def _defining_paragraph(theme: ThemeDraft, paras: list[Paragraph]) -> str | None:
    name = normalise(theme.name)
    for paragraph in paras:
        text = normalise(paragraph.text)
        if len(text) < len(name) + 20:
            continue
        starts = text.startswith(name + " -teem") or text.startswith(name + " teem")
        quoted = f"”{theme.name}”" in paragraph.text or f'"{theme.name}"' in paragraph.text
        if starts or (quoted and "teem" in text):
            return paragraph.text
    return None


def _heading_body(theme: ThemeDraft, paras: list[Paragraph], body: float) -> str | None:
    for i, paragraph in enumerate(paras):
        line = paragraph.lines[0]
        if len(paragraph.lines) != 1 or not is_heading(line, body):
            continue
        ordinal, rest, _ = split_marker(line.text)
        if theme.ordinal and ordinal != theme.ordinal:
            continue
        if not same_name(rest, theme.name) or paragraph.page == theme.page:
            continue
        texts = []
        for following in paras[i + 1 :]:
            if following.page != paragraph.page or is_heading(following.lines[0], body):
                break
            texts.append(following.text)
        return " ".join(texts) or None
    return None
