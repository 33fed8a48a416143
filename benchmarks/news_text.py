"""Build real news text of a given size from ../shared/corpora/polnear_attribution.

Articles are concatenated in corpus order; each article's sentences are grouped three to a
paragraph (the corpus keeps sentences, not paragraphs) under its first sentence as a heading.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from news_corpus import CORPORA  # ../shared, found from a checkout or a worktree

CORPUS = CORPORA / "polnear_attribution"


def articles(split: str = "train") -> Iterator[list[str]]:
    current: list[str] = []
    doc_id = None
    with open(CORPUS / f"{split}.jsonl", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["doc"] != doc_id and current:
                yield current
                current = []
            doc_id = record["doc"]
            current.append(record["text"])
    if current:
        yield current


def article_text(sentences: list[str]) -> str:
    title, body = sentences[0], sentences[1:]
    paragraphs = [" ".join(body[i : i + 3]) for i in range(0, len(body), 3)]
    return "\n\n".join([f"# {title}", *paragraphs]) + "\n"


def news_text(words: int) -> str:
    """About `words` words of Markdown news (whole paragraphs, so slightly over)."""
    parts: list[str] = []
    count = 0
    for sentences in articles():
        text = article_text(sentences)
        parts.append(text)
        count += len(text.split())
        if count >= words:
            break
    text = "\n".join(parts)
    if count < words:
        raise ValueError(f"the corpus holds only {count} words")
    return text


def write_news(words: int, folder: Path) -> Path:
    path = folder / f"news-{words}.md"
    if not path.exists():
        path.write_text(news_text(words), encoding="utf-8")
    return path
