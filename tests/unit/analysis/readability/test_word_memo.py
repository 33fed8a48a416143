"""textstat's per-word functions under a larger cache (word_memo.py) give exactly the figures
textstat's own functions give: every metric of a long real text and of each of its paragraphs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import textstat.backend

from caveat.analysis.readability.metrics import BLOCK_METRICS, readability
from caveat.analysis.readability.word_memo import _BINDINGS, remember_words

REPO = Path(__file__).resolve().parents[4]


def _clear_textstat_caches() -> None:
    """Forget everything textstat remembered, so that each run below counts afresh."""
    for name, module in list(sys.modules.items()):
        if name.startswith(textstat.backend.__name__):
            for value in vars(module).values():
                if hasattr(value, "cache_clear"):
                    value.cache_clear()
    for _module, _name, _own, memoised in _BINDINGS:
        memoised.cache_clear()  # type: ignore[attr-defined]


def _figures(text: str) -> tuple[dict, list[dict]]:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return readability(text), [readability(p, BLOCK_METRICS, block=True) for p in paragraphs]


def _news_text() -> str:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from news_text import news_text
    except (ImportError, OSError) as error:  # ../shared/corpora is not beside this checkout
        pytest.skip(f"no news corpus: {error}")
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    try:
        return news_text(20_000)
    except OSError as error:
        pytest.skip(f"no news corpus: {error}")


@pytest.mark.parametrize("source", ["bundled sample", "news, 20,000 words"])
def test_remembered_words_change_no_figure(source):
    if source == "bundled sample":
        text = (REPO / "resources" / "samples" / "caveat-sample.md").read_text(encoding="utf-8")
    else:
        text = _news_text()
    try:
        remember_words(False)
        _clear_textstat_caches()
        own = _figures(text)
        remember_words(True)
        _clear_textstat_caches()
        remembered = _figures(text)
    finally:
        remember_words(True)
    assert own[0]["smog_index"] and own[0]["gunning_fog"]  # measured, not "too short"
    assert remembered == own


def test_the_larger_caches_are_the_ones_textstat_calls():
    from textstat.backend.counts import _count_polysyllable_words
    from textstat.backend.selections import _list_difficult_words

    for function in (
        _count_polysyllable_words.count_syllables,
        _list_difficult_words.is_difficult_word,
    ):
        assert function.cache_info().maxsize > 128  # type: ignore[attr-defined]
