"""Charts as inline SVG, written by hand so the report needs no JavaScript and no network.

Two shapes cover the report: horizontal stacked bars (one bar per city, document or body, one
segment per category, status, source or outcome) and a row of small year columns. Every mark
carries a `<title>`, which browsers show as a tooltip, so the exact numbers are one hover away.
Coordinates are rounded to one decimal, so the same data always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape

# Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), then a few more.
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#332288",
    "#882255",
    "#44AA99",
    "#999933",
)
NONE_COLOR = "#BBBBBB"
"""Colour of the 'not stated' / 'uncategorised' segment."""

_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"
_CHAR = 6.6  # average width of a 12 px character, for laying out legends and labels
_LABEL_CHARS = 38


@dataclass(frozen=True, slots=True)
class Series:
    """One segment kind of a stacked bar chart (a category, a status, a source, …)."""

    key: str
    label: str
    tooltip: str
    color: str


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: its label and a value per series key."""

    label: str
    values: Mapping[str, float]


def color(position: int, key: str) -> str:
    """The colour of the vocabulary value at `position`; '' (not stated) is grey."""
    return NONE_COLOR if not key else PALETTE[position % len(PALETTE)]


def stacked_bars(
    bars: Sequence[Bar],
    series: Sequence[Series],
    *,
    title: str,
    fmt: Callable[[float], str],
    width: int = 760,
    shares: bool = False,
) -> str:
    """A horizontal stacked bar chart with a legend of the series that occur.

    With `shares`, every bar is drawn full width (its segments are shares of its own total) and
    its total is written beside it: one huge amount then does not flatten every other bar.
    """
    pad, label_w, value_w, row_h, bar_h = 8.0, 260.0, 100.0, 24.0, 16.0
    bar_w = width - label_w - value_w - 2 * pad
    present = [s for s in series if any(b.values.get(s.key, 0) for b in bars)]
    parts: list[str] = []
    y = 18.0
    parts.append(f'<text x="{_n(pad)}" y="{_n(y)}" font-weight="600">{escape(title)}</text>')
    # Legend: swatch + label, wrapped onto as many lines as it needs.
    x, y = pad, y + 12
    for s in present:
        item = 18 + len(s.label) * _CHAR + 14
        if x + item > width - pad and x > pad:
            x, y = pad, y + 18
        parts.append(
            f"<g><title>{escape(s.tooltip)}</title>"
            f'<rect x="{_n(x)}" y="{_n(y)}" width="12" height="12" fill="{s.color}"/>'
            f'<text x="{_n(x + 16)}" y="{_n(y + 10)}">{escape(s.label)}</text></g>'
        )
        x += item
    top = y + (26 if present else 8)
    largest = max((sum(b.values.values()) for b in bars), default=0.0)
    scale = bar_w / largest if largest > 0 else 0.0
    for i, bar in enumerate(bars):
        total = sum(bar.values.values())
        if shares:
            scale = bar_w / total if total > 0 else 0.0
        row_y = top + i * row_h
        short = _short(bar.label)
        parts.append(
            f'<text x="{_n(pad)}" y="{_n(row_y + 12)}"><title>{escape(bar.label)}</title>'
            f"{escape(short)}</text>"
        )
        seg_x = pad + label_w
        for s in present:
            value = bar.values.get(s.key, 0)
            if not value:
                continue
            w = value * scale
            parts.append(
                f'<rect x="{_n(seg_x)}" y="{_n(row_y)}" width="{_n(max(w, 0.5))}" '
                f'height="{_n(bar_h)}" fill="{s.color}">'
                f"<title>{escape(bar.label)} — {escape(s.label)} ({escape(s.tooltip)}): "
                f"{escape(fmt(value))}</title></rect>"
            )
            seg_x += w
        parts.append(f'<text x="{_n(seg_x + 6)}" y="{_n(row_y + 12)}">{escape(fmt(total))}</text>')
    height = top + len(bars) * row_h + pad
    return _svg(width, height, title, parts)


def mini_bar(segments: Sequence[tuple[str, float, str]], *, label: str, width: int = 110) -> str:
    """One small 100 % bar of (tooltip, value, colour) segments, for a table cell; '' if empty."""
    total = sum(value for _, value, _ in segments)
    if total <= 0:
        return ""
    parts, x = [], 0.0
    for tip, value, fill in segments:
        if not value:
            continue
        w = width * value / total
        parts.append(
            f'<rect x="{_n(x)}" y="0" width="{_n(w)}" height="14" fill="{fill}">'
            f"<title>{escape(tip)}</title></rect>"
        )
        x += w
    return _svg(width, 14, label, parts, css_class="mini")


def year_columns(counts: Mapping[int, int], *, label: str) -> str:
    """A small column chart of counts per year (every year from the first to the last)."""
    if not counts:
        return ""
    first, last = min(counts), max(counts)
    years = range(first, last + 1)
    col_w, gap, area_h = 12.0, 3.0, 28.0
    largest = max(counts.values()) or 1
    parts = []
    for i, year in enumerate(years):
        value = counts.get(year, 0)
        h = area_h * value / largest
        x = i * (col_w + gap)
        parts.append(
            f'<rect x="{_n(x)}" y="{_n(area_h - h)}" width="{_n(col_w)}" height="{_n(h)}" '
            f'fill="{PALETTE[0]}"><title>{year}: {value}</title></rect>'
        )
    width = max(len(years) * (col_w + gap) - gap, 2 * col_w + gap)
    parts.append(f'<text x="0" y="{_n(area_h + 11)}" font-size="9">{first}</text>')
    if last != first:
        parts.append(
            f'<text x="{_n(width)}" y="{_n(area_h + 11)}" font-size="9" '
            f'text-anchor="end">{last}</text>'
        )
    return _svg(width, area_h + 13, label, parts)


def _svg(width: float, height: float, title: str, parts: list[str], css_class: str = "") -> str:
    attr = f' class="{css_class}"' if css_class else ""
    return (
        # No xmlns: inline in HTML the parser puts <svg> in the SVG namespace by itself.
        f'<svg{attr} width="{_n(width)}" height="{_n(height)}" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" role="img" aria-label="{escape(title)}" '
        f'font-family="{escape(_FONT)}" font-size="12" fill="#222">'
        f"<title>{escape(title)}</title>" + "".join(parts) + "</svg>"
    )


def _short(text: str) -> str:
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1].rstrip() + "…"


def _n(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text
