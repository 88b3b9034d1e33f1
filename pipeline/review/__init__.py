"""An offline review site of a run: every record boxed on the PDF page it came from.

    tables = load_run(out_dir)                    # the run's CSVs as schema records
    images = page_images(document, site)          # pypdfium2, rendered once, reused
    document_page(...) / index_page(...)          # one HTML file per document, and an index

`review(out_dir)` does all of it; `poimija review` is a thin layer over it. The site opens from
the file system: no server, scripts, fonts or network references.
"""

from __future__ import annotations

import csv
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.compare.load import load_run
from pipeline.outputs.export import atomic_write_text
from pipeline.review.html import anchor, document_file, document_page, index_page
from pipeline.review.images import PAGES_DIR, page_images, safe_name
from schemas.records import Provenance

__all__ = ["ReviewResult", "anchor", "document_file", "review", "review_links"]

DEFAULT_DIR = "review"
_DOCUMENT_FILE = re.compile(r"^[A-Za-z0-9_-]+\.html$")


@dataclass(slots=True)
class ReviewResult:
    """What `review` wrote: the index, the document pages and the images rendered now."""

    index: Path
    documents: list[Path] = field(default_factory=list)
    rendered: int = 0
    problems: list[str] = field(default_factory=list)


def review(out_dir: Path, html_dir: Path | None = None) -> ReviewResult:
    """Write the review site of the run in `out_dir` into `html_dir` (default OUT_DIR/review)."""
    site = html_dir if html_dir is not None else out_dir / DEFAULT_DIR
    tables = load_run(out_dir)
    records: dict[str, list[Provenance]] = {}
    every: list[Provenance] = [*tables.themes, *tables.actions, *tables.funding, *tables.decisions]
    for record in every:
        records.setdefault(record.document_id, []).append(record)
    result = ReviewResult(index=site / "index.html", problems=list(tables.problems))
    listed = []
    for document in tables.documents:
        own = records.get(document.document_id, [])
        images = page_images(document, site)
        result.rendered += images.rendered
        if images.reason and document.source_format.value == "pdf":
            result.problems.append(f"{document.source_path}: no page images: {images.reason}")
        path = site / document_file(document.document_id)
        atomic_write_text(path, document_page(document, own, images))
        result.documents.append(path)
        counts: dict[str, int] = {}
        for record in own:
            counts[record.table] = counts.get(record.table, 0) + 1
        listed.append((document, counts))
    errors = _errors(out_dir / "errors.csv", result.problems)
    atomic_write_text(result.index, index_page(listed, errors, result.problems))
    _remove_stale(site, {d.document_id for d in tables.documents})
    return result


def review_links(out_dir: Path, report: Path) -> dict[str, str]:
    """document_id → the link from `report`'s folder to its page in OUT_DIR/review, if written."""
    import os

    site = out_dir / DEFAULT_DIR
    if not (site / "index.html").is_file():
        return {}
    base = Path(os.path.relpath(site, report.parent)).as_posix()
    links: dict[str, str] = {}
    for page in site.glob("*.html"):
        if page.name != "index.html":
            links[page.stem] = f"{base}/{page.name}"
    return links


def _errors(path: Path, problems: list[str]) -> list[dict[str, str]]:
    """The failed files of the run (errors.csv), or none with a note when it cannot be read."""
    if not path.is_file():
        return []
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return [dict(row) for row in csv.DictReader(fh)]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        problems.append(f"errors.csv could not be read: {exc}")
        return []


def _remove_stale(site: Path, document_ids: set[str]) -> None:
    """Remove the pages and images of documents no longer in the run (changed or pruned)."""
    keep = {safe_name(d) for d in document_ids}
    for page in site.glob("*.html"):
        if page.name != "index.html" and _DOCUMENT_FILE.match(page.name) and page.stem not in keep:
            page.unlink(missing_ok=True)
    for folder in (site / PAGES_DIR).glob("*"):
        if folder.is_dir() and folder.name not in keep:
            shutil.rmtree(folder, ignore_errors=True)
