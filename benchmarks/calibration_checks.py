"""How far a measured calibration can be trusted: the expected calibration error (ECE) and what
chance, resampling and other splits of the data make of it (used by quality_curves.py).

- `chance_ece`: the ECE a perfectly calibrated model would show on as many findings by chance;
- `ece_interval`: the ECE over articles resampled with replacement (90 % range);
- `cross_fitted`: every finding given the confidence of a model fitted on the other half;
- `resplit_eces`: the held-out ECE over other random splits of the articles in two halves,
  each refitted on its fit half (how much one split's figure owes to that split).
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from confidence_rows import Rows, gold_sources, half  # noqa: E402
from fit_confidence import FITTED_KINDS, confidences, fit_layer  # noqa: E402

BINS = np.linspace(0, 1, 11)


def document(sentence: str) -> str:
    """The document a row's sentence id belongs to ("doc#3", "article@12")."""
    return sentence.split("#")[0].split("@")[0]


def reliability(conf: np.ndarray, label: np.ndarray, weight: np.ndarray) -> tuple[list, float]:
    """Per bin (low, high, findings, mean predicted, observed); and the ECE."""
    table, ece = [], 0.0
    where = np.clip(np.digitize(conf, BINS[1:-1]), 0, len(BINS) - 2)
    total = weight.sum()
    for b in range(len(BINS) - 1):
        inside = where == b
        if not inside.any():
            continue
        w = weight[inside]
        predicted = float(np.average(conf[inside], weights=w))
        observed = float(np.average(label[inside], weights=w))
        table.append((BINS[b], BINS[b + 1], int(inside.sum()), predicted, observed))
        ece += w.sum() / total * abs(predicted - observed)
    return table, ece


def chance_ece(conf: np.ndarray, weight: np.ndarray, draws: int = 400) -> float:
    """The ECE a perfectly calibrated model would show on these findings by chance alone (its
    labels drawn with the predicted probabilities): how much of a measured ECE is noise."""
    rng = np.random.default_rng(11)
    return float(
        np.mean(
            [
                reliability(conf, (rng.random(len(conf)) < conf).astype(float), weight)[1]
                for _ in range(draws)
            ]
        )
    )


def ece_interval(
    conf: np.ndarray, label: np.ndarray, weight: np.ndarray, docs: np.ndarray, draws: int = 400
) -> tuple[float, float]:
    """A 90 % interval of the ECE, resampling whole documents (findings of one article are not
    independent) with replacement."""
    rng = np.random.default_rng(13)
    names, which = np.unique(docs, return_inverse=True)
    members = [np.flatnonzero(which == k) for k in range(len(names))]
    eces = []
    for _ in range(draws):
        pick = np.concatenate([members[k] for k in rng.integers(0, len(names), len(names))])
        eces.append(reliability(conf[pick], label[pick], weight[pick])[1])
    low, high = np.percentile(eces, [5, 95])
    return float(low), float(high)


def cross_fitted(rows: list[Rows], layer: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every finding of the layer's sources, each given the confidence of a model fitted on the
    other half (two-fold): twice the held-out findings of the measure half alone."""
    conf, label, docs = [], [], []
    for on, other in (("fit", "measure"), ("measure", "fit")):
        model = fit_layer(layer, rows, on=on)
        for r in rows:
            if r.source in FITTED_KINDS[layer]:
                mask = np.array([s == other for s in r.split], dtype=bool)
                conf.append(confidences(r, model)[mask])
                label.append(np.array(r.label)[mask])
                docs.append(np.array([f"{r.source}:{document(s)}" for s in r.sentence])[mask])
    return tuple(np.concatenate(a) for a in (conf, label, docs))


def resplit_eces(rows: list[Rows], layer: str, splits: int = 20) -> list[float]:
    """The per-finding ECE on the measure half of `splits` other random splits of the layer's
    documents, each fitted on its own fit half (an article of the gold set goes with the
    corpus document it was taken from)."""
    article = {doc: name for doc, (name, _split) in gold_sources().items()}
    eces = []
    for k in range(1, splits + 1):
        salt = f"resplit-{k}:"
        moved = [
            dataclasses.replace(
                r, split=[half(article.get(d, d), salt) for d in map(document, r.sentence)]
            )
            for r in rows
            if r.source in FITTED_KINDS[layer]
        ]
        model = fit_layer(layer, moved)
        conf, label = [], []
        for r in moved:
            mask = np.array([s == "measure" for s in r.split], dtype=bool)
            conf.append(confidences(r, model)[mask])
            label.append(np.array(r.label)[mask])
        c, y = np.concatenate(conf), np.concatenate(label)
        eces.append(reliability(c, y, np.ones(len(c)))[1])
    return eces
