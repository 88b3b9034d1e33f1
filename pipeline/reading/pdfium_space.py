"""Coordinates for the PDFium reader: PDF user space → pdfplumber's page space, and matrices.

pdfplumber's coordinates are pdfminer's: the page's rotation applied as pdfminer applies it, then
y measured down from the top of the media box. Both halves of the reader (characters and graphics)
map their points through one `Space` per page.
"""

from __future__ import annotations

import struct
from typing import Any

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]

# pdfminer's device matrix per page rotation, from the (normalised) media box x0, y0, x1, y1.
_ROTATIONS = {
    0: lambda x0, y0, x1, y1: (1.0, 0.0, 0.0, 1.0, -x0, -y0),
    90: lambda x0, y0, x1, y1: (0.0, -1.0, 1.0, 0.0, -y0, x1),
    180: lambda x0, y0, x1, y1: (-1.0, 0.0, 0.0, -1.0, x1, y1),
    270: lambda x0, y0, x1, y1: (0.0, 1.0, -1.0, 0.0, y1, -x0),
}


class Space:
    """PDF user space → pdfplumber's page space: pdfminer's rotation, then y from the top."""

    def __init__(self, page: Any) -> None:
        left, bottom, right, top = (decimal(v) for v in page.get_mediabox())
        x0, x1 = sorted((left, right))
        y0, y1 = sorted((bottom, top))
        self.rotation = page.get_rotation() % 360
        self.matrix: Matrix = _ROTATIONS.get(self.rotation, _ROTATIONS[0])(x0, y0, x1, y1)
        if self.rotation in (90, 270):
            x0, y0, x1, y1 = y0, x0, y1, x1
        self.width, self.height = x1 - x0, y1 - y0
        # pdfplumber's media box origin: x as given, top from its flipped box.
        self.mb_x0, self.mb_top = x0, self.height - y1
        # point() as one affine map (x, top) = (xa·x + xc·y + xe, ta·x + tc·y + te).
        a, b, c, d, e, f = self.matrix
        self.affine = (a, c, e + self.mb_x0, -b, -d, self.height + self.mb_top - f)

    def point(self, x: float, y: float) -> Point:
        """A user-space point as pdfplumber's (x, top)."""
        a, b, c, d, e, f = self.matrix
        return (a * x + c * y + e + self.mb_x0, self.height - (b * x + d * y + f) + self.mb_top)


def decimal(value: float) -> float:
    """The shortest decimal that PDFium's single-precision `value` stands for (595.2756, not
    595.27557373): the number as written in the file, as pdfminer reads it."""
    single = struct.pack("f", value)
    for digits in range(1, 10):
        candidate = float(f"{value:.{digits}g}")
        if struct.pack("f", candidate) == single:
            return candidate
    return value


def apply(m: Matrix, point: Point) -> Point:
    """`point` mapped by the matrix `m`."""
    a, b, c, d, e, f = m
    x, y = point
    return (a * x + c * y + e, b * x + d * y + f)


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """The matrix that applies `m`, then `n`."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    )
