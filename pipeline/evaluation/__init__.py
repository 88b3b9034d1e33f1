"""Scoring a run against gold records written by reading the documents: the gold format,
record matching, per-table and per-field scores, and quote checks (`poimija eval`)."""
