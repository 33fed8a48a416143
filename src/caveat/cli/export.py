"""`caveat export FILE -o OUT.pdf`: the annotated PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from caveat.cli.options import add_input_options, as_reader_wants, chosen_skips, print_notices
from caveat.loaders import load_document


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write an annotated PDF")
    p.add_argument("file", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True, help="the PDF to write")
    add_input_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from caveat.analysis.analyze import analyze
    from caveat.export.pdf import ExportError, check_target, export_pdf
    from caveat.gui.print_layout import render_print_job

    skip = chosen_skips(args)  # a mistyped rule is named before anything is read
    document = load_document(args.file, max_bytes=args.max_size)
    print_notices(document)
    try:
        check_target(args.output, document.source)  # before the analysis, not after it
        analysis = analyze(document, layers=args.layers, model=args.model)
        if analysis.pipeline.notice:
            print(f"note: {analysis.pipeline.notice}", file=sys.stderr)
        analysis = as_reader_wants(document, analysis, skip)
        pages = export_pdf(
            document, analysis, args.output, layers=args.layers, renderer=render_print_job
        )
    except ExportError as exc:
        print(f"caveat: {exc}", file=sys.stderr)
        return 1
    found = sum(analysis.count(layer) for layer in args.layers)
    print(f"wrote {args.output} ({pages} pages, {found} findings annotated)")
    return 0
