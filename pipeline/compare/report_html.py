"""The comparison report as one self-contained HTML file: inline CSS and SVG, no scripts or network.

Labels are in the report language with the other language in the `title` tooltip. The only
time-dependent text is the generated-at line, so the same run and timestamp give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from html import escape
from pathlib import PurePath

from pipeline.compare import labels as lb
from pipeline.compare.charts import Bar, Series, color, mini_bar, stacked_bars, year_columns
from pipeline.compare.html_parts import CSS, HtmlParts, anchor, doc_title, source
from pipeline.compare.labels import Lang
from pipeline.compare.model import CATEGORIES, OUTCOMES, SOURCES, STATUSES, Comparison


class _Html(HtmlParts):
    """The report's sections, in page order."""

    # -- sections ---------------------------------------------------------------------------

    def page(self, generated_at: dt.datetime) -> str:
        """The whole HTML document."""
        title = escape(lb.text("title", self.lang))
        stamp = generated_at.astimezone(dt.UTC)
        sections = [
            self.header(stamp),
            self.problems(),
            self.matrix(),
            self.documents(),
            self.funding(),
            self.decisions(),
            self.sources(),
            self.notes(),
        ]
        return (
            f'<!DOCTYPE html>\n<html lang="{self.lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
            + "\n".join(s for s in sections if s)
            + "\n</body>\n</html>\n"
        )

    def header(self, stamp: dt.datetime) -> str:
        """Title, the generated-at line, the run's size and the table of contents."""
        counts = " · ".join(f"{self.label(key)}: {n}" for key, n in self.c.counts.items())
        munis = ", ".join(self.muni(m) for m in self.c.municipalities)
        nav = " ".join(
            f'<a href="#{key}">{escape(lb.text(key, self.lang))}</a>'
            for key in ("matrix", "documents", "funding", "decisions", "sources")
        )
        return (
            f"<header>{self.label('title', 'h1')}\n"
            f'<p class="meta">{self.label("generated")}: <time datetime="'
            f'{stamp.strftime("%Y-%m-%dT%H:%M:%SZ")}">{stamp.strftime("%Y-%m-%d %H:%M")} UTC'
            f'</time></p>\n<p class="meta">{counts}</p>\n'
            f'<p class="meta">{len(self.c.municipalities)} '
            f"{escape(lb.text('municipalities', self.lang))}: {munis}</p>\n"
            f"<nav>{nav}</nav></header>"
        )

    def problems(self) -> str:
        """Rows or tables that could not be read, if any."""
        if not self.c.problems:
            return ""
        items = "".join(f"<li>{escape(p)}</li>" for p in self.c.problems)
        return f'<div class="warn">{self.label("problems", "strong")}<ul>{items}</ul></div>'

    def matrix(self) -> str:
        """The category × municipality matrix, each cell linking to its records, and its chart."""
        head = self.label("matrix", "h2", ' id="matrix"')
        if not self.c.counts["themes"] and not self.c.counts["actions"]:
            return head + self.empty("empty_matrix")
        munis = self.c.municipalities
        largest = max(len(cell.actions) + len(cell.themes) for cell in self.c.matrix.values())
        rows = []
        for cat in CATEGORIES:
            cells = [self.c.cell(cat, m) for m in munis]
            if not cat and not any(c.themes or c.actions for c in cells):
                continue  # the uncategorised row only when something is uncategorised
            tds = []
            for m, cell in zip(munis, cells, strict=True):
                n = len(cell.themes) + len(cell.actions)
                if not n:
                    tds.append('<td class="zero">–</td>')
                    continue
                names = "; ".join(r.text for r in (cell.themes or cell.actions)[:4])
                tip = (
                    f"{lb.text('themes', self.lang)} {len(cell.themes)}, "
                    f"{lb.text('actions', self.lang).lower()} {len(cell.actions)}: {names}"
                )
                alpha = 0.12 + 0.55 * n / largest
                tds.append(
                    f'<td class="n" style="background:rgba(0,114,178,{alpha:.2f})">'
                    f'<a href="#{anchor(cat, m)}" title="{escape(tip)}">'
                    f"{len(cell.themes)} · {len(cell.actions)}</a></td>"
                )
            rows.append(f"<tr><th>{self.category(cat)}</th>{''.join(tds)}</tr>")
        header = "".join(f'<th class="n">{self.muni(m)}</th>' for m in munis)
        table = (
            f'<table class="matrix"><thead><tr>{self.th("category")}{header}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
        return head + self.label("matrix_intro", "p") + table + self.category_chart()

    def category_chart(self) -> str:
        """Actions per shared category, one bar per municipality."""
        if not self.c.counts["actions"]:
            return self.empty("empty_actions")
        series = [
            Series(cat, lb.category(cat, self.lang), lb.category(cat, self.tip), color(i, cat))
            for i, cat in enumerate(CATEGORIES)
        ]
        bars = [
            Bar(m.name or "?", {cat: len(self.c.cell(cat, m).actions) for cat in CATEGORIES})
            for m in self.c.municipalities
        ]
        title = lb.text("chart_categories", self.lang)
        return self.chart(stacked_bars(bars, series, title=title, fmt=lambda v: f"{v:.0f}"))

    def documents(self) -> str:
        """One row per municipality and document, and the status chart."""
        head = self.label("documents", "h2", ' id="documents"')
        if not self.c.documents:
            return head + self.empty("empty_documents")
        rows = []
        for s in self.c.documents:
            d = s.document
            period = f"{d.period_start or ''}–{d.period_end or ''}" if d.period_start else "–"
            by_cat = self.counts_bar(
                s.by_category,
                CATEGORIES,
                lambda k: lb.category(k, self.lang),
                lb.text("by_category", self.lang),
            )
            status = self.counts_bar(
                s.by_status,
                STATUSES,
                lambda k: lb.vocab("status", k, self.lang),
                lb.text("status", self.lang),
            )
            state = lb.percent(s.state_funded_share, self.lang)
            if s.state_funded_known:
                state += f" <small>({s.state_funded}/{s.state_funded_known})</small>"
            years = year_columns(s.by_year, label=lb.text("by_year", self.lang)) or "–"
            rows.append(
                f"<tr><td>{self.muni(s.municipality)}</td><td>{escape(doc_title(d))}<br><small>"
                f"{escape(PurePath(d.source_path).name)} · {self.vocab('doc_type', d.doc_type)}"
                f'</small></td><td class="n">{period}</td><td class="n">{s.themes}</td>'
                f'<td class="n">{s.actions}</td><td>{by_cat or "–"}</td><td>{years}</td>'
                f'<td>{status or "–"}</td><td class="n">{state}</td></tr>'
            )
        keys = ("municipality", "document", "period", "themes", "actions", "by_category")
        header = "".join(self.th(k, k in ("themes", "actions")) for k in keys)
        header += self.th("by_year") + self.th("status") + self.th("state_funded", True)
        table = f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        return head + table + self.status_chart()

    @staticmethod
    def counts_bar(
        counts: Mapping[str, int], keys: Sequence[str], name: Callable[[str], str], label: str
    ) -> str:
        """One small stacked bar of counts per key, each part titled with its name and count."""
        return mini_bar(
            [(f"{name(k)}: {counts[k]}", counts[k], color(i, k)) for i, k in enumerate(keys)],
            label=label,
        )

    def status_chart(self) -> str:
        """Action status per document, for the documents that have actions."""
        with_actions = [s for s in self.c.documents if s.actions]
        if not with_actions:
            return self.empty("empty_actions")
        keys = STATUSES
        series = [
            Series(
                k, lb.vocab("status", k, self.lang), lb.vocab("status", k, self.tip), color(i, k)
            )
            for i, k in enumerate(keys)
        ]
        bars = [
            Bar(f"{s.municipality.name or '?'} — {doc_title(s.document)}", dict(s.by_status))
            for s in with_actions
        ]
        title = lb.text("chart_status", self.lang)
        return self.chart(stacked_bars(bars, series, title=title, fmt=lambda v: f"{v:.0f}"))

    def funding(self) -> str:
        """Funding by source and role, budget breakdowns and their warnings."""
        head = self.label("funding", "h2", ' id="funding"')
        return head + self.funding_table() + self.breakdowns() + self.warnings()

    def funding_table(self) -> str:
        """Sums per municipality, role and source, with each source's share of the role."""
        if not self.c.funding:
            return self.empty("empty_funding")
        keys = SOURCES
        series = [
            Series(
                k, lb.vocab("source", k, self.lang), lb.vocab("source", k, self.tip), color(i, k)
            )
            for i, k in enumerate(keys)
        ]
        bars: dict[str, dict[str, float]] = {}
        rows = []
        for g in self.c.funding:
            bar = bars.setdefault(
                f"{g.municipality.name or '?'} — {lb.vocab('role', g.role, self.lang)}", {}
            )
            bar[g.source] = bar.get(g.source, 0.0) + g.amount_eur
            rows.append(
                f"<tr><td>{self.muni(g.municipality)}</td><td>{self.vocab('role', g.role)}</td>"
                f'<td>{self.vocab("source", g.source)}</td><td class="n">{g.records}</td>'
                f'<td class="n">{lb.money(g.amount_eur, self.lang)}</td>'
                f'<td class="n">{lb.percent(g.share_of_role, self.lang)}</td></tr>'
            )
        title = lb.text("chart_funding", self.lang)
        chart = stacked_bars(
            [Bar(k, v) for k, v in bars.items()],
            series,
            title=title,
            fmt=lambda v: lb.money(v, self.lang),
            shares=True,
        )
        keys_h = ("municipality", "role", "source")
        header = "".join(self.th(k) for k in keys_h) + self.th("records", True)
        header += self.th("amount", True) + self.th("share_of_role", True)
        return self.chart(chart) + (
            f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )

    def breakdowns(self) -> str:
        """Each project's total cost with its parts and their shares of it."""
        head = self.label("breakdowns", "h3")
        if not self.c.breakdowns:
            return head + self.empty("empty_breakdowns")
        rows = []
        for b in self.c.breakdowns:
            t = b.total
            rows.append(
                f"<tr><th>{self.muni(b.municipality)}</th><th>{escape(b.project or '–')}</th>"
                f"<th>{self.vocab('role', t.role)}</th><th>{self.vocab('source', source(t))}</th>"
                f'<th class="n">{lb.money(t.amount_eur, self.lang)}</th>'
                f'<th class="n">{lb.percent(100.0, self.lang)}</th>'
                f'<th class="n">{lb.percent(t.share_percent, self.lang)}</th>'
                f'<th class="n">{t.page or "–"}</th></tr>'
            )
            for line in b.parts:
                f = line.funding
                rows.append(
                    f"<tr><td></td><td>{escape(f.recipient or '')}</td>"
                    f"<td>{self.vocab('role', f.role)}</td>"
                    f"<td>{self.vocab('source', source(f))}</td>"
                    f'<td class="n">{lb.money(f.amount_eur, self.lang)}</td>'
                    f'<td class="n">{lb.percent(line.share_of_total, self.lang)}</td>'
                    f'<td class="n">{lb.percent(f.share_percent, self.lang)}</td>'
                    f'<td class="n">{f.page or "–"}</td></tr>'
                )
        keys = ("municipality", "project_recipient", "role", "source")
        header = "".join(self.th(k) for k in keys) + self.th("amount", True)
        header += self.th("share_of_total", True) + self.th("share_stated", True)
        header += self.th("page", True)
        return head + (
            f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )

    def warnings(self) -> str:
        """Budget-breakdown warnings of the documents."""
        head = self.label("warnings", "h3")
        items = [
            f"<li>{self.muni(s.municipality)} — {escape(doc_title(s.document))}: {escape(w)}</li>"
            for s in self.c.documents
            for w in s.warnings
        ]
        if not items:
            return head + self.empty("empty_warnings")
        return head + f'<div class="warn"><ul>{"".join(items)}</ul></div>'

    def decisions(self) -> str:
        """Decisions per body and year: outcomes, unanimity and votes, with a chart."""
        head = self.label("decisions", "h2", ' id="decisions"')
        if not self.c.decisions:
            return head + self.empty("empty_decisions")
        keys = OUTCOMES
        series = [
            Series(
                k, lb.vocab("outcome", k, self.lang), lb.vocab("outcome", k, self.tip), color(i, k)
            )
            for i, k in enumerate(keys)
        ]
        bars, rows = [], []
        for g in self.c.decisions:
            body = g.body or lb.text("unknown", self.lang)
            year = str(g.year) if g.year else "–"
            bars.append(Bar(f"{g.municipality.name or '?'} — {body} {year}", dict(g.outcomes)))
            outcomes = self.counts(
                {k: g.outcomes[k] for k in keys}, lambda v: self.vocab("outcome", v)
            )
            unanimity = lb.percent(g.unanimity_share, self.lang)
            if g.unanimous_known:
                unanimity += f" <small>({g.unanimous}/{g.unanimous_known})</small>"
            votes = "–"
            if g.voted:
                voted = f"{lb.text('voted', self.lang)}: {g.voted}"
                votes = (
                    f"{g.votes_for}–{g.votes_against}–{g.votes_blank}–{g.votes_absent} "
                    f'<small title="{escape(voted)}">({g.voted})</small>'
                )
            rows.append(
                f"<tr><td>{self.muni(g.municipality)}</td><td>{escape(body)}</td>"
                f'<td class="n">{year}</td><td class="n">{g.decisions}</td><td>{outcomes}</td>'
                f'<td class="n">{unanimity}</td><td class="n">{votes}</td></tr>'
            )
        title = lb.text("chart_decisions", self.lang)
        chart = stacked_bars(bars, series, title=title, fmt=lambda v: f"{v:.0f}")
        header = self.th("municipality") + self.th("body") + self.th("year", True)
        header += self.th("decisions", True) + self.th("outcomes")
        header += self.th("unanimity", True) + self.th("votes", True)
        table = f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        return head + self.chart(chart) + table

    def sources(self) -> str:
        """The records behind every non-empty matrix cell: document, page and quote."""
        head = self.label("sources", "h2", ' id="sources"')
        parts = []
        for cat in CATEGORIES:
            for m in self.c.municipalities:
                cell = self.c.cell(cat, m)
                records = [*cell.themes, *cell.actions]
                if not records:
                    continue
                rows = []
                for r in records:
                    kind = self.label(r.kind)
                    if r.inherited:
                        kind += f" <small>({escape(lb.text('inherited', self.lang))})</small>"
                    rows.append(
                        f"<tr><td>{kind}</td><td>{self.doc_name(r.document_id)}</td>"
                        f'<td class="n">{self.review_link(r)}</td><td>{escape(r.text)}</td>'
                        f"<td><blockquote>{escape(r.quote)}</blockquote></td></tr>"
                    )
                keys = ("kind", "document", "page", "text", "quote")
                header = "".join(self.th(k, k == "page") for k in keys)
                parts.append(
                    f'<section class="cell" id="{anchor(cat, m)}"><h3>{self.category(cat)} — '
                    f'{self.muni(m)} <a href="#matrix" title="'
                    f'{escape(lb.text("back", self.lang))}">↑</a></h3>'
                    f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody>"
                    "</table></section>"
                )
        return head + ("".join(parts) or self.empty("empty_matrix"))

    def notes(self) -> str:
        """How the numbers are counted."""
        keys = ("note_inherit", "note_years", "note_state", "note_role", "note_warnings")
        items = "".join(self.label(k, "li") for k in keys)
        head = self.label("notes", "h2", ' id="notes"')
        return f"<footer>{head}<ul>{items}</ul></footer>"


def render_html(comparison: Comparison, *, lang: Lang, generated_at: dt.datetime) -> str:
    """The comparison as one self-contained HTML document."""
    return _Html(comparison, lang).page(generated_at)
