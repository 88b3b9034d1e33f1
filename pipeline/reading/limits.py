"""Limits that keep one hostile or unlucky PDF from hanging a worker or exhausting its memory.

`check_pdf` looks at a PDF's object graph before anything renders or parses its pages: the page
count, each page's size, the decompressed size of every stream a page's reading decodes, and
the form XObjects and tiling patterns each page draws — one that draws itself (a resource
loop) or a tree of forms drawn millions of times would keep PDFium busy in C code, beyond the
reach of any signal.
Each breach is a `LimitError` with the reason, one errors.csv row; nothing is decoded in full.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFObjRef, PDFStream, resolve1
from pdfminer.psparser import PSLiteral

from pipeline.errors import LimitError

# PDF points per inch.
_POINTS = 72


@dataclass(frozen=True, slots=True)
class Limits:
    """The bounds one file must stay within (the defaults suit municipal documents)."""

    max_pages: int = 5000
    max_page_inches: float = 200.0  # a side of a page; A0 is 47 inches, a long plan ~120
    max_stream_bytes: int = 128 << 20  # one decompressed stream
    max_file_stream_bytes: int = 512 << 20  # all streams a file's pages decode, together
    max_form_draws: int = 10_000  # form XObjects drawn on one page, nested draws counted
    max_text_bytes: int = 64 << 20  # a TXT or HTML file
    max_ocr_pixels: int = 40_000_000  # a page rendered for OCR (A4 at 200 dpi is 3.9 million)
    max_image_pixels: int = 300_000_000  # an image's declared size (A0 at 600 dpi is 290 million)


LIMITS = Limits()
# `/Name Do` (a form or image drawn), `/Name scn` (a pattern painted) or `/Name gs` (a graphics
# state, which may hold a soft mask drawn as a form) in a content stream.
_PAINT = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*(Do|scn|SCN|gs)\b")
_CHUNK = 1 << 16


def check_pdf(doc: PDFDocument, limits: Limits = LIMITS) -> None:
    """Raise LimitError when a (pdfminer) PDF breaks a limit; read nothing but its structure."""
    pages = list(islice(PDFPage.create_pages(doc), limits.max_pages + 1))
    if len(pages) > limits.max_pages:
        raise LimitError(f"more than {limits.max_pages} pages (the limit per file)")
    budget = _StreamBudget(limits)
    for number, page in enumerate(pages, start=1):
        _check_size(page, number, limits)
        for stream in _contents(page):
            budget.check(stream, f"page {number}")
        forms = _Forms(budget, limits, number)
        forms.draws_of(page.resources, _contents(page), ())
        for appearance in _appearances(page):
            forms.drawn(appearance, ())  # PDFium draws annotations with the page


def ocr_scale(width: float, height: float, dpi: float, limits: Limits = LIMITS) -> float:
    """Pixels per point to render a page for OCR: `dpi`, less where that passes the pixel cap."""
    scale = dpi / _POINTS
    pixels = width * height * scale * scale
    if pixels > limits.max_ocr_pixels:
        scale *= (limits.max_ocr_pixels / pixels) ** 0.5
    return scale


def _check_size(page: PDFPage, number: int, limits: Limits) -> None:
    box = page.mediabox or (0, 0, 0, 0)
    width, height = (abs(float(box[2]) - float(box[0])), abs(float(box[3]) - float(box[1])))
    side = max(width, height) / _POINTS
    if side > limits.max_page_inches:
        raise LimitError(
            f"page {number} is {width / _POINTS:.0f} × {height / _POINTS:.0f} inches "
            f"(the limit is {limits.max_page_inches:g} inches a side)"
        )


def _contents(page: PDFPage) -> list[PDFStream]:
    return [s for s in (resolve1(c) for c in page.contents) if isinstance(s, PDFStream)]


class _StreamBudget:
    """Decompressed sizes of the streams seen so far, each counted once."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.total = 0
        self.seen: set[int] = set()

    def check(self, stream: PDFStream, where: str) -> None:
        if id(stream) in self.seen:
            return
        self.seen.add(id(stream))
        size = decoded_size(stream, self.limits.max_stream_bytes)
        name = f"stream {stream.objid} 0 R" if stream.objid else "a content stream"
        if size > self.limits.max_stream_bytes:
            raise LimitError(
                f"{name} ({where}) decompresses to more than "
                f"{_mib(self.limits.max_stream_bytes)} (a decompression bomb?)"
            )
        self.total += size
        if self.total > self.limits.max_file_stream_bytes:
            raise LimitError(
                f"the streams decompress to more than {_mib(self.limits.max_file_stream_bytes)} "
                f"in all (the limit per file; reached at {where})"
            )


def decoded_size(stream: PDFStream, limit: int) -> int:
    """Bytes a stream's Flate filters give (counting stops past `limit`); others count as raw."""
    if stream.data is not None:
        return len(stream.data)
    filters = [f for f, _ in stream.get_filters()]
    flate = 0
    for f in filters:
        if f not in LITERALS_FLATE_DECODE:
            break
        flate += 1
    if not flate or stream.decipher:
        return len(stream.rawdata or b"")
    size = 0
    for chunk in _inflate(stream.rawdata or b"", flate, limit):
        size += len(chunk)
        if size > limit:
            break
    return size


def _inflate(data: bytes, layers: int, limit: int) -> Iterator[bytes]:
    """The output of `layers` chained Flate decoders, a bounded chunk at a time."""
    chunks: Iterator[bytes] = iter([data])
    for _ in range(layers):
        chunks = _inflate_one(chunks, limit)
    return chunks


