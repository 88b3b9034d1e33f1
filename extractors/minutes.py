"""The structure of minutes: § items, and the labelled blocks inside each item.

Minute systems print the same parts in different places: a § heading alone or with its title
(`§ 22`, `§ 18 Kokouksen laillisuus`, Swedish `39 § Sammanträdets laglighet`), or a heading
with the body and date (`Kaupunginhallitus 22.01.2024 § 25`, also Tweb's decision history);
labels in a left margin or on heading lines (marked by the cleaner), or inline
(`Esittelijä: Satu Kankare`). This module turns a cleaned document into `Item`s of `Block`s;
what the blocks mean is decided in `extractors/decisions.py`.
"""

from __future__ import annotations

import datetime as dt
import re

from extractors.item_headings import (
    DATE,
    Heading,
    PageLine,
    body_name,
    find_headings,
    handled_sections,
    same_row,
    stage_date,
    stage_headings,
    stage_line,
)
from schemas.source import Line, LineKind, SourceDocument
from schemas.tree import ItemPart, MeetingItem
from schemas.vocab import SectionLabel, lookup_label

__all__ = ["Block", "Item", "PageLine", "last_stage", "split_blocks", "split_items"]

# Diary numbers: OUKA/899/02.06.01.04/2017, 118/07.01.02/2024, LAPDno-2025-91, HEL 2021-009960.
CASE_NUMBER = re.compile(
    r"\b(?:[A-ZÅÄÖ]{2,10}/)?\d{1,6}/\d{2}(?:\.\d{2}){0,5}/\d{4}\b"
    r"|\b[A-ZÅÄÖ]{0,8}D(?:no|nr)-\d{4}-\d{1,6}\b"
    r"|\bHEL \d{4}-\d{6}\b"
)
# A diary number without a task class counts only after its label: "Dnr 241/2025".
_LABELLED_CASE = re.compile(
    r"\b(?:Asianro|Asianumero|Diaarinumero|Diarienummer|Dnro|Dnr|Dno)\.?:?\s*(\d{1,6}/\d{4})\b"
)
RULE = re.compile(r"^[_\-–=.\s]{4,}$")  # a separator line such as "______"
_CLASSIFICATION = re.compile(r"(?<![\d.])\d{2}(?:\.\d{2}){1,5}(?![\d.])")
_HISTORY = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4},?\s+(?:§\s?\d+|\d+\s?§)")
_INLINE_LABEL = re.compile(r"^([A-ZÅÄÖa-zåäö][\wåäöÅÄÖ /-]{2,40}):\s*(.*)$")


# A § item and its labelled parts are nodes of the document tree (schemas/tree.py).
Block = ItemPart
Item = MeetingItem


def document_lines(doc: SourceDocument) -> list[PageLine]:
    """Every cleaned line of the document, in reading order, with its page number."""
    return [PageLine(page.number, line) for page in doc.pages for line in page.lines]


def split_items(
    doc: SourceDocument, meeting_date: dt.date | None = None
) -> tuple[list[Item], list[PageLine]]:
    """The document's § items (a table of contents is not an item) and the lines before them.

    With the minutes' own `meeting_date`, a heading that names another meeting's date is an
    earlier handling stage of the item it stands in (`Kunnanhallitus 3.2.2025 § 30` inside the
    council's item), not an item of these minutes.
    """
    lines = document_lines(doc)
    headings = find_headings(lines)
    listed = handled_sections(lines)
    if listed and not any(listed[0] <= int(h.section) <= listed[1] for h in headings):
        # No § heading of the listed items: they may be marked by stage lines alone.
        headings = stage_headings(lines, *listed) or headings
    dated = [h for h in headings if h.date is not None]
    # Only when some heading is of these minutes: if none is, the date was misread.
    ours = any(h.date == meeting_date for h in dated) or len(dated) < len(headings)
    if meeting_date is not None and dated and ours:
        headings = [h for h in headings if h.date in (None, meeting_date)] or headings
    if not headings:
        return [], lines
    spans: list[tuple[Heading, int]] = []
    for n, h in enumerate(headings):
        end = headings[n + 1].index if n + 1 < len(headings) else len(lines)
        # Some systems print the diary number, or a summary of the handling stages
        # ("Sivistyslautakunta, § 17, 27.01.2025"), above the § heading: they belong to the
        # item below, not to the end of the item above.
        if end < len(lines):
            while end > h.stop + 1 and (
                _is_case_line(lines[end - 1]) or stage_line(lines[end - 1].text)
            ):
                end -= 1
            following = headings[n + 1]
            if end > h.stop + 1 and body_name(lines[end - 1].text):
                # "Kaupunginhallitus" over "§ 62 24.02.2025": the next heading's first line.
                end -= 1
                following.body = following.body or " ".join(lines[end].text.split())
        spans.append((h, _before_appendix(lines, h.stop, end)))
    spans = _end_of_contents(spans)
    # A heading with body and date directly above a bare "§ n" heading of the same number
    # (or below it) describes the same item: merge them.
    items: dict[str, Item] = {}
    order: list[str] = []
    for h, end in spans:
        item = _make_item(lines, h, end)
        known = items.get(h.section)
        if known is None:
            items[h.section] = item
            order.append(h.section)
            continue
        # Keep the span of these minutes' own stage (its heading names their meeting), else
        # the richest (a table of contents line has no labels and little text); remember
        # body, date and title from whichever heading printed them.
        own = [x for x in (known, item) if meeting_date and x.meeting_date == meeting_date]
        if own and _weight(own[-1]) > 0:
            richer = own[-1]
        else:
            richer = item if _weight(item) > _weight(known) else known
        other = known if richer is item else item
        titled = richer.heading_title or any(not _is_case_line(pl) for pl in richer.head_lines)
        if not titled:
            richer.heading_title = other.heading_title
        if not richer.head_lines:
            richer.head_lines = other.head_lines
        richer.context += [*other.head_lines, *other.lines[:8]]
        richer.body = richer.body or known.body or item.body
        richer.meeting_date = richer.meeting_date or known.meeting_date or item.meeting_date
        items[h.section] = richer
    result = [items[s] for s in order if _weight(items[s]) > 0]
    preamble = lines[: headings[0].index]
    return result, preamble


