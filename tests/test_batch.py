"""The batch engine: incremental runs, workers, Dask, timeouts, progress and exit codes."""

from __future__ import annotations

import csv
import multiprocessing
import os
import pty
import re
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import cast

import pytest
from click.testing import CliRunner

import extractors
from extractors.registry import _REGISTRY
from pipeline.batch import run_batch
from pipeline.batch.executors import _overdue, _start_clocks, execute
from pipeline.batch.jobs import Job
from pipeline.batch.manifest import MANIFEST_NAME
from pipeline.batch.progress import Progress
from pipeline.cli import main
from pipeline.outputs.export import write_outputs
from pipeline.results import DocumentResult
from pipeline.run import run_files
from pipeline.settings import Settings
from tests.conftest import SAMPLES
from tests.pdfgen import long_minutes_pdf, text_pdf
from tests.test_bad_input import GOOD_LINES

# Small real samples: a few pages each, so a batch of them takes well under a second.
SMALL = ("000_joensuu_kh_2022_digiohjelma.pdf", "003_kuopio_kh_2019_idk_hanke.pdf")
KUOPIO_LINES = [
    "Kuopion kaupunki",
    "Kaupunginhallitus 10.03.2025 § 12",
    "Päätösehdotus",
    "Kaupunginhallitus merkitsee tiedoksi selvityksen.",
    "Päätös",
    "Hyväksyttiin.",
]
POIMIJA = str(Path(sys.executable).parent / "poimija")
_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)?")
# The timeout tests' limit and slow file: the small files take ~0.1 s and the slow one ~30 s
# here, so both sides keep a margin of ten or more on a slower or busier machine.
LIMIT = 3
SLOW_PAGES = 3000


