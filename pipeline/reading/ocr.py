"""OCR fallback for pages without a text layer: pypdfium2 renders, Tesseract reads."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from pipeline.analysis.classify import function_word_counts
from pipeline.processes import Slots
from pipeline.reading import ocr_shelf, tesseract
from pipeline.reading.limits import ocr_scale
from schemas.vocab import Language

OCR_DPI = 200
_CONFIG = ("--psm", "3", "-c", "tessedit_do_invert=0")
# Slots shared by a batch's processes (see share_slots); None runs Tesseract unthrottled.
_slots: Slots | None = None
INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-fin tesseract-ocr-swe"


@dataclass(slots=True)
class OcrResult:
    """Words read from one page (pdfplumber-shaped dicts in PDF points), or why there are none."""

    words: list[dict[str, Any]] | None
    warning: str | None = None


@lru_cache(maxsize=1)
def tesseract_languages() -> frozenset[str]:
    """Languages the installed Tesseract has, or an empty set when it is not installed."""
    if shutil.which("tesseract") is None:
        return frozenset()
    try:
        return frozenset(tesseract.languages())
    except Exception:
        return frozenset()


def ocr_pdf_page(path: Path, index: int, width: float, height: float, *, lang: str) -> OcrResult:
    """OCR page `index` (0-based) of a PDF; a missing Tesseract gives a warning, not an error."""
    return ocr_pdf_pages(path, [(index, width, height)], lang=lang)[0]


def share_slots(slots: Slots | None) -> None:
    """Let this process's OCR take a Tesseract slot from `slots` (shared by a batch's workers
    and its process reading ahead), so that all of them together run at most `-j` Tesseracts."""
    global _slots
    _slots = slots


def ocr_pdf_pages(
    path: Path, pages: Sequence[tuple[int, float, float]], *, lang: str, workers: int = 1
) -> list[OcrResult]:
    """OCR the pages (0-based index, width, height) of one PDF, opening it once.

    Up to `workers` pages are read by Tesseract at once (each its own process); PDFium renders
    them one by one meanwhile (it is not thread-safe, and rendering is ~5 % of the OCR time).
    """
    import pypdfium2

    with PageOcr(workers) as queue:
        if queue.unavailable is None and wanted_languages(lang) is not None:
            queue.settle(lang)
            pdf = pypdfium2.PdfDocument(str(path))
            try:
                for index, _, _ in pages:
                    page = pdf[index]
                    try:
                        queue.add(page, index)
                    finally:
                        page.close()
            finally:
                pdf.close()
        return queue.results(lang, len(pages))


class PageOcr:
    """Tesseract on one PDF's scanned pages, started while the reader goes on with the rest.

    The reader hands each scanned page over as it meets it (`add` renders it then, from the page
    it has open); Tesseract starts on it once the OCR language is settled (`settle`: from the
    text read so far, or given). `results` waits for the pages in order, OCRing again any page
    read in another language than the one the whole text layer finally chooses, so the words
    are always those of the final language. Given the `source` file, pages that a batch's
    process ahead reads (`ocr_shelf`) are taken from the shelf instead. Use it as a context
    manager: it removes the images and stops what is still running on the way out.
    """

    def __init__(
        self, workers: int = 1, source: Path | None = None, password: str | None = None
    ) -> None:
        self._workers = max(1, workers)
        self._pool: ThreadPoolExecutor | None = None
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        # Per added page: its image (None while the process ahead is to read it), pixels per
        # point, and its index in the file.
        self._images: list[tuple[Path | None, float, int]] = []
        # Per started page: its languages and Tesseract's future (None: left to `results`).
        self._started: list[tuple[str, Future[OcrResult] | None]] = []
        self.language: str | None = None  # the settled language, once Tesseract may start
        self._source, self._password = source, password
        self._shelf = ocr_shelf.current() if source is not None else None
        self._key = ""
        if self._shelf is not None and source is not None:
            self._key = self._shelf.file_key(source)
            self._shelf.take_file(self._key)

    @property
    def unavailable(self) -> str | None:
        """Why no page can be OCR'd (Tesseract is not installed), or None. Asked only once a
        file has a scanned page: a text-layer file never looks for Tesseract."""
        return _unavailable_reason()

    def __enter__(self) -> PageOcr:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        if self._tmp is not None:
            self._tmp.cleanup()

    def add(self, page: Any, index: int = -1) -> None:
        """Render an open pypdfium2 page (page `index` of the file) for OCR; Tesseract starts on
        it once the language is settled."""
        if self.unavailable is not None:
            self._images.append((Path(), 1.0, index))
            return
        if self._shelf is not None and self._shelf.planned(self._key, index) is not None:
            scale = ocr_scale(page.get_width(), page.get_height(), OCR_DPI)
            self._images.append((None, scale, index))  # the process ahead reads it
        else:
            self._images.append((*self._render(page, len(self._images)), index))
        if self.language is not None:
            self._start(len(self._images) - 1, self.language)

    def _render(self, page: Any, position: int) -> tuple[Path, float]:
        if self._tmp is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="poimija-ocr-")
        pgm = Path(self._tmp.name) / f"page-{position}.pgm"
        return pgm, render_for_ocr(page, pgm)

    def settle(self, lang: str) -> None:
        """Start Tesseract in `lang` on the pages added so far and on every page added later."""
        if self.language is not None or self.unavailable is not None:
            return
        self.language = lang
        for index in range(len(self._started), len(self._images)):
            self._start(index, lang)

    def results(self, lang: str, count: int | None = None) -> list[OcrResult]:
        """Each added page's words in `lang` (the text layer's final choice), in order."""
        if self.unavailable is not None:
            return [OcrResult(None, self.unavailable) for _ in range(count or len(self._images))]
        wanted = wanted_languages(lang)
        if wanted is None:
            warning = f"Tesseract has none of the languages {lang!r} ({INSTALL_HINT})"
            return [OcrResult(None, warning) for _ in self._images]
        for index in range(len(self._images)):
            started = self._started[index] if index < len(self._started) else None
            if started is None or started[1] is None or wanted_languages(started[0]) != wanted:
                self._start(index, lang, again=started is not None, last=True)
        results: list[OcrResult] = []
        for index, (_, future) in enumerate(self._started):
            assert future is not None  # every page was started above
            results.append(future.result())
            image = self._images[index][0]
            if image is not None:
                image.unlink(missing_ok=True)  # read: free its disk space now
        return results

    def _start(self, index: int, lang: str, *, again: bool = False, last: bool = False) -> None:
        """Start page `index` in `lang`; with `last` (the final language) also the pages the
        shelf holds, waiting for the process ahead if it is on them."""
        languages = wanted_languages(lang)
        future: Future[OcrResult] | None = None
        shelved = None if languages is None else self._shelved(index, languages, wait=False)
        if languages is None or shelved is not None:  # none installed: results() says so
            future = _done(shelved or OcrResult(None))
        elif not last and (self._images[index][0] is None or not self._claim(index, languages)):
            pass  # the process ahead is to read it, or has begun: results() asks again
        elif (
            last
            and not self._claim(index, languages)
            and (waited := self._shelved(index, languages, wait=True)) is not None
        ):
            future = _done(waited)  # the process ahead had begun it
        else:
            if self._pool is None:
                # Tesseract's OpenMP threads spin against each other and against other
                # workers: one thread per process is 3-5x faster on a shared machine (a user's
                # own setting is kept).
                os.environ.setdefault("OMP_THREAD_LIMIT", "1")
                self._pool = ThreadPoolExecutor(self._workers)
            pgm, scale, number = self._images[index]
            if pgm is None:  # the process ahead did not read it after all
                pgm, scale = self._render_again(index, number)
                self._images[index] = (pgm, scale, number)
            future = self._pool.submit(read_page_image, pgm, languages, scale)
        if again:
            self._started[index] = (lang, future)
        else:
            self._started.append((lang, future))

    def _claim(self, index: int, languages: str) -> bool:
        """Claim the page on the shelf (True without one): the process ahead leaves it."""
        if self._shelf is None:
            return True
        return self._shelf.claim(self._key, self._images[index][2], languages)

    def _shelved(self, index: int, languages: str, wait: bool) -> OcrResult | None:
        """The page's words from the shelf; with `wait`, also once the process ahead has them."""
        shelf = self._shelf
        if shelf is None:
            return None
        number = self._images[index][2]
        if wait:
            return cast(OcrResult | None, shelf.wait(self._key, number, languages))
        return cast(OcrResult | None, shelf.fetch(self._key, number, languages))

    def _render_again(self, position: int, number: int) -> tuple[Path, float]:
        import pypdfium2

        assert self._source is not None  # only pages of a known file are left to the shelf
        pdf = pypdfium2.PdfDocument(str(self._source), password=self._password or None)
        try:
            page = pdf[number]
            try:
                return self._render(page, position)
            finally:
                page.close()
        finally:
            pdf.close()


