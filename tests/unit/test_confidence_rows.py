"""The rows the confidence model is fitted and measured on (benchmarks/confidence_rows.py): a
number finding is labelled by its own figure, an article is analysed whole and split as one,
and kept rows are reused only while the code and rules that made them are unchanged."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def rows_module():
    sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location(
        "confidence_rows", BENCHMARKS / "confidence_rows.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["confidence_rows"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    yield module
    sys.path.remove(str(BENCHMARKS))


def _record(doc: str, n: int, text: str, cues: list) -> dict:
    return {"id": f"{doc}#{n}", "doc": doc, "text": text, "cues": cues, "has_digit": True}


def _corpus(tmp_path: Path, records: list[dict]) -> Path:
    path = tmp_path / "train.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _source(rows_module, path: Path):
    return rows_module.Source("polnear", "number", "sentence", (str(path),), ("balanced",))


def test_a_figure_is_labelled_by_its_own_attribution_not_its_sentences(
    rows_module, pipeline, tmp_path
):
    voters = "The SVP was rejected by 59.6 percent of voters."
    looking = "Wall Street is looking for United Technologies to post a 17 percent increase."
    records = [
        # PolNeAR marks the voters as a source: the sentence is attributed, the figure is not
        _record("a", 0, voters, [[4, 15, "source"], [16, 31, "cue"]]),
        # the figure lies inside the content of an attribution
        _record("b", 0, looking, [[0, 11, "source"], [12, 26, "cue"], [27, 77, "content"]]),
    ]
    nlp, _info = pipeline
    rows = rows_module.corpus_rows(_source(rows_module, _corpus(tmp_path, records)), nlp)
    by_sentence = dict(zip(rows.sentence, rows.label, strict=True))
    assert by_sentence == {"a#0": 1, "b#0": 0}
    assert rows.hits == [[], []]  # both sentences are attributed (recall's definition)
    assert rows.part == ["train", "train"]


def test_an_article_is_analysed_whole_and_split_as_one(rows_module, pipeline, tmp_path):
    said = "The minister said on Monday that unemployment was falling."
    records = [
        _record("c", 0, said, [[0, 12, "source"], [13, 17, "cue"], [30, 58, "content"]]),
        # flagged on its own; in its article, the minister's statement before it sources it
        _record("c", 1, "It fell by 12 percent this year.", [[0, 32, "content"]]),
        _record("d", 0, "Sales rose 40 percent last year.", []),
        _record("d", 1, "Prices rose 9 percent.", []),
    ]
    nlp, _info = pipeline
    rows = rows_module.corpus_rows(_source(rows_module, _corpus(tmp_path, records)), nlp)
    # the second sentence of c is sourced by the first, as in a real article
    assert rows.sentence == ["d#0", "d#1"]
    assert rows.label == [1, 1] and rows.hits == [["d#0"], ["d#1"]]
    assert len(set(rows.split)) == 1 and rows.split[0] == rows_module.half("d")
    assert rows.units == {"d#0": rows.split[0], "d#1": rows.split[0]}


def test_kept_rows_are_reused_only_with_the_same_fingerprint(rows_module, tmp_path, monkeypatch):
    cache = tmp_path / "rows.json"
    kept = rows_module.Rows("gold_number", "number", "cue", rule=["count"], label=[1])
    stamp = rows_module.fingerprint()
    cache.write_text(json.dumps({"fingerprint": stamp, "rows": [kept.__dict__]}))
    assert rows_module.collect(cache) == [kept]
    # rows of other rules (or of the old list format) are collected again, and kept anew
    cache.write_text(json.dumps([kept.__dict__]))
    monkeypatch.setattr(rows_module, "SOURCES", ())
    assert rows_module.collect(cache) == []
    assert json.loads(cache.read_text()) == {"fingerprint": stamp, "rows": []}