@pytest.fixture(scope="module")
def slow_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated minutes PDF that takes ten times the timeout tests' limit to read."""
    return long_minutes_pdf(tmp_path_factory.mktemp("slow") / "long.pdf", SLOW_PAGES)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """Two real samples and a generated minutes PDF."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in SMALL:
        shutil.copy(SAMPLES / name, folder / name)
    text_pdf(folder / "porvoo.pdf", [GOOD_LINES])
    return folder


def outputs(out: Path, *, times: bool = True) -> dict[str, str]:
    """Every table, JSON and text file of a run folder; with `times=False` timestamps blanked.

    changes.csv is left out: it depends on the run before (tests/test_changes.py checks it).
    """
    tables = [p for p in out.glob("*.csv") if p.name != "changes.csv"]
    files = [*tables, out / "records.jsonl", *out.glob("json/*"), *out.glob("text/*")]
    texts = {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in files}
    return texts if times else {k: _TIMESTAMP.sub("<time>", v) for k, v in texts.items()}


def cli(*args: str | Path) -> tuple[int, str]:
    """Run the CLI in-process; returns the exit code and stderr."""
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stderr


def settings(out: Path, **extra: object) -> Settings:
    """Settings for a test run into `out` (one worker unless told)."""
    return Settings(out_dir=out, **{"workers": 1, **extra})  # type: ignore[arg-type]


def test_tables_from_the_manifest_equal_a_direct_export(inputs: Path, tmp_path: Path) -> None:
    # The outputs are rebuilt from the stored results: nothing may be lost on the way.
    direct = tmp_path / "direct"
    write_outputs(direct, sorted(run_files([inputs]), key=lambda r: str(r.path)))
    report = run_batch([inputs], settings(tmp_path / "out"))
    assert len(report.processed) == 3 and report.exit_code == 0
    assert outputs(tmp_path / "out", times=False) == outputs(direct, times=False)
    assert len(list((tmp_path / "out" / "text").glob("*.txt"))) == 3


def test_second_run_skips_everything_and_keeps_the_tables(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_batch([inputs], settings(out))
    before = outputs(out)
    second = run_batch([inputs], settings(out))
    assert (len(first.processed), first.skipped) == (3, 0)
    assert (len(second.processed), second.skipped, second.pages) == (0, 3, 0)
    # Byte for byte, extracted_at included: skipped files keep their stored rows.
    assert outputs(out) == before


def test_changed_file_is_reextracted_and_its_old_records_are_gone(
    inputs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run_batch([inputs], settings(out))
    old_id = _document_ids(out)["porvoo.pdf"]
    text_pdf(inputs / "porvoo.pdf", [KUOPIO_LINES])
    report = run_batch([inputs], settings(out))
    assert ([r.path.name for r in report.processed], report.skipped) == (["porvoo.pdf"], 2)
    new_id = _document_ids(out)["porvoo.pdf"]
    assert new_id != old_id
    assert not any(old_id in text for text in outputs(out).values())
    assert not (out / "json" / f"{old_id}.json").exists()
    assert not (out / "text" / f"{old_id}.txt").exists()
    decisions = [r for r in report.results if r.document and r.document.document_id == new_id]
    assert decisions[0].document is not None
    assert decisions[0].document.municipality == "Kuopio"


def test_deleted_file_stays_without_prune_and_goes_with_it(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([inputs], settings(out))
    (inputs / "porvoo.pdf").unlink()
    kept = run_batch([inputs], settings(out))
    assert (len(kept.processed), kept.skipped, kept.pruned) == (0, 2, 0)
    assert "porvoo.pdf" in _document_ids(out)
    pruned = run_batch([inputs], settings(out, prune=True))
    assert pruned.pruned == 1
    assert set(_document_ids(out)) == set(SMALL)
    assert len(list((out / "json").glob("*.json"))) == 2


def test_force_reextracts_every_file(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([inputs], settings(out))
    before = outputs(out, times=False)
    report = run_batch([inputs], settings(out, force=True))
    assert (len(report.processed), report.skipped) == (3, 0)
    assert outputs(out, times=False) == before


def test_unchanged_failed_file_is_skipped_until_retried(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (inputs / "zero.pdf").write_bytes(b"")
    assert cli("run", inputs, "--out", out, "-q", "-j", "1")[0] == 1
    errors = (out / "errors.csv").read_text(encoding="utf-8")
    # Skipped, but still failed: its row stays in errors.csv and the exit code says so.
    code, stderr = cli("run", inputs, "--out", out, "-j", "1")
    assert code == 1
    assert "4 skipped" in stderr and "1 of them failed earlier" in stderr
    assert (out / "errors.csv").read_text(encoding="utf-8") == errors
    retried = run_batch([inputs], settings(out, retry_failed=True))
    assert [r.path.name for r in retried.processed] == ["zero.pdf"]
    assert retried.processed[0].errors[0].error_type == "EmptyDocumentError"


def test_copies_of_one_file_are_written_once(inputs: Path, tmp_path: Path) -> None:
    # The same PDF saved twice (an attachment of two meetings) has one document ID: its records
    # are written once, and the first copy's document row says where the other one is.
    copy = inputs / "z" / "kopio.pdf"
    copy.parent.mkdir()
    shutil.copy(inputs / SMALL[1], copy)
    report = run_batch([inputs], settings(tmp_path / "out"))
    assert report.exit_code == 0 and len(report.processed) == 4
    out = tmp_path / "out"
    with (out / "documents.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [Path(r["source_path"]).name for r in rows] == [*SMALL, "porvoo.pdf"]
    [kuopio] = [r for r in rows if r["source_path"].endswith(SMALL[1])]
    assert kuopio["warnings"] == f"the same file is also at {copy} (left out)"
    funding_ids = [
        r["funding_id"]
        for r in csv.DictReader((out / "funding.csv").read_text(encoding="utf-8").splitlines())
    ]
    assert len(funding_ids) == len(set(funding_ids)) == 5  # Kuopio's five amounts, once


def test_two_workers_give_the_same_tables_as_one(inputs: Path, tmp_path: Path) -> None:
    long_minutes_pdf(inputs / "long.pdf", 12)
    assert cli("run", inputs, "--out", tmp_path / "one", "-q", "-j", "1")[0] == 0
    assert cli("run", inputs, "--out", tmp_path / "two", "-q", "-j", "2")[0] == 0
    one, two = outputs(tmp_path / "one", times=False), outputs(tmp_path / "two", times=False)
    assert one == two
    assert one["decisions.csv"].count("\n") == 1 + 12 + 2 + 1  # header, long, samples, porvoo


# The limit is sent into the Dask worker thread asynchronously; when it lands in one of
# distributed's garbage-collection callbacks, Python reports it as unraisable and the limit
# fires again a moment later (that is why it repeats).
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_dask_gives_the_same_tables_and_enforces_the_timeout(
    inputs: Path, slow_pdf: Path, tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed", reason="dask is in the dev extra")
    shutil.copy(slow_pdf, inputs / "long.pdf")
    serial = run_batch([inputs], settings(tmp_path / "serial", timeout=LIMIT))
    # Threads in this process: the limit is enforced in a worker thread, not by SIGALRM.
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        dask = run_batch(
            [inputs],
            settings(
                tmp_path / "dask",
                executor="dask",
                scheduler=cluster.scheduler_address,
                timeout=LIMIT,
            ),
        )
    assert outputs(tmp_path / "serial", times=False) == outputs(tmp_path / "dask", times=False)
    for report in (serial, dask):
        assert report.exit_code == 1 and report.failed == 1
        [error] = [e for r in report.results for e in r.errors]
        assert (Path(error.file).name, error.stage, error.error_type) == (
            "long.pdf",
            "read",
            "FileTimeoutError",
        )
        assert error.message == f"took longer than the {LIMIT} s limit (--timeout) in stage read"
        assert len([r for r in report.results if r.document]) == 3


def test_timeout_in_a_process_pool_fails_only_the_slow_file(slow_pdf: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(slow_pdf, folder / "long.pdf")
    text_pdf(folder / "good.pdf", [GOOD_LINES])
    out = tmp_path / "out"
    code, _ = cli("run", folder, "--out", out, "-q", "-j", "2", "--timeout", str(LIMIT))
    assert code == 1
    rows = (out / "errors.csv").read_text(encoding="utf-8").splitlines()
    assert rows[1:] == [
        f"{folder / 'long.pdf'},read,FileTimeoutError,"
        f"took longer than the {LIMIT} s limit (--timeout) in stage read"
    ]
    assert list(_document_ids(out)) == ["good.pdf"]


def damaged_pdf(path: Path, good: bytes, old: bytes, new: bytes) -> Path:
    """`good` with one value replaced by a same-length wrong one (the xref offsets still hold)."""
    assert len(old) == len(new) and old in good
    path.write_bytes(good.replace(old, new, 1))
    return path


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A good PDF and two whose page dictionaries make pdfplumber raise while paging."""
    folder = tmp_path / "in"
    folder.mkdir()
    good = text_pdf(folder / "good.pdf", [GOOD_LINES]).read_bytes()
    # A name where a number belongs: pdfplumber raises TypeError / PdfminerException.
    damaged_pdf(folder / "rotate.pdf", good, b"/Rotate 0", b"/Rotate x")
    damaged_pdf(folder / "mediabox.pdf", good, b"0 0 595.2756", b"0 0 /Oops   ")
    return folder


