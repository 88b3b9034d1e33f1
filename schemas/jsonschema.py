"""JSON Schema of every output table, generated from the pydantic models."""

from __future__ import annotations

from typing import Any

from schemas.records import SCHEMA_VERSION, TABLES


def table_schemas() -> dict[str, dict[str, Any]]:
    """One JSON Schema per table name, each carrying the schema version."""
    out: dict[str, dict[str, Any]] = {}
    for name, model in TABLES.items():
        schema = model.model_json_schema()
        schema["$id"] = f"poimija/{SCHEMA_VERSION}/{name}.schema.json"
        schema["title"] = name
        schema["x-schema-version"] = SCHEMA_VERSION
        out[name] = schema
    return out