def _done(result: OcrResult) -> Future[OcrResult]:
    future: Future[OcrResult] = Future()
    future.set_result(result)
    return future


def render_for_ocr(page: Any, out: Path) -> float:
    """Render an open pypdfium2 page to the image file `out` for Tesseract; its pixels per
    point."""
    scale = ocr_scale(page.get_width(), page.get_height(), OCR_DPI)
    # An uncompressed PGM: a PNG took a fifth of the OCR time to write and read.
    page.render(scale=scale, grayscale=True).to_pil().save(out, "PPM")
    return scale


def _unavailable_reason() -> str | None:
    if tesseract_languages():
        return None
    return (
        f"page(s) without a text layer were not OCR'd: Tesseract is not installed ({INSTALL_HINT})"
    )


def wanted_languages(lang: str) -> str | None:
    """The installed ones of `lang`'s languages, as Tesseract's -l; None when none is."""
    have = tesseract_languages()
    wanted = [code for code in lang.split("+") if code in have]
    return "+".join(wanted) if wanted else None


def read_page_image(pgm: Path, lang: str, pixels_per_point: float) -> OcrResult:
    """Tesseract's words on a rendered page (as `render_for_ocr` made it), in PDF points, taking
    a shared slot when a batch set them."""
    with _slots.held() if _slots is not None else contextlib.nullcontext():
        # Skipping the second, inverted-image pass over low-confidence lines reads the scans
        # here to the same text in ~0.85 of the time (no white-on-black text in these).
        data = tesseract.image_data(pgm, lang=lang, config=_CONFIG)
        return _words(data, 1 / pixels_per_point)


