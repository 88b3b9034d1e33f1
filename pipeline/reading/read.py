"""Read PDF (PDFium or pdfplumber, OCR where no text), TXT and HTML into a `SourceDocument`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFParser, PDFSyntaxError
from pdfplumber.table import Table as FoundTable

from pipeline.errors import (
    EmptyDocumentError,
    EncryptedDocumentError,
    LimitError,
    ReadError,
    UnsupportedFormatError,
)
from pipeline.reading import limits, ocr, ocr_shelf, pdfium_reader, textfile
from pipeline.reading.discover import sha256_of
from pipeline.reading.lines import lines_from_words
from pipeline.reading.pdfpage import PageObjects, find_tables, page_objects
from schemas.source import Page, SourceDocument, Table, TableCell
from schemas.vocab import SourceFormat

# Pages with at least this many ruling segments are searched for tables.
_MIN_RULINGS = 4


def sniff_format(path: Path) -> SourceFormat:
    """Decide the format from the file's first bytes, not its suffix."""
    with path.open("rb") as fh:
        head = fh.read(1024)
    if not head.strip():
        raise EmptyDocumentError("file is empty")
    if head.lstrip().startswith(b"%PDF") or b"%PDF-" in head:
        return SourceFormat.PDF
    if textfile.has_bom(head):
        # UTF-16 text is half NUL bytes: look at it as text, not as bytes.
        head = textfile.decode(head)[0].encode("utf-8")
    lowered = head.lower()
    is_html = b"<html" in lowered or b"<!doctype html" in lowered or b"<body" in lowered
    if path.suffix.lower() == ".pdf":
        # A file that claims to be a PDF but is not is almost always a failed download
        # (an HTML error page, a login form): reading it as text would hide the problem.
        what = "an HTML page" if is_html else f"content starting {head[:8]!r}"
        raise UnsupportedFormatError(f"not a PDF despite its .pdf suffix: {what}")
    if is_html:
        return SourceFormat.HTML
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        if _looks_binary(head):
            raise UnsupportedFormatError(
                f"not a PDF, HTML or text file (starts with {head[:8]!r})"
            ) from None
    return SourceFormat.TXT


def _looks_binary(head: bytes) -> bool:
    printable = sum(1 for b in head if 32 <= b < 127 or b in (9, 10, 13) or b >= 0xC0)
    return printable < 0.85 * len(head)


def read_document(
    path: Path,
    *,
    password: str | None = None,
    ocr_lang: str = "fin+swe",
    reader: str = "pdfium",
    ocr_workers: int = 1,
) -> SourceDocument:
    """Read one file into a SourceDocument (pages of raw lines and tables; not yet cleaned).

    `reader` "pdfium" reads PDFs with PDFium, "pdfplumber" with pdfplumber alone (slower; the
    lines and tables are the same but for a few spaces, see tests/test_readers.py); up to
    `ocr_workers` scanned pages are OCR'd at once.
    """
    if path.stat().st_size == 0:
        raise EmptyDocumentError("file is empty (0 bytes)")
    fmt = sniff_format(path)
    doc = SourceDocument(path=str(path), sha256=sha256_of(path), format=fmt)
    if fmt is SourceFormat.PDF:
        _read_pdf(path, doc, password=password, ocr_lang=ocr_lang, reader=reader, jobs=ocr_workers)
    else:
        raw, warning = textfile.read_text(path)
        doc.warnings.extend([warning] if warning else [])
        text = textfile.html_to_text(raw) if fmt is SourceFormat.HTML else raw
        doc.pages = textfile.text_pages(text)
    if not doc.pages:
        raise EmptyDocumentError("document has no pages")
    if not any(line.text.strip() for page in doc.pages for line in page.lines):
        # Nothing to extract from; say why when OCR could not run (the usual cause).
        why = "; ".join(doc.warnings) or "no text layer and OCR found no text"
        raise EmptyDocumentError(f"no text in the document: {why}")
    return doc


def _read_pdf(
    path: Path, doc: SourceDocument, *, password: str | None, ocr_lang: str, reader: str, jobs: int
) -> None:
    if reader == "pdfium":
        if not ocr_shelf.limits_checked(path):  # the batch's process ahead may have done it
            check_limits(path, password)
        # Tesseract reads the scanned pages while PDFium reads the rest of the file.
        with ocr.PageOcr(jobs, path, password) as queue:
            scanned = _read_pdfium(path, doc, password, queue, ocr_lang)
            if scanned is not None:
                if scanned:
                    _use_ocr(doc, scanned, queue.results(_ocr_language(doc, scanned, ocr_lang)))
                return
    scanned = _read_pdfplumber(path, doc, password)
    if scanned:
        _ocr(path, doc, scanned, ocr_lang, jobs)


