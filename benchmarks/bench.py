"""poimija's speed against a bare pdfplumber loop and PDFium's text, in one sitting (issue 21).

    .venv/bin/python benchmarks/bench.py                       # the default corpora below
    .venv/bin/python benchmarks/bench.py --json bench.json --workers 1,2

Every measured run is a fresh process (as a user would start it), so start-up, imports and the
spaCy load are included. Corpora: the real PDFs (`../shared/real-pdfs`), and the text-layer
files (no page OCR'd) of the real PDFs, `../shared/dev/pdf` and `samples/`. Figures:

- bare pdfplumber: `page.extract_text()` on every page (the yardstick); pypdfium2: every page's
  text (what the machine can read);
- poimija `run -j 1 --force` over the real PDFs and over the text-layer files (the ratios the
  issue sets: ≥ 1.5 and ≥ 2.5 against the bare loop), and with `--reader pdfplumber`;
- the OCR'd files alone with `-j 1` and `-j 2` (Tesseract per OCR'd page, and its scaling);
- `-j 2` against `-j 1` over the real PDFs;
- the re-run: `samples/` plus four real PDFs, first run, then unchanged (target ≤ 0.1);
- peak RSS of each run.

The runs a target ratio compares (the bare loop and `-j 1`, over the real PDFs and over the
text-layer files) are repeated, the two sides in turn, and their medians compared (`--repeat`,
default 3): one run of each swung by a tenth with the machine's load.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
REAL = SHARED / "real-pdfs"
TEXT_SOURCES = [REAL, SHARED / "dev" / "pdf", ROOT / "samples"]
# The re-run corpus: the samples and the four smallest real PDFs.
RERUN_REAL = 4

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
# What the machine can read: PDFium's text of every page.
_PDFIUM_LOOP = textwrap.dedent(
    """
    import sys
    import pypdfium2
    for path in sys.argv[1:]:
        pdf = pypdfium2.PdfDocument(path)
        for page in pdf:
            textpage = page.get_textpage()
            textpage.get_text_bounded()
            textpage.close()
            page.close()
        pdf.close()
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

    real_files: int
    real_pages: int
    ocr_files: list[str]
    text_files: int
    text_pages: int
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
    label: str,
    inputs: list[Path],
    out: Path,
    features: dict[str, bool],
    workers: int,
    force: bool,
    extra: tuple[str, ...] = (),
) -> Run:
    """One `poimija run` as a fresh process, with the options this version has."""
    command = [*poimija_command(), "run", *map(str, inputs), "--out", str(out), *extra]
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


