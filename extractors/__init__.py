"""Extractors: one module per kind of record, registered by name.

An extractor is a callable `(doc, context) -> Iterable[Record]` registered with `@register("name")`.
Other packages add extractors through the `poimija.extractors` entry point group.
"""

from extractors.registry import (
    ExtractionContext,
    Extractor,
    UnknownExtractorError,
    available,
    declared,
    get,
    register,
)

__all__ = [
    "ExtractionContext",
    "Extractor",
    "UnknownExtractorError",
    "available",
    "declared",
    "get",
    "register",
]
