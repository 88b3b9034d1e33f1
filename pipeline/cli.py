"""The `poimija` command line: a thin layer over the library (run, eval, schema, extractors)."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from pipeline import __version__
from pipeline.settings import Settings

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="poimija")
@click.option("-v", "--verbose", is_flag=True, help="Log debug details to stderr.")
def main(verbose: bool) -> None:
    """Pick structured records out of Finnish and Swedish municipal documents.

    Example:

        poimija run samples/ --out outputs
    """
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    "out_dir",
    default=Path("outputs"),
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder.",
)
@click.option("--password", default=None, help="Password for encrypted PDFs.")
@click.option("--ocr-lang", default="fin+swe", show_default=True, help="Tesseract languages.")
@click.option(
    "--extractor",
    "extractor_names",
    multiple=True,
    help="Run only this extractor (repeatable); default: all registered.",
)
@click.option("--strict", is_flag=True, help="Stop at the first failing file and raise.")
@click.option("-q", "--quiet", is_flag=True, help="No progress lines on stderr.")
def run(
    inputs: tuple[Path, ...],
    out_dir: Path,
    password: str | None,
    ocr_lang: str,
    extractor_names: tuple[str, ...],
    strict: bool,
    quiet: bool,
) -> None:
    """Read INPUTS (files or folders of PDF, TXT, HTML) and write the tables to --out.

    Exit code 0 when every file succeeded, 1 when any failed (outputs are still written).

    Example:

        poimija run samples/ ../shared/real-pdfs/ --out outputs
    """
    import extractors
    from pipeline.export import write_outputs
    from pipeline.run import DocumentResult, Status, run_files

    for name in extractor_names:
        try:
            extractors.get(name)
        except extractors.UnknownExtractorError as exc:
            raise click.UsageError(str(exc)) from None
    settings = Settings(
        out_dir=out_dir,
        password=password,
        ocr_lang=ocr_lang,
        extractors=list(extractor_names) or None,
        strict=strict,
    )

    def progress(result: DocumentResult) -> None:
        if quiet:
            return
        doc = result.document
        what = f"{doc.doc_type} {doc.municipality or '?'} {doc.pages}p" if doc else ""
        reason = f" — {result.errors[-1].message}" if result.errors else ""
        click.echo(
            f"{result.status:<8} {result.path} {what} ({result.seconds:.1f}s){reason}", err=True
        )

    results = run_files(list(inputs), settings, on_result=progress)
    counts = write_outputs(out_dir, results)
    failed = sum(1 for r in results if r.status is Status.FAILURE)
    if not quiet:
        summary = ", ".join(f"{n} {t}" for t, n in counts.items())
        click.echo(f"{len(results)} files, {failed} failed: {summary} → {out_dir}", err=True)
    sys.exit(1 if failed else 0)


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
    from pipeline.evaluate import EvaluationError, evaluate

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
    from pipeline.export import atomic_write_text
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


from pipeline.compare.command import compare  # noqa: E402  (the command lives with its library)

main.add_command(compare)
