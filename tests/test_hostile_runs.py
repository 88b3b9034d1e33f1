"""Unlucky runs (issue 18): odd file names, fatal errors (exit 3), signals, killed runs, locked
and overlapping output folders, outputs of one run.

Every hostile file is generated in the test and tiny; each test also checks that the good file
of the same batch is extracted.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.batch import freshness
from pipeline.batch.executors import MAX_WORKERS, pool_size
from pipeline.cli import main
from pipeline.compare import compare
from tests.hostile import (
    POIMIJA,
    batch_folder,
    documents_of,
    errors_of,
    run_poimija,
)
from tests.pdfgen import long_minutes_pdf
from tests.test_compare import STAMP


def test_a_name_that_is_not_utf8_is_one_error_row(tmp_path: Path) -> None:
    folder = batch_folder(tmp_path)
    bad = os.fsencode(folder) + b"/p\xf6yt\xe4kirja.txt"
    with open(bad, "w", encoding="utf-8") as fh:
        fh.write("Porvoon kaupunki\nKaupunginhallitus 22.01.2024 § 25\n")
    out = tmp_path / "out"
    for _ in range(2):  # and again next run, while the file is there
        code, stderr, _, _ = run_poimija("run", folder, "--out", out, "-q")
        assert (code, stderr) == (1, "")
        assert errors_of(out) == {
            "p\\xf6yt\\xe4kirja.txt": (
                "FileNameError",
                "the file name is not valid UTF-8; rename the file",
            )
        }
        assert documents_of(out) == {"good.pdf"}


def test_fatal_errors_exit_3_with_one_line(tmp_path: Path) -> None:
    folder = batch_folder(tmp_path)
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    out = tmp_path / "file" / "out"
    code, stderr, _, _ = run_poimija("run", folder, "--out", out, "-q")
    message = f"Error: the output folder {out} is not writable: Not a directory ({out})\n"
    assert (code, stderr) == (3, message)
    code, stderr, _, _ = run_poimija("--debug", "run", folder, "--out", out, "-q")
    assert code == 3
    assert stderr.startswith("Traceback (most recent call last):")
    assert stderr.endswith(message)


def test_a_failed_write_of_the_outputs_is_exit_3_and_marked(tmp_path: Path) -> None:
    folder, out = batch_folder(tmp_path), tmp_path / "out"
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
    folder, out = batch_folder(tmp_path), tmp_path / "out"
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
        code, stderr, _, _ = run_poimija("run", folder, "--out", out, "-q")
    finally:
        holder.kill()
        holder.wait()
    assert (code, stderr) == (
        3,
        f"Error: another poimija run (pid 4242) is writing to {out}; "
        "try again when it has finished\n",
    )
    assert not (out / "documents.csv").exists()
    assert run_poimija("run", folder, "--out", out, "-q")[0] == 0  # the lock went with its process
    assert documents_of(out) == {"good.pdf"}


def _children(pid: int) -> set[int]:
    found: set[int] = set()
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
    folder, out, scratch = batch_folder(tmp_path), tmp_path / "out", tmp_path / "tmp"
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
        # The process reading scanned pages ahead may have finished its work already.
        workers = [w for w in _children(proc.pid) if _alive(w)]
        assert workers
        assert [p.name.startswith(f"poimija-run-{proc.pid}-") for p in scratch.iterdir()] == [True]
        proc.kill()
    deadline = time.monotonic() + 20
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers)
    # The killed run's scratch folder is removed by the next run, and that run's own too.
    env = {**os.environ, "TMPDIR": str(scratch)}
    assert (
        run_poimija("run", tmp_path / "in" / "good.pdf", "--out", tmp_path / "o2", env=env)[0] == 0
    )
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
    assert documents_of(out) == {"good.pdf"}
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
    folder = batch_folder(tmp_path)
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
    folder = batch_folder(tmp_path)
    out = folder / "out"
    args = ["run", str(folder), "--out", str(out), "-j", "1", "--timeout", "0"]
    first = CliRunner().invoke(main, args)
    second = CliRunner().invoke(main, args)
    assert (first.exit_code, second.exit_code) == (0, 0)
    warning = f"the output folder {out} is inside the input {folder}: its files are not read"
    assert caplog.messages.count(warning) == 2
    assert documents_of(out) == {"good.pdf"}  # its own texts and CSVs were not read as inputs


def test_leftovers_of_a_killed_write_are_removed(tmp_path: Path) -> None:
    folder, out = batch_folder(tmp_path), tmp_path / "out"
    (out / "parquet").mkdir(parents=True)
    leftovers = [
        out / ".documents.csv.k3j9.tmp",
        out / ".poimija.duckdb.5f2a.tmp",
        out / ".poimija.duckdb.5f2a.tmp.wal",
        out / "parquet" / ".themes.parquet.x1.tmp",
    ]
    for path in leftovers:
        path.write_bytes(b"half")
    code, stderr, _, _ = run_poimija("run", folder, "--out", out, "-q")
    assert (code, stderr) == (
        0,
        "INFO pipeline.batch.rundir: removed 4 temporary file(s) left by an interrupted run"
        f" in {out}\n",
    )
    assert [p for p in leftovers if p.exists()] == []
    assert not [p.name for p in out.rglob("*.tmp*")]
    assert documents_of(out) == {"good.pdf"}


def test_outputs_of_two_runs_are_told_apart(tmp_path: Path) -> None:
    folder, out = batch_folder(tmp_path), tmp_path / "out"
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
    folder, out = batch_folder(tmp_path), tmp_path / "out"
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

    folder, out = batch_folder(tmp_path), tmp_path / "out"
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