def _read_pdfium(
    path: Path, doc: SourceDocument, password: str | None, queue: ocr.PageOcr, ocr_lang: str
) -> list[Page] | None:
    """The pages read with PDFium and those to OCR, handed to `queue` as they come; None when
    PDFium cannot read the file, so that pdfplumber reads it (and says why it is unreadable, as
    it always has)."""
    scanned: list[Page] = []
    try:
        pdf = pdfium_reader.open_pdf(path, password)
    except pdfium_reader.PdfiumError:
        return None
    try:
        pages: list[Page] = []
        text: list[str] = []  # the text layer so far, to settle the OCR language early
        watch = ocr.LanguageWatch(ocr_lang)
        for number, (objects, page) in enumerate(pdfium_reader.read_pages(pdf), start=1):
            out = Page(number=number, width=objects.width, height=objects.height)
            out.lines = lines_from_words(objects.words)
            if objects.rulings >= _MIN_RULINGS:
                found = pdfium_reader.find_tables(objects)
                out.tables = _tables(objects.words, found, objects.fills)
            pages.append(out)
            if _needs_ocr(out, objects):
                scanned.append(out)
                queue.add(page, number - 1)
            else:
                text += [line.text for line in out.lines]
            if scanned and queue.language is None and (lang := watch.see(text)) is not None:
                queue.settle(lang)
        if not pages:
            return None
        doc.metadata = pdfium_reader.metadata(pdf)
    except pdfium_reader.PdfiumError:
        return None
    finally:
        pdf.close()
    doc.pages = pages
    return scanned


def _open_pdfplumber(path: Path, password: str | None) -> Any:
    """A pdfplumber PDF, or the error that says why the file cannot be opened."""
    try:
        return pdfplumber.open(path, password=password or "")
    except Exception as exc:  # pdfminer raises many types on damaged files
        # pdfplumber wraps pdfminer's exception; the wrapped one tells what went wrong.
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, PDFPasswordIncorrect):
            what = "wrong password" if password else "encrypted PDF; give --password"
            raise EncryptedDocumentError(what) from None
        if isinstance(cause, PDFSyntaxError):
            raise ReadError(f"corrupt PDF: {cause}") from None
        detail = f"{type(cause).__name__}: {cause}".rstrip(": ")
        raise ReadError(f"unreadable PDF: {detail}") from None


def check_limits(path: Path, password: str | None) -> None:
    """The file's structure checked against the limits before any reader draws a page.

    PDFium cannot be interrupted inside a loop of resources, so the walk is done by pdfminer,
    which only follows the structure; a file pdfminer cannot open is left to the readers.
    """
    # pdfminer's document alone: pdfplumber's would also decode the metadata, unused here.
    with path.open("rb") as fh:
        try:
            doc = PDFDocument(PDFParser(fh), password=password or "")
        except Exception:
            return  # pdfminer cannot open it: the reader that follows says why
        try:
            limits.check_pdf(doc)
        except LimitError:
            raise
        except Exception:
            return  # a damaged structure: the reader that follows says what it is


def _read_pdfplumber(path: Path, doc: SourceDocument, password: str | None) -> list[Page]:
    """The pages read with pdfplumber and those to OCR."""
    pdf = _open_pdfplumber(path, password)
    scanned: list[Page] = []
    try:
        doc.metadata = {k: str(v) for k, v in (pdf.metadata or {}).items() if isinstance(v, str)}
        try:
            limits.check_pdf(pdf.doc)
            pages = pdf.pages
        except LimitError:
            raise
        except Exception as exc:
            raise ReadError(f"corrupt PDF page tree: {type(exc).__name__}: {exc}") from None
        if not pages:
            raise EmptyDocumentError("PDF has no pages")
        for number, page in enumerate(pages, start=1):
            try:
                out, needs_ocr = _read_page(page, number)
            finally:
                # Releasing each page keeps memory flat on long PDFs.
                page.close()
            doc.pages.append(out)
            if needs_ocr:
                scanned.append(out)
    finally:
        _close(pdf)
    return scanned


def _close(pdf: Any) -> None:
    """Close a pdfplumber PDF; on a damaged page tree close() raises again and hides the reason."""
    if not hasattr(pdf, "_pages"):
        # close() lists the pages first: on a refused file that walks the bad page tree again.
        pdf.stream.close()
        return
    try:
        pdf.close()
    except Exception:
        pdf.stream.close()


def _read_page(page: Any, number: int) -> tuple[Page, bool]:
    """The page's text-layer lines and tables, and whether it looks like a scan to OCR."""
    out = Page(number=number, width=float(page.width), height=float(page.height))
    objects = page_objects(page)
    out.lines = lines_from_words(objects.words)
    if objects.rulings >= _MIN_RULINGS:
        out.tables = _tables(objects.words, find_tables(page, objects), objects.fills)
    return out, _needs_ocr(out, objects)


