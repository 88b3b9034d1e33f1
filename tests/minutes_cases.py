"""Small minutes of meeting systems the samples do not show, one PDF per case (for the tests).

Every text here is written for these tests. A case is a list of lines:

- a plain string is one printed line (wrapped to the page width when long);
- `**text**` is a bold line; `**Label:** text` a bold label inline on the line of its text;
- `""` is a small gap;
- `Margin(label, text)` is a label in a left margin column with its text beside it;
- `Table(rows)` is a ruled table (its first row bold when `head`).

`tests/test_minutes_cases.py` holds the values each PDF prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

_LEFT, _RIGHT, _SIZE, _LEADING = 56.0, A4[0] - 56.0, 10.5, 14.5
_MARGIN_TEXT = 210.0  # where the text beside a margin label starts


@dataclass(frozen=True)
class Margin:
    label: str
    text: str


@dataclass(frozen=True)
class Table:
    rows: list[list[str]]
    columns: tuple[float, ...] = (_LEFT, 250.0, 360.0)
    head: bool = True


Line = str | Margin | Table


class _Page:
    """Writes rows from the top down, turning the page when it is full."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.y = A4[1] - 60.0

    def _room(self, rows: int = 1) -> None:
        if self.y - rows * _LEADING < 50.0:
            self.canvas.showPage()
            self.y = A4[1] - 60.0

    def _words(
        self, text: str, x: float, *, bold: bool = False, first_x: float | None = None
    ) -> None:
        """`text` wrapped between `x` and the right edge; the first row may start at `first_x`."""
        font = "Helvetica-Bold" if bold else "Helvetica"
        start = x if first_x is None else first_x
        row: list[str] = []
        for word in text.split():
            candidate = " ".join([*row, word])
            if row and start + stringWidth(candidate, font, _SIZE) > _RIGHT:
                self._draw(start, " ".join(row), font)
                row, start = [word], x
            else:
                row.append(word)
        self._draw(start, " ".join(row), font)

    def _draw(self, x: float, text: str, font: str) -> None:
        self._room()
        self.canvas.setFont(font, _SIZE)
        self.canvas.drawString(x, self.y, text)
        self.y -= _LEADING

    def line(self, text: str) -> None:
        if not text:
            self.y -= _LEADING / 2
        elif text.startswith("**") and text.endswith("**") and text.count("**") == 2:
            self._words(text[2:-2], _LEFT, bold=True)
        elif text.startswith("**") and "** " in text:
            label, rest = text[2:].split("** ", 1)
            self._room()
            self.canvas.setFont("Helvetica-Bold", _SIZE)
            self.canvas.drawString(_LEFT, self.y, label)
            gap = stringWidth(label + " ", "Helvetica-Bold", _SIZE)
            self._words(rest, _LEFT, first_x=_LEFT + gap)
        else:
            self._words(text, _LEFT)

    def margin(self, item: Margin) -> None:
        self._room()
        self.canvas.setFont("Helvetica-Bold", _SIZE)
        self.canvas.drawString(_LEFT, self.y, item.label)
        self._words(item.text, _MARGIN_TEXT)
        self.y -= _LEADING / 3

    def table(self, item: Table) -> None:
        self._room(len(item.rows) + 1)
        xs = [x - 4 for x in item.columns] + [_RIGHT]
        self.canvas.setLineWidth(0.8)
        top = self.y + _SIZE + 3
        self.canvas.line(xs[0], top, xs[-1], top)
        for index, row in enumerate(item.rows):
            bold = item.head and index == 0
            self.canvas.setFont("Helvetica-Bold" if bold else "Helvetica", _SIZE)
            for x, cell in zip(item.columns, row, strict=True):
                self.canvas.drawString(x, self.y, cell)
            bottom = self.y - 5
            self.canvas.line(xs[0], bottom, xs[-1], bottom)
            for x in xs:
                self.canvas.line(x, top, x, bottom)
            top = bottom
            self.y -= _LEADING + 4
        self.y -= _LEADING / 2


def write_pdf(path: Path, lines: list[Line]) -> Path:
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    page = _Page(canvas)
    for item in lines:
        if isinstance(item, Margin):
            page.margin(item)
        elif isinstance(item, Table):
            page.table(item)
        else:
            page.line(item)
    canvas.showPage()
    canvas.save()
    return path


