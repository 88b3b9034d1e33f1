"""Cross-city comparison of a finished run: an offline HTML report, Markdown and tidy CSV tables.

    tables = load_run(out_dir)        # the run's CSVs as schema records
    comparison = build(tables)        # counted per municipality, document, category, body
    render_html / render_markdown / write_tables

`compare(out_dir, html=...)` does all of it; `poimija compare` is a thin layer over it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.compare.labels import Lang
from pipeline.compare.load import RunTables, load_run
from pipeline.compare.model import Comparison, build
from pipeline.compare.report_html import render_html
from pipeline.compare.report_md import render_markdown
from pipeline.compare.tables import write_tables
from pipeline.errors import CompareError
from pipeline.outputs.export import atomic_write_text

__all__ = [
    "CompareResult",
    "Comparison",
    "RunTables",
    "build",
    "compare",
    "generated_at",
    "load_run",
    "render_html",
    "render_markdown",
    "write_tables",
]


@dataclass(slots=True)
class CompareResult:
    """What `compare` wrote, and the comparison it wrote it from."""

    comparison: Comparison
    html: Path | None = None
    markdown: Path | None = None
    tables: list[Path] = field(default_factory=list)


def generated_at(value: str | None = None, env: Mapping[str, str] = os.environ) -> dt.datetime:
    """The report's timestamp: `value` (ISO 8601), else SOURCE_DATE_EPOCH, else now (UTC)."""
    if value:
        try:
            stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise CompareError(
                f"--generated-at {value!r} is not an ISO 8601 date or time"
            ) from None
        return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        # The reproducible-builds convention: a fixed time for byte-identical outputs.
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        except ValueError:
            raise CompareError(f"SOURCE_DATE_EPOCH {epoch!r} is not an integer") from None
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def compare(
    out_dir: Path,
    *,
    html: Path | None = None,
    markdown: Path | None = None,
    tables_dir: Path | None = None,
    lang: Lang = "fi",
    stamp: dt.datetime | None = None,
) -> CompareResult:
    """Compare the run in `out_dir`: write the reports asked for and the tidy tables.

    The tables go to `tables_dir` (default `out_dir/compare`).
    """
    comparison = build(load_run(out_dir))
    when = stamp or generated_at()
    result = CompareResult(comparison)
    if html is not None:
        from pipeline.review import review_links

        comparison.review_pages = review_links(out_dir, html)
        atomic_write_text(html, render_html(comparison, lang=lang, generated_at=when))
        result.html = html
    if markdown is not None:
        atomic_write_text(markdown, render_markdown(comparison, lang=lang, generated_at=when))
        result.markdown = markdown
    result.tables = write_tables(comparison, tables_dir or out_dir / "compare", lang)
    return result