def test_pdf_that_makes_the_parser_raise_gives_one_row(damaged: Path, tmp_path: Path) -> None:
    report = run_batch([damaged], settings(tmp_path / "out", reader="pdfplumber"))
    errors = {Path(e.file).name: e for r in report.results for e in r.errors}
    assert set(errors) == {"rotate.pdf", "mediabox.pdf"}
    for error in errors.values():
        assert error.stage == "read" and error.message and "\n" not in error.message
    assert [r.path.name for r in report.results if r.document] == ["good.pdf"]


def test_pdf_that_makes_the_parser_raise_is_a_read_error(damaged: Path, tmp_path: Path) -> None:
    report = run_batch([damaged], settings(tmp_path / "out", reader="pdfplumber"))
    errors = {Path(e.file).name: e for r in report.results for e in r.errors}
    assert errors["rotate.pdf"].error_type == "ReadError"
    assert errors["rotate.pdf"].message == (
        "corrupt PDF page tree: TypeError: unsupported operand type(s) for %: 'PSKeyword' and 'int'"
    )
    assert errors["mediabox.pdf"].error_type == "ReadError"


def test_pdfium_reads_what_makes_pdfminer_raise(damaged: Path, tmp_path: Path) -> None:
    # PDFium (the default reader) takes the damaged /Rotate and /MediaBox as their defaults.
    report = run_batch([damaged], settings(tmp_path / "out"))
    assert [e for r in report.results for e in r.errors] == []
    assert sorted(r.path.name for r in report.results if r.document) == [
        "good.pdf",
        "mediabox.pdf",
        "rotate.pdf",
    ]


