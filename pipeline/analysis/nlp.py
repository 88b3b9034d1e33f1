"""Load the Finnish spaCy pipeline once per process, with only the components asked for."""

from __future__ import annotations

from functools import lru_cache
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
    try:
        import spacy

        # The vocabulary's lookup tables (500,000 word probabilities in the Finnish model) are
        # read by nothing here (lemmas come from Voikko, features from the text) and were
        # two-thirds of the load time; the components not asked for were most of the rest.
        unused = [name for name in _PIPES if name not in components]
        nlp = spacy.load(model, exclude=["lookups", *unused])
    except (ImportError, OSError) as exc:
        raise NlpUnavailableError(
            f"cannot load spaCy model {model!r} ({exc}); run `make setup` "
            "(pip install spacy-fi-experimental-web-md; apt-get install libvoikko1 voikko-fi)"
        ) from None
    for name in nlp.pipe_names:
        if name not in components:
            nlp.disable_pipe(name)
    return nlp
