"""The structure stage gives one tree for one content, whatever the layout.

Each structure kind (numbered sections, nested lists, an unruled table over a page break, a grid
with marks, key-value fields, a two-column page, slides) is printed in two layouts that differ
in fonts, sizes, spacing, margins and indents (`tests/structure_pdfs.py`). Both PDFs are read,
cleaned and built into a tree; the tree, described without geometry, must equal the structure
written here by hand from the content, and so be the same for both layouts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.reading.clean import clean_document
from pipeline.reading.read import read_document
from pipeline.structure import build_tree
from pipeline.structure.outline import outline
from schemas.tree import DocumentTree, Field, Item, ItemList, Node, Paragraph, Section, TableBlock
from tests import structure_pdfs as pdfs
from tests.structure_pdfs import LAYOUT_A, LAYOUT_B, SLIDES_A, SLIDES_B, Layout

Desc = tuple[object, ...]

# How each kind is printed in each layout (what differs beyond the Layout itself).
BUILDERS: dict[str, Callable[[Path, Layout], Path]] = {
    "sections": lambda p, lay: pdfs.numbered_sections_pdf(
        p, lay, break_after=2 if lay is LAYOUT_A else 1
    ),
    "lists": pdfs.nested_lists_pdf,
    "table": lambda p, lay: pdfs.unruled_table_pdf(p, lay, break_after=3 if lay is LAYOUT_A else 2),
    "grid-x": lambda p, lay: pdfs.mark_grid_pdf(p, lay, mark="x", centred=lay is LAYOUT_A),
    "grid-square": lambda p, lay: pdfs.mark_grid_pdf(p, lay, mark="■", centred=lay is LAYOUT_B),
    "fields": pdfs.fields_pdf,
    "columns": lambda p, lay: pdfs.two_column_pdf(
        p, lay, gutter=24 if lay is LAYOUT_A else 36, left_share=0.5 if lay is LAYOUT_A else 0.44
    ),
    "columns-plain": lambda p, lay: pdfs.two_column_pdf(
        p,
        lay,
        gutter=24 if lay is LAYOUT_A else 36,
        left_share=0.5 if lay is LAYOUT_A else 0.44,
        subheadings=False,
    ),
    "slides": lambda p, lay: pdfs.slides_pdf(
        p, lay, centre=lay is SLIDES_B, title_rule=lay is SLIDES_B
    ),
}
LAYOUTS_OF = {kind: (LAYOUT_A, LAYOUT_B) for kind in BUILDERS} | {"slides": (SLIDES_A, SLIDES_B)}


def _text(text: str) -> str:
    return " ".join(text.split())


def describe(tree: DocumentTree) -> list[Desc]:
    """The tree as (depth, kind, …) rows: what it says and how it nests, no geometry.

    Wrapped text (paragraphs, items, field values, table cells) is compared with whitespace
    collapsed, since where a line wraps is the layout's business.
    """
    out: list[Desc] = []
    for child in tree.root.children:
        _describe(child, 0, out)
    return out


def _describe(node: Node, depth: int, out: list[Desc]) -> None:
    if isinstance(node, Section):
        out.append((depth, "section", node.level, node.ordinal, _text(node.title)))
        for child in node.children:
            _describe(child, depth + 1, out)
    elif isinstance(node, Paragraph):
        out.append((depth, "paragraph", _text(node.text)))
    elif isinstance(node, Field):
        out.append((depth, "field", node.key, _text(node.value)))
    elif isinstance(node, ItemList):
        out.append((depth, "list", node.ordered))
        for item in node.items:
            _describe(item, depth + 1, out)
    elif isinstance(node, Item):
        out.append((depth, "item", node.marker, node.ordinal, _text(node.text), node.aside))
        for child in node.children:
            _describe(child, depth + 1, out)
    elif isinstance(node, TableBlock):
        out.append((depth, "table", node.ruled, tuple(node.pages)))
        for row in node.header:
            out.append((depth + 1, "header", *(_text(t) for t in row.texts())))
        for row in node.rows:
            out.append(
                (depth + 1, "group" if row.group else "row", *(_text(t) for t in row.texts()))
            )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, Layout], DocumentTree]:
    """The tree of one kind in one layout (each PDF built and read once per module)."""
    folder = tmp_path_factory.mktemp("structure")
    cache: dict[tuple[str, str], DocumentTree] = {}

    def get(kind: str, layout: Layout) -> DocumentTree:
        key = (kind, layout.name)
        if key not in cache:
            path = BUILDERS[kind](folder / f"{kind}-{layout.name}.pdf", layout)
            cache[key] = build_tree(clean_document(read_document(path)))
        return cache[key]

    return get


def _check(built: Callable[[str, Layout], DocumentTree], kind: str, index: int) -> None:
    tree = built(kind, LAYOUTS_OF[kind][index])
    got = describe(tree)
    assert got == EXPECTED[kind], f"tree of {kind} in layout {index}:\n{outline(tree, 200)}"


# The expected trees, written from the content ----------------------------------------------

SECTIONS: list[Desc] = [
    (0, "section", 1, "1", "Asukaslähtöiset palvelut"),
    (1, "paragraph", pdfs.SEC_1),
    (1, "section", 2, "1.1", "Sähköinen asiointi"),
    (2, "paragraph", pdfs.SEC_1_1),
    (2, "paragraph", pdfs.SEC_1_1_B),
    (1, "section", 2, "1.2", "Lähipalvelut"),
    (2, "paragraph", pdfs.SEC_1_2),
    (2, "paragraph", pdfs.SEC_1_2_B),  # cut by the page break: one paragraph
    (2, "section", 3, "1.2.1", "Kirjastopalvelut"),
    (3, "paragraph", pdfs.SEC_1_2_1),
    (0, "section", 1, "2", "Elinvoima ja työllisyys"),
    (1, "paragraph", pdfs.SEC_2),
    (1, "section", 2, "2.1", "Yrityspalvelut"),
    (2, "paragraph", pdfs.SEC_2_1),
]

_ITEMS = pdfs.LIST_ITEMS
LISTS: list[Desc] = [
    (0, "section", 1, None, "Painopisteet"),
    (1, "paragraph", "Ohjelmakauden painopisteet ovat seuraavat:"),
    (1, "list", False),
    (2, "item", "•", None, _ITEMS[0][1], None),
    (3, "list", False),
    (4, "item", "–", None, "asukasraadit kokoontuvat kahdesti vuodessa", None),
    (4, "item", "–", None, _ITEMS[0][2][1], None),
    (2, "item", "•", None, "Palvelujen saavutettavuutta parannetaan", None),
    (2, "item", "•", None, _ITEMS[2][1], None),
    (3, "list", False),
    (4, "item", "–", None, "perhekeskuksen toiminta laajenee kouluille", None),
    (1, "paragraph", "Painopisteiden toteutumista seurataan hyvinvointikertomuksessa."),
    (1, "list", True),
    (2, "item", "1.", "1", "Laaditaan toimenpidesuunnitelma", None),
    (2, "item", "2.", "2", pdfs.LIST_STEPS[1], None),
    (2, "item", "3.", "3", "Arvioidaan tulokset vuosittain", None),
]

TABLE: list[Desc] = [
    (0, "section", 1, None, "Toimenpiteet"),
    (1, "paragraph", pdfs.TABLE_INTRO),
    (1, "table", False, (1, 2)),
    (2, "header", "Toimenpide", "Vastuu", "Aikataulu", "Tila"),
    (2, "row", "Asiakaspalautejärjestelmän käyttöönotto kaikilla toimialoilla", "tietohallinto",
     "2025", "käynnissä"),
    (2, "row", "Asukasraatien perustaminen", "hallintopalvelut", "2025–2026", "valmis"),
    (2, "row", "Nuorten harrastustakuu", "sivistystoimi", "2026", "suunnitteilla"),
    (2, "row", "Kirjastojen omatoimiaikojen laajentaminen kaikkiin lähikirjastoihin",
     "kirjastotoimi", "2026–2027", "suunnitteilla"),
    (2, "row", "Liikuntapaikkojen esteettömyyskartoitus", "tekninen toimi", "2027",
     "aloittamatta"),
    (2, "row", "Ikäihmisten digituki", "hyvinvointipalvelut", "2025–2028", "käynnissä"),
    (1, "paragraph", "Toimenpiteiden tilanne raportoidaan valtuustolle kerran vuodessa."),
]  # fmt: skip


def _grid(mark: str) -> list[Desc]:
    m = mark
    return [
        (0, "section", 1, None, "Aikataulu"),
        (1, "paragraph", "Toimenpiteiden ajoitus ohjelmakaudella:"),
        (1, "table", False, (1,)),
        (2, "header", "Toimenpide", "2025", "2026", "2027", "2028"),
        (2, "row", "Palveluverkkoselvitys", m, "", "", ""),
        (2, "row", "Sähköisen ajanvarauksen laajentaminen kaikkiin palveluihin", m, m, "", ""),
        (2, "row", "Asukaskysely", "", m, "", m),
        (2, "row", "Hyvinvointikertomus", "", "", m, m),
        (2, "row", "Ohjelman loppuarviointi", "", "", "", m),
    ]


FIELDS: list[Desc] = [
    (0, "section", 1, "1", "Asukaslähtöiset palvelut"),
    (1, "section", 2, "1.1", "Sähköinen asiointi"),
    (2, "paragraph", "Kaikki lupa- ja ilmoitusasiat voi hoitaa verkossa."),
    (2, "field", "Vastuu", "tietohallinto"),
    (2, "field", "Aikataulu", "2025–2026"),
    (2, "field", "Tila", "käynnissä"),
    (2, "field", "Mittari", pdfs.FIELDS_1[3][1]),
    (1, "section", 2, "1.2", "Yhteinen palautekanava"),
    (2, "paragraph", "Asiakaspalaute kerätään yhdellä yhteisellä lomakkeella."),
    (2, "field", "Vastuu", "asiakaspalvelukeskus"),
    (2, "field", "Aikataulu", "2026"),
    (2, "field", "Tila", "suunnitteilla"),
]

COLUMNS: list[Desc] = [
    (0, "section", 1, "3", "Elinvoimainen ja kestävä kunta – yhteiset tavoitteet"),
    (1, "paragraph", pdfs.COLS_INTRO),
    (1, "section", 2, "3.1", "Yrityspalvelut"),
    (2, "paragraph", pdfs.COLS_LEFT_TEXT),
    (2, "list", False),
    (3, "item", "•", None, "yritysneuvonnan palvelupiste avataan keskustaan", None),
    (3, "item", "•", None, "hankinnoissa suositaan pieniä tarjouseriä", None),
    (3, "item", "•", None, "yrittäjien aamukahvit järjestetään neljä kertaa vuodessa", None),
    (1, "section", 2, "3.2", "Työllisyyden hoito"),
    (2, "paragraph", pdfs.COLS_RIGHT_TEXT),
    (2, "list", False),
    (3, "item", "•", None, "nuorten kesätyöseteli jatkuu", None),
    (3, "item", "•", None, "palkkatukea kohdennetaan pitkään työttömänä olleille", None),
    (3, "item", "•", None, "oppisopimuskoulutusta lisätään yhdessä oppilaitosten kanssa", None),
]

# The same page with no sub-headings: each column opens with a paragraph.
COLUMNS_PLAIN: list[Desc] = [
    (0, "section", 1, "3", "Elinvoimainen ja kestävä kunta – yhteiset tavoitteet"),
    (1, "paragraph", pdfs.COLS_INTRO),
    (1, "paragraph", pdfs.COLS_LEFT_TEXT),
    (1, "list", False),
    (2, "item", "•", None, "yritysneuvonnan palvelupiste avataan keskustaan", None),
    (2, "item", "•", None, "hankinnoissa suositaan pieniä tarjouseriä", None),
    (2, "item", "•", None, "yrittäjien aamukahvit järjestetään neljä kertaa vuodessa", None),
    (1, "paragraph", pdfs.COLS_RIGHT_TEXT),
    (1, "list", False),
    (2, "item", "•", None, "nuorten kesätyöseteli jatkuu", None),
    (2, "item", "•", None, "palkkatukea kohdennetaan pitkään työttömänä olleille", None),
    (2, "item", "•", None, "oppisopimuskoulutusta lisätään yhdessä oppilaitosten kanssa", None),
]

SLIDES: list[Desc] = [
    (0, "section", 1, None, "Ohjelman tavoitteet"),
    (1, "list", False),
    (2, "item", "•", None, "Asukkaat osallistuvat palvelujen suunnitteluun kaikilla toimialoilla",
     None),
    (2, "item", "•", None, "Palvelut ovat saavutettavia", None),
    (2, "item", "•", None, "Kunnan elinvoima vahvistuu", None),
    (0, "section", 1, None, "Toimenpiteet 2025"),
    (1, "list", False),
    (2, "item", "•", None, "Asukasraadit", None),
    (3, "list", False),
    (4, "item", "–", None, "kaksi kokoontumista vuodessa", None),
    (4, "item", "–", None, "teemat valtuuston päättämät", None),
    (2, "item", "•", None, "Sähköinen asiointi", None),
    (3, "list", False),
    (4, "item", "–", None, "ajanvaraus kaikkiin palveluihin", None),
    (0, "section", 1, None, "Seuranta"),
    (1, "list", False),
    (2, "item", "•", None, "Hyvinvointikertomus valtuustolle vuosittain", None),
    (2, "item", "•", None, "Loppuarviointi ohjelmakauden lopussa vuonna 2028", None),
]  # fmt: skip

EXPECTED: dict[str, list[Desc]] = {
    "sections": SECTIONS,
    "lists": LISTS,
    "table": TABLE,
    "grid-x": _grid("x"),
    "grid-square": _grid("■"),
    "fields": FIELDS,
    "columns": COLUMNS,
    "columns-plain": COLUMNS_PLAIN,
    "slides": SLIDES,
}

KINDS = list(BUILDERS)
LAYOUT_IDS = ["layout-A", "layout-B"]


# The tests ----------------------------------------------------------------------------------


@pytest.mark.parametrize("index", [0, 1], ids=LAYOUT_IDS)
def test_numbered_sections(built: Callable[[str, Layout], DocumentTree], index: int) -> None:
    """Numbered headings nest by number and style on three levels; a page break cuts nothing."""
    _check(built, "sections", index)


@pytest.mark.parametrize("index", [0, 1], ids=LAYOUT_IDS)
def test_nested_lists(built: Callable[[str, Layout], DocumentTree], index: int) -> None:
    """Bullets with wrapped text and dash sub-items; an intro sentence; a numbered list."""
    _check(built, "lists", index)


@pytest.mark.parametrize("index", [0, 1], ids=LAYOUT_IDS)
def test_unruled_table_over_a_page_break(
    built: Callable[[str, Layout], DocumentTree], index: int
) -> None:
    """One table over two pages: the header repeated on page 2 is not a row; wrapped cells."""
    _check(built, "table", index)


@pytest.mark.parametrize("kind", ["grid-x", "grid-square"])
@pytest.mark.parametrize("index", [0, 1], ids=LAYOUT_IDS)
def test_grid_with_marks(
    built: Callable[[str, Layout], DocumentTree], kind: str, index: int
) -> None:
    """A timetable grid: marks land in their year's column, empty cells stay empty."""
    _check(built, kind, index)


