"""A per-file time limit, enforced inside whichever thread or process runs the file.

In a main thread (serial runs, process-pool workers) SIGALRM interrupts the work; in any other
thread (Dask workers run tasks in threads) a watchdog timer raises an exception in the working
thread with `PyThreadState_SetAsyncExc`. Both fire again every `_REPEAT` seconds until the work
ends, because library code with a broad `except Exception` may swallow the first one.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from types import FrameType, TracebackType

from pipeline.errors import FileTimeoutError

_REPEAT = 0.25


class _Expired(BaseException):
    """Raised into the working code; a BaseException so that `except Exception` lets it pass."""


class TimeLimit:
    """Context manager: interrupt the block when `seconds` have passed (None or 0: no limit).

    Set `stage` as the work goes on. An interrupted block ends quietly with `interrupted` set;
    `error()` then gives the FileTimeoutError to record.
    """

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.stage = "run"
        self.interrupted = False
        self._done = False
        self._lock = threading.Lock()
        self._fired = False
        self._thread_id = threading.get_ident()
        self._watchdog: threading.Thread | None = None
        self._stop = threading.Event()
        self._previous_handler: object = None

    def __enter__(self) -> TimeLimit:
        if not self.seconds:
            return self
        self._thread_id = threading.get_ident()
        if threading.current_thread() is threading.main_thread():
            self._previous_handler = signal.signal(signal.SIGALRM, self._on_alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds, _REPEAT)
        else:
            self._watchdog = threading.Thread(target=self._watch, daemon=True)
            self._watchdog.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        # The limit may fire once more while it is being switched off: retry until it is off.
        while True:
            try:
                self._disarm()
                break
            except _Expired:
                continue
        if exc_type is not None and issubclass(exc_type, _Expired):
            self.interrupted = True
            return True  # the caller records the timeout as the file's result
        return False

    def error(self) -> FileTimeoutError:
        """The error to record for a file that hit the limit."""
        error = FileTimeoutError(
            f"took longer than the {self.seconds:g} s limit (--timeout) in stage {self.stage}"
        )
        error.stage = self.stage
        return error

    def _disarm(self) -> None:
        if not self.seconds:
            return
        if self._watchdog is None:
            # No lock here: the handler runs in this very thread.
            self._done = True
            signal.setitimer(signal.ITIMER_REAL, 0, 0)
            signal.signal(signal.SIGALRM, self._previous_handler)  # type: ignore[arg-type]
            return
        with self._lock:
            self._done = True
        self._stop.set()
        self._watchdog.join()
        if self._fired:
            # Sent but perhaps not yet raised (the work ended first): withdraw it.
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._thread_id), None)

    def _on_alarm(self, signum: int, frame: FrameType | None) -> None:
        if not self._done:
            raise _Expired

    def _watch(self) -> None:
        assert self.seconds is not None
        wait = self.seconds
        while not self._stop.wait(wait):
            with self._lock:
                if self._done:
                    return
                self._fired = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    ctypes.c_ulong(self._thread_id), ctypes.py_object(_Expired)
                )
            wait = _REPEAT
