"""`caveat eval CORPUS.jsonl --layer L --level ...`: score a layer on an annotated corpus."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from caveat.analysis.evaluate import LEVELS
from caveat.cli.options import add_sensitivity_option
from caveat.layers import layer_ids


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score a layer on an annotated corpus (JSONL)")
    p.add_argument("corpus", type=Path)
    p.add_argument("--layer", choices=layer_ids(), required=True)
    p.add_argument("--level", choices=LEVELS, required=True)
    p.add_argument("--limit", type=int, help="score only the first N records")
    p.add_argument("--model", help="spaCy model to prefer ('rules' for the fallback)")
    p.add_argument("--json", action="store_true")
    add_sensitivity_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from caveat.analysis.evaluate import evaluate

    if not args.corpus.is_file():
        print(f"caveat: {args.corpus}: no such corpus file", file=sys.stderr)
        return 1
    try:
        score = evaluate(
            args.corpus,
            args.layer,
            args.level,
            model=args.model,
            limit=args.limit,
            sensitivity=args.sensitivity,
        )
    except (ValueError, KeyError) as exc:
        print(
            f"caveat: {args.corpus}: not a corpus in the expected format ({exc})", file=sys.stderr
        )
        return 1
    if args.json:
        print(json.dumps(score.as_dict()))
    else:
        print(
            f"{args.layer} on {args.corpus.name}, {args.level} level, "
            f"{args.sensitivity}: n={score.n}"
        )
        print(f"precision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}")
        print(f"tp {score.tp}  fp {score.fp}  fn {score.fn}")
        if score.accuracy is not None:
            print(f"accuracy {score.accuracy:.3f}")
    return 0
