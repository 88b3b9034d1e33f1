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
import struct
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
    intersections_to_cells,
    merge_edges,
)
from pdfplumber.utils.geometry import curve_to_edges, filter_edges, line_to_edge, rect_to_edges

from pipeline.reading.words import extract_words

PdfiumError = pypdfium2.PdfiumError
Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]

_SETTINGS = TableSettings()
# PDFium's mark for a hyphen it takes to break a word at a line end; pdfminer keeps the "-".
_HYPHEN_MARK = "\ufffe"
# pdfminer's device matrix per page rotation, from the (normalised) media box x0, y0, x1, y1.
_ROTATIONS = {
    0: lambda x0, y0, x1, y1: (1.0, 0.0, 0.0, 1.0, -x0, -y0),
    90: lambda x0, y0, x1, y1: (0.0, -1.0, 1.0, 0.0, -y0, x1),
    180: lambda x0, y0, x1, y1: (-1.0, 0.0, 0.0, -1.0, x1, y1),
    270: lambda x0, y0, x1, y1: (0.0, 1.0, -1.0, 0.0, y1, -x0),
}


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


def read_pages(pdf: pypdfium2.PdfDocument) -> Iterator[PdfiumPage]:
    """Each page's words, images and rulings in page order, releasing each page after use."""
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            yield read_page(page)
        finally:
            page.close()


def read_page(page: pypdfium2.PdfPage) -> PdfiumPage:
    """One page as pdfplumber would see it (see the module docstring)."""
    space = _Space(page)
    out = PdfiumPage(width=space.width, height=space.height)
    textpage = page.get_textpage()
    try:
        chars = _chars(textpage.raw, space)
    finally:
        textpage.close()
    out.words = extract_words(chars)
    _Graphics(out, space).walk(page.raw)
    return out


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
    cells = intersections_to_cells(points)
    # A pdfplumber Table keeps its page only to extract text, which the reader does itself.
    return [Table(cast(Any, None), group) for group in cells_to_tables(cells)]


class _Space:
    """PDF user space → pdfplumber's page space: pdfminer's rotation, then y from the top."""

    def __init__(self, page: pypdfium2.PdfPage) -> None:
        left, bottom, right, top = (_decimal(v) for v in page.get_mediabox())
        x0, x1 = sorted((left, right))
        y0, y1 = sorted((bottom, top))
        self.rotation = page.get_rotation() % 360
        self.matrix: Matrix = _ROTATIONS.get(self.rotation, _ROTATIONS[0])(x0, y0, x1, y1)
        if self.rotation in (90, 270):
            x0, y0, x1, y1 = y0, x0, y1, x1
        self.width, self.height = x1 - x0, y1 - y0
        # pdfplumber's media box origin: x as given, top from its flipped box.
        self.mb_x0, self.mb_top = x0, self.height - y1
        # point() as one affine map (x, top) = (xa·x + xc·y + xe, ta·x + tc·y + te).
        a, b, c, d, e, f = self.matrix
        self.affine = (a, c, e + self.mb_x0, -b, -d, self.height + self.mb_top - f)

    def point(self, x: float, y: float) -> Point:
        """A user-space point as pdfplumber's (x, top)."""
        a, b, c, d, e, f = self.matrix
        return (a * x + c * y + e + self.mb_x0, self.height - (b * x + d * y + f) + self.mb_top)


def chars(textpage: Any, page: pypdfium2.PdfPage) -> list[dict[str, Any]]:
    """The characters of `page` (whose text page is `textpage`) as pdfplumber's dicts."""
    return _chars(textpage, _Space(page))


