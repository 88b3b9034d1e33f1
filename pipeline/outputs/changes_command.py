"""`poimija changes`: the click command over `pipeline.outputs.changes.read_changes`."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command("changes")
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--since",
    metavar="WHEN",
    help="Changes of every run from then on: today, yesterday, 36h, 7d or an ISO date/time "
    "[default: the last run's only].",
)
@click.option(
    "--table",
    "tables",
    multiple=True,
    type=click.Choice(["documents", "themes", "actions", "funding", "decisions"]),
    help="Only this table (repeatable).",
)
@click.option(
    "--change",
    "kinds",
    multiple=True,
    type=click.Choice(["added", "changed", "removed"]),
    help="Only this kind of change (repeatable).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines (as changes.jsonl).")
def changes(
    out_dir: Path, since: str | None, tables: tuple[str, ...], kinds: tuple[str, ...], as_json: bool
) -> None:
    """List the records added, changed or removed by the last run into OUT_DIR (or since WHEN).

    Every `poimija run` writes its changes to OUT_DIR/changes.csv and changes.jsonl and keeps a
    copy per run under OUT_DIR/changes/. Prints nothing but "no changes" when there are none.

    Example:

        poimija changes outputs --table decisions --since yesterday
    """
    from pipeline.outputs.changes import format_changes, parse_since, read_changes

    try:
        when = parse_since(since) if since else None
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    found = [
        c
        for c in read_changes(out_dir, when)
        if (not tables or c.table in tables) and (not kinds or c.change in kinds)
    ]
    if as_json:
        for change in found:
            click.echo(json.dumps(change.to_json(), ensure_ascii=False))
    else:
        click.echo(format_changes(found))
