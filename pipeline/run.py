"""Run the pipeline: each file goes read → clean → classify → structure → extract → validate.

    STAGES = [read, clean, classify, structure, extract]   # one file
    (classify comes first so that the structure stage knows minutes and their meeting date)
    run_batch = discover → STAGES per file → export

One bad file never stops a batch: it ends FAILURE with a one-line reason that goes to errors.csv.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

import extractors
from pipeline import __version__
from pipeline.analysis.classify import classify
from pipeline.analysis.locate import locate
from pipeline.analysis.nlp import load_nlp
from pipeline.errors import ExtractionError, PoimijaError
from pipeline.reading import clean, read
from pipeline.reading.discover import discover
from pipeline.results import DocumentResult, FileError, Status
from pipeline.settings import Settings
from pipeline.structure import build_tree, read_items
from pipeline.structure.outline import tree_dict
from pipeline.timeout import TimeLimit
from schemas.records import Document, Record
from schemas.source import SourceDocument
from schemas.tree import DocumentTree
from schemas.vocab import DocType

log = logging.getLogger(__name__)


@dataclass(slots=True)
class _State:
    """What passes between the stages of one file."""

    path: Path
    settings: Settings
    source: SourceDocument | None = None
    tree: DocumentTree | None = None
    document: Document | None = None
    records: dict[str, list[Record]] = field(default_factory=dict)
    errors: list[FileError] = field(default_factory=list)


def _read(state: _State) -> None:
    state.source = read.read_document(
        state.path,
        password=state.settings.password,
        ocr_lang=state.settings.ocr_lang,
        reader=state.settings.reader,
        ocr_workers=state.settings.workers,
    )


def _clean(state: _State) -> None:
    assert state.source is not None
    clean.clean_document(state.source)


def _structure(state: _State) -> None:
    assert state.source is not None and state.document is not None
    try:
        state.tree = build_tree(state.source)
        if state.document.doc_type is DocType.MINUTES:
            read_items(state.tree, state.source, state.document.meeting_date)
    except Exception as exc:  # a bug here must not cost the decisions and funding read below
        if state.settings.strict:
            raise
        # Themes and actions are lost; decisions read the § items from the lines instead.
        message = " ".join(f"structure: {type(exc).__name__}: {exc}".split())[:300]
        state.source.warnings.append(message)
        state.errors.append(FileError(str(state.path), "structure", type(exc).__name__, message))
        log.debug("%s: no document tree", state.path, exc_info=True)


def _classify(state: _State) -> None:
    source = state.source
    assert source is not None
    found = classify(source)
    state.document = Document(
        document_id=source.document_id,
        source_path=str(state.path),
        source_sha256=source.sha256,
        source_format=source.format,
        pages=len(source.pages),
        ocr_pages=source.ocr_pages,
        language=found.language,
        doc_type=found.doc_type,
        municipality_code=found.municipality.code if found.municipality else None,
        municipality=found.municipality.name_fi if found.municipality else None,
        title=found.title,
        body=found.body,
        meeting_date=found.meeting_date,
        period_start=found.period_start,
        period_end=found.period_end,
        pipeline_version=__version__,
        extracted_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
        warnings=[*source.warnings, *found.warnings],
    )


def _extract(state: _State) -> None:
    source, document = state.source, state.document
    assert source is not None and document is not None
    names = state.settings.extractors or extractors.available()
    chosen = [extractors.get(name) for name in names]
    nlp = load_nlp(state.settings.spacy_model) if any(e.needs_nlp for e in chosen) else None
    context = extractors.ExtractionContext(document=document, nlp=nlp, tree=state.tree)
    for extractor in chosen:
        try:
            records = list(extractor(source, context))
        except (PoimijaError, ValidationError, ValueError, KeyError, IndexError) as exc:
            error = ExtractionError(f"{extractor.name}: {type(exc).__name__}: {exc}")
            state.errors.append(_file_error(state.path, error))
            continue
        state.records.setdefault(extractor.table, []).extend(records)
    locate(source, [record for records in state.records.values() for record in records])


Stage = Callable[[_State], None]
STAGES: list[tuple[str, Stage]] = [
    ("read", _read),
    ("clean", _clean),
    ("classify", _classify),
    ("structure", _structure),
    ("extract", _extract),
]
"""The whole per-file pipeline, in order."""


def process_file(path: Path, settings: Settings | None = None) -> DocumentResult:
    """Run every stage on one file; an error ends that file with a FAILURE result, not the batch.

    With `settings.timeout`, a file that takes longer ends FAILURE with a FileTimeoutError.
    """
    settings = settings or Settings()
    state = _State(path=path, settings=settings)
    started = time.perf_counter()
    result = DocumentResult(path=path)
    limit = TimeLimit(settings.timeout)
    with limit:
        for name, stage in STAGES:
            limit.stage = name
            try:
                stage(state)
            except Exception as exc:
                if settings.strict:
                    raise
                stage_name = exc.stage if isinstance(exc, PoimijaError) else name
                result.status = Status.FAILURE
                result.errors.append(_file_error(path, exc, stage_name))
                log.debug("%s failed in %s", path, name, exc_info=True)
                break
    if limit.interrupted:
        if settings.strict:
            raise limit.error()
        # A half-done file gives no partial records: its document and records are dropped.
        result.status = Status.FAILURE
        result.errors = [_file_error(path, limit.error())]
        state.source, state.document, state.records, state.errors = None, None, {}, []
        state.tree = None
    result.source, result.document, result.records = state.source, state.document, state.records
    result.tree = state.tree
    if state.tree is not None:
        result.outline = tree_dict(state.tree)
    result.text = state.source.text if state.source is not None else None
    result.errors = [*state.errors, *result.errors]
    if result.status is Status.SUCCESS and state.errors:
        result.status = Status.PARTIAL
    if result.document is not None and state.errors:
        result.document.warnings = [*result.document.warnings, *(e.message for e in state.errors)]
    result.seconds = time.perf_counter() - started
    return result


def document_tree(path: Path, settings: Settings | None = None) -> DocumentTree:
    """Read, clean and structure one file: its document tree (what `poimija structure` shows).

    Errors are raised, not recorded: this is for looking at one document.
    """
    chosen = (settings or Settings()).model_copy(update={"strict": True})
    state = _State(path=path, settings=chosen)
    for name, stage in STAGES:
        stage(state)
        if name == "structure":
            break
    assert state.tree is not None  # strict: a failing stage raised instead
    return state.tree


def _file_error(path: Path, exc: BaseException, stage: str | None = None) -> FileError:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return FileError(
        file=str(path),
        stage=stage or str(getattr(exc, "stage", None) or "run"),
        error_type=type(exc).__name__,
        message=message[:300],
    )


def run_files(
    inputs: Sequence[Path],
    settings: Settings | None = None,
    on_result: Callable[[DocumentResult], None] | None = None,
) -> list[DocumentResult]:
    """Process every file found under `inputs`, in order, calling `on_result` after each."""
    results = []
    for path in discover(inputs):
        result = process_file(path, settings)
        if on_result:
            on_result(result)
        results.append(result)
    return results


def documents_of(results: Iterable[DocumentResult]) -> list[Document]:
    """The document rows of the results that produced one."""
    return [r.document for r in results if r.document is not None]