def _chars(textpage: Any, space: _Space) -> list[dict[str, Any]]:
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
    box = pdfium_c.FS_RECTF()
    box_ref = ctypes.byref(box)
    name = ctypes.create_string_buffer(256)
    flags_ref = ctypes.byref(ctypes.c_int())
    matrix = pdfium_c.FS_MATRIX()
    matrix_ref = ctypes.byref(matrix)
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    origin_x_ref, origin_y_ref = ctypes.byref(origin_x), ctypes.byref(origin_y)
    # Some 600,000 characters in the real PDFs: the calls are bound once, the arithmetic inlined.
    loose_box, char_matrix = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetMatrix
    font_size, font_info = pdfium_c.FPDFText_GetFontSize, pdfium_c.FPDFText_GetFontInfo
    fonts: dict[bytes, tuple[str, float]] = {}
    xa_, xc_, xe_, ta_, tc_, te_ = space.affine
    ra, rb, rc, rd = space.matrix[:4]
    rotated = bool(space.rotation)
    hypot = math.hypot
    chars: list[dict[str, Any]] = []
    append = chars.append
    for i, ch in enumerate(text):
        if ch in "\r\n":
            continue  # PDFium's line breaks (pdfminer's word extractor needs none)
        if ch == _HYPHEN_MARK:
            ch = "-"
        loose_box(textpage, i, box_ref)
        char_matrix(textpage, i, matrix_ref)
        # The font size times the text's vertical scale: the size pdfminer reports.
        a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
        size = font_size(textpage, i) * hypot(c, d)
        font_info(textpage, i, name, 256, flags_ref)
        raw_name = name.value
        font = fonts.get(raw_name)
        if font is None:
            font = fonts[raw_name] = _font(raw_name, pdfium_c.FPDFText_GetTextObject(textpage, i))
        left, right, low, high = box.left, box.right, box.bottom, box.top
        xa = xa_ * left + xc_ * low + xe_
        xb = xa_ * right + xc_ * high + xe_
        ta = ta_ * left + tc_ * low + te_
        tb = ta_ * right + tc_ * high + te_
        x0, x1 = (xa, xb) if xa <= xb else (xb, xa)
        top, bottom = (ta, tb) if ta <= tb else (tb, ta)
        if rotated:  # the glyph's matrix on the displayed page, as pdfminer builds it
            a, b, c, d = a * ra + b * rc, a * rb + b * rd, c * ra + d * rc, c * rb + d * rd
        # pdfminer's test: upright when turned less than 90° on the displayed page.
        upright = a * d > 0 and b * c <= 0
        if upright:
            if not rotated:
                # pdfminer's box starts at the font's descent below the baseline. PDFium's box
                # does too, but not for the letters of a ligature it splits (ﬁ → f, i).
                pdfium_c.FPDFText_GetCharOrigin(textpage, i, origin_x_ref, origin_y_ref)
                y = origin_y.value + font[1] * size
                bottom = ta_ * origin_x.value + tc_ * y + te_
            # pdfminer's box is one font size tall, up from the descent.
            top = bottom - size
        else:
            size = bottom - top
        append(
            {
                "text": ch,
                "x0": x0,
                "x1": x1,
                "top": top,
                "bottom": bottom,
                "doctop": top,
                "upright": upright,
                "fontname": font[0],
                "size": size,
            }
        )
    return chars


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


