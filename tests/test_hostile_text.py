"""Unlucky text and tables (issue 18): text encodings and control characters, oversized text
files, `compare` on damaged CSVs and data that holds markup.

Every hostile file is generated in the test and tiny; each test also checks that the good file
of the same batch is extracted.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.compare import compare
from pipeline.reading.limits import LIMITS
from tests.hostile import (
    batch_folder,
    documents_of,
    only_bad_failed,
    rows_of,
)
from tests.test_compare import STAMP, _write_run

MINUTES = (
    "Porvoon kaupunki\nKaupunginhallitus 22.01.2024 § 25\nPäätösehdotus\n"
    "Kaupunginhallitus hyväksyy digiohjelman vuosille 2024-2026.\nPäätös\nHyväksyttiin.\n"
)


@pytest.mark.parametrize(
    ("encoded", "warning"),
    [
        (MINUTES.encode("cp1252"), "the text file is not UTF-8: read as Windows-1252 (Latin-1)"),
        (MINUTES.encode("utf-16"), "the text file is not UTF-8: read as UTF-16"),
        (
            MINUTES.replace("\n", "\x00\n").encode("utf-8"),
            "6 control character(s) such as NUL removed",
        ),
        (MINUTES.encode("utf-8-sig"), None),
    ],
)
def test_text_encodings_are_detected_and_controls_removed(
    tmp_path: Path, encoded: bytes, warning: str | None
) -> None:
    folder = batch_folder(tmp_path)
    (folder / "minutes.txt").write_bytes(encoded)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["run", str(folder), "--out", str(out), "-q", "--timeout", "0"]
    )
    assert result.exit_code == 0, result.output
    document = rows_of(out, "documents", "source_path")["minutes.txt"]
    assert (document["doc_type"], document["meeting_date"]) == ("minutes", "2024-01-22")
    assert document["title"] == "Porvoon kaupunki Kaupunginhallitus 22.01.2024 § 25"
    assert document["warnings"] == (warning or "")
    text = (out / "text" / f"{document['document_id']}.txt").read_text(encoding="utf-8")
    assert text == MINUTES
    assert "good.pdf" in documents_of(out)


def test_a_text_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    folder = batch_folder(tmp_path)
    with (folder / "big.txt").open("wb") as fh:
        fh.truncate(LIMITS.max_text_bytes + 1)  # sparse: no disk used
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(folder), "--out", str(out), "-q"])
    assert result.exit_code == 1
    only_bad_failed(
        out,
        {
            "big.txt": (
                "LimitError",
                "the text file has 67108865 bytes, more than the 64 MiB limit "
                "(split it into smaller files)",
            )
        },
    )


def test_compare_names_a_renamed_column(tmp_path: Path) -> None:
    out = _write_run(tmp_path / "run")
    path = out / "themes.csv"
    header, rest = path.read_text(encoding="utf-8").split("\n", 1)
    path.write_text(header.replace(",category,", ",kategoria,") + "\n" + rest, encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", str(out), "-q"])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {path}: column category missing from the header "
        "(not a table of this poimija version?)\n"
    )


def test_compare_skips_a_short_row_with_its_line(tmp_path: Path) -> None:
    out = _write_run(tmp_path / "run")
    path = out / "themes.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    columns = len(lines[0].split(","))
    lines[2] = ",".join(lines[2].split(",")[:3]) + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    result = compare(out, html=out / "r.html", stamp=STAMP)
    assert result.comparison.counts["themes"] == 4
    assert result.comparison.problems == [
        f"themes.csv line 3: 3 fields where the header has {columns} (row skipped)"
    ]


def test_reports_escape_html_from_the_data(tmp_path: Path) -> None:
    out = _write_run(tmp_path / "run")
    path = out / "documents.csv"
    evil = "<script>alert(1)</script> [x](javascript:alert(2)) *Porvoo*"
    path.write_text(path.read_text(encoding="utf-8").replace(",Porvoo,", f",{evil},"), "utf-8")
    compare(out, html=out / "r.html", markdown=out / "r.md", stamp=STAMP)
    md = (out / "r.md").read_text(encoding="utf-8")
    html = (out / "r.html").read_text(encoding="utf-8")
    assert "<script>" not in md and "[x](" not in md  # no raw HTML, no link
    shown = "&lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](javascript:alert(2)) \\*Porvoo\\*"
    assert f"| {shown} |" in md
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
