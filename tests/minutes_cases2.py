"""More minutes of meeting systems the samples do not show, one PDF per case (for the tests).

Builds on `tests/minutes_cases.py` (its lines: plain strings, `**bold**`, `Margin`, `Table`) and
adds what those cases do not draw: a page break (`PAGE`), a running header and a footer on every
page, a ruled two-column label table whose right cells wrap (`LabelTable`) and a page that is only
a picture of its text (no text layer). Every text here is written for these tests.

`tests/test_minutes_cases2.py` holds the values each PDF prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from tests.minutes_cases import _LEADING, _LEFT, _RIGHT, _SIZE, Margin, Table, _Page

PAGE = "\f"  # a page break


@dataclass(frozen=True)
class LabelTable:
    """A ruled table of two columns: a label cell on the left, its (wrapped) text on the right."""

    rows: list[tuple[str, str]]
    split: float = 170.0


@dataclass(frozen=True)
class Running:
    """A running header printed apart on one row (left, middle, right) and a footer."""

    left: str
    middle: str
    right: str
    footer: str = ""


Line = str | Margin | Table | LabelTable | Running


class _Pages(_Page):
    """`_Page` with page breaks, a running header and a footer on every page."""

    def __init__(self, canvas: Canvas) -> None:
        super().__init__(canvas)
        self.running: Running | None = None
        self.number = 1

    def _head(self) -> None:
        if self.running is None:
            return
        top = A4[1] - 42.0
        c = self.canvas
        c.setFont("Helvetica", 9.5)
        c.drawString(_LEFT, top, self.running.left)
        c.drawCentredString(A4[0] / 2, top, self.running.middle)
        c.drawRightString(_RIGHT, top, self.running.right)
        c.setLineWidth(0.5)
        c.line(_LEFT, top - 6, _RIGHT, top - 6)
        if self.running.footer:
            c.setFont("Helvetica", 8.5)
            c.drawString(_LEFT, 30.0, self.running.footer)
            c.drawRightString(_RIGHT, 30.0, f"Sivu {self.number}")

    def start_running(self, running: Running) -> None:
        self.running = running
        self._head()

    def new_page(self) -> None:
        self.canvas.showPage()
        self.number += 1
        self.y = A4[1] - 60.0 - (20.0 if self.running else 0.0)
        self._head()

    def _room(self, rows: int = 1) -> None:
        if self.y - rows * _LEADING < 50.0:
            self.new_page()

    def _wrap(self, text: str, width: float) -> list[str]:
        rows: list[str] = []
        row: list[str] = []
        for word in text.split():
            if row and stringWidth(" ".join([*row, word]), "Helvetica", _SIZE) > width:
                rows.append(" ".join(row))
                row = [word]
            else:
                row.append(word)
        rows.append(" ".join(row))
        return rows

    def label_table(self, item: LabelTable) -> None:
        c = self.canvas
        left, split, right = _LEFT - 4, item.split - 6, _RIGHT
        c.setLineWidth(0.8)
        top = self.y + _SIZE + 3
        c.line(left, top, right, top)
        for label, text in item.rows:
            rows = self._wrap(text, right - item.split - 4)
            c.setFont("Helvetica-Bold", _SIZE)
            c.drawString(_LEFT, self.y, label)
            c.setFont("Helvetica", _SIZE)
            y = self.y
            for row in rows:
                c.drawString(item.split, y, row)
                y -= _LEADING
            bottom = y + _LEADING - 6
            c.line(left, bottom, right, bottom)
            for x in (left, split, right):
                c.line(x, top, x, bottom)
            top = bottom
            self.y = bottom - _SIZE - 4
        self.y -= _LEADING / 2


def write_pdf(path: Path, lines: list[Line]) -> Path:
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    page = _Pages(canvas)
    for item in lines:
        if isinstance(item, Running):
            if page.running is None:  # on the page it starts
                page.y -= 20.0
                page.start_running(item)
            else:  # a new item page
                page.running = item
                page.new_page()
        elif item == PAGE:
            page.new_page()
        elif isinstance(item, Margin):
            page.margin(item)
        elif isinstance(item, Table):
            page.table(item)
        elif isinstance(item, LabelTable):
            page.label_table(item)
        else:
            page.line(item)
    canvas.showPage()
    canvas.save()
    return path


def image_pdf(path: Path, text: str) -> Path:
    """Like `tests.pdfgen.image_only_pdf`: one A4 page that is a picture of `text` (needs OCR).

    A bold-ish heading is a line starting with `**` (drawn twice, one pixel apart).
    """
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1654, 2339), 255)  # A4 at 200 dpi
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 40)
    y = 180
    for line in text.splitlines():
        if line.startswith("**"):
            draw.text((160, y), line[2:], fill=0, font=font)
            draw.text((161, y), line[2:], fill=0, font=font)
        else:
            draw.text((160, y), line, fill=0, font=font)
        y += 64
    image.save(path, "PDF", resolution=200.0)
    return path


# 1. An item over a page break; a running header `Kaupunginhallitus | § 61 | 24.02.2025` printed
#    apart on every page, a footer; the decision on the item's second page.
_FOOTER = "Pöytäkirjantarkastajien nimikirjaimet ______  ______"
RUNNING_HEADER: list[Line] = [
    "Kemin kaupunki",
    "**Kaupunginhallitus**",
    "**PÖYTÄKIRJA 4/2025**",
    "Kokousaika 24.02.2025 klo 16.00–18.10",
    "Kokouspaikka Kaupungintalo, kokoushuone Tervahovi",
    "Käsitellyt asiat §§ 61–62",
    PAGE,
    Running("Kaupunginhallitus", "§ 61", "24.02.2025", _FOOTER),
    "**Jätevesipumppaamoiden saneerausohjelma vuosille 2025–2029**",
    "KEMDno-2024-812",
    "",
    "**Valmistelija:** tekninen johtaja Ville Ahonen",
    "",
    "Kaupungin viemäriverkostossa on 46 jätevesipumppaamoa, joista noin puolet on rakennettu "
    "1970- ja 1980-luvuilla. Pumppaamoiden sähkö- ja automaatiolaitteet ovat elinkaarensa "
    "lopussa, ja häiriöistä johtuvat ylivuodot ovat lisääntyneet viime vuosina.",
    "",
    "Saneerausohjelmassa pumppaamot on asetettu kiireellisyysjärjestykseen niiden kunnon, "
    "ylivuotoriskin ja ympäristövaikutusten perusteella. Ohjelman kokonaiskustannusarvio on "
    "3,8 miljoonaa euroa, joka jakautuu viidelle vuodelle tasaisesti.",
    "",
    "Vuonna 2025 saneerataan Ajoksen, Rytikarin ja Karjalahden pumppaamot. Työt ajoitetaan "
    "kesä–syyskuulle, jolloin virtaamat ovat pienimmillään. Urakat kilpailutetaan keväällä.",
    "",
    "Ohjelma on käsitelty teknisen lautakunnan iltakoulussa 3.2.2025. Lautakunta puolsi "
    "ohjelman viemistä kaupunginhallituksen hyväksyttäväksi.",
    "",
    "Ympäristöviranomainen on edellyttänyt, että kaupunki esittää suunnitelman ylivuotojen "
    "vähentämiseksi vuoden 2025 loppuun mennessä. Saneerausohjelma täyttää tämän vaatimuksen.",
    "",
    "Saneerausten jälkeen pumppaamoiden kaukovalvonta siirretään uuteen valvomojärjestelmään, "
    "joka hankitaan erikseen. Valvomon kustannukset eivät sisälly ohjelmaan.",
    "",
    "Ohjelman toteutumista seurataan osana vesihuoltolaitoksen vuosiraportointia. Muutokset "
    "kiireellisyysjärjestykseen tuodaan teknisen lautakunnan tiedoksi.",
    "",
    "Liitteet: Jätevesipumppaamoiden saneerausohjelma 2025–2029",
    PAGE,
    "**Kaupunginjohtajan päätösehdotus**",
    "Kaupunginhallitus hyväksyy jätevesipumppaamoiden saneerausohjelman vuosille 2025–2029 "
    "liitteen mukaisesti.",
    "",
    "**Päätös**",
    "Hyväksyttiin yksimielisesti.",
    Running("Kaupunginhallitus", "§ 62", "24.02.2025", _FOOTER),
    "**Kaupungin edustajat Lapin liiton yhtiökokoukseen**",
    "KEMDno-2025-77",
    "",
    "**Kaupunginjohtajan päätösehdotus**",
    "Kaupunginhallitus nimeää kaupungin edustajaksi Lapin liiton yhtiökokoukseen "
    "kaupunginjohtajan.",
    "",
    "**Päätös**",
    "Asia jätettiin pöydälle.",
]

# 2a. Ahjo (Helsinki): `HEL 2025-001234`, `Päätös` before `Käsittely`, `Esittelijä` role and name.
AHJO: list[Line] = [
    "Helsingin kaupunki",
    "**Kaupunginhallitus**",
    "**Pöytäkirja 8/2025**",
    "Aika 24.02.2025 klo 16.00–18.45",
    "Paikka Kaupungintalo, Pohjoisesplanadi 11–13",
    "",
    "**§ 120**",
    "**Asukasosallistumisen toimintamallin uudistaminen**",
    "HEL 2025-001234",
    "",
    "**Päätös**",
    "Kaupunginhallitus päätti hyväksyä asukasosallistumisen toimintamallin liitteen 1 mukaisesti.",
    "",
    "**Käsittely**",
    "Asian aikana kuultiin osallisuuspäällikkö Riikka Nurmea, joka poistui kuulemisensa jälkeen.",
    "",
    "**Esittelijä**",
    "kaupunginjohtaja",
    "Juhana Salonen",
    "",
    "**Lisätiedot**",
    "Mari Kallio, erityisasiantuntija, puhelin: 09 310 12345",
    "",
    "**§ 121**",
    "**Vuokrasopimus Kalasataman koulurakennuksesta**",
    "HEL 2025-002468",
    "",
    "**Päätös**",
    "Kaupunginhallitus päätti panna asian pöydälle.",
    "",
    "**Käsittely**",
    "Jäsen Anni Lehto ehdotti Pekka Kuusen kannattamana, että asia pannaan pöydälle. "
    "Kaupunginhallitus hyväksyi yksimielisesti pöydällepanoehdotuksen.",
    "",
    "**Esittelijä**",
    "kaupunginjohtaja",
    "Juhana Salonen",
]

# 2b. Ahjo in Swedish: `Beslut`, `Behandling`, `Föredragande`.
AHJO_SV: list[Line] = [
    "Helsingfors stad",
    "**Stadsstyrelsen**",
    "**Protokoll 8/2025**",
    "Tid 24.02.2025 kl. 16.00–18.45",
    "Plats Stadshuset, Norra esplanaden 11–13",
    "",
    "**§ 120**",
    "**Förnyelse av verksamhetsmodellen för invånardelaktighet**",
    "HEL 2025-001234",
    "",
    "**Beslut**",
    "Stadsstyrelsen beslutade godkänna verksamhetsmodellen för invånardelaktighet enligt bilaga 1.",
    "",
    "**Behandling**",
    "Under behandlingen av ärendet hördes delaktighetschef Riikka Nurmi.",
    "",
    "**Föredragande**",
    "stadsdirektör",
    "Juhana Salonen",
    "",
    "**Upplysningar**",
    "Mari Kallio, specialsakkunnig, telefon: 09 310 12345",
]

# 3. A Tweb extract: the title above its stage lines, a `Päätöshistoria` caption, two stages.
TWEB: list[Line] = [
    "Kuopion kaupunki",
    "**Pöytäkirjanote**",
    "",
    "**Päiväkoti Kuusikon laajennuksen hankesuunnitelma**",
    "1532/10.03.00/2016",
    "",
    "**Päätöshistoria**",
    "",
    "**Kasvatus- ja opetuslautakunta 7.3.2017 § 21**",
    "**Valmistelija:** varhaiskasvatusjohtaja Tiina Hakala",
    "**Palvelualuejohtajan päätösehdotus**",
    "Kasvatus- ja opetuslautakunta esittää kaupunginhallitukselle, että se hyväksyy "
    "päiväkoti Kuusikon laajennuksen hankesuunnitelman.",
    "**Päätös**",
    "Hyväksyttiin.",
    "",
    "**Kaupunginhallitus 20.3.2017 § 66**",
    "**Valmistelija:** talousjohtaja Jukka Pesonen",
    "**Kaupunginjohtajan päätösehdotus**",
    "Kaupunginhallitus hyväksyy päiväkoti Kuusikon laajennuksen hankesuunnitelman, jonka "
    "kustannusarvio on 2,1 miljoonaa euroa.",
    "**Päätös**",
    "Kaupunginhallitus hyväksyi ehdotuksen muutettuna siten, että hankkeen valmistumisaika "
    "on elokuu 2018.",
]

# 3b. A Tweb extract of an item with one stage: the title above the stage line, no history.
TWEB_SINGLE: list[Line] = [
    "Kuopion kaupunki",
    "**Pöytäkirjanote**",
    "",
    "**Kauppatorin kesäterassien vuokrahinnat**",
    "744/02.07.01/2017",
    "",
    "**Kaupunginhallitus 20.3.2017 § 67**",
    "**Kaupunginjohtajan päätösehdotus**",
    "Kaupunginhallitus vahvistaa kauppatorin kesäterassien vuokraksi 12 euroa neliömetriltä.",
    "**Päätös**",
    "Hyväksyttiin.",
]

# 4. A ruled two-column table per item: labels left, text right.
LABEL_TABLE: list[Line] = [
    "Raahen kaupunki",
    "**Kaupunginhallitus**",
    "**PÖYTÄKIRJA 6/2025**",
    "Kokousaika 7.4.2025 klo 16.00",
    "Käsitellyt asiat §§ 88–89",
    "",
    "**§ 88 Satama-alueen yleissuunnitelma**",
    LabelTable(
        [
            ("Dnro", "RAADno-2025-140"),
            ("Valmistelija", "kaupunginarkkitehti Hanna Pietilä"),
            (
                "Esittely",
                "Satama-alueen yleissuunnitelma ohjaa alueen maankäyttöä seuraavan kymmenen "
                "vuoden ajan. Suunnitelmasta on pyydetty lausunnot satamayhtiöltä ja "
                "ympäristölautakunnalta.",
            ),
            ("Esittelijä", "kaupunginjohtaja Arto Niskala"),
            (
                "Päätösehdotus",
                "Kaupunginhallitus hyväksyy satama-alueen yleissuunnitelman ja merkitsee "
                "lausunnot tiedoksi.",
            ),
            ("Päätös", "Hyväksyttiin yksimielisesti."),
        ]
    ),
    "",
    "**§ 89 Kaupungintalon aulan kahvilan vuokrasopimus**",
    LabelTable(
        [
            ("Valmistelija", "tilapalvelupäällikkö Jari Kinnunen"),
            ("Esittelijä", "kaupunginjohtaja Arto Niskala"),
            (
                "Päätösehdotus",
                "Kaupunginhallitus hyväksyy kahvilan vuokrasopimuksen jatkamisen vuoden 2026 "
                "loppuun.",
            ),
            ("Päätös", "Asia palautettiin uudelleen valmisteltavaksi."),
        ]
    ),
]

# 5. After the items: an appendix, appeal instructions and a signature page (not items).
TRAILING_PAGES: list[Line] = [
    "Kajaanin kaupunki",
    "**Kaupunginhallitus**",
    "**PÖYTÄKIRJA 5/2025**",
    "Kokousaika 24.3.2025 klo 15.00",
    "Käsitellyt asiat §§ 61–63",
    "",
    "**§ 61**",
    "**Kokouksen laillisuus ja päätösvaltaisuus**",
    "**Päätös**",
    "Kokous todettiin laillisesti koolle kutsutuksi ja päätösvaltaiseksi.",
    "",
    "**§ 62**",
    "**Katuvalaistuksen LED-urakan hankintapäätös**",
    "Dnro 311/02.08.00/2025",
    "**Kaupunginjohtajan päätösehdotus**",
    "Kaupunginhallitus valitsee urakoitsijaksi Valoasennus Oy:n, jonka tarjous oli "
    "kokonaistaloudellisesti edullisin.",
    "**Päätös**",
    "Hyväksyttiin.",
    "",
    "**§ 63**",
    "**Kaupunginjohtajan viranhaltijapäätökset**",
    "**Kaupunginjohtajan päätösehdotus**",
    "Kaupunginhallitus merkitsee päätökset tiedoksi.",
    "**Päätös**",
    "Kaupunginhallitus merkitsi päätökset tiedoksi.",
    PAGE,
    "**Pöytäkirjan liite 1 (§ 62)**",
    "**Tarjousten vertailu**",
    Table(
        [
            ["Tarjoaja", "Hinta", "Pisteet"],
            ["Valoasennus Oy", "412 000 €", "92,5"],
            ["Sähkö-Kainuu Oy", "438 500 €", "88,0"],
        ]
    ),
    PAGE,
    "**MUUTOKSENHAKUOHJEET**",
    "**Oikaisuvaatimusohje**",
    "Oikaisuvaatimuksen saa tehdä seuraavista päätöksistä: §§ 61–63",
    "Oikaisuvaatimus tehdään kaupunginhallitukselle 14 päivän kuluessa päätöksen "
    "tiedoksisaannista.",
    "**Valitusosoitus hankinta-asiassa**",
    "§ 62: Päätökseen voi hakea muutosta hankintaoikaisulla tai valittamalla markkinaoikeuteen.",
    "Valitusaika on 14 päivää päätöksen tiedoksisaannista.",
    PAGE,
    "**Pöytäkirjan vakuudeksi**",
    "Puheenjohtaja Seppo Karjalainen",
    "Pöytäkirjanpitäjä Minna Heikura",
    "",
    "**Pöytäkirjan tarkastus**",
    "Pöytäkirja on tarkastettu ja hyväksytty 26.3.2025.",
    "Pöytäkirjantarkastajat Anne Lappalainen ja Risto Moilanen",
    "",
    "**Pöytäkirjan nähtävänä pito**",
    "Pöytäkirja on ollut yleisesti nähtävänä kaupungin verkkosivuilla 27.3.2025.",
]

# 6. A scanned page (no text layer) with two § items; read by Tesseract.
SCANNED_TEXT = "\n".join(
    [
        "Kiteen kaupunki",
        "**Kaupunginhallitus",
        "PÖYTÄKIRJA 2/2025",
        "Kokousaika 10.2.2025 klo 16.00",
        "Käsitellyt asiat §§ 12–13",
        "",
        "**§ 12",
        "**Kevyen liikenteen väylän rakentaminen",
        "Kaupunginjohtajan päätösehdotus",
        "Kaupunginhallitus hyväksyy väylän",
        "rakentamisen Kesälahdentielle.",
        "Päätös",
        "Hyväksyttiin.",
        "",
        "**§ 13",
        "**Uimarannan pukukopin uusiminen",
        "Kaupunginjohtajan päätösehdotus",
        "Kaupunginhallitus hyväksyy pukukopin",
        "uusimisen Rantapuistossa.",
        "Päätös",
        "Asia jätettiin pöydälle.",
    ]
)

# 7a. A Swedish roll-call vote table (X marks under Ja / Nej / Blanka / Frånvarande); the
#     counter-proposal wins; a recusal `anmälde jäv`.
_ROSTER = [
    ("Ahlström Kaj", "", "X", "", ""),
    ("Berglund Eva", "X", "", "", ""),
    ("Ekholm Tove", "", "X", "", ""),
    ("Fagerström Leif", "X", "", "", ""),
    ("Granqvist Mona", "", "X", "", ""),
    ("Holmström Patrik", "", "", "X", ""),
    ("Lindqvist Anna", "", "X", "", ""),
    ("Nyberg Stefan", "X", "", "", ""),
    ("Sundell Maja", "", "", "", "X"),
]
SWEDISH_VOTE_TABLE: list[Line] = [
    "Närpes stad",
    "**Stadsstyrelsen**",
    "**PROTOKOLL 7/2025**",
    "Tid 12.5.2025 kl. 17.00",
    "Behandlade ärenden §§ 90–91",
    "",
    "**§ 90**",
    "**Bidrag till byaföreningarna år 2025**",
    "**Stadsdirektörens förslag**",
    "Stadsstyrelsen beviljar byaföreningarna bidrag om sammanlagt 20 000 euro.",
    "**Beslut**",
    "Ledamot Kaj Ahlström föreslog, understödd av ledamot Tove Ekholm, att bidragen höjs till "
    "30 000 euro. Ordföranden konstaterade att omröstning ska verkställas. De som understöder "
    "stadsdirektörens förslag röstar ja, de som understöder Ahlströms förslag röstar nej. "
    "Omröstningen förrättades med namnupprop.",
    Table(
        [["Namn", "Ja", "Nej", "Blanka", "Frånvarande"], *[list(v) for v in _ROSTER]],
        columns=(_LEFT, 210.0, 270.0, 330.0, 400.0),
    ),
    "Stadsstyrelsen beslutade i enlighet med Ahlströms förslag.",
    "",
    "**§ 91**",
    "**Försäljning av tomt 12 i kvarteret Strandbacken**",
    "**Stadsdirektörens förslag**",
    "Stadsstyrelsen godkänner försäljningen av tomt 12 till Byggab Ab för 48 000 euro.",
    "**Beslut**",
    "Ledamot Patrik Holmström anmälde jäv (intressejäv) och avlägsnade sig från "
    "sammanträdet under behandlingen av ärendet. Förslaget godkändes.",
]

# 7b. Finnish recusals (`jäävi`, `poistui esteellisenä kokouksesta`) and an expert heard.
RECUSALS: list[Line] = [
    "Kauhajoen kaupunki",
    "**Kaupunginhallitus**",
    "**PÖYTÄKIRJA 8/2025**",
    "Kokousaika 26.5.2025 klo 16.00",
    "Käsitellyt asiat §§ 101–102",
    "",
    "**§ 101**",
    "**Yritystontin myynti Teollisuuskylästä**",
    "**Kaupunginjohtajan päätösehdotus**",
    "Kaupunginhallitus myy tontin 4-12-3 Metalli-Kauhava Oy:lle 36 000 eurolla.",
    "**Päätös**",
    "Jäsen Pertti Laine ilmoitti olevansa asiassa jäävi eikä osallistunut asian käsittelyyn. "
    "Varajäsen Hanna Kettunen poistui esteellisenä kokouksesta asian käsittelyn ajaksi. "
    "Ehdotus hyväksyttiin.",
    "",
    "**§ 102**",
    "**Keskustan osayleiskaavan luonnos**",
    "**Kaupunginjohtajan päätösehdotus**",
    "Kaupunginhallitus asettaa osayleiskaavan luonnoksen nähtäville.",
    "**Päätös**",
    "Kaavoitusarkkitehti Elina Mäkelä kuultiin asiantuntijana asian käsittelyn aikana. "
    "Ehdotus hyväksyttiin yksimielisesti.",
]

# 8. An agenda printed `KOKOUSKUTSU JA ESITYSLISTA`: `Esittelijä` and `Päätösehdotus` per item.
AGENDA_CALL: list[Line] = [
    "Kuhmon kaupunki",
    "**Kaupunginhallitus**",
    "**KOKOUSKUTSU JA ESITYSLISTA 9/2025**",
    "Kokousaika 2.6.2025 klo 15.00",
    "Kokouspaikka Kaupungintalo, valtuustosali",
    "Käsiteltävät asiat §§ 140–141",
    "",
    "**§ 140**",
    "**Kotihoidon palveluseteli**",
    Margin("Valmistelija", "hyvinvointipalvelujen johtaja Sari Partanen"),
    Margin("Esittelijä", "kaupunginjohtaja Tuomo Korhonen"),
    Margin(
        "Päätösehdotus",
        "Kaupunginhallitus esittää valtuustolle kotihoidon palvelusetelin käyttöönottoa "
        "1.9.2025 alkaen.",
    ),
    "",
    "**§ 141**",
    "**Kesätyöseteli nuorille vuonna 2025**",
    Margin("Esittelijä", "kaupunginjohtaja Tuomo Korhonen"),
    Margin(
        "Päätösehdotus",
        "Kaupunginhallitus myöntää kesätyöseteleitä 60 nuorelle 400 euroa kullekin.",
    ),
]

CASES: dict[str, list[Line]] = {
    "running_header": RUNNING_HEADER,
    "ahjo": AHJO,
    "ahjo_sv": AHJO_SV,
    "tweb": TWEB,
    "tweb_single": TWEB_SINGLE,
    "label_table": LABEL_TABLE,
    "trailing_pages": TRAILING_PAGES,
    "swedish_vote_table": SWEDISH_VOTE_TABLE,
    "recusals": RECUSALS,
    "agenda_call": AGENDA_CALL,
}
SCANNED = "scanned"


def case_pdf(path: Path, name: str) -> Path:
    """The PDF of case `name`."""
    if name == SCANNED:
        return image_pdf(path, SCANNED_TEXT)
    return write_pdf(path, CASES[name])
