"""`caveat [FILE ...]` opens the window; `caveat analyze|export|eval ...` run headless.

Each command is a module here with `add_parser(sub)` (which sets `run`) and `run(args)`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from caveat import __version__
from caveat.cli import analyze, evaluate, export
from caveat.cli.logs import configure_logging
from caveat.loaders import LoadError

COMMAND_MODULES = (analyze, export, evaluate)
COMMANDS = ("analyze", "export", "eval")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="caveat", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"caveat {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in COMMAND_MODULES:
        module.add_parser(sub)
    return parser


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
    configure_logging(getattr(args, "verbose", False))
    try:
        return args.run(args)
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
