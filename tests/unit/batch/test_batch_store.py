"""The dataset on disk: whole parts only, what a killed run left is tidied, reruns fit."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from caveat.batch.inputs import Article
from caveat.batch.schema import FINDINGS_SCHEMA, WORKER_STOPPED, Columns, article_row
from caveat.batch.store import BatchStore, StoreError
from caveat.batch.work import ArticleResult
from caveat.layers import layer_ids

METRICS = ("flesch_reading_ease", "words", "sentences")


def columns(metadata=("outlet",)) -> Columns:
    return Columns.make(layer_ids(), list(metadata), METRICS)


def article(i: int, content_hash: str = "h", error: str | None = None) -> Article:
    return Article(
        f"id-{i}", "t.jsonl", i, "article.txt", b"x", content_hash, {"outlet": "O"}, error
    )


def part(store: BatchStore, cols: Columns, rows: list[tuple[Article, ArticleResult | None]]):
    table = pa.Table.from_pylist(
        [article_row(cols, a, r, "0.1.0") for a, r in rows], cols.articles_schema()
    )
    findings = pa.Table.from_pylist(
        [
            {
                "id": a.id,
                "layer": "hedge",
                "rule": "epistemic-modal",
                "start": 0,
                "end": 1,
                "text": "x",
                "message": "m",
                "confidence": 1.0,
            }
            for a, _r in rows
        ],
        FINDINGS_SCHEMA,
    )
    return store.write_part(table, findings)


def result(words: int = 100) -> ArticleResult:
    return ArticleResult(
        0,
        metrics={"words": words, "sentences": 5},
        counts={"hedge": 2},
        densities={"hedge": 2.0},
        rule_counts={"epistemic-modal": 2},
    )


@pytest.fixture
def store(tmp_path):
    store = BatchStore(tmp_path / "out")
    store.open()
    store.write_manifest(columns())
    yield store
    store.close()


def test_parts_are_written_whole_and_read_as_one_dataset(store):
    cols = columns()
    part(store, cols, [(article(1), result()), (article(2), result())])
    part(store, cols, [(article(3), result())])
    table = pq.read_table(store.articles)
    assert sorted(table["id"].to_pylist()) == ["id-1", "id-2", "id-3"]
    assert table.schema == cols.articles_schema()
    assert pq.read_table(store.findings).num_rows == 3
    assert not list(store.out.rglob(".*.tmp"))


def test_done_counts_content_errors_but_not_lost_workers_or_unread_files(store):
    cols = columns()
    part(
        store,
        cols,
        [
            (article(1), result()),
            (article(2), ArticleResult(0, error="binary file, not text")),
            (article(3), ArticleResult(0, error=WORKER_STOPPED)),
            (article(4, content_hash="", error="permission denied"), None),
        ],
    )
    finished, present = store.done()
    assert finished == {("id-1", "h"), ("id-2", "h")}
    assert present == {"id-1", "id-2", "id-3", "id-4"}


def test_drop_removes_an_articles_rows_and_findings(store):
    cols = columns()
    part(store, cols, [(article(1), result()), (article(2), result())])
    store.drop({"id-1"})
    assert pq.read_table(store.articles)["id"].to_pylist() == ["id-2"]
    assert pq.read_table(store.findings)["id"].to_pylist() == ["id-2"]


def test_opening_again_removes_what_a_killed_run_left(store):
    written = part(store, columns(), [(article(1), result())])
    (store.findings / "part-killed-00001.parquet").write_bytes(b"findings, no articles part")
    (store.articles / ".part-killed-00002.parquet.tmp").write_bytes(b"half a part")
    store.close()
    again = BatchStore(store.out)
    again.open()
    assert sorted(p.name for p in store.findings.iterdir()) == [written.name]
    assert sorted(p.name for p in store.articles.iterdir()) == [written.name]
    again.close()


def test_a_second_run_into_the_same_folder_is_refused(store):
    other = BatchStore(store.out)
    with pytest.raises(StoreError, match="another caveat batch is writing"):
        other.open()


def test_a_folder_that_holds_something_else_is_refused(tmp_path):
    (tmp_path / "mine.txt").write_text("my own file", encoding="utf-8")
    with pytest.raises(StoreError, match="not empty and holds no caveat batch result"):
        BatchStore(tmp_path).open()
    assert [p.name for p in tmp_path.iterdir()] == ["mine.txt"]


def test_a_rerun_keeps_the_columns_already_written(store):
    kept = store.agree_columns(columns(metadata=()))
    assert kept.metadata == (("outlet", "outlet"),)


@pytest.mark.parametrize(
    ("wanted", "reason"),
    [
        (Columns.make(("hedge",), ["outlet"], METRICS), "use the same options"),
        (columns(metadata=("outlet", "url")), "without the metadata column(s) url"),
    ],
)
def test_a_rerun_that_would_change_the_columns_is_refused(store, wanted, reason):
    with pytest.raises(StoreError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        store.agree_columns(wanted)


def test_metadata_named_like_a_result_column_is_renamed():
    cols = Columns.make(layer_ids(), ["source", "outlet", "hedge_count", "title"], METRICS)
    assert cols.metadata == (
        ("input_source", "source"),
        ("outlet", "outlet"),
        ("input_hedge_count", "hedge_count"),
    )


def test_rule_and_layer_columns_come_from_the_registries():
    from caveat.rules import all_rules

    names = columns().articles_schema().names
    for layer in layer_ids():
        assert f"{layer}_count" in names and f"{layer}_per_100_words" in names
    assert all(f"{rule.id}_count" in names for rule in all_rules())
    hedge_only = Columns.make(("hedge",), [], METRICS).articles_schema().names
    assert "number_count" not in hedge_only and "percentage_count" not in hedge_only
    assert all(f"{r.id}_count" in hedge_only for r in all_rules() if not r.layer)  # common
