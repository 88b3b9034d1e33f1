"""Seed text access: line ranges, joining of wrapped lines, and a completeness check.

Every builder takes its text from the seed by 1-based line ranges. Each non-blank seed line must
be used exactly once, so ``Seed.assert_complete`` proves that nothing was dropped or duplicated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

VOWELS = "aeiouyäöå"
BULLET = "•"
_LIST_MARKER = re.compile(r"^((?:\d{1,2}|[A-D])\.)\s+(.*)$")


@dataclass
class Item:
    """One paragraph, bullet or numbered list item of flowing text."""

    text: str
    kind: str = "para"  # para | bullet | num
    marker: str = ""


@dataclass
class Seed:
    """A seed text file whose lines are handed out by range and tracked."""

    path: Path
    en_dash_attach: bool = False
    lines_: list[str] = field(default_factory=list)
    used: dict[int, str] = field(default_factory=dict)
    joins: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, seeds_dir: Path, prefix: str, *, en_dash_attach: bool = False) -> Seed:
        """Load the seed whose file name starts with ``prefix`` (e.g. ``003``)."""
        matches = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
        if len(matches) != 1:
            raise FileNotFoundError(f"expected one seed {prefix}_*.txt in {seeds_dir}")
        raw = matches[0].read_text(encoding="utf-8").replace("\xa0", " ")
        return cls(path=matches[0], en_dash_attach=en_dash_attach, lines_=raw.split("\n"))

    def _take(self, a: int, b: int | None) -> list[str]:
        """Mark lines a..b used and return their stripped non-blank contents."""
        b = a if b is None else b
        out: list[str] = []
        for n in range(a, b + 1):
            line = " ".join(self.lines_[n - 1].split())
            if not line:
                continue
            if n in self.used:
                raise ValueError(f"{self.path.name}: line {n} used twice")
            self.used[n] = line
            out.append(line)
        if not out:
            raise ValueError(f"{self.path.name}: lines {a}-{b} are blank")
        return out

    def raw(self, a: int, b: int | None = None) -> list[str]:
        """Return lines a..b individually (whitespace collapsed), marking them used."""
        return self._take(a, b)

    def text(self, a: int, b: int | None = None, *, drop: str = "") -> str:
        """Join lines a..b into one paragraph, undoing line-end hyphenation of the seed."""
        parts = self._take(a, b)
        if drop:
            if not parts[0].startswith(drop):
                raise ValueError(f"{self.path.name}: line {a} does not start with {drop!r}")
            parts[0] = parts[0][len(drop) :].strip()
            if not parts[0]:
                parts = parts[1:]
        out = parts[0]
        for nxt in parts[1:]:
            out = self._join(out, nxt)
        return out

    def _join(self, left: str, right: str) -> str:
        """Join two wrapped seed lines by the rules in samples/README.md."""
        first = right.split()[0]
        lower = right[:1].islower()
        attach = (
            (left.endswith(" -") and lower)  # "yhteistyöllä -teemassa"
            or (left.endswith(" –") and lower and self.en_dash_attach)  # "kunta –hankkeesta"
            or (left.endswith("–") and not left.endswith(" –"))  # "asiantuntija–chat"
        )
        if attach:
            tail = left.split()[-1] if left[-2] != " " else f"… {left[-1]}"
            self.joins.append(f"{tail!r} + {first!r} -> {tail + first!r}")
            return left + right
        if left.endswith("-") and not left.endswith(" -"):
            word = left.split()[-1]
            before = left[-2]
            keep = (
                not (before.islower() and right[:1].islower())
                or "/" in word
                or (before in VOWELS and right[:1] == before)
                or right.startswith("hanke")
            )
            result = word + first if keep else word[:-1] + first
            self.joins.append(f"{word!r} + {first!r} -> {result!r}")
            return left + right if keep else left[:-1] + right
        return f"{left} {right}"

    def items(self, a: int, b: int) -> list[Item]:
        """Parse lines a..b into paragraphs, bullets and numbered items.

        A bullet, ``- `` or list marker starts a new item; after a blank line a line that does not
        start in lower case (or with a parenthesis) starts a new paragraph; anything else
        continues the current item.
        """
        items: list[Item] = []
        blank_before = True
        for n in range(a, b + 1):
            line = " ".join(self.lines_[n - 1].split())
            if not line:
                blank_before = True
                continue
            self._take(n, n)
            m = _LIST_MARKER.match(line)
            if line.startswith(BULLET):
                items.append(Item(line[1:].strip(), "bullet"))
            elif line.startswith("- "):
                items.append(Item(line[2:], "num", "-"))
            elif m:
                items.append(Item(m.group(2), "num", m.group(1)))
            elif items and not (blank_before and not (line[0].islower() or line[0] == "(")):
                items[-1].text = self._join(items[-1].text, line)
            else:
                items.append(Item(line))
            blank_before = False
        return items

    def assert_complete(self) -> None:
        """Raise if a non-blank seed line was not used."""
        missing = [
            n for n, line in enumerate(self.lines_, start=1) if line.strip() and n not in self.used
        ]
        if missing:
            raise ValueError(f"{self.path.name}: seed lines not placed: {missing}")
