"""`caveat analyze DIR_OR_FILES... --jsonl OUT.jsonl`: many files, all cores, resumable.

Each file becomes one JSON line (the `--json` schema), or `{"source", "error"}` when it cannot be
read. Lines are written whole and flushed, so an interrupted run leaves only finished files
behind; running the same command again skips every file already in OUT.jsonl.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from caveat.loaders import LoadError, load_document, supported_extensions


def collect_files(inputs: Iterable[Path]) -> list[Path]:
    """The files named, and the supported files below each folder named, in a stable order."""
    found: list[Path] = []
    extensions = set(supported_extensions())
    for item in inputs:
        if item.is_dir():
            found.extend(
                sorted(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in extensions)
            )
        else:
            found.append(item)
    return list(dict.fromkeys(found))  # drop repeats, keep the order


def finished_sources(out: Path) -> set[str]:
    """Sources already in `out`; a torn last line (from a killed run) is cut off."""
    if not out.exists():
        return set()
    done: set[str] = set()
    good_length = 0
    with open(out, "rb") as fh:
        for raw in fh:
            try:
                done.add(json.loads(raw)["source"])
            except (ValueError, KeyError, TypeError):
                break
            good_length += len(raw)
    if good_length < out.stat().st_size:
        with open(out, "r+b") as fh:
            fh.truncate(good_length)
    return done


# Each worker process loads the pipeline once, on its first file.
_worker_options: dict = {}


def _init_worker(options: dict) -> None:
    _worker_options.update(options)


def analyse_file(path: Path) -> tuple[str, str | None]:
    """One JSON line for `path` and, when it cannot be read, the reason."""
    from caveat.batch.work import analysis_entry
    from caveat.reader_words import as_reader_wants
    from caveat.report import analysis_json
    from caveat.sensitivity import at_level

    options = _worker_options
    try:
        document = load_document(path, max_bytes=options["max_bytes"])
    except LoadError as exc:
        return json.dumps({"source": str(path), "error": exc.reason}), str(exc)
    analyze = analysis_entry()
    analysis = analyze(document, layers=options["layers"], model=options["model"])
    analysis, _problem = as_reader_wants(analysis, document.text, options["skip_rules"])
    analysis = at_level(analysis, options["sensitivity"])
    return json.dumps(analysis_json(document, analysis), ensure_ascii=False), None


def _results(files: list[Path], jobs: int, options: dict) -> Iterator[tuple[str, str | None]]:
    if jobs <= 1:
        _init_worker(options)
        yield from map(analyse_file, files)
        return
    from caveat.analysis.parallel import safe_start_method

    context = multiprocessing.get_context(safe_start_method())
    with context.Pool(jobs, initializer=_init_worker, initargs=(options,)) as pool:
        yield from pool.imap_unordered(analyse_file, files, chunksize=4)


class ProgressBar:
    """A one-line progress bar on a terminal; silent when stderr is a file or a pipe."""

    def __init__(self, total: int, stream: TextIO = sys.stderr) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.started = time.perf_counter()
        self.live = stream.isatty()

    def step(self) -> None:
        self.done += 1
        if not self.live:
            return
        width = 30
        filled = width * self.done // max(self.total, 1)
        rate = self.done / max(time.perf_counter() - self.started, 1e-9)
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} files"
            f"  {rate:.1f} files/s"
        )
        self.stream.flush()

    def close(self) -> None:
        if self.live:
            self.stream.write("\n")


def run_batch(
    inputs: list[Path],
    out: Path,
    jobs: int | None,
    layers: tuple[str, ...],
    model: str | None,
    max_bytes: int,
    skip_rules: frozenset[str] = frozenset(),
    sensitivity: str = "balanced",
) -> tuple[int, int, int]:
    """Analyse every input not yet in `out`; returns (analysed, unreadable, skipped as done)."""
    files = collect_files(inputs)
    done = finished_sources(out)
    todo = [p for p in files if str(p) not in done]
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
    options = {
        "layers": layers,
        "model": model,
        "max_bytes": max_bytes,
        "skip_rules": skip_rules,
        "sensitivity": sensitivity,
    }
    analysed = unreadable = 0
    bar = ProgressBar(len(todo))
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "a", encoding="utf-8") as fh:
        try:
            for line, error in _results(todo, jobs, options):
                fh.write(line + "\n")
                fh.flush()
                if error:
                    unreadable += 1
                    print(f"\rcaveat: {error}", file=sys.stderr)
                else:
                    analysed += 1
                bar.step()
        finally:
            bar.close()
    return analysed, unreadable, len(files) - len(todo)
