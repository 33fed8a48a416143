"""`caveat batch` with --engine local and --engine dask on the same real news: throughput and
memory per worker, engines alternating so that both meet the same load.

    .venv/bin/python benchmarks/batch_engines.py [--articles 2000] [--workers 2] [--rounds 2]

The articles are the whole news articles of ../shared/corpora (PolNeAR train and dev, BASIL
train, PTC train: 1,499), taken again under new ids when more are asked for (each copy is
analysed again: nothing is cached). Every run is a whole `caveat batch` process with a fresh
output folder, cache and config; its time runs from process start to exit (starting the
workers and loading the model included). The machine's load average is printed with each run:
on a shared machine compare the engines within a round, not across rounds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from news_corpus import basil, polnear, ptc, write_table  # noqa: E402


def articles(count: int) -> list[dict]:
    pool = [*polnear("train"), *polnear("dev"), *basil(), *ptc()]
    chosen = []
    for i in range(count):
        row = dict(pool[i % len(pool)])
        if i >= len(pool):
            row["id"] = f"{row['id']}#copy{i // len(pool)}"
        chosen.append(row)
    return chosen


def run(table: Path, work: Path, engine: str, workers: int) -> dict:
    out = Path(tempfile.mkdtemp(prefix=f"{engine}-", dir=work))
    home = Path(tempfile.mkdtemp(prefix="home-", dir=work))
    env = {**os.environ, "XDG_CACHE_HOME": str(home / "cache"), "XDG_CONFIG_HOME": str(home)}
    caveat = Path(sys.executable).parent / "caveat"
    command = [str(caveat), "batch", str(table), "--out", str(out / "result")]
    command += ["--engine", engine, "--workers", str(workers)]
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    record = json.loads((out / "result" / "caveat-batch.json").read_text())["runs"][-1]
    return {
        "engine": engine,
        "seconds": seconds,
        "articles": record["analysed"] + record["failed"],
        "words": record["words"],
        "memory": sorted(record["peak_memory_mb"].values()),
        "load": (load_before, os.getloadavg()[0]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="caveat-engines-"))
    rows = articles(args.articles)
    table = write_table(rows, work / "news.jsonl")
    words = sum(len(r["text"].split()) for r in rows)
    print(f"{len(rows):,} articles, about {words:,} words; {args.workers} workers; {work}")
    results: list[dict] = []
    for round_number in range(args.rounds):
        order = ("local", "dask") if round_number % 2 == 0 else ("dask", "local")
        for engine in order:
            result = run(table, work, engine, args.workers)
            results.append(result)
            print(
                f"round {round_number + 1} {engine:5}: {result['seconds']:6.1f} s, "
                f"{result['articles'] / result['seconds']:5.2f} articles/s, "
                f"{result['words'] / result['seconds']:7,.0f} words/s; peak memory per worker "
                f"{', '.join(f'{m:.0f}' for m in result['memory'])} MB; load average "
                f"{result['load'][0]:.1f} before, {result['load'][1]:.1f} after",
                flush=True,
            )
    ratios = []
    for round_number in range(args.rounds):
        pair = {r["engine"]: r["seconds"] for r in results[2 * round_number : 2 * round_number + 2]}
        ratios.append(pair["dask"] / pair["local"])
    for engine in ("local", "dask"):
        times = [r["seconds"] for r in results if r["engine"] == engine]
        print(f"{engine}: median {statistics.median(times):.1f} s over {len(times)} runs")
    print(
        "dask / local time, round by round: "
        + ", ".join(f"{r:.3f}" for r in ratios)
        + f"; overhead median {100 * (statistics.median(ratios) - 1):+.1f} %"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
