"""Hostile PDFs written byte by byte at test time (each is tiny and reproduces one attack), and
batches of them beside a good file run through `poimija`."""

from __future__ import annotations

import csv
import shutil
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

from tests.conftest import SAMPLES

CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
POIMIJA = str(Path(sys.executable).parent / "poimija")
GOOD = "000_joensuu_kh_2022_digiohjelma.pdf"


def raw_pdf(path: Path, objects: list[bytes]) -> Path:
    """Write a PDF of `objects` (object 1 is the catalog) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def stream(data: bytes, extra: bytes = b"") -> bytes:
    """A stream object's body."""
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), extra, data)


def _page(resources: bytes = b"", contents: int = 4, box: bytes = b"0 0 595 842") -> bytes:
    return (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [%s] /Resources << %s >> /Contents %d 0 R >>"
        % (box, resources, contents)
    )


def resource_loop_pdf(path: Path) -> Path:
    """A page drawing a form XObject that draws itself twice: PDFium loops in C code forever."""
    form = b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] "
    form += b"/Resources << /XObject << /X0 5 0 R >> >>"
    return raw_pdf(
        path,
        [
            CATALOG,
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(b"/XObject << /X0 5 0 R >>"),
            stream(b"/X0 Do"),
            stream(b"/X0 Do /X0 Do", form),
        ],
    )


def _bomb(size: int) -> bytes:
    """`size` spaces Flate-compressed twice (a megabyte at a time, never all in memory)."""
    packer = zlib.compressobj(6)
    once = b"".join(packer.compress(b" " * (1 << 20)) for _ in range(size >> 20))
    once += packer.compress(b" " * (size % (1 << 20))) + packer.flush()
    return stream(zlib.compress(once, 9), b"/Filter [/FlateDecode /FlateDecode]")


