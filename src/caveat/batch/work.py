"""What a worker does with a batch: load each article, analyse it, send back its numbers.

It runs in a worker process, local or on a Dask cluster. The pipeline is loaded on the first
batch and kept for the next ones (`load_pipeline` caches it per process), so the model is loaded
once per worker. One bad article never fails its batch: it comes back with `error` set, so a
batch is lost only when its worker dies (and is then sent again).

Articles travel as bytes, not paths: a worker on another machine needs no access to the files.
"""

from __future__ import annotations

import os
import resource
import socket
import sys
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from caveat import __version__
from caveat.loaders import LoadError, load_document

# A Dask worker may run several tasks at once in threads of one process; spaCy's pipeline is not
# safe to share between threads (select_pipes switches components for everyone), so one at a time.
_analysis_lock = threading.Lock()


def analysis_entry() -> Callable[..., Any]:
    """The analysis entry point: imported here, in one place, and only in the workers (the
    process that sends the work never loads spaCy)."""
    from caveat.analysis.run import analyze

    return analyze


def metric_names() -> tuple[str, ...]:
    """Every readability metric an analysis measures, in its order (textstat; no spaCy)."""
    from caveat.analysis.readability.metrics import METRICS

    return tuple(METRICS)


@dataclass(frozen=True)
class BatchOptions:
    """How every article of a run is analysed: the same on every worker. A new analysis option
    (a sensitivity, say) is one more field here and one more argument in `_analyse`."""

    layers: tuple[str, ...]
    model: str | None = None
    max_bytes: int = 50 * 1024 * 1024
    #: the reader's ignore list, read where the run starts so every worker applies the same one
    ignored: frozenset[str] = frozenset()
    #: rules whose findings are left out (--skip-rules and words.toml's skip_rules)
    skip_rules: frozenset[str] = frozenset()
    #: the sensitivity level: findings below its thresholds are left out
    sensitivity: str = "balanced"


@dataclass(frozen=True)
class ArticleInput:
    """One article on its way to a worker."""

    key: int  # its place in the run, to match the result with the article
    name: str  # the file name to load it as: the extension picks the loader
    content: bytes


@dataclass
class ArticleResult:
    key: int
    error: str | None = None
    format: str = ""
    title: str = ""
    pipeline: str = ""
    metrics: dict[str, float | None] = field(default_factory=dict)  # None: too short to measure
    counts: dict[str, int] = field(default_factory=dict)  # layer -> findings
    densities: dict[str, float] = field(default_factory=dict)  # layer -> per 100 words
    rule_counts: dict[str, int] = field(default_factory=dict)
    # (layer, rule, start, end, text, message, confidence), sorted by start
    findings: list[tuple[str, str, int, int, str, str, float]] = field(default_factory=list)


@dataclass
class BatchResult:
    articles: list[ArticleResult]
    worker: str  # host:pid
    peak_memory_mb: float
    caveat_version: str = __version__


def peak_memory_mb() -> float:
    """This process's peak resident memory so far."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes there, KiB here


def worker_version() -> str:
    """Caveat's version where this runs (asked of every Dask worker before a run)."""
    return __version__


def _one_line(exc: BaseException) -> str:
    detail = " ".join(str(exc).split())[:160]
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


def _analyse(item: ArticleInput, options: BatchOptions, folder: Path) -> ArticleResult:
    from caveat.reader_words import without_ignored, without_rules
    from caveat.sensitivity import at_level

    # The loaders read files (pdfium needs one): the bytes go to a private folder under the
    # article's own name, so its extension picks the loader as for the original file.
    path = folder / (Path(item.name).name or "article.txt")
    path.write_bytes(item.content)
    try:
        document = load_document(path, max_bytes=options.max_bytes)
    except LoadError as exc:
        return ArticleResult(item.key, error=exc.reason)
    finally:
        path.unlink(missing_ok=True)
    analyze = analysis_entry()
    analysis = analyze(
        document, layers=options.layers, model=options.model, use_cache=False, parallel=False
    )
    analysis = without_ignored(analysis, document.text, set(options.ignored))
    analysis = at_level(without_rules(analysis, options.skip_rules), options.sensitivity)
    text = document.text
    found = analysis.all_findings()
    return ArticleResult(
        item.key,
        format=document.format,
        title=document.title,
        pipeline=analysis.pipeline.label(),
        metrics=dict(analysis.metrics),
        counts={layer: analysis.count(layer) for layer in analysis.layers},
        densities={layer: analysis.per_100_words(layer) for layer in analysis.layers},
        rule_counts=dict(Counter(f.rule for f in found)),
        findings=[
            (f.layer, f.rule, f.start, f.end, text[f.start : f.end], f.message, f.confidence)
            for f in found
        ],
    )


def analyse_batch(items: Sequence[ArticleInput], options: BatchOptions) -> BatchResult:
    """Analyse `items`; an article that cannot be read or analysed comes back with its reason."""
    results: list[ArticleResult] = []
    with _analysis_lock, tempfile.TemporaryDirectory(prefix="caveat-batch-") as tmp:
        for item in items:
            try:
                results.append(_analyse(item, options, Path(tmp)))
            except Exception as exc:  # noqa: BLE001 - one article's failure is its row's error
                results.append(ArticleResult(item.key, error=f"analysis failed ({_one_line(exc)})"))
    worker = f"{socket.gethostname()}:{os.getpid()}"
    return BatchResult(results, worker, peak_memory_mb())
