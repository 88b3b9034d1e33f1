"""End to end on samples/: documents.csv against gold, and cleaned text against the seeds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import GOLD, ROOT, SAMPLES, RunOutput

SEEDS = ROOT.parent / "shared" / "seeds"
SAMPLE_NAMES = sorted(p.name for p in SAMPLES.glob("*.pdf"))
# Running headers and footers the sample builder prints (samples/SAMPLE_FACTS.md).
FURNITURE = [
    "Joensuun kaupunki, Kaupunginhallitus",
    "Porvoon kaupunki – Digiohjelma 2020–2023",
    "Heinolan kaupunki | Digitiekartta 2022–2025",
    "Pöytäkirja 1/2024",
]
_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉé]+(?:-[A-Za-zÅÄÖåäöÉé]+)*")


def _gold(name: str) -> dict[str, object]:
    data: dict[str, object] = json.loads((GOLD / f"{Path(name).stem}.json").read_text("utf-8"))
    return data


def _text(run: RunOutput, name: str) -> str:
    result = run.by_source()[name]
    assert result.document is not None, result.errors
    return (run.out_dir / "text" / f"{result.document.document_id}.txt").read_text("utf-8")


def _seed_words(seed: str) -> set[str]:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    # The seeds are text extractions that still carry line-end hyphens of their own, some
    # soft (`pääto-␤teuttajana`), some real (`ICT-␤käyttökatkot`): accept both readings.
    broken = re.compile(r"(?<=[A-Za-zåäöÅÄÖ])-[ \t]*\n\s*(?=[a-zåäö])")
    joined, hyphened = broken.sub("", text), broken.sub("-", text)
    return {w.casefold() for w in _WORD.findall(joined) + _WORD.findall(hyphened)}


def _certain_seed_words(seed: str) -> set[str]:
    """The seed's words, leaving out those broken at a line end (their reading is ambiguous)."""
    text = (SEEDS / seed).read_text(encoding="utf-8")
    text = re.sub(r"\S*[A-Za-zåäöÅÄÖ]-[ \t]*\n\s*[a-zåäö]\S*", " ", text)
    return {w.casefold() for w in _WORD.findall(text)}


def test_one_gold_file_per_sample() -> None:
    assert len(SAMPLE_NAMES) == 6
    for name in SAMPLE_NAMES:
        assert (GOLD / f"{Path(name).stem}.json").is_file(), name


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_documents_row_matches_gold(sample_run: RunOutput, name: str) -> None:
    rows = {Path(r["source_path"]).name: r for r in sample_run.rows("documents")}
    gold = _gold(name)["documents"]
    assert isinstance(gold, dict)
    got = {k: rows[name][k] for k in gold if gold[k] is not None}
    want = {k: str(v) for k, v in gold.items() if v is not None}
    assert got == want


def test_no_errors_on_samples(sample_run: RunOutput) -> None:
    assert sample_run.rows("errors") == []
    assert len(sample_run.rows("documents")) == len(SAMPLE_NAMES)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_no_running_headers_in_cleaned_text(sample_run: RunOutput, name: str) -> None:
    text = _text(sample_run, name)
    for furniture in FURNITURE:
        assert furniture not in text
    assert not re.search(r"^\d+ \(\d+\)$", text, re.MULTILINE)  # "2 (3)" page counters


@pytest.mark.parametrize("name", [n for n in SAMPLE_NAMES if "skannattu" not in n])
def test_cleaned_words_are_the_seeds_words(sample_run: RunOutput, name: str) -> None:
    seed = str(_gold(name)["seed"])
    seed_words = _seed_words(seed)
    words = [w.casefold() for w in _WORD.findall(_text(sample_run, name))]
    # Every hyphenated word in the output is a real compound of the seed, not `kau-pungin`.
    hyphenated = {w for w in words if "-" in w}
    assert hyphenated - seed_words == set()
    # And the words are the seed's: nothing glued together, nothing split apart.
    unknown = {w for w in words if w not in seed_words}
    assert len(unknown) <= 0.01 * len(set(words)), sorted(unknown)[:20]
    certain = _certain_seed_words(seed)
    missing = {w for w in certain if w not in set(words)}
    assert len(missing) <= 0.01 * len(certain), sorted(missing)[:20]


def test_scanned_sample_is_read_by_ocr(sample_run: RunOutput) -> None:
    scan = next(n for n in SAMPLE_NAMES if "skannattu" in n)
    rows = {Path(r["source_path"]).name: r for r in sample_run.rows("documents")}
    assert rows[scan]["ocr_pages"] == rows[scan]["pages"] != "0"
    words = set(_WORD.findall(_text(sample_run, scan).casefold()))
    seed_words = _seed_words(str(_gold(scan)["seed"]))
    assert len(seed_words & words) >= 0.9 * len(seed_words)
