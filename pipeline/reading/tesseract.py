"""Run Tesseract on one image as a child process that never outlives the file it works for.

pytesseract leaves the `tesseract` process running when the call is interrupted (the file's
time limit, Ctrl-C) and writes its output to temporary files; here the words come on stdout, the
child dies with its parent and is killed on every way out of `image_data`.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
from pathlib import Path
from typing import Any

from pipeline.processes import die_with_parent

_NUMBERS = ("left", "top", "width", "height")
# A line of `tesseract --list-langs` that names a language (the others are headers).
_LANGUAGE = re.compile(r"^[a-z_]+$")


class TesseractError(RuntimeError):
    """Tesseract exited with an error."""


def languages() -> list[str]:
    """The languages the installed Tesseract reads (`tesseract --list-langs`, as pytesseract's
    `get_languages` parses it, without importing pytesseract and the pandas it brings)."""
    result = subprocess.run(
        ["tesseract", "--list-langs"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    if result.returncode not in (0, 1):
        raise TesseractError(f"tesseract --list-langs failed (exit {result.returncode})")
    lines = result.stdout.decode("utf-8", "replace").splitlines()
    return [line.strip() for line in lines if _LANGUAGE.match(line.strip())]


def image_data(image: Path, *, lang: str, config: tuple[str, ...] = ()) -> dict[str, list[Any]]:
    """Tesseract's TSV for `image` as columns (pytesseract's `Output.DICT`): text, conf, boxes."""
    command = ["tesseract", str(image), "stdout", "-l", lang, *config, "tsv"]
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        preexec_fn=die_with_parent,  # ended with its worker, whatever ends that
    )
    try:
        out, err = process.communicate()
    finally:
        # Interrupted (a time limit, Ctrl-C): the child goes too, not on in the background.
        if process.poll() is None:
            process.kill()
            process.wait()
    if process.returncode:
        message = " ".join(err.decode("utf-8", "replace").split())[:200]
        raise TesseractError(f"Tesseract failed (exit {process.returncode}): {message}")
    reader = csv.DictReader(
        io.StringIO(out.decode("utf-8", "replace")), delimiter="\t", quoting=csv.QUOTE_NONE
    )
    columns: dict[str, list[Any]] = {name: [] for name in ("text", "conf", *_NUMBERS)}
    for row in reader:
        columns["text"].append(row.get("text") or "")
        columns["conf"].append(float(row.get("conf") or -1))
        for name in _NUMBERS:
            columns[name].append(int(row.get(name) or 0))
    return columns
