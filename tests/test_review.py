"""`poimija review`: the offline review site of a run, on the samples and on hand-made records.

The samples' site is built from a copy of the session's sample run (its `source_path`s are
absolute, so the PDFs are found and rendered by pypdfium2); a second run written here holds
texts made to break HTML, and a PDF path that does not exist.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.compare import compare
from pipeline.outputs.export import write_outputs
from pipeline.review import review
from pipeline.run import DocumentResult, FileError, Status
from schemas.records import Document, Theme
from schemas.vocab import SourceFormat
from tests.conftest import RunOutput
from tests.test_compare import STAMP, _chromium

KUOPIO = "003_kuopio_kh_2019_idk_hanke.pdf"
EVIL = "<script>alert('x')</script>"


@pytest.fixture(scope="module")
def site(sample_run: RunOutput, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("review") / "out"
    shutil.copytree(sample_run.out_dir, out)
    result = CliRunner().invoke(main, ["review", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _kuopio(out: Path) -> tuple[str, str]:
    """Kuopio's document ID and its review page."""
    with (out / "documents.csv").open(encoding="utf-8") as fh:
        doc_id = next(line.split(",")[0] for line in fh if KUOPIO in line)
    return doc_id, (out / "review" / f"{doc_id}.html").read_text(encoding="utf-8")


def _count(out: Path, table: str, doc_id: str, *, boxed: bool) -> int:
    import csv

    with (out / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["document_id"] == doc_id]
    return sum(1 for r in rows if bool(r["bbox"]) == boxed)


def test_index_lists_every_document_with_its_counts(site: Path, sample_run: RunOutput) -> None:
    index = (site / "review" / "index.html").read_text(encoding="utf-8")
    documents = sample_run.rows("documents")
    assert len(documents) == 6
    for doc in documents:
        assert f'<a href="{doc["document_id"]}.html">' in index
        assert (site / "review" / f"{doc['document_id']}.html").is_file()
    doc_id, _ = _kuopio(site)
    row = re.search(rf'<a href="{doc_id}.html">.*?</tr>', index, re.S)
    assert row
    # Kuopio: 3 pages, 4 themes, no actions, 5 amounts, 1 decision (samples/gold).
    numbers = re.findall(r'<td class="n">(\d+)</td>', row.group(0))
    assert numbers == ["3", "4", "0", "5", "1"]


def test_document_page_boxes_every_located_record_and_links_both_ways(site: Path) -> None:
    doc_id, page = _kuopio(site)
    images = re.findall(r'<img src="([^"]+)" loading="lazy"', page)
    assert images == [f"pages/{doc_id}/{n}.png" for n in (1, 2, 3)]
    for src in images:
        assert (site / "review" / src).stat().st_size > 10_000
    boxed = sum(_count(site, t, doc_id, boxed=True) for t in ("themes", "funding", "decisions"))
    boxes = re.findall(r'<a class="box t-(\w+)" id="b-([\w-]+)" href="#r-([\w-]+)"', page)
    assert len(boxes) == boxed == 10
    assert {t for t, _, _ in boxes} == {"themes", "funding", "decisions"}
    for _, box, record in boxes:
        assert box == record
        assert f'id="r-{record}"' in page and f'href="#b-{record}"' in page
    assert f'id="r-{doc_id}_decision1"' in page


def test_pages_are_rendered_once_and_reused(site: Path) -> None:
    doc_id, _ = _kuopio(site)
    image = site / "review" / "pages" / doc_id / "1.png"
    before = image.stat().st_mtime_ns
    result = review(site)
    assert result.rendered == 0
    assert image.stat().st_mtime_ns == before
    assert len(result.documents) == 6 and result.problems == []


def test_site_has_no_network_reference(site: Path) -> None:
    for path in (site / "review").glob("*.html"):
        html = path.read_text(encoding="utf-8")
        targets = re.findall(r"""\b(?:src|href)\s*=\s*["']?([^"'\s>]*)""", html, re.I)
        assert targets
        for target in targets:
            assert re.fullmatch(r"#[\w-]+|[0-9a-f]{16}\.html|index\.html|pages/\w+/\d+\.png",
                                target), (path.name, target)  # fmt: skip
        assert "http:" not in html and "https:" not in html and "//" not in html
        assert "<script" not in html and "<link" not in html and "url(" not in html
        assert "@import" not in html and "@font-face" not in html


