"""`poimija compare`: the click command over `pipeline.compare.compare`."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("compare")
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the HTML report here [default: OUT_DIR/compare/report.html when no --md].",
)
@click.option(
    "--md", "md_path", type=click.Path(dir_okay=False, path_type=Path), help="Write Markdown here."
)
@click.option(
    "--tables",
    "tables_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the comparison CSVs [default: OUT_DIR/compare].",
)
@click.option(
    "--lang",
    type=click.Choice(["fi", "en"]),
    default="fi",
    show_default=True,
    help="Report language (the other one is shown in tooltips).",
)
@click.option(
    "--generated-at",
    "generated",
    metavar="ISO",
    help="Timestamp of the generated-at line [default: $SOURCE_DATE_EPOCH, else now].",
)
@click.option("-q", "--quiet", is_flag=True, help="Do not list the files written.")
def compare(
    out_dir: Path,
    html_path: Path | None,
    md_path: Path | None,
    tables_dir: Path | None,
    lang: str,
    generated: str | None,
    quiet: bool,
) -> None:
    """Compare the cities of a run in OUT_DIR: an offline HTML report and tidy CSV tables.

    The report puts themes and actions side by side in the shared categories (category ×
    municipality, each cell linked to its records), and sums up documents, funding and
    decisions, with inline SVG charts. The tables go to OUT_DIR/compare/*.csv.

    Example:

        poimija compare outputs --html report.html --md report.md
    """
    from pipeline.compare import compare as run_compare
    from pipeline.compare import generated_at
    from pipeline.errors import CompareError

    if html_path is None and md_path is None:
        html_path = out_dir / "compare" / "report.html"
    try:
        result = run_compare(
            out_dir,
            html=html_path,
            markdown=md_path,
            tables_dir=tables_dir,
            lang="en" if lang == "en" else "fi",
            stamp=generated_at(generated),
        )
    except CompareError as exc:
        raise click.ClickException(str(exc)) from None
    if not quiet:
        for path in (result.html, result.markdown, *result.tables):
            if path is not None:
                click.echo(str(path), err=True)
