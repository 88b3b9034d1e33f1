"""What a run writes and how it is read back: CSV, JSONL, Parquet and DuckDB outputs written
atomically, the typed pandas frames of `pipeline.load`, and the changes between runs."""
