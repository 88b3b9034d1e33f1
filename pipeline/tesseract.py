"""Run Tesseract on one image as a child process that never outlives the file it works for.

pytesseract leaves the `tesseract` process running when the call is interrupted (the file's
time limit, Ctrl-C) and writes its output to temporary files; here the words come on stdout, the
child dies with its parent and is killed on every way out of `image_data`.
"""

from __future__ import annotations

import csv
import ctypes
import io
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

# prctl(2) option: the signal a process gets when its parent dies.
_PR_SET_PDEATHSIG = 1
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
        preexec_fn=_die_with_parent if sys.platform == "linux" else None,
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


def _die_with_parent() -> None:
    # Runs in the child before exec: a worker ended by its parent takes Tesseract with it.
    ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
