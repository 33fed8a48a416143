"""textstat's word-by-word work remembered for a document's every word, not its last 128.

textstat 0.7.13 memoises each of its functions with `lru_cache(maxsize=128)`. For the SMOG
index, the Gunning fog and Dale-Chall it asks, word by word, how many syllables each word has
and whether it is difficult: over a 100,000-word document with some 15,000 distinct words, 128
entries miss on nearly every word, and each miss splits the word again (two regular-expression
substitutions) and asks Pyphen again. Measured on 100,000 words of news: the whole document's
readability 1.08 -> 0.73 s of CPU with these caches, the figures identical
(tests/unit/analysis/readability/test_word_memo.py).

The functions stay textstat's own: only the two per-word functions (`count_syllables` where it
is called on one word, and `is_difficult_word`) are rebound, where textstat's counting modules
look them up, to the same functions under a larger cache. `count_syllables` on a whole text
(`syllables_per_word`) keeps textstat's small cache, so no text is kept beyond textstat's own 128.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from types import ModuleType
from typing import Any

from textstat.backend.counts import _count_polysyllable_words, _count_syllables
from textstat.backend.selections import _list_difficult_words
from textstat.backend.validations import _is_difficult_word

#: Distinct words remembered per function: twice a 100,000-word news text's vocabulary. Measured:
#: the process that measures 100,000 words of news peaks 8 MB higher (177 -> 185 MB); full
#: caches would hold about 16 MB.
WORDS = 1 << 15

_own_count_syllables: Callable[..., Any] = _count_syllables.count_syllables
_own_is_difficult_word: Callable[..., Any] = _is_difficult_word.is_difficult_word
_per_word_syllables = lru_cache(WORDS)(_own_count_syllables.__wrapped__)  # type: ignore[attr-defined]
_per_word_difficult = lru_cache(WORDS)(_own_is_difficult_word.__wrapped__)  # type: ignore[attr-defined]

#: (module, name, textstat's own function, the same function with the larger cache): the places
#: where textstat calls a per-word function on one word at a time.
_BINDINGS: tuple[tuple[ModuleType, str, Callable[..., Any], Callable[..., Any]], ...] = (
    (_count_polysyllable_words, "count_syllables", _own_count_syllables, _per_word_syllables),
    (_is_difficult_word, "count_syllables", _own_count_syllables, _per_word_syllables),
    (_list_difficult_words, "is_difficult_word", _own_is_difficult_word, _per_word_difficult),
)


def remember_words(on: bool = True) -> None:
    """Give textstat's per-word functions the larger cache (`on`), or their own back."""
    for module, name, own, memoised in _BINDINGS:
        setattr(module, name, memoised if on else own)
