"""Build resources/reference/news.json: how often each layer flags typical news.

    scripts/build-reference [--work DIR] [--workers N]

Runs `caveat batch` over the whole news articles of ../shared/corpora (PolNeAR train and dev,
BASIL train; see news_corpus.py), with an empty config folder (no reader's word lists), and
keeps, per layer, the 0th to 100th percentiles of findings per 100 words over the articles of at
least MIN_WORDS words. Rerun it whenever a detector or a lexicon changes. `caveat report` on the
work folder shows the same articles by outlet and month.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pyarrow.compute as pc
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))
from news_corpus import reference_articles, write_table  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
TARGET = REPO / "resources" / "reference" / "news.json"
# Shorter items (briefs, a headline with a line of text) make densities jump: one hedge in 40
# words is 2.5 per 100. 150 words leaves out 33 of the 1,128 articles.
MIN_WORDS = 150
SUMMARY = "whole news articles from the PolNeAR and BASIL research corpora (US outlets, 2010-2019)"
DESCRIPTION = (
    "Whole news articles from two public research corpora: PolNeAR (Breitbart, HuffPost, the "
    "New York Times, Politico, USA Today, the Washington Post and the Western Journal, "
    "2015-2016; train and dev) and BASIL (Fox News, the New York Times and HuffPost, "
    "2010-2019; train), each of at least 150 words."
)


def run_batch(table: Path, out: Path, workers: int | None) -> None:
    caveat = Path(sys.executable).parent / "caveat"
    command = [str(caveat), "batch", str(table), "--out", str(out)]
    if workers:
        command += ["--workers", str(workers)]
    home = Path(tempfile.mkdtemp(prefix="caveat-reference-"))
    env = {**os.environ, "XDG_CONFIG_HOME": str(home / "config"), "XDG_CACHE_HOME": str(home)}
    subprocess.run(command, check=True, env=env)


def percentiles(out: Path) -> dict:
    from caveat.layers import layer_ids

    table = pq.read_table(out / "articles")
    kept = table.filter(
        pc.and_(pc.is_null(table["error"]), pc.greater_equal(table["words"], MIN_WORDS))
    )
    pipelines = sorted(set(kept["pipeline"].to_pylist()))
    if pipelines != [p for p in pipelines if p != "rules"]:
        raise SystemExit("some articles were analysed without the English model: not a reference")
    layers = [layer for layer in layer_ids() if f"{layer}_per_100_words" in kept.column_names]
    return {
        "summary": SUMMARY,
        "description": DESCRIPTION,
        "articles": kept.num_rows,
        "words": int(pc.sum(kept["words"]).as_py()),
        "min_words": MIN_WORDS,
        "built": {
            "date": datetime.date.today().isoformat(),
            "caveat_version": kept["caveat_version"][0].as_py(),
            "pipeline": ", ".join(pipelines),
            "command": "scripts/build-reference",
        },
        "percentiles": {
            layer: [
                round(float(v), 3)
                for v in np.percentile(kept[f"{layer}_per_100_words"].to_numpy(), range(101))
            ]
            for layer in layers
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--work", type=Path, help="keep the table and the batch result (WORK/batch, replaced) here"
    )
    parser.add_argument("--workers", type=int, help="worker processes (default: one per core)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="caveat-reference-"))
    work.mkdir(parents=True, exist_ok=True)
    table = write_table(reference_articles(), work / "reference-articles.jsonl")
    out = work / "batch"
    if out.exists():  # a batch rerun would skip every article: the detectors may have changed
        shutil.rmtree(out)
    run_batch(table, out, args.workers)
    reference = percentiles(out)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(json.dumps(reference, indent=1) + "\n", encoding="utf-8")
    medians = ", ".join(
        f"{layer} {values[50]:.2f}" for layer, values in reference["percentiles"].items()
    )
    print(f"{TARGET}: {reference['articles']} articles; medians per 100 words: {medians}")
    print(f"the batch result is in {out} (caveat report {out})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
