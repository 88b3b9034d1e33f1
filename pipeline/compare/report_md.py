"""The comparison report as Markdown: the same tables as the HTML report, without charts."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from html import escape

from pipeline.compare import labels as lb
from pipeline.compare.labels import Lang
from pipeline.compare.model import CATEGORIES, OUTCOMES, STATUSES, Comparison, Municipality

# Characters Markdown reads as markup (emphasis, code, links, headings, tables, strikethrough).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")


def render_markdown(c: Comparison, *, lang: Lang, generated_at: dt.datetime) -> str:
    """The comparison as a Markdown document (GitHub pipe tables)."""

    def t(key: str) -> str:
        return lb.text(key, lang)

    def muni(m: Municipality) -> str:
        return m.name or t("unknown")

    stamp = generated_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    out = [f"# {t('title')}", "", f"{t('generated')}: {stamp}", ""]
    out.append(" · ".join(f"{t(k)}: {n}" for k, n in c.counts.items()))
    out += ["", *(f"- {md_text(p)}" for p in c.problems)]

    out += ["", f"## {t('matrix')}", ""]
    if c.counts["themes"] or c.counts["actions"]:
        out.append(t("matrix_intro"))
        rows = []
        for cat in CATEGORIES:
            cells = [c.cell(cat, m) for m in c.municipalities]
            if not cat and not any(x.themes or x.actions for x in cells):
                continue
            rows.append(
                [lb.category(cat, lang)]
                + [
                    f"{len(x.themes)} · {len(x.actions)}" if x.themes or x.actions else "–"
                    for x in cells
                ]
            )
        out += ["", *_table([t("category"), *(muni(m) for m in c.municipalities)], rows)]
    else:
        out.append(f"_{t('empty_matrix')}_")

    out += ["", f"## {t('documents')}", ""]
    rows = []
    for s in c.documents:
        d = s.document
        period = f"{d.period_start}–{d.period_end or ''}" if d.period_start else "–"
        rows.append(
            [
                muni(s.municipality),
                d.title or d.source_path,
                period,
                str(s.themes),
                str(s.actions),
                _counts({k: s.by_category[k] for k in CATEGORIES}, lambda k: lb.category(k, lang)),
                _counts({str(y): n for y, n in sorted(s.by_year.items())}, str),
                _counts(
                    {k: s.by_status[k] for k in STATUSES}, lambda k: lb.vocab("status", k, lang)
                ),
                lb.percent(s.state_funded_share, lang),
            ]
        )
    keys = ("municipality", "document", "period", "themes", "actions", "by_category", "by_year")
    header = [t(k) for k in (*keys, "status", "state_funded")]
    out += _table(header, rows) if rows else [f"_{t('empty_documents')}_"]

    out += ["", f"## {t('funding')}", ""]
    rows = [
        [
            muni(g.municipality),
            lb.vocab("role", g.role, lang),
            lb.vocab("source", g.source, lang),
            str(g.records),
            lb.money(g.amount_eur, lang),
            lb.percent(g.share_of_role, lang),
        ]
        for g in c.funding
    ]
    header = [
        t(k) for k in ("municipality", "role", "source", "records", "amount", "share_of_role")
    ]
    out += _table(header, rows) if rows else [f"_{t('empty_funding')}_"]
    out += ["", f"### {t('warnings')}", ""]
    warnings = [
        f"- {md_text(muni(s.municipality))}: {md_text(w)}" for s in c.documents for w in s.warnings
    ]
    out += warnings or [f"_{t('empty_warnings')}_"]

    out += ["", f"## {t('decisions')}", ""]
    rows = [
        [
            muni(g.municipality),
            g.body or t("unknown"),
            str(g.year or "–"),
            str(g.decisions),
            _counts({k: g.outcomes[k] for k in OUTCOMES}, lambda k: lb.vocab("outcome", k, lang)),
            lb.percent(g.unanimity_share, lang),
            f"{g.votes_for}–{g.votes_against}–{g.votes_blank}–{g.votes_absent} ({g.voted})"
            if g.voted
            else "–",
        ]
        for g in c.decisions
    ]
    keys = ("municipality", "body", "year", "decisions", "outcomes", "unanimity", "votes")
    out += _table([t(k) for k in keys], rows) if rows else [f"_{t('empty_decisions')}_"]
    return "\n".join(out) + "\n"


def _counts(values: Mapping[str, int], show: Callable[[str], str]) -> str:
    return ", ".join(f"{show(k)} {n}" for k, n in values.items() if n) or "–"


def md_text(text: str) -> str:
    """Text from the data made inert in Markdown: no HTML (`<script>`), links or emphasis."""
    return _MD_SPECIAL.sub(r"\\\1", escape(text, quote=False))


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    def cell(text: str) -> str:
        # A pipe would end the cell (escaped with the rest) and a newline the row.
        return " ".join(md_text(text).split())

    lines = ["| " + " | ".join(cell(h) for h in header) + " |"]
    lines.append("|" + "|".join("---" for _ in header) + "|")
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return lines
