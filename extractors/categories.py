"""Shared cross-city categories: which category a theme or action belongs to, by lemma rules.

The categories, their labels and their rules are data, in `categories.toml` beside this file
(documented there). `categorise(text)` scores every category by the weights of the rule terms
found among the text's Voikko base forms and compound parts; `explain(text)` shows which terms
fired, so a researcher can see why a record landed where it did.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extractors.lexicon import analyse
from schemas.vocab import Category

RULES_FILE = Path(__file__).with_name("categories.toml")
MIN_SCORE = 2.0
"""Least score for a category to be assigned."""
_WORD = re.compile(r"[^\W\d_](?:[\w-]*\w)?")

Analyse = Callable[[str], tuple[str, tuple[str, ...]]]


@dataclass(frozen=True, slots=True)
class Term:
    """One rule term of a category: a lemma, compound parts, a word pair or a prefix."""

    category: Category
    text: str
    weight: float

    def matches(self, words: Sequence[_Word], i: int) -> bool:
        """True when the term matches at word `i` of the text."""
        word = words[i]
        if self.text.endswith("*"):
            stem = self.text[:-1]
            return word.surface.startswith(stem) or word.base.startswith(stem)
        if " " in self.text:
            first, second = self.text.split(" ", 1)
            if i + 1 >= len(words):
                return False
            following = words[i + 1]
            return (word.base == first or word.parts[-1:] == (first,)) and (
                following.base == second or following.parts[:1] == (second,)
            )
        if "+" in self.text:
            return _in_order(self.text.split("+"), word.parts)
        return word.base == self.text or self.text in word.parts


@dataclass(frozen=True, slots=True)
class _Word:
    surface: str
    base: str
    parts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule term found in a text: which category it speaks for, with what weight, where."""

    category: Category
    term: str
    weight: float
    word: str
    position: int  # index of the word in the text


@cache
def labels() -> dict[Category, dict[str, str]]:
    """Each category's display labels by language code (fi, en, sv), in tie-break order."""
    return {Category(key): names for key, names, _ in _load()}


def label(category: Category | str, lang: str = "fi") -> str:
    """The display label of a category in `lang` (falls back to Finnish)."""
    names = labels()[Category(category)]
    return names.get(lang) or names["fi"]


@cache
def terms() -> tuple[Term, ...]:
    """Every rule term of every category, in file order."""
    return tuple(
        Term(Category(key), text, weight)
        for key, _, rules in _load()
        for text, weight in rules.items()
    )


def explain(text: str, analyser: Analyse = analyse) -> list[Hit]:
    """The rule terms found in `text`, one hit per term and word."""
    words = [_Word(w.lower(), *analyser(w)) for w in _WORD.findall(text)]
    # A hyphenated compound the lexicon does not know ("ICT-infrastruktuuri") is read part by part.
    expanded: list[_Word] = []
    for word in words:
        if "-" in word.surface and not word.parts:
            pieces = [analyser(p) for p in word.surface.split("-") if p]
            parts = tuple(part for base, ps in pieces for part in (ps or (base,)))
            word = _Word(word.surface, word.base, parts)
        expanded.append(word)
    every, index = terms(), _index()
    return [
        Hit(term.category, term.text, term.weight, expanded[i].surface, i)
        for i, word in enumerate(expanded)
        for n in index.candidates(word)
        if (term := every[n]).matches(expanded, i)
    ]


@dataclass(frozen=True, slots=True)
class _Index:
    """Which terms a word can match, found by its base form and parts rather than by trying
    every term on every word (the categories were a tenth of a run's extraction time)."""

    by_word: dict[str, tuple[int, ...]]  # a base form or part → terms that may match it
    by_start: dict[str, tuple[int, ...]]  # the first letters of a `stem*` → its terms
    prefixed: tuple[int, ...]  # `stem*` terms shorter than that, tried on every word

    def candidates(self, word: _Word) -> list[int]:
        """The numbers (file order) of the terms worth trying on `word`."""
        found = set(self.prefixed)
        for key in (word.base, *word.parts):
            found.update(self.by_word.get(key, ()))
        for start in {word.surface[:_START], word.base[:_START]}:
            found.update(self.by_start.get(start, ()))
        return sorted(found)


_START = 4  # letters of a stem the index keys it by


@cache
def _index() -> _Index:
    by_word: dict[str, list[int]] = {}
    by_start: dict[str, list[int]] = {}
    prefixed: list[int] = []
    for n, term in enumerate(terms()):
        if term.text.endswith("*") and len(term.text) > _START:
            by_start.setdefault(term.text[:_START], []).append(n)  # a word must start so
            continue
        if term.text.endswith("*"):
            prefixed.append(n)
            continue
        # A pair is met at its first word; a compound at any of its parts; a lemma as itself.
        if " " in term.text:
            keys = [term.text.split(" ", 1)[0]]
        elif "+" in term.text:
            keys = term.text.split("+")
        else:
            keys = [term.text]
        for key in keys:
            by_word.setdefault(key, []).append(n)
    return _Index(
        {k: tuple(v) for k, v in by_word.items()},
        {k: tuple(v) for k, v in by_start.items()},
        tuple(prefixed),
    )


def scores(text: str, analyser: Analyse = analyse) -> dict[Category, float]:
    """Each category's score for `text` (categories with no hit are left out).

    A word speaks for a category once, with its strongest term: "tietoturvallisuus" matching
    both `tietoturva` and `tieto+turva` counts once.
    """
    best: dict[tuple[int, Category], float] = {}
    for hit in explain(text, analyser):
        key = (hit.position, hit.category)
        best[key] = max(best.get(key, 0.0), hit.weight)
    totals: dict[Category, float] = {}
    for (_, category), weight in best.items():
        totals[category] = totals.get(category, 0.0) + weight
    return totals


def categorise(text: str, analyser: Analyse = analyse) -> Category | None:
    """The best-scoring category of `text`; ties go to the earlier category.

    None when no category reaches MIN_SCORE: a single weak word ("palvelut" in a sector name)
    is not evidence enough.
    """
    totals = {c: v for c, v in scores(text, analyser).items() if v >= MIN_SCORE}
    if not totals:
        return None
    order = list(labels())
    return max(totals, key=lambda c: (totals[c], -order.index(c)))


def _in_order(wanted: Sequence[str], parts: Sequence[str]) -> bool:
    position = 0
    for part in parts:
        if position < len(wanted) and part == wanted[position]:
            position += 1
    return position == len(wanted)


@cache
def _load() -> tuple[tuple[str, dict[str, str], dict[str, float]], ...]:
    """(category key, labels by language, term weights) per category, in file order."""
    with RULES_FILE.open("rb") as fh:
        data = tomllib.load(fh)
    unknown = set(data) - {c.value for c in Category}
    if unknown:
        raise ValueError(f"{RULES_FILE.name}: unknown categories {sorted(unknown)}")
    loaded = []
    for key, value in data.items():
        names = {k: str(v) for k, v in value.items() if k != "terms"}
        rules = {str(t): float(w) for t, w in value.get("terms", {}).items()}
        loaded.append((key, names, rules))
    return tuple(loaded)
