"""One pass over a pdfplumber page's pdfminer layout: words, image cover and ruling count.

pdfplumber turns every layout object into a dict of some twenty resolved attributes before it
can find words; on text-heavy pages that conversion costs about a third of reading. The words,
the share of the page covered by images and the number of ruling segments need only a few
attributes, so they are taken from the layout directly, with pdfplumber's own arithmetic and
word extractor: the words are the ones `page.extract_words()` gives. pdfplumber's full objects
are built only for pages whose rulings make them worth a table search.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from unicodedata import normalize

from pdfminer.layout import LTAnno, LTChar, LTComponent, LTContainer, LTCurve, LTImage
from pdfplumber.page import fix_fontname_bytes
from pdfplumber.table import Table, TableSettings
from pdfplumber.utils.geometry import curve_to_edges, filter_edges, line_to_edge, rect_to_edges
from pdfplumber.utils.pdfinternals import resolve_all
from pdfplumber.utils.text import WordExtractor

# Attributes of each word beyond its box (font name and size tell headings and bold labels).
WORD_ATTRS = ("fontname", "size")
# The minimum edge length of pdfplumber's "lines" table strategy.
_PREFILTER = TableSettings().edge_min_length_prefilter


@dataclass(slots=True)
class PageObjects:
    """What the reader needs from one page, gathered in one walk over its layout."""

    words: list[dict[str, Any]]
    image_area: float  # sum of the images' areas, in square points
    rulings: int  # lines + rects + edges, as pdfplumber would count them
    graphics: list[LTCurve]  # the lines, rects and curves, in layout order
    fills: list[tuple[float, float, float, float]] = field(default_factory=list)  # coloured


def page_objects(page: Any) -> PageObjects:
    """Words (as `page.extract_words(extra_attrs=["fontname", "size"])`), image area, rulings."""
    chars: list[dict[str, Any]] = []
    image_area = 0.0
    graphics: list[LTCurve] = []
    lines = rects = curve_edges = 0
    height, norm = page.height, page.pdf.unicode_norm
    mb_x0, mb_top = page.mediabox[:2]
    doctop0 = page.initial_doctop
    for obj in _leaves(page.layout):
        if isinstance(obj, LTChar):
            char = _char(obj, height, mb_x0, mb_top, doctop0)
            if norm is not None:
                char["text"] = normalize(norm, char["text"])
            chars.append(char)
        elif isinstance(obj, LTImage):
            image_area += max(0.0, obj.x1 - obj.x0) * max(0.0, obj.y1 - obj.y0)
        elif isinstance(obj, LTCurve):
            graphics.append(obj)
            # pdfplumber names objects by class: LTLine → line, LTRect → rect, else curve.
            kind = type(obj).__name__
            if kind == "LTLine":
                lines += 1
            elif kind == "LTRect":
                rects += 1
            else:
                curve_edges += max(0, len(obj.pts) - 1)
    # page.edges holds one edge per line, four per rect and one per curve segment.
    rulings = lines + rects + (lines + 4 * rects + curve_edges)
    words = WordExtractor(extra_attrs=list(WORD_ATTRS)).extract_words(chars)
    fills = [_top_box(obj, height, mb_top) for obj in graphics if _coloured(obj)]
    return PageObjects(
        words=words, image_area=image_area, rulings=rulings, graphics=graphics, fills=fills
    )


def _coloured(obj: LTCurve) -> bool:
    """A filled shape of a visible colour other than white (a shaded cell)."""
    if not obj.fill:
        return False
    colour = obj.non_stroking_color
    if colour is None:
        return True  # the default fill colour is black
    raw: list[Any] = list(colour) if isinstance(colour, (list, tuple)) else [colour]
    if not all(isinstance(v, (int, float)) for v in raw):
        return False  # a pattern: not a plain shade
    values = [float(v) for v in raw]
    if len(values) == 4:  # CMYK: white is no ink at all
        return sum(values) > 0.08
    return sum(values) / len(values) < 235 / 255


def _top_box(obj: LTCurve, height: float, mb_top: float) -> tuple[float, float, float, float]:
    """The shape's box from the page's top-left, as pdfplumber measures it."""
    return (obj.x0, (height - obj.y1) + mb_top, obj.x1, (height - obj.y0) + mb_top)


def find_tables(page: Any, objects: PageObjects) -> list[Table]:
    """`page.find_tables()` from the ruling edges alone, without converting every char.

    pdfplumber's default strategy takes the page's edges of at least 1 pt; handing the same
    edges, in the same order, to its "explicit" strategy gives the same tables.
    """
    converted = [page.process_object(obj) for obj in objects.graphics]
    by_kind: dict[str, list[dict[str, Any]]] = {"line": [], "rect": [], "curve": []}
    for obj in converted:
        by_kind[obj["object_type"]].append(obj)
    # The order of pdfplumber's `page.edges`: line edges, then rect edges, then curve edges.
    edges = [line_to_edge(obj) for obj in by_kind["line"]]
    edges += [edge for obj in by_kind["rect"] for edge in rect_to_edges(obj)]
    edges += [edge for obj in by_kind["curve"] for edge in curve_to_edges(obj)]
    vertical = filter_edges(edges, "v", min_length=_PREFILTER)
    horizontal = filter_edges(edges, "h", min_length=_PREFILTER)
    if len(vertical) < 2 or len(horizontal) < 2:
        return []  # a cell needs two edges each way (and the explicit strategy insists on it)
    settings = {
        "vertical_strategy": "explicit",
        "horizontal_strategy": "explicit",
        "explicit_vertical_lines": vertical,
        "explicit_horizontal_lines": horizontal,
    }
    tables: list[Table] = page.find_tables(settings)
    return tables


def _leaves(container: Any) -> Iterator[LTComponent]:
    """Layout objects in pdfplumber's order: containers (figures) are entered, not yielded."""
    for obj in container:
        if isinstance(obj, LTContainer):
            yield from _leaves(obj)
        elif not isinstance(obj, LTAnno):
            yield obj


def _char(
    obj: LTChar, height: float, mb_x0: float, mb_top: float, doctop0: float
) -> dict[str, Any]:
    """The char attributes pdfplumber's word extractor reads, computed as pdfplumber does."""
    fontname = resolve_all(obj.fontname)
    if isinstance(fontname, bytes):  # rare byte-encoded font names, decoded as pdfplumber does
        fontname = fix_fontname_bytes(fontname)
    top = (height - obj.y1) + mb_top
    x0, x1 = obj.x0, obj.x1
    if mb_x0 != 0:
        x0, x1 = x0 + mb_x0, x1 + mb_x0
    return {
        "text": obj.get_text(),
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": (height - obj.y0) + mb_top,
        "doctop": doctop0 + top,
        "width": obj.width,
        "height": obj.height,
        "upright": obj.upright,
        "fontname": fontname,
        "size": obj.size,
    }