class _Graphics:
    """One walk over a page's objects: image area, and lines/rects/curves as pdfplumber edges."""

    def __init__(self, out: PdfiumPage, space: _Space) -> None:
        self.out, self.space = out, space
        self.lines: list[dict[str, Any]] = []
        self.rects: list[dict[str, Any]] = []
        self.curves: list[dict[str, Any]] = []
        self._matrix = pdfium_c.FS_MATRIX()
        self._x, self._y = ctypes.c_float(), ctypes.c_float()

    def walk(self, raw_page: Any) -> None:
        """Visit every object (form XObjects entered) and fill the page's image area and edges."""
        count = pdfium_c.FPDFPage_CountObjects(raw_page)
        self._visit((pdfium_c.FPDFPage_GetObject(raw_page, i) for i in range(count)), None)
        out = self.out
        # page.edges: one edge per line, four per rect and one per curve segment, in that order.
        out.edges = [line_to_edge(obj) for obj in self.lines]
        out.edges += [edge for obj in self.rects for edge in rect_to_edges(obj)]
        out.edges += [edge for obj in self.curves for edge in curve_to_edges(obj)]
        out.rulings = len(self.lines) + len(self.rects) + len(out.edges)

    def _visit(self, objects: Iterator[Any], parent: Matrix | None) -> None:
        for obj in objects:
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                matrix = self._object_matrix(obj, parent)
                count = pdfium_c.FPDFFormObj_CountObjects(obj)
                children = (pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(count))
                self._visit(children, matrix)
            elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                self._image(obj, parent)
            elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                self._path(obj, parent)

    def _object_matrix(self, obj: Any, parent: Matrix | None) -> Matrix:
        m = self._matrix
        pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m))
        own = (m.a, m.b, m.c, m.d, m.e, m.f)
        return own if parent is None else _multiply(own, parent)

    def _image(self, obj: Any, parent: Matrix | None) -> None:
        # An image fills the unit square of its matrix (PDF reference 4.8.3).
        matrix = self._object_matrix(obj, None)
        corners = [_apply(matrix, (x, y)) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
        if parent is not None:
            corners = [_apply(parent, pt) for pt in corners]
        points = [self.space.point(x, y) for x, y in corners]
        xs, tops = [p[0] for p in points], [p[1] for p in points]
        self.out.image_area += (max(xs) - min(xs)) * (max(tops) - min(tops))

    def _path(self, obj: Any, parent: Matrix | None) -> None:
        fill, stroke = ctypes.c_int(), ctypes.c_int()
        pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke))
        if not fill.value and not stroke.value:
            return  # a clipping path: pdfminer paints nothing for it
        matrix = self._object_matrix(obj, parent)
        coloured = fill.value and _coloured(obj)
        for shape, points in self._subpaths(obj, matrix):
            pts = [self.space.point(x, y) for x, y in points]
            if coloured and len(pts) >= 4:
                xs, tops = [p[0] for p in pts], [p[1] for p in pts]
                self.out.fills.append((min(xs), min(tops), max(xs), max(tops)))
            self._shape(shape, pts)

    def _subpaths(self, obj: Any, matrix: Matrix) -> list[tuple[str, list[Point]]]:
        """The path as pdfminer's operator letters and end points, one entry per subpath."""
        subpaths: list[tuple[str, list[Point]]] = []
        ops: list[str] = []
        points: list[Point] = []
        bezier = 0
        x, y = self._x, self._y
        for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
            point = _apply(matrix, (x.value, y.value))
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                if ops:
                    subpaths.append(("".join(ops), points))
                ops, points, bezier = ["m"], [point], 0
            elif kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
                # PDFium stores a curve as three points; pdfminer keeps only where it ends.
                bezier += 1
                if bezier % 3:
                    continue
                ops.append("c")
                points.append(point)
            else:
                ops.append("l")
                points.append(point)
            if pdfium_c.FPDFPathSegment_GetClose(segment) and points:
                ops.append("h")
                points.append(points[0])
        if ops:
            subpaths.append(("".join(ops), points))
        return subpaths

    def _shape(self, shape: str, pts: list[Point]) -> None:
        """pdfminer's `paint_path` rules: a line, an axis-aligned rectangle, or a curve."""
        if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
            shape = shape[:-2] + "h"  # a redundant closing "l"
            pts.pop()
        if shape in ("mlh", "ml"):
            self.lines.append(_box("line", pts[:2]))
            return
        if shape in ("mlllh", "mllll") and len(pts) == 5:
            (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
            square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
                y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
            )
            if pts[0] == pts[4] and square:
                self.rects.append(_box("rect", [pts[0], pts[2]], self.space.height))
                return
        curve = _box("curve", pts)
        curve["pts"] = pts
        self.curves.append(curve)


def _coloured(obj: Any) -> bool:
    """Whether a path is filled with a visible colour other than white (a shaded cell)."""
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    refs = (ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a))
    if not pdfium_c.FPDFPageObj_GetFillColor(obj, *refs):
        return False
    return a.value > 0 and r.value + g.value + b.value < 3 * 235


def _box(kind: str, pts: list[Point], height: float | None = None) -> dict[str, Any]:
    """An object dict with pdfplumber's box keys around the points."""
    xs, tops = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1, top, bottom = min(xs), max(xs), min(tops), max(tops)
    obj: dict[str, Any] = {
        "object_type": kind,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
    }
    if height is not None:  # rect edges carry pdfminer's y0/y1 too
        obj["y0"], obj["y1"] = height - bottom, height - top
    return obj


def _decimal(value: float) -> float:
    """The shortest decimal that PDFium's single-precision `value` stands for (595.2756, not
    595.27557373): the number as written in the file, as pdfminer reads it."""
    single = struct.pack("f", value)
    for digits in range(1, 10):
        candidate = float(f"{value:.{digits}g}")
        if struct.pack("f", candidate) == single:
            return candidate
    return value


def _apply(m: Matrix, point: Point) -> Point:
    a, b, c, d, e, f = m
    x, y = point
    return (a * x + c * y + e, b * x + d * y + f)


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    """The matrix that applies `m`, then `n`."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    )
