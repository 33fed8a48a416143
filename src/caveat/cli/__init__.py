"""`caveat [FILE ...]` opens the window; `caveat analyze|export|eval|rules ...` run headless.

Each command is a module here with `add_parser(sub)` (which sets `run`) and `run(args)`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from caveat import __version__
from caveat.cli import analyze, batch, evaluate, export, report, rules
from caveat.cli.logs import configure_logging
from caveat.cli.mistyped import names_a_file, unknown_command
from caveat.cli.options import UsageError
from caveat.loaders import LoadError

COMMAND_MODULES = (analyze, export, evaluate, rules, batch, report)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="caveat", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"caveat {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in COMMAND_MODULES:
        module.add_parser(sub)
    parser.set_defaults(commands=tuple(sub.choices))  # what each module registered
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # numpy's OpenBLAS would start a thread pool nothing here uses (spaCy's matrices go through
    # blis); a process with one thread can fork its analysis helper with the model already
    # loaded instead of spawning one that loads it again (analysis/parallel.py).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    commands = parser.get_default("commands")
    opens_window = not argv or argv[0] not in commands and not argv[0].startswith("-")
    if argv and opens_window and not names_a_file(argv[0]):
        return unknown_command(parser, argv)  # "caveat anlyze FILE" must not open a window
    if opens_window and any(a in ("-h", "--help") for a in argv):
        parser.print_help()  # "caveat FILE --help" asks for help, not for a file named --help
        return 0
    if opens_window:
        # The analysis process starts first, before Qt is even imported: forked while this
        # process has one thread, it loads the model on the other core while the window is
        # built, instead of being spawned once the window is up (first highlights of the
        # sample from a cold start: see docs/performance.md).
        from caveat.analysis.parallel import shared_helper

        shared_helper()
        from caveat.gui.app import run_gui

        return run_gui(argv)
    args = parser.parse_args(argv)
    configure_logging(getattr(args, "verbose", False))
    try:
        return args.run(args)
    except LoadError as exc:
        print(f"caveat: {exc}", file=sys.stderr)
        return 1
    except UsageError as exc:
        print(f"caveat: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("caveat: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output left (`caveat analyze ... | head`): stop quietly, and keep
        # Python from complaining again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
