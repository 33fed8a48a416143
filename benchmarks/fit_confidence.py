"""Fit the confidence model and choose the sensitivity thresholds; write the calibration file.

    .venv/bin/python benchmarks/fit_confidence.py [--rows CACHE.json] [--check]

Reads the findings Caveat makes today on the shared corpora and the fit half of our gold set
(confidence_rows.py: a few minutes), fits per layer the logistic model of
src/caveat/analysis/confidence/model.py on the fit halves only, chooses each level's threshold
per layer from the fit halves, and writes resources/confidence/calibration.json (which the
pipeline reads, and whose change misses the analysis cache). Rerun it after rules change.
`--rows` keeps the collected rows in a file and reads them back next time (to refit in
seconds) while the analysis code, rule tables, lexicons and gold set are those that made them;
after any change there, they are collected again by themselves.

How the thresholds are chosen, per layer, on the fit halves only:
- strict: the least threshold at which every source that informs it reaches precision 0.90
  (the precision the strict level promises);
- balanced: the threshold that maximises the mean F1 of its sources, at most strict's, among
  those that cost at most half a point of recall on any source of the layer (WikiWeasel too)
  against showing everything
  (balanced is, as near as can be, what Caveat showed before: only findings that cost no
  recall are left out); with fewer than 100 findings to go on, it shows everything;
- thorough: the threshold, at most balanced's, that maximises the mean F1 of its sources
  (WikiWeasel's uncertain sentences for hedges: what a careful editor might also question).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from confidence_rows import SOURCES, Rows, collect  # noqa: E402

from caveat.analysis.confidence.features import FEATURES  # noqa: E402
from caveat.analysis.confidence.model import prior_logit  # noqa: E402
from caveat.rules import shown_at  # noqa: E402
from caveat.sensitivity import LEVELS, calibration_path, rule_levels  # noqa: E402

LAYERS = ("hedge", "number", "speculation")
STRICT_PRECISION = 0.90
MIN_FINDINGS = 100  # below this many fit findings, balanced and thorough show everything
RECALL_KEPT = 0.005  # the recall balanced may lose, on any source, against showing everything
#: ridge penalties (per unit of total weight): rules and features are shrunk toward the prior
PENALTY_RULE, PENALTY_WORD, PENALTY_FEATURE, PENALTY_BIAS = 3.0, 3.0, 3.0, 0.01
#: a flagged word gets a weight of its own when the fit halves hold this many of its findings
MIN_WORD_FINDINGS = 15
#: sources fitted on (agreement with the finding itself, not a sentence-level label)
FITTED_KINDS = {
    "hedge": ("bioscope_abstracts", "bioscope_full", "sfu", "gold_hedge"),
    "number": ("polnear", "gold_number"),
    "speculation": ("gold_speculation",),
}


#: how a layer's sources weigh in its fit. "corpora": every corpus the same, and our gold set
#: (news read as a Caveat reader reads it) as much as all the corpora together: the hedge
#: corpora are other domains (biomedicine, reviews) with their own definitions of a cue.
#: "findings": every finding the same: PolNeAR is news like our gold set (some of the gold
#: articles are PolNeAR's) and its figure-level label means what the gold set's does, so
#: there is nothing to weigh against; weighing the gold set's 68 fit findings as much as
#: PolNeAR's 700 left the held-out ECE above 0.05 on most random splits of the articles
#: (docs/quality.md).
WEIGHING = {"hedge": "corpora", "number": "findings", "speculation": "corpora"}


def share(source: str, layer: str, findings: int) -> float:
    """The total weight of a source's `findings` rows in its layer's fit (WEIGHING)."""
    if WEIGHING[layer] == "findings":
        return float(findings)
    corpora = [s for s in FITTED_KINDS[layer] if not s.startswith("gold_")]
    return float(max(len(corpora), 1)) if source.startswith("gold_") else 1.0


def design(
    rows: Rows, mask: np.ndarray, rules: list[str], words: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    """The design matrix (bias, a column per rule, per common word, the features) and the
    prior offsets."""
    rule_at = {r: 1 + i for i, r in enumerate(rules)}
    word_at = {w: 1 + len(rules) + i for i, w in enumerate(words)}
    first_feature = 1 + len(rules) + len(words)
    chosen = np.flatnonzero(mask)
    x = np.zeros((len(chosen), first_feature + len(FEATURES)))
    x[:, 0] = 1.0
    for row, i in enumerate(chosen):
        if rows.rule[i] in rule_at:
            x[row, rule_at[rows.rule[i]]] = 1.0
        if rows.words[i] in word_at:
            x[row, word_at[rows.words[i]]] = 1.0
        x[row, first_feature:] = rows.features[i]
    offset = np.array([prior_logit(rows.prior[i]) for i in chosen])
    return x, offset


def fit_logistic(
    x: np.ndarray, offset: np.ndarray, y: np.ndarray, w: np.ndarray, penalty: np.ndarray
) -> np.ndarray:
    """Weighted ridge logistic regression with an offset, by Newton's method with step
    halving (the loss is convex; the halving keeps a large first step from overshooting)."""

    def loss(t: np.ndarray) -> float:
        z = offset + x @ t
        return float(w @ (np.logaddexp(0, z) - y * z) + 0.5 * penalty @ (t * t))

    theta = np.zeros(x.shape[1])
    current = loss(theta)
    for _ in range(100):
        p = 1 / (1 + np.exp(-(offset + x @ theta)))
        grad = x.T @ (w * (p - y)) + penalty * theta
        hess = (x * (w * p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        scale = 1.0
        while loss(theta - scale * step) > current and scale > 1e-6:
            scale /= 2
        theta -= scale * step
        new = loss(theta)
        if current - new < 1e-10:
            break
        current = new
    return theta


def fit_layer(layer: str, all_rows: list[Rows], on: str = "fit") -> dict:
    """The layer's model, fitted on the `on` half of its sources (quality_curves.py also fits
    on the "measure" half, to cross-check a layer with few findings on both halves)."""
    fitted = [r for r in all_rows if r.source in FITTED_KINDS[layer]]
    rules = sorted({rule for r in fitted for rule in r.rule} - {"your-word"})
    seen = Counter(
        w
        for r in fitted
        for w, s, rule in zip(r.words, r.split, r.rule, strict=True)
        if s == on and rule != "your-word"
    )
    # a figure's own digits say nothing of its source ("11" was weighed once): only words
    words = sorted(
        w for w, n in seen.items() if n >= MIN_WORD_FINDINGS and not any(c.isdigit() for c in w)
    )
    xs, offsets, ys, ws = [], [], [], []
    for rows in fitted:
        mask = np.array([s == on for s in rows.split])
        if not mask.any():
            continue
        x, offset = design(rows, mask, rules, words)
        xs.append(x)
        offsets.append(offset)
        ys.append(np.array(rows.label)[mask])
        ws.append(np.full(int(mask.sum()), share(rows.source, layer, mask.sum()) / mask.sum()))
    x, offset, y, w = (np.concatenate(a) for a in (xs, offsets, ys, ws))
    w *= len(w) / w.sum()
    penalty = np.array(
        [PENALTY_BIAS]
        + [PENALTY_RULE] * len(rules)
        + [PENALTY_WORD] * len(words)
        + [PENALTY_FEATURE] * len(FEATURES)
    )
    theta = fit_logistic(x, offset, y, w, penalty)
    # The layer's bias is folded into each fitted rule's weight: a rule fitted later keeps
    # its prior (moved by the context alone) until the next fit.
    bias = float(theta[0])
    at = 1 + len(rules)
    return {
        "rules": {
            rule: round(bias + float(t), 4) for rule, t in zip(rules, theta[1:at], strict=True)
        },
        "words": {
            word: round(float(t), 4)
            for word, t in zip(words, theta[at : at + len(words)], strict=True)
        },
        "features": {
            f: round(float(t), 4) for f, t in zip(FEATURES, theta[at + len(words) :], strict=True)
        },
        "fitted_on": {r.source: sum(s == on for s in r.split) for r in fitted},
    }


def confidences(rows: Rows, model: dict) -> np.ndarray:
    """The model's confidence of every row, as the pipeline computes it."""
    weights = np.array([model["features"].get(f, 0.0) for f in FEATURES])
    by_words = model.get("words", {})
    z = np.array(
        [
            prior_logit(p) + model["rules"].get(r, 0.0) + by_words.get(w, 0.0)
            for p, r, w in zip(rows.prior, rows.rule, rows.words, strict=True)
        ]
    )
    if rows.features:
        z += np.array(rows.features) @ weights
    conf = np.round(1 / (1 + np.exp(-z)), 3)
    return np.where(np.array(rows.rule) == "your-word", np.array(rows.prior), conf)


