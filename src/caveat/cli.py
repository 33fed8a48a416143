"""`caveat [FILE ...]` opens the window; `caveat analyze|export|eval ...` run headless."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from caveat import __version__
from caveat.document import Document
from caveat.findings import Analysis
from caveat.layers import layer_ids
from caveat.loaders import DEFAULT_MAX_BYTES, LoadError, load_document

COMMANDS = ("analyze", "export", "eval")


def _layers(value: str) -> tuple[str, ...]:
    names = tuple(n.strip() for n in value.split(",") if n.strip())
    unknown = [n for n in names if n not in layer_ids()]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown layer {', '.join(unknown) or '(none)'}; choose from {', '.join(layer_ids())}"
        )
    return names


def _megabytes(value: str) -> int:
    try:
        size = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size in MB: {value}") from None
    if size <= 0:
        raise argparse.ArgumentTypeError("the size limit must be above 0 MB")
    return int(size * 1024 * 1024)


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--layers", type=_layers, default=layer_ids(), help="comma-separated layers")
    p.add_argument("--model", help="spaCy model to prefer ('rules' for the rule-based fallback)")
    p.add_argument(
        "--max-size",
        type=_megabytes,
        default=DEFAULT_MAX_BYTES,
        metavar="MB",
        help="refuse files larger than this (default 50 MB)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="caveat", description=__doc__)
    parser.add_argument("--version", action="version", version=f"caveat {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("analyze", help="print the findings and metrics of a file (or many)")
    p.add_argument("files", type=Path, nargs="+", metavar="FILE_OR_DIR")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument(
        "--jsonl", type=Path, metavar="OUT", help="batch: one JSON line per file, resumable"
    )
    p.add_argument("--jobs", type=int, help="batch: worker processes (default: all cores)")
    _add_input_options(p)

    p = sub.add_parser("export", help="write an annotated PDF")
    p.add_argument("file", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True, help="the PDF to write")
    _add_input_options(p)

    p = sub.add_parser("eval", help="score a layer on an annotated corpus (JSONL)")
    p.add_argument("corpus", type=Path)
    p.add_argument("--layer", choices=layer_ids(), required=True)
    p.add_argument("--level", choices=("cue", "sentence", "attribution"), required=True)
    p.add_argument("--limit", type=int, help="score only the first N records")
    p.add_argument("--model", help="spaCy model to prefer ('rules' for the fallback)")
    p.add_argument("--json", action="store_true")
    return parser


def _print_report(document: Document, analysis: Analysis) -> None:
    out = sys.stdout
    if analysis.pipeline.notice:
        print(f"note: {analysis.pipeline.notice}", file=sys.stderr)
    for f in analysis.all_findings():
        line, col = document.line_col(f.start)
        words = " ".join(document.text[f.start : f.end].split())
        print(f'{line}:{col} {f.layer} {f.rule} "{words}" {f.message}', file=out)
    print(file=out)
    print(f"pipeline: {analysis.pipeline.label()}", file=out)
    for layer in analysis.layers:
        print(
            f"{layer}: {analysis.count(layer)} findings, "
            f"{analysis.per_100_words(layer):.2f} per 100 words",
            file=out,
        )
    for name, value in analysis.metrics.items():
        print(f"{name}: {value:g}", file=out)


def _as_reader_wants(document: Document, analysis: Analysis) -> Analysis:
    """Leave out what the reader asked never to see (their ignore list)."""
    from caveat.analysis.user_words import load_added_words, load_ignored_words, without_ignored

    _added, problem = load_added_words()
    if problem:
        print(f"caveat: note: {problem}", file=sys.stderr)
    return without_ignored(analysis, document.text, load_ignored_words())


def run_batch(args: argparse.Namespace) -> int:
    from caveat.batch import run_batch as batch

    analysed, unreadable, skipped = batch(
        args.files, args.jsonl, args.jobs, args.layers, args.model, args.max_size
    )
    print(
        f"{analysed} analysed, {unreadable} unreadable, {skipped} already done: {args.jsonl}",
        file=sys.stderr,
    )
    return 0


def run_analyze(args: argparse.Namespace) -> int:
    if args.jsonl:
        return run_batch(args)
    if len(args.files) > 1 or args.files[0].is_dir():
        print("caveat: several files or a folder need --jsonl OUT.jsonl", file=sys.stderr)
        return 2
    document = load_document(args.files[0], max_bytes=args.max_size)
    from caveat.analysis.analyze import analyze  # spaCy: only once the file is known to be good
    from caveat.report import analysis_json

    analysis = _as_reader_wants(document, analyze(document, layers=args.layers, model=args.model))
    if args.json:
        json.dump(analysis_json(document, analysis), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        _print_report(document, analysis)
    return 0


def run_export(args: argparse.Namespace) -> int:
    from caveat.analysis.analyze import analyze
    from caveat.export.pdf import ExportError, check_target, export_pdf
    from caveat.gui.print_layout import render_print_job

    document = load_document(args.file, max_bytes=args.max_size)
    try:
        check_target(args.output, document.source)  # before the analysis, not after it
        analysis = analyze(document, layers=args.layers, model=args.model)
        if analysis.pipeline.notice:
            print(f"note: {analysis.pipeline.notice}", file=sys.stderr)
        analysis = _as_reader_wants(document, analysis)
        pages = export_pdf(
            document, analysis, args.output, layers=args.layers, renderer=render_print_job
        )
    except ExportError as exc:
        print(f"caveat: {exc}", file=sys.stderr)
        return 1
    found = sum(analysis.count(layer) for layer in args.layers)
    print(f"wrote {args.output} ({pages} pages, {found} findings annotated)")
    return 0


def run_eval(args: argparse.Namespace) -> int:
    from caveat.analysis.evaluate import evaluate

    if not args.corpus.is_file():
        print(f"caveat: {args.corpus}: no such corpus file", file=sys.stderr)
        return 1
    try:
        score = evaluate(args.corpus, args.layer, args.level, model=args.model, limit=args.limit)
    except (ValueError, KeyError) as exc:
        print(
            f"caveat: {args.corpus}: not a corpus in the expected format ({exc})", file=sys.stderr
        )
        return 1
    if args.json:
        print(json.dumps(score.as_dict()))
    else:
        print(f"{args.layer} on {args.corpus.name}, {args.level} level: n={score.n}")
        print(f"precision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}")
        print(f"tp {score.tp}  fp {score.fp}  fn {score.fn}")
        if score.accuracy is not None:
            print(f"accuracy {score.accuracy:.3f}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    # numpy's OpenBLAS would start a thread pool nothing here uses (spaCy's matrices go through
    # blis); a process with one thread can fork its analysis helper with the model already
    # loaded instead of spawning one that loads it again (analysis/parallel.py).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        from caveat.gui.app import run_gui

        return run_gui(argv)
    args = build_parser().parse_args(argv)
    runner = {"analyze": run_analyze, "export": run_export, "eval": run_eval}[args.command]
    try:
        return runner(args)
    except LoadError as exc:
        print(f"caveat: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("caveat: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output left (`caveat analyze ... | head`): stop quietly, and keep
        # Python from complaining again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
