"""The start-up and speed savings change nothing that is found: `caveat analyze --json` as
shipped (spaCy without its command line, textstat without nltk, the helper process forked for
long texts, textstat's per-word functions under larger caches, the model loaded into an empty
tokenizer and multiplying with numpy, lemmas learnt a batch at a time, each distinct word's
embedding computed once) against the same command in a process that does each of these the way
Caveat did before (spaCy and textstat imported in full first, textstat's own caches, spaCy's
default tokenizer built first, blis, lemmas learnt paragraph by paragraph with a full stop after
every word, every token embedded). Compared on the bundled sample, the gold-annotated Syria
article and 100,000 words of real news: findings, metrics and the metrics of every paragraph."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[3]
AS_BEFORE = (
    "import sys, spacy, spacy.cli, textstat, nltk\n"
    "from caveat.analysis.pipeline import lemmas, load\n"
    "from caveat.analysis.readability import metrics, word_memo\n"  # metrics turns it on
    "word_memo.remember_words(False)\n"  # textstat's own 128-entry caches
    "load._LOAD_CONFIG = {}\n"  # spaCy builds the default tokenizer, then loads the model's
    "load.MODEL_OPS = {}\n"  # thinc's default: blis multiplies the model's matrices
    "del lemmas.CachedLemmatizer.pipe\n"  # spaCy then calls it paragraph by paragraph
    "lemmas._rule_starts = lambda vocab, components: None\n"  # a full stop after every word
    "load.embeddings.cache_embeddings = lambda nlp: None\n"  # the model embeds every token
    "from caveat.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)
LEAN_CHECK = (
    "import sys\n"
    "from caveat.analysis.pipeline.load import load_pipeline\n"
    "from caveat.analysis.readability.metrics import readability\n"
    "load_pipeline()\n"
    "readability('Words to count. And a second sentence here.')\n"
    "print(sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'requests', 'nltk'}))\n"
)


def _shared() -> Path | None:
    """../shared beside the checkout, or beside the folder of worktrees."""
    return next(
        (p / "shared" for p in (REPO.parent, REPO.parent.parent) if (p / "shared").is_dir()),
        None,
    )


def _analysis(command: list[str], path: Path, cache: Path) -> dict:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}  # a fresh cache: a real analysis
    out = subprocess.run(
        [*command, "analyze", "--json", str(path)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    found = json.loads(out.stdout)
    return {key: found[key] for key in ("findings", "metrics", "block_metrics")}


def _news(words: int, folder: Path) -> Path:
    shared = _shared()
    if shared is None or not (shared / "corpora" / "polnear_attribution").is_dir():
        pytest.skip("../shared/corpora is not beside this checkout")
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from news_text import write_news
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    return write_news(words, folder)


def _sample(name: str, tmp_path: Path) -> Path:
    if name == "bundled sample":
        return REPO / "resources" / "samples" / "caveat-sample.md"
    if name == "syria gold article":
        shared = _shared()
        if shared is None:
            pytest.skip("../shared is not beside this checkout")
        return shared / "samples" / "syria-opinion.txt"
    return _news(100_000, tmp_path)


@pytest.mark.parametrize("name", ["bundled sample", "syria gold article", "news, 100,000 words"])
def test_as_shipped_finds_exactly_what_the_way_before_finds(name, tmp_path):
    path = _sample(name, tmp_path)
    shipped = _analysis([sys.executable, "-m", "caveat"], path, tmp_path / "shipped")
    before = _analysis([sys.executable, "-c", AS_BEFORE], path, tmp_path / "before")
    assert len(shipped["findings"]) > 10
    assert shipped["findings"] == before["findings"]
    assert shipped["metrics"] == before["metrics"]
    assert shipped["block_metrics"] == before["block_metrics"]


def test_analysing_imports_neither_spacys_command_line_nor_nltk():
    out = subprocess.run(
        [sys.executable, "-c", LEAN_CHECK], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
