"""The extractor registry: names → extractor callables, built-ins plus entry points."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any, Protocol

from schemas.records import Document, Record
from schemas.source import SourceDocument
from schemas.tree import DocumentTree

ENTRY_POINT_GROUP = "poimija.extractors"
# Modules in this package that register built-in extractors when imported.
BUILTIN_MODULES: tuple[str, ...] = ("decisions", "themes", "actions", "funding")


@dataclass(slots=True)
class ExtractionContext:
    """What an extractor gets besides the source document: its classification and shared tools."""

    document: Document
    nlp: Any | None = None  # the spaCy pipeline, loaded once by the pipeline when asked for
    tree: DocumentTree | None = None  # the document tree built by the structure stage


class Extractor(Protocol):
    """An extractor turns a cleaned, classified source document into schema records."""

    name: str
    table: str
    needs_nlp: bool

    def __call__(self, doc: SourceDocument, context: ExtractionContext) -> Iterable[Record]:
        """Yield the records found in the document."""
        ...


class UnknownExtractorError(KeyError):
    """An extractor name is not registered; the message lists the known names."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown extractor"


_REGISTRY: dict[str, Extractor] = {}
_loaded = False


def register(
    name: str, *, table: str, needs_nlp: bool = False
) -> Callable[[Callable[[SourceDocument, ExtractionContext], Iterable[Record]]], Extractor]:
    """Decorator: register a function as the extractor `name`, producing rows of `table`."""

    def wrap(func: Callable[[SourceDocument, ExtractionContext], Iterable[Record]]) -> Extractor:
        func.name = name  # type: ignore[attr-defined]
        func.table = table  # type: ignore[attr-defined]
        func.needs_nlp = needs_nlp  # type: ignore[attr-defined]
        _REGISTRY[name] = func  # type: ignore[assignment]
        return func  # type: ignore[return-value]

    return wrap


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for module in BUILTIN_MODULES:
        importlib.import_module(f"extractors.{module}")
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        ep.load()


def declared() -> list[str]:
    """What the registry holds or would load, without loading it, sorted: the built-in modules,
    the entry points of installed plugins with their distribution's version, and the extractors
    a caller registered from other modules."""
    points = list(entry_points(group=ENTRY_POINT_GROUP))
    builtin = [f"extractors.{m}" for m in BUILTIN_MODULES]
    plugins = [f"{ep.name} = {ep.value} ({_distribution(ep)})" for ep in points]
    known = {*builtin, *(ep.module for ep in points)}
    others = [
        f"{name} ({func.__module__})"
        for name, func in _REGISTRY.items()
        if getattr(func, "__module__", None) not in known
    ]
    return sorted([*builtin, *plugins, *others])


def _distribution(ep: Any) -> str:
    dist = getattr(ep, "dist", None)
    return f"{dist.name} {dist.version}" if dist is not None else ""


def available() -> list[str]:
    """Names of every registered extractor, sorted."""
    _load()
    return sorted(_REGISTRY)


def get(name: str) -> Extractor:
    """The extractor registered as `name`; an unknown name's error lists the known ones."""
    _load()
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY)) or "none"
        raise UnknownExtractorError(f"unknown extractor {name!r}; known: {known}") from None
