"""Run settings: one validated model with defaults, overridable from the environment (POIMIJA_*)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# Seconds a file may take by default: a long scanned document OCRs well within it, and no
# input can hold a batch longer.
DEFAULT_TIMEOUT = 900.0
# MiB a worker may allocate for one file: the 1,000-page test PDF needs a few hundred.
DEFAULT_MAX_MEMORY = 1536


class Settings(BaseSettings):
    """Everything a run can be told; the CLI fills it from its options."""

    model_config = SettingsConfigDict(env_prefix="POIMIJA_", extra="forbid")

    out_dir: Path = Path("outputs")
    password: str | None = Field(default=None, description="password for encrypted PDFs")
    ocr_lang: str = Field(default="fin+swe", description="Tesseract languages for scanned pages")
    extractors: list[str] | None = Field(
        default=None, description="extractor names to run; None runs every registered one"
    )
    strict: bool = Field(default=False, description="raise on the first failing file")
    spacy_model: str = "spacy_fi_experimental_web_md"
    workers: int = Field(
        default_factory=lambda: os.cpu_count() or 1,
        ge=1,
        description="files processed at once in worker processes (in this process with one "
        "worker and no time limit), and Tesseracts run at once",
    )
    executor: Literal["local", "dask"] = Field(
        default="local", description="local (this machine) or dask (a dask.distributed cluster)"
    )
    scheduler: str | None = Field(
        default=None,
        description="address of the Dask scheduler (tcp://host:8786); none starts a local cluster",
    )
    timeout: float | None = Field(
        default=DEFAULT_TIMEOUT,
        ge=0,
        description="seconds one file may take before it is failed; 0 or None: no limit",
    )
    max_memory: int = Field(
        default=DEFAULT_MAX_MEMORY,
        ge=0,
        description="MiB a worker process may allocate beyond what it holds at its start "
        "(the spaCy model); 0: no limit",
    )
    force: bool = Field(default=False, description="re-extract every file, changed or not")
    reader: Literal["pdfium", "pdfplumber"] = Field(
        default="pdfium", description="PDF reader: pdfium (fast) or pdfplumber (the old reader)"
    )
    checksum: bool = Field(
        default=False,
        description="hash every input to find changes, not only those whose size or mtime changed",
    )
    prune: bool = Field(
        default=False, description="drop files no longer among the inputs from the outputs"
    )
    retry_failed: bool = Field(
        default=False, description="re-extract unchanged files that failed last time"
    )
