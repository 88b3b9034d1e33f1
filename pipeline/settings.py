"""Run settings: one validated model with defaults, overridable from the environment (POIMIJA_*)."""

from __future__ import annotations

from pathlib import Path

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
