"""`caveat batch INPUT... --out DIR`: an archive, on this machine or a Dask cluster, to Parquet."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from caveat.cli.options import add_input_options, chosen_skips

if TYPE_CHECKING:
    from caveat.batch.run import RunSummary

BUNDLE_NOTE = (
    "needs pyarrow, tqdm and Dask, which the standalone bundle leaves out: "
    "install Caveat with pip to use it (see the README)"
)


def positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "batch",
        help="analyse many articles into a Parquet dataset, here or on a Dask cluster",
        description="Analyse every article of the inputs into DIR/articles/ (a row per article) "
        "and DIR/findings/ (a row per finding), Parquet. Rerunning skips what is done.",
    )
    p.add_argument(
        "inputs",
        type=Path,
        nargs="+",
        metavar="INPUT",
        help="files, folders (searched recursively) or tables of articles "
        "(.parquet, .jsonl, .csv with a 'text' column; other columns are carried through)",
    )
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="the dataset's folder")
    p.add_argument(
        "--engine",
        choices=("local", "dask"),
        help="local (default): worker processes here; dask: a Dask cluster",
    )
    p.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="the Dask scheduler to send the work to (implies --engine dask); "
        "without it --engine dask starts a cluster on this machine",
    )
    p.add_argument(
        "--workers",
        type=positive,
        help="worker processes here, for --engine local or a local Dask cluster "
        "(default: one per core)",
    )
    p.add_argument(
        "--part-rows",
        type=positive,
        default=1000,
        metavar="N",
        help="articles per Parquet file (default 1000)",
    )
    add_input_options(p)
    p.set_defaults(run=run)


def _engine_choice(args: argparse.Namespace) -> str | None:
    """The engine to use, or None after saying why the options do not fit together."""
    engine = args.engine or ("dask" if args.scheduler else "local")
    if args.scheduler and engine != "dask":
        print("caveat: --scheduler needs --engine dask", file=sys.stderr)
        return None
    if args.scheduler and args.workers:
        print(
            "caveat: --workers starts workers here; a cluster at --scheduler has its own "
            "(start them with 'dask worker', see docs/scaling.md)",
            file=sys.stderr,
        )
        return None
    return engine


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    engine_name = _engine_choice(args)
    if engine_name is None:
        return 2
    skip = chosen_skips(args)
    try:
        import pyarrow  # noqa: F401
        import tqdm  # noqa: F401

        if engine_name == "dask":
            import distributed  # noqa: F401
    except ImportError:
        print(f"caveat: caveat batch {BUNDLE_NOTE}", file=sys.stderr)
        return 2
    from caveat.batch.engines import DaskEngine, Engine, EngineError, LocalEngine
    from caveat.batch.run import run_batch
    from caveat.batch.store import StoreError
    from caveat.batch.work import BatchOptions
    from caveat.reader_words import load_ignored_words, load_reader_words

    words, problem = load_reader_words()
    if problem:
        print(f"caveat: note: {problem}", file=sys.stderr)
    # Every option that changes what an article's analysis finds goes here, so that every
    # worker (on whatever machine) applies it: the reader's own lists travel too.
    options = BatchOptions(
        layers=args.layers,
        model=args.model,
        max_bytes=args.max_size,
        ignored=frozenset(load_ignored_words()),
        skip_rules=skip | words.skip_rules,
        sensitivity=args.sensitivity,
    )

    def make_engine() -> Engine:
        if engine_name == "dask":
            return DaskEngine(args.scheduler, args.workers)
        return LocalEngine(args.workers or os.cpu_count() or 1)

    # A job scheduler's SIGTERM stops the run as Ctrl+C does: what is finished gets written.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        summary = run_batch(args.inputs, args.out, options, make_engine, args.part_rows)
    except (StoreError, EngineError) as exc:
        print(f"caveat: {exc}", file=sys.stderr)
        return 1
    finally:
        signal.signal(signal.SIGTERM, previous)
    if summary.total == 0:
        names = ", ".join(str(p) for p in args.inputs)
        print(f"caveat: no articles found in {names}", file=sys.stderr)
        return 1
    print(f"caveat: {_summary_line(summary)}; results in {args.out}", file=sys.stderr)
    if summary.interrupted:
        print("caveat: interrupted: run the same command to finish", file=sys.stderr)
        return 130
    return 0


def _summary_line(summary: RunSummary) -> str:
    done = summary.analysed + summary.failed
    line = (
        f"{summary.total:,} articles: {summary.analysed:,} analysed, "
        f"{summary.failed:,} unreadable, {summary.skipped:,} already done"
    )
    if done and summary.seconds:
        line += (
            f", in {summary.seconds:.1f} s ({done / summary.seconds:.1f} articles/s, "
            f"{summary.words / summary.seconds:,.0f} words/s)"
        )
    if summary.peak_memory_mb:
        peaks = sorted(summary.peak_memory_mb.values())
        span = f"{peaks[0]:.0f}" if peaks[0] == peaks[-1] else f"{peaks[0]:.0f}-{peaks[-1]:.0f}"
        line += f"; peak memory per worker {span} MB"
    return line
