"""The `poimija` command line: a thin layer over the library (run, eval, changes, review, …)."""

from __future__ import annotations

import importlib
import json
import logging
import signal
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import click
from pydantic import ValidationError

from pipeline import __version__
from pipeline.settings import DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT, Settings

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
# Exit code of a run that failed itself (outputs not writable, disk full, an internal error),
# as distinct from 1, some input files failed.
EXIT_RUN_FAILED = 3
# Exit code of a run stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it).
EXIT_INTERRUPTED = 130


# Commands that live with their library, imported when named: their packages load the comparison
# and review code, which a run (a scheduled one every few minutes) has no use for.
_COMMANDS_ELSEWHERE = {
    "changes": "pipeline.outputs.changes_command",
    "compare": "pipeline.compare.command",
    "review": "pipeline.review.command",
    "structure": "pipeline.structure.command",
}


class _Main(click.Group):
    """The command group; a failure of the command itself is one line and exit code 3."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command's name, those defined elsewhere included."""
        return sorted([*super().list_commands(ctx), *_COMMANDS_ELSEWHERE])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command `cmd_name`, imported from its library if it lives there."""
        module = _COMMANDS_ELSEWHERE.get(cmd_name)
        if module is not None:
            return cast(click.Command, getattr(importlib.import_module(module), cmd_name))
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; an unexpected error becomes one line (a traceback with --debug)."""
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt as exc:
            # Ctrl-C or SIGTERM: 130, as a shell reports it (click's "Aborted!" would exit 1).
            click.echo(f"\n{exc or 'interrupted'}", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except Exception as exc:
            if ctx.params.get("debug"):
                traceback.print_exc()
            click.echo(f"Error: {_one_line(exc)}", err=True)
            ctx.exit(EXIT_RUN_FAILED)


def _one_line(exc: Exception) -> str:
    from pipeline.errors import PoimijaError

    if isinstance(exc, PoimijaError):
        return " ".join(str(exc).split())
    if isinstance(exc, OSError) and exc.strerror:
        where = f": {exc.filename}" if exc.filename else ""
        return f"{exc.strerror}{where}"
    detail = " ".join(str(exc).split())[:300]
    return f"internal error: {type(exc).__name__}: {detail} (--debug shows where)"


@click.group(cls=_Main, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="poimija")
@click.option("-v", "--verbose", is_flag=True, help="Log debug details to stderr.")
@click.option("--debug", is_flag=True, help="Show the traceback of a failed run.")
def main(verbose: bool, debug: bool) -> None:
    """Pick structured records out of Finnish and Swedish municipal documents.

    Exit codes: 0 all fine, 1 some input failed, 2 usage error, 3 the run itself failed
    (output folder not writable, disk full, locked by another run, an internal error).

    Example:

        poimija run samples/ --out outputs
    """
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def run_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options `run` and `watch` share (output, reading, extractors, batch engine)."""
    options = [
        click.option(
            "--out",
            "out_dir",
            default=Path("outputs"),
            show_default=True,
            type=click.Path(file_okay=False, path_type=Path),
            help="Output folder (holds the manifest of incremental runs too).",
        ),
        click.option("--password", default=None, help="Password for encrypted PDFs."),
        click.option(
            "--ocr-lang", default="fin+swe", show_default=True, help="Tesseract languages."
        ),
        click.option(
            "--extractor",
            "extractor_names",
            multiple=True,
            help="Run only this extractor (repeatable); default: all registered.",
        ),
        click.option(
            "-j",
            "--workers",
            type=click.IntRange(min=1),
            default=None,
            help="Files processed at once (default: the number of CPUs); with --timeout 0, 1 runs "
            "in-process.",
        ),
        click.option(
            "--executor",
            type=click.Choice(["local", "dask"]),
            default=None,
            help="local (this machine; default) or dask (a dask.distributed cluster).",
        ),
        click.option(
            "--scheduler",
            metavar="ADDRESS",
            default=None,
            help="Dask scheduler address (tcp://host:8786); default: start a local cluster.",
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(min=0),
            default=None,
            metavar="SECONDS",
            help="Fail a file that takes longer than this (one errors.csv row); 0: no limit."
            f"  [default: {DEFAULT_TIMEOUT:g}]",
        ),
        click.option(
            "--max-memory",
            type=click.IntRange(min=0),
            default=None,
            metavar="MIB",
            help="Memory a worker process may allocate for a file (beyond the spaCy model); "
            f"0: no limit.  [default: {DEFAULT_MAX_MEMORY}]",
        ),
        click.option(
            "--reader",
            type=click.Choice(["pdfium", "pdfplumber"]),
            default=None,
            help="PDF reader: pdfium (default; fast) or pdfplumber (the old, slower reader).",
        ),
        click.option("--force", is_flag=True, help="Re-extract every file, changed or not."),
        click.option(
            "--checksum",
            is_flag=True,
            help="Hash every input to find changes (default: files whose size or mtime changed).",
        ),
        click.option("--prune", is_flag=True, help="Drop files gone from the inputs."),
        click.option(
            "--retry-failed", is_flag=True, help="Re-extract unchanged files that failed."
        ),
        click.option("--strict", is_flag=True, help="Stop at the first failing file and raise."),
        click.option("-q", "--quiet", is_flag=True, help="No progress or summary on stderr."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _settings(options: dict[str, Any]) -> Settings:
    """Settings from the shared options; unset batch options leave the POIMIJA_* environment."""
    import extractors

    for name in options["extractor_names"]:
        try:
            extractors.get(name)
        except extractors.UnknownExtractorError as exc:
            raise click.UsageError(str(exc)) from None
    given: dict[str, Any] = {
        name: options[name]
        for name in ("workers", "executor", "scheduler", "timeout", "max_memory", "reader")
        if options[name] is not None
    }
    given.update(
        {
            name: True
            for name in ("force", "prune", "retry_failed", "strict", "checksum")
            if options[name]
        }
    )
    try:
        settings = Settings(
            out_dir=options["out_dir"],
            password=options["password"],
            ocr_lang=options["ocr_lang"],
            extractors=list(options["extractor_names"]) or None,
            **given,
        )
    except ValidationError as exc:
        raise click.UsageError(" ".join(str(exc).split())) from None
    from pipeline.batch.jobs import check_executor
    from pipeline.errors import ExecutorUnavailableError

    try:
        check_executor(settings)
    except ExecutorUnavailableError as exc:
        # One line and exit 2, as for any usage error.
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    return settings


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@run_options
def run(inputs: tuple[Path, ...], **options: Any) -> None:
    """Read INPUTS (files or folders of PDF, TXT, HTML) and write the tables to --out.

    Runs are incremental: a file whose content and pipeline are unchanged since the last run
    into --out is not read again (see --force, --retry-failed, --prune). Exit code 0 when every
    file is fine, 1 when any failed (outputs are still written), 2 for usage errors, 3 when the
    run itself failed, 130 when Ctrl-C or SIGTERM stopped it (the finished files are written).

    Example:

        poimija run samples/ ../shared/real-pdfs/ --out outputs -j 2 --timeout 300
    """
    from pipeline.batch import run_batch
    from pipeline.batch.progress import Progress
    from pipeline.errors import InputsError

    settings = _settings(options)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        report = run_batch(list(inputs), settings, Progress(quiet=options["quiet"]))
    except InputsError as exc:
        raise click.UsageError(str(exc)) from None
    sys.exit(report.exit_code)


def _interrupt(signum: int, frame: object) -> None:
    # SIGTERM (systemd, kill) stops a run as Ctrl-C does: the finished files are written.
    raise KeyboardInterrupt


@main.command()
@click.argument(
    "inputs", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.option(
    "--interval",
    type=click.FloatRange(min=0, min_open=True),
    default=60.0,
    show_default=True,
    metavar="SECONDS",
    help="Seconds between polls of the folders.",
)
@click.option(
    "--max-cycles",
    type=click.IntRange(min=1),
    default=None,
    help="Stop after this many polls (default: run until Ctrl-C or SIGTERM).",
)
@run_options
def watch(
    inputs: tuple[Path, ...], interval: float, max_cycles: int | None, **options: Any
) -> None:
    """Watch folders: run incrementally whenever a file is added, changed or removed.

    Polls every --interval seconds (size and modification time; the manifest then decides by
    content hash) and takes the options of `run`. Ctrl-C or SIGTERM stops it with exit code 0.

    Example:

        poimija watch /data/minutes --out /data/poimija --interval 300 -j 2
    """
    from pipeline.batch.progress import Progress
    from pipeline.batch.watch import watch as watch_folders
    from pipeline.errors import InputsError

    settings = _settings(options)
    signal.signal(signal.SIGTERM, _interrupt)
    if not options["quiet"]:
        click.echo(
            f"watching {', '.join(map(str, inputs))} every {interval:g} s (Ctrl-C stops)", err=True
        )
    try:
        watch_folders(
            list(inputs),
            settings,
            interval=interval,
            max_cycles=max_cycles,
            progress=lambda: Progress(quiet=options["quiet"]),
        )
    except KeyboardInterrupt:
        if not options["quiet"]:
            click.echo("\nstopped", err=True)
    except InputsError as exc:
        raise click.UsageError(str(exc)) from None
    sys.exit(0)


@main.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate_cmd(gold_dir: Path, out_dir: Path, as_json: bool) -> None:
    """Score a run in OUT_DIR against the gold records in GOLD_DIR.

    Prints precision, recall and F1 per table and accuracy per field on matched records.

    Example:

        poimija eval samples/gold outputs --json
    """
    from pipeline.evaluation.evaluate import EvaluationError, evaluate

    try:
        report = evaluate(gold_dir, out_dir)
    except EvaluationError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(report.to_json() if as_json else report.to_text())


@main.command()
@click.option(
    "--out",
    "out_dir",
    default=Path("schema"),
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the schemas.",
)
def schema(out_dir: Path) -> None:
    """Write one JSON Schema per output table into --out.

    Example:

        poimija schema --out schema/
    """
    from pipeline.outputs.export import atomic_write_text
    from schemas.jsonschema import table_schemas

    for name, body in table_schemas().items():
        atomic_write_text(
            out_dir / f"{name}.schema.json", json.dumps(body, ensure_ascii=False, indent=2) + "\n"
        )
        click.echo(str(out_dir / f"{name}.schema.json"))


@main.command("extractors")
def list_extractors() -> None:
    """List the registered extractors and the table each writes.

    Example:

        poimija extractors
    """
    import extractors

    names = extractors.available()
    if not names:
        click.echo("no extractors registered")
    for name in names:
        click.echo(f"{name}\t{extractors.get(name).table}")
