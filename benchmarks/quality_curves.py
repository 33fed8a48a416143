"""Measure the confidence on data it was not fitted on: reliability tables, ECE, PR curves.

    .venv/bin/python benchmarks/quality_curves.py [--rows CACHE.json] [--levels]

On the measure halves of every source (confidence_rows.py; PolNeAR dev, the gold set's
"measure" articles, the other half of each corpus by document), with the calibration in
resources/confidence/calibration.json:
- per layer, a reliability table (predicted confidence in bins against the share of findings
  the annotators agree with) and the expected calibration error (ECE: the bins' gaps weighted
  by their share of findings; ten bins), per finding and with the sources weighed as in the
  fit, each beside the ECE a perfectly calibrated model would show on as many findings;
- per layer, a precision-recall curve over the confidence threshold, one line per source, with
  the three levels marked: docs/quality/confidence-<layer>.png (matplotlib);
- with --levels, precision, recall and F1 at each level for every corpus row of
  docs/quality.md (`caveat eval --sensitivity`, whole corpora; a few minutes).
Prints Markdown for docs/quality.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from confidence_rows import CORPORA, REPO, Rows, collect  # noqa: E402
from fit_confidence import FITTED_KINDS, LAYERS, confidences, scores_at, share  # noqa: E402

from caveat.sensitivity import LEVELS, calibration  # noqa: E402

BINS = np.linspace(0, 1, 11)
DOCS = REPO / "docs" / "quality"
#: the corpus rows of docs/quality.md: (layer, eval level, corpus file)
CORPUS_ROWS = (
    ("hedge", "cue", "bioscope_speculation/abstracts.jsonl"),
    ("hedge", "cue", "sfu_speculation/train.jsonl"),
    ("hedge", "sentence", "wikiweasel_sentences/train.jsonl"),
    ("number", "attribution", "polnear_attribution/dev.jsonl"),
    ("speculation", "sentence", "bioscope_speculation/abstracts.jsonl"),
    ("speculation", "sentence", "wikiweasel_sentences/train.jsonl"),
)


def measured(rows: list[Rows], layer: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Confidence, label and weight of the measure-half findings of the layer's fitted
    sources, each source weighing as in the fit."""
    model = calibration()["layers"][layer]
    conf, label, weight = [], [], []
    for r in rows:
        if r.source not in FITTED_KINDS[layer]:
            continue
        mask = np.array([s == "measure" for s in r.split])
        if not mask.any():
            continue
        conf.append(confidences(r, model)[mask])
        label.append(np.array(r.label)[mask])
        weight.append(np.full(int(mask.sum()), share(r.source, layer) / mask.sum()))
    return np.concatenate(conf), np.concatenate(label), np.concatenate(weight)


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


def plot_curves(rows: list[Rows], layer: str) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    model = calibration()["layers"][layer]
    levels = calibration()["levels"]
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
    for r in rows:
        if r.layer != layer or not any(s == "measure" for s in r.split):
            continue
        conf = confidences(r, model)
        grid = sorted({0.0, *np.round(conf, 3)})
        points = np.array([scores_at(r, conf, t, "measure")[:2] for t in grid])
        line = ax.plot(points[:, 1], points[:, 0], label=r.source, linewidth=1.5)[0]
        for level, marker in zip(LEVELS, "^os", strict=True):
            p, rec, _f = scores_at(r, conf, levels[level][layer], "measure", level)
            ax.plot(rec, p, marker, color=line.get_color(), markersize=7)
    for level, marker in zip(LEVELS, "^os", strict=True):
        ax.plot([], [], marker, color="grey", label=level)
    ax.set_xlabel("recall")
    ax.set_ylabel("precision")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.grid(alpha=0.3)
    ax.set_title(f"{layer}: precision and recall by threshold (held-out halves)", fontsize=10)
    ax.legend(fontsize=8, loc="lower left")
    fig.tight_layout()
    DOCS.mkdir(parents=True, exist_ok=True)
    out = DOCS / f"confidence-{layer}.png"
    fig.savefig(out)
    plt.close(fig)
    return out


def level_rows() -> None:
    from caveat.analysis.evaluate import evaluate

    print(
        "| layer, level | corpus | strict P / R / F1 | balanced P / R / F1 | thorough P / R / F1 |"
    )
    print("|---|---|---|---|---|")
    for layer, level, corpus in CORPUS_ROWS:
        cells = []
        for sensitivity in LEVELS:
            s = evaluate(CORPORA / corpus, layer, level, sensitivity=sensitivity)
            cells.append(f"{s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f}")
        print(f"| {layer}, {level} | {corpus} | " + " | ".join(cells) + " |", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--rows", type=Path, help="the rows collected by fit_confidence.py --rows")
    ap.add_argument("--levels", action="store_true", help="also score every corpus row per level")
    args = ap.parse_args(argv)
    rows = collect(args.rows)
    for layer in LAYERS:
        conf, label, weight = measured(rows, layer)
        ece = reliability(conf, label, weight)[1]
        sources = ", ".join(s for s in FITTED_KINDS[layer])
        one = np.ones(len(conf))
        table, plain = reliability(conf, label, one)
        print(
            f"\n**{layer}** (measure halves of {sources}; {len(conf)} findings): "
            f"ECE {plain:.3f} per finding (a perfectly calibrated model: "
            f"{chance_ece(conf, one):.3f} by chance); {ece:.3f} with the sources weighed as in "
            f"the fit ({chance_ece(conf, weight):.3f} by chance)\n"
        )
        print("| confidence | findings | mean predicted | observed |")
        print("|---|---|---|---|")
        for low, high, n, predicted, observed in table:
            print(f"| {low:.1f}-{high:.1f} | {n} | {predicted:.2f} | {observed:.2f} |")
        print(f"\n![{layer} precision-recall](quality/{plot_curves(rows, layer).name})")
    print()
    for r in rows:
        conf = confidences(r, calibration()["layers"][r.layer])
        for level in LEVELS:
            t = calibration()["levels"][level][r.layer]
            p, rec, f1 = scores_at(r, conf, t, "measure", level)
            if any(s == "measure" for s in r.split):
                print(f"{r.source:20s} {level:9s} measure P {p:.3f} R {rec:.3f} F1 {f1:.3f}")
    if args.levels:
        level_rows()
    return 0


if __name__ == "__main__":
    sys.exit(main())
