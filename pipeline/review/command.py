"""`poimija review`: the click command over `pipeline.review.review`."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("review")
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--html",
    "html_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the site [default: OUT_DIR/review].",
)
@click.option("-q", "--quiet", is_flag=True, help="Do not print where the site is.")
def review(out_dir: Path, html_dir: Path | None, quiet: bool) -> None:
    """Write an offline review site of a run: each record boxed on its PDF page.

    OUT_DIR/review/index.html lists the documents; one page per document shows every PDF page
    as an image with the records' boxes over it, coloured by table, and the records beside it.

    Example:

        poimija review outputs --html outputs/review
    """
    from pipeline.errors import CompareError
    from pipeline.review import review as write_review

    try:
        result = write_review(out_dir, html_dir)
    except CompareError as exc:
        raise click.ClickException(str(exc)) from None
    if not quiet:
        for problem in result.problems:
            click.echo(f"warning: {problem}", err=True)
        click.echo(str(result.index), err=True)