# A page that starts an appendix or the appeal instructions ends the item before it.
_APPENDIX = re.compile(
    r"^(?:Pöytäkirjan liite|Liite|Bilaga|Protokollsbilaga|Muutoksenhakuohjeet?|"
    r"Oikaisuvaatimusohjeet?|Valitusosoitus|Besvärsanvisning|Anvisning för rättelseyrkande)\b",
    re.IGNORECASE,
)


def _end_of_contents(spans: list[tuple[Heading, int]]) -> list[tuple[Heading, int]]:
    """Cut the last entry of a table of contents short.

    A list of items (`§ 58`, `§ 59`, … a line or two each) ends where the items begin again
    from a lower number; its last entry's span would otherwise swallow every page up to the
    first item and outweigh the item itself.
    """
    out = list(spans)
    for i in range(2, len(spans) - 1):
        sizes = [spans[j][1] - spans[j][0].index for j in (i - 2, i - 1)]
        numbers = [int(spans[j][0].section) for j in (i - 2, i - 1, i, i + 1)]
        run = all(size <= 4 for size in sizes) and numbers[0] < numbers[1] < numbers[2]
        if run and numbers[3] <= numbers[2] and spans[i][1] - spans[i][0].index > 4:
            out[i] = (spans[i][0], spans[i][0].index + max(sizes))
    return out


def _before_appendix(lines: list[PageLine], start: int, end: int) -> int:
    """The end of an item's span: before the first page in it that opens with an appendix."""
    for i in range(start + 1, end):
        if lines[i].page != lines[i - 1].page and _APPENDIX.match(lines[i].text.strip()):
            return i
    return end


def _weight(item: Item) -> int:
    labelled = sum(len(b.lines) + 5 for b in item.blocks if b.label is not None)
    # A one-line digest ("§ 467 Title: palautettiin yksimielisesti", "§ 12 Title — decision")
    # is an item on its own.
    digest = 1 if re.search(r"\S(?::| [—–]) \S", item.heading.text) else 0
    return labelled + len(item.lines) // 4 + digest


def _is_case_line(pl: PageLine) -> bool:
    text = pl.text.strip()
    return bool(CASE_NUMBER.fullmatch(_strip_case_prefix(text)) or _LABELLED_CASE.fullmatch(text))


def _make_item(lines: list[PageLine], h: Heading, end: int) -> Item:
    heading = h.joined or lines[h.index]
    body_lines = lines[h.stop : end]
    titled = _title_lines(
        heading, body_lines, bare=not h.rest and h.body is None, dated=h.date is not None
    )
    head_lines = titled
    if h.index > 0 and _is_case_line(lines[h.index - 1]):
        head_lines = [lines[h.index - 1], *head_lines]
    item = Item(
        section=h.section,
        heading=heading,
        head_lines=head_lines,
        heading_title=h.rest,
        body=h.body,
        meeting_date=h.date,
        lines=body_lines,
    )
    item.blocks = split_blocks(body_lines[len(titled) :])
    return item


def _title_lines(
    heading: PageLine, after: list[PageLine], *, bare: bool, dated: bool = False
) -> list[PageLine]:
    """Lines right under a heading that belong to the title or the case number."""
    taken: list[PageLine] = []
    for n, pl in enumerate(after[:6]):
        if pl.line.kind is LineKind.LABEL or _inline_label(pl.text) is not None:
            break
        if _is_case_line(pl):
            taken.append(pl)
            continue
        if DATE.fullmatch(pl.text.strip()):
            continue  # "§ 61" over "24.02.2025": the heading's second line, not the title
        mates = [x for x in after[max(n - 1, 0) : n + 2] if x is not pl and same_row(pl, x)]
        if any(not _is_case_line(x) for x in mates):
            break  # a table's row of cells (a decision history's header), not a title
        if pl.text.rstrip().endswith(":") or _HISTORY.search(pl.text):
            break  # "Sivistyslautakunta, 27.01.2025, § 17": an earlier handling, not the title
        # The title is printed like the heading (bold) and wraps onto a few short lines;
        # under a heading of body, date and § it stands out by bold or capitals.
        styled = pl.line.bold or (pl.text.isupper() and len(pl.text) < 120)
        if ((heading.line.bold and pl.line.bold) or (dated and styled)) and len(taken) < 4:
            taken.append(pl)
            continue
        if bare and not taken and not heading.line.bold and len(pl.text) < 120:
            taken.append(pl)  # an unstyled title line under a bare "§ n"
            continue
        break
    return taken


