import json
from dataclasses import replace
from pathlib import Path

import pytest

from caveat.analysis import cache
from caveat.document import Block, Document
from caveat.findings import Analysis, Finding, PipelineInfo


def _document(text: str = "It may rain. About 40 people came.") -> Document:
    return Document(text, (Block(0, len(text)),), "txt")


def _analysis() -> Analysis:
    finding = Finding(3, 6, "hedge", "epistemic-modal", "'may' hedges the claim", 0.9)
    return Analysis(
        findings={"hedge": (finding,), "number": ()},
        metrics={"words": 7.0},
        block_metrics={0: {"words": 7.0}},
        pipeline=PipelineInfo("en_core_web_sm", "3.8.0"),
        words=7,
        layers=("hedge", "number"),
    )


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "cache_dir", lambda: tmp_path / "analyses")


def test_cache_round_trips_an_analysis():
    key = cache.cache_key(_document(), ("hedge", "number"), PipelineInfo("en_core_web_sm", "3.8.0"))
    cache.store(key, _analysis())
    assert cache.load(key) == _analysis()


@pytest.mark.parametrize(
    ("other_text", "other_layers", "other_pipeline"),
    [
        ("It may rain. About 41 people came.", ("hedge", "number"), "en_core_web_sm"),
        ("It may rain. About 40 people came.", ("hedge",), "en_core_web_sm"),
        ("It may rain. About 40 people came.", ("hedge", "number"), "rules"),
    ],
)
def test_cache_key_changes_with_content_layers_and_pipeline(
    other_text, other_layers, other_pipeline
):
    base = cache.cache_key(_document(), ("hedge", "number"), PipelineInfo("en_core_web_sm"))
    other = cache.cache_key(_document(other_text), other_layers, PipelineInfo(other_pipeline))
    assert base != other


def test_cancelled_analysis_is_never_cached():
    from dataclasses import replace

    cache.store("k", replace(_analysis(), cancelled=True))
    assert cache.load("k") is None


def test_damaged_entry_is_a_miss_and_is_removed(tmp_path):
    folder = tmp_path / "analyses"
    folder.mkdir()
    (folder / "bad.json").write_text("{not json", encoding="utf-8")
    assert cache.load("bad") is None
    assert not (folder / "bad.json").exists()


def test_trim_removes_least_recently_used_first(tmp_path):
    import os

    folder = tmp_path / "trim"
    folder.mkdir()
    for age, name in enumerate(["new", "middle", "old"]):
        path = folder / f"{name}.json"
        path.write_text(json.dumps({"x": "y" * 100}))
        os.utime(path, (1_000_000 - age * 1000, 1_000_000 - age * 1000))
    cache.trim(folder, max_bytes=250)
    assert sorted(p.stem for p in folder.glob("*.json")) == ["middle", "new"]


def test_the_fingerprint_covers_every_module_the_analysis_runs(bundled_sample):
    import subprocess
    import sys

    # A fresh process: which of Caveat's modules does an analysis import beyond loading?
    code = (
        "import sys; from caveat.loaders import load_document;"
        f"document = load_document({str(bundled_sample)!r});"
        "before = set(sys.modules);"
        "from caveat.analysis.run import analyze;"
        "analyze(document, use_cache=False, parallel=False, model='rules');"
        "print('\\n'.join(sys.modules[m].__file__ for m in sorted(set(sys.modules) - before)"
        " if m.startswith('caveat.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    ran = {Path(line).resolve() for line in out.stdout.split()}
    assert any("layers/hedge" in str(path) for path in ran)
    assert ran <= set(cache.fingerprint_sources())


def test_the_fingerprint_covers_the_lexicons_and_a_plugin_layer(tmp_path):
    from caveat.layers import Layer, all_layers

    plugin = tmp_path / "toy_plugin_layer.py"
    plugin.write_text("# a plugin's factory would be here\n", encoding="utf-8")
    lexicon = tmp_path / "toy.toml"
    lexicon.write_text("[rules]\n", encoding="utf-8")
    toy = Layer("toy", "Toys", "Toy", "a toy", "", "#000000", "#ffffff", "dot", "f", "x", "")
    import sys

    sys.path.insert(0, str(tmp_path))
    try:
        layers = (*all_layers(), replace(toy, module="toy_plugin_layer", lexicon=str(lexicon)))
        sources = cache.fingerprint_sources(layers)
    finally:
        sys.path.remove(str(tmp_path))
    assert plugin.resolve() in sources and lexicon.resolve() in sources
    assert {p.name for p in sources} >= {"hedge.toml", "common.toml", "attribution.toml"}
