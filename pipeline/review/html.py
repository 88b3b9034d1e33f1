"""The review site's HTML: an index of the documents and one page per document.

Self-contained: inline CSS, no scripts, fonts or network references; the table filters are
checkboxes read by CSS (`:checked ~`). Every text from the data is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import PurePath

from pipeline.review.images import PageImages, safe_name
from schemas.records import Document, Provenance

TABLE_ORDER = ("themes", "actions", "funding", "decisions")
COLOURS = {"themes": "#0072B2", "actions": "#009E73", "funding": "#D55E00", "decisions": "#CC79A7"}
_HIDDEN = frozenset({"document_id", "page", "quote", "bbox"})

_FILTERS = "".join(
    f"#f-{t}:not(:checked)~main .t-{t}{{display:none}}"
    f"#f-{t}:checked~header label[for=f-{t}]{{background:{c};color:#fff}}"
    f".t-{t}.box{{border-color:{c};background:{c}22}}.t-{t} .tag{{background:{c}}}"
    for t, c in COLOURS.items()
)
CSS = (
    """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;color:#222;
margin:0 auto;padding:1rem 1.5rem;max-width:1500px;line-height:1.4}
h1{margin:.2rem 0}.meta{color:#555;margin:.2rem 0}input.f{display:none}
.filters label{display:inline-block;border:1px solid #999;border-radius:1rem;padding:.1rem .7rem;
margin-right:.4rem;cursor:pointer;user-select:none}
.warn{background:#fff4e0;border-left:4px solid #E69F00;padding:.4rem .8rem;margin:.6rem 0}
section.page{display:flex;gap:1.2rem;align-items:flex-start;border-top:2px solid #ddd;
padding-top:.6rem;margin-top:1rem}section.page>h2{display:none}
.sheet{position:relative;flex:0 0 auto;width:min(62%,820px);box-shadow:0 0 4px #999}
.sheet img{display:block;width:100%;height:auto}
.box{position:absolute;border:2px solid;box-sizing:border-box;display:block}
.box:target,.box:hover{outline:3px solid #000}
.side{flex:1 1 0;min-width:16rem}.side h3{margin:.2rem 0 .4rem}
ol.records{list-style:none;margin:0;padding:0}
li.rec{border:1px solid #ddd;border-radius:4px;padding:.3rem .5rem;margin-bottom:.5rem}
li.rec:target{outline:3px solid #000}
.tag{color:#fff;border-radius:3px;padding:0 .35rem;font-size:.8rem;text-decoration:none}
.nobox{color:#a33;font-size:.8rem}dl{margin:.2rem 0;font-size:.85rem;display:grid;
grid-template-columns:max-content 1fr;gap:0 .6rem}dt{color:#555}dd{margin:0;overflow-wrap:anywhere}
blockquote{margin:.2rem 0;color:#333;font-style:italic;font-size:.85rem;white-space:pre-wrap}
table{border-collapse:collapse;font-size:.92rem;margin:.6rem 0}
th,td{border:1px solid #d0d0d0;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#f2f4f7}td.n{text-align:right}
"""
    + _FILTERS
)


def anchor(record_id: str) -> str:
    """The id of a record's entry on its document page (its box is `b-…`)."""
    return "r-" + safe_name(record_id)


def document_file(document_id: str) -> str:
    """The file name of a document's page in the site."""
    return f"{safe_name(document_id)}.html"


def _head(title: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="fi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
    )


def title_of(document: Document) -> str:
    """A document's title, or its file name."""
    return document.title or PurePath(document.source_path).name


def label_of(record: Provenance) -> str:
    """The short text a record is known by: a name, an action, an amount, a § and title."""
    row = record.to_row()
    table = record.table
    if table == "themes":
        text = f"{row['ordinal']} {row['name']}"
    elif table == "actions":
        text = row["text"]
    elif table == "funding":
        text = f"{row['amount_text']} {row['project']}"
    else:
        text = f"§ {row['section']} {row['title']}" if row["section"] else row["title"]
    return " ".join(text.split()) or row[record.id_field]


def document_page(document: Document, records: Sequence[Provenance], images: PageImages) -> str:
    """One document: each page's image with the records' boxes, and the records beside it."""
    counts = {t: sum(1 for r in records if r.table == t) for t in TABLE_ORDER}
    inputs = "".join(f'<input type="checkbox" class="f" id="f-{t}" checked>' for t in TABLE_ORDER)
    labels = "".join(
        f'<label for="f-{t}" title="show or hide the {t}">{t} {counts[t]}</label>'
        for t in TABLE_ORDER
    )
    meta = " · ".join(
        escape(str(v))
        for v in (
            document.municipality or "municipality unknown",
            document.doc_type.value,
            f"{document.pages} pages",
            document.source_path,
        )
    )
    notes = ""
    if images.reason:
        notes += f'<p class="warn">No page images: {escape(images.reason)}.</p>'
    if document.warnings:
        items = "".join(f"<li>{escape(w)}</li>" for w in document.warnings)
        notes += f'<div class="warn">Warnings<ul>{items}</ul></div>'
    header = (
        f'<header><p><a href="index.html">← all documents</a></p>'
        f'<h1>{escape(title_of(document))}</h1><p class="meta">{meta}</p>'
        f'<p class="filters">Show: {labels}</p>{notes}</header>'
    )
    by_page: dict[int | None, list[Provenance]] = {}
    for record in records:
        by_page.setdefault(record.page, []).append(record)
    numbers = sorted({*range(1, document.pages + 1), *(n for n in by_page if n is not None)})
    sections = [_page(n, by_page.get(n, []), images) for n in numbers]
    if None in by_page:
        sections.append(_page(None, by_page[None], images))
    return (
        _head(f"{title_of(document)} — poimija review")
        + inputs
        + header
        + "\n<main>\n"
        + "\n".join(sections)
        + "\n</main>\n</body>\n</html>\n"
    )


def _page(number: int | None, records: Sequence[Provenance], images: PageImages) -> str:
    image = images.pages.get(number) if number is not None else None
    boxes = []
    if image is not None:
        for record in records:
            if record.bbox is None:
                continue
            x0, top, x1, bottom = record.bbox
            style = (
                f"left:{100 * x0 / image.width:.3f}%;top:{100 * top / image.height:.3f}%;"
                f"width:{100 * (x1 - x0) / image.width:.3f}%;"
                f"height:{100 * (bottom - top) / image.height:.3f}%"
            )
            rid = safe_name(record.model_dump()[record.id_field])
            boxes.append(
                f'<a class="box t-{record.table}" id="b-{rid}" href="#r-{rid}" style="{style}" '
                f'title="{escape(record.table)}: {escape(label_of(record))}"></a>'
            )
        sheet = (
            f'<div class="sheet"><img src="{escape(image.src)}" loading="lazy" '
            f'width="{round(image.width)}" height="{round(image.height)}" '
            f'alt="page {number}">{"".join(boxes)}</div>'
        )
    else:
        sheet = ""
    heading = f"Page {number}" if number is not None else "Records without a page"
    items = "".join(_record(r, boxed=image is not None and r.bbox is not None) for r in records)
    listing = f'<ol class="records">{items}</ol>' if items else '<p class="meta">no records</p>'
    anchor_id = f"p-{number}" if number is not None else "p-none"
    return (
        f'<section class="page" id="{anchor_id}"><h2>{heading}</h2>{sheet}'
        f'<div class="side"><h3>{heading}</h3>{listing}</div></section>'
    )


def _record(record: Provenance, *, boxed: bool) -> str:
    row = record.to_row()
    record_id = row[record.id_field]
    rid = safe_name(record_id)
    name = f"{record.table} · {record_id.rsplit(':', 1)[-1]}"
    tag = (
        f'<a class="tag" href="#b-{rid}" title="show its box">{escape(name)}</a>'
        if boxed
        else f'<span class="tag">{escape(name)}</span> <span class="nobox">no box</span>'
    )
    fields = "".join(
        f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>"
        for k, v in row.items()
        if v and k not in _HIDDEN and k != record.id_field
    )
    quote = f"<blockquote>{escape(record.quote)}</blockquote>" if record.quote else ""
    return (
        f'<li class="rec t-{record.table}" id="r-{rid}">{tag} <strong>'
        f"{escape(label_of(record))}</strong><dl>{fields}</dl>{quote}</li>"
    )


def index_page(
    documents: Sequence[tuple[Document, dict[str, int]]],
    errors: Sequence[dict[str, str]],
    problems: Sequence[str],
) -> str:
    """The index: one row per document with its counts and warnings, then the failed files."""
    rows = []
    for doc, counts in documents:
        warnings = "".join(f"<li>{escape(w)}</li>" for w in doc.warnings)
        cells = "".join(f'<td class="n">{counts.get(t, 0)}</td>' for t in TABLE_ORDER)
        rows.append(
            f"<tr><td>{escape(doc.municipality or '–')}</td><td>{escape(doc.doc_type.value)}</td>"
            f'<td><a href="{document_file(doc.document_id)}">{escape(title_of(doc))}</a><br>'
            f'<small>{escape(doc.source_path)}</small></td><td class="n">{doc.pages}</td>'
            f"{cells}<td>{f'<ul>{warnings}</ul>' if warnings else ''}</td></tr>"
        )
    head = "".join(f"<th>{t}</th>" for t in TABLE_ORDER)
    table = (
        "<table><thead><tr><th>municipality</th><th>type</th><th>document</th><th>pages</th>"
        f"{head}<th>warnings</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        if rows
        else '<p class="meta">no documents</p>'
    )
    failed = ""
    if errors:
        lines = "".join(
            f"<tr><td>{escape(e.get('file', ''))}</td><td>{escape(e.get('stage', ''))}</td>"
            f"<td>{escape(e.get('error_type', ''))}</td>"
            f"<td>{escape(e.get('message', ''))}</td></tr>"
            for e in errors
        )
        failed = (
            f"<h2>Failed files ({len(errors)})</h2><table><thead><tr><th>file</th><th>stage</th>"
            f"<th>error</th><th>message</th></tr></thead><tbody>{lines}</tbody></table>"
        )
    notes = ""
    if problems:
        notes = '<div class="warn">' + "".join(f"<p>{escape(p)}</p>" for p in problems) + "</div>"
    return (
        _head("poimija review")
        + f'<header><h1>poimija review</h1><p class="meta">{len(documents)} documents; '
        "open one to see each record boxed on its page.</p>"
        + notes
        + "</header>\n<main>\n"
        + table
        + failed
        + "\n</main>\n</body>\n</html>\n"
    )
