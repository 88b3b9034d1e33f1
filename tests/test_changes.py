"""Changes between runs: `changes.csv`, `changes.jsonl`, `changes/` and `poimija changes`.

Three small minutes files are written here; between two runs one is edited (an amount), one is
deleted (and pruned) and one is added, so every expected row can be read off the texts below.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.batch import run_batch
from pipeline.cli import main
from pipeline.outputs.changes import parse_since, read_changes
from pipeline.settings import Settings

KUOPIO = """Kuopion kaupunki
Kaupunginhallitus
Pöytäkirja 16.09.2019

§ 81
Ihmiskeskeinen digitaalinen kunta -kehittämishanke

Hankkeen kokonaiskustannukset ovat 1.592.580 euroa.

Päätösehdotus
Kaupunginhallitus hyväksyy hakemuksen.

Päätös
Hyväksyttiin yksimielisesti.

§ 82
Kokouksen laillisuus

Päätös
Kaupunginhallitus totesi kokouksen lailliseksi ja päätösvaltaiseksi.
"""
PORVOO = """Porvoon kaupunki
Kaupunginhallitus
Pöytäkirja 22.01.2024

§ 25
Digiohjelma 2024-2026

Päätösehdotus
Kaupunginhallitus hyväksyy digiohjelman.

Päätös
Ehdotus hyväksyttiin.
"""
JOENSUU = """Joensuun kaupunki
Kaupunginhallitus
Pöytäkirja 07.03.2022

§ 12
Joensuun kaupungin digiohjelma 2022-2025

Päätösehdotus
Kaupunginhallitus hyväksyy digiohjelman.