def _needs_ocr(page: Page, objects: PageObjects | pdfium_reader.PdfiumPage) -> bool:
    """A page needs OCR when it has (almost) no text but images cover much of it (a scan)."""
    letters = sum(len(str(w["text"])) for w in objects.words)
    return looks_scanned(letters, lambda: objects.image_area, page.width * page.height)


def looks_scanned(letters: int, image_area: Callable[[], float], page_area: float) -> bool:
    """The reader's test of a scan: no text at all, or at most a caption's worth (120 letters)
    with images over 40 % of the page; `image_area` is asked only then (it may cost a walk)."""
    if not letters:
        return True
    return letters <= 120 and image_area() > 0.4 * page_area


def _ocr(path: Path, doc: SourceDocument, scanned: list[Page], ocr_lang: str, jobs: int) -> None:
    """OCR the scanned pages at once, with Finnish alone when the text pages clearly are Finnish."""
    lang = _ocr_language(doc, scanned, ocr_lang)
    sizes = [(page.number - 1, page.width, page.height) for page in scanned]
    _use_ocr(doc, scanned, ocr.ocr_pdf_pages(path, sizes, lang=lang, workers=jobs))


def _ocr_language(doc: SourceDocument, scanned: list[Page], ocr_lang: str) -> str:
    """Tesseract's languages for the scanned pages, from the text of all the others."""
    numbers = {page.number for page in scanned}
    text_layer = "\n".join(
        line.text for page in doc.pages if page.number not in numbers for line in page.lines
    )
    return ocr.languages_for(text_layer, ocr_lang)


def _use_ocr(doc: SourceDocument, scanned: list[Page], results: list[ocr.OcrResult]) -> None:
    """The OCR'd words replace the scanned pages' lines; warnings go on the document."""
    for page, result in zip(scanned, results, strict=True):
        if result.warning and result.warning not in doc.warnings:
            doc.warnings.append(result.warning)
        if result.words is not None:
            # The rendered page holds any stray text layer too, so OCR words replace it.
            page.ocr, page.tables = True, []
            page.lines = lines_from_words(result.words)
            for line in page.lines:
                line.text = ocr.correct(line.text)


def _tables(
    words: list[dict[str, Any]],
    found: list[FoundTable],
    fills: Sequence[tuple[float, float, float, float]] = (),
) -> list[Table]:
    """Ruled tables with each cell's text gathered from the page's words (no re-extraction),
    and whether a coloured box fills the cell (a shaded year in a grid)."""
    tables: list[Table] = []
    # Word centres once per page, not once per cell (pages with big tables have thousands).
    centres = [
        ((float(w["x0"]) + float(w["x1"])) / 2, (float(w["top"]) + float(w["bottom"])) / 2)
        for w in words
    ]
    placed = list(zip(words, centres, strict=True))
    for table in found:
        x0, top, x1, bottom = (float(v) for v in table.bbox)
        # Only a fill over part of the table can shade one of its cells.
        near = [f for f in fills if f[0] <= x1 and f[2] >= x0 and f[1] <= bottom and f[3] >= top]
        rows: list[list[TableCell | None]] = []
        for row in table.rows:
            boxes = [
                None if b is None else (float(b[0]), float(b[1]), float(b[2]), float(b[3]))
                for b in row.cells
            ]
            # The words level with the row first, then each cell's among them (same order).
            tops = [b[1] for b in boxes if b is not None]
            bottoms = [b[3] for b in boxes if b is not None]
            band = [(w, c) for w, c in placed if min(tops) <= c[1] <= max(bottoms)] if tops else []
            cells: list[TableCell | None] = []
            for box in boxes:
                if box is None:
                    cells.append(None)
                    continue
                inside = [
                    w for w, (cx, cy) in band if box[0] <= cx <= box[2] and box[1] <= cy <= box[3]
                ]
                text = "\n".join(line.text for line in lines_from_words(inside)) if inside else ""
                cells.append(TableCell(text=text, bbox=box, shaded=_filled(box, near)))
            rows.append(cells)
        if rows:
            tables.append(Table(bbox=(x0, top, x1, bottom), rows=rows))
    return tables


def _filled(
    box: tuple[float, float, float, float], fills: Sequence[tuple[float, float, float, float]]
) -> bool:
    """Whether a coloured box covers the cell's centre without being much larger than the cell
    (a page or a table background is no shading of one cell)."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    area = max((box[2] - box[0]) * (box[3] - box[1]), 1.0)
    return any(
        f[0] <= cx <= f[2] and f[1] <= cy <= f[3] and (f[2] - f[0]) * (f[3] - f[1]) <= 4 * area
        for f in fills
    )
