"""Measure the confidence on data it was not fitted on: reliability tables, ECE, PR curves.

    .venv/bin/python benchmarks/quality_curves.py [--rows CACHE.json] [--levels]

On the measure halves of every source (confidence_rows.py: the gold set's "measure" articles,
the other half of each corpus by document, PolNeAR's train and dev articles pooled), with the
calibration in resources/confidence/calibration.json:
- per layer, a reliability table (predicted confidence in bins against the share of findings
  the annotators agree with) and the expected calibration error (ECE: the bins' gaps weighted
  by their share of findings; ten bins), per finding and with the sources weighed as in the
  fit, each beside the ECE a perfectly calibrated model would show on as many findings and a
  90 % interval over resampled articles; then each source apart (and PolNeAR's dev release,
  the shift between releases); then cross-fitted: the layer refitted on the measure halves
  and measured on the fit halves too, so every finding is held out once (twice the findings:
  what speculation's few need);
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

from calibration_checks import (  # noqa: E402
    chance_ece,
    cross_fitted,
    document,
    ece_interval,
    reliability,
    resplit_eces,
)
from confidence_rows import CORPORA, REPO, Rows, collect  # noqa: E402
from fit_confidence import FITTED_KINDS, LAYERS, confidences, scores_at, share  # noqa: E402

from caveat.sensitivity import LEVELS, calibration  # noqa: E402

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


def measured(
    rows: list[Rows], layer: str, model: dict | None = None, keep=None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Confidence, label, weight and document of the measure-half findings of the layer's
    fitted sources (`keep(rows, i)`: only those it accepts), each source weighing as in the
    fit; `model`: the layer's model (default: the calibration file's)."""
    model = model or calibration()["layers"][layer]
    conf, label, weight, docs = [], [], [], []
    for r in rows:
        if r.source not in FITTED_KINDS[layer]:
            continue
        mask = np.array(
            [s == "measure" and (keep is None or keep(r, i)) for i, s in enumerate(r.split)]
        )
        if not mask.any():
            continue
        conf.append(confidences(r, model)[mask])
        label.append(np.array(r.label)[mask])
        weight.append(np.full(int(mask.sum()), share(r.source, layer, mask.sum()) / mask.sum()))
        docs.append(np.array([f"{r.source}:{document(s)}" for s in r.sentence])[mask])
    if not conf:
        return (np.zeros(0),) * 4
    return tuple(np.concatenate(a) for a in (conf, label, weight, docs))


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


def ece_line(conf: np.ndarray, label: np.ndarray, weight: np.ndarray, docs: np.ndarray) -> str:
    low, high = ece_interval(conf, label, weight, docs)
    ece, chance = reliability(conf, label, weight)[1], chance_ece(conf, weight)
    return (
        f"{len(conf)} findings: ECE {ece:.3f} (resampled articles: 90 % within "
        f"{low:.3f}-{high:.3f}; a perfectly calibrated model: {chance:.3f} by chance)"
    )


def print_reliability(rows: list[Rows], layer: str) -> None:
    """The layer's reliability table and ECE on the measure halves, per finding and weighed as
    in the fit; each source apart (PolNeAR's dev release too); and, cross-fitted, on both."""
    conf, label, weight, docs = measured(rows, layer)
    one = np.ones(len(conf))
    table, plain = reliability(conf, label, one)
    print(
        f"\n**{layer}** (measure halves of {', '.join(FITTED_KINDS[layer])}): "
        f"{ece_line(conf, label, one, docs)} per finding; "
        f"ECE {reliability(conf, label, weight)[1]:.3f} with the sources weighed as in the fit "
        f"({chance_ece(conf, weight):.3f} by chance)\n"
    )
    print("| confidence | findings | mean predicted | observed |")
    print("|---|---|---|---|")
    for low, high, n, predicted, observed in table:
        print(f"| {low:.1f}-{high:.1f} | {n} | {predicted:.2f} | {observed:.2f} |")
    print()
    parts = [(s, lambda r, i, s=s: r.source == s) for s in FITTED_KINDS[layer]]
    if any("dev" in r.part for r in rows if r.layer == layer):
        parts.append(("polnear, dev release only", lambda r, i: r.part[i] == "dev"))
    for name, keep in parts if len(parts) > 1 else []:
        c, lab, _w, d = measured(rows, layer, keep=keep)
        if len(c):
            print(f"- {name}: {ece_line(c, lab, np.ones(len(c)), d)}")
    c, lab, d = cross_fitted(rows, layer)
    print(f"- cross-fitted, every half held out once: {ece_line(c, lab, np.ones(len(c)), d)}")
    eces = resplit_eces(rows, layer)
    low, mid, high = np.percentile(eces, [5, 50, 95])
    print(
        f"- {len(eces)} other random splits of the articles, each refitted on its fit half: "
        f"ECE per finding median {mid:.3f} (90 % within {low:.3f}-{high:.3f}; "
        f"{np.mean(np.array(eces) <= 0.05):.0%} of them at most 0.05)"
    )


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
        print_reliability(rows, layer)
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
