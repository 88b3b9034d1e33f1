"""poimija's exceptions: one small hierarchy, each a one-line reason fit for errors.csv."""

from __future__ import annotations


class PoimijaError(Exception):
    """Base of every error poimija raises on purpose."""

    stage = "run"


class ReadError(PoimijaError):
    """A file could not be read as a document."""

    stage = "read"


class EmptyDocumentError(ReadError):
    """A file holds no pages or no bytes."""


class EncryptedDocumentError(ReadError):
    """A PDF is encrypted and no (correct) password was given."""


class UnsupportedFormatError(ReadError):
    """A file's content is not a format poimija reads."""


class ExtractionError(PoimijaError):
    """An extractor failed on a document."""

    stage = "extract"


class UnknownExtractorError(PoimijaError, KeyError):
    """An extractor name is not registered."""

    stage = "config"


class CompareError(PoimijaError):
    """A run's output folder cannot be compared (not a run, unreadable tables)."""

    stage = "compare"


class FileTimeoutError(PoimijaError):
    """A file took longer than the per-file time limit (--timeout)."""

    stage = "run"


class WorkerDiedError(PoimijaError):
    """The worker process running a file died (crashed, killed, out of memory)."""

    stage = "run"


class ManifestError(PoimijaError):
    """The manifest of an output folder cannot be opened or is of another version."""

    stage = "manifest"


class ExecutorUnavailableError(PoimijaError):
    """The chosen executor cannot run here (e.g. --executor dask without dask installed)."""

    stage = "config"


class LimitError(ReadError):
    """A file breaks a limit (pages, page size, decompressed size, nesting, text size)."""


class RunError(PoimijaError):
    """The run itself failed (output folder not writable, disk full, locked by another run)."""


class InputsError(PoimijaError):
    """The inputs and the output folder of a run overlap (a usage error)."""

    stage = "config"


class FileNameError(ReadError):
    """An input's name cannot be stored (not valid UTF-8) or it is not a regular file."""
