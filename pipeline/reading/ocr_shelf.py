"""The shelf: where OCR done ahead of the reader waits for it (see `pipeline.batch.ocr_ahead`).

A folder shared by a batch's processes. Each page OCR'd in one language is one entry, named by
the file (device, inode, size and mtime: the same file however its path is spelled), the page
and the languages. Whoever starts on an entry first claims it (an exclusive create), so that no
page is read twice; the result is written next to the claim and renamed into place whole. The
process ahead also marks the pages it plans to read, and a reader marks the files it has
begun, so that the process ahead leaves those alone, and the process ahead marks the files whose
structure it found within the limits, so that the reader does not walk it again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from pathlib import Path
from typing import Any

_PROC = Path("/proc")
# How often a reader looks whether the process ahead has finished a page it holds.
_POLL = 0.02


class Shelf:
    """One batch's shelf folder; `owner` is the pid of the process ahead (it may die)."""

    def __init__(self, folder: Path | str, owner: int) -> None:
        self.folder = Path(folder)
        self.owner = owner
        # With its start time, a pid the system has given to a new process is not taken for it.
        self._owner_start = _start_time(owner)

    def file_key(self, source: Path | str) -> str:
        """The file's name on the shelf: the same file under any path, a changed file anew."""
        st = os.stat(source)
        identity = f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"
        return hashlib.sha1(identity.encode(), usedforsecurity=False).hexdigest()[:20]

    def _path(self, key: str, index: int, lang: str, kind: str) -> Path:
        return self.folder / f"{key}-{index}-{lang}.{kind}"

    def take_file(self, key: str) -> None:
        """A reader has begun the file: the process ahead plans no more of it."""
        (self.folder / f"{key}.taken").touch()

    def taken(self, key: str) -> bool:
        """Whether a reader has begun the file."""
        return (self.folder / f"{key}.taken").exists()

    def mark_checked(self, key: str) -> None:
        """The file's structure is within the limits (`read.check_limits` passed)."""
        (self.folder / f"{key}.checked").touch()

    def checked(self, key: str) -> bool:
        """Whether the process ahead found the file's structure within the limits."""
        return (self.folder / f"{key}.checked").exists()

    def plan(self, key: str, index: int, lang: str) -> None:
        """The process ahead will read page `index` in `lang`."""
        (self.folder / f"{key}-{index}.plan").write_text(lang, encoding="ascii")

    def planned(self, key: str, index: int) -> str | None:
        """The languages the process ahead reads page `index` in, or None if it does not."""
        try:
            return (self.folder / f"{key}-{index}.plan").read_text(encoding="ascii")
        except OSError:
            return None

    def claim(self, key: str, index: int, lang: str) -> bool:
        """Claim the entry for this process; False when another process has it."""
        claim = self._path(key, index, lang, "claim")
        mine = claim.with_suffix(f".claiming{os.getpid()}")
        mine.write_text(str(os.getpid()), encoding="ascii")
        try:
            os.link(mine, claim)  # whole or not at all: the claim names its holder from the start
        except FileExistsError:
            return False
        finally:
            mine.unlink(missing_ok=True)
        return True

    def claimed(self, key: str, index: int, lang: str) -> bool:
        """Whether some process has claimed the entry."""
        return self._path(key, index, lang, "claim").exists()

    def release(self, key: str, index: int, lang: str) -> None:
        """Give a claimed entry up unread (its reader does it after all)."""
        self._path(key, index, lang, "claim").unlink(missing_ok=True)

    def store(self, key: str, index: int, lang: str, result: Any) -> None:
        """Put a claimed entry's result on the shelf, whole or not at all."""
        final = self._path(key, index, lang, "result")
        partial = final.with_suffix(f".part{os.getpid()}")
        partial.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(final)

    def fetch(self, key: str, index: int, lang: str) -> Any | None:
        """The entry's result if it is on the shelf."""
        try:
            data = self._path(key, index, lang, "result").read_bytes()
        except OSError:
            return None
        return pickle.loads(data)

    def wait(self, key: str, index: int, lang: str) -> Any | None:
        """The entry's result once the process ahead has it; None at once when the process
        ahead does not hold the entry (nobody does, or a reader that may have gone) or has
        gone itself: the reader then reads the page itself."""
        claim = self._path(key, index, lang, "claim")
        while True:
            result = self.fetch(key, index, lang)
            if result is not None:
                return result
            try:
                holder = int(claim.read_text(encoding="ascii"))
            except (OSError, ValueError):
                holder = None
            if holder != self.owner or not self._owner_alive():
                return self.fetch(key, index, lang)
            time.sleep(_POLL)

    def _owner_alive(self) -> bool:
        return _alive(self.owner) and _start_time(self.owner) == self._owner_start


def _start_time(pid: int) -> int | None:
    """When process `pid` started (clock ticks since boot), or None where /proc cannot tell."""
    try:
        stat = (_PROC / str(pid) / "stat").read_text(encoding="ascii", errors="replace")
        return int(stat[stat.rindex(")") + 2 :].split()[19])
    except (OSError, ValueError, IndexError):
        return None


def _alive(pid: int) -> bool:
    """Whether process `pid` still runs: a killed process its parent has not reaped yet (a
    zombie) answers signals but reads no more pages."""
    if not (_PROC / "self").exists():  # no /proc: ask the process
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    try:
        stat = (_PROC / str(pid) / "stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    # "pid (name) state ...": the name may hold spaces and parentheses, the state follows the last.
    return stat[stat.rindex(")") + 2 :][:1] not in ("Z", "X")


_shelf: Shelf | None = None


def use(shelf: Shelf | None) -> None:
    """Let this process's readers take OCR from `shelf` (None: read every page themselves)."""
    global _shelf
    _shelf = shelf


def current() -> Shelf | None:
    """The shelf this process's readers use, if any."""
    return _shelf


def limits_checked(path: Path) -> bool:
    """Whether the process ahead has checked this very file against the limits already."""
    shelf = _shelf
    if shelf is None:
        return False
    try:
        return shelf.checked(shelf.file_key(path))
    except OSError:
        return False