def _strip_case_prefix(text: str) -> str:
    return re.sub(r"^(?:Asianro|Dno|Dnro|Dnr|Diarienummer)\.?:?\s*", "", text.strip())


def _inline_label(text: str) -> tuple[SectionLabel, str, str] | None:
    m = _INLINE_LABEL.match(text.strip())
    if not m:
        return None
    role = lookup_label(m.group(1))
    return (role, m.group(1), m.group(2)) if role is not None else None


def _leading_label(text: str) -> tuple[SectionLabel, str, str] | None:
    """A label line that names its speaker: `Beslutsförslag Stadsdirektör Henrik Ståhlberg`,
    `Esittelijä sivistysjohtaja Hanna Kemppainen` — a known label, then a role and a name
    (capitalised words, no sentence)."""
    words = text.split()
    for k in (2, 1):
        if words[k - 1 : k] and words[k - 1].endswith(":"):
            continue  # "Valmistelija: N.N." is an inline label: what follows is its text
        role = lookup_label(" ".join(words[:k]))
        rest = words[k:]
        if role is None or not 1 <= len(rest) <= 5:
            continue
        names = all(w[:1].isupper() and w.replace("-", "").isalpha() for w in rest[1:])
        if names and rest[0].rstrip(",").replace("-", "").isalpha() and len(rest) >= 2:
            return role, " ".join(words[:k]), " ".join(rest)
    return None


def split_blocks(lines: list[PageLine]) -> list[Block]:
    """Cut an item's lines into blocks at labels (margin, heading line or inline `Label:`)."""
    blocks = [Block(None, "")]
    for pl in lines:
        if pl.line.kind is LineKind.LABEL and pl.line.label is not None:
            blocks.append(Block(pl.line.label, pl.text.rstrip(":")))
            continue
        if pl.line.kind is LineKind.LABEL:
            blocks.append(Block(None, pl.text.rstrip(":")))
            continue
        led = _leading_label(pl.text)
        if led is not None:
            role, caption, who = led
            block = Block(role, caption, who=who)
            if role in (SectionLabel.PREPARERS, SectionLabel.PRESENTER):
                block.lines.append(PageLine(pl.page, _with_text(pl.line, who)))
            blocks.append(block)
            continue
        inline = _inline_label(pl.text)
        if (
            inline is not None
            and inline[0] is SectionLabel.VOTES
            and (blocks[-1].label is SectionLabel.DECISION)
        ):
            inline = None  # "Omröstning: Ja 7, Nej 4" inside the decision is part of its text
        if inline is not None:
            role, caption, rest = inline
            block = Block(role, caption)
            if rest:
                block.lines.append(PageLine(pl.page, _with_text(pl.line, rest)))
            blocks.append(block)
            continue
        blocks[-1].lines.append(pl)
    return [b for b in blocks if b.lines or b.label is not None]


def _with_text(line: Line, text: str) -> Line:
    return Line(text, line.x0, line.top, line.x1, line.bottom, line.font_size, line.bold)


def case_number_in(lines: list[PageLine]) -> str | None:
    """The first diary number printed in these lines."""
    for pl in lines:
        if m := CASE_NUMBER.search(pl.text):
            return m.group(0)
        if m := _LABELLED_CASE.search(pl.text):
            return m.group(1)
    return None


def classification_of(case_number: str | None) -> str | None:
    """The task-classification part of a diary number (`02.05.02.01` of `7801/02.05.02.01/2019`)."""
    if not case_number:
        return None
    m = _CLASSIFICATION.search(case_number)
    return m.group(0) if m else None


def last_stage(item: Item, meeting_date: dt.date | None = None) -> list[Block]:
    """The blocks of the item's own handling stage.

    An item that prints its history has a stage line before each stage (`Kunnanhallitus
    3.2.2025 § 30`, `Kh § 141`); the stage dated at these minutes' meeting is theirs, else the
    last one printed (histories run in time order).
    """
    starts = [
        i for i, pl in enumerate(item.lines) if i >= len(item.head_lines) and stage_line(pl.text)
    ]
    if not starts:
        return item.blocks
    own = [i for i in starts if meeting_date and stage_date(item.lines[i].text) == meeting_date]
    start = (own or starts)[-1]
    end = next((i for i in starts if i > start), len(item.lines)) if own else len(item.lines)
    return split_blocks(item.lines[start + 1 : end])
