"""Sample 001: Porvoo digital programme 2020–2023 as landscape slides with ruled tables.

The seed linearises the use-case tables: each row is ``<use case> x x <responsible>`` and only
the number of ``x`` marks survives. The year columns chosen for every row are listed in
``ROWS`` below (contiguous spans; see "Judgement calls" in samples/README.md).
"""

from __future__ import annotations

import re
from pathlib import Path

from .layout import BOLD, Built, Text, write_pdf
from .seed import Item, Seed
from .slides import PAGE_H, PAGE_W, RIGHT, Cell, Deck, Slide, TableStyle, cell, table

YEARS = ["2020", "2021", "2022", "2023"]
COVER = "Porvoon kaupungin digiohjelma 2020–2023"
FOOTER = "Porvoon kaupunki – Digiohjelma 2020–2023"
_ROW = re.compile(r"^(.*?)\s+((?:x\s+)*x)\s+(.+)$")
_HEAD = re.compile(r"^(.*?)\s*2020 2021 2022 2023 Vastuutaho$")
WIDTHS = [372.0, 46.0, 46.0, 46.0, 46.0, 185.8]
TS = TableStyle(size=10.5, leading=12.6, pad=4.5)

# (first seed line, last seed line, first year, last year) of every use-case row
ROWS: dict[str, list[tuple[int, int, int, int]]] = {
    "t1_residents": [
        (153, 153, 2020, 2020),
        (155, 155, 2020, 2021),
        (157, 160, 2021, 2021),
        (162, 166, 2021, 2021),
        (168, 168, 2022, 2022),
        (170, 170, 2020, 2020),
        (172, 172, 2020, 2021),
        (174, 177, 2022, 2022),
        (179, 183, 2021, 2021),
    ],
    "t1_staff": [
        (189, 189, 2020, 2020),
        (191, 194, 2020, 2021),
        (196, 196, 2020, 2021),
        (198, 198, 2021, 2022),
        (200, 200, 2021, 2022),
        (202, 202, 2021, 2021),
        (204, 205, 2021, 2023),
        (207, 207, 2022, 2022),
        (209, 209, 2022, 2022),
        (211, 211, 2021, 2021),
        (213, 213, 2020, 2021),
        (215, 216, 2021, 2021),
        (218, 221, 2022, 2022),
        (223, 223, 2023, 2023),
        (225, 225, 2020, 2022),
    ],
    "t2_residents": [
        (264, 264, 2020, 2020),
        (266, 269, 2020, 2021),
        (271, 271, 2021, 2021),
        (273, 273, 2022, 2022),
        (275, 278, 2020, 2020),
        (280, 280, 2021, 2021),
        (282, 282, 2020, 2021),
        (284, 287, 2021, 2021),
        (289, 289, 2021, 2023),
        (291, 291, 2021, 2022),
        (293, 293, 2020, 2021),
        (295, 296, 2022, 2023),
    ],
    "t2_staff": [
        (305, 305, 2020, 2020),
        (307, 307, 2020, 2020),
        (309, 309, 2021, 2022),
        (311, 311, 2021, 2021),
        (313, 313, 2020, 2021),
        (315, 315, 2020, 2021),
        (317, 317, 2022, 2022),
        (319, 319, 2020, 2022),
        (321, 321, 2021, 2023),
        (323, 323, 2021, 2022),
        (325, 325, 2020, 2021),
        (327, 330, 2023, 2023),
        (332, 335, 2020, 2023),
        (337, 337, 2020, 2021),
        (339, 340, 2022, 2023),
    ],
    "t3": [
        (388, 391, 2020, 2022),
        (393, 393, 2020, 2021),
        (395, 395, 2021, 2021),
        (397, 397, 2022, 2022),
        (399, 402, 2021, 2022),
        (404, 407, 2020, 2021),
        (409, 412, 2021, 2023),
        (414, 414, 2021, 2021),
        (416, 416, 2020, 2020),
        (418, 418, 2020, 2022),
        (420, 423, 2020, 2021),
        (425, 425, 2023, 2023),
    ],
}

# rows of theme 2's staff table on its first slide (the table continues on the next slide)
T2_STAFF_FIRST = 8


def use_case_rows(seed: Seed, key: str) -> list[list[Cell]]:
    """Parse the rows of one use-case table and put the x marks in the chosen year columns."""
    rows = []
    for a, b, y0, y1 in ROWS[key]:
        m = _ROW.match(seed.text(a, b))
        if not m:
            raise ValueError(f"cannot parse use-case row at seed line {a}")
        text, marks, who = m.groups()
        years = {str(y) for y in range(y0, y1 + 1)}
        if marks.count("x") != len(years):
            raise ValueError(f"row at line {a}: {marks.count('x')} marks, years {sorted(years)}")
        rows.append(
            [cell(text)]
            + [cell("x" if y in years else "", center=True) for y in YEARS]
            + [cell(who)]
        )
    return rows


def header(seed: Seed, a: int, b: int | None = None) -> list[Cell]:
    """Header row cells from the seed's header line(s)."""
    m = _HEAD.match(seed.text(a, b))
    if not m:
        raise ValueError(f"cannot parse table header at seed line {a}")
    return [cell(t, bold=True, center=t != m.group(1)) for t in [m.group(1), *YEARS]] + [
        cell("Vastuutaho", bold=True)
    ]


