"""Throughput and memory of `poimija run` against a bare pdfplumber loop, in one sitting.

    .venv/bin/python benchmarks/bench.py                      # samples + ../shared/real-pdfs
    .venv/bin/python benchmarks/bench.py DIR_OR_PDF ... --json bench.json

Every measured run is a fresh process (as a user would start it), so start-up, imports and the
spaCy load are included. Figures:

- bare pdfplumber: `page.extract_text()` on every page, in its own process (the yardstick;
  start-up is counted on both sides);
- poimija end-to-end with 1 and 2 workers (`--force`, so nothing is skipped), peak RSS of each;
- the re-run over the unchanged corpus (no `--force`: the manifest should skip every file);
- the same ratios over the text-layer files only (files with OCR'd pages left out), because
  Tesseract's time has no counterpart in the bare loop.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUTS = [ROOT / "samples", ROOT.parent / "shared" / "real-pdfs"]

# The yardstick, run in a child process: seconds and pages per file, as JSON to argv[1].
_BARE_LOOP = textwrap.dedent(
    """
    import json, sys, time
    import pdfplumber
    out = {}
    for path in sys.argv[2:]:
        started = time.perf_counter()
        with pdfplumber.open(path) as pdf:
            n = 0
            for page in pdf.pages:
                page.extract_text()
                page.close()
                n += 1
        out[path] = [time.perf_counter() - started, n]
    with open(sys.argv[1], "w") as fh:
        json.dump(out, fh)
    """
)


@dataclass(slots=True)
class Run:
    """One child process: what it was, how long it took, how much memory it held."""

    label: str
    seconds: float
    peak_rss_mb: float  # the largest single process (wait4's ru_maxrss)
    peak_tree_rss_mb: float  # the process and its workers together, sampled every 0.1 s
    returncode: int
    note: str = ""


@dataclass(slots=True)
class Report:
    """Everything the benchmark measured, and the ratios derived from it."""

    files: int
    pages: int
    ocr_files: list[str]
    text_files: int
    text_pages: int
    bare_seconds: float
    bare_text_seconds: float
    cli_features: dict[str, bool]
    runs: list[Run] = field(default_factory=list)
    ratios: dict[str, float | None] = field(default_factory=dict)


def pdfs_under(inputs: list[Path]) -> list[Path]:
    """The PDFs named or found (recursively) under the inputs, sorted per input."""
    found: list[Path] = []
    for item in inputs:
        if item.is_dir():
            found += sorted(p for p in item.rglob("*") if p.suffix.lower() == ".pdf")
        elif item.suffix.lower() == ".pdf":
            found.append(item)
    return found


def poimija_command() -> list[str]:
    """The `poimija` beside this Python (the venv's), else `python -m pipeline.cli`."""
    script = Path(sys.executable).with_name("poimija")
    return [str(script)] if script.exists() else [sys.executable, "-m", "pipeline.cli"]


def cli_features() -> dict[str, bool]:
    """Which batch options `poimija run` has (another change adds them)."""
    text = subprocess.run(
        [*poimija_command(), "run", "--help"], capture_output=True, text=True, check=False
    ).stdout
    return {name: f"--{name}" in text for name in ("workers", "force", "quiet")}


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc (0 once it is gone)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(
                int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")
            )
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def measure(label: str, command: list[str], note: str = "") -> Run:
    """Run `command` to the end; wall seconds, its own peak RSS and its tree's sampled peak."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        peak_tree = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak_tree
            while not done.is_set():
                peak_tree = max(peak_tree, _tree_rss_kb(proc.pid))
                done.wait(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        # wait4 gives the child's own rusage (ru_maxrss: its peak, in KiB on Linux).
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        last = errors.read().decode(errors="replace").strip().splitlines()[-1:]
    if proc.returncode not in (0, 1) and last:  # 1 = some file failed; the run still counts
        note = f"{note} {last[0]}".strip()
    return Run(
        label=label,
        seconds=seconds,
        peak_rss_mb=usage.ru_maxrss / 1024,
        peak_tree_rss_mb=max(peak_tree, usage.ru_maxrss) / 1024,
        returncode=proc.returncode,
        note=note,
    )


def bare_pdfplumber(label: str, files: list[Path], tmp: Path) -> tuple[Run, dict[str, int]]:
    """The bare `extract_text()` loop as a fresh process (start-up included, as for poimija)."""
    pages_json = tmp / f"bare-{len(files)}.json"
    run = measure(label, [sys.executable, "-c", _BARE_LOOP, str(pages_json), *map(str, files)])
    if run.returncode != 0:
        raise SystemExit(f"the bare pdfplumber loop failed: {run.note}")
    raw = json.loads(pages_json.read_text(encoding="utf-8"))
    return run, {path: int(v[1]) for path, v in raw.items()}


def ocr_files_of(out_dir: Path) -> set[str]:
    """Source paths of the documents that had OCR'd pages, from a run's documents.csv."""
    table = out_dir / "documents.csv"
    if not table.exists():
        return set()
    with table.open(newline="", encoding="utf-8") as fh:
        return {
            str(Path(row["source_path"]).resolve())
            for row in csv.DictReader(fh)
            if int(row.get("ocr_pages") or 0) > 0
        }


def run_poimija(
    label: str, inputs: list[Path], out: Path, features: dict[str, bool], workers: int, force: bool
) -> Run:
    """One `poimija run` as a fresh process, with the options this version has."""
    command = [*poimija_command(), "run", *map(str, inputs), "--out", str(out)]
    note = ""
    if features["quiet"]:
        command.append("--quiet")
    if features["workers"]:
        command += ["--workers", str(workers)]
    elif workers != 1:
        note = "no --workers option: ran with the default"
    if force and features["force"]:
        command.append("--force")
    return measure(label, command, note)


def benchmark(inputs: list[Path], workers: list[int]) -> Report:
    """Measure everything once and derive the ratios."""
    files = pdfs_under(inputs)
    if not files:
        raise SystemExit("no PDFs under the inputs")
    features = cli_features()
    one = workers[0]
    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="poimija-bench-") as tmp_name:
        tmp = Path(tmp_name)
        bare, pages_of = bare_pdfplumber("bare pdfplumber, all files", files, tmp)
        first: dict[int, Run] = {}
        for n in workers:
            out = tmp / f"all-w{n}"
            first[n] = run_poimija(f"all files, {n} worker(s)", files, out, features, n, True)
        ocr = ocr_files_of(tmp / f"all-w{one}")
        rerun = run_poimija(
            f"re-run, unchanged corpus, {one} worker(s)",
            files,
            tmp / f"all-w{one}",
            features,
            one,
            False,
        )
        if not features["force"]:
            rerun.note = "no incremental manifest (--force missing): the re-run redoes everything"
        text_files = [f for f in files if str(f.resolve()) not in ocr]
        bare_text, _ = bare_pdfplumber("bare pdfplumber, text-layer files", text_files, tmp)
        text_runs: dict[int, Run] = {}
        for n in workers:
            out = tmp / f"text-w{n}"
            text_runs[n] = run_poimija(
                f"text-layer files only, {n} worker(s)", text_files, out, features, n, True
            )
    runs = [bare, *first.values(), rerun, bare_text, *text_runs.values()]
    report = Report(
        files=len(files),
        pages=sum(pages_of.values()),
        ocr_files=sorted(str(f) for f in files if str(f.resolve()) in ocr),
        text_files=len(text_files),
        text_pages=sum(pages_of[str(f)] for f in text_files),
        bare_seconds=bare.seconds,
        bare_text_seconds=bare_text.seconds,
        cli_features=features,
        runs=runs,
    )
    report.ratios["throughput_vs_bare_all"] = bare.seconds / first[one].seconds
    report.ratios["throughput_vs_bare_text_only"] = bare_text.seconds / text_runs[one].seconds
    if len(workers) > 1 and features["workers"]:
        many = workers[-1]
        report.ratios[f"speedup_{many}_vs_{one}_workers_all"] = (
            first[one].seconds / first[many].seconds
        )
        report.ratios[f"speedup_{many}_vs_{one}_workers_text_only"] = (
            text_runs[one].seconds / text_runs[many].seconds
        )
    report.ratios["rerun_vs_first_run"] = rerun.seconds / first[one].seconds
    return report


def markdown(report: Report) -> str:
    """The figures as a Markdown table for the README."""
    rows = [
        "| run | pages | seconds | pages/s | peak RSS, largest process | peak RSS, all |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for run in report.runs:
        text_only = "text-layer" in run.label
        pages = report.text_pages if text_only else report.pages
        name = run.label if run.label.startswith("bare") else f"poimija, {run.label}"
        rows.append(
            f"| {name} | {pages} | {run.seconds:.1f} | {pages / run.seconds:.1f} "
            f"| {run.peak_rss_mb:.0f} MB | {run.peak_tree_rss_mb:.0f} MB |"
        )
    rows.append("")
    rows += [f"- {name.replace('_', ' ')}: **{value:.2f}×**" for name, value in ratio_items(report)]
    return "\n".join(rows)


def ratio_items(report: Report) -> list[tuple[str, float]]:
    """The ratios that could be measured, in report order."""
    return [(k, v) for k, v in report.ratios.items() if v is not None]


def main(argv: list[str] | None = None) -> int:
    """Command line: inputs (default: the samples and the shared real PDFs), --json FILE."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=DEFAULT_INPUTS)
    parser.add_argument("--json", type=Path, help="also save the figures to this JSON file")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    args = parser.parse_args(argv)
    workers = [int(n) for n in args.workers.split(",")]
    report = benchmark(args.inputs, workers)
    missing = [f"--{name}" for name, have in report.cli_features.items() if not have]
    if missing:
        print(f"note: `poimija run` has no {', '.join(missing)} yet; see the notes per run.\n")
    print(
        f"{report.files} files, {report.pages} pages; OCR'd files: {len(report.ocr_files)} "
        f"({', '.join(Path(f).name for f in report.ocr_files) or 'none'})\n"
    )
    print(markdown(report))
    for run in report.runs:
        if run.note or run.returncode not in (0, 1):
            print(f"  {run.label}: exit {run.returncode} {run.note}".rstrip())
    if args.json:
        args.json.write_text(json.dumps(asdict(report), indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
