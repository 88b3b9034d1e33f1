"""The README documents what exists: the two-command quick start, every command, the examples."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import extractors
from extractors import registry
from pipeline.cli import main
from schemas.records import TABLES
from tests.conftest import ROOT
from tests.pdfgen import text_pdf

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, re.S | re.M)
    assert match, title
    return match.group(1)


def test_quick_start_is_two_commands_and_ci_runs_the_second() -> None:
    blocks = re.findall(r"```sh\n(.*?)```", _section("Quick start"), re.S)
    assert len(blocks) == 1
    commands = [line for line in blocks[0].splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    # Nothing clever: the script only moves to the project root and runs the README's command.
    steps = [ln for ln in ci.splitlines() if ln and not ln.startswith(("#", "set ", "cd "))]
    assert steps == ["make test"]


@pytest.mark.parametrize("name", main.list_commands(click.Context(main)))  # type: ignore[attr-defined]
def test_every_command_has_help_and_is_documented(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"### `poimija {name}" in README


def test_every_run_option_is_documented() -> None:
    command = main.commands["run"]  # type: ignore[attr-defined]
    for param in command.params:
        if isinstance(param, click.Option):
            assert any(f"`{opt}" in README for opt in param.opts), param.opts


def test_every_table_is_documented() -> None:
    for table in TABLES:
        assert f"`{table}.csv`" in README


def test_readme_extractor_example_works(tmp_path: Path) -> None:
    block = re.search(r"```python\n(# extractors/example\.py.*?)```", README, re.S)
    assert block
    namespace: dict[str, object] = {}
    try:
        exec(compile(block.group(1), "README example", "exec"), namespace)
        assert "example-themes" in extractors.available()
        from pipeline.run import process_file
        from pipeline.settings import Settings

        pdf = tmp_path / "slide.pdf"
        lines = ["**Sähköinen kohtaaminen**", "Porvoon kaupungin digiohjelma 2020-2023"]
        text_pdf(pdf, [lines], landscape=True)
        result = process_file(pdf, Settings(extractors=["example-themes"]))
        assert result.errors == []
        themes = result.records["themes"]
        assert [(t.name, t.page, t.theme_id) for t in themes] == [  # type: ignore[attr-defined]
            ("Sähköinen kohtaaminen", 1, f"{result.document.document_id}:theme1")  # type: ignore[union-attr]
        ]
    finally:
        registry._REGISTRY.pop("example-themes", None)
