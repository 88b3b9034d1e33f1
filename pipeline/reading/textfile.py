"""Plain text and HTML files as text: the encoding found, control characters dropped, size bounded,
and the text as pages of lines (form feeds split pages; HTML blocks are lines).

Municipal text exports come as UTF-8, as UTF-16 with a byte order mark (Windows "Unicode"), or
as Windows-1252/Latin-1 from older systems. A file that is not valid UTF-8 is read as
Windows-1252 (Latin-1 for the five bytes it leaves undefined) with a warning naming it, so a `§`
is never lost to a replacement character.
"""

from __future__ import annotations

import codecs
import html
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

from pipeline.errors import LimitError
from pipeline.reading.limits import LIMITS
from schemas.source import Line, Page

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# NUL and the other C0/C1 controls; tab, newlines and form feed (a page break) stay.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def has_bom(head: bytes) -> bool:
    """Whether the bytes start with a Unicode byte order mark."""
    return any(head.startswith(bom) for bom, _, _ in _BOMS)


def decode(data: bytes) -> tuple[str, str | None]:
    """The text of `data` with control characters removed, and a warning when it is not UTF-8."""
    text, name = _decode(data)
    cleaned = _CONTROLS.sub("", text)
    notes = []
    if name != "UTF-8":
        notes.append(f"the text file is not UTF-8: read as {name}")
    if len(cleaned) != len(text):
        notes.append(f"{len(text) - len(cleaned)} control character(s) such as NUL removed")
    return cleaned, "; ".join(notes) or None


def read_text(path: Path) -> tuple[str, str | None]:
    """A text or HTML file's text (see `decode`); LimitError when it is too big to read whole."""
    size = path.stat().st_size
    if size > LIMITS.max_text_bytes:
        raise LimitError(
            f"the text file has {size} bytes, more than the {LIMITS.max_text_bytes >> 20} MiB "
            "limit (split it into smaller files)"
        )
    return decode(path.read_bytes())


def _decode(data: bytes) -> tuple[str, str]:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), name
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    # cp1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; Latin-1 maps them to controls,
    # which are then removed.
    text = "".join(
        chunk.decode("cp1252", errors="strict") if _cp1252(chunk) else chunk.decode("latin-1")
        for chunk in re.split(rb"([\x81\x8d\x8f\x90\x9d])", data)
    )
    return text, "Windows-1252 (Latin-1)"


def _cp1252(chunk: bytes) -> bool:
    return not (len(chunk) == 1 and chunk[0] in (0x81, 0x8D, 0x8F, 0x90, 0x9D))


def text_pages(text: str) -> list[Page]:
    """Plain text as pages (split at form feeds), one line per text line."""
    pages: list[Page] = []
    for number, chunk in enumerate(text.split("\f"), start=1):
        lines = [
            Line(text=t.strip(), x0=0.0, top=12.0 * i, x1=float(len(t)), bottom=12.0 * i + 10)
            for i, t in enumerate(chunk.splitlines())
            if t.strip()
        ]
        pages.append(Page(number=number, width=595.0, height=842.0, lines=lines))
    return [p for p in pages if p.lines] or pages[:1]


class _TextCollector(HTMLParser):
    _BLOCK: ClassVar[frozenset[str]] = frozenset(
        {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("   ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(raw: str) -> str:
    """The visible text of an HTML page, blocks on lines of their own."""
    parser = _TextCollector()
    parser.feed(raw)
    text = html.unescape("".join(parser.parts))
    return re.sub(r"[ \t]*\n\s*\n+", "\n\n", text)
