"""Sample 005: the 002 minutes re-rendered as an image-only "scan" (no text layer)."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader

from .layout import Built, new_canvas

SOURCE = "002_porvoo_kh_2024-01-22_digiohjelma.pdf"
TARGET = "005_porvoo_kh_2024-01-22_skannattu.pdf"
DPI = 200
SEED = 20240122


def scanned(img: Image.Image, page_no: int) -> Image.Image:
    """Make a clean render look scanned: paper tint, light noise, a slight skew (seeded)."""
    rng = np.random.default_rng(SEED + page_no)
    a = np.asarray(img, dtype=np.float64)
    a = 236 - (236 - 18) * (1 - a / 255)  # grey paper, not quite black ink
    a += rng.normal(0, 4, a.shape)  # sensor noise
    specks = rng.random(a.shape) < 0.0004
    a[specks] -= 90  # dust
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), mode="L")
    return out.rotate(
        0.25 if page_no % 2 else -0.2, resample=Image.Resampling.BILINEAR, fillcolor=236
    )


def build_005(out: Path) -> Built:
    """Render every page of 002 at 200 dpi greyscale and write them as an image-only PDF."""
    pdf = pdfium.PdfDocument(str(out / SOURCE))
    c = new_canvas(out / TARGET, A4, "", "")
    n = len(pdf)
    try:
        for i in range(n):
            page = pdf[i]
            img = page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
            page.close()
            buf = io.BytesIO()
            scanned(img, i + 1).save(buf, format="JPEG", quality=72, dpi=(DPI, DPI))
            buf.seek(0)
            c.drawImage(ImageReader(buf), 0, 0, width=A4[0], height=A4[1])
            c.showPage()
    finally:
        pdf.close()
    c.save()
    return Built(TARGET, n)