def test_compare_links_records_to_the_review_site(site: Path, tmp_path: Path) -> None:
    report = site / "compare" / "report.html"
    compare(site, html=report, stamp=STAMP)
    html = report.read_text(encoding="utf-8")
    links = re.findall(r'href="\.\./review/([0-9a-f]{16})\.html#(r-[\w-]+)"', html)
    assert len(links) >= 33  # every sample theme (and action) behind a matrix cell
    for doc_id, record in links:
        assert f'id="{record}"' in (site / "review" / f"{doc_id}.html").read_text("utf-8")


def test_every_text_is_escaped_and_a_missing_pdf_is_explained(tmp_path: Path) -> None:
    doc = Document(
        document_id="ab" * 8,
        source_path=f"gone/{EVIL}.pdf",
        source_sha256="ab" * 32,
        source_format=SourceFormat.PDF,
        pages=1,
        municipality="<b>Kunta</b>",
        title=EVIL,
        warnings=[f"warning {EVIL}"],
    )
    theme = Theme(
        theme_id=f"{'ab' * 8}:theme1",
        document_id="ab" * 8,
        name=f"{EVIL} & <i>more</i>",
        page=1,
        quote=f'quote "{EVIL}"',
        bbox=(10, 10, 100, 20),
    )
    failed = DocumentResult(
        path=Path("bad.pdf"),
        status=Status.FAILURE,
        errors=[FileError("bad<img src=x>.pdf", "read", "PdfError", f"broken {EVIL}")],
    )
    out = tmp_path / "out"
    write_outputs(out, [DocumentResult(Path(doc.source_path), document=doc,
                                       records={"themes": [theme]}), failed])  # fmt: skip
    result = review(out)
    assert result.problems == [f"gone/{EVIL}.pdf: no page images: the PDF is not at "
                               f"gone/{EVIL}.pdf (moved or deleted?)"]  # fmt: skip
    for path in (result.index, *result.documents):
        html = path.read_text(encoding="utf-8")
        assert "<script" not in html and "<b>Kunta" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    page = result.documents[0].read_text(encoding="utf-8")
    assert "No page images: the PDF is not at gone/&lt;script&gt;" in page
    assert "<img" not in page and 'class="box' not in page
    # The record is still listed, with its quote and no box.
    assert f'<li class="rec t-themes" id="r-{"ab" * 8}_theme1">' in page
    assert '<span class="nobox">no box</span>' in page
    assert "quote &quot;&lt;script&gt;" in page
    index = result.index.read_text(encoding="utf-8")
    assert "Failed files (1)" in index and "broken &lt;script&gt;" in index


def test_document_page_renders_with_its_boxes_in_headless_chromium(
    site: Path, tmp_path: Path
) -> None:
    from PIL import Image

    browser = _chromium()
    doc_id, _ = _kuopio(site)
    url = (site / "review" / f"{doc_id}.html").resolve().as_uri()
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             f"--user-data-dir={tmp_path / 'profile'}"]  # fmt: skip
    shot = tmp_path / "page.png"
    subprocess.run([browser, *flags, f"--screenshot={shot}", "--window-size=1280,1400", url],
                   check=True, capture_output=True, timeout=180)  # fmt: skip
    dom = subprocess.run([browser, *flags, "--dump-dom", url], check=True, capture_output=True,
                         text=True, timeout=180).stdout  # fmt: skip
    assert dom.count('class="box t-') == 10
    with Image.open(shot) as image:
        assert image.size == (1280, 1400)
        colours = image.convert("RGB").getcolors(maxcolors=10_000_000) or []
        # The page image (black text on white) and the boxes' borders in their table colours.
        assert sum(n for n, p in colours if max(p) < 40) > 1000
        themes = sum(n for n, (r, g, b) in colours if r < 40 and 90 < g < 140 and b > 150)
        decisions = sum(n for n, (r, g, b) in colours if r > 180 and g < 150 and b > 150)
        assert themes > 200 and decisions > 50, (themes, decisions)
