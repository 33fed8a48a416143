"""Batch mode on 1,000 news articles built from the corpora: files per second.

    .venv/bin/python benchmarks/batch_speed.py [--files 1000] [--jobs 2]

Articles come from PolNeAR (train and dev, whole articles), topped up with BASIL sentences
grouped by document when more are asked for. The cache is pointed at an empty folder so every
file is really analysed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from news_text import CORPUS, article_text, articles  # noqa: E402


def basil_articles() -> list[list[str]]:
    by_doc: dict[str, list[str]] = {}
    with open(CORPUS.parent / "basil" / "train.jsonl", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            by_doc.setdefault(record.get("doc", record["id"]), []).append(record["text"])
    return [s for s in by_doc.values() if len(s) > 3]


def write_articles(count: int, folder: Path) -> int:
    pool = [*articles("train"), *articles("dev"), *basil_articles()]
    if len(pool) < count:
        raise SystemExit(f"the corpora hold only {len(pool)} articles")
    words = 0
    for i, sentences in enumerate(pool[:count]):
        text = article_text(sentences)
        words += len(text.split())
        (folder / f"article-{i:04d}.md").write_text(text, encoding="utf-8")
    return words


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="caveat-batch-"))
    folder = work / "articles"
    folder.mkdir()
    words = write_articles(args.files, folder)
    out = work / "out.jsonl"
    env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache")}
    caveat = Path(sys.executable).parent / "caveat"
    command = [str(caveat), "analyze", str(folder), "--jsonl", str(out), "--jobs", str(args.jobs)]
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    lines = out.read_text(encoding="utf-8").splitlines()
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, stderr=subprocess.DEVNULL)
    resume = time.perf_counter() - start
    print(
        f"{args.files} files, {words:,} words, --jobs {args.jobs}: {seconds:.1f} s, "
        f"{args.files / seconds:.1f} files/s, {words / seconds:,.0f} words/s; "
        f"{len(lines)} lines written; a second run skipped them all in {resume:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