def _words(data: dict[str, list[Any]], scale: float) -> OcrResult:
    """Tesseract's words as pdfplumber-shaped dicts, in PDF points (`scale` points per pixel)."""
    words: list[dict[str, Any]] = []
    for i, text in enumerate(data["text"]):
        conf = float(data["conf"][i])
        if not str(text).strip() or conf < 0:
            continue
        x0, top = data["left"][i] * scale, data["top"][i] * scale
        words.append(
            {
                "text": str(text),
                "x0": x0,
                "top": top,
                "x1": x0 + data["width"][i] * scale,
                "bottom": top + data["height"][i] * scale,
                "size": data["height"][i] * scale,
                "fontname": "OCR",
            }
        )
    return OcrResult(words)


# Languages whose Tesseract model alone reads a page clearly faster than with the other one:
# `fin` alone takes ~0.7x the time of `fin+swe`; `swe` alone takes as long as `fin+swe` (and
# changes what is read), so Swedish documents keep the configured languages.
_FASTER_ALONE = {Language.FI: "fin"}
# At least this many Finnish/Swedish function words, this share of them in one language.
_MIN_EVIDENCE = 20
_DOMINANT = 0.9


def languages_for(text: str, lang: str) -> str:
    """`lang` narrowed to Finnish when the text layer is clearly Finnish and `fin` is in `lang`.

    A document whose text pages are clearly in one language has its scans in it too, and each
    extra Tesseract model costs time.
    """
    counts = function_word_counts(text)
    total = sum(counts.values())
    if total < _MIN_EVIDENCE:
        return lang
    language, n = max(counts.items(), key=lambda item: item[1])
    code = _FASTER_ALONE.get(language)
    if code is not None and n >= _DOMINANT * total and code in lang.split("+"):
        return code
    return lang


class LanguageWatch:
    """The OCR languages as the text layer read so far settles them (`settled_language`),
    asked again only when the text has doubled: a long document is not re-counted page after
    page."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.settled: str | None = None
        self._seen = 0

    def see(self, texts: Sequence[str]) -> str | None:
        """The languages, once the texts so far (lines or pages) settle them; else None."""
        if self.settled is None and len(texts) >= 2 * self._seen:
            self._seen = max(len(texts), 1)
            self.settled = settled_language("\n".join(texts), self.lang)
        return self.settled


def settled_language(text: str, lang: str) -> str | None:
    """`languages_for(text, lang)` when `text` already has the evidence to decide; else None.

    The reader starts Tesseract with it before it has read the whole text layer; `PageOcr`
    reads a page again in the case the whole text layer decides otherwise.
    """
    if sum(function_word_counts(text).values()) < _MIN_EVIDENCE:
        return None
    return languages_for(text, lang)


# Tesseract's Finnish and Swedish models read `§` as `&` (or `8`) and `@` as `&`: fix the
# unambiguous places, where `&` stands between a date or a line start and a number, or inside
# an e-mail address.
# Tesseract reads `§` as `&`, `$` or, after a date, `8` ("KH 3.11.2025 8 283"), and `§§`
# before a range as `88` ("88 281-283").
_SECTION_SIGN = re.compile(
    r"(?:(?<=\d{4} )|^)[&$](?=\s?\d{1,4}\b)|(?<=\d )[&$](?=\s|$|\))|(?<=\S )\$(?= \d{1,4}\b)"
    r"|(?<=\.\d{4} )8(?= \d{1,4}$)|^8(?= \d{1,4}$)"
)
_SECTIONS_SIGN = re.compile(r"(?:(?<=\s)|^)88(?= \d{1,4}\s?[-–]\s?\d{1,4}\b)")
_AT_SIGN = re.compile(r"(?<=[a-z0-9.])\s?&\s?(?=[a-z0-9-]+\.(?:fi|se|com|net|org)\b)")


def correct(text: str) -> str:
    """Undo Tesseract's usual misreadings of `§` and `@` in minutes."""
    return _AT_SIGN.sub("@", _SECTION_SIGN.sub("§", _SECTIONS_SIGN.sub("§§", text)))
