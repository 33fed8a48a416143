"""`caveat analyze FILE`: the findings, then the metrics (or one JSON object)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from caveat.analysis.readability.meanings import unmeasured_reason
from caveat.cli.options import (
    add_input_options,
    add_language_option,
    as_reader_wants,
    chosen_skips,
    layers_for,
    print_notices,
    source_argument,
)
from caveat.document import Document
from caveat.findings import Analysis, Finding
from caveat.loaders import load_source
from caveat.sensitivity import in_words


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("analyze", help="print the findings and metrics of a file (or many)")
    p.add_argument(
        "files",
        type=source_argument,
        nargs="+",
        metavar="FILE_DIR_OR_URL",
        help="a file, a folder (with --jsonl) or a web address (Caveat's only network use)",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument(
        "--jsonl",
        type=Path,
        metavar="OUT",
        help="batch: one JSON line per file, resumable (for archives, tables of articles, "
        "Parquet and Dask clusters see 'caveat batch')",
    )
    p.add_argument("--jobs", type=int, help="batch: worker processes (default: all cores)")
    add_input_options(p)
    add_language_option(p)
    p.set_defaults(run=run)


def print_report(document: Document, analysis: Analysis) -> None:
    out = sys.stdout
    print_notices(document)
    if analysis.pipeline.notice:
        print(f"note: {analysis.pipeline.notice}", file=sys.stderr)
    findings = analysis.all_findings()
    for f, (line, col) in zip(findings, _lines_and_columns(document.text, findings), strict=True):
        words = " ".join(document.text[f.start : f.end].split())
        print(f'{line}:{col} {f.layer} {f.rule} "{words}" {f.message} [{in_words(f)}]', file=out)
    print(file=out)
    print(f"pipeline: {analysis.pipeline.display_name()}", file=out)
    for layer in analysis.layers:
        print(
            f"{layer}: {analysis.count(layer)} findings, "
            f"{analysis.per_100_words(layer):.2f} per 100 words",
            file=out,
        )
    if reason := unmeasured_reason(analysis.metrics):
        print(f"readability: {reason}", file=out)
    for name, value in analysis.metrics.items():
        if value is not None:
            print(f"{name}: {value:g}", file=out)


def _lines_and_columns(text: str, findings: list[Finding]) -> Iterator[tuple[int, int]]:
    """Each finding's 1-based line and column, counting line breaks only since the finding
    before (Document.line_col counts from the start: quadratic over 50 MB of findings)."""
    line, line_start, counted = 1, 0, 0
    for f in findings:
        if f.start < counted:  # not in order: count from the start
            line, line_start, counted = 1, 0, 0
        line += text.count("\n", counted, f.start)
        line_start = max(line_start, text.rfind("\n", counted, f.start) + 1)
        counted = f.start
        yield line, f.start - line_start + 1


def run_batch(args: argparse.Namespace) -> int:
    from caveat.batch.jsonl import run_batch as batch

    analysed, unreadable, skipped = batch(
        args.files,
        args.jsonl,
        args.jobs,
        args.layers,
        args.model,
        args.max_size,
        args.skip_rules,
        args.sensitivity,
    )
    print(
        f"{analysed} analysed, {unreadable} unreadable, {skipped} already done: {args.jsonl}",
        file=sys.stderr,
    )
    return 0


def run(args: argparse.Namespace) -> int:
    skip = chosen_skips(args)
    addresses = [f for f in args.files if isinstance(f, str)]
    if addresses and (args.jsonl or len(args.files) > 1):
        print("caveat: a web address is analysed on its own, without --jsonl", file=sys.stderr)
        return 2
    if args.jsonl:
        return run_batch(args)
    first = args.files[0]
    if len(args.files) > 1 or (isinstance(first, Path) and first.is_dir()):
        print("caveat: several files or a folder need --jsonl OUT.jsonl", file=sys.stderr)
        return 2
    document = load_source(first, max_bytes=args.max_size)
    from caveat.analysis.readability.early import early_readability
    from caveat.analysis.run import analyze
    from caveat.cli.progress import terminal_progress
    from caveat.report import write_analysis_json

    layers = layers_for(document, args.layers, args.any_language)
    # The readability is measured on the other core while spaCy loads here, for a short article
    # too (textstat's import, its hyphenation patterns and the measuring: the sample's run 1.04
    # -> 0.96 s): the process is forked by `analyze` once the cache has nothing, before spaCy is
    # imported and while this process has a single thread.
    with early_readability(document, start=False) as early, terminal_progress(document) as progress:
        found = analyze(
            document,
            layers=layers,
            model=args.model,
            progress=progress,
            readability=early,
        )
    analysis = as_reader_wants(document, found, skip, args.sensitivity)
    if args.json:
        write_analysis_json(document, analysis, sys.stdout)
    else:
        print_report(document, analysis)
    return 0
