"""PDFium's C functions that the reader calls per character or per path segment, bound to take
and return plain addresses.

pypdfium2's bindings type every handle as a pointer class, so each call converts its arguments
and wraps what it returns; with hundreds of thousands of calls per document that conversion cost
more than PDFium's own work. These are the same C functions, given `c_void_p` handles (ints),
and called without releasing the GIL: each returns within microseconds, and letting the GIL go
and taking it back was a seventh of a call's cost.
"""

from __future__ import annotations

import ctypes
from typing import Any, cast

import pypdfium2.raw as pdfium_c

_ADDRESS, _INT = ctypes.c_void_p, ctypes.c_int


def bind(function: Any, restype: Any, *argtypes: Any) -> Any:
    """`function` (one of pypdfium2.raw's) with the given C types: handles as plain addresses."""
    address = cast(int, ctypes.cast(function, ctypes.c_void_p).value)
    return ctypes.PYFUNCTYPE(restype, *argtypes)(address)


def address(handle: Any) -> int:
    """The address a pypdfium2 handle (a ctypes pointer) points to."""
    return cast(int, ctypes.cast(handle, ctypes.c_void_p).value)


# Text page: (text page, character index, out pointers…).
text_object = bind(pdfium_c.FPDFText_GetTextObject, _ADDRESS, _ADDRESS, _INT)
loose_char_box = bind(pdfium_c.FPDFText_GetLooseCharBox, _INT, _ADDRESS, _INT, _ADDRESS)
char_origin = bind(pdfium_c.FPDFText_GetCharOrigin, _INT, _ADDRESS, _INT, _ADDRESS, _ADDRESS)
generated = bind(pdfium_c.FPDFText_IsGenerated, _INT, _ADDRESS, _INT)
char_matrix = bind(pdfium_c.FPDFText_GetMatrix, _INT, _ADDRESS, _INT, _ADDRESS)
font_size = bind(pdfium_c.FPDFText_GetFontSize, ctypes.c_double, _ADDRESS, _INT)
font_info = bind(
    pdfium_c.FPDFText_GetFontInfo,
    ctypes.c_ulong,
    _ADDRESS,
    _INT,
    _ADDRESS,
    ctypes.c_ulong,
    _ADDRESS,
)

# Page objects: (page, index), (form, index), (object, out pointers…).
object_font = bind(pdfium_c.FPDFTextObj_GetFont, _ADDRESS, _ADDRESS)
page_object = bind(pdfium_c.FPDFPage_GetObject, _ADDRESS, _ADDRESS, _INT)
count_page_objects = bind(pdfium_c.FPDFPage_CountObjects, _INT, _ADDRESS)
form_object = bind(pdfium_c.FPDFFormObj_GetObject, _ADDRESS, _ADDRESS, ctypes.c_ulong)
count_form_objects = bind(pdfium_c.FPDFFormObj_CountObjects, _INT, _ADDRESS)
object_type = bind(pdfium_c.FPDFPageObj_GetType, _INT, _ADDRESS)
object_matrix = bind(pdfium_c.FPDFPageObj_GetMatrix, _INT, _ADDRESS, _ADDRESS)
fill_colour = bind(
    pdfium_c.FPDFPageObj_GetFillColor, _INT, _ADDRESS, _ADDRESS, _ADDRESS, _ADDRESS, _ADDRESS
)
draw_mode = bind(pdfium_c.FPDFPath_GetDrawMode, _INT, _ADDRESS, _ADDRESS, _ADDRESS)

# Path segments: (path, index), then (segment, out pointers…).
count_segments = bind(pdfium_c.FPDFPath_CountSegments, _INT, _ADDRESS)
path_segment = bind(pdfium_c.FPDFPath_GetPathSegment, _ADDRESS, _ADDRESS, _INT)
segment_type = bind(pdfium_c.FPDFPathSegment_GetType, _INT, _ADDRESS)
segment_point = bind(pdfium_c.FPDFPathSegment_GetPoint, _INT, _ADDRESS, _ADDRESS, _ADDRESS)
segment_closes = bind(pdfium_c.FPDFPathSegment_GetClose, _INT, _ADDRESS)