@pytest.fixture
def crashing_extractor() -> Iterator[str]:
    """An extractor that kills its process on a document saying KAATUU (a segfault stand-in)."""

    @extractors.register("test_crash", table="decisions")
    def crash(doc, context):  # type: ignore[no-untyped-def]
        if any("KAATUU" in line.text for page in doc.pages for line in page.lines):
            os._exit(3)
        return []

    yield "test_crash"
    _REGISTRY.pop("test_crash")


@pytest.mark.parametrize("workers", [1, 2])
def test_dead_worker_gets_an_error_row_and_the_batch_goes_on(
    inputs: Path, tmp_path: Path, crashing_extractor: str, workers: int
) -> None:
    # With one worker too, the file that kills it shares the pool with the file waiting behind
    # it: both are tried again alone, and only the one that kills its worker alone is blamed.
    text_pdf(inputs / "kaatuu.pdf", [[*GOOD_LINES, "KAATUU"]])
    report = run_batch(
        [inputs],
        settings(tmp_path / "out", workers=workers, extractors=["decisions", crashing_extractor]),
    )
    errors = [(Path(e.file).name, e.error_type) for r in report.results for e in r.errors]
    assert errors == [("kaatuu.pdf", "WorkerDiedError")]
    assert sorted(r.path.name for r in report.results if r.document) == sorted(
        [*SMALL, "porvoo.pdf"]
    )
    assert report.exit_code == 1


def test_workers_dying_between_files_leave_no_file_without_a_row(
    inputs: Path, tmp_path: Path
) -> None:
    # The workers die while the batch is busy with a finished file (here: paused at it), so the
    # next file is handed to a broken pool.
    paths = sorted(inputs.iterdir())
    jobs = [Job(p, str(p), p.stat().st_size, 0, "") for p in paths]
    done = execute(jobs, settings(tmp_path / "out", workers=2, reader="pdfplumber"))
    first = next(done)
    workers = multiprocessing.active_children()
    assert len(workers) == 2
    for worker in workers:
        os.kill(cast(int, worker.pid), signal.SIGKILL)
        worker.join()
    results = {job.path.name: result for job, result in [first, *done]}
    assert sorted(results) == [p.name for p in paths]
    # No file killed a worker: the one running when they died is tried again alone, and the
    # one handed out after is read by the new pool.
    assert all(r.document is not None and not r.errors for r in results.values())


def test_a_file_waiting_in_the_pool_is_timed_from_when_a_worker_takes_it() -> None:
    # Each worker has a file waiting behind the one it reads; the hard limit counts from when
    # a file starts (as one ahead of it ends), not from when it was sent to the pool.
    jobs = [Job(Path(f"{n}.pdf"), f"{n}.pdf", 1, 0, "") for n in range(4)]
    running: dict[Future[DocumentResult], tuple[Job, float | None]] = {
        Future(): (job, None) for job in jobs
    }
    _start_clocks(running, 2)
    assert [t is not None for _, t in running.values()] == [True, True, False, False]
    running.pop(next(iter(running)))  # the first file ends: the third is taken
    _start_clocks(running, 2)
    assert [t is not None for _, t in running.values()] == [True, True, False]
    long_ago = {f: (job, None if t is None else t - 100) for f, (job, t) in running.items()}
    assert _overdue(long_ago, 50) == jobs[1:3]


