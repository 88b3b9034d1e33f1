"""The graphics half of the PDFium reader: images and the paths that rule tables, as pdfplumber
would see them.

One walk over a page's objects (form XObjects entered) gives the area the images cover, the
lines, rectangles and curves by pdfminer's `paint_path` rules turned into pdfplumber's edges, and
the boxes filled with a colour (shaded cells). Pages with charts hold tens of thousands of path
segments, so the walk calls PDFium through `pipeline.reading.pdfium_calls` and maps points inline.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as pdfium_c
from pdfplumber.utils.geometry import curve_to_edges, line_to_edge, rect_to_edges

from pipeline.reading import pdfium_calls as calls
from pipeline.reading.pdfium_space import Matrix, Point, Space, apply, multiply

_FORM, _IMAGE, _PATH = (
    pdfium_c.FPDF_PAGEOBJ_FORM,
    pdfium_c.FPDF_PAGEOBJ_IMAGE,
    pdfium_c.FPDF_PAGEOBJ_PATH,
)
_MOVETO, _BEZIERTO = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_BEZIERTO


class Graphics:
    """One walk over a page's objects: image area, and lines/rects/curves as pdfplumber edges."""

    def __init__(self, space: Space) -> None:
        self.space = space
        self.image_area = 0.0  # sum of the images' areas, in square points
        self.edges: list[dict[str, Any]] = []  # in pdfplumber's `page.edges` order
        self.rulings = 0  # lines + rects + edges, as pdfplumber would count them
        self.fills: list[tuple[float, float, float, float]] = []  # boxes filled with a colour
        self.lines: list[dict[str, Any]] = []
        self.rects: list[dict[str, Any]] = []
        self.curves: list[dict[str, Any]] = []
        self._matrix = pdfium_c.FS_MATRIX()
        self._matrix_ref = ctypes.byref(self._matrix)
        self._x, self._y = ctypes.c_float(), ctypes.c_float()
        self._xy_refs = (ctypes.byref(self._x), ctypes.byref(self._y))
        self._fill, self._stroke = ctypes.c_int(), ctypes.c_int()
        self._mode_refs = (ctypes.byref(self._fill), ctypes.byref(self._stroke))
        self._rgba = [ctypes.c_uint() for _ in range(4)]
        self._rgba_refs = [ctypes.byref(v) for v in self._rgba]

    def walk(self, raw_page: Any) -> Graphics:
        """Visit every object (form XObjects entered); fill the image area, edges and fills."""
        page = calls.address(raw_page)
        count = calls.count_page_objects(page)
        self._visit([calls.page_object(page, i) for i in range(count)], None)
        # page.edges: one edge per line, four per rect and one per curve segment, in that order.
        self.edges = [line_to_edge(obj) for obj in self.lines]
        self.edges += [edge for obj in self.rects for edge in rect_to_edges(obj)]
        self.edges += [edge for obj in self.curves for edge in curve_to_edges(obj)]
        self.rulings = len(self.lines) + len(self.rects) + len(self.edges)
        return self

    def _visit(self, objects: list[int | None], parent: Matrix | None) -> None:
        for obj in objects:
            kind = calls.object_type(obj)
            if kind == _FORM:
                matrix = self._object_matrix(obj, parent)
                count = calls.count_form_objects(obj)
                self._visit([calls.form_object(obj, i) for i in range(count)], matrix)
            elif kind == _IMAGE:
                self._image(obj, parent)
            elif kind == _PATH:
                self._path(obj, parent)

    def _object_matrix(self, obj: int | None, parent: Matrix | None) -> Matrix:
        m = self._matrix
        calls.object_matrix(obj, self._matrix_ref)
        own = (m.a, m.b, m.c, m.d, m.e, m.f)
        return own if parent is None else multiply(own, parent)

    def _image(self, obj: int | None, parent: Matrix | None) -> None:
        # An image fills the unit square of its matrix (PDF reference 4.8.3).
        matrix = self._object_matrix(obj, None)
        corners = [apply(matrix, (x, y)) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
        if parent is not None:
            corners = [apply(parent, pt) for pt in corners]
        points = [self.space.point(x, y) for x, y in corners]
        xs, tops = [p[0] for p in points], [p[1] for p in points]
        self.image_area += (max(xs) - min(xs)) * (max(tops) - min(tops))

    def _path(self, obj: int | None, parent: Matrix | None) -> None:
        calls.draw_mode(obj, *self._mode_refs)
        fill, stroke = self._fill.value, self._stroke.value
        if not fill and not stroke:
            return  # a clipping path: pdfminer paints nothing for it
        matrix = self._object_matrix(obj, parent)
        coloured = fill and self._coloured(obj)
        for shape, pts in self._subpaths(obj, matrix):
            if coloured and len(pts) >= 4:
                xs, tops = [p[0] for p in pts], [p[1] for p in pts]
                self.fills.append((min(xs), min(tops), max(xs), max(tops)))
            self._shape(shape, pts)

    def _coloured(self, obj: int | None) -> bool:
        """Whether a path is filled with a visible colour other than white (a shaded cell)."""
        if not calls.fill_colour(obj, *self._rgba_refs):
            return False
        r, g, b, a = (v.value for v in self._rgba)
        return a > 0 and r + g + b < 3 * 235

    def _subpaths(self, obj: int | None, matrix: Matrix) -> list[tuple[str, list[Point]]]:
        """The path as pdfminer's operator letters and end points (on the page), per subpath."""
        subpaths: list[tuple[str, list[Point]]] = []
        ops: list[str] = []
        points: list[Point] = []
        bezier = 0
        x, y = self._x, self._y
        x_ref, y_ref = self._xy_refs
        # The object's matrix, then Space.point, written out: the same arithmetic, in order.
        a, b, c, d, e, f = matrix
        sa, sb, sc, sd, se, sf = self.space.matrix
        mb_x0, mb_top, height = self.space.mb_x0, self.space.mb_top, self.space.height
        segment_type, segment_point = calls.segment_type, calls.segment_point
        segment_closes, path_segment = calls.segment_closes, calls.path_segment
        for i in range(calls.count_segments(obj)):
            segment = path_segment(obj, i)
            kind = segment_type(segment)
            if kind == _BEZIERTO:
                # PDFium stores a curve as three points; pdfminer keeps only where it ends.
                bezier += 1
                if bezier % 3:
                    continue
            segment_point(segment, x_ref, y_ref)
            px, py = x.value, y.value
            ux, uy = a * px + c * py + e, b * px + d * py + f
            point = (sa * ux + sc * uy + se + mb_x0, height - (sb * ux + sd * uy + sf) + mb_top)
            if kind == _MOVETO:
                if ops:
                    subpaths.append(("".join(ops), points))
                ops, points, bezier = ["m"], [point], 0
            else:
                ops.append("c" if kind == _BEZIERTO else "l")
                points.append(point)
            if segment_closes(segment) and points:
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
