"""Small PDFs of each structure kind, with the same content in two layouts (for the tree tests).

Each builder takes a `Layout` (fonts, sizes, spacing, margins, indents) and writes one PDF with
reportlab. Layout A is Helvetica 11 pt at x=56 with bullets from the Symbol font (as in
Word-made PDFs); layout B is Times-Roman 10 pt at x=90, tighter spacing, other heading sizes and
indents. The content constants below are what the tests expect to read back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

# A filled square (■) is in none of the standard 14 fonts; grids print it in DejaVu Sans.
_DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
MARK_FONT = "DejaVuSans"


@dataclass(frozen=True)
class Layout:
    """How a document is set: fonts, sizes, spacing, margins and indents."""

    name: str
    regular: str
    bold: str
    bullet_font: str  # font of the `•` glyph (Symbol, as Word prints it)
    size: float
    leading: float
    heading_sizes: tuple[float, float, float]  # levels 1, 2, 3
    heading_indent: tuple[float, float, float]
    left: float
    right: float  # right margin
    top: float  # first baseline, from the page top
    bottom: float  # last baseline may not be below this, from the page bottom
    para_gap: float  # extra space between paragraphs and blocks
    heading_before: float
    heading_after: float
    bullet_x: float  # first-level bullet, from the text's left edge
    hang: float  # item text, from its bullet
    nest: float  # extra indent per list level
    row_gap: float  # extra space between table rows
    key_tab: float | None = None  # fields: value printed in a column this far from the key
    landscape: bool = False


LAYOUT_A = Layout(
    name="A",
    regular="Helvetica",
    bold="Helvetica-Bold",
    bullet_font="Symbol",
    size=11,
    leading=15,
    heading_sizes=(16, 13, 11),
    heading_indent=(0, 0, 0),
    left=56,
    right=56,
    top=120,
    bottom=70,
    para_gap=8,
    heading_before=12,
    heading_after=6,
    bullet_x=0,
    hang=18,
    nest=18,
    row_gap=7,
)

LAYOUT_B = Layout(
    name="B",
    regular="Times-Roman",
    bold="Times-Bold",
    bullet_font="Symbol",
    size=10,
    leading=12.5,
    heading_sizes=(14, 12, 10),
    heading_indent=(0, 14, 28),
    left=90,
    right=80,
    top=140,
    bottom=110,
    para_gap=5,
    heading_before=16,
    heading_after=4,
    bullet_x=14,
    hang=16,
    nest=24,
    row_gap=10,
    key_tab=80,
)

LAYOUTS = (LAYOUT_A, LAYOUT_B)

# Slides: landscape, big titles, bullets at 18-20 pt.
SLIDES_A = replace(
    LAYOUT_A,
    name="slides-A",
    size=20,
    leading=26,
    heading_sizes=(30, 30, 30),
    left=50,
    right=50,
    top=70,
    bottom=60,
    para_gap=10,
    heading_after=28,
    bullet_x=10,
    hang=22,
    nest=32,
    landscape=True,
)
SLIDES_B = replace(
    LAYOUT_B,
    name="slides-B",
    size=17,
    leading=21,
    heading_sizes=(26, 26, 26),
    heading_indent=(0, 0, 0),
    left=70,
    right=90,
    top=85,
    bottom=70,
    para_gap=12,
    heading_after=36,
    bullet_x=0,
    hang=18,
    nest=26,
    landscape=True,
)
SLIDE_LAYOUTS = (SLIDES_A, SLIDES_B)


def _register_fonts() -> None:
    if MARK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(MARK_FONT, _DEJAVU))


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking at spaces."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and stringWidth(trial, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


class Writer:
    """Draws blocks top-down on a canvas; `y` is the next baseline measured from the page top."""

    def __init__(
        self,
        path: Path,
        layout: Layout,
        *,
        running_header: str | None = None,
        page_numbers: bool = False,
        total_pages: int = 1,
    ) -> None:
        self.layout = layout
        self.size = (A4[1], A4[0]) if layout.landscape else A4
        self.canvas = Canvas(str(path), pagesize=self.size, invariant=1)
        self.x = layout.left
        self.width = self.size[0] - layout.left - layout.right
        self.y = layout.top
        self.page = 1
        self.running_header = running_header
        self.page_numbers = page_numbers
        self.total_pages = total_pages
        self._furniture()

    # Drawing primitives -------------------------------------------------------------------

    def text(self, x: float, y: float, s: str, font: str, size: float) -> None:
        """Draw `s` with its baseline `y` points below the page top."""
        self.canvas.setFont(font, size)
        self.canvas.drawString(x, self.size[1] - y, s)

    def text_right(self, x: float, y: float, s: str, font: str, size: float) -> None:
        """Draw `s` ending at `x`."""
        self.canvas.setFont(font, size)
        self.canvas.drawRightString(x, self.size[1] - y, s)

    def rule(self, x0: float, y: float, x1: float) -> None:
        """A thin horizontal line."""
        self.canvas.setLineWidth(0.6)
        self.canvas.line(x0, self.size[1] - y, x1, self.size[1] - y)

    def _furniture(self) -> None:
        lay = self.layout
        if self.running_header:
            self.text(lay.left, 40, self.running_header, lay.regular, 8)
        if self.page_numbers:
            label = f"{self.page} ({self.total_pages})"
            self.text_right(self.size[0] - lay.right, self.size[1] - 30, label, lay.regular, 8)

    def new_page(self) -> None:
        """Finish the page and start the next one at the top margin."""
        self.canvas.showPage()
        self.page += 1
        self.y = self.layout.top
        self._furniture()

    def fits(self, height: float) -> bool:
        """Whether `height` more points fit above the bottom margin."""
        return self.y + height <= self.size[1] - self.layout.bottom

    def save(self) -> None:
        """Finish the last page and write the file."""
        self.canvas.showPage()
        self.canvas.save()

    # Blocks -------------------------------------------------------------------------------

    def heading(self, level: int, text: str, *, centre: bool = False) -> None:
        """A bold heading of level 1-3, set apart from what is above and below."""
        lay = self.layout
        size = lay.heading_sizes[level - 1]
        if self.y > lay.top:
            self.y += lay.heading_before
        if not self.fits(size * 3):
            self.new_page()
        self.y += size - lay.size  # a bigger heading needs a taller line
        x = self.x + lay.heading_indent[level - 1]
        if centre:
            self.canvas.setFont(lay.bold, size)
            self.canvas.drawCentredString(self.x + self.width / 2, self.size[1] - self.y, text)
        else:
            self.text(x, self.y, text, lay.bold, size)
        self.y += lay.leading + lay.heading_after

    def paragraph(self, text: str, *, break_after: int | None = None) -> None:
        """Running text wrapped to the current width; a page break after line `break_after`."""
        lay = self.layout
        for n, line in enumerate(wrap(text, lay.regular, lay.size, self.width)):
            if not self.fits(0) or n == break_after:
                self.new_page()
            self.text(self.x, self.y, line, lay.regular, lay.size)
            self.y += lay.leading
        self.y += lay.para_gap

    def item(self, depth: int, marker: str, text: str, *, last: bool = False) -> None:
        """A list item at nesting `depth` (0 = top): marker, then text hanging to its right."""
        lay = self.layout
        x = self.x + lay.bullet_x + depth * lay.nest
        text_x = x + lay.hang
        font = lay.bullet_font if marker == "•" else lay.regular
        lines = wrap(text, lay.regular, lay.size, self.x + self.width - text_x)
        if not self.fits(lay.leading * (len(lines) - 1)):
            self.new_page()
        self.text(x, self.y, marker, font, lay.size)
        for line in lines:
            self.text(text_x, self.y, line, lay.regular, lay.size)
            self.y += lay.leading
        self.y += lay.para_gap if last else lay.para_gap * 0.3

    def field(self, key: str, value: str) -> None:
        """`Key: value`: inline (layout A) or the key bold with the value in a column (B)."""
        lay = self.layout
        label = f"{key}:"
        if lay.key_tab is None:
            value_x = self.x + stringWidth(label + " ", lay.regular, lay.size)
            first = wrap(f"{label} {value}", lay.regular, lay.size, self.width)[0]
            rest = f"{label} {value}"[len(first) :].strip()
            self.text(self.x, self.y, first, lay.regular, lay.size)
            self.y += lay.leading
            for line in wrap(rest, lay.regular, lay.size, self.x + self.width - value_x):
                self.text(value_x, self.y, line, lay.regular, lay.size)
                self.y += lay.leading
        else:
            value_x = self.x + lay.key_tab
            self.text(self.x, self.y, label, lay.bold, lay.size)
            for line in wrap(value, lay.regular, lay.size, self.x + self.width - value_x):
                self.text(value_x, self.y, line, lay.regular, lay.size)
                self.y += lay.leading
        self.y += lay.para_gap * 0.3

    def gap(self, points: float | None = None) -> None:
        """Extra vertical space."""
        self.y += self.layout.para_gap if points is None else points


# 1. Numbered sections ---------------------------------------------------------------------

RUNNING_HEADER = "Hyvinvointi- ja elinvoimaohjelma 2025–2028"

SEC_1 = (
    "Kunnan palvelut suunnitellaan asukkaiden tarpeista lähtien. Ohjelmakaudella palveluja "
    "kehitetään yhdessä asukkaiden, järjestöjen ja yritysten kanssa, ja palvelujen "
    "saavutettavuutta seurataan vuosittain."
)
SEC_1_1 = (
    "Asiointi siirtyy verkkoon niissä palveluissa, joissa se helpottaa asukkaiden arkea. "
    "Verkkoasioinnin rinnalla säilytetään henkilökohtainen palvelu niille, jotka eivät voi "
    "tai halua asioida sähköisesti, ja neuvontaa annetaan kirjastoissa ja palvelupisteissä "
    "eri puolilla kuntaa."
)
SEC_1_1_B = (
    "Uudet sähköiset palvelut testataan asukkaiden kanssa ennen käyttöönottoa, ja niiden "
    "käytettävyydestä kerätään palautetta koko ohjelmakauden ajan."
)
SEC_1_2 = (
    "Lähipalvelut turvataan kaikilla asuinalueilla. Kirjasto, nuorisotila ja neuvola "
    "toimivat yhteisissä tiloissa, joissa asukkaat voivat hoitaa useita asioita samalla "
    "käynnillä."
)
SEC_1_2_B = (
    "Palvelupisteiden aukioloajat sovitetaan yhteen niin, että asukas voi hoitaa asiansa "
    "myös iltaisin, ja palvelupisteiden henkilöstö opastaa asukkaita sähköisten palvelujen "
    "käytössä sekä ohjaa heidät tarvittaessa oikean palvelun pariin."
)
SEC_1_2_1 = (
    "Kirjastojen aukioloaikoja laajennetaan omatoimikirjastoilla, ja kirjastoautoreittejä "
    "tarkistetaan syrjäkylien tarpeiden mukaan vuosittain."
)
SEC_2 = (
    "Elinvoimainen kunta tarjoaa työtä, yrittämisen edellytyksiä ja osaavaa työvoimaa. "
    "Kunta tekee tiivistä yhteistyötä yritysten, oppilaitosten ja työllisyyspalvelujen "
    "kanssa."
)
SEC_2_1 = (
    "Yrityspalveluja kehitetään yhdessä seudun kuntien kanssa, ja uusille yrityksille "
    "tarjotaan neuvontaa, tiloja ja verkostoja ensimmäisten toimintavuosien ajan."
)


def numbered_sections_pdf(path: Path, layout: Layout, *, break_after: int) -> Path:
    """Numbered headings on three levels with paragraphs; a paragraph cut by a page break."""
    w = Writer(path, layout, running_header=RUNNING_HEADER, page_numbers=True, total_pages=2)
    w.heading(1, "1 Asukaslähtöiset palvelut")
    w.paragraph(SEC_1)
    w.heading(2, "1.1 Sähköinen asiointi")
    w.paragraph(SEC_1_1)
    w.paragraph(SEC_1_1_B)
    w.heading(2, "1.2 Lähipalvelut")
    w.paragraph(SEC_1_2)
    w.paragraph(SEC_1_2_B, break_after=break_after)
    w.heading(3, "1.2.1 Kirjastopalvelut")
    w.paragraph(SEC_1_2_1)
    w.heading(1, "2 Elinvoima ja työllisyys")
    w.paragraph(SEC_2)
    w.heading(2, "2.1 Yrityspalvelut")
    w.paragraph(SEC_2_1)
    w.save()
    return path


# 2. Nested lists --------------------------------------------------------------------------

LIST_INTRO = "Ohjelmakauden painopisteet ovat seuraavat:"
LIST_ITEMS: list[tuple[str, str, list[str]]] = [
    (
        "•",
        "Asukkaiden osallisuutta vahvistetaan kaikessa palvelujen suunnittelussa ja "
        "päätöksenteon valmistelussa koko ohjelmakauden ajan",
        [
            "asukasraadit kokoontuvat kahdesti vuodessa",
            "nuorisovaltuuston ja vanhusneuvoston lausunnot pyydetään kaikista palveluverkkoa "
            "koskevista muutoksista ennen päätöksentekoa",
        ],
    ),
    ("•", "Palvelujen saavutettavuutta parannetaan", []),
    (
        "•",
        "Ennaltaehkäisevää työtä lisätään lasten, nuorten ja perheiden palveluissa yhdessä "
        "hyvinvointialueen kanssa",
        ["perhekeskuksen toiminta laajenee kouluille"],
    ),
]
LIST_OUTRO = "Painopisteiden toteutumista seurataan hyvinvointikertomuksessa."
LIST_STEPS = [
    "Laaditaan toimenpidesuunnitelma",
    "Nimetään vastuuhenkilöt jokaiselle toimenpiteelle ja sovitaan raportoinnin aikataulusta",
    "Arvioidaan tulokset vuosittain",
]


def nested_lists_pdf(path: Path, layout: Layout) -> Path:
    """Bullets with wrapped items and nested dash items, a paragraph, then a numbered list."""
    w = Writer(path, layout)
    w.heading(1, "Painopisteet")
    w.paragraph(LIST_INTRO)
    for n, (marker, text, subs) in enumerate(LIST_ITEMS):
        w.item(0, marker, text, last=not subs and n == len(LIST_ITEMS) - 1)
        for k, sub in enumerate(subs):
            w.item(1, "–", sub, last=k == len(subs) - 1)
    w.gap()
    w.paragraph(LIST_OUTRO)
    for n, step in enumerate(LIST_STEPS, start=1):
        w.item(0, f"{n}.", step, last=n == len(LIST_STEPS))
    w.save()
    return path


# 3. An unruled table over a page break ----------------------------------------------------

TABLE_INTRO = (
    "Taulukossa on ohjelman toimenpiteet, niiden vastuutahot, aikataulut ja tilanne "
    "vuoden 2025 lopussa."
)
TABLE_HEADER = ["Toimenpide", "Vastuu", "Aikataulu", "Tila"]
TABLE_ROWS = [
    [
        "Asiakaspalautejärjestelmän käyttöönotto kaikilla toimialoilla",
        "tietohallinto",
        "2025",
        "käynnissä",
    ],
    ["Asukasraatien perustaminen", "hallintopalvelut", "2025–2026", "valmis"],
    ["Nuorten harrastustakuu", "sivistystoimi", "2026", "suunnitteilla"],
    [
        "Kirjastojen omatoimiaikojen laajentaminen kaikkiin lähikirjastoihin",
        "kirjastotoimi",
        "2026–2027",
        "suunnitteilla",
    ],
    ["Liikuntapaikkojen esteettömyyskartoitus", "tekninen toimi", "2027", "aloittamatta"],
    ["Ikäihmisten digituki", "hyvinvointipalvelut", "2025–2028", "käynnissä"],
]
TABLE_OUTRO = "Toimenpiteiden tilanne raportoidaan valtuustolle kerran vuodessa."


def unruled_table_pdf(path: Path, layout: Layout, *, break_after: int) -> Path:
    """A whitespace-aligned table with a bold header, a wrapped cell, over two pages."""
    w = Writer(path, layout, running_header=RUNNING_HEADER, page_numbers=True, total_pages=2)
    lay = layout
    w.heading(1, "Toimenpiteet")
    w.paragraph(TABLE_INTRO)
    total = w.width
    cols = [0.0, 0.42 * total, 0.68 * total, 0.84 * total]
    widths = [cols[1] - 12, cols[2] - cols[1] - 10, cols[3] - cols[2] - 8, total - cols[3]]

    def header() -> None:
        for x, label in zip(cols, TABLE_HEADER, strict=True):
            w.text(w.x + x, w.y, label, lay.bold, lay.size)
        w.y += lay.leading + lay.row_gap

    header()
    for n, row in enumerate(TABLE_ROWS):
        if n == break_after:
            w.new_page()
            header()
        wrapped = [wrap(c, lay.regular, lay.size, wd) for c, wd in zip(row, widths, strict=True)]
        for x, lines in zip(cols, wrapped, strict=True):
            for k, line in enumerate(lines):
                w.text(w.x + x, w.y + k * lay.leading, line, lay.regular, lay.size)
        w.y += max(len(lines) for lines in wrapped) * lay.leading + lay.row_gap
    w.gap()
    w.paragraph(TABLE_OUTRO)
    w.save()
    return path


# 4. A grid with marks ---------------------------------------------------------------------

GRID_HEADER = ["Toimenpide", "2025", "2026", "2027", "2028"]
GRID_ROWS: list[tuple[str, tuple[bool, bool, bool, bool]]] = [
    ("Palveluverkkoselvitys", (True, False, False, False)),
    ("Sähköisen ajanvarauksen laajentaminen kaikkiin palveluihin", (True, True, False, False)),
    ("Asukaskysely", (False, True, False, True)),
    ("Hyvinvointikertomus", (False, False, True, True)),
    ("Ohjelman loppuarviointi", (False, False, False, True)),
]


def mark_grid_pdf(path: Path, layout: Layout, *, mark: str, centred: bool) -> Path:
    """A timetable grid: one row per measure, years as columns, a mark where it is done."""
    w = Writer(path, layout)
    lay = layout
    w.heading(1, "Aikataulu")
    w.paragraph("Toimenpiteiden ajoitus ohjelmakaudella:")
    first = 0.5 * w.width
    step = (w.width - first) / 4
    xs = [w.x, *(w.x + first + i * step for i in range(4))]
    for x, label in zip(xs, GRID_HEADER, strict=True):
        w.text(x, w.y, label, lay.bold, lay.size)
    label_width = stringWidth("2025", lay.bold, lay.size)
    w.y += lay.leading + lay.row_gap
    if mark == "■":
        _register_fonts()
    mark_font = MARK_FONT if mark == "■" else lay.regular
    for text, marks in GRID_ROWS:
        lines = wrap(text, lay.regular, lay.size, first - 14)
        for k, line in enumerate(lines):
            w.text(w.x, w.y + k * lay.leading, line, lay.regular, lay.size)
        for x, on in zip(xs[1:], marks, strict=True):
            if on:
                mark_w = stringWidth(mark, mark_font, lay.size)
                at = x + (label_width - mark_w) / 2 if centred else x
                w.text(at, w.y, mark, mark_font, lay.size)
        w.y += len(lines) * lay.leading + lay.row_gap
    w.save()
    return path


# 5. Key-value fields ----------------------------------------------------------------------

FIELD_1_TEXT = "Kaikki lupa- ja ilmoitusasiat voi hoitaa verkossa."
FIELDS_1 = [
    ("Vastuu", "tietohallinto"),
    ("Aikataulu", "2025–2026"),
    ("Tila", "käynnissä"),
    (
        "Mittari",
        "sähköisten asiointien osuus kaikista asioinneista sekä asiakastyytyväisyys "
        "verkkoasioinnin palautekyselyssä",
    ),
]
FIELD_2_TEXT = "Asiakaspalaute kerätään yhdellä yhteisellä lomakkeella."
FIELD_2_LINE = "Vastuu: asiakaspalvelukeskus · Aikataulu: 2026 · Tila: suunnitteilla"


def fields_pdf(path: Path, layout: Layout) -> Path:
    """Measures with their fields on lines of their own, and fields run together on one line."""
    w = Writer(path, layout)
    w.heading(1, "1 Asukaslähtöiset palvelut")
    w.heading(2, "1.1 Sähköinen asiointi")
    w.paragraph(FIELD_1_TEXT)
    for key, value in FIELDS_1:
        w.field(key, value)
    w.heading(2, "1.2 Yhteinen palautekanava")
    w.paragraph(FIELD_2_TEXT)
    w.text(w.x, w.y, FIELD_2_LINE, layout.regular, layout.size)
    w.save()
    return path


# 6. A two-column page ---------------------------------------------------------------------

COLS_TITLE = "3 Elinvoimainen ja kestävä kunta – yhteiset tavoitteet"
COLS_INTRO = (
    "Elinvoimaohjelma kokoaa kunnan toimet yritysten, työllisyyden ja ympäristön hyväksi. "
    "Tavoitteet on laadittu yhdessä yrittäjäjärjestöjen ja työllisyyspalvelujen kanssa."
)
COLS_LEFT_HEAD = "3.1 Yrityspalvelut"
COLS_LEFT_TEXT = (
    "Kunta tukee yritysten perustamista ja kasvua. Yritysneuvonta kootaan yhteen "
    "palvelupisteeseen, josta yrittäjä saa neuvot luvista, tiloista ja rahoituksesta."
)
COLS_LEFT_ITEMS = [
    "yritysneuvonnan palvelupiste avataan keskustaan",
    "hankinnoissa suositaan pieniä tarjouseriä",
    "yrittäjien aamukahvit järjestetään neljä kertaa vuodessa",
]
COLS_RIGHT_HEAD = "3.2 Työllisyyden hoito"
COLS_RIGHT_TEXT = (
    "Työllisyyspalvelut siirtyvät kunnan vastuulle. Palvelut rakennetaan niin, että "
    "työnhakija saa tukea yhdestä paikasta ja työnantajat löytävät osaavaa työvoimaa."
)
COLS_RIGHT_ITEMS = [
    "nuorten kesätyöseteli jatkuu",
    "palkkatukea kohdennetaan pitkään työttömänä olleille",
    "oppisopimuskoulutusta lisätään yhdessä oppilaitosten kanssa",
]


def two_column_pdf(
    path: Path, layout: Layout, *, gutter: float, left_share: float, subheadings: bool = True
) -> Path:
    """A heading and an intro over the full width, then two columns of text and bullets."""
    w = Writer(path, layout)
    w.heading(1, COLS_TITLE)
    w.paragraph(COLS_INTRO)
    w.gap()
    full_x, full_w = w.x, w.width
    top = w.y
    left_w = (full_w - gutter) * left_share
    columns = [
        (full_x, left_w, COLS_LEFT_HEAD, COLS_LEFT_TEXT, COLS_LEFT_ITEMS),
        (full_x + left_w + gutter, full_w - gutter - left_w, COLS_RIGHT_HEAD, COLS_RIGHT_TEXT,
         COLS_RIGHT_ITEMS),
    ]  # fmt: skip
    for x, width, head, text, items in columns:
        w.x, w.width, w.y = x, width, top
        if subheadings:
            w.heading(2, head)
        w.paragraph(text)
        for n, item in enumerate(items):
            w.item(0, "•", item, last=n == len(items) - 1)
    w.save()
    return path


# 7. Slides --------------------------------------------------------------------------------

SLIDES: list[tuple[str, list[tuple[str, list[str]]]]] = [
    (
        "Ohjelman tavoitteet",
        [
            ("Asukkaat osallistuvat palvelujen suunnitteluun kaikilla toimialoilla", []),
            ("Palvelut ovat saavutettavia", []),
            ("Kunnan elinvoima vahvistuu", []),
        ],
    ),
    (
        "Toimenpiteet 2025",
        [
            ("Asukasraadit", ["kaksi kokoontumista vuodessa", "teemat valtuuston päättämät"]),
            ("Sähköinen asiointi", ["ajanvaraus kaikkiin palveluihin"]),
        ],
    ),
    (
        "Seuranta",
        [
            ("Hyvinvointikertomus valtuustolle vuosittain", []),
            ("Loppuarviointi ohjelmakauden lopussa vuonna 2028", []),
        ],
    ),
]
SLIDE_FOOTER = "Hyvinvointiohjelma 2025–2028 · Kaupunginvaltuusto 12.2.2025"


def slides_pdf(path: Path, layout: Layout, *, centre: bool, title_rule: bool) -> Path:
    """Landscape slides: a title per slide, bullets with sub-bullets, a running footer."""
    w = Writer(path, layout)
    height = w.size[1]
    for n, (title, bullets) in enumerate(SLIDES, start=1):
        if n > 1:
            w.new_page()
        w.heading(1, title, centre=centre)
        if title_rule:
            w.rule(w.x, w.y - layout.heading_after - 8, w.x + w.width)
        for text, subs in bullets:
            w.item(0, "•", text)
            for sub in subs:
                w.item(1, "–", sub)
        w.text(layout.left, height - 28, SLIDE_FOOTER, layout.regular, 9)
        w.text_right(w.size[0] - layout.right, height - 28, str(n), layout.regular, 9)
    w.save()
    return path
