"""`caveat report DIR`: a page summing up a `caveat batch` result, with plots, next to it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from caveat.cli.batch import BUNDLE_NOTE


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="sum up a caveat batch result as a page with plots (DIR/report/index.html)",
        description="Per layer, outlet and month: how dense the findings are, the most "
        "frequent rules and words, the articles at the extremes, compared with typical news.",
    )
    p.add_argument("dataset", type=Path, metavar="DIR", help="a folder written by caveat batch")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        import matplotlib  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        print(f"caveat: caveat report {BUNDLE_NOTE.replace('Dask', 'matplotlib')}", file=sys.stderr)
        return 2
    from caveat.batch.report import ReportError, write_report

    if not args.dataset.is_dir():
        print(f"caveat: {args.dataset}: no such folder", file=sys.stderr)
        return 1
    try:
        page = write_report(args.dataset)
    except ReportError as exc:
        print(f"caveat: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {page}")
    return 0
