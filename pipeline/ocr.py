"""OCR fallback for pages without a text layer: pypdfium2 renders, Tesseract reads."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

OCR_DPI = 200
INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-fin tesseract-ocr-swe"


@dataclass(slots=True)
class OcrResult:
    """Words read from one page (pdfplumber-shaped dicts in PDF points), or why there are none."""

    words: list[dict[str, Any]] | None
    warning: str | None = None


@lru_cache(maxsize=1)
def tesseract_languages() -> frozenset[str]:
    """Languages the installed Tesseract has, or an empty set when it is not installed."""
    if shutil.which("tesseract") is None:
        return frozenset()
    import pytesseract

    try:
        return frozenset(pytesseract.get_languages(config=""))
    except Exception:
        return frozenset()


def ocr_pdf_page(path: Path, index: int, width: float, height: float, *, lang: str) -> OcrResult:
    """OCR page `index` (0-based) of a PDF; a missing Tesseract gives a warning, not an error."""
    have = tesseract_languages()
    if not have:
        return OcrResult(
            None,
            "page(s) without a text layer were not OCR'd: "
            f"Tesseract is not installed ({INSTALL_HINT})",
        )
    wanted = [code for code in lang.split("+") if code in have]
    if not wanted:
        return OcrResult(None, f"Tesseract has none of the languages {lang!r} ({INSTALL_HINT})")
    import pypdfium2
    import pytesseract

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        bitmap = pdf[index].render(scale=OCR_DPI / 72, grayscale=True)
        image = bitmap.to_pil()
    finally:
        pdf.close()
    data = pytesseract.image_to_data(
        image, lang="+".join(wanted), config="--psm 3", output_type=pytesseract.Output.DICT
    )
    scale = 72 / OCR_DPI
    words: list[dict[str, Any]] = []
    for i, text in enumerate(data["text"]):
        conf = float(data["conf"][i])
        if not str(text).strip() or conf < 0:
            continue
        x0, top = data["left"][i] * scale, data["top"][i] * scale
        words.append(
            {
                "text": str(text),
                "x0": x0,
                "top": top,
                "x1": x0 + data["width"][i] * scale,
                "bottom": top + data["height"][i] * scale,
                "size": data["height"][i] * scale,
                "fontname": "OCR",
            }
        )
    return OcrResult(words)


# Tesseract's Finnish and Swedish models read `§` as `&` (or `8`) and `@` as `&`: fix the
# unambiguous places, where `&` stands between a date or a line start and a number, or inside
# an e-mail address.
_SECTION_SIGN = re.compile(r"(?:(?<=\d{4} )|^)&(?=\s?\d{1,4}\b)|(?<=\d )&(?=\s|$)")
_AT_SIGN = re.compile(r"(?<=[a-z0-9.])\s?&\s?(?=[a-z0-9-]+\.(?:fi|se|com|net|org)\b)")


def correct(text: str) -> str:
    """Undo Tesseract's usual misreadings of `§` and `@` in minutes."""
    return _AT_SIGN.sub("@", _SECTION_SIGN.sub("§", text))
