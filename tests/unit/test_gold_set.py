"""The hand-annotated gold set (benchmarks/gold) is well-formed, and its scorer counts as
../shared/tools/score_gold.py defines. No spaCy: only the files and the counting are checked."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from caveat.layers import layer_ids

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
ARTICLES = BENCHMARKS / "gold" / "articles"
GOLD_FILES = sorted(ARTICLES.glob("*.gold.json"))


def _module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def _load(path: Path) -> tuple[dict, str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    return gold, (path.parent / gold["file"]).read_text(encoding="utf-8")


def test_the_set_has_enough_articles_in_both_halves():
    splits = [json.loads(p.read_text(encoding="utf-8"))["split"] for p in GOLD_FILES]
    assert len(GOLD_FILES) >= 27
    assert splits.count("fit") >= 13
    assert splits.count("measure") >= 14
    assert set(splits) == {"fit", "measure"}


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_gold_file_is_well_formed(path: Path):
    gold, text = _load(path)
    assert gold["file"] == path.name.replace(".gold.json", ".txt")
    assert gold["split"] in ("fit", "measure")
    assert gold["source"]["corpus"] in ("polnear_attribution", "basil")
    assert gold["source"]["split"] == "train"  # PolNeAR dev is a corpus row of its own
    assert gold["source"]["doc"] and gold["source"]["outlet"]
    assert gold["scheme"]
    for found in gold.get("boilerplate", []):
        assert found in text
    places = [*gold["spans"], *gold["must_not_flag"]]
    for place in places:
        assert place["layer"] in layer_ids()
        assert 0 <= place["start"] < place["end"] <= len(text)
        assert text[place["start"] : place["end"]] == place["text"]
    for span in gold["spans"]:
        assert isinstance(span["required"], bool)
        assert span["note"]
    for trap in gold["must_not_flag"]:
        assert trap["why"]
    keys = [(p["layer"], p["start"], p["end"]) for p in places]
    assert len(keys) == len(set(keys)), "a place is listed twice"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_no_place_is_both_wanted_and_a_trap(path: Path):
    gold, _text = _load(path)
    for trap in gold["must_not_flag"]:
        clash = [
            s["text"]
            for s in gold["spans"]
            if s["layer"] == trap["layer"] and s["start"] < trap["end"] and trap["start"] < s["end"]
        ]
        assert not clash, f"{trap['text']!r} is a trap and a gold span"


def test_every_article_has_required_spans_of_some_layer():
    for path in GOLD_FILES:
        gold, _text = _load(path)
        assert any(s["required"] for s in gold["spans"]), path.name


def test_texts_and_gold_files_match_the_annotation_sheets():
    build = _module(BENCHMARKS / "gold" / "build_gold.py")
    try:
        build._corpora()
    except SystemExit:
        pytest.skip("../shared/corpora is not above this checkout")
    for sheet_path in sorted((BENCHMARKS / "gold" / "annotations").glob("*.ann")):
        text, gold = build.build(build.read_sheet(sheet_path))
        built_path = ARTICLES / f"{sheet_path.stem}.txt"
        assert built_path.read_text(encoding="utf-8") == text, sheet_path.name
        written = json.loads((ARTICLES / f"{sheet_path.stem}.gold.json").read_text("utf-8"))
        assert written == gold, sheet_path.name


def test_scorer_counts_recall_precision_and_traps_as_score_gold_does():
    scorer = _module(BENCHMARKS / "score_gold_set.py")
    gold = {
        "spans": [
            {"layer": "hedge", "start": 0, "end": 5, "text": "maybe", "required": True},
            {"layer": "hedge", "start": 10, "end": 15, "text": "might", "required": True},
            {"layer": "hedge", "start": 20, "end": 25, "text": "would", "required": False},
        ],
        "must_not_flag": [
            {"layer": "hedge", "start": 30, "end": 35, "text": "about", "why": "topic"}
        ],
    }
    findings = [
        {"layer": "hedge", "start": 2, "end": 4, "text": "a"},  # finds a required span
        {"layer": "hedge", "start": 21, "end": 23, "text": "b"},  # an optional span: good
        {"layer": "hedge", "start": 31, "end": 33, "text": "c"},  # a trap: bad
        {"layer": "number", "start": 0, "end": 3, "text": "d"},  # no number gold: bad
    ]
    figures = scorer.score_article(gold, findings)
    hedge = figures["hedge"]
    assert (hedge["required"], hedge["found"], hedge["flags"], hedge["good"]) == (2, 1, 3, 2)
    assert hedge["traps"] == 1
    assert hedge["missed"] == ["might"] and hedge["extra"] == ["c"]
    assert scorer.ratios(hedge) == {"recall": 0.5, "precision": 2 / 3}
    assert figures["number"]["flags"] == 1 and figures["number"]["good"] == 0
    summed = scorer.totals({"one": figures, "two": figures})
    assert summed["hedge"]["found"] == 2 and summed["hedge"]["required"] == 4
    assert summed["all"]["flags"] == 8
