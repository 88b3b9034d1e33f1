"""Sample 004: Heinola digital roadmap 2022–2025 as landscape slides with status phrases."""

from __future__ import annotations

import re
from pathlib import Path

from .layout import BOLD, REGULAR, Box, Built, Rule, Text, wrap, write_pdf
from .seed import Seed
from .slides import (
    CONTENT_W,
    LEFT,
    PAGE_H,
    PAGE_W,
    RIGHT,
    Deck,
    Slide,
    project_list,
    year_row,
)

COVER = "Heinolan kaupungin digitiekartta 2022–2025"
FOOTER = "Heinolan kaupunki | Digitiekartta 2022–2025"
YEARS = ["2022", "2023", "2024", "2025"]
_STATUS = re.compile(
    r"\s+((?:MENEILLÄÄN|VALMIS|SIIRTYY|EI|KÄYTÖSSÄ|TEHDÄÄN|TOTEUTETTU|SELVITETÄÄN|TULOSSA"
    r"|TOTEUTUS|HANKINTA|YLLÄPITOPROSESSI|ODOTTAA|VAKA)\b.*)$"
)

# sector slides: title line, year-row lines, project line ranges
SECTORS: list[tuple[int, tuple[int, ...], list[tuple[int, int]]]] = [
    (
        114,
        (145,),
        [
            (116, 116),
            (118, 118),
            (120, 120),
            (122, 122),
            (124, 124),
            (126, 126),
            (128, 128),
            (130, 130),
            (132, 132),
            (134, 134),
            (136, 136),
            (138, 138),
            (140, 141),
            (143, 143),
        ],
    ),
    (149, (151, 168), [(153, 153), (155, 155), (157, 157), (159, 162), (164, 164), (166, 166)]),
    (
        172,
        (174,),
        [
            (176, 176),
            (178, 178),
            (180, 180),
            (182, 182),
            (184, 184),
            (186, 186),
            (188, 188),
            (190, 190),
            (192, 193),
            (195, 196),
            (198, 200),
        ],
    ),
    (
        204,
        (206,),
        [
            (208, 208),
            (210, 210),
            (212, 212),
            (214, 214),
            (216, 216),
            (218, 219),
            (221, 222),
            (224, 224),
            (226, 226),
            (228, 228),
            (230, 231),
            (233, 233),
        ],
    ),
    (
        237,
        (239,),
        [(241, 241), (243, 243), (245, 245), (247, 248), (250, 251), (253, 253), (255, 256)],
    ),
    (
        260,
        (262,),
        [(264, 265), (267, 268), (270, 270), (272, 272), (274, 274), (276, 277), (279, 279)],
    ),
]


def split_status(line: str) -> tuple[str, str]:
    """Split a roadmap line into the project text and its trailing status phrase (may be '')."""
    m = _STATUS.search(line)
    if not m:
        return line, ""
    return line[: m.start()].strip(), m.group(1).strip()


def callout(s: Slide, text: str, size: float = 13) -> None:
    """A highlighted statement in a grey box."""
    lines = wrap(text, CONTENT_W - 30, BOLD, size, hyphenate=False)
    h = len(lines) * size * 1.3 + 14
    s.ops.append(Box(LEFT, s.y - h + size + 4, CONTENT_W, h, stroke=False, fill=0.9))
    for ln in lines:
        s.ops.append(Text(LEFT + 15, s.y, ln.s, BOLD, size))
        s.down(size * 1.3)
    s.y -= 18


def chart(s: Slide, x: float, w: float, variant: int, caption: str) -> None:
    """A schematic bar chart (graphics only, no text) with its caption underneath."""
    s.ops.append(Box(x, 150, w, 300, fill=0.95))
    bar = (w - 60) / 6
    for k in range(6):
        h = 40 + 35 * ((k * 37 + variant * 11) % 7)
        s.ops.append(Box(x + 30 + k * bar, 170, bar * 0.75, h, stroke=False, fill=0.6))
    s.ops.append(Text(x + w / 2, 130, caption, BOLD, 11, align="center"))


def groups(s: Slide, seed: Seed, spec: list[tuple[int, int, int]]) -> None:
    """Bullet groups each followed by its audience label (bold, right-aligned)."""
    for a, b, label in spec:
        s.flow(seed.items(a, b), 12, gap=4)
        s.ops.append(Text(RIGHT, s.y - 2, seed.text(label), BOLD, 12, align="right"))
        s.ops.append(Rule(LEFT, s.y - 9, RIGHT, s.y - 9, 0.4, 0.7))
        s.down(30)


def build_004(seeds: Path, out: Path) -> Built:
    """Build the Heinola roadmap slides."""
    seed = Seed.load(seeds, "004")
    deck = Deck(FOOTER)
    deck.cover(COVER)
    s = deck.new(seed.text(1))
    s.text_block(seed.text(2), 14, BOLD)
    s.flow(seed.items(4, 8))
    callout(s, seed.text(10))
    s.flow(seed.items(12, 13))
    s.text_block(seed.text(15), 14, BOLD)
    s.flow(seed.items(17, 19))
    callout(s, seed.text(21, 24), 12)
    s = deck.new(seed.text(28))
    s.flow(seed.items(30, 46))
    s.text_block(seed.text(48), 9.5)
    callout(s, seed.text(50, 53), 12)
    s = deck.new(seed.text(57))
    charts = re.split(r"(?<=1) (?=Digitalisaation)", seed.text(59))
    for i, caption in enumerate(charts):
        chart(s, LEFT + i * (CONTENT_W / 2 + 10), CONTENT_W / 2 - 10, i, caption)
    s = deck.new(seed.text(60))
    s.text_block(seed.text(62), 14, BOLD, gap=14)
    groups(s, seed, [(64, 69, 71), (73, 80, 82)])
    s = deck.new(seed.text(86))
    s.text_block(seed.text(88), 14, BOLD, gap=14)
    groups(s, seed, [(90, 94, 96), (98, 102, 104), (106, 107, 109)])
    deck.divider(seed.text(113))
    for title, year_lines, projects in SECTORS:
        s = deck.new(seed.text(title))
        for n in year_lines:
            seed.raw(n)  # the seed's year labels; drawn as one row 2022 2023 2024 2025
        year_row(s, YEARS)
        project_list(s, [split_status(seed.text(a, b)) for a, b in projects])
    s = deck.new(seed.text(283))
    boxes = [[seed.text(284)], [seed.text(286)], seed.raw(288, 289), [seed.text(291)]]
    for i, parts in enumerate(boxes):
        h = 16 + 14 * len(parts)
        s.ops.append(Box(LEFT + 20 * i, s.y - h + 16, CONTENT_W - 40 * i, h, fill=0.92))
        for k, part in enumerate(parts):
            s.ops.append(
                Text(
                    PAGE_W / 2, s.y - 14 * k, part, BOLD if k == 0 else REGULAR, 11, align="center"
                )
            )
        s.down(h + 6)
    s.y -= 6
    s.flow(seed.items(293, 315), 11.5, gap=3)
    deck.divider(seed.text(319))
    seed.assert_complete()
    pages = deck.pages()
    name = "004_heinola_digitiekartta_2022_2025.pdf"
    write_pdf(out / name, pages, (PAGE_W, PAGE_H), COVER, "Heinolan kaupunki")
    return Built(name, len(pages), 0, seed.joins)
