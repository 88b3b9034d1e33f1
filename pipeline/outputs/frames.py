"""Typed tables for analysts: schema → Arrow/pandas types, Parquet files, a DuckDB file, `load()`.

The column types come from the pydantic models in `schemas/records.py`, so Parquet, DuckDB and
pandas agree with the CSVs: ints and floats are numbers, bools are nullable booleans, dates and
UTC datetimes are temporal, enums are strings (categoricals in pandas, with the vocabulary as
categories) and list fields are list columns. Every frame is built from an Arrow table, whether
the table came from Parquet or from a CSV, so `load()` gives the same frames either way.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import os
import secrets
import tempfile
import types
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, Union, get_args, get_origin

import pyarrow as pa
import pyarrow.parquet as pq

from schemas.records import TABLES, Record

if TYPE_CHECKING:  # pandas is imported by the frames only: a run writing tables needs none
    import pandas as pd

PARQUET_DIR = "parquet"
DUCKDB_NAME = "poimija.duckdb"
# Parquet metadata key holding the SHA-256 of the CSV written in the same run: `load()` trusts a
# Parquet file only while it still matches its CSV (a run killed between the two, or one without
# pyarrow, leaves an older Parquet beside a newer CSV).
STAMP_KEY = b"poimija.csv_sha256"

Kind = Literal["str", "int", "float", "bool", "date", "datetime", "enum", "list"]

_ARROW: dict[type, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
    dt.date: pa.date32(),
    dt.datetime: pa.timestamp("us", tz="UTC"),
}
_KINDS: dict[type, Kind] = {
    str: "str",
    int: "int",
    float: "float",
    bool: "bool",
    dt.date: "date",
    dt.datetime: "datetime",
}


@cache
def _pandas_scalars() -> dict[pa.DataType, Any]:
    """Nullable pandas dtypes, so a missing int stays an int column (not float with NaN)."""
    import pandas as pd

    return {
        pa.string(): pd.StringDtype(),
        pa.int64(): pd.Int64Dtype(),
        pa.float64(): pd.Float64Dtype(),
        pa.bool_(): pd.BooleanDtype(),
    }


DATE_DTYPE: Final = "datetime64[us]"  # pandas has no date dtype; the unit pd.to_datetime gives
DATETIME_DTYPE: Final = "datetime64[us, UTC]"

_UMASK = os.umask(0o022)  # read once (the call sets it), then put back
os.umask(_UMASK)


@dataclass(frozen=True)
class Column:
    """One column of a table: its name, kind, Arrow type and (for enums) its vocabulary."""

    name: str
    kind: Kind
    arrow: pa.DataType
    nullable: bool
    categories: tuple[str, ...] = ()


@cache
def table_columns(model: type[Record]) -> tuple[Column, ...]:
    """The typed columns of a table model, in CSV column order."""
    fields = model.model_fields
    return tuple(_column(name, fields[name].annotation) for name in model.columns())


def _column(name: str, annotation: Any) -> Column:
    args = get_args(annotation)
    nullable = get_origin(annotation) in (Union, types.UnionType) and type(None) in args
    if nullable:
        (annotation,) = [a for a in args if a is not type(None)]
    origin = get_origin(annotation)
    if origin in (list, tuple):  # list fields, and the bbox tuple
        item = get_args(annotation)[0]
        return Column(name, "list", pa.list_(_ARROW[item]), nullable)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        values = tuple(str(member.value) for member in annotation)
        return Column(name, "enum", pa.string(), nullable, values)
    if annotation not in _ARROW:
        raise TypeError(
            f"{name}: no column type for {annotation!r}; add it to pipeline/outputs/frames.py"
        )
    return Column(name, _KINDS[annotation], _ARROW[annotation], nullable)


def arrow_schema(model: type[Record]) -> pa.Schema:
    """The Arrow schema of a table (also its Parquet and DuckDB column types)."""
    return pa.schema([pa.field(c.name, c.arrow, c.nullable) for c in table_columns(model)])


def to_arrow(model: type[Record], records: Sequence[Record]) -> pa.Table:
    """Records of one table as a typed Arrow table (an empty table keeps its columns)."""
    dumps = [record.model_dump(mode="python") for record in records]
    arrays = [pa.array([d[c.name] for d in dumps], c.arrow) for c in table_columns(model)]
    return pa.Table.from_arrays(arrays, schema=arrow_schema(model))


def to_frame(model: type[Record], table: pa.Table) -> pd.DataFrame:
    """A typed Arrow table as a pandas DataFrame with the dtypes `dtypes()` lists."""
    import pandas as pd

    frame: pd.DataFrame = table.to_pandas(types_mapper=_pandas_scalars().get)
    for column in table_columns(model):
        if column.kind == "list":
            # Plain Python lists (not numpy arrays) so `explode` and `==` behave as expected.
            frame[column.name] = pd.Series(
                table.column(column.name).to_pylist(), index=frame.index, dtype=object
            )
        elif column.kind == "enum":
            vocabulary = pd.CategoricalDtype(list(column.categories))
            frame[column.name] = frame[column.name].astype(vocabulary)
        elif column.kind == "date":
            frame[column.name] = frame[column.name].astype(DATE_DTYPE)
        elif column.kind == "datetime":
            frame[column.name] = frame[column.name].astype(DATETIME_DTYPE)
    return frame


def dtypes(model: type[Record]) -> dict[str, Any]:
    """The pandas dtype of every column of a table (`object` for list columns)."""
    return dict(to_frame(model, to_arrow(model, [])).dtypes)


def records_frame(model: type[Record], records: Sequence[Record]) -> pd.DataFrame:
    """Records of one table as a typed DataFrame."""
    return to_frame(model, to_arrow(model, records))


def write_parquet(
    out_dir: Path, tables: Mapping[str, pa.Table], stamps: Mapping[str, str]
) -> list[Path]:
    """Write `parquet/<table>.parquet` per table, each stamped with its CSV's SHA-256."""
    paths = []
    for name, table in tables.items():
        path = out_dir / PARQUET_DIR / f"{name}.parquet"
        stamped = table.replace_schema_metadata({STAMP_KEY: stamps[name].encode()})
        with _atomic(path, create=True) as tmp:
            pq.write_table(stamped, tmp)
        paths.append(path)
    return paths


