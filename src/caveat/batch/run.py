"""`caveat batch`: analyse every article of the inputs not yet in DIR, and write it as Parquet.

A first pass over the inputs counts the articles, finds their metadata columns and tells which
are done (by id and content hash). The second sends the rest to the engine in batches, a few at
a time, and writes results in parts as they come back: every `part_rows` articles and at least
once a minute, so a killed run loses at most the last minute of work and Ctrl+C loses nothing
finished (the part in hand is written before the run stops).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
from tqdm import tqdm

from caveat import __version__
from caveat.batch.engines import Engine, WorkerLost
from caveat.batch.inputs import Article, collect_inputs, iter_articles
from caveat.batch.schema import (
    FINDINGS_SCHEMA,
    WORKER_STOPPED,
    Columns,
    article_row,
    finding_rows,
)
from caveat.batch.store import BatchStore
from caveat.batch.work import ArticleInput, ArticleResult, BatchOptions, BatchResult, metric_names

BATCH_ARTICLES = 16  # small enough to spread the work evenly, big enough to cost nothing to send
BATCH_BYTES = 4 * 2**20  # and never more than this much text in one message
FLUSH_SECONDS = 60.0


@dataclass
class RunSummary:
    total: int = 0  # articles in the inputs
    skipped: int = 0  # already in DIR (or repeated in the inputs)
    analysed: int = 0
    failed: int = 0  # written with `error` set
    words: int = 0
    seconds: float = 0.0
    engine: str = ""
    peak_memory_mb: dict[str, float] = field(default_factory=dict)  # worker -> its peak
    interrupted: bool = False


@dataclass
class _Plan:
    total: int = 0
    todo: int = 0
    metadata: dict[str, None] = field(default_factory=dict)  # an ordered set
    stale: set[str] = field(default_factory=set)  # ids whose rows are replaced


def _is_todo(article: Article, finished: set[tuple[str, str]], seen: set[tuple[str, str]]) -> bool:
    """Neither done before nor repeated in the inputs. An input that could not be read at all
    (no hash: missing, no permission) is tried again."""
    key = (article.id, article.content_hash)
    if (article.content_hash and key in finished) or key in seen:
        return False
    seen.add(key)
    return True


def _plan(
    paths: list[Path], finished: set[tuple[str, str]], present: set[str], max_bytes: int
) -> _Plan:
    plan, seen = _Plan(), set[tuple[str, str]]()
    for article in iter_articles(paths, max_bytes):
        plan.total += 1
        plan.metadata.update(dict.fromkeys(article.meta))
        if _is_todo(article, finished, seen):
            plan.todo += 1
            if article.id in present:
                plan.stale.add(article.id)
    return plan


def _say(message: str) -> None:
    tqdm.write(f"caveat: {message}", file=sys.stderr)


class _Writer:
    """Rows waiting to be written, as one part every `part_rows` articles or FLUSH_SECONDS."""

    def __init__(self, store: BatchStore, columns: Columns, part_rows: int, live: bool) -> None:
        self.store, self.columns, self.part_rows, self.live = store, columns, part_rows, live
        self.articles: list[dict[str, Any]] = []
        self.findings: list[dict[str, Any]] = []
        self.written = 0
        self.last = time.monotonic()

    def add(self, article: Article, result: ArticleResult | None, version: str) -> None:
        self.articles.append(article_row(self.columns, article, result, version))
        if result is not None and not result.error:
            self.findings.extend(finding_rows(article, result))
        if len(self.articles) >= self.part_rows or time.monotonic() - self.last > FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        self.last = time.monotonic()
        if not self.articles:
            return
        articles = pa.Table.from_pylist(self.articles, self.columns.articles_schema())
        findings = pa.Table.from_pylist(self.findings, FINDINGS_SCHEMA)
        part = self.store.write_part(articles, findings)
        self.written += len(self.articles)
        self.articles, self.findings = [], []
        if not self.live:  # a log, not a terminal: say how far it got now and then
            _say(f"{self.written:,} articles written ({part.name})")


class _Run:
    """Batches in flight, and what comes back. The engine starts with the first batch: a run
    whose only work is inputs that cannot be read starts no worker."""

    def __init__(
        self,
        options: BatchOptions,
        make_engine: Callable[[], Engine],
        writer: _Writer,
        bar: tqdm,
        todo: int,
    ) -> None:
        self.options, self.make_engine, self.writer, self.bar = options, make_engine, writer, bar
        self.todo = todo
        self.engine: Engine | None = None
        self.pending: dict[Any, tuple[list[Article], int]] = {}  # future -> (batch, tries)
        self.summary = RunSummary()
        self.fallback_noted = False

    def _started(self) -> Engine:
        if self.engine is None:
            self.engine = self.make_engine()
            self.summary.engine = self.engine.describe()
            _say(f"{self.todo:,} articles to analyse on {self.summary.engine}")
        return self.engine

    def send(self, batch: list[Article], tries: int = 0) -> None:
        items = [ArticleInput(i, a.name, a.content) for i, a in enumerate(batch)]
        self.pending[self._started().submit(items, self.options)] = (batch, tries)

    def fill(self, batches: Iterator[list[Article]]) -> None:
        while self.engine is None or len(self.pending) < self.engine.slots():
            batch = next(batches, None)
            if batch is None:
                return
            self.send(batch)

    def write(self, article: Article, result: ArticleResult | None, version: str) -> None:
        self.writer.add(article, result, version)
        error = article.error or (result.error if result else None)
        if error:
            self.summary.failed += 1
            _say(f"{article.where()}: {error}")
        elif result is not None:
            self.summary.analysed += 1
            self.summary.words += int(result.metrics.get("words") or 0)
            if result.pipeline == "rules" and not self.fallback_noted:
                self.fallback_noted = True
                _say("note: a worker has no English model: it uses the rule-based fallback")
        self.bar.update(1)

    def received(self, batch: list[Article], result: BatchResult) -> None:
        peak = self.summary.peak_memory_mb
        peak[result.worker] = max(peak.get(result.worker, 0.0), round(result.peak_memory_mb, 1))
        for item in result.articles:
            self.write(batch[item.key], item, result.caveat_version)

    def lost(self, engine: Engine, batch: list[Article], tries: int) -> None:
        if tries + 1 < engine.retries:
            self.send(batch, tries + 1)
        elif len(batch) > 1:
            for article in batch:  # find the one that stops its worker
                self.send([article])
        else:
            self.write(batch[0], ArticleResult(0, error=WORKER_STOPPED), __version__)

    def go(
        self, articles: Iterable[Article], on_result: Callable[[BatchResult], None] | None
    ) -> None:
        batches = _batches(articles, self.write)
        self.fill(batches)
        while self.pending and self.engine is not None:
            for future in self.engine.wait(self.pending):
                batch, tries = self.pending.pop(future)
                try:
                    result = self.engine.result(future)
                except WorkerLost:
                    self.lost(self.engine, batch, tries)
                    continue
                self.received(batch, result)
                if on_result:
                    on_result(result)
            self.fill(batches)

    def close(self) -> None:
        if self.engine is not None:
            self.engine.close()


def _batches(
    articles: Iterable[Article], unreadable: Callable[[Article, None, str], None]
) -> Iterator[list[Article]]:
    batch: list[Article] = []
    size = 0
    for article in articles:
        if article.error:  # could not be read here: its row is written without a worker
            unreadable(article, None, __version__)
            continue
        batch.append(article)
        size += len(article.content)
        if len(batch) >= BATCH_ARTICLES or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def run_batch(
    inputs: list[Path],
    out: Path,
    options: BatchOptions,
    make_engine: Callable[[], Engine],
    part_rows: int = 1000,
    on_result: Callable[[BatchResult], None] | None = None,
) -> RunSummary:
    """Analyse what of `inputs` is not yet in `out`; StoreError or EngineError when it cannot."""
    started = time.perf_counter()
    started_at = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    paths = collect_inputs(inputs, exclude=out)
    if not paths:
        return RunSummary()  # nothing to read: nothing is written either
    store = BatchStore(out)
    store.open()
    try:
        finished, present = store.done()
        plan = _plan(paths, finished, present, options.max_bytes)
        wanted = Columns.make(options.layers, list(plan.metadata), metric_names())
        columns = store.agree_columns(wanted)
        kept = {"skip_rules": sorted(options.skip_rules), "sensitivity": options.sensitivity}
        store.agree_options(kept)
        store.write_manifest(columns, options=kept)  # first: parts always say what they are
        for column, key in columns.metadata:
            if column != key:
                _say(f"note: the input column '{key}' is written as '{column}'")
        summary = RunSummary(total=plan.total, skipped=plan.total - plan.todo)
        if plan.todo:
            store.drop(plan.stale)
            summary = _analyse(
                paths, plan, finished, options, make_engine, store, columns, part_rows, on_result
            )
        summary.seconds = time.perf_counter() - started
        record = {"started": started_at, **asdict(summary)}
        store.write_manifest(columns, record)
        return summary
    finally:
        store.close()


def _analyse(
    paths: list[Path],
    plan: _Plan,
    finished: set[tuple[str, str]],
    options: BatchOptions,
    make_engine: Callable[[], Engine],
    store: BatchStore,
    columns: Columns,
    part_rows: int,
    on_result: Callable[[BatchResult], None] | None,
) -> RunSummary:
    live = sys.stderr.isatty()
    bar = tqdm(total=plan.todo, unit=" articles", file=sys.stderr, disable=not live, smoothing=0.05)
    writer = _Writer(store, columns, part_rows, live)
    run = _Run(options, make_engine, writer, bar, plan.todo)
    try:
        seen: set[tuple[str, str]] = set()
        todo = (a for a in iter_articles(paths, options.max_bytes) if _is_todo(a, finished, seen))
        run.go(todo, on_result)
    except KeyboardInterrupt:
        run.summary.interrupted = True
    finally:
        bar.close()
        writer.flush()
        run.close()
    summary = run.summary
    summary.total, summary.skipped = plan.total, plan.total - plan.todo
    return summary
