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