# 1a. A Swedish board's protocol: `Stadsstyrelsen § 112 28.04.2025` headings.
SWEDISH_BOARD: list[Line] = [
    "Raseborgs stad",
    "**Stadsstyrelsen**",
    "**PROTOKOLL 6/2025**",
    "Tid 28.04.2025 kl. 17.00",
    "Plats Stadshuset, sessionssalen",
    "Behandlade ärenden §§ 112–115",
    "",
    "**Stadsstyrelsen § 112 28.04.2025**",
    "**Anskaffning av ett nytt ärendehanteringssystem**",
    "Dnr 412/02.08.00/2025",
    "**Stadsdirektörens förslag**",
    "Stadsstyrelsen godkänner anbudet från Dokumentia Ab för anskaffning av ett "
    "ärendehanteringssystem.",
    "**Beslut**",
    "Förslaget godkändes.",
    "Ledamot Karin Berg anmälde jäv och deltog inte i behandlingen av ärendet.",
    "",
    "**Stadsstyrelsen § 113 28.04.2025**",
    "**Motion om avgiftsfri kollektivtrafik för pensionärer**",
    "**Beslutsförslag**",
    "Stadsstyrelsen föreslår för stadsfullmäktige att motionen anses slutbehandlad.",
    "**Beslut**",
    "Ärendet bordlades.",
    "",
    "**Stadsstyrelsen § 114 28.04.2025**",
    "**Ändring av detaljplanen för kvarteret Linnea**",
    "Dnr 233/10.02.03/2024",
    "**Stadsdirektörens förslag**",
    "Stadsstyrelsen föreslår för stadsfullmäktige att ändringen av detaljplanen godkänns.",
    "**Beslut**",
    "Planläggningschef Sofia Lind hördes som sakkunnig under behandlingen av ärendet.",
    "Ärendet återremitterades för ny beredning.",
    "",
    "**Stadsstyrelsen § 115 28.04.2025**",
    "**Tilläggsanslag för renoveringen av Västra skolan**",
    "**Stadsdirektörens förslag**",
    "Stadsstyrelsen beviljar ett tilläggsanslag på 250 000 euro för renoveringen av Västra skolan.",
    "**Beslut**",
    "Ledamot Peter Holm föreslog, understödd av ledamot Lena Forsström, att anslaget sänks "
    "till 150 000 euro. Ordföranden konstaterade att omröstning ska verkställas. De som "
    "understöder stadsdirektörens förslag röstar ja, de som understöder Holms förslag röstar nej.",
    "Omröstning: Ja 7, Nej 4",
    "Stadsstyrelsen godkände stadsdirektörens förslag.",
]

# 1b. A Swedish council's protocol with a vote `med rösterna 29–22`.
SWEDISH_COUNCIL: list[Line] = [
    "Raseborgs stad",
    "**Stadsfullmäktige**",
    "**PROTOKOLL 4/2025**",
    "Tid 12.05.2025 kl. 18.00",
    "Behandlade ärenden §§ 45–46",
    "",
    "**Stadsfullmäktige § 45 12.05.2025**",
    "**Val av protokolljusterare**",
    "**Beslutsförslag**",
    "Till protokolljusterare väljs Maria Holmberg och Erik Salo.",
    "**Beslut**",
    "Till protokolljusterare valdes Maria Holmberg och Erik Salo.",
    "",
    "**Stadsfullmäktige § 46 12.05.2025**",
    "**Servicenätsplan för den grundläggande utbildningen**",
    "Dnr 88/12.00.00/2025",
    "**Stadsstyrelsens förslag**",
    "Stadsfullmäktige godkänner servicenätsplanen för åren 2025–2030.",
    "**Beslut**",
    "Ledamot Nina Grönqvist föreslog, understödd av ledamot Oskar Lund, att Karis skola "
    "lämnas utanför planen. Efter omröstning godkände stadsfullmäktige stadsstyrelsens "
    "förslag med rösterna 29–22.",
]

