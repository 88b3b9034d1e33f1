"""`poimija structure`: the click command over the structure stage's tree and outline."""

from __future__ import annotations

import json
from pathlib import Path

import click

from pipeline.settings import Settings


@click.command("structure")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the tree as JSON.")
@click.option("--width", default=100, show_default=True, help="Cut texts to this many characters.")
@click.option("--password", default=None, help="Password of an encrypted PDF.")
def structure(file: Path, as_json: bool, width: int, password: str | None) -> None:
    """Print how FILE was understood: its document tree as an indented outline.

    Sections (§ with their level), paragraphs (¶), list items with their markers, fields
    (key: value) and tables (▦, H for header rows, G for group rows).

    Example:

        poimija structure samples/001_porvoo_digiohjelma_2020_2023.pdf --width 80
    """
    from pipeline.errors import PoimijaError
    from pipeline.run import document_tree
    from pipeline.structure.outline import outline, tree_dict

    try:
        tree = document_tree(file, Settings(password=password))
    except PoimijaError as exc:
        raise click.ClickException(f"{file}: {exc}") from None
    if as_json:
        click.echo(json.dumps(tree_dict(tree), ensure_ascii=False, indent=1))
    else:
        click.echo(outline(tree, width))
