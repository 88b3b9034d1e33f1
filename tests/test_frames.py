"""Outputs for analysts: typed Parquet files, poimija.duckdb and `pipeline.load()`.

Values asserted here are read from the sample PDFs (see samples/gold/00[23]_*.json).
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import pipeline
import pipeline.outputs
from pipeline.outputs import frames
from pipeline.outputs.export import csv_text, write_outputs
from pipeline.run import DocumentResult, run_files
from pipeline.settings import Settings
from schemas.examples import FILLED, MINIMAL
from schemas.records import TABLES, Action, Record
from schemas.vocab import Outcome
from tests.conftest import SAMPLES

PORVOO = SAMPLES / "002_porvoo_kh_2024-01-22_digiohjelma.pdf"
KUOPIO = SAMPLES / "003_kuopio_kh_2019_idk_hanke.pdf"


@pytest.fixture(scope="module")
def results() -> list[DocumentResult]:
    """The pipeline's results for the Porvoo and Kuopio minutes (no actions in either)."""
    return run_files([PORVOO, KUOPIO], Settings())


@pytest.fixture(scope="module")
def out_dir(results: list[DocumentResult], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A run folder written by `write_outputs` (tests that change a folder use a copy)."""
    folder = tmp_path_factory.mktemp("frames-out")
    write_outputs(folder, results)
    return folder


def _copy(out_dir: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(out_dir, tmp_path / "out"))


def _leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.startswith(".") or p.suffix in (".tmp", ".wal")]


def test_load_gives_the_values_printed_in_the_minutes(out_dir: Path) -> None:
    tables = pipeline.load(out_dir)
    assert list(tables) == list(TABLES)
    docs = tables["documents"].set_index("municipality")
    assert docs.loc["Kuopio", "meeting_date"] == pd.Timestamp("2019-09-16")
    assert docs.loc["Porvoo", "municipality_code"] == "638"
    assert docs.loc["Porvoo", "pages"] == 2

    funding = tables["funding"]
    total = funding[funding["role"] == "total_cost"].iloc[0]
    assert total["amount_eur"] == 1592580.0
    assert total["amount_text"] == "1.592.580 €"
    assert total["period_start"] == pd.Timestamp("2020-01-01")
    assert total["period_end"] == pd.Timestamp("2022-12-31")
    annual = funding[funding["per_year"]]
    assert annual["amount_eur"].tolist() == [75716.0]

    decisions = tables["decisions"].set_index("section")
    assert decisions.loc["25", "case_number"] == "118/07.01.02/2024"
    assert decisions.loc["25", "preparers"] == ["kehitysjohtaja Charlotta Grönqvist"]
    assert decisions.loc["81", "classification"] == "02.05.02.01"
    assert decisions["unanimous"].tolist() == [True, True]
    assert decisions["outcome"].tolist() == ["approved", "approved"]
    assert decisions["votes_for"].isna().all()


def test_duckdb_answers_sql_with_typed_values(out_dir: Path) -> None:
    with duckdb.connect(str(out_dir / frames.DUCKDB_NAME), read_only=True) as con:
        rows = con.execute(
            """
            SELECT d.section, d.meeting_date, f.amount_eur, f.period_end
            FROM funding f JOIN decisions d USING (decision_id)
            WHERE f.role = 'total_cost'
            """
        ).fetchall()
        assert rows == [("81", dt.date(2019, 9, 16), 1592580.0, dt.date(2022, 12, 31))]
        preparers = con.execute("SELECT preparers FROM decisions WHERE section = '25'").fetchone()
        assert preparers == (["kehitysjohtaja Charlotta Grönqvist"],)
        types = dict(
            con.execute(
                "SELECT table_name || '.' || column_name, data_type FROM information_schema.columns"
            ).fetchall()
        )
    assert types["documents.pages"] == "BIGINT"
    assert types["documents.extracted_at"] == "TIMESTAMP WITH TIME ZONE"
    assert types["documents.warnings"] == "VARCHAR[]"
    assert types["funding.amount_eur"] == "DOUBLE"
    assert types["funding.period_start"] == "DATE"
    assert types["funding.per_year"] == "BOOLEAN"
    assert types["actions.years"] == "BIGINT[]"
    assert types["themes.bbox"] == "DOUBLE[]"


def test_duckdb_has_every_table_with_the_csv_columns_and_row_counts(out_dir: Path) -> None:
    counts = {}
    with duckdb.connect(str(out_dir / frames.DUCKDB_NAME), read_only=True) as con:
        for name, model in TABLES.items():
            csv_rows = pd.read_csv(out_dir / f"{name}.csv", dtype=str)
            described = con.execute(f'DESCRIBE "{name}"').fetchall()
            assert [row[0] for row in described] == list(csv_rows.columns) == model.columns()
            [(counts[name],)] = con.execute(f'SELECT count(*) FROM "{name}"').fetchall()
            assert counts[name] == len(csv_rows), name
    assert counts == {"documents": 2, "themes": 7, "actions": 0, "funding": 5, "decisions": 2}


def test_frame_dtypes_follow_the_schema(out_dir: Path) -> None:
    tables = pipeline.load(out_dir)
    docs, funding, decisions = tables["documents"], tables["funding"], tables["decisions"]
    assert docs["pages"].dtype == "Int64"
    assert docs["period_start"].dtype == "Int64"  # empty in minutes, still an int column
    assert docs["meeting_date"].dtype == "datetime64[us]"
    assert docs["extracted_at"].dtype == "datetime64[us, UTC]"
    assert docs["municipality"].dtype == "string"
    assert funding["amount_eur"].dtype == "Float64"
    assert funding["per_year"].dtype == "boolean"
    assert decisions["unanimous"].dtype == "boolean"
    assert decisions["votes_for"].dtype == "Int64"
    outcome = decisions["outcome"].dtype
    assert isinstance(outcome, pd.CategoricalDtype)
    assert list(outcome.categories) == [o.value for o in Outcome]
    assert all(isinstance(v, list) for v in decisions["attachments"])
    assert all(v == [] for v in docs["warnings"])
    for name, model in TABLES.items():
        assert dict(tables[name].dtypes) == frames.dtypes(model), name


def test_empty_table_keeps_its_typed_columns(out_dir: Path) -> None:
    actions = pipeline.load(out_dir)["actions"]
    assert actions.empty
    assert list(actions.columns) == Action.columns()
    assert actions["years"].dtype == object
    assert actions["start_year"].dtype == "Int64"
    assert actions["state_funded"].dtype == "boolean"
    schema = pq.read_schema(out_dir / "parquet" / "actions.parquet")
    assert schema.equals(frames.arrow_schema(Action), check_metadata=False)
    years = schema.field("years").type
    assert pa.types.is_list(years) and years.value_type == pa.int64()


def test_parquet_and_csv_give_equal_frames(out_dir: Path, tmp_path: Path) -> None:
    from_parquet = pipeline.load(out_dir)
    csv_only = _copy(out_dir, tmp_path)
    shutil.rmtree(csv_only / "parquet")
    from_csv = pipeline.load(csv_only)
    for name in TABLES:
        pd.testing.assert_frame_equal(from_parquet[name], from_csv[name], check_exact=True)


@pytest.mark.parametrize("examples", [MINIMAL, FILLED], ids=["minimal", "filled"])
def test_every_field_type_survives_parquet_and_csv(
    examples: dict[str, Record], tmp_path: Path
) -> None:
    # The samples have no actions, bboxes or votes; the schema's examples have every field type.
    tables = {name: [record] for name, record in examples.items()}
    arrow = {name: frames.to_arrow(TABLES[name], recs) for name, recs in tables.items()}
    for name, model in TABLES.items():
        text = csv_text(model.columns(), (r.to_row() for r in tables[name]))
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
    stamps = {name: frames.file_sha256(tmp_path / f"{name}.csv") for name in TABLES}
    from_csv = pipeline.load(tmp_path)
    frames.write_parquet(tmp_path, arrow, stamps)
    from_parquet = pipeline.load(tmp_path)
    for name, record in examples.items():
        pd.testing.assert_frame_equal(from_parquet[name], from_csv[name], check_exact=True)
        row = from_parquet[name].iloc[0]
        for field, value in record.model_dump(mode="python").items():
            got = row[field]
            if isinstance(value, tuple):  # bbox
                value = list(value)
            if value is None:
                assert pd.isna(got), field
            elif isinstance(value, dt.date):
                assert got == pd.Timestamp(value), field
            else:
                assert got == value, field


def test_load_ignores_a_parquet_file_older_than_its_csv(out_dir: Path, tmp_path: Path) -> None:
    # As after a run killed between the CSVs and the Parquet files: the CSV wins.
    folder = _copy(out_dir, tmp_path)
    lines = (folder / "funding.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (folder / "funding.csv").write_text("".join(lines[:2]), encoding="utf-8")
    assert len(pipeline.load(folder)["funding"]) == 1
    assert len(pipeline.load(out_dir)["funding"]) == 5


def test_no_temporary_files_are_left_behind(out_dir: Path) -> None:
    assert _leftovers(out_dir) == []
    assert sorted(p.name for p in (out_dir / "parquet").iterdir()) == sorted(
        f"{name}.parquet" for name in TABLES
    )


def test_a_failed_database_write_keeps_the_old_file(out_dir: Path, tmp_path: Path) -> None:
    folder = _copy(out_dir, tmp_path)
    before = (folder / frames.DUCKDB_NAME).read_bytes()
    with pytest.raises(Exception):  # noqa: B017 - any error DuckDB raises for a non-table
        frames.write_duckdb(folder, {"documents": object()})
    assert (folder / frames.DUCKDB_NAME).read_bytes() == before
    assert _leftovers(folder) == []


def test_missing_duckdb_is_a_one_line_warning(
    results: list[DocumentResult],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    write_outputs(tmp_path, results)
    monkeypatch.setitem(sys.modules, "duckdb", None)  # `import duckdb` now fails
    with caplog.at_level(logging.WARNING, logger="pipeline.outputs.export"):
        write_outputs(tmp_path, results)
    [record] = caplog.records
    assert record.getMessage() == (
        "DuckDB output skipped: duckdb is not installed (pip install duckdb)"
        " (removed 1 stale file(s))"
    )
    assert not (tmp_path / frames.DUCKDB_NAME).exists()
    assert len(pipeline.load(tmp_path)["funding"]) == 5
    assert (tmp_path / "parquet" / "funding.parquet").is_file()


def test_missing_pyarrow_still_writes_csv_and_json(
    results: list[DocumentResult],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    write_outputs(tmp_path, results)  # an earlier run, with Parquet and DuckDB
    (tmp_path / "funding.csv").unlink()
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # `import pyarrow` now fails
    monkeypatch.delitem(sys.modules, "pipeline.outputs.frames")
    monkeypatch.delattr(pipeline.outputs, "frames")
    with caplog.at_level(logging.WARNING, logger="pipeline.outputs.export"):
        counts = write_outputs(tmp_path, results)
    assert counts["funding"] == 5
    assert [r.getMessage() for r in caplog.records] == [
        "Parquet and DuckDB outputs skipped: pyarrow is not installed (pip install pyarrow)"
        " (removed 6 stale file(s))"
    ]
    assert (tmp_path / "funding.csv").is_file()
    assert len(list((tmp_path / "json").glob("*.json"))) == 2
    assert list((tmp_path / "parquet").iterdir()) == []
    assert not (tmp_path / frames.DUCKDB_NAME).exists()


def test_import_pipeline_does_not_import_pandas() -> None:
    code = "import sys, pipeline; print('pandas' in sys.modules, 'pyarrow' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
