"""Clean a read document: invisible characters, headers/footers, labels, order, hyphens."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from statistics import median

from pipeline.reading.hyphenation import ends_with_hyphen, join_parts
from schemas.source import Line, LineKind, Page, SourceDocument
from schemas.vocab import lookup_label

# Zero-width spaces/joiners, BOM and soft hyphens carry no text. (No-break and thin spaces are
# spaces: every run of whitespace becomes one space.)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_UNSEEN = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_PAGE_NUMBER = re.compile(
    r"^(?:(?:sivu|sida|page|s\.)\s*)?[-–]?\s*\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|/\s*\d{1,4})?\s*[-–]?$",
    re.IGNORECASE,
)
_EDGE_ZONE = 0.13  # share of the page height at the top and bottom where furniture lives


def clean_document(doc: SourceDocument) -> SourceDocument:
    """Apply every cleaning step in order and return the same document, cleaned."""
    for page in doc.pages:
        normalise_characters(page)
    remove_furniture(doc)
    for page in doc.pages:
        mark_labels(page)
        order_reading(page)
    dehyphenate(doc)
    return doc


def normalise_characters(page: Page) -> None:
    """Drop zero-width characters and odd spaces; a soft hyphen at a line end stays a break."""
    for line in page.lines:
        text = line.text
        if _UNSEEN.search(text):  # seldom: most lines need only their spaces evened
            text = text.translate(_INVISIBLE)
            text = re.sub(r"\u00ad$", "-", text).replace("\u00ad", "")
        line.text = " ".join(text.split())
    page.lines = [line for line in page.lines if line.text]


def _furniture_key(text: str) -> str:
    """Digits ignored in a running header with words ("Sivu 3"); a line of figures alone must
    recur exactly ("2/2025"), or the years and amounts of table rows would count as furniture."""
    text = " ".join(text.lower().split())
    return re.sub(r"\d+", "#", text) if re.search(r"[^\W\d_]", text) else text


def remove_furniture(doc: SourceDocument) -> None:
    """Move running headers/footers and page numbers out of the text into `page.furniture`.

    A line is furniture when it sits in the top or bottom band of the page and the same text
    (digits ignored) recurs in that band on at least half the pages; page numbers are furniture
    on any page.
    """
    bands: list[list[Line]] = [_edge_lines(page) for page in doc.pages]
    counts: Counter[str] = Counter()
    for lines in bands:
        counts.update({_key(line.text) for line in lines})
    n_pages = len(doc.pages)
    threshold = max(2, (n_pages + 1) // 2)
    for page, lines in zip(doc.pages, bands, strict=True):
        drop = {
            id(line)
            for line in lines
            if _page_number(line.text, n_pages)
            or (n_pages > 1 and counts[_key(line.text)] >= threshold)
        }
        for line in page.lines:
            if id(line) in drop:
                line.kind = LineKind.FURNITURE
        page.furniture = [line for line in page.lines if id(line) in drop]
        page.lines = [line for line in page.lines if id(line) not in drop]
    _restore_item_headings(doc)


# A running header's § number: "§ 61", "61 §".
_SECTION_ONLY = re.compile(r"^(?:§\s?(\d{1,4})|(\d{1,4})\s?§)$")


def _restore_item_headings(doc: SourceDocument) -> None:
    """Give back the heading of an item printed only as a running header.

    Some systems head every page of an item with `Body | § 61 | date` and print no other
    heading: on the page where a § number first appears in the header, that row (and a diary
    number just under it) is the item's heading, not furniture.
    """
    seen: set[str] = set()
    for page in doc.pages:
        for mark in [ln for ln in page.furniture if _SECTION_ONLY.match(ln.text.strip())]:
            number = mark.text.strip().strip("§ ")
            if number in seen:
                continue
            seen.add(number)
            reach = 1.8 * max(mark.height, 6.0)
            back = [
                ln
                for ln in page.furniture
                if -0.5 * mark.height <= ln.top - mark.top <= reach
                and not _page_number(ln.text, len(doc.pages))
            ]
            for line in back:
                line.kind = LineKind.TEXT
            page.furniture = [ln for ln in page.furniture if ln not in back]
            page.lines = sorted([*back, *page.lines], key=lambda ln: (round(ln.top / 2), ln.x0))


# A diary number differs from item to item by its digits alone: it recurs only when identical.
_DIARY = re.compile(r"\d{1,6}/\d{2}(?:\.\d{2}){0,5}/\d{4}|D(?:no|nr)-\d{4}-\d+|\b\d{1,6}/\d{4}\b")


def _key(text: str) -> str:
    """The furniture key with diary numbers kept whole (`PÖYTÄKIRJA 6/2025 7 (7)` recurs,
    `KEMDno-2024-812` and `KEMDno-2025-77` under two items' titles do not)."""
    numbers = _DIARY.findall(text)
    key = _furniture_key(_DIARY.sub("\x00", text))
    for number in numbers:
        key = key.replace("\x00", number, 1)
    return key


def _page_number(text: str, pages: int) -> bool:
    """A page number ("3", "- 3 -", "Sivu 3 (12)"), not a year or a figure in a table cell."""
    if not _PAGE_NUMBER.match(text):
        return False
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    return bool(numbers) and max(numbers) <= max(pages, 1) * 2 + 10


def _edge_lines(page: Page) -> list[Line]:
    top_limit, bottom_limit = page.height * _EDGE_ZONE, page.height * (1 - _EDGE_ZONE)
    out = []
    for line in page.lines:
        # Tables are not exempt: ruling lines around a page header often make pdfplumber
        # report a "table" that swallows the header.
        if line.bottom <= top_limit or line.top >= bottom_limit:
            out.append(line)
    return out


def body_left(page: Page) -> float:
    """The x where most text lines of the page start (the body column's left edge)."""
    starts = Counter(round(line.x0 / 4) * 4 for line in page.lines if len(line.text) > 25)
    if not starts:
        starts = Counter(round(line.x0 / 4) * 4 for line in page.lines)
    return float(starts.most_common(1)[0][0]) if starts else 0.0


def mark_labels(page: Page) -> None:
    """Recognise section labels: captions in a left margin and label-only heading lines.

    A margin caption is a short line that ends well left of the body column and has body text on
    its own baseline or just below; captions wrapped over two margin lines are merged first.
    A heading label is a line, alone on its baseline, whose whole text is a known label.
    """
    if not page.lines:
        return
    _reclaim_caption_starts(page)
    left = body_left(page)
    _merge_wrapped_captions(page, left)
    margin = [ln for ln in page.lines if ln.x1 < left - 8 and len(ln.text.split()) <= 4]
    known = [ln for ln in margin if lookup_label(ln.text) is not None]
    for line in page.lines:
        role = lookup_label(line.text)
        if line in margin and _has_body_beside(page, line, left):
            # An unknown caption counts only in a margin column that known labels establish,
            # set like them (a bigger title at the same x is an item's title, not a caption).
            aligned = any(
                abs(line.x0 - k.x0) < 6 and abs(line.font_size - k.font_size) < 0.6 for k in known
            )
            # ...and with its text starting on its own row (a title over a caption has the
            # caption's text below it, not beside it).
            beside = any(abs(b.top - line.top) < 0.5 * line.height for b in _beside(page, line))
            if role is not None or (aligned and beside and _caption_like(line.text)):
                line.kind, line.label = LineKind.LABEL, role
                continue
        # A whole known label with its text beside it is a caption wherever the column is.
        if role is not None and (_alone_on_row(page, line) or _beside(page, line)):
            line.kind, line.label = LineKind.LABEL, role


def _caption_like(text: str) -> bool:
    return text[:1].isupper() and not text.isupper() and not re.match(r"^[§\d]", text)


def _has_body_beside(page: Page, caption: Line, left: float) -> bool:
    reach = caption.bottom + 2.5 * max(caption.height, 8.0)
    return any(
        line is not caption
        and abs(line.x0 - left) <= 6
        and line.top < reach
        and line.bottom > caption.top
        for line in page.lines
    )


def _alone_on_row(page: Page, target: Line) -> bool:
    return not any(
        line is not target and abs(line.top - target.top) < 0.5 * target.height
        for line in page.lines
    )


def _reclaim_caption_starts(page: Page) -> None:
    """Give a wrapped caption back its first word when the reader joined it to the body text.

    `Kaupunginjohtajan` over `päätösehdotus` in the margin, set close to the text column, reads
    as one line `Kaupunginjohtajan Kaupunginhallitus toteaa …` above a margin line
    `päätösehdotus` that has text beside it; the label vocabulary says the first word belongs
    to the caption below.
    """
    for lower in page.lines:
        if not lower.text[:1].islower() or len(lower.text.split()) > 2:
            continue
        beside = [ln.x0 for ln in _beside(page, lower)]
        # The text column: beside the caption, else where the page's text right of it starts.
        right = Counter(round(ln.x0) for ln in page.lines if ln.x0 > lower.x1 + 4)
        if not beside and not right:
            continue
        column = min(beside) if beside else float(right.most_common(1)[0][0])
        for upper in page.lines:
            gap = lower.top - upper.bottom
            if upper is lower or abs(upper.x0 - lower.x0) > 6 or not -2 < gap < upper.height:
                continue
            first, _, rest = upper.text.partition(" ")
            if rest and upper.x1 > column and lookup_label(f"{first} {lower.text}") is not None:
                lower.text, lower.top = f"{first} {lower.text}", upper.top
                upper.text, upper.x0 = rest, column
            break


def _beside(page: Page, caption: Line) -> list[Line]:
    """Lines on the caption's row that start clearly to its right."""
    return [
        line
        for line in page.lines
        if line is not caption
        and abs(line.top - caption.top) < 0.6 * max(caption.height, 6.0)
        and line.x0 > caption.x1 + 4
    ]


def _merge_wrapped_captions(page: Page, left: float) -> None:
    margin = [line for line in page.lines if line.x1 < left - 8 and len(line.text.split()) <= 3]
    for upper, lower in itertools.pairwise(margin):
        if lower.top - upper.bottom > 0.8 * max(upper.height, 6.0) or abs(lower.x0 - upper.x0) > 6:
            continue
        if lookup_label(upper.text) and lookup_label(lower.text):
            continue  # two captions one under the other, not one wrapped caption
        if upper.text.endswith(("-", "/")):
            merged = (
                upper.text
                + ("" if lookup_label(upper.text[:-1] + lower.text) else " ")
                + lower.text
            )
            if upper.text.endswith("-") and lookup_label(upper.text[:-1] + lower.text):
                merged = upper.text[:-1] + lower.text
        else:
            merged = upper.text + " " + lower.text
        if lookup_label(merged) is None and not upper.text.endswith(("-", "/")):
            continue
        upper.text, upper.x1, upper.bottom = merged, max(upper.x1, lower.x1), lower.bottom
        lower.text = ""
    page.lines = [line for line in page.lines if line.text]


def order_reading(page: Page) -> None:
    """Sort lines into reading order: rows top to bottom; on slides, columns left to right."""
    page.lines.sort(key=lambda ln: (round(ln.top / 2), ln.x0))
    if not page.landscape or len(page.lines) < 6:
        return
    gutter = _column_gutter(page)
    if gutter is None:
        return
    left_col = [ln for ln in page.lines if ln.x1 <= gutter]
    right_col = [ln for ln in page.lines if ln.x0 >= gutter]
    spanning = [ln for ln in page.lines if ln.x0 < gutter < ln.x1]
    first_col_top = min(ln.top for ln in left_col + right_col)
    above = [ln for ln in spanning if ln.bottom <= first_col_top + 1]
    below = [ln for ln in spanning if ln not in above]
    page.lines = above + left_col + right_col + below


def _column_gutter(page: Page) -> float | None:
    """An x that no text line crosses, with substantial text on both sides, if there is one."""
    body = [ln for ln in page.lines if ln.top > page.height * 0.15]
    if len(body) < 6:
        return None
    width = page.width
    candidates = []
    for x in range(int(width * 0.3), int(width * 0.7), 4):
        if any(ln.x0 < x < ln.x1 for ln in body):
            continue
        left_n = sum(1 for ln in body if ln.x1 <= x)
        right_n = sum(1 for ln in body if ln.x0 >= x)
        if left_n >= 3 and right_n >= 3:
            candidates.append((min(left_n, right_n), x))
    if not candidates:
        return None
    # Rows that pair a text with a status or year cell are tables, not columns: require the two
    # sides to be mostly on different rows.
    _, x = max(candidates)
    left_tops = {round(ln.top) for ln in body if ln.x1 <= x}
    right_tops = {round(ln.top) for ln in body if ln.x0 >= x}
    shared = len(left_tops & right_tops)
    return float(x) if shared <= 0.5 * min(len(left_tops), len(right_tops)) else None


def dehyphenate(doc: SourceDocument) -> None:
    """Rejoin words split at line ends, within a page and across a page break."""
    text_lines: list[Line] = [
        line for page in doc.pages for line in page.lines if line.kind is LineKind.TEXT
    ]
    page_starts = {id(page.lines[0]) for page in doc.pages if page.lines}
    for upper, lower in itertools.pairwise(text_lines):
        if not ends_with_hyphen(upper.text) or not lower.text:
            continue
        if lower.top <= upper.top and id(lower) not in page_starts:
            continue  # same row or above: not the next line of this column
        if not lower.text[:1].isalpha():
            continue
        head, _, fragment = upper.text.rpartition(" ")
        word, _, rest = lower.text.partition(" ")
        joined = join_parts(fragment, word)
        upper.text = f"{head} {joined}".strip()
        lower.text = rest
    for page in doc.pages:
        page.lines = [line for line in page.lines if line.text]


def median_font_size(page: Page) -> float:
    """Median font size of a page's text lines (0 when the page is empty)."""
    sizes = [line.font_size for line in page.lines if line.font_size]
    return float(median(sizes)) if sizes else 0.0
