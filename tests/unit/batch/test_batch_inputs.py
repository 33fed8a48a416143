"""What caveat batch reads: folders walked, tables read row by row, bad input kept as a row."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from caveat.batch.inputs import collect_inputs, content_hash, iter_articles
from caveat.batch.tables import TableError, as_text, read_table

MB = 2**20


def test_collect_inputs_walks_folders_for_articles_and_tables(good_articles, bad_files):
    (good_articles / "notes.xyz").write_text("not an article", encoding="utf-8")
    (good_articles / ".hidden").mkdir()
    (good_articles / ".hidden" / "secret.txt").write_text("hidden", encoding="utf-8")
    names = sorted(p.name for p in collect_inputs([good_articles]))
    assert names == sorted(["sample.md", "news-page.html", "short.txt", "table.jsonl", *bad_files])


def test_collect_inputs_leaves_out_the_output_folder(good_articles):
    out = good_articles / "results"
    (out / "articles").mkdir(parents=True)
    pq.write_table(pa.table({"text": ["a result, not an article"]}), out / "articles" / "p.parquet")
    found = collect_inputs([good_articles], exclude=out)
    assert not any("results" in p.parts for p in found)


def test_a_file_is_one_article_with_its_absolute_path_as_id(good_articles, monkeypatch):
    monkeypatch.chdir(good_articles)
    [article] = iter_articles(collect_inputs([Path("short.txt")]), MB)
    assert article.id == article.source == str(good_articles / "short.txt")
    assert article.row is None and article.error is None
    assert article.content_hash == content_hash((good_articles / "short.txt").read_bytes())


def test_a_table_row_is_an_article_with_its_metadata(good_articles):
    articles = list(iter_articles([good_articles / "table.jsonl"], MB))
    assert [a.id for a in articles] == ["a-1", "a-2", "a-3"]
    assert articles[0].meta == {"outlet": "The Daily", "date": "2024-03-05"}
    assert (
        articles[0].content
        == b"Some say the river could flood again. About 3,000 homes are at risk."
    )
    assert articles[1].row == 1 and articles[1].error is None
    assert articles[2].error == "line 3: no text" and articles[2].content == b""


def test_rows_without_an_id_are_named_by_table_and_row(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text('text,outlet\n"One, with a comma",X\n"Two\nlines",Y\n', encoding="utf-8")
    articles = list(iter_articles([table], MB))
    assert [a.id for a in articles] == [f"{table}#0", f"{table}#1"]
    assert articles[1].content == b"Two\nlines" and articles[1].meta == {"outlet": "Y"}


def test_parquet_tables_are_read_with_typed_metadata_as_text(tmp_path):
    table = tmp_path / "t.parquet"
    pq.write_table(
        pa.table(
            {
                "id": [7, 8],
                "text": ["First article.", "Second article."],
                "date": [datetime.date(2024, 1, 2), None],
                "score": [0.5, 1.0],
            }
        ),
        table,
    )
    articles = list(iter_articles([table], MB))
    assert [a.id for a in articles] == ["7", "8"]
    assert articles[0].meta == {"date": "2024-01-02", "score": "0.5"}
    assert articles[1].meta["date"] is None


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("t.csv", "id,title\n1,x\n", "no 'text' column (columns: id, title)"),
        ("t.parquet", "not parquet", "not a readable Parquet file"),
        ("t.jsonl", b"\xff\xfe\x00garbage", "not UTF-8 text"),
    ],
)
def test_an_unreadable_table_becomes_one_article_with_the_reason(tmp_path, name, content, reason):
    table = tmp_path / name
    if isinstance(content, bytes):
        table.write_bytes(content)
    else:
        table.write_text(content, encoding="utf-8")
    [article] = iter_articles([table], MB)
    assert article.id == str(table) and reason in (article.error or "")


def test_bad_jsonl_lines_become_rows_and_the_rest_is_read(tmp_path):
    table = tmp_path / "t.jsonl"
    lines = ['{"text": "Fine."}', "{broken", "[1, 2]", "", '{"text": "Also fine."}']
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = list(iter_articles([table], MB))
    assert [a.error for a in articles] == [
        None,
        "line 2: not valid JSON",
        "line 3: not a JSON object",
        None,
    ]


def test_a_missing_or_oversized_file_is_an_article_with_the_reason(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 300_000, encoding="utf-8")
    missing, oversized = iter_articles([tmp_path / "gone.txt", big], MB)
    assert missing.error == "no such file"
    assert oversized.error == "file is 1.4 MB, over the 1 MB size limit"
    assert oversized.content == b"" and oversized.content_hash  # skipped until it changes
    assert missing.content_hash == ""  # tried again on every run


def test_read_table_says_when_a_parquet_file_is_not_one(tmp_path):
    fake = tmp_path / "rows.parquet"
    fake.write_text("text\nnot parquet\n", encoding="utf-8")
    with pytest.raises(TableError, match="not a readable Parquet file"):
        list(read_table(fake, MB))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, None),
        (float("nan"), None),
        ("x", "x"),
        (3, "3"),
        (datetime.datetime(2024, 5, 1, 12, 30), "2024-05-01T12:30:00"),
        (["a", "b"], json.dumps(["a", "b"])),
    ],
)
def test_metadata_values_are_kept_as_text(value, text):
    assert as_text(value) == text
