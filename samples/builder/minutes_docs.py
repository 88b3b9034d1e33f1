"""The three minutes samples: 000 Joensuu (Dynasty), 002 Porvoo (CloudNC), 003 Kuopio (Tweb).

Seed line numbers below refer to the seed files in ``../shared/seeds/``.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4

from .layout import BOLD, Built, Text, write_pdf
from .minutes import Flow, Style, cloudnc_chrome, dynasty_chrome
from .seed import Seed

JOENSUU_DATE = "16.05.2022"  # ILLUSTRATIVE: the seed gives no meeting date
JOENSUU_SECTION = "§ 201"  # ILLUSTRATIVE: the seed gives no section number
KUOPIO_DATE = "16.09.2019"  # ILLUSTRATIVE: the seed gives no meeting date


def build_000(seeds: Path, out: Path) -> Built:
    """Joensuu board minutes item on the digital programme (Dynasty style)."""
    seed = Seed.load(seeds, "000")
    # 10 pt on x 186…544: the suspended compound "analytiikka-" then falls at a line end
    st = Style(body_x=186.0, body_right=544.0, size=10.0, leading=13.5, para_gap=13.5, top=752.0)
    f = Flow(st)
    title = "Joensuun kaupungin digiohjelma 2022–2025"
    f.ops.append(Text(st.label_x, f.y, JOENSUU_SECTION, BOLD, 11))
    f.ops.append(Text(st.body_x, f.y, title, BOLD, 11))
    f.y -= 2 * st.leading
    for it in seed.items(1, 69):
        f.item(it)
    f.para(seed.text(71, drop="Valmistelija:"), label="Valmistelija", justify=False)
    seed.raw(73)  # "Kaupunginjohtajan päätösehdotus:" becomes the margin label
    f.lines(seed.raw(74), label="Kaupunginjohtajan päätösehdotus")
    f.para(seed.text(76))
    seed.raw(78)  # "Päätös:" becomes the margin label
    f.para(seed.text(79), label="Päätös")
    for it in seed.items(81, 84):
        f.item(it)
    seed.assert_complete()
    chrome = dynasty_chrome(
        "Joensuun kaupunki",
        "Kaupunginhallitus",
        JOENSUU_DATE,
        "Joensuun kaupunki, Kaupunginhallitus",
    )
    pages = f.finish(chrome)
    name = "000_joensuu_kh_2022_digiohjelma.pdf"
    write_pdf(out / name, pages, A4, title, "Joensuun kaupunki")
    return Built(name, len(pages), f.hyphen_breaks, seed.joins)


def build_003(seeds: Path, out: Path) -> Built:
    """Kuopio board minutes § 81 on the ESR project application (Tweb style)."""
    seed = Seed.load(seeds, "003", en_dash_attach=True)
    st = Style(label_gap=26.0, top=758.0, bottom=56.0)
    f = Flow(st)
    head = seed.raw(1)[0]  # "§ 81 Asianro 7801/02.05.02.01/2019"
    section, case = head.split(" Asianro ")
    f.ops.append(Text(st.label_x, f.y, section, BOLD, 11))
    f.ops.append(Text(st.body_right, f.y, f"Asianro {case}", size=10, align="right"))
    f.y -= 2 * st.leading
    title = seed.text(4)
    f.para(title, font=BOLD, justify=False, hyphenate=False)
    f.lines(seed.raw(8, 9))
    for a, b in ((13, 18), (20, 25), (27, 36), (38, 44)):
        f.para(seed.text(a, b))
    f.para(seed.text(46))
    for a, b in ((49, 52), (55, 57), (58, 60), (63, 66)):
        (it,) = seed.items(a, b)
        f.item(it, gap=b == 66)
    for a, b in ((69, 75), (77, 82), (84, 84)):
        f.para(seed.text(a, b))
    f.para(seed.text(87, drop="Vaikutusten arviointi"), label="Vaikutusten arviointi")
    f.para(seed.text(90, 96, drop="Esitys"), label="Esitys")
    attachments = [seed.text(102, drop="Liitteet"), seed.text(103, 105), seed.text(106)]
    f.lines(attachments, label="Liitteet")
    seed.raw(108)  # "Valmistelija" becomes the margin label
    f.lines(seed.raw(110, 111), label="Valmistelija")
    f.lines([seed.text(114, drop="Päätösehdotus")], label="Päätösehdotus")
    f.para(seed.text(117, 118))
    f.para(seed.text(122, 125, drop="Päätös"), label="Päätös")
    f.para(seed.text(128, 129))
    f.para(seed.text(131, 133))
    seed.assert_complete()
    chrome = dynasty_chrome(
        "Kuopion kaupunki", "Kaupunginhallitus", KUOPIO_DATE, "Kuopion kaupunki, Kaupunginhallitus"
    )
    pages = f.finish(chrome)
    name = "003_kuopio_kh_2019_idk_hanke.pdf"
    write_pdf(out / name, pages, A4, title, "Kuopion kaupunki")
    return Built(name, len(pages), f.hyphen_breaks, seed.joins)


def build_002(seeds: Path, out: Path) -> Built:
    """Porvoo board minutes 22.01.2024 § 25 (CloudNC style: labels as heading lines)."""
    seed = Seed.load(seeds, "002")
    # 10 pt: "ICT–infrastruktuuriin" then breaks at its dash
    st = Style(body_x=56.0, top=768.0, bottom=56.0, size=10.0, leading=14.0, para_gap=14.0)
    f = Flow(st)
    title = seed.text(3)
    f.heading_line(seed.text(5), size=11)  # "Kaupunginhallitus 22.01.2024 § 25"
    f.lines(seed.raw(6), gap=False)  # diary number
    f.space()
    f.heading_line(title, size=13)
    f.space(6)
    f.heading_line(seed.text(8))  # "Valmistelu- ja lisätiedot"
    f.lines(seed.raw(9, 10))
    items = seed.items(12, 30)
    for i, it in enumerate(items):
        nxt = items[i + 1] if i + 1 < len(items) else None
        f.item(it, gap=nxt is None or nxt.kind == "para" or it.kind == "para")
    f.heading_line(seed.text(32))  # "Liite"
    f.lines(seed.raw(34, 35))
    f.heading_line("Päätösehdotus")  # label added (SAMPLE_FACTS.md); not in the seed
    f.lines(seed.raw(37))
    f.para(seed.text(39))
    f.heading_line(seed.text(41))  # "Päätös"
    for it in seed.items(43, 47):
        f.item(it)
    seed.assert_complete()
    pages = f.finish(cloudnc_chrome("Porvoon kaupunki", "Pöytäkirja 1/2024"))
    name = "002_porvoo_kh_2024-01-22_digiohjelma.pdf"
    write_pdf(out / name, pages, A4, title, "Porvoon kaupunki")
    return Built(name, len(pages), f.hyphen_breaks, seed.joins)
