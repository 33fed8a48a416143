"""How many articles a second one `caveat batch` process can feed to a cluster, and so how many
workers it keeps busy: the client's own work (reading and hashing the inputs, sending batches,
turning results into rows, writing Parquet) with workers that answer at once.

    .venv/bin/python benchmarks/batch_client.py [--articles 10000]

The answers are real: 50 news articles are analysed once, here, and their results handed back
(by turns) for every article sent. The time is the client's alone.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from news_corpus import polnear, write_table  # noqa: E402

from caveat.batch.run import run_batch  # noqa: E402
from caveat.batch.work import ArticleInput, BatchOptions, BatchResult, analyse_batch  # noqa: E402
from caveat.layers import layer_ids  # noqa: E402


class InstantEngine:
    """Workers that answer at once with results analysed beforehand."""

    retries = 1

    def __init__(self, answers: list) -> None:
        self.answers = answers
        self.sent = 0

    def slots(self) -> int:
        return 8

    def describe(self) -> str:
        return "instant workers"

    def submit(self, batch: list[ArticleInput], options: BatchOptions) -> Future:
        results = []
        for item in batch:
            answer = self.answers[self.sent % len(self.answers)]
            self.sent += 1
            results.append(replace(answer, key=item.key))
        future: Future = Future()
        future.set_result(BatchResult(results, "instant:0", 0.0))
        return future

    def wait(self, pending):
        return {f for f in pending if f.done()}

    def result(self, future: Future) -> BatchResult:
        return future.result()

    def close(self) -> None:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    options = BatchOptions(tuple(layer_ids()))
    pool = list(polnear("train"))
    sample = [ArticleInput(i, "a.txt", row["text"].encode()) for i, row in enumerate(pool[:50])]
    answers = analyse_batch(sample, options).articles
    work = Path(tempfile.mkdtemp(prefix="caveat-client-"))
    rows = [{**pool[i % len(pool)], "id": f"a{i}"} for i in range(args.articles)]
    table = write_table(rows, work / "articles.jsonl")
    start = time.perf_counter()
    cpu = time.process_time()
    summary = run_batch([table], work / "out", options, lambda: InstantEngine(answers))
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    print(
        f"{summary.analysed:,} articles through the client alone: {seconds:.1f} s "
        f"({cpu_seconds:.1f} s of CPU), {summary.analysed / cpu_seconds:,.0f} articles per "
        f"CPU second"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
