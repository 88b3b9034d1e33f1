"""The building blocks of the HTML report: bilingual labels, names, counts, empty states, CSS.

`HtmlParts` knows the comparison and the language; the report's sections (report_html.py) are
written with these parts, so every label carries the other language in its `title` tooltip.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape
from pathlib import PurePath

from pipeline.compare import labels as lb
from pipeline.compare.labels import Lang
from pipeline.compare.model import Comparison, Municipality, SourceRecord
from schemas.records import Document, Funding

CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;color:#222;
margin:0 auto;padding:1.5rem;max-width:1280px;line-height:1.4}
h1{margin:0 0 .3rem}h2{margin-top:2.2rem;border-bottom:2px solid #0072B2;padding-bottom:.2rem}
nav a{margin-right:1rem}.meta{color:#555;margin:.2rem 0}
table{border-collapse:collapse;margin:.8rem 0;font-size:.92rem}
th,td{border:1px solid #d0d0d0;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#f2f4f7}td.n,th.n{text-align:right;white-space:nowrap}
td.zero{color:#aaa;text-align:center}.matrix td a{display:block;color:#111;text-decoration:none}
.matrix td a:hover{text-decoration:underline}small{color:#555}
ul.counts{margin:0;padding-left:1rem}.empty{color:#666;font-style:italic}
.warn{background:#fff4e0;border-left:4px solid #E69F00;padding:.4rem .8rem}
blockquote{margin:0;color:#333;font-style:italic}svg{max-width:100%;height:auto}svg.mini{max-width:none}
section.cell{margin-top:1.2rem}.chart{margin:1rem 0}
"""


class HtmlParts:
    """Small HTML pieces of one comparison in one language."""

    def __init__(self, comparison: Comparison, lang: Lang) -> None:
        self.c = comparison
        self.lang = lang
        self.tip = lb.other(lang)

    def label(self, key: str, tag: str = "span", attrs: str = "") -> str:
        """A report label with the other language in its tooltip."""
        return (
            f'<{tag}{attrs} title="{escape(lb.text(key, self.tip))}">'
            f"{escape(lb.text(key, self.lang))}</{tag}>"
        )

    def th(self, key: str, numeric: bool = False) -> str:
        """A column header with a tooltip."""
        return self.label(key, "th", ' class="n"' if numeric else "")

    def vocab(self, kind: str, value: str) -> str:
        """A vocabulary value with the other language in its tooltip."""
        return (
            f'<span title="{escape(lb.vocab(kind, value, self.tip))}">'
            f"{escape(lb.vocab(kind, value, self.lang))}</span>"
        )

    def category(self, value: str) -> str:
        """A category label with the other language in its tooltip."""
        return (
            f'<span title="{escape(lb.category(value, self.tip))}">'
            f"{escape(lb.category(value, self.lang))}</span>"
        )

    def muni(self, m: Municipality) -> str:
        """A municipality name (its code in the tooltip)."""
        name = m.name or lb.text("unknown", self.lang)
        return f'<span title="{escape(m.code)}">{escape(name)}</span>' if m.code else escape(name)

    def doc_name(self, document_id: str) -> str:
        """A document's title (or file name), with its source path in the tooltip."""
        summary = self.c.document(document_id)
        if summary is None:
            return escape(document_id)
        path = summary.document.source_path
        return f'<span title="{escape(path)}">{escape(doc_title(summary.document))}</span>'

    def review_link(self, record: SourceRecord) -> str:
        """A record's page, linked to its place in the review site when one is written."""
        page = str(record.page or "–")
        from pipeline.review.html import anchor
        from pipeline.review.images import safe_name

        target = self.c.review_pages.get(safe_name(record.document_id))
        if target is None:
            return page

        href = f"{target}#{anchor(record.record_id)}"
        tip = escape(lb.text("review", self.lang))
        return f'<a href="{escape(href)}" title="{tip}">{page}</a>'

    def counts(self, values: Mapping[str, int], show: Callable[[str], str]) -> str:
        """A list of the non-zero counts, or '–'."""
        items = [f"<li>{show(k)} {n}</li>" for k, n in values.items() if n]
        return f'<ul class="counts">{"".join(items)}</ul>' if items else "–"

    def empty(self, key: str) -> str:
        """An empty-state line."""
        return self.label(key, "p", ' class="empty"')

    @staticmethod
    def chart(svg: str) -> str:
        """A chart in its container."""
        return f'<div class="chart">{svg}</div>'


def doc_title(document: Document) -> str:
    """A document's title, or its file name when it has none."""
    return document.title or PurePath(document.source_path).name


def source(funding: Funding) -> str:
    """A funding record's source value ('' when none is named)."""
    return funding.source.value if funding.source else ""


def anchor(category: str, municipality: Municipality) -> str:
    """The id of a matrix cell's records section."""
    return f"cell-{category or 'none'}-{municipality.key}"
