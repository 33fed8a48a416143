"""Whole news articles from ../shared/corpora, as rows of a table of articles.

Each row has `id`, `outlet`, `date`, `title`, `corpus` and `text`. PolNeAR (2015-16, seven US
outlets; train and dev) and BASIL (2010-19, Fox, the New York Times and HuffPost; train) keep one
sentence per record, grouped by `doc` in order; PTC (propaganda-rich news, train) one line per
record. The corpora keep no paragraphs: an article's text is its sentences three to a paragraph,
paragraphs apart by a blank line. PolNeAR's first sentence is the headline: it goes to `title`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

# ../shared beside the checkout; a worktree in a folder of worktrees looks one level up
_REPO = Path(__file__).resolve().parents[1]
CORPORA = next(
    (
        p / "shared" / "corpora"
        for p in (_REPO.parent, _REPO.parent.parent)
        if (p / "shared").is_dir()
    ),
    _REPO.parent / "shared" / "corpora",
)
# BASIL and PolNeAR name two of the same outlets differently
OUTLET_NAMES = {"hpo": "huff-post"}


def _documents(path: Path) -> Iterator[tuple[str, list[dict]]]:
    """(doc, its records in order) for every document of a corpus file."""
    current: list[dict] = []
    doc = None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            key = record.get("doc", record["id"].split("#")[0])
            if key != doc and current:
                yield str(doc), current
                current = []
            doc = key
            current.append(record)
    if current:
        yield str(doc), current


def paragraphs(sentences: list[str]) -> str:
    return "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)) + "\n"


def polnear(split: str) -> Iterator[dict]:
    for doc, records in _documents(CORPORA / "polnear_attribution" / f"{split}.jsonl"):
        outlet, date, _slug = doc.split("_", 2)
        sentences = [r["text"] for r in records]
        yield {
            "id": f"polnear/{doc}",
            "outlet": outlet,
            "date": date,
            "title": sentences[0],
            "corpus": f"PolNeAR {split}",
            "text": paragraphs(sentences[1:]),
        }


def basil() -> Iterator[dict]:
    for doc, records in _documents(CORPORA / "basil" / "train.jsonl"):
        outlet = records[0].get("source", "")
        yield {
            "id": f"basil/{doc}",
            "outlet": OUTLET_NAMES.get(outlet, outlet),
            "date": records[0].get("date"),
            "title": None,
            "corpus": "BASIL train",
            "text": paragraphs([r["text"] for r in records]),
        }


def ptc() -> Iterator[dict]:
    for doc, records in _documents(CORPORA / "ptc_propaganda" / "train.jsonl"):
        yield {
            "id": f"ptc/{doc}",
            "outlet": None,
            "date": None,
            "title": None,
            "corpus": "PTC train",
            "text": paragraphs([r["text"] for r in records]),
        }


def reference_articles() -> list[dict]:
    """The reference set's articles: PolNeAR train and dev, BASIL train."""
    return [*polnear("train"), *polnear("dev"), *basil()]


def write_table(rows: list[dict], path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path