def median_run(runs: list[Run]) -> Run:
    """The run of median time among repeats of one measurement; its note lists them all."""
    ordered = sorted(runs, key=lambda run: run.seconds)
    chosen = ordered[len(ordered) // 2]
    if len(runs) > 1:
        times = ", ".join(f"{run.seconds:.1f}" for run in runs)
        chosen.note = f"{chosen.note} median of {len(runs)} ({times} s)".strip()
    return chosen


def benchmark(
    real: list[Path], text_sources: list[Path], workers: list[int], repeat: int = 3
) -> Report:
    """Measure everything and derive the ratios; the runs a target ratio compares are repeated
    `repeat` times, the yardstick and poimija in turn, and each side's median is taken."""
    files = pdfs_under(real)
    others = [f for f in pdfs_under(text_sources) if f not in files]
    if not files:
        raise SystemExit("no PDFs under the inputs")
    features = cli_features()
    one, many = workers[0], workers[-1]
    with tempfile.TemporaryDirectory(prefix="poimija-bench-") as tmp_name:
        tmp = Path(tmp_name)

        def poimija(label: str, inputs: list[Path], n: int, *extra: str, force: bool = True) -> Run:
            out = tmp / label.replace(" ", "-").replace(",", "")
            if force:  # every forced run starts from an empty folder, a repeat as the first
                shutil.rmtree(out, ignore_errors=True)
            return run_poimija(label, inputs, out, features, n, force, extra)

        # The target ratios' two sides in turn, so that a slow spell of the machine falls on
        # both; the same goes for the text-layer pair below.
        bares, ones = [], []
        for _ in range(repeat):
            bare, pages_of = bare_pdfplumber("bare pdfplumber, real PDFs", files, tmp)
            bares.append(bare)
            ones.append(poimija(f"real PDFs, -j {one}", files, one))
        bare = median_run(bares)
        pdfium = measure(
            "pypdfium2 text, real PDFs", [sys.executable, "-c", _PDFIUM_LOOP, *map(str, files)]
        )
        first = {one: median_run(ones)}
        if many != one:
            first[many] = poimija(f"real PDFs, -j {many}", files, many)
        old_reader = poimija(
            f"real PDFs, -j {one}, --reader pdfplumber", files, one, "--reader", "pdfplumber"
        )
        rest = poimija(f"dev + samples, -j {one}", others, one)
        ocr = ocr_files_of(tmp / f"real-PDFs--j-{one}") | ocr_files_of(
            tmp / f"dev-+-samples--j-{one}"
        )
        scanned = [f for f in [*files, *others] if str(f.resolve()) in ocr]
        text_files = [f for f in [*files, *others] if str(f.resolve()) not in ocr]
        bares, texts = [], []
        for _ in range(repeat):
            bare_text, text_pages_of = bare_pdfplumber(
                "bare pdfplumber, text-layer files", text_files, tmp
            )
            bares.append(bare_text)
            texts.append(poimija(f"text-layer files, -j {one}", text_files, one))
        bare_text, text_run = median_run(bares), median_run(texts)
        ocr_runs = {
            n: poimija(f"OCR'd files, -j {n}", scanned, n) for n in dict.fromkeys([one, many])
        }
        rerun_inputs = [
            ROOT / "samples",
            *sorted(files, key=lambda f: f.stat().st_size)[:RERUN_REAL],
        ]
        rerun_first = poimija("re-run corpus, first run", rerun_inputs, one, force=False)
        rerun = run_poimija(
            "re-run corpus, unchanged",
            rerun_inputs,
            tmp / "re-run-corpus-first-run",
            features,
            one,
            False,
        )
    runs = [
        bare,
        pdfium,
        *first.values(),
        old_reader,
        rest,
        bare_text,
        text_run,
        *ocr_runs.values(),
    ]
    report = Report(
        real_files=len(files),
        real_pages=sum(pages_of.values()),
        ocr_files=sorted(str(f) for f in scanned),
        text_files=len(text_files),
        text_pages=sum(text_pages_of.values()),
        cli_features=features,
        runs=[*runs, rerun_first, rerun],
    )
    r = report.ratios
    r["real_pdfs_bare_pdfplumber_vs_poimija_j1 (target >= 1.5)"] = bare.seconds / first[one].seconds
    r["text_layer_bare_pdfplumber_vs_poimija_j1 (target >= 2.5)"] = (
        bare_text.seconds / text_run.seconds
    )
    r["real_pdfs_pypdfium2_text_vs_poimija_j1"] = pdfium.seconds / first[one].seconds
    r["real_pdfs_reader_pdfplumber_vs_pdfium"] = old_reader.seconds / first[one].seconds
    if many != one:
        r[f"real_pdfs_j{many}_speedup_over_j{one}"] = first[one].seconds / first[many].seconds
        r[f"ocr_files_j{many}_speedup_over_j{one}"] = ocr_runs[one].seconds / ocr_runs[many].seconds
    r["rerun_vs_first_run (target <= 0.1)"] = rerun.seconds / rerun_first.seconds
    return report


def markdown(report: Report) -> str:
    """The figures as a Markdown table for the README."""
    rows = [
        "| run | seconds | peak RSS, largest process | peak RSS, all |",
        "|---|---:|---:|---:|",
    ]
    for run in report.runs:
        name = run.label if run.label.startswith(("bare", "pypdfium2")) else f"poimija, {run.label}"
        memory = f"{run.peak_rss_mb:.0f} MB | {run.peak_tree_rss_mb:.0f} MB"
        rows.append(f"| {name} | {run.seconds:.1f} | {memory} |")
    rows.append("")
    rows += [f"- {name.replace('_', ' ')}: **{value:.2f}×**" for name, value in ratio_items(report)]
    return "\n".join(rows)


def ratio_items(report: Report) -> list[tuple[str, float]]:
    """The ratios that could be measured, in report order."""
    return [(k, v) for k, v in report.ratios.items() if v is not None]


def main(argv: list[str] | None = None) -> int:
    """Command line: inputs (default: the samples and the shared real PDFs), --json FILE."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", nargs="*", type=Path, default=[REAL], help="the real PDFs")
    parser.add_argument(
        "--text", nargs="*", type=Path, default=TEXT_SOURCES, help="sources of text-layer files"
    )
    parser.add_argument("--json", type=Path, help="also save the figures to this JSON file")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="times each side of a target ratio is run; the medians are compared (default 3)",
    )
    args = parser.parse_args(argv)
    workers = [int(n) for n in args.workers.split(",")]
    report = benchmark(args.real, args.text, workers, max(1, args.repeat))
    missing = [f"--{name}" for name, have in report.cli_features.items() if not have]
    if missing:
        print(f"note: `poimija run` has no {', '.join(missing)} yet; see the notes per run.\n")
    print(
        f"real PDFs: {report.real_files} files, {report.real_pages} pages; text-layer files: "
        f"{report.text_files}, {report.text_pages} pages; OCR'd files: "
        f"{', '.join(Path(f).name for f in report.ocr_files) or 'none'}\n"
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