# 2. A council's minutes with a decision-history table at the top of each item.
HISTORY_TABLE: list[Line] = [
    "Kangasalan kaupunki",
    "**Kaupunginvaltuusto**",
    "**PÖYTÄKIRJA 2/2025**",
    "Kokousaika 17.2.2025 klo 18.00",
    "Kokouspaikka Kunnantalo, valtuustosali",
    "Käsitellyt asiat §§ 8–9",
    "",
    "**§ 8**",
    "**Hulevesiohjelman hyväksyminen**",
    "Dnro 118/10.03.00/2024",
    Table(
        [
            ["Käsittelijä", "Päivämäärä", "Pykälä"],
            ["Kaupunginhallitus", "3.2.2025", "§ 30"],
            ["Kaupunginvaltuusto", "17.2.2025", "§ 8"],
        ]
    ),
    "**Kaupunginjohtajan päätösehdotus**",
    "Kaupunginhallitus esittää kaupunginvaltuustolle, että se hyväksyy hulevesiohjelman "
    "vuosille 2025–2030.",
    "**Kaupunginhallituksen päätös**",
    "Hyväksyttiin yksimielisesti.",
    "**Kaupunginhallituksen ehdotus**",
    "Kaupunginvaltuusto hyväksyy hulevesiohjelman vuosille 2025–2030.",
    "**Kaupunginvaltuuston päätös**",
    "Kaupunginvaltuusto hyväksyi ehdotuksen muutettuna siten, että ohjelmakausi jatkuu "
    "vuoteen 2032.",
    "",
    "**§ 9**",
    "**Liikuntapaikkojen käyttövuorojen jakoperiaatteet**",
    "Dnro 402/12.01.00/2024",
    Table(
        [
            ["Käsittelijä", "Päivämäärä", "Pykälä"],
            ["Kaupunginhallitus", "20.1.2025", "§ 12"],
            ["Kaupunginhallitus", "3.2.2025", "§ 31"],
            ["Kaupunginvaltuusto", "17.2.2025", "§ 9"],
        ]
    ),
    "Kaupunginhallitus 20.1.2025 § 12",
    "**Päätösehdotus**",
    "Kaupunginhallitus hyväksyy jakoperiaatteet liitteen mukaisesti.",
    "**Päätös**",
    "Asia jätettiin pöydälle.",
    "Kaupunginhallitus 3.2.2025 § 31",
    "**Päätösehdotus**",
    "Kaupunginhallitus esittää kaupunginvaltuustolle jakoperiaatteiden hyväksymistä.",
    "**Päätös**",
    "Hyväksyttiin.",
    "Kaupunginvaltuusto 17.2.2025 § 9",
    "**Päätösehdotus**",
    "Kaupunginvaltuusto hyväksyy liikuntapaikkojen käyttövuorojen jakoperiaatteet.",
    "**Päätös**",
    "Ehdotus hyväksyttiin yksimielisesti.",
]

# 3. Stage lines without dates (`Kh § 141`, then `Kv § 22`) in a council's minutes.
STAGE_LINES: list[Line] = [
    "Liedon kunta",
    "**Kunnanvaltuusto**",
    "**PÖYTÄKIRJA 3/2025**",
    "Kokousaika 24.3.2025 klo 18.00",
    "Käsitellyt asiat §§ 21–23",
    "",
    "**§ 21**",
    "**Kokouksen laillisuus ja päätösvaltaisuus**",
    "**Päätösehdotus**",
    "Puheenjohtaja toteaa kokouksen laillisesti koolle kutsutuksi ja päätösvaltaiseksi.",
    "**Päätös**",
    "Kokous todettiin laillisesti koolle kutsutuksi ja päätösvaltaiseksi.",
    "",
    "**§ 22**",
    "**Kuntastrategian päivittäminen**",
    "Kh § 141",
    "**Kunnanjohtajan ehdotus**",
    "Kunnanhallitus esittää valtuustolle päivitetyn kuntastrategian hyväksymistä.",
    "**Päätös**",
    "Hyväksyttiin.",
    "Kv § 22",
    "**Kunnanhallituksen ehdotus**",
    "Kunnanvaltuusto hyväksyy päivitetyn kuntastrategian.",
    "**Päätös**",
    "Valtuutettu Mikko Aaltonen ehdotti Sari Kallion kannattamana, että strategiaan lisätään "
    "tavoite kunnan hiilineutraaliudesta vuoteen 2030 mennessä. Kunnanvaltuusto hyväksyi "
    "kunnanhallituksen ehdotuksen äänin 21–14.",
    "",
    "**§ 23**",
    "**Selvitys sivistystoimen henkilöstötilanteesta**",
    "Kh § 150",
    "**Kunnanjohtajan ehdotus**",
    "Kunnanhallitus saattaa selvityksen valtuuston tiedoksi.",
    "**Päätös**",
    "Asia jätettiin pöydälle.",
    "Kh § 158",
    "**Kunnanjohtajan ehdotus**",
    "Kunnanhallitus saattaa selvityksen valtuuston tiedoksi.",
    "**Päätös**",
    "Hyväksyttiin.",
    "Kv § 23",
    "**Kunnanhallituksen ehdotus**",
    "Kunnanvaltuusto merkitsee selvityksen tiedoksi.",
    "**Päätös**",
    "Kunnanvaltuusto merkitsi selvityksen tiedoksi.",
]

