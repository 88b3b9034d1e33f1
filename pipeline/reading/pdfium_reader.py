"""Read PDF pages with PDFium (pypdfium2): the words, image cover and ruling edges, at C speed.

pdfminer's content-stream parsing inside pdfplumber is most of a run's time; PDFium reads the same
pages some fifty times faster. Its text page gives every character with its box, font size, font
name and angle; its page objects give the images and the paths that rule tables. They are turned
into the characters and edges pdfplumber would build — same coordinates (top-left origin, page
rotation applied as pdfminer applies it), same line/rect/curve rules — and handed to pdfplumber's
own word extractor and table finder, so the reader above sees the words and tables it always saw.
Two known differences, both within a fraction of a point: a character's box is PDFium's (its font
descent can differ from pdfminer's by ~2 % of the size), and coordinates are single precision.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pypdfium2
import pypdfium2.raw as pdfium_c
from pdfminer.fontmetrics import FONT_METRICS
from pdfplumber.table import (
    Table,
    TableSettings,
    cells_to_tables,
    edges_to_intersections,
    merge_edges,
)
from pdfplumber.utils.geometry import filter_edges, obj_to_bbox

from pipeline.reading import pdfium_calls as calls
from pipeline.reading.pdfium_graphics import Graphics
from pipeline.reading.pdfium_space import Point, Space
from pipeline.reading.words import Char, extract_words

PdfiumError = pypdfium2.PdfiumError

_SETTINGS = TableSettings()
# PDFium's mark for a hyphen it takes to break a word at a line end; pdfminer keeps the "-".
_HYPHEN_MARK = "\ufffe"


@dataclass(slots=True)
class PdfiumPage:
    """What the reader needs from one page: its size, words, image cover and ruling edges."""

    width: float
    height: float
    words: list[dict[str, Any]] = field(default_factory=list)
    image_area: float = 0.0  # sum of the images' areas, in square points
    rulings: int = 0  # lines + rects + edges, as pdfplumber would count them
    edges: list[dict[str, Any]] = field(default_factory=list)  # in pdfplumber's `page.edges` order
    fills: list[tuple[float, float, float, float]] = field(default_factory=list)  # coloured boxes


def open_pdf(path: Path, password: str | None) -> pypdfium2.PdfDocument:
    """Open a PDF with PDFium; raises PdfiumError when it cannot (damaged, encrypted)."""
    return pypdfium2.PdfDocument(str(path), password=password or None)


def metadata(pdf: pypdfium2.PdfDocument) -> dict[str, str]:
    """The document information entries that are set."""
    return {key: value for key, value in pdf.get_metadata_dict().items() if value}


def read_pages(pdf: pypdfium2.PdfDocument) -> Iterator[tuple[PdfiumPage, pypdfium2.PdfPage]]:
    """Each page's words, images and rulings in page order, with the page itself, open until
    the next one is asked for (to render it for OCR without loading it again)."""
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            yield read_page(page), page
        finally:
            page.close()


def read_page(page: pypdfium2.PdfPage) -> PdfiumPage:
    """One page as pdfplumber would see it (see the module docstring)."""
    space = Space(page)
    textpage = page.get_textpage()
    try:
        chars = _chars(textpage.raw, space)
    finally:
        textpage.close()
    graphics = Graphics(space).walk(page.raw)
    return PdfiumPage(
        width=space.width,
        height=space.height,
        words=extract_words(chars),
        image_area=graphics.image_area,
        rulings=graphics.rulings,
        edges=graphics.edges,
        fills=graphics.fills,
    )


def find_tables(page: PdfiumPage) -> list[Table]:
    """pdfplumber's default (`lines`) table search over the page's edges.

    The steps of pdfplumber's `TableFinder`, fed the edges it would take from `page.edges`.
    """
    vertical = filter_edges(page.edges, "v", min_length=_SETTINGS.edge_min_length_prefilter)
    horizontal = filter_edges(page.edges, "h", min_length=_SETTINGS.edge_min_length_prefilter)
    if len(vertical) < 2 or len(horizontal) < 2:
        return []  # a cell needs two edges each way
    s = _SETTINGS
    edges = merge_edges(
        vertical + horizontal,
        snap_x_tolerance=s.snap_x_tolerance,
        snap_y_tolerance=s.snap_y_tolerance,
        join_x_tolerance=s.join_x_tolerance,
        join_y_tolerance=s.join_y_tolerance,
    )
    edges = filter_edges(edges, min_length=s.edge_min_length)
    points = edges_to_intersections(edges, s.intersection_x_tolerance, s.intersection_y_tolerance)
    cells = _cells(points)
    # A pdfplumber Table keeps its page only to extract text, which the reader does itself.
    return [Table(cast(Any, None), group) for group in cells_to_tables(cells)]


Bbox = tuple[float, float, float, float]


def _cells(intersections: dict[Point, dict[str, list[dict[str, Any]]]]) -> list[Bbox]:
    """pdfplumber's `intersections_to_cells`: the same cells, in the same order, faster.

    pdfplumber makes the edge sets of two points again for every pair it tests and scans all
    later points for those below and right of each; here each point's sets are made once and
    the points below and right come from its column and row (both in pdfplumber's order).
    """
    vertical = {pt: {obj_to_bbox(e) for e in d["v"]} for pt, d in intersections.items()}
    horizontal = {pt: {obj_to_bbox(e) for e in d["h"]} for pt, d in intersections.items()}

    def connects(p1: Point, p2: Point) -> bool:
        if p1[0] == p2[0] and not vertical[p1].isdisjoint(vertical[p2]):
            return True
        return p1[1] == p2[1] and not horizontal[p1].isdisjoint(horizontal[p2])

    points = sorted(intersections)
    columns: dict[float, list[Point]] = {}
    rows: dict[float, list[Point]] = {}
    after: dict[Point, tuple[int, int]] = {}  # where the point's column and row go on
    for pt in points:
        column, row = columns.setdefault(pt[0], []), rows.setdefault(pt[1], [])
        column.append(pt)
        row.append(pt)
        after[pt] = (len(column), len(row))
    cells: list[Bbox] = []
    for pt in points:
        in_column, in_row = after[pt]
        right = rows[pt[1]][in_row:]
        for below_pt in columns[pt[0]][in_column:]:
            if not connects(pt, below_pt):
                continue
            cell = next(
                (
                    (pt[0], pt[1], right_pt[0], below_pt[1])
                    for right_pt in right
                    if connects(pt, right_pt)
                    and (right_pt[0], below_pt[1]) in intersections
                    and connects((right_pt[0], below_pt[1]), right_pt)
                    and connects((right_pt[0], below_pt[1]), below_pt)
                ),
                None,
            )
            if cell is not None:
                cells.append(cell)
                break
    return cells


def chars(textpage: Any, page: pypdfium2.PdfPage) -> list[Char]:
    """The characters of `page` (whose text page is `textpage`), fields as `words.CHAR_FIELDS`."""
    return _chars(textpage, Space(page))


def _chars(textpage: Any, space: Space) -> list[Char]:
    """The page's characters in content order, with the attributes the word extractor reads."""
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    pdfium_c.FPDFText_GetText(
        textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
    )
    text = buffer.raw[: count * 2].decode("utf-16-le", errors="replace")
    if len(text) != count:  # characters outside the BMP: one text unit is not one character
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(count))
    # Some 700,000 characters in the real PDFs: the calls take the text page's address and are
    # bound once, the arithmetic is inlined, and what a text object shares is asked once per
    # object (see _Styles), leaving two calls per character: its box and its origin.
    page_address = calls.address(textpage)
    box = pdfium_c.FS_RECTF()
    box_ref = ctypes.byref(box)
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    origin_x_ref, origin_y_ref = ctypes.byref(origin_x), ctypes.byref(origin_y)
    loose_box, char_origin, text_object = calls.loose_char_box, calls.char_origin, calls.text_object
    generated = calls.generated
    styles = _Styles(textpage, space)
    by_object = styles.by_object
    xa_, xc_, xe_, ta_, tc_, te_ = space.affine
    rotated = bool(space.rotation)
    chars: list[Char] = []
    append = chars.append
    # Per text object: a character's box bottom and top, and pdfminer's bottom found for it.
    baselines: dict[int, tuple[float, float, float]] = {}
    for i, ch in enumerate(text):
        if ch in "\r\n":
            continue  # PDFium's line breaks (pdfminer's word extractor needs none)
        obj = 0
        if ch == _HYPHEN_MARK:
            ch = "-"
            style = styles.of_char(i)
        else:
            obj = text_object(page_address, i)
            if obj and ch.isspace() and generated(page_address, i):
                # A space PDFium generates between words is tied to a text object but has a
                # matrix of its own: it is asked for in full.
                obj = 0
            known = by_object.get(obj) if obj else None
            if known is None:
                style = styles.of_char(i, obj)
            else:
                style, styles.last_name = known, known[3]
        size, upright, font = style[0], style[1], style[2]
        loose_box(page_address, i, box_ref)
        left, right, low, high = box.left, box.right, box.bottom, box.top
        xa = xa_ * left + xc_ * low + xe_
        xb = xa_ * right + xc_ * high + xe_
        x0, x1 = (xa, xb) if xa <= xb else (xb, xa)
        if upright and not rotated:
            # pdfminer's box starts at the font's descent below the baseline. PDFium's box
            # does too, but not for the letters of a ligature it splits (ﬁ → f, i): the
            # baseline is asked for unless a letter of the same level text object with the
            # same box bottom and top had it (a level object's letters share a baseline).
            line = baselines.get(obj) if obj else None
            if line is not None and line[0] == low and line[1] == high:
                bottom = line[2]
            else:
                char_origin(page_address, i, origin_x_ref, origin_y_ref)
                y = origin_y.value + font[1] * size
                bottom = ta_ * origin_x.value + tc_ * y + te_
                if obj and style[4]:
                    baselines[obj] = (low, high, bottom)
            top = bottom - size  # pdfminer's box is one font size tall, up from the descent
        else:
            ta = ta_ * left + tc_ * low + te_
            tb = ta_ * right + tc_ * high + te_
            top, bottom = (ta, tb) if ta <= tb else (tb, ta)
            if upright:
                top = bottom - size
            else:
                size = bottom - top
        append((ch, x0, x1, top, bottom, upright, font[0], size))
    return chars


