"""PDF pages as images for the review site: rendered once with pypdfium2, reused on re-runs.

Images live in `SITE/pages/<document_id>/<n>.png` beside `pages.json` (each page's size in PDF
points, which the boxes are drawn in). The folder is named by the document ID, which comes
from the file's SHA-256, so existing images are of that very content and are reused as they
are; before rendering, the PDF at `source_path` is hashed and must match the run's
`source_sha256`.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.outputs.export import atomic_write_text
from pipeline.reading.discover import sha256_of
from pipeline.reading.limits import ocr_scale
from schemas.records import Document
from schemas.vocab import SourceFormat

DPI = 110  # readable on screen at the page's width, ~150 kB a text page
PAGES_DIR = "pages"
_SIZES = "pages.json"


@dataclass(frozen=True, slots=True)
class PageImage:
    """One rendered page: its image (relative to the site) and size in PDF points."""

    number: int
    src: str
    width: float
    height: float


@dataclass(slots=True)
class PageImages:
    """A document's page images, or why it has none."""

    pages: dict[int, PageImage] = field(default_factory=dict)
    reason: str | None = None
    rendered: int = 0  # images written now (0 when all were reused)


def safe_name(document_id: str) -> str:
    """A document ID as a file name (IDs are hex; anything else is replaced)."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", document_id) or "_"


def page_images(document: Document, site: Path) -> PageImages:
    """The document's pages as images under `site`: reused when present, else rendered."""
    if document.source_format is not SourceFormat.PDF:
        return PageImages(reason=f"a {document.source_format.value} file has no pages to show")
    name = safe_name(document.document_id)
    folder = site / PAGES_DIR / name
    reused = _existing(folder, name)
    if reused is not None:
        return PageImages(reused)
    source = Path(document.source_path)
    source = source if source.is_absolute() else Path.cwd() / source
    if not source.is_file():
        return PageImages(reason=f"the PDF is not at {document.source_path} (moved or deleted?)")
    try:
        if sha256_of(source) != document.source_sha256:
            return PageImages(reason=f"the PDF at {document.source_path} has changed since the run")
        return _render(source, folder, name)
    except Exception as exc:  # one unrenderable PDF never stops the site
        reason = " ".join(str(exc).split())[:200]
        return PageImages(reason=f"the PDF could not be rendered: {type(exc).__name__}: {reason}")


def _existing(folder: Path, name: str) -> dict[int, PageImage] | None:
    """The pages rendered by an earlier review, if all of them are there."""
    try:
        sizes = json.loads((folder / _SIZES).read_text(encoding="utf-8"))
        pages = {
            int(n): PageImage(int(n), f"{PAGES_DIR}/{name}/{int(n)}.png", float(w), float(h))
            for n, (w, h) in sizes.items()
        }
    except (OSError, ValueError, TypeError):
        return None
    if all((folder / f"{n}.png").is_file() for n in pages):
        return pages
    return None


def _render(source: Path, folder: Path, name: str) -> PageImages:
    """Render every page to PNG (each written atomically), then record the sizes."""
    import pypdfium2

    folder.mkdir(parents=True, exist_ok=True)
    result = PageImages()
    pdf = pypdfium2.PdfDocument(str(source))
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                width, height = page.get_width(), page.get_height()
                image = page.render(scale=ocr_scale(width, height, DPI)).to_pil()
            finally:
                page.close()
            number = index + 1
            fd, tmp = tempfile.mkstemp(prefix=f".{number}.", suffix=".png.tmp", dir=folder)
            os.close(fd)
            try:
                image.save(tmp, format="PNG")
                os.chmod(tmp, 0o644)
                os.replace(tmp, folder / f"{number}.png")
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            result.pages[number] = PageImage(
                number, f"{PAGES_DIR}/{name}/{number}.png", width, height
            )
            result.rendered += 1
    finally:
        pdf.close()
    sizes = {str(n): [p.width, p.height] for n, p in result.pages.items()}
    atomic_write_text(folder / _SIZES, json.dumps(sizes) + "\n")
    return result
