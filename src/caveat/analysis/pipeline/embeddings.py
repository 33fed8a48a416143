"""Each distinct word's embedding computed once, instead of once per occurrence.

The model's `tok2vec` first embeds every token on its own (six hashed tables of its NORM, PREFIX,
SUFFIX, SHAPE, SPACY and IS_SPACE features, concatenated and mixed by a maxout layer and a layer
norm), then the encoder looks at each token's neighbours. The first stage depends on the token's
six features alone, and news has some 14,000 distinct feature rows per 100,000 words (120,000
tokens): so the rows are remembered, and only the rows a batch brings new go through the model's
own layers. Measured on 100,000 words of news in one process: `tok2vec` 1.89 -> 1.46 s of CPU.

The output is bit for bit what the model computes, which its tests check on real text: a row's
matrix product does not depend on the other rows multiplied with it, except in the BLAS's path
for very small products (OpenBLAS gives rows multiplied a few at a time other last bits). So
new rows are multiplied MIN_ROWS or more at a time (padded with copies), and a batch of fewer
tokens than that, which the model too multiplies in one small product, goes through the model
unchanged. Only this exact embedding layout (`en_core_web_sm`'s, in its `tok2vec` and in
`senter`, which embeds five features on its own) is cached; any other model is left as it is.
"""

from __future__ import annotations

from typing import Any, cast

import numpy
from spacy.language import Language
from thinc.api import Model

#: The fewest rows multiplied at once: the model's own batches are thousands of tokens, and
#: OpenBLAS takes its small-product path only below about 1e6 multiply-adds (8 rows here).
MIN_ROWS = 64
#: The most rows remembered (about 10 MB of embeddings and keys); news has some 14,000 per
#: 100,000 words. Beyond, the memory is emptied before the next batch.
MAX_ROWS = 50_000
#: The layers of the embedding stage that can be cached: features, then the hashed tables and
#: the mixing layer, between conversions to and from ragged arrays.
LAYOUT = ("extract_features", "list2ragged", "with_array", "with_array", "ragged2list")


class CachedEmbedding:
    """Stands in for the forward function of a `tok2vec` model's embedding stage."""

    def __init__(self, embed: Model) -> None:
        self.features, _to_ragged, self.tables, self.mix, _to_list = embed.layers
        self.own_forward = embed._func
        self.index: dict[bytes, int] = {}
        self.rows = numpy.empty((0, embed.get_dim("nO")), dtype="float32")
        embed._func = self.forward

    def forward(self, model: Model, docs: list[Any], is_train: bool) -> tuple[Any, Any]:
        if is_train:  # never in Caveat: training needs the model's own backward pass
            return self.own_forward(model, docs, is_train)
        found = self.features.predict(docs)
        if sum(len(rows) for rows in found) < MIN_ROWS:
            return self.own_forward(model, docs, is_train)
        if len(self.index) > MAX_ROWS:
            self.index.clear()
        features = numpy.concatenate(found)
        # one bytes key per token: its six features' 48 bytes, hashed faster than a tuple
        as_bytes = features.view(numpy.dtype((numpy.void, features.shape[1] * 8)))
        keys = cast(list[bytes], as_bytes.ravel().tolist())
        index = self.index
        new = {key: n for n, key in enumerate(keys) if key not in index}
        if new:
            self._learn(list(new), features[list(new.values())])
        embedded = self.rows[[index[key] for key in keys]]
        return numpy.split(embedded, numpy.cumsum([len(rows) for rows in found])[:-1]), _inference

    def _learn(self, keys: list[bytes], features: numpy.ndarray) -> None:
        count = len(keys)
        if count < MIN_ROWS:  # copies of the first row: the product's path as in a batch
            padding = numpy.repeat(features[:1], MIN_ROWS - count, axis=0)
            features = numpy.concatenate([features, padding])
        embedded = self.mix.predict(self.tables.predict(features))[:count]
        first = len(self.index)
        if first + count > len(self.rows):
            size = max(2 * len(self.rows), first + count, 4096)
            grown = numpy.empty((size, self.rows.shape[1]), dtype=self.rows.dtype)
            grown[:first] = self.rows[:first]
            self.rows = grown
        self.rows[first : first + count] = embedded
        self.index.update(zip(keys, range(first, first + count), strict=True))


def _inference(_gradient: Any) -> Any:
    raise NotImplementedError("Caveat's cached embedding is for inference only")


def cache_embeddings(nlp: Language) -> list[CachedEmbedding]:
    """Cache every embedding stage of the layout cached here in the pipeline's models (the
    `tok2vec`'s, and `senter`'s own), each once."""
    cached = []
    for _name, component in nlp.components:
        model = getattr(component, "model", None)
        if not isinstance(model, Model):
            continue
        for node in model.walk():
            if tuple(layer.name.split("(")[0] for layer in node.layers) != LAYOUT:
                continue
            if not isinstance(getattr(node._func, "__self__", None), CachedEmbedding):
                cached.append(CachedEmbedding(node))
    return cached
