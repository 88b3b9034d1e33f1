"""Load the Finnish spaCy pipeline once per process, with only the components asked for."""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.errors import PoimijaError

# Lemmas need these (Voikko's lemmatizer reads the morphologizer's part of speech); the rest
# are not loaded unless an extractor asks for them. Without the tagger a few lemmas of single
# letters differ in case ("X" for "x"), which every reader of lemmas lower-cases anyway.
LEMMA_COMPONENTS = ("tok2vec", "morphologizer", "attribute_ruler", "lemmatizer")
# The Finnish pipeline's components; those not asked for are excluded, not loaded and disabled.
_PIPES = ("tok2vec", "tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "ner")


class NlpUnavailableError(PoimijaError):
    """The spaCy Finnish pipeline (or libvoikko under it) is not installed."""

    stage = "nlp"


@lru_cache(maxsize=4)
def load_nlp(
    model: str = "spacy_fi_experimental_web_md", components: tuple[str, ...] = LEMMA_COMPONENTS
) -> Any:
    """The spaCy pipeline `model` with only `components` enabled (loaded from site-packages)."""
    # One BLAS thread: files are what run in parallel (-j), as with Tesseract. Read when NumPy
    # is first imported, which spaCy does here unless the caller did so before.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        import spacy
        from thinc.api import use_ops

        # The vocabulary's lookup tables (500,000 word probabilities in the Finnish model) are
        # read by nothing here (lemmas come from Voikko, features from the text) and were
        # two-thirds of the load time; the components not asked for were most of the rest.
        # Its string table too, for the lemma components: a token's strings are added as it
        # is made, and the lemmas, parts of speech and features of every corpus line are the
        # same without the stored ones (a third of what remained of the load). The tagger
        # stores its labels by hash without adding them: with it, the table is loaded.
        unused = [name for name in _PIPES if name not in components]
        # NumPy's BLAS (OpenBLAS) multiplies the tok2vec matrices two to three times as fast as
        # thinc's default, BLIS, on this hardware, with the same lemmas and tags on every line
        # of the corpora. The layers keep the backend they were built with.
        with use_ops("numpy", use_blis=False):
            strings = ["strings"] if set(components) <= set(LEMMA_COMPONENTS) else []
            nlp = spacy.load(model, exclude=["lookups", "vectors", *strings, *unused])
            _map_vectors(nlp)
    except (ImportError, OSError) as exc:
        raise NlpUnavailableError(
            f"cannot load spaCy model {model!r} ({exc}); run `make setup` "
            "(pip install spacy-fi-experimental-web-md; apt-get install libvoikko1 voikko-fi)"
        ) from None
    for name in nlp.pipe_names:
        if name not in components:
            nlp.disable_pipe(name)
    return nlp


def _map_vectors(nlp: Any) -> None:
    """Give `nlp` its word vectors mapped from their file instead of read into memory.

    The Finnish model's table is 60 MB: reading it took from 0.01 to 0.4 s of a start, and each
    process held its own copy. Mapped, its pages are read as words need them and are shared by
    every process on the machine; the table is read-only (nothing here adds vectors).
    """
    import numpy
    from spacy.vectors import Vectors

    folder = Path(nlp.path) / "vocab"
    empty = nlp.vocab.vectors  # built from the config, named from the meta, not yet filled
    if not (folder / "vectors").is_file():
        return  # a pipeline without vectors
    if type(empty) is not Vectors:  # a table class of the model's own: loaded its own way
        empty.from_disk(folder, exclude=["strings"])
        return
    try:
        settings = (
            json.loads((folder / "vectors.cfg").read_text())
            if (folder / "vectors.cfg").is_file()
            else {}
        )
        data = numpy.load(folder / "vectors", mmap_mode="r", allow_pickle=False)
        vectors = Vectors(strings=nlp.vocab.strings, data=data, name=empty.name, **settings)
        # The keys of a table that maps words to rows (a floret table hashes them instead).
        vectors.from_disk(folder, exclude=["strings", "vectors"])
    except (ValueError, TypeError):  # not a NumPy file, or settings of another spaCy version
        vectors = empty
        vectors.from_disk(folder, exclude=["strings"])
    nlp.vocab.vectors = vectors