# 3b. Items that start with their first stage line (`Kh § 141`); the council's § only on `Kv § 22`.
STAGE_LINES_FIRST: list[Line] = [
    "Mynämäen kunta",
    "**Kunnanvaltuusto**",
    "**PÖYTÄKIRJA 2/2025**",
    "Kokousaika 31.3.2025 klo 18.30",
    "Käsitellyt asiat §§ 22–23",
    "",
    "**Kh § 141**",
    "**Vesihuollon kehittämissuunnitelma**",
    "**Kunnanjohtajan ehdotus**",
    "Kunnanhallitus esittää valtuustolle vesihuollon kehittämissuunnitelman hyväksymistä.",
    "**Päätös**",
    "Asia palautettiin uudelleen valmisteltavaksi.",
    "**Kh § 152**",
    "**Kunnanjohtajan ehdotus**",
    "Kunnanhallitus esittää valtuustolle täydennetyn suunnitelman hyväksymistä.",
    "**Päätös**",
    "Hyväksyttiin.",
    "**Kv § 22**",
    "**Kunnanhallituksen ehdotus**",
    "Kunnanvaltuusto hyväksyy vesihuollon kehittämissuunnitelman.",
    "**Päätös**",
    "Hyväksyttiin yksimielisesti.",
    "",
    "**Kh § 160**",
    "**Tarkastuslautakunnan jäsenen eronpyyntö**",
    "**Kunnanjohtajan ehdotus**",
    "Kunnanhallitus esittää, että valtuusto myöntää eron ja valitsee uuden jäsenen.",
    "**Päätös**",
    "Hyväksyttiin.",
    "**Kv § 23**",
    "**Kunnanhallituksen ehdotus**",
    "Kunnanvaltuusto myöntää Pirjo Lehtiselle eron ja valitsee tilalle uuden jäsenen.",
    "**Päätös**",
    "Kunnanvaltuusto myönsi eron ja valitsi tarkastuslautakunnan jäseneksi Kari Virran.",
]

