"""Run settings: one validated model with defaults, overridable from the environment (POIMIJA_*)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


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
        description="files processed at once; 1 runs in this process, more use a process pool",
    )
    executor: Literal["local", "dask"] = Field(
        default="local", description="local (this machine) or dask (a dask.distributed cluster)"
    )
    scheduler: str | None = Field(
        default=None,
        description="address of the Dask scheduler (tcp://host:8786); none starts a local cluster",
    )
    timeout: float | None = Field(
        default=None, gt=0, description="seconds one file may take before it is failed"
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