def deflate_bomb_pdf(path: Path, size: int) -> Path:
    """A content stream (object 4) that inflates to `size` bytes of spaces."""
    return raw_pdf(
        path, [CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", _page(), _bomb(size)]
    )


def font_bomb_pdf(path: Path, size: int) -> Path:
    """A font whose ToUnicode map (object 6) inflates to `size` bytes of spaces."""
    return raw_pdf(
        path,
        [
            CATALOG,
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(b"/Font << /F1 5 0 R >>"),
            stream(b"BT /F1 12 Tf 56 700 Td (Porvoo) Tj ET"),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
            _bomb(size),
        ],
    )


def huge_image_pdf(path: Path, width: int, height: int) -> Path:
    """A page drawing an image (object 5) declared `width` × `height` pixels, its data 1 byte."""
    image = b"/Type /XObject /Subtype /Image /Width %d /Height %d " % (width, height)
    image += b"/ColorSpace /DeviceGray /BitsPerComponent 8"
    return raw_pdf(
        path,
        [
            CATALOG,
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(b"/XObject << /Im0 5 0 R >>"),
            stream(b"q 595 0 0 842 0 0 cm /Im0 Do Q"),
            stream(b"\x00", image),
        ],
    )


def huge_page_pdf(path: Path, inches: int) -> Path:
    """One empty page `inches` wide and high."""
    side = b"%d" % (inches * 72)
    return raw_pdf(
        path,
        [
            CATALOG,
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(box=b"0 0 " + side + b" " + side),
            stream(b""),
        ],
    )


def many_pages_pdf(path: Path, pages: int) -> Path:
    """`pages` empty pages sharing one content stream (objects 4 and up are the pages)."""
    kids = b" ".join(b"%d 0 R" % (n + 4) for n in range(pages))
    return raw_pdf(
        path,
        [
            CATALOG,
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
            stream(b""),
            *[_page(contents=3) for _ in range(pages)],
        ],
    )


# Object 5 of the pattern PDFs: a tiling pattern whose cell paints with itself, twice.
_SELF_PAINTING_PATTERN = stream(
    b"/Pattern cs /P0 scn 0 0 10 10 re f /Pattern cs /P0 scn 0 0 5 5 re f",
    b"/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 10 10] "
    b"/XStep 5 /YStep 5 /Resources << /Pattern << /P0 5 0 R >> >>",
)


def annotation_pattern_loop_pdf(path: Path) -> Path:
    """An empty page whose annotation's appearance paints a tiling pattern that paints itself
    (PDFium renders annotations with the page, for OCR, and loops in C code)."""
    appearance = b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
    appearance += b"/Resources << /Pattern << /P0 5 0 R >> >>"
    return raw_pdf(
        path,
        [
            CATALOG,
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Annots [7 0 R] >>",
            stream(b""),
            _SELF_PAINTING_PATTERN,
            stream(b"/Pattern cs /P0 scn 0 0 595 842 re f", appearance),
            b"<< /Type /Annot /Subtype /Square /Rect [0 0 595 842] /AP << /N 6 0 R >> >>",
        ],
    )


def pattern_loop_pdf(path: Path) -> Path:
    """A page painted with a tiling pattern that paints itself (PDFium loops rendering it)."""
    return raw_pdf(
        path,
        [
            CATALOG,
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(b"/Pattern << /P0 5 0 R >>"),
            stream(b"/Pattern cs /P0 scn 0 0 595 842 re f"),
            _SELF_PAINTING_PATTERN,
        ],
    )


def soft_mask_loop_pdf(path: Path) -> Path:
    """A graphics state whose soft mask is a form (object 5) that sets that graphics state."""
    form = b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
    form += b"/Group << /S /Transparency /CS /DeviceGray >> "
    form += b"/Resources << /ExtGState << /GS0 6 0 R >> >>"
    return raw_pdf(
        path,
        [
            CATALOG,
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(b"/ExtGState << /GS0 6 0 R >>"),
            stream(b"/GS0 gs 0 0 595 842 re f"),
            stream(b"/GS0 gs 0 0 595 842 re f /GS0 gs 0 0 5 5 re f", form),
            b"<< /Type /ExtGState /SMask << /Type /Mask /S /Luminosity /G 5 0 R >> >>",
        ],
    )


def shading_bomb_pdf(path: Path, triangles: int) -> Path:
    """An empty page with a mesh shading of `triangles` page-sized triangles: no loop and no
    limit broken, but PDFium spends some 5 ms of C code on each when it renders the page."""
    vertices = ((0, 0), (65535, 0), (0, 65535))
    triangle = b"".join(struct.pack(">BHHB", 0, x, y, 128) for x, y in vertices)
    shading = b"/ShadingType 4 /ColorSpace /DeviceGray /BitsPerCoordinate 16 "
    shading += b"/BitsPerComponent 8 /BitsPerFlag 8 /Decode [0 595 0 842 0 1] /Filter /FlateDecode"
    return raw_pdf(
        path,
        [
            CATALOG,
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(b"/Shading << /Sh0 5 0 R >>"),
            stream(b"/Sh0 sh"),
            stream(zlib.compress(triangle * triangles, 9), shading),
        ],
    )


def text_flood_pdf(path: Path, letters: int) -> Path:
    """One page whose text is `letters` letters drawn on top of each other: a few kilobytes of
    Flate, and some hundreds of bytes of layout objects per letter in pdfminer."""
    text = b"BT /F1 12 Tf 56 700 Td " + b"(aaaaaaaaaa) Tj " * (letters // 10) + b"ET"
    return raw_pdf(
        path,
        [
            CATALOG,
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(b"/Font << /F1 5 0 R >>"),
            stream(zlib.compress(text, 9), b"/Filter /FlateDecode"),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ],
    )


# Running batches of one good file and hostile ones, and reading what they wrote.


def rows_of(out: Path, table: str, key: str) -> dict[str, dict[str, str]]:
    """A table of a run folder keyed by the file name in column `key`."""
    with (out / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return {Path(r[key]).name: r for r in csv.DictReader(fh)}


def errors_of(out: Path) -> dict[str, tuple[str, str]]:
    """errors.csv as {file name: (error type, message)}."""
    return {
        name: (r["error_type"], r["message"]) for name, r in rows_of(out, "errors", "file").items()
    }


def documents_of(out: Path) -> set[str]:
    """The file names in documents.csv."""
    return set(rows_of(out, "documents", "source_path"))


def only_bad_failed(out: Path, errors: dict[str, tuple[str, str]]) -> None:
    """The run's errors are exactly `errors` and the good file of the batch was extracted."""
    assert errors_of(out) == errors
    assert documents_of(out) == {"good.pdf"}


def batch_folder(tmp_path: Path) -> Path:
    """An input folder holding one good sample PDF."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / GOOD, folder / "good.pdf")
    return folder


# Runs a command and prints the peak memory of its biggest process (itself or a worker) in KiB.
_MEASURED = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:]).returncode\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(code)"
)


def run_poimija(
    *args: str | Path, env: dict[str, str] | None = None
) -> tuple[int, str, float, int]:
    """`poimija ARGS` in a child process: exit code, stderr, seconds and peak memory in MiB."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED, POIMIJA, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env,
    )
    return done.returncode, done.stderr, time.monotonic() - started, int(done.stdout) >> 10