# 4. Roll-call votes: names under JAA / EI / TYHJÄ / POISSA, no printed counts.
ROLL_CALL: list[Line] = [
    "Iisalmen kaupunki",
    "**Kaupunginhallitus**",
    "**PÖYTÄKIRJA 9/2025**",
    "Kokousaika 5.5.2025 klo 16.00",
    "Käsitellyt asiat §§ 70–72",
    "",
    "**§ 70**",
    "**Uimahallin aukioloaikojen muuttaminen**",
    "**Kaupunginjohtajan päätösehdotus**",
    "Kaupunginhallitus hyväksyy uimahallin kesäaukioloajat liitteen mukaisesti.",
    "**Päätös**",
    "Jäsen Tuula Mäkinen ehdotti Jari Rantasen kannattamana, että uimahalli pidetään "
    "auki myös sunnuntaisin. Puheenjohtaja esitti äänestystavaksi nimenhuutoäänestystä. "
    "Kaupunginjohtajan ehdotusta kannattavat äänestävät JAA, Mäkisen ehdotusta kannattavat EI.",
    "JAA",
    "Heikki Aho",
    "Marja Berg",
    "Pekka Laitinen",
    "Riitta Nieminen",
    "Olli Pulkkinen",
    "Sanna Väisänen",
    "EI",
    "Tuula Mäkinen",
    "Jari Rantanen",
    "Veikko Savolainen",
    "TYHJÄ",
    "Anu Korhonen",
    "POISSA",
    "Esa Heikkinen",
    "Kaupunginhallitus hyväksyi kaupunginjohtajan ehdotuksen.",
    "",
    "**§ 71**",
    "**Kylätalojen avustukset vuodelle 2025**",
    "**Kaupunginjohtajan päätösehdotus**",
    "Kaupunginhallitus myöntää kylätaloille avustuksia yhteensä 12 000 euroa.",
    "**Päätös**",
    "Jäsen Jari Rantanen ehdotti Veikko Savolaisen kannattamana, että avustuksia myönnetään "
    "yhteensä 18 000 euroa. Kaupunginjohtajan ehdotusta kannattavat äänestävät JAA, "
    "Rantasen ehdotusta kannattavat EI.",
    "JAA Heikki Aho, Marja Berg, Pekka Laitinen, Riitta Nieminen, Olli Pulkkinen",
    "EI Tuula Mäkinen, Jari Rantanen, Veikko Savolainen, Sanna Väisänen, Anu Korhonen, "
    "Esa Heikkinen",
    "Kaupunginhallitus hyväksyi Rantasen ehdotuksen äänin 6–5.",
    "",
    "**§ 72**",
    "**Matkailuyhdistyksen toiminta-avustus**",
    "**Kaupunginjohtajan päätösehdotus**",
    "Kaupunginhallitus myöntää matkailuyhdistykselle 5 000 euron toiminta-avustuksen.",
    "**Päätös**",
    "Jäsen Marja Berg ehdotti Riitta Niemisen kannattamana, että avustus on 8 000 euroa. "
    "Kaupunginhallitus hyväksyi Bergin ehdotuksen äänin 6–5.",
]

# 4b. A roll-call vote printed as a ruled table of names with an X under JAA / EI / TYHJÄ / POISSA.
_VOTERS = [
    ("Aho Heikki", "X", "", "", ""),
    ("Berg Marja", "X", "", "", ""),
    ("Heikkinen Esa", "", "", "", "X"),
    ("Korhonen Anu", "", "X", "", ""),
    ("Laitinen Pekka", "X", "", "", ""),
    ("Mäkinen Tuula", "", "X", "", ""),
    ("Nieminen Riitta", "X", "", "", ""),
    ("Pulkkinen Olli", "X", "", "", ""),
    ("Rantanen Jari", "", "X", "", ""),
    ("Savolainen Veikko", "", "", "X", ""),
    ("Väisänen Sanna", "X", "", "", ""),
]
VOTE_TABLE: list[Line] = [
    "Iisalmen kaupunki",
    "**Kaupunginhallitus**",
    "**PÖYTÄKIRJA 10/2025**",
    "Kokousaika 19.5.2025 klo 16.00",
    "Käsitellyt asiat § 80",
    "",
    "**§ 80**",
    "**Torin kesäkioskien vuokrausperiaatteet**",
    "**Kaupunginjohtajan päätösehdotus**",
    "Kaupunginhallitus hyväksyy kioskipaikkojen vuokrausperiaatteet liitteen mukaisesti.",
    "**Päätös**",
    "Jäsen Anu Korhonen ehdotti Tuula Mäkisen kannattamana, että kioskipaikat vuokrataan "
    "huutokaupalla. Kaupunginjohtajan ehdotusta kannattavat äänestävät JAA, Korhosen "
    "ehdotusta kannattavat EI. Suoritetussa nimenhuutoäänestyksessä annettiin äänet "
    "liitteenä olevan äänestyslistan mukaisesti.",
    Table(
        [["Nimi", "JAA", "EI", "TYHJÄ", "POISSA"], *[list(v) for v in _VOTERS]],
        columns=(_LEFT, 220.0, 280.0, 340.0, 400.0),
    ),
    "Kaupunginhallitus hyväksyi kaupunginjohtajan ehdotuksen.",
]