def text_slide(deck: Deck, seed: Seed, title: int, a: int, b: int, *, sub: int = 0) -> Slide:
    """A slide with a title line from the seed and flowing text (optional bold subtitle)."""
    s = deck.new(seed.text(title))
    if sub:
        s.text_block(seed.text(sub), 13, BOLD, gap=8)
    s.flow(seed.items(a, b))
    return s


def small(s: Slide, seed: Seed, *lines: int) -> None:
    """Date/author remnants of the original slide master, printed small at the top right."""
    s.ops.append(
        Text(
            RIGHT,
            PAGE_H - 30,
            "   ".join(seed.text(n) for n in lines),
            size=8,
            align="right",
            gray=0.35,
        )
    )


def enablers_table(seed: Seed, s: Slide) -> None:
    """The last table: Mahdollistaja / Toimenpide / Mittarit / Vastuutaho with bullet lists."""
    head = [cell(t, bold=True) for t in seed.text(540).split()]
    a_name = seed.text(542, 545).replace("Kokonaisarkkiteht uuri", "Kokonaisarkkitehtuuri")
    c_metric, c_owner = seed.text(601).rsplit(" ", 1)
    rows = [
        [
            cell(a_name),
            Cell(seed.items(547, 552)),
            Cell(seed.items(554, 557)),
            cell(seed.text(559)),
        ],
        [
            cell(seed.text(561, 564)),
            Cell(seed.items(566, 574)),
            Cell(seed.items(576, 580)),
            cell(seed.text(582)),
        ],
        [
            cell(seed.text(584, 585)),
            Cell(seed.items(587, 599)),
            Cell([Item(c_metric.lstrip("• "), "bullet")]),
            cell(c_owner),
        ],
        [
            cell(seed.text(603, 605)),
            Cell(seed.items(607, 612)),
            Cell(seed.items(614, 620)),
            cell(seed.text(622)),
        ],
    ]
    ts = TableStyle(size=10.0, leading=12.0, pad=4.5)
    fit = table(s, [140.0, 330.0, 170.0, 101.8], head, rows, ts)
    if fit != len(rows):
        raise ValueError("enablers table does not fit on one slide")


def build_001(seeds: Path, out: Path) -> Built:
    """Build the Porvoo programme slides."""
    seed = Seed.load(seeds, "001")
    deck = Deck(FOOTER)
    deck.cover(COVER)
    text_slide(deck, seed, 1, 3, 26)
    text_slide(deck, seed, 30, 32, 49)
    deck.divider(seed.text(53, 54))
    s = text_slide(deck, seed, 58, 60, 90)
    s.text_block(seed.text(92), 9, gap=0)  # photo caption
    text_slide(deck, seed, 93, 95, 116)
    text_slide(deck, seed, 120, 121, 145)
    # theme 1: residents' table, then staff table with the note about * under it
    s = deck.new()
    s.text_block(seed.text(149), 12, gap=10)
    _full_table(s, header(seed, 151), use_case_rows(seed, "t1_residents"))
    s = deck.new()
    _full_table(s, header(seed, 187), use_case_rows(seed, "t1_staff"), reserve=30)
    s.text_block(seed.text(227, 229), 10, gap=0)
    text_slide(deck, seed, 233, 234, 254)
    # theme 2: note, residents' table; staff table over two slides with the header repeated
    s = deck.new()
    s.text_block(seed.text(258, 260), 12, gap=10)
    _full_table(s, header(seed, 262), use_case_rows(seed, "t2_residents"))
    staff_head = header(seed, 300, 303)
    staff = use_case_rows(seed, "t2_staff")
    s = deck.new()
    n = table(s, WIDTHS, staff_head, staff, TS, max_rows=T2_STAFF_FIRST)
    s = deck.new()
    _full_table(s, staff_head, staff[n:], reserve=30)
    s.text_block(seed.text(342, 344), 10, gap=0)
    text_slide(deck, seed, 348, 349, 374)
    # theme 3
    s = deck.new()
    small(s, seed, 378, 380)
    s.text_block(seed.text(382, 384), 12, gap=10)
    _full_table(s, header(seed, 386), use_case_rows(seed, "t3"))
    # enablers
    text_slide(deck, seed, 429, 431, 444)
    for title, sub, a, b in (
        (448, 450, 452, 466),
        (470, 472, 474, 485),
        (489, 491, 493, 509),
        (513, 515, 517, 530),
    ):
        text_slide(deck, seed, title, a, b, sub=sub)
    s = deck.new(seed.text(534))
    small(s, seed, 536, 538)
    enablers_table(seed, s)
    deck.divider(seed.text(626, 629))
    s = deck.new(seed.text(633))
    s.flow(seed.items(634, 654), 11.5)
    deck.divider(seed.text(658))
    s = deck.new()
    s.flow(seed.items(662, 677), 11.5)
    s = deck.new(seed.text(679))
    for url in seed.raw(681, 686):
        s.text_block(url, 9.5, gap=4)
    seed.assert_complete()
    pages = deck.pages()
    name = "001_porvoo_digiohjelma_2020_2023.pdf"
    write_pdf(out / name, pages, (PAGE_W, PAGE_H), COVER, "Porvoon kaupunki")
    return Built(name, len(pages), 0, seed.joins)


def _full_table(s: Slide, head: list[Cell], rows: list[list[Cell]], reserve: float = 0) -> None:
    """Draw a table that must fit on the slide."""
    if table(s, WIDTHS, head, rows, TS, reserve=reserve) != len(rows):
        raise ValueError("use-case table does not fit on its slide")