def scores_at(
    rows: Rows, conf: np.ndarray, t: float, split: str, level: str = "thorough"
) -> tuple[float, float, float]:
    """Precision, recall and F1 of the findings with confidence >= t whose rule shows at
    `level`, in one half of a source, as the corpus README defines them (cue: over findings;
    sentence: over sentences)."""
    levels = rule_levels()
    keep = [
        i
        for i in range(len(conf))
        if conf[i] >= t
        and rows.split[i] == split
        and shown_at(levels.get(rows.rule[i], "strict"), level)
    ]
    units = [u for u, s in rows.units.items() if s == split]
    if rows.kind == "cue":
        p = sum(rows.label[i] for i in keep) / len(keep) if keep else 1.0
    else:
        predicted = {rows.sentence[i] for i in keep}
        p = len(predicted & set(units)) / len(predicted) if predicted else 1.0
    hit = {u for i in keep for u in rows.hits[i]}
    r = len(hit & set(units)) / len(units) if units else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def choose_thresholds(layer: str, rows: list[Rows], conf: dict[str, np.ndarray]) -> dict:
    informs = {
        level: [r for r in rows if r.layer == layer and level in _levels(r.source)]
        for level in LEVELS
    }
    candidates = sorted(
        {0.0, *(float(c) for r in rows if r.layer == layer for c in conf[r.source])}
    )
    strict = next(
        (
            t
            for t in candidates
            if all(
                scores_at(r, conf[r.source], t, "fit", "strict")[0] >= STRICT_PRECISION
                for r in informs["strict"]
            )
        ),
        candidates[-1],
    )

    def best(level: str, ceiling: float) -> float:
        usable = [t for t in candidates if t <= ceiling]
        return max(
            usable,
            key=lambda t: (
                np.mean([scores_at(r, conf[r.source], t, "fit", level)[2] for r in informs[level]]),
                -t,
            ),
        )

    # balanced keeps today's recall (within RECALL_KEPT on every source that informs it):
    # what Caveat showed before confidence stays shown; it drops only what costs no recall
    # (on every source of the layer with a fit half, WikiWeasel too: no corpus row loses)
    kept = [r for r in rows if r.layer == layer and "fit" in r.split]
    base = {r.source: scores_at(r, conf[r.source], 0.0, "fit", "balanced")[1] for r in kept}
    keeps = [
        t
        for t in candidates
        if t <= strict
        and all(
            scores_at(r, conf[r.source], t, "fit", "balanced")[1] >= base[r.source] - RECALL_KEPT
            for r in kept
        )
    ]
    balanced = best("balanced", max(keeps, default=0.0))
    fitted = sum(s == "fit" for r in informs["balanced"] for s in r.split)
    if fitted < MIN_FINDINGS:
        balanced = 0.0  # too few findings to justify leaving any out
    thorough = best("thorough", balanced)
    return {"strict": strict, "balanced": balanced, "thorough": thorough}


def _levels(source: str) -> tuple[str, ...]:
    return next(s.levels for s in SOURCES if s.name == source)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--rows", type=Path, help="keep the collected rows here (and reuse them)")
    ap.add_argument("--out", type=Path, default=Path(calibration_path()))
    ap.add_argument(
        "--check",
        action="store_true",
        help="only say whether the file is today's fit (exit 1 if not)",
    )
    args = ap.parse_args(argv)
    rows = collect(args.rows)
    models = {layer: fit_layer(layer, rows) for layer in LAYERS}
    conf = {r.source: confidences(r, models[r.layer]) for r in rows}
    levels: dict[str, dict[str, float]] = {level: {} for level in LEVELS}
    for layer in LAYERS:
        for level, t in choose_thresholds(layer, rows, conf).items():
            levels[level][layer] = round(t, 3)
    out = {
        "about": "Fitted by benchmarks/fit_confidence.py; see docs/quality.md (confidence).",
        "layers": models,
        "levels": levels,
    }
    text = json.dumps(out, indent=1) + "\n"
    if args.check:
        same = args.out.is_file() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out} is {'' if same else 'not '}the fit of today's rules and corpora")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(json.dumps(levels))
    return 0


if __name__ == "__main__":
    sys.exit(main())
