"""poimija's pipeline: read → clean → classify → extract → validate → export, and its CLI."""

from __future__ import annotations

__version__ = "0.1.0"