# A character's size, uprightness, font (name, descent), PDFium's raw font name, and whether
# its text runs level (the matrix turns nothing: its letters share one baseline).
Style = tuple[float, bool, tuple[str, float], bytes, bool]


class _Styles:
    """What a character shares with its text object — matrix, font size, font — asked of PDFium
    once per object rather than once per character (the calls were most of the reading)."""

    def __init__(self, textpage: Any, space: Space) -> None:
        self.textpage = textpage
        self._address = calls.address(textpage)
        self.by_object: dict[int, Style] = {}
        self.fonts: dict[bytes, tuple[str, float]] = {}
        self.rotation = space.matrix[:4] if space.rotation else None
        # PDFium's font name buffer: a character without a font (one PDFium generates) leaves
        # it as the previous character left it, and gets that font, as it always has.
        self.name = ctypes.create_string_buffer(256)
        self.last_name = b""
        # Font names by the text object's font: documents that print each glyph as an object
        # of its own ask for one object's style per character, and copying out the name was
        # the dearest of those calls.
        self.font_names: dict[int, bytes] = {}
        # Styles by font, size and matrix: the same documents have thousands of objects and a
        # few styles, which are then looked up rather than worked out again.
        self.by_key: dict[tuple[int | None, float, float, float, float, float], Style] = {}
        self._flags = ctypes.byref(ctypes.c_int())
        self._matrix = pdfium_c.FS_MATRIX()
        self._matrix_ref = ctypes.byref(self._matrix)

    def of_char(self, index: int, obj: int | None = None) -> Style:
        """Character `index`'s style asked in full; kept for its text object `obj` if given."""
        address, matrix = self._address, self._matrix
        calls.char_matrix(address, index, self._matrix_ref)
        a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
        points = calls.font_size(address, index)
        font_handle = calls.object_font(obj) if obj else None
        key = (font_handle, points, a, b, c, d)
        if obj and font_handle:
            style = self.by_key.get(key)
            if style is not None:
                self.last_name = style[3]
                self.by_object[obj] = style
                return style
        # The font size times the text's vertical scale: the size pdfminer reports.
        size = points * math.hypot(c, d)
        known = self.font_names.get(font_handle) if font_handle else None
        if known is not None:
            self.last_name = known
        elif 0 < calls.font_info(address, index, self.name, 256, self._flags) <= 256:
            self.last_name = self.name.value
            if font_handle:
                self.font_names[font_handle] = self.last_name
        raw_name = self.last_name  # as the buffer holds it, whether or not the call wrote it
        font = self.fonts.get(raw_name)
        if font is None:
            font = self.fonts[raw_name] = _font(
                raw_name, pdfium_c.FPDFText_GetTextObject(self.textpage, index)
            )
        level = b == 0
        if self.rotation is not None:  # the glyph's matrix on the displayed page, as pdfminer's
            ra, rb, rc, rd = self.rotation
            a, b, c, d = a * ra + b * rc, a * rb + b * rd, c * ra + d * rc, c * rb + d * rd
        # pdfminer's test: upright when turned less than 90° on the displayed page.
        style = (size, a * d > 0 and b * c <= 0, font, raw_name, level)
        if obj:
            self.by_object[obj] = style
            if font_handle in self.font_names:  # the style follows from the key alone
                self.by_key[key] = style
        return style


def _font(raw_name: bytes, text_object: Any) -> tuple[str, float]:
    """A font's name and descent per unit of size: pdfminer's own metrics for the standard
    fonts (they differ from the fonts PDFium substitutes), else the font's as PDFium reads it."""
    fontname = raw_name.decode("utf-8", errors="replace")
    metrics = FONT_METRICS.get(fontname)
    if metrics is not None:
        return fontname, float(cast(float, metrics[0].get("Descent", 0))) / 1000
    descent = ctypes.c_float()
    font = pdfium_c.FPDFTextObj_GetFont(text_object)
    if not font or not pdfium_c.FPDFFont_GetDescent(
        font, ctypes.c_float(1.0), ctypes.byref(descent)
    ):
        return fontname, 0.0
    return fontname, descent.value
