"""Hostile and unlucky input (issue 18): nothing hangs, nothing explodes, a crash is exit code 3.

Every hostile file is generated here and tiny; each test also checks that the good file of the
same batch is extracted.
"""

from __future__ import annotations

import csv
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import freshness
from pipeline.cli import main
from pipeline.compare import compare
from pipeline.executors import MAX_WORKERS, pool_size
from pipeline.limits import LIMITS, ocr_scale
from tests.conftest import SAMPLES
from tests.hostile import (
    annotation_pattern_loop_pdf,
    deflate_bomb_pdf,
    font_bomb_pdf,
    huge_image_pdf,
    huge_page_pdf,
    many_pages_pdf,
    pattern_loop_pdf,
    raw_pdf,
    resource_loop_pdf,
    shading_bomb_pdf,
    soft_mask_loop_pdf,
    stream,
)
from tests.pdfgen import long_minutes_pdf
from tests.test_compare import STAMP, _write_run

POIMIJA = str(Path(sys.executable).parent / "poimija")
GOOD = "000_joensuu_kh_2022_digiohjelma.pdf"


def _rows(out: Path, table: str, key: str) -> dict[str, dict[str, str]]:
    with (out / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return {Path(r[key]).name: r for r in csv.DictReader(fh)}


def _errors(out: Path) -> dict[str, tuple[str, str]]:
    return {
        name: (r["error_type"], r["message"]) for name, r in _rows(out, "errors", "file").items()
    }


def _documents(out: Path) -> set[str]:
    return set(_rows(out, "documents", "source_path"))


def _only_bad_failed(out: Path, errors: dict[str, tuple[str, str]]) -> None:
    """The run's errors are exactly `errors` and the good file of the batch was extracted."""
    assert _errors(out) == errors
    assert _documents(out) == {"good.pdf"}


def _folder(tmp_path: Path) -> Path:
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


def _run(*args: str | Path, env: dict[str, str] | None = None) -> tuple[int, str, float, int]:
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


def test_resource_loops_fail_at_once_without_a_timeout(tmp_path: Path) -> None:
    # Each loops forever in PDFium's C code (the first hung `poimija run` before).
    folder = _folder(tmp_path)
    resource_loop_pdf(folder / "form.pdf")
    pattern_loop_pdf(folder / "pattern.pdf")
    annotation_pattern_loop_pdf(folder / "annotation.pdf")
    soft_mask_loop_pdf(folder / "mask.pdf")
    assert max(p.stat().st_size for p in folder.glob("*.pdf") if p.name != "good.pdf") < 1100
    code, stderr, seconds, _ = _run("run", folder, "--out", tmp_path / "out", "-q")
    assert (code, stderr) == (1, "")
    assert seconds < 60  # a run of the good file alone takes ~3 s
    loop = "LimitError", "page 1: {} 5 0 R draws itself (a resource loop)"
    _only_bad_failed(
        tmp_path / "out",
        {
            "form.pdf": (loop[0], loop[1].format("form XObject")),
            "pattern.pdf": (loop[0], loop[1].format("tiling pattern")),
            "annotation.pdf": (loop[0], loop[1].format("tiling pattern")),
            "mask.pdf": (loop[0], loop[1].format("form XObject")),
        },
    )


def test_a_worker_stuck_in_c_code_is_ended_at_the_hard_limit(tmp_path: Path) -> None:
    # No limit catches this shading, and PDFium renders it (for OCR) in C for some 8 minutes,
    # where no signal reaches: the run ends the worker 5 s after the 4 s budget and goes on.
    folder = _folder(tmp_path)
    shading_bomb_pdf(folder / "stuck.pdf", 100_000)
    assert (folder / "stuck.pdf").stat().st_size < 10_000
    out = tmp_path / "out"
    started = time.monotonic()
    args = ["run", str(folder), "--out", str(out), "-q", "-j", "2", "--timeout", "4"]
    result = CliRunner().invoke(main, args)
    assert time.monotonic() - started < 60
    assert result.exit_code == 1
    _only_bad_failed(
        out,
        {
            "stuck.pdf": (
                "FileTimeoutError",
                "took longer than the 4 s limit (--timeout) and did not stop; "
                "its worker process was ended",
            )
        },
    )


def _noise_pdf(path: Path, pages: int) -> Path:
    """Pages of black-and-white noise at 200 dpi: Tesseract works on each for a second or more."""
    from PIL import Image

    rng = random.Random(18)
    images = [
        Image.frombytes("L", (827, 1170), rng.randbytes(827 * 1170)).point(
            lambda v: 255 if v > 100 else 0
        )
        for _ in range(pages)
    ]
    images[0].save(path, "PDF", resolution=100.0, save_all=True, append_images=images[1:])
    return path


def test_tesseract_and_ocr_temporaries_end_with_the_files_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, scratch = _folder(tmp_path), tmp_path / "tmp"
    scratch.mkdir()
    _noise_pdf(folder / "noise.pdf", 6)
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", None)  # gettempdir() reads TMPDIR again
    out = tmp_path / "out"
    args = ["run", str(folder), "--out", str(out), "-q", "-j", "2", "--timeout", "3"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    error_type, message = _errors(out)["noise.pdf"]
    assert error_type == "FileTimeoutError"
    assert message.startswith("took longer than the 3 s limit (--timeout) in stage read")
    assert _documents(out) == {"good.pdf"}
    # No Tesseract left working on a page image of this run, and no page image left.
    running = subprocess.run(["pgrep", "-f", str(scratch)], capture_output=True, check=False)
    assert running.stdout == b""
    assert list(scratch.iterdir()) == []


def test_limits_refuse_bombs_huge_pages_and_page_floods(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    deflate_bomb_pdf(folder / "bomb.pdf", LIMITS.max_stream_bytes + (1 << 20))
    font_bomb_pdf(folder / "font.pdf", LIMITS.max_stream_bytes + 1)
    huge_image_pdf(folder / "image.pdf", 20_000, 20_000)
    huge_page_pdf(folder / "huge.pdf", 250)
    many_pages_pdf(folder / "pages.pdf", LIMITS.max_pages + 1)
    assert (folder / "bomb.pdf").stat().st_size < 2000
    code, stderr, seconds, peak = _run("run", folder, "--out", tmp_path / "out", "-q", "-j", "2")
    assert (code, stderr) == (1, "")
    assert seconds < 90
    assert peak < 1024  # MiB, in the biggest process (a 129 MiB stream was never inflated whole)
    _only_bad_failed(
        tmp_path / "out",
        {
            "bomb.pdf": (
                "LimitError",
                "stream 4 0 R (page 1) decompresses to more than 128 MiB (a decompression bomb?)",
            ),
            "font.pdf": (
                "LimitError",
                "stream 6 0 R (page 1) decompresses to more than 128 MiB (a decompression bomb?)",
            ),
            "image.pdf": (
                "LimitError",
                "page 1: image 5 0 R is 20000 × 20000 pixels (the limit is 300 million)",
            ),
            "huge.pdf": (
                "LimitError",
                "page 1 is 250 × 250 inches (the limit is 200 inches a side)",
            ),
            "pages.pdf": ("LimitError", "more than 5000 pages (the limit per file)"),
        },
    )


def test_forms_drawn_too_often_are_refused(tmp_path: Path) -> None:
    # Ten forms, each drawing the next one ten times: 10^10 draws from 11 small streams.
    form = (
        b"/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /N %d 0 R >> >>"
    )
    forms = [stream(b"/N Do " * 10, form % (n + 6)) for n in range(10)]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
    page += b"/Resources << /XObject << /N 5 0 R >> >> /Contents 4 0 R >>"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]
    raw_pdf(tmp_path / "fan.pdf", [*objects, page, stream(b"/N Do"), *forms])
    code, _, seconds, _ = _run("run", tmp_path / "fan.pdf", "--out", tmp_path / "out", "-q")
    assert code == 1 and seconds < 60
    assert _errors(tmp_path / "out") == {
        "fan.pdf": (
            "LimitError",
            "page 1 draws its form XObjects more than 10000 times (nested forms)",
        )
    }


def test_ocr_render_is_scaled_down_on_big_pages() -> None:
    # A4 at 200 dpi stays as it is; a 100-inch page is rendered at the pixel cap, not 20000².
    assert ocr_scale(595, 842, 200) == pytest.approx(200 / 72)
    scale = ocr_scale(7200, 7200, 200)
    assert (7200 * scale) ** 2 == pytest.approx(LIMITS.max_ocr_pixels)


def test_a_name_that_is_not_utf8_is_one_error_row(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    bad = os.fsencode(folder) + b"/p\xf6yt\xe4kirja.txt"
    with open(bad, "w", encoding="utf-8") as fh:
        fh.write("Porvoon kaupunki\nKaupunginhallitus 22.01.2024 § 25\n")
    out = tmp_path / "out"
    for _ in range(2):  # and again next run, while the file is there
        code, stderr, _, _ = _run("run", folder, "--out", out, "-q")
        assert (code, stderr) == (1, "")
        assert _errors(out) == {
            "p\\xf6yt\\xe4kirja.txt": (
                "FileNameError",
                "the file name is not valid UTF-8; rename the file",
            )
        }
        assert _documents(out) == {"good.pdf"}


def test_fatal_errors_exit_3_with_one_line(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    out = tmp_path / "file" / "out"
    code, stderr, _, _ = _run("run", folder, "--out", out, "-q")
    message = f"Error: the output folder {out} is not writable: Not a directory ({out})\n"
    assert (code, stderr) == (3, message)
    code, stderr, _, _ = _run("--debug", "run", folder, "--out", out, "-q")
    assert code == 3
    assert stderr.startswith("Traceback (most recent call last):")
    assert stderr.endswith(message)


def test_a_failed_write_of_the_outputs_is_exit_3_and_marked(tmp_path: Path) -> None:
    folder, out = _folder(tmp_path), tmp_path / "out"
    out.mkdir()
    (out / "json").write_text("in the way of json/", encoding="utf-8")
    result = CliRunner().invoke(main, ["run", str(folder), "--out", str(out), "-q"])
    assert result.exit_code == 3
    assert result.stderr == (
        f"Error: cannot write the outputs to {out}: File exists ({out / 'json'})\n"
    )
    assert freshness.stale(out) == [
        "the last run was stopped while writing the outputs: they may mix two runs; "
        "run poimija again"
    ]


def test_a_second_run_on_a_locked_folder_stops_with_a_clear_message(tmp_path: Path) -> None:
    folder, out = _folder(tmp_path), tmp_path / "out"
    out.mkdir()
    # The lock of a run in another process (POSIX locks do not conflict within one process).
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time\n"
            f"fd = os.open({str(out / '.poimija.lock')!r}, os.O_RDWR | os.O_CREAT)\n"
            "fcntl.lockf(fd, fcntl.LOCK_EX)\n"
            "os.write(fd, b'4242\\n'); print('locked', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"locked\n"
        code, stderr, _, _ = _run("run", folder, "--out", out, "-q")
    finally:
        holder.kill()
        holder.wait()
    assert (code, stderr) == (
        3,
        f"Error: another poimija run (pid 4242) is writing to {out}; "
        "try again when it has finished\n",
    )
    assert not (out / "documents.csv").exists()
    assert _run("run", folder, "--out", out, "-q")[0] == 0  # the lock went with its process
    assert _documents(out) == {"good.pdf"}


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        children = (task / "children").read_text(encoding="ascii").split()
        found.update(int(c) for c in children)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def slow_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A minutes PDF that takes a worker ten seconds or more to read."""
    return long_minutes_pdf(tmp_path_factory.mktemp("slow") / "slow.pdf", 1500)


def _start_slow_run(tmp_path: Path, slow_pdf: Path) -> tuple[subprocess.Popen[str], Path, Path]:
    """`poimija run` on a good file and a slow one, returned once the good one is committed."""
    folder, out, scratch = _folder(tmp_path), tmp_path / "out", tmp_path / "tmp"
    scratch.mkdir()
    shutil.copy(slow_pdf, folder / "slow.pdf")
    proc = subprocess.Popen(
        [POIMIJA, "run", folder, "--out", out, "-j", "2"],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(scratch)},
    )
    assert proc.stderr is not None
    line = proc.stderr.readline()
    assert line.startswith("ok       "), line  # the good file, while the slow one still runs
    return proc, out, scratch


@pytest.mark.skipif(sys.platform != "linux", reason="/proc and PR_SET_PDEATHSIG are Linux's")
def test_workers_die_with_a_killed_run(tmp_path: Path, slow_pdf: Path) -> None:
    proc, _, scratch = _start_slow_run(tmp_path, slow_pdf)
    with proc:
        workers = _children(proc.pid)
        assert workers and all(_alive(w) for w in workers)
        assert [p.name.startswith(f"poimija-run-{proc.pid}-") for p in scratch.iterdir()] == [True]
        proc.kill()
    deadline = time.monotonic() + 20
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers)
    # The killed run's scratch folder is removed by the next run, and that run's own too.
    env = {**os.environ, "TMPDIR": str(scratch)}
    assert _run("run", tmp_path / "in" / "good.pdf", "--out", tmp_path / "o2", env=env)[0] == 0
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_sigterm_or_ctrl_c_stops_a_run_promptly_and_writes_the_finished_files(
    tmp_path: Path, slow_pdf: Path, sig: signal.Signals
) -> None:
    proc, out, scratch = _start_slow_run(tmp_path, slow_pdf)
    with proc:
        proc.send_signal(sig)
        started = time.monotonic()
        _, stderr = proc.communicate(timeout=60)
    assert time.monotonic() - started < 10
    assert proc.returncode == 130
    assert stderr.endswith("interrupted; the outputs hold the 1 file(s) finished\n")
    assert _documents(out) == {"good.pdf"}
    assert list(scratch.iterdir()) == []  # the run's temporary folder went with it


def test_workers_are_capped(caplog: pytest.LogCaptureFixture) -> None:
    assert pool_size(1000, 3) == 3
    assert pool_size(2, 3) == 2
    assert pool_size(1000, 1000) == MAX_WORKERS
    assert caplog.messages == [
        f"-j 1000 is more than the {MAX_WORKERS} worker processes allowed: using 3",
        f"-j 1000 is more than the {MAX_WORKERS} worker processes allowed: using {MAX_WORKERS}",
    ]


def test_output_folder_equal_to_an_input_is_a_usage_error(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = CliRunner().invoke(main, ["run", str(folder), "--out", str(folder), "-q"])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"Error: the output folder {folder} is (or holds) the input {folder}: "
        "choose another --out\n"
    )
    assert not (folder / "documents.csv").exists()
    result = CliRunner().invoke(main, ["run", str(folder / "good.pdf"), "--out", str(folder)])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"Error: the input {folder / 'good.pdf'} is inside the output folder {folder}\n"
    )


def test_output_folder_inside_the_inputs_is_left_out_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _folder(tmp_path)
    out = folder / "out"
    args = ["run", str(folder), "--out", str(out), "-j", "1", "--timeout", "0"]
    first = CliRunner().invoke(main, args)
    second = CliRunner().invoke(main, args)
    assert (first.exit_code, second.exit_code) == (0, 0)
    warning = f"the output folder {out} is inside the input {folder}: its files are not read"
    assert caplog.messages.count(warning) == 2
    assert _documents(out) == {"good.pdf"}  # its own texts and CSVs were not read as inputs


def test_leftovers_of_a_killed_write_are_removed(tmp_path: Path) -> None:
    folder, out = _folder(tmp_path), tmp_path / "out"
    (out / "parquet").mkdir(parents=True)
    leftovers = [
        out / ".documents.csv.k3j9.tmp",
        out / ".poimija.duckdb.5f2a.tmp",
        out / ".poimija.duckdb.5f2a.tmp.wal",
        out / "parquet" / ".themes.parquet.x1.tmp",
    ]
    for path in leftovers:
        path.write_bytes(b"half")
    code, stderr, _, _ = _run("run", folder, "--out", out, "-q")
    assert (code, stderr) == (
        0,
        f"INFO pipeline.rundir: removed 4 temporary file(s) left by an interrupted run in {out}\n",
    )
    assert [p for p in leftovers if p.exists()] == []
    assert not [p.name for p in out.rglob("*.tmp*")]
    assert _documents(out) == {"good.pdf"}


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
    folder = _folder(tmp_path)
    (folder / "minutes.txt").write_bytes(encoded)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["run", str(folder), "--out", str(out), "-q", "--timeout", "0"]
    )
    assert result.exit_code == 0, result.output
    document = _rows(out, "documents", "source_path")["minutes.txt"]
    assert (document["doc_type"], document["meeting_date"]) == ("minutes", "2024-01-22")
    assert document["title"] == "Porvoon kaupunki Kaupunginhallitus 22.01.2024 § 25"
    assert document["warnings"] == (warning or "")
    text = (out / "text" / f"{document['document_id']}.txt").read_text(encoding="utf-8")
    assert text == MINUTES
    assert "good.pdf" in _documents(out)


def test_a_text_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with (folder / "big.txt").open("wb") as fh:
        fh.truncate(LIMITS.max_text_bytes + 1)  # sparse: no disk used
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(folder), "--out", str(out), "-q"])
    assert result.exit_code == 1
    _only_bad_failed(
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


def test_outputs_of_two_runs_are_told_apart(tmp_path: Path) -> None:
    folder, out = _folder(tmp_path), tmp_path / "out"
    assert CliRunner().invoke(main, ["run", str(folder), "--out", str(out), "-q"]).exit_code == 0
    stamp = json.loads((out / "outputs.json").read_text(encoding="utf-8"))
    assert stamp["complete"] is True
    assert {"documents.csv", "errors.csv", "records.jsonl", "poimija.duckdb"} <= set(stamp["files"])
    assert "parquet/documents.parquet" in stamp["files"]
    assert freshness.stale(out) == []
    # A newer CSV beside the older Parquet and DuckDB (a run killed between the two writes):
    header = (out / "documents.csv").read_text(encoding="utf-8").split("\n", 1)[0]
    (out / "documents.csv").write_text(header + "\n", encoding="utf-8")
    assert freshness.stale(out) == [
        "documents.csv changed since the run that wrote the other outputs"
    ]
    result = compare(out, html=tmp_path / "r.html", stamp=STAMP)
    assert "documents.csv changed since the run that wrote the other outputs" in (
        result.comparison.problems
    )
    # Killed while writing: the stamp says so until the next run completes.
    freshness.begin(out)
    assert freshness.stale(out) == [
        "the last run was stopped while writing the outputs: they may mix two runs; "
        "run poimija again"
    ]
    assert CliRunner().invoke(main, ["run", str(folder), "--out", str(out), "-q"]).exit_code == 0
    assert freshness.stale(out) == []


def test_an_unopenable_manifest_is_exit_3_without_advice_to_delete(tmp_path: Path) -> None:
    folder, out = _folder(tmp_path), tmp_path / "out"
    (out / "manifest.sqlite").mkdir(parents=True)  # as unopenable as a file of another user
    result = CliRunner().invoke(main, ["run", str(folder), "--out", str(out), "-q"])
    assert result.exit_code == 3
    assert result.stderr == (
        f"Error: cannot open the manifest {out / 'manifest.sqlite'}: unable to open database "
        "file (check that the folder can be written and the disk is not full)\n"
    )


def test_a_full_disk_is_exit_3_with_one_line(tmp_path: Path) -> None:
    # RLIMIT_FSIZE makes every write past 16 KiB fail as a full disk would (EFBIG for ENOSPC).
    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (16384, 16384))

    folder, out = _folder(tmp_path), tmp_path / "out"
    done = subprocess.run(
        [POIMIJA, "run", str(folder), "--out", str(out), "-q"],
        capture_output=True,
        text=True,
        preexec_fn=small_disk,
        check=False,
    )
    assert (done.returncode, done.stderr) == (
        3,
        f"Error: cannot open the manifest {out / 'manifest.sqlite'}: disk I/O error "
        "(check that the folder can be written and the disk is not full)\n",
    )