# 5a. Labels inline in bold on the text line; `Kunnanjohtajan ehdotus:`.
INLINE_LABELS: list[Line] = [
    "Sodankylän kunta",
    "**Kunnanhallitus**",
    "**PÖYTÄKIRJA 7/2025**",
    "Kokousaika 14.4.2025 klo 15.00",
    "Käsitellyt asiat §§ 55–56",
    "",
    "**§ 55 Koulukuljetusten hankinta**",
    "**Valmistelija:** hallintojohtaja Laura Keränen",
    "**Kunnanjohtajan ehdotus:** Kunnanhallitus hyväksyy koulukuljetusten hankinnan "
    "kokonaistaloudellisesti edullisimman tarjouksen mukaisesti.",
    "**Päätös:** Hyväksyttiin.",
    "",
    "**§ 56 Kunnan edustajat yhtiökokouksiin**",
    "**Kunnanjohtajan ehdotus:** Kunnanhallitus nimeää kunnanjohtajan edustamaan kuntaa "
    "yhtiökokouksissa vuonna 2025.",
    "**Päätös:** Kunnanhallitus nimesi kunnanjohtajan edustamaan kuntaa yhtiökokouksissa "
    "vuonna 2025.",
]

# 5b. Labels in a left margin column with the text beside them; `Pormestarin päätösehdotus`.
MARGIN_LABELS: list[Line] = [
    "Turun kaupunki",
    "**Kaupunginhallitus**",
    "**PÖYTÄKIRJA 11/2025**",
    "Kokousaika 9.6.2025 klo 16.00",
    "Käsitellyt asiat §§ 201–202",
    "",
    "**§ 201**",
    "**Sataman laiturin korjaushankkeen hankesuunnitelma**",
    Margin("Dnro", "3021/10.03.00/2025"),
    Margin(
        "Pormestarin päätösehdotus",
        "Kaupunginhallitus hyväksyy laiturin korjaushankkeen hankesuunnitelman, jonka "
        "kustannusarvio on 2,4 miljoonaa euroa.",
    ),
    Margin("Päätös", "Hyväksyttiin."),
    "",
    "**§ 202**",
    "**Kaupunginhallituksen edustaja nuorisovaltuustoon**",
    Margin(
        "Pormestarin päätösehdotus",
        "Kaupunginhallitus nimeää edustajakseen nuorisovaltuustoon jäsen Elina Saarisen.",
    ),
    Margin(
        "Päätös",
        "Kaupunginhallitus hyväksyi ehdotuksen muutettuna siten, että edustajaksi nimettiin "
        "jäsen Timo Lahtinen.",
    ),
]

# 6a. An agenda: proposals only.
AGENDA: list[Line] = [
    "Porvoon kaupunki",
    "**Sivistyslautakunta**",
    "**ESITYSLISTA 4/2025**",
    "Kokousaika 22.4.2025 klo 17.30",
    "Käsiteltävät asiat §§ 31–32",
    "",
    "**§ 31**",
    "**Esiopetuksen toimintasuunnitelma lukuvuodelle 2025–2026**",
    "**Sivistysjohtajan päätösehdotus**",
    "Sivistyslautakunta hyväksyy esiopetuksen toimintasuunnitelman liitteen mukaisesti.",
    "",
    "**§ 32**",
    "**Kirjaston aukioloajat kesällä 2025**",
    "**Sivistysjohtajan päätösehdotus**",
    "Sivistyslautakunta merkitsee kirjaston kesäaukioloajat tiedoksi.",
]

# 6c. A Swedish agenda (föredragningslista): proposals only.
SWEDISH_AGENDA: list[Line] = [
    "Pargas stad",
    "**Bildningsnämnden**",
    "**FÖREDRAGNINGSLISTA 5/2025**",
    "Tid 20.5.2025 kl. 18.00",
    "Plats Stadshuset, mötesrum Kuggen",
    "",
    "**§ 48**",
    "**Läsårstider för läsåret 2025–2026**",
    "**Bildningsdirektörens förslag**",
    "Bildningsnämnden fastställer läsårstiderna enligt bilagan.",
    "",
    "**§ 49**",
    "**Uppföljning av budgeten för januari–april**",
    "**Bildningsdirektörens förslag**",
    "Bildningsnämnden antecknar uppföljningen för kännedom.",
]

# 6b. A decision digest: one short block per item.
DIGEST: list[Line] = [
    "Kokkolan kaupunki",
    "**Kaupunginhallitus**",
    "**PÄÄTÖSLUETTELO 10/2025**",
    "Kokousaika 19.5.2025 klo 15.00",
    "",
    "**§ 131 Lausunto maakuntakaavaehdotuksesta**",
    "Päätös: Ehdotus hyväksyttiin.",
    "",
    "**§ 132 Nuorisotalon vuokrasopimus**",
    "Päätös: Asia jätettiin pöydälle.",
    "",
    "**§ 133 Talousarvion toteutuminen tammi–huhtikuussa**",
    "Päätös: Merkittiin tiedoksi.",
]

