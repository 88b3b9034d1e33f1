"""Small PDFs generated at test time with reportlab (what each one reproduces is in its name)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas


def text_pdf(
    path: Path,
    pages: list[list[str]],
    *,
    password: str | None = None,
    landscape: bool = False,
) -> Path:
    """A PDF with the given lines per page (Helvetica 11 pt at x=56; `**line**` is bold)."""
    encrypt = StandardEncryption(password, canPrint=1) if password else None
    size = (A4[1], A4[0]) if landscape else A4
    canvas = Canvas(str(path), pagesize=size, invariant=1, encrypt=encrypt)
    for lines in pages:
        y = size[1] - 60.0
        for line in lines:
            bold = line.startswith("**") and line.endswith("**")
            canvas.setFont("Helvetica-Bold" if bold else "Helvetica", 11)
            canvas.drawString(56, y, line.strip("*") if bold else line)
            y -= 15
        canvas.showPage()
    canvas.save()
    return path


def image_only_pdf(path: Path, text: str) -> Path:
    """A PDF whose only page is a picture of `text` (no text layer): needs OCR."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1654, 2339), 255)  # A4 at 200 dpi
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 44)
    y = 200
    for line in text.splitlines():
        draw.text((160, y), line, fill=0, font=font)
        y += 70
    image.save(path, "PDF", resolution=200.0)
    return path


_MINUTES_BODY = [
    "Kaupunginhallitus päättää hyväksyä liitteenä olevan sopimuksen ja valtuuttaa",
    "kaupunginjohtajan allekirjoittamaan sen. Asiasta on neuvoteltu henkilöstön kanssa.",
    "Hankkeen kokonaiskustannukset ovat 125 000 euroa, josta valtionavustus on 60 %.",
    "Valmistelija: hallintojohtaja Maija Virtanen, puh. 040 123 4567",
    "Esittelijä: kaupunginjohtaja Matti Meikäläinen",
    "Päätösehdotus",
    "Kaupunginhallitus merkitsee tiedoksi selvityksen ja lähettää asian valtuustolle.",
    "Päätös",
    "Hyväksyttiin yksimielisesti. Pöytäkirja tarkastettiin ja hyväksyttiin kokouksessa.",
]


def long_minutes_pdf(path: Path, pages: int, *, table_every: int = 10) -> Path:
    """A long Finnish minutes-like PDF: a § item per page, a ruled 4×4 table every few pages."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    height = A4[1]
    for n in range(1, pages + 1):
        canvas.setFont("Helvetica", 9)
        canvas.drawString(56, height - 40, f"Porvoon kaupunki  Pöytäkirja  {n} ({pages})")
        canvas.setFont("Helvetica-Bold", 11)
        # Below the running-header band, where clean.py would take it for page furniture.
        canvas.drawString(56, height - 140, f"Kaupunginhallitus 22.01.2024 § {n}")
        canvas.drawString(56, height - 156, f"Asia {n}: hankintapäätös ja sopimus")
        canvas.setFont("Helvetica", 11)
        y = height - 184
        for line in _MINUTES_BODY:
            canvas.drawString(56, y, line)
            y -= 15
        if n % table_every == 0:
            y -= 10
            for row in range(4):
                for col in range(4):
                    x = 56 + col * 120
                    canvas.rect(x, y - 18, 120, 18)
                    label = "Vuosi" if row == 0 else f"{2024 + row} {col * 1000} €"
                    canvas.drawString(x + 4, y - 13, label)
                y -= 18
        canvas.showPage()
    canvas.save()
    return path
