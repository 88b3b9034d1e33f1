"""OCR ahead: Tesseract reads the scanned pages of a batch's coming files while the workers
read and extract others.

Without it a worker that meets a scanned page waits for Tesseract (a second a page) with the
rest of the batch waiting behind it. A batch of several files therefore starts one process
ahead, which looks at the files in the batch's order: a page with (almost) no text and an image
over much of it — the reader's own test of a scan — is rendered and read by Tesseract in the
languages the file's text layer chooses, on the batch's Tesseract slots (at most `-j` at once,
the workers' own included). The words go on the shelf (`pipeline.reading.ocr_shelf`), where the
reader takes them instead of reading the page again. The batch hands out the files whose pages
are still being read last, so that the workers read other files meanwhile.

It only saves time: a page it has not read (yet), or read in other languages than the reader
settles on, the reader reads itself, and the words are the same either way (the same image,
languages and Tesseract settings).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import multiprocessing
import os
import queue
import shutil
import signal
import stat
import tempfile
import threading
import time
from collections import deque
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pypdfium2

from pipeline.processes import Slots, cap_memory, die_with_parent
from pipeline.reading import ocr, read
from pipeline.reading.ocr_shelf import Shelf
from pipeline.reading.pdfium_graphics import Graphics
from pipeline.reading.pdfium_space import Space

log = logging.getLogger(__name__)
# Pages planned but not yet handed to Tesseract, per Tesseract slot.
_PLANNED_PER_SLOT = 8
# Seconds in all that handing out files may wait for this process to look at them (`waiting`).
_PATIENCE = 2.0

Page = tuple[str, str, str, int]  # path, file key, languages, page index


class OcrAhead:
    """The process ahead, seen from the batch: started on the batch's files, asked which of
    them still wait for it, closed (its shelf removed) when the batch ends."""

    def __init__(
        self,
        paths: Sequence[Path],
        *,
        lang: str,
        password: str | None,
        workers: int,
        slots: Slots | None,
        max_memory: int,
    ) -> None:
        context = multiprocessing.get_context("fork")
        self.folder = tempfile.mkdtemp(prefix="poimija-ahead-")
        self._events: Any = context.Queue()
        self._waiting: dict[str, int] = {}  # pages planned and not yet read, per file
        self._found: set[str] = set()  # files with a scanned page
        self._seen: set[str] = set()  # files looked through to their end
        self._order = [str(p) for p in paths]  # the order it looks through them in
        self._next = 0  # the first of them it has said nothing of
        self._patience = _PATIENCE
        self._process = context.Process(
            target=_run,
            args=(
                [str(p) for p in paths],
                lang,
                password,
                workers,
                self.folder,
                slots,
                self._events,
                os.getpid(),
                max_memory,
            ),
            name="poimija-ocr-ahead",
            daemon=True,
        )
        try:
            self._process.start()
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise
        assert self._process.pid is not None
        self.shelf = Shelf(self.folder, self._process.pid)

    def waiting(self, path: Path) -> bool:
        """Whether pages of `path` are still being read ahead (or about to be).

        When this process is at `path` (or it is the next it looks at) and has not said yet
        whether it has scanned pages, first wait for that, up to a few seconds in all: files
        go out biggest first, and a scanned one handed out before this process saw its scans
        has its worker read them, page after page by Tesseract, instead of text files meanwhile
        (five seconds more over the real PDFs, one run in three).
        """
        self._take(None)
        name = str(path)
        began = time.monotonic()
        while self._patience > 0 and self._undecided(name) and self._process.is_alive():
            self._take(min(self._patience, 0.1))
            now = time.monotonic()
            self._patience -= now - began
            began = now
        return self._waiting.get(name, 0) > 0 or (name in self._found and name not in self._seen)

    def _undecided(self, name: str) -> bool:
        """Whether `name` is the first file in this process's order it has said nothing of.

        (It may be held back by pages it planned, which are read at Tesseract's speed: the
        budget bounds that wait.)
        """
        while self._next < len(self._order) and (
            self._order[self._next] in self._found or self._order[self._next] in self._seen
        ):
            self._next += 1  # it goes in order: the files before have been said of
        return self._next < len(self._order) and self._order[self._next] == name

    def _take(self, timeout: float | None) -> None:
        """Take the events sent so far, first waiting up to `timeout` s for one if given."""
        while True:
            try:
                if timeout is not None:
                    kind, name, count = self._events.get(timeout=timeout)
                    timeout = None  # the rest only as far as they have come
                else:
                    kind, name, count = self._events.get_nowait()
            except (queue.Empty, OSError, EOFError, ValueError):
                return
            if kind == "found":
                self._found.add(name)
            elif kind == "seen":
                self._seen.add(name)
            else:  # pages planned, or one read
                self._waiting[name] = self._waiting.get(name, 0) + (count if kind == "plan" else -1)

    def close(self) -> None:
        """Stop the process ahead (and its Tesseracts) and remove the shelf."""
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(2)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
        self._events.close()
        self._events.cancel_join_thread()
        shutil.rmtree(self.folder, ignore_errors=True)


def wanted(paths: Sequence[Path], reader: str, executor: str) -> bool:
    """Whether OCR ahead can save time: several files, the PDFium reader, this machine's
    processes (a Dask worker elsewhere cannot see the shelf) and Tesseract installed."""
    if len(paths) < 2 or reader != "pdfium" or executor != "local":
        return False
    return bool(ocr.tesseract_languages())


def take_next(jobs: deque[Any], ahead: OcrAhead | None) -> Any:
    """The next job: the first whose scanned pages are not being read ahead, else the first."""
    if ahead is not None:
        for n, job in enumerate(jobs):
            if not ahead.waiting(job.path):
                del jobs[n]
                return job
    return jobs.popleft()


def _run(
    paths: list[str],
    lang: str,
    password: str | None,
    workers: int,
    folder: str,
    slots: Slots | None,
    events: Any,
    parent: int,
    max_memory: int,
) -> None:
    """The process ahead: scan the files in order, read their scanned pages onto the shelf."""
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the batch's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.environ["OMP_THREAD_LIMIT"] = "1"
    ocr.share_slots(slots)
    cap_memory(max_memory)
    shelf = Shelf(folder, os.getpid())
    # Rendered images waiting for Tesseract: a few, not every scanned page of the batch on disk.
    room = threading.BoundedSemaphore(workers + 1)
    pages: deque[Page] = deque()
    files = iter(paths)
    scan: _Scan | None = None
    # Inside the shelf, which the batch removes: this process is ended, not asked to tidy up.
    images = Path(folder) / "images"
    images.mkdir(exist_ok=True)
    with ThreadPoolExecutor(workers) as pool, _Renderer(password) as renderer:
        start = functools.partial(
            _start,
            shelf=shelf,
            renderer=renderer,
            pool=pool,
            room=room,
            events=events,
            images=images,
        )
        # One step at a time: Tesseract is kept busy first, the scan goes on while it works,
        # but no further than a few pages a slot ahead (a big batch is not planned at once:
        # a reader that reaches a planned page first reads it after its whole file).
        while True:
            if pages and room.acquire(blocking=False):
                start(pages.popleft())
            elif len(pages) < _PLANNED_PER_SLOT * workers and scan is not None:
                if not scan.step(pages):
                    scan = None
            elif len(pages) < _PLANNED_PER_SLOT * workers and (path := next(files, None)):
                scan = _Scan(path, password, lang, shelf, events)
            elif pages:
                room.acquire()
                start(pages.popleft())
            else:
                break


class _Scan:
    """One file looked through page by page for scans, as the reader will see them."""

    def __init__(
        self, path: str, password: str | None, lang: str, shelf: Shelf, events: Any
    ) -> None:
        self.path, self.lang, self.shelf, self.events = path, lang, shelf, events
        self.texts: list[str] = []
        self.found: list[int] = []  # scanned pages whose languages are not settled yet
        self.languages: str | None = None
        self.watch = ocr.LanguageWatch(lang)
        self.index = 0
        self.pdf: Any = None
        self.scanned = False  # whether a scanned page was found (and the batch told so)
        try:
            self.key = shelf.file_key(path)
            # Not a FIFO or a device among the inputs: opening one could wait forever.
            if stat.S_ISREG(os.stat(path).st_mode) and not shelf.taken(self.key):
                read.check_limits(Path(path), password)  # as the reader, before PDFium draws
                shelf.mark_checked(self.key)  # the reader need not walk the structure again
                self.pdf = pypdfium2.PdfDocument(path, password=password or None)
        except Exception:  # a file the reader will fail on: it says why
            log.debug("%s: not scanned ahead", path, exc_info=True)

    def step(self, pages: deque[Page]) -> bool:
        """Look at the next page; scanned pages go to `pages` once their languages are
        settled. False when the file is done."""
        if self.pdf is None:
            self.events.put(("seen", self.path, 0))
            return False
        if self.index >= len(self.pdf) or self.shelf.taken(self.key):
            self.pdf.close()
            self.pdf = None
            if self.found:
                self._plan(ocr.languages_for("\n".join(self.texts), self.lang), pages)
            self.events.put(("seen", self.path, 0))
            return False
        try:
            text, scanned = _page(self.pdf, self.index)
        except Exception:
            log.debug("%s: not scanned ahead", self.path, exc_info=True)
            self.index = len(self.pdf)
            return True
        self.index += 1
        if scanned:
            self.found.append(self.index - 1)
            if not self.scanned:  # the batch holds the file back from now on
                self.scanned = True
                self.events.put(("found", self.path, 0))
        else:
            self.texts.append(text)
        if self.found and self.languages is None:
            self.languages = self.watch.see(self.texts)  # as the reader settles them
        if self.found and self.languages is not None:
            self._plan(self.languages, pages)
        return True

    def _plan(self, lang: str, pages: deque[Page]) -> None:
        languages = ocr.wanted_languages(lang)
        if languages is not None:
            for index in self.found:
                self.shelf.plan(self.key, index, languages)
                pages.append((self.path, self.key, languages, index))
            self.events.put(("plan", self.path, len(self.found)))
        self.found = []


def _page(pdf: Any, index: int) -> tuple[str, bool]:
    """A page's text layer, and whether it looks scanned (the reader's test)."""
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
        finally:
            textpage.close()
        letters = sum(not c.isspace() for c in text)
        space = Space(page)
        area = space.width * space.height
        return text, read.looks_scanned(
            letters, lambda: Graphics(space).walk(page.raw).image_area, area
        )
    finally:
        page.close()


class _Renderer:
    """Renders pages for Tesseract, keeping the last file open (pages come file by file)."""

    def __init__(self, password: str | None) -> None:
        self._password = password
        self._path: str | None = None
        self._pdf: Any = None

    def __enter__(self) -> _Renderer:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pdf is not None:
            self._pdf.close()

    def render(self, path: str, index: int, out: Path) -> float:
        """Render page `index` of `path` to the PGM `out` as the reader would; its scale."""
        if path != self._path:
            if self._pdf is not None:
                self._pdf.close()
            self._pdf, self._path = None, None
            self._pdf = pypdfium2.PdfDocument(path, password=self._password or None)
            self._path = path
        page = self._pdf[index]
        try:
            return ocr.render_for_ocr(page, out)
        finally:
            page.close()


def _start(
    page: Page,
    shelf: Shelf,
    renderer: _Renderer,
    pool: ThreadPoolExecutor,
    room: threading.BoundedSemaphore,
    events: Any,
    images: Path,
) -> None:
    """Render one planned page and hand it to Tesseract, unless a reader has it already.

    The page is claimed only once it is rendered: a page PDFium cannot finish drawing (a
    hostile shading) keeps this process busy, but no reader waits for it; the reader draws
    the page itself and its time limit ends it, as without this process."""
    path, key, languages, index = page

    def skip() -> None:
        room.release()
        events.put(("page", path, 1))

    if shelf.claimed(key, index, languages):
        skip()
        return
    image = images / f"{key}-{index}.pgm"
    try:
        scale = renderer.render(path, index, image)
    except Exception:
        skip()
        return
    if not shelf.claim(key, index, languages):
        image.unlink(missing_ok=True)
        skip()
        return

    def read() -> None:
        try:
            shelf.store(key, index, languages, ocr.read_page_image(image, languages, scale))
        except Exception:  # the reader reads it itself and reports what goes wrong
            shelf.release(key, index, languages)
        finally:
            with contextlib.suppress(OSError):
                image.unlink()
            room.release()
            events.put(("page", path, 1))

    pool.submit(read)
