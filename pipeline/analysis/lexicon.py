"""The Finnish lexicon (Voikko) for the pipeline stages; it lives in extractors/lexicon.py."""

from extractors.lexicon import INSTALL_HINT, available, baseforms, is_word

__all__ = ["INSTALL_HINT", "available", "baseforms", "is_word"]