def test_killed_run_keeps_the_outputs_and_the_finished_files(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([inputs], settings(out))
    before = outputs(out)
    new = [long_minutes_pdf(inputs / f"long{n}.pdf", 40 + n) for n in range(6)]
    keys = [str(p.absolute()) for p in new]
    with subprocess.Popen(
        [POIMIJA, "run", str(inputs), "--out", str(out), "-q", "-j", "1"],
        stderr=subprocess.DEVNULL,
    ) as proc:
        done = _wait_for_rows(out / MANIFEST_NAME, keys, proc)
        proc.send_signal(signal.SIGKILL)
    assert 1 <= done < len(new), "the run was not killed midway"
    # The previous outputs are untouched and parse; the manifest kept the finished files.
    assert outputs(out) == before
    assert _document_ids(out).keys() == {*SMALL, "porvoo.pdf"}
    resumed = run_batch([inputs], settings(out))
    assert (len(resumed.processed), resumed.skipped) == (len(new) - done, 3 + done)
    clean = run_batch([inputs], settings(tmp_path / "clean"))
    assert clean.exit_code == resumed.exit_code == 0
    assert outputs(out, times=False) == outputs(tmp_path / "clean", times=False)


def _wait_for_rows(manifest: Path, keys: list[str], proc: subprocess.Popen[bytes]) -> int:
    """Poll the manifest until one of `keys` is committed; returns how many are."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        with sqlite3.connect(f"file:{manifest}?mode=ro", uri=True) as db:
            marks = ",".join("?" * len(keys))
            (done,) = db.execute(
                f"SELECT count(*) FROM files WHERE path IN ({marks})", keys
            ).fetchone()
        if done:
            return int(done)
        time.sleep(0.02)
    pytest.fail("no file of the second run was committed")


def test_exit_codes(inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("run", inputs, "--out", tmp_path / "ok", "-q", "-j", "1")[0] == 0
    (inputs / "zero.pdf").write_bytes(b"")
    assert cli("run", inputs, "--out", tmp_path / "bad", "-q", "-j", "1")[0] == 1
    assert (tmp_path / "bad" / "documents.csv").is_file()  # outputs written all the same
    assert cli("run", inputs, "--workers", "0")[0] == 2
    assert cli("run", inputs, "--timeout", "-1")[0] == 2
    assert cli("run", inputs, "--executor", "spark")[0] == 2
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if dask were not installed
    code, stderr = cli("run", inputs, "--out", tmp_path / "x", "--executor", "dask")
    assert code == 2
    assert stderr == (
        "Error: --executor dask needs dask.distributed: pip install 'poimija[dask]'\n"
    )


def test_progress_lines_and_summary_when_not_a_terminal(inputs: Path, tmp_path: Path) -> None:
    (inputs / "zero.pdf").write_bytes(b"")
    code, stderr = cli("run", inputs, "--out", tmp_path / "out", "-j", "1")
    assert code == 1
    lines = stderr.splitlines()
    assert [line.split()[:2] for line in lines[:-1]] == [
        ["ok", str(inputs / SMALL[1])],  # biggest first: 7.5 kB
        ["ok", str(inputs / SMALL[0])],
        ["ok", str(inputs / "porvoo.pdf")],
        ["failed", str(inputs / "zero.pdf")],
    ]
    assert " minutes Porvoo 1p " in lines[2]
    assert lines[3].endswith(" — file is empty (0 bytes)")
    assert re.fullmatch(
        rf"4 files: 3 ok, 0 skipped, 1 failed; 6 pages in [\d.]+ s \([\d.]+ pages/s\); "
        rf"changes: \d+ added, 0 changed, 0 removed → "
        rf"{re.escape(str(tmp_path / 'out'))}",
        lines[-1],
    )


def test_progress_bar_on_a_terminal(inputs: Path, tmp_path: Path) -> None:
    master, slave = pty.openpty()
    try:
        with open(slave, "w", encoding="utf-8", closefd=False) as terminal:
            run_batch([inputs], settings(tmp_path / "out"), Progress(terminal))
        shown = b""
        while select.select([master], [], [], 0.1)[0]:
            shown += os.read(master, 65536)
    finally:
        os.close(master)
        os.close(slave)
    text = shown.decode()
    assert "\r\x1b[K[" in text and "3/3 files" in text and "ETA" in text
    # The bar is cleared before the summary is printed.
    assert text.rsplit("\r\x1b[K", 1)[-1].startswith("3 files: 3 ok, 0 skipped, 0 failed; 6 pages")


def test_quiet_prints_nothing(inputs: Path, tmp_path: Path) -> None:
    (inputs / "zero.pdf").write_bytes(b"")
    assert cli("run", inputs, "--out", tmp_path / "out", "-q", "-j", "1") == (1, "")


def _document_ids(out: Path) -> dict[str, str]:
    with (out / "documents.csv").open(encoding="utf-8", newline="") as fh:
        return {Path(r["source_path"]).name: r["document_id"] for r in csv.DictReader(fh)}
