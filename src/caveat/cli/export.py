"""`caveat export FILE -o OUT.pdf`: the annotated PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from caveat.cli.options import (
    add_input_options,
    add_language_option,
    as_reader_wants,
    chosen_skips,
    layers_for,
    print_notices,
    source_argument,
)
from caveat.loaders import load_source


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write an annotated PDF")
    p.add_argument(
        "file", type=source_argument, metavar="FILE_OR_URL", help="a file or a web address"
    )
    p.add_argument("-o", "--output", type=Path, required=True, help="the PDF to write")
    add_input_options(p)
    add_language_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from caveat.analysis.run import analyze
    from caveat.export.pdf import ExportError, check_target, export_pdf
    from caveat.export.summary import reader_choices
    from caveat.gui.print_layout import render_print_job
    from caveat.reader_words import load_reader_words

    skip = chosen_skips(args)  # a mistyped rule is named before anything is read
    document = load_source(args.file, max_bytes=args.max_size)
    print_notices(document)
    try:
        check_target(args.output, document.source)  # before the analysis, not after it
        layers = layers_for(document, args.layers, args.any_language)
        analysis = analyze(document, layers=layers, model=args.model)
        if analysis.pipeline.notice:
            print(f"note: {analysis.pipeline.notice}", file=sys.stderr)
        analysis = as_reader_wants(document, analysis, skip, args.sensitivity)
        skipped_in_words = load_reader_words()[0].skip_rules
        choices = reader_choices(args.sensitivity, skip | skipped_in_words)
        pages = export_pdf(document, analysis, args.output, layers, render_print_job, choices)
    except ExportError as exc:
        print(f"caveat: {exc}", file=sys.stderr)
        return 1
    found = sum(analysis.count(layer) for layer in layers)
    print(f"wrote {args.output} ({pages} pages, {found} findings annotated)")
    return 0
