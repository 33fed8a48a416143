"""Small sets of articles for the batch tests: good files of each kind, a table, bad inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_checks import SHORT, TABLE_ROWS

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture
def good_articles(tmp_path: Path, bundled_sample: Path) -> Path:
    """A folder with a Markdown article, a web page, a text file and a table of two articles
    (and a row without text)."""
    folder = tmp_path / "articles"
    (folder / "web").mkdir(parents=True)
    (folder / "sample.md").write_text(bundled_sample.read_text(encoding="utf-8"), "utf-8")
    (folder / "web" / "news-page.html").write_bytes((DATA / "news-page.html").read_bytes())
    (folder / "short.txt").write_text(SHORT, encoding="utf-8")
    with open(folder / "table.jsonl", "w", encoding="utf-8") as fh:
        for row in TABLE_ROWS:
            fh.write(json.dumps(row) + "\n")
    return folder


@pytest.fixture
def bad_files(good_articles: Path) -> list[str]:
    """Unreadable files among the good ones; returns their names."""
    (good_articles / "broken.txt").write_bytes(b"\x00\x01\x02\x03 not text \x00")
    (good_articles / "empty.txt").write_text("", encoding="utf-8")
    (good_articles / "fake.pdf").write_text("not a PDF at all", encoding="utf-8")
    (good_articles / "no-text.csv").write_text("id,title\n1,Headline\n", encoding="utf-8")
    return ["broken.txt", "empty.txt", "fake.pdf", "no-text.csv"]
