"""Build the six sample PDFs of poimija from the seed texts in ``../shared/seeds/``.

Usage (from the project root)::

    .venv/bin/python samples/build_samples.py [--seeds DIR] [--out DIR] [-v]

Every PDF is written deterministically (reportlab ``invariant=1``; the scan's noise is seeded),
so re-running gives byte-identical files. See ``samples/README.md`` for what each sample shows.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from builder.heinola import build_004
from builder.minutes_docs import build_000, build_002, build_003
from builder.porvoo import build_001
from builder.scan import build_005

ROOT = Path(__file__).resolve().parent.parent


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    p = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    p.add_argument(
        "--seeds",
        type=Path,
        default=ROOT.parent / "shared" / "seeds",
        help="directory with the seed .txt files (default: ../shared/seeds)",
    )
    p.add_argument(
        "--out", type=Path, default=ROOT / "samples", help="output directory (default: samples/)"
    )
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also list how wrapped seed lines ending in '-' were joined",
    )
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Build all samples and print one line per file."""
    args = parse_args(argv)
    if not args.seeds.is_dir():
        print(f"seed directory not found: {args.seeds}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    results = [
        build(args.seeds, args.out)
        for build in (build_000, build_001, build_002, build_003, build_004)
    ]
    results.append(build_005(args.out))  # renders 002, so it comes last
    for r in results:
        extra = f", {r.hyphen_breaks} line-end hyphen breaks" if r.hyphen_breaks else ""
        print(f"{args.out / r.name}: {r.pages} pages{extra}")
        if args.verbose:
            for j in r.joins:
                print(f"    joined {j}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
