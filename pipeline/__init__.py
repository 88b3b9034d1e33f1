"""poimija's pipeline: read → clean → classify → structure → extract → validate → export, and its
CLI."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__version__ = "0.1.0"


def load(out_dir: str | os.PathLike[str]) -> dict[str, pd.DataFrame]:
    """The five tables of a run folder as typed pandas DataFrames, keyed by table name."""
    # Imported on call: pandas and pyarrow take a second to import, and `import pipeline` (the CLI,
    # worker processes) should not pay for it.
    from pipeline.outputs.frames import load as load_frames

    return load_frames(out_dir)