# 7. Outcomes of every verdict in one board's minutes.
OUTCOMES: list[Line] = [
    "Hämeenlinnan kaupunki",
    "**Kaupunginhallitus**",
    "**PÖYTÄKIRJA 12/2025**",
    "Kokousaika 16.6.2025 klo 16.00",
    "Käsitellyt asiat §§ 240–246",
    "",
    "**§ 240**",
    "**Asemanseudun kehittämisen aiesopimus**",
    "**Kaupunginjohtajan päätösehdotus**",
    "Kaupunginhallitus hyväksyy aiesopimuksen liitteen mukaisesti.",
    "**Päätös**",
    "Asia poistettiin esityslistalta.",
    "",
    "**§ 241**",
    "**Selvitys kotihoidon asiakasmääristä**",
    "**Kaupunginjohtajan päätösehdotus**",
    "Kaupunginhallitus merkitsee selvityksen tiedoksi.",
    "**Päätös**",
    "Kaupunginhallitus merkitsi selvityksen tiedoksi.",
    "",
    "**§ 242**",
    "**Poikkeamishakemus Rantatie 14**",
    "Dnro 760/10.03.01/2025",
    "**Kaupunginjohtajan päätösehdotus**",
    "Kaupunginhallitus hylkää poikkeamishakemuksen.",
    "**Päätös**",
    "Kaupunginhallitus hylkäsi hakemuksen.",
    "",
    "**§ 243**",
    "**Keskustan pysäköintipolitiikka**",
    "**Kaupunginjohtajan päätösehdotus**",
    "Kaupunginhallitus hyväksyy pysäköintipolitiikan ja esittää sen valtuuston hyväksyttäväksi.",
    "**Päätös**",
    "Asia jätettiin pöydälle.",
    "",
    "**§ 244**",
    "**Ruokapalvelujen palveluverkko**",
    "**Kaupunginjohtajan päätösehdotus**",
    "Kaupunginhallitus hyväksyy ruokapalvelujen palveluverkon vuosille 2025–2028.",
    "**Päätös**",
    "Asia palautettiin uudelleen valmisteltavaksi.",
    "",
    "**§ 245**",
    "**Tapahtuma-avustusten myöntäminen**",
    "**Kaupunginjohtajan päätösehdotus**",
    "Kaupunginhallitus myöntää tapahtuma-avustuksia liitteen mukaisesti, enintään 15 000 euroa "
    "hakijaa kohden.",
    "**Päätös**",
    "Kaupunginhallitus hyväksyi ehdotuksen muutettuna siten, että avustuksen enimmäismäärä "
    "on 20 000 euroa hakijaa kohden.",
    "",
    "**§ 246**",
    "**Liikuntahallin vuokrasopimuksen jatkaminen**",
    "**Kaupunginjohtajan päätösehdotus**",
    "Kaupunginhallitus hyväksyy vuokrasopimuksen jatkamisen vuoden 2027 loppuun.",
    "**Päätös**",
    "Jäsen Anne Salo ehdotti Tero Kivisen kannattamana, että asia jätetään pöydälle. "
    "Suoritetussa äänestyksessä käsittelyn jatkamista kannatettiin äänin 7–4. "
    "Kaupunginhallitus hyväksyi kaupunginjohtajan ehdotuksen.",
]

CASES: dict[str, list[Line]] = {
    "swedish_board": SWEDISH_BOARD,
    "swedish_council": SWEDISH_COUNCIL,
    "history_table": HISTORY_TABLE,
    "stage_lines": STAGE_LINES,
    "stage_lines_first": STAGE_LINES_FIRST,
    "roll_call": ROLL_CALL,
    "vote_table": VOTE_TABLE,
    "inline_labels": INLINE_LABELS,
    "margin_labels": MARGIN_LABELS,
    "agenda": AGENDA,
    "swedish_agenda": SWEDISH_AGENDA,
    "digest": DIGEST,
    "outcomes": OUTCOMES,
}


def case_pdf(path: Path, name: str) -> Path:
    """The PDF of case `name`."""
    return write_pdf(path, CASES[name])