@pytest.mark.parametrize("index", [0, 1], ids=LAYOUT_IDS)
def test_key_value_fields(built: Callable[[str, Layout], DocumentTree], index: int) -> None:
    """Fields on lines of their own (inline or key in a column), wrapped, and run together."""
    _check(built, "fields", index)


@pytest.mark.parametrize("kind", ["columns", "columns-plain"])
@pytest.mark.parametrize("index", [0, 1], ids=LAYOUT_IDS)
def test_two_column_page(
    built: Callable[[str, Layout], DocumentTree], kind: str, index: int
) -> None:
    """A heading and intro over both columns; each column read whole, left first.

    With sub-headings each column is a section; without, the right column's paragraph and
    list follow the left column's list as blocks of their own (not nested in its last item).
    """
    _check(built, kind, index)


@pytest.mark.parametrize("index", [0, 1], ids=LAYOUT_IDS)
def test_slides(built: Callable[[str, Layout], DocumentTree], index: int) -> None:
    """A section per slide with its bullets; footers and slide numbers are not content."""
    _check(built, "slides", index)


@pytest.mark.parametrize("kind", KINDS)
def test_both_layouts_give_the_same_tree(
    built: Callable[[str, Layout], DocumentTree], kind: str
) -> None:
    """Whatever each tree is, the two layouts of one content give the same one."""
    first, second = (built(kind, layout) for layout in LAYOUTS_OF[kind])
    assert describe(first) == describe(second), (
        f"{kind}: layout A\n{outline(first, 200)}\n\nlayout B\n{outline(second, 200)}"
    )


def test_layouts_really_differ() -> None:
    """The two layouts of each kind differ in font, size, spacing and left margin."""
    for first, second in [(LAYOUT_A, LAYOUT_B), (SLIDES_A, SLIDES_B)]:
        assert first.regular != second.regular
        assert first.size != second.size
        assert first.leading != second.leading
        assert first.left != second.left
        assert first.heading_sizes != second.heading_sizes
