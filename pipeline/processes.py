"""Ties between a run and the processes it starts: they die with it, and their memory is capped.

Linux only (`prctl(PR_SET_PDEATHSIG)`, `/proc`); elsewhere these are no-ops.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import os
import re
import resource
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

# prctl(2) option: the signal a process gets when its parent dies.
_PR_SET_PDEATHSIG = 1
_VM = re.compile(r"^(VmSize|VmPeak):\s+(\d+) kB$", re.M)
# How often a process waiting for a slot looks again (a Tesseract page takes a second or so).
_SLOT_POLL = 0.02
# Within this many bytes of the cap, an allocation that failed is taken to have hit it.
_NEAR = 64 << 20
_cap: int | None = None  # this process's cap, once set
# Looked up once, here: in a child between fork and exec (Tesseract's start) loading a library
# could wait for a lock another thread of the parent held.
_prctl = ctypes.CDLL(None).prctl if sys.platform == "linux" else None


def die_with_parent(parent: int | None = None) -> None:
    """Have the kernel kill this process when its parent dies; with `parent`, exit at once if
    that parent is already gone. A killed run (kill -9, the OOM killer) then leaves no workers
    (each ~0.5 GB) or Tesseract processes behind."""
    if _prctl is None:
        return
    _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if parent is not None and os.getppid() != parent:  # it died before the request was in place
        os._exit(1)


def cap_memory(headroom_mib: int) -> int | None:
    """Limit this process (and what it starts) to its present address space plus `headroom_mib`
    MiB; returns the limit in bytes, or None where there is none (0, or not Linux).

    An allocation past it fails (MemoryError in Python, a failed bitmap in PDFium), so one file
    fails instead of the machine's out-of-memory killer ending a worker or the whole run.
    """
    global _cap
    if not headroom_mib or sys.platform != "linux":
        return None
    limit = address_space()["VmSize"] + headroom_mib * (1 << 20)
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    _cap = limit
    return limit


def address_space() -> dict[str, int]:
    """This process's address space now (VmSize) and at its largest so far (VmPeak), in bytes."""
    if sys.platform != "linux":
        return {"VmSize": 0, "VmPeak": 0}
    status = Path("/proc/self/status").read_text(encoding="ascii")
    return {name: int(kib) * 1024 for name, kib in _VM.findall(status)}


def hit_cap(peak_before: int) -> bool:
    """Whether this process came up against its cap since its peak was `peak_before`.

    Running out shows in many guises (MemoryError, a library's wrapper around it, a half-built
    object that fails later), so the address space tells, not the exception.
    """
    peak = address_space()["VmPeak"]
    return _cap is not None and peak > peak_before and peak >= _cap - _NEAR


class Slots:
    """At most `count` holders at once across processes, kept as locks on files in `folder`:
    the kernel releases a lock when its holder dies, so a killed process (a worker ended at its
    time limit, the process reading ahead killed by the OOM killer) never keeps a slot."""

    def __init__(self, folder: Path | str, count: int) -> None:
        self.folder, self.count = Path(folder), max(1, count)
        for n in range(self.count):
            (self.folder / f"slot-{n}").touch()

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Hold a slot for the block, waiting for one to come free."""
        fd = self._take()
        try:
            yield
        finally:
            os.close(fd)  # closing the file gives its lock up

    def _take(self) -> int:
        while True:
            for n in range(self.count):
                fd = os.open(self.folder / f"slot-{n}", os.O_RDONLY)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    os.close(fd)
                    continue
                return fd
            time.sleep(_SLOT_POLL)