def _inflate_one(chunks: Iterator[bytes], limit: int) -> Iterator[bytes]:
    decoder = zlib.decompressobj()
    produced = 0
    try:
        for chunk in chunks:
            pending = chunk
            while pending and produced <= limit:
                out = decoder.decompress(pending, _CHUNK)
                produced += len(out)
                pending = decoder.unconsumed_tail
                if out:
                    yield out
            if produced > limit or decoder.eof:
                return
    except zlib.error:
        return  # a damaged stream: pdfminer decodes what it can, as before


class _Forms:
    """Forms, tiling patterns, soft masks and annotation appearances drawn on one page: loops
    found, nested draws counted (memoised per object)."""

    def __init__(self, budget: _StreamBudget, limits: Limits, page: int) -> None:
        self.budget = budget
        self.limits = limits
        self.page = page
        self.draws: dict[int, int] = {}

    def draws_of(self, resources: Any, contents: list[PDFStream], stack: tuple[int, ...]) -> int:
        """Forms and patterns drawn by `contents` with `resources`, nested ones included."""
        resources = resolve1(resources) or {}
        kinds = {b"Do": "XObject", b"scn": "Pattern", b"SCN": "Pattern", b"gs": "ExtGState"}
        named = {kind: resolve1(resources.get(kind)) or {} for kind in set(kinds.values())}
        for font in _font_streams(resolve1(resources.get("Font")) or {}):
            self.budget.check(font, f"page {self.page}")  # pdfminer decodes them for the text
        total = 0
        for stream in contents:
            for name, operator in _PAINT.findall(_data(stream)):
                ref = named[kinds[operator]].get(name.decode("latin-1"))
                if operator == b"gs":  # a graphics state's soft mask is a form drawn
                    mask = resolve1((resolve1(ref) or {}).get("SMask"))
                    ref = mask.get("G") if isinstance(mask, dict) else None
                total += self.drawn(ref, stack)
                if total > self.limits.max_form_draws:
                    raise LimitError(
                        f"page {self.page} draws its form XObjects more than "
                        f"{self.limits.max_form_draws} times (nested forms)"
                    )
        return total

    def drawn(self, ref: Any, stack: tuple[int, ...]) -> int:
        """Forms drawn when `ref` is drawn inside the forms of `stack`: 1 + its nested ones."""
        key = ref.objid if isinstance(ref, PDFObjRef) else id(ref)
        drawn = resolve1(ref)
        kind = _kind(drawn)
        if kind == "image":
            self._check_image(drawn, key)
            return 0
        if kind is None:
            return 0
        if key in stack:
            raise LimitError(f"page {self.page}: {kind} {key} 0 R draws itself (a resource loop)")
        if key not in self.draws:
            self.budget.check(drawn, f"page {self.page}")
            self.draws[key] = 1 + self.draws_of(drawn.get("Resources"), [drawn], (*stack, key))
        return self.draws[key]

    def _check_image(self, image: PDFStream, key: int) -> None:
        """An image PDFium would decode into a bitmap of its declared size when rendering."""
        width, height = (resolve1(image.get(name)) for name in ("Width", "Height"))
        if not (isinstance(width, int) and isinstance(height, int)):
            return
        if width * height > self.limits.max_image_pixels:
            raise LimitError(
                f"page {self.page}: image {key} 0 R is {width} × {height} pixels "
                f"(the limit is {self.limits.max_image_pixels // 1_000_000} million)"
            )


def _appearances(page: PDFPage) -> list[Any]:
    """References to the appearance streams of a page's annotations (normal, rollover, down)."""
    found: list[Any] = []
    for annot in (resolve1(a) for a in resolve1(page.annots) or []):
        if not isinstance(annot, dict):
            continue
        for state in (resolve1(v) for v in (resolve1(annot.get("AP")) or {}).values()):
            # An appearance is a stream, or a dictionary of streams by state (on / off).
            found.extend(state.values() if isinstance(state, dict) else [state])
    return found


def _font_streams(fonts: dict[str, Any]) -> list[PDFStream]:
    """The streams pdfminer decodes for a page's fonts: ToUnicode maps and embedded font files."""
    found: list[PDFStream] = []
    for font in (resolve1(f) for f in fonts.values()):
        if not isinstance(font, dict):
            continue
        parts = [font, *(resolve1(d) for d in resolve1(font.get("DescendantFonts")) or [])]
        for part in (p for p in parts if isinstance(p, dict)):
            descriptor = resolve1(part.get("FontDescriptor")) or {}
            for value in (
                part.get("ToUnicode"),
                *(descriptor.get(k) for k in ("FontFile", "FontFile2", "FontFile3")),
            ):
                if isinstance(resolve1(value), PDFStream):
                    found.append(resolve1(value))
    return found


def _kind(obj: Any) -> str | None:
    """ "form XObject", "tiling pattern" (content of their own) or "image"; else None."""
    if not isinstance(obj, PDFStream):
        return None
    subtype = resolve1(obj.get("Subtype"))
    if isinstance(subtype, PSLiteral) and subtype.name == "Form":
        return "form XObject"
    if isinstance(subtype, PSLiteral) and subtype.name == "Image":
        return "image"
    if resolve1(obj.get("PatternType")) == 1:
        return "tiling pattern"
    return None


def _data(stream: PDFStream) -> bytes:
    """A stream's decoded bytes (its size was checked first); empty when it cannot be decoded."""
    try:
        return stream.get_data()
    except Exception:  # pdfminer raises many types on damaged streams; reading reports them
        return b""


def _mib(size: int) -> str:
    return f"{size >> 20} MiB"