Päätös
Hyväksyttiin.
"""

HASHES: dict[str, str] = {}


def _run(inputs: Path, out: Path) -> None:
    report = run_batch([inputs], Settings(out_dir=out, workers=1, timeout=0, prune=True))
    assert report.exit_code == 0


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _doc_ids(out: Path) -> dict[str, str]:
    return {Path(r["source_path"]).name: r["document_id"] for r in _rows(out / "documents.csv")}


def _hashes(out: Path) -> dict[str, str]:
    return {r["document_id"]: r["source_sha256"] for r in _rows(out / "documents.csv")}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], dict[str, str]]:
    # The IDs by file name of each run, and every document's source_sha256 (keyed by ID).
    """Two runs into one folder: the first over Kuopio and Porvoo, the second after the edits."""
    base = tmp_path_factory.mktemp("changes")
    inputs, out = base / "in", base / "out"
    inputs.mkdir()
    (inputs / "kuopio.txt").write_text(KUOPIO, encoding="utf-8")
    (inputs / "porvoo.txt").write_text(PORVOO, encoding="utf-8")
    _run(inputs, out)
    first = _doc_ids(out)
    HASHES.update(_hashes(out))
    (inputs / "kuopio.txt").write_text(
        KUOPIO.replace("1.592.580 euroa", "1.600.000 euroa"), encoding="utf-8"
    )
    (inputs / "porvoo.txt").unlink()
    (inputs / "joensuu.txt").write_text(JOENSUU, encoding="utf-8")
    _run(inputs, out)
    HASHES.update(_hashes(out))
    return out, first, _doc_ids(out)


def test_first_run_adds_every_record(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "porvoo.txt").write_text(PORVOO, encoding="utf-8")
    report = run_batch([inputs], Settings(out_dir=tmp_path / "out", workers=1, timeout=0))
    doc = _doc_ids(tmp_path / "out")["porvoo.txt"]
    rows = _rows(tmp_path / "out" / "changes.csv")
    assert [(r["table"], r["record_id"], r["change"], r["municipality"]) for r in rows] == [
        ("documents", doc, "added", "Porvoo"),
        ("decisions", f"{doc}:decision1", "added", "Porvoo"),
    ]
    assert rows[1]["summary"] == "§ 25 Digiohjelma 2024-2026"
    assert report.changes is not None
    assert str(report.changes) == "changes: 2 added, 0 changed, 0 removed"
    # An unchanged re-run changes nothing and keeps the first run's copy in changes/.
    again = run_batch([inputs], Settings(out_dir=tmp_path / "out", workers=1, timeout=0))
    assert str(again.changes) == "changes: 0 added, 0 changed, 0 removed"
    assert _rows(tmp_path / "out" / "changes.csv") == []
    assert len(list((tmp_path / "out" / "changes").glob("*.jsonl"))) == 1


def test_changes_after_editing_removing_and_adding_files(
    runs: tuple[Path, dict[str, str], dict[str, str]],
) -> None:
    out, first, second = runs
    old_k, new_k = first["kuopio.txt"], second["kuopio.txt"]
    p, j = first["porvoo.txt"], second["joensuu.txt"]
    assert old_k != new_k  # the edited file has a new ID; its items are paired by position
    rows = _rows(out / "changes.csv")
    keys = ("table", "record_id", "document_id", "municipality", "change", "fields")
    got = [tuple(r[k] for k in keys) for r in rows]
    old_quote = "Ihmiskeskeinen digitaalinen kunta -kehittämishanke Hankkeen kokonaiskustannukset"
    assert got == [
        ("documents", j, j, "Joensuu", "added", ""),
        ("documents", new_k, new_k, "Kuopio", "changed",
         f"document_id: {old_k} → {new_k} | source_sha256: "
         f"{HASHES[old_k]} → {HASHES[new_k]}"),
        ("documents", p, p, "Porvoo", "removed", ""),
        ("funding", f"{new_k}:funding1", new_k, "Kuopio", "changed",
         "amount_eur: 1592580.0 → 1600000.0 | amount_text: 1.592.580 euroa → 1.600.000 euroa"
         f" | quote: {old_quote} ovat 1.592.580 euroa. → {old_quote} ovat 1.600.000 euroa."),
        ("decisions", f"{j}:decision1", j, "Joensuu", "added", ""),
        ("decisions", f"{p}:decision1", p, "Porvoo", "removed", ""),
    ]  # fmt: skip
    # The JSON lines hold the same changes, each field change as {field, old, new}.
    lines = [json.loads(x) for x in (out / "changes.jsonl").read_text("utf-8").splitlines()]
    assert [(x["table"], x["change"]) for x in lines] == [(r[0], r[4]) for r in got]
    assert lines[3]["fields"][0] == {"field": "amount_eur", "old": "1592580.0", "new": "1600000.0"}
    assert len(list((out / "changes").glob("*.jsonl"))) == 2


def test_changes_command_filters_by_table_and_time(
    runs: tuple[Path, dict[str, str], dict[str, str]],
) -> None:
    out, _, second = runs
    result = CliRunner().invoke(main, ["changes", str(out), "--table", "decisions"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 2
    assert lines[0].endswith(f"added    decisions Joensuu: § 12 Joensuun kaupungin digiohjelma "
                             f"2022-2025  [{second['joensuu.txt']}:decision1]")  # fmt: skip
    assert " removed  decisions Porvoo: § 25 Digiohjelma 2024-2026  [" in lines[1]
    # --since reaches back over both runs (kept under changes/); the future has none.
    both = CliRunner().invoke(main, ["changes", str(out), "--since", "7d", "--json"])
    kinds = [json.loads(x)["change"] for x in both.output.splitlines()]
    # first run: 2 documents, 1 amount, 3 decisions; second: Joensuu and its decision
    assert kinds.count("added") == 6 + 2 and kinds.count("removed") == 2
    assert kinds.count("changed") == 2
    later = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)).isoformat()
    none = CliRunner().invoke(main, ["changes", str(out), "--since", later])
    assert none.output == "no changes\n"
    bad = CliRunner().invoke(main, ["changes", str(out), "--since", "soon"])
    assert bad.exit_code == 2 and "give today, yesterday" in bad.output


def test_since_words() -> None:
    now = dt.datetime(2026, 3, 10, 14, 30, tzinfo=dt.UTC)
    local = now.astimezone()
    assert parse_since("today", now) == local.replace(hour=0, minute=0, second=0)
    assert parse_since("yesterday", now) == local.replace(
        hour=0, minute=0, second=0
    ) - dt.timedelta(days=1)
    assert parse_since("36h", now) == now - dt.timedelta(hours=36)
    assert parse_since("2026-03-01T00:00:00Z", now) == dt.datetime(2026, 3, 1, tzinfo=dt.UTC)


def test_a_failure_to_read_the_previous_tables_keeps_the_run(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    (inputs / "porvoo.txt").write_text(PORVOO, encoding="utf-8")
    out.mkdir()
    (out / "decisions.csv").write_bytes(b"decision_id\n\xff\xfe not utf-8\n")
    report = run_batch([inputs], Settings(out_dir=out, workers=1, timeout=0))
    assert report.exit_code == 0
    assert str(report.changes).startswith(
        "changes not written: the previous tables could not be read: UnicodeDecodeError"
    )
    assert len(_rows(out / "decisions.csv")) == 1  # the run's tables are written
    assert not (out / "changes.csv").exists()
    assert read_changes(out) == []
