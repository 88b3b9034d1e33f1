"""Run Tesseract on one image as a child process that never outlives the file it works for.

pytesseract leaves the `tesseract` process running when the call is interrupted (the file's
time limit, Ctrl-C) and writes its output to temporary files; here the words come on stdout, the
child dies with its parent and is killed on every way out of `image_data`.
"""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path
from typing import Any

from pipeline.processes import die_with_parent

_NUMBERS = ("left", "top", "width", "height")


class TesseractError(RuntimeError):
    """Tesseract exited with an error."""


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