def write_duckdb(out_dir: Path, tables: Mapping[str, pa.Table]) -> Path:
    """Write `poimija.duckdb` with one typed table per output table."""
    import duckdb  # here, so a missing duckdb costs the database only, not the Parquet files

    path = out_dir / DUCKDB_NAME
    with _atomic(path, create=False) as tmp:
        con = duckdb.connect(str(tmp))
        try:
            for name, table in tables.items():
                con.register("incoming", table)
                con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM incoming')
                con.unregister("incoming")
        finally:
            con.close()  # checkpoints: the write-ahead log is folded in and removed
    return path


@contextmanager
def _atomic(path: Path, *, create: bool) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it is renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if create:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
    else:  # DuckDB refuses to open an existing empty file, so only pick an unused name
        name = str(path.parent / f".{path.name}.{secrets.token_hex(8)}.tmp")
    tmp = Path(name)
    try:
        yield tmp
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, 0o666 & ~_UMASK)  # like any file the user writes, as export.py does
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)


def load(out_dir: str | os.PathLike[str]) -> dict[str, pd.DataFrame]:
    """The five tables of a run folder as typed DataFrames (from Parquet when current, else CSV)."""
    folder = Path(out_dir)
    return {name: to_frame(model, read_table(folder, name)) for name, model in TABLES.items()}


def read_table(out_dir: Path, name: str) -> pa.Table:
    """One table of a run folder as a typed Arrow table: its Parquet file if current, else CSV."""
    model = TABLES[name]
    csv_path = out_dir / f"{name}.csv"
    parquet_path = out_dir / PARQUET_DIR / f"{name}.parquet"
    if parquet_path.is_file():
        table = pq.read_table(parquet_path)
        stamp = (table.schema.metadata or {}).get(STAMP_KEY, b"").decode()
        current = not csv_path.is_file() or stamp == file_sha256(csv_path)
        if current and table.schema.equals(arrow_schema(model), check_metadata=False):
            return table.replace_schema_metadata(None)
    if not csv_path.is_file():
        raise FileNotFoundError(f"{csv_path} not found: is {out_dir} a poimija output folder?")
    with csv_path.open(encoding="utf-8", newline="") as fh:
        records = [model.from_row(row) for row in csv.DictReader(fh)]
    return to_arrow(model, records)


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def text_sha256(text: str) -> str:
    """Hex SHA-256 of text as written to an output file (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
