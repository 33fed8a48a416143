"""The report's plots, as PNG files: drawn with matplotlib's object API on its Agg canvas, so no
window system and no global plotting state is involved.

Each layer keeps its colour from the registry; typical news (the reference set) is drawn in
grey, dashed, wherever it is shown.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from caveat.batch.report.stats import MIN_MONTH_ARTICLES, Group, Report
from caveat.layers import get_layer
from caveat.reference import reference

GREY = "#777777"
DPI = 110


def _reference_median(layer: str) -> float | None:
    values = reference().get("percentiles", {}).get(layer)
    return values[50] if values else None


def _mark_reference(ax: Axes, layer: str, vertical: bool = True) -> None:
    median = _reference_median(layer)
    if median is None:
        return
    line = ax.axvline if vertical else ax.axhline
    line(median, color=GREY, linestyle="--", linewidth=1.2, label="typical news (median)")


def _save(fig: Figure, path: Path) -> Path:
    fig.savefig(path, dpi=DPI)
    return path


def densities(report: Report, path: Path) -> Path:
    """One histogram per layer: how many articles have each density."""
    layers = report.layers
    fig = Figure(figsize=(3.6 * len(layers), 3.2), layout="constrained")
    for ax, layer in zip(np.atleast_1d(fig.subplots(1, len(layers))), layers, strict=True):
        values = report.densities[layer]
        top = float(np.percentile(values, 99)) if len(values) else 1.0
        ax.hist(np.clip(values, 0, top), bins=30, color=get_layer(layer).colour, alpha=0.85)
        if len(values):
            ax.axvline(float(np.median(values)), color="black", linewidth=1.2, label="median here")
        _mark_reference(ax, layer)
        ax.set_title(get_layer(layer).title)
        ax.set_xlabel("findings per 100 words")
        ax.set_ylabel("articles")
        ax.legend(fontsize="small", frameon=False)
    return _save(fig, path)


def by_outlet(report: Report, path: Path) -> Path:
    """Per layer, the spread of densities in each outlet (boxes: middle half; line: median)."""
    outlets = list(reversed(report.outlets))  # the biggest outlet on top
    layers = report.layers
    height = 1.2 + 0.32 * len(outlets)
    fig = Figure(figsize=(3.6 * len(layers) + 1.5, height), layout="constrained")
    axes = np.atleast_1d(fig.subplots(1, len(layers), sharey=True))
    for ax, layer in zip(axes, layers, strict=True):
        boxes = ax.boxplot(
            [g.densities[layer] for g in outlets],
            orientation="horizontal",
            showfliers=False,
            patch_artist=True,
            widths=0.6,
        )
        for box in boxes["boxes"]:
            box.set(facecolor=get_layer(layer).colour, alpha=0.6)
        for median in boxes["medians"]:
            median.set(color="black")
        _mark_reference(ax, layer)
        ax.set_title(get_layer(layer).title)
        ax.set_xlabel("findings per 100 words")
    axes[0].set_yticks(range(1, len(outlets) + 1), [f"{g.name} ({g.articles})" for g in outlets])
    return _save(fig, path)


def by_month(report: Report, path: Path) -> Path:
    """Per layer, the median density month by month (band: the middle half), and the articles.
    Months with few articles get a bar but no point: one article is not a month's median."""
    months: list[Group] = report.months
    x = np.arange(len(months))
    enough = np.array([g.articles >= MIN_MONTH_ARTICLES for g in months])

    def shown(values: list[float]) -> np.ndarray:
        return np.where(enough, values, np.nan)

    fig = Figure(figsize=(10, 1.8 + 1.9 * len(report.layers)), layout="constrained")
    axes = fig.subplots(len(report.layers) + 1, 1, sharex=True)
    for ax, layer in zip(axes, report.layers, strict=False):
        colour = get_layer(layer).colour
        low = shown([np.percentile(g.densities[layer], 25) for g in months])
        high = shown([np.percentile(g.densities[layer], 75) for g in months])
        ax.fill_between(x, low, high, color=colour, alpha=0.25, linewidth=0)
        medians = shown([g.medians[layer] for g in months])
        ax.plot(x, medians, color=colour, marker="o", markersize=3)
        _mark_reference(ax, layer, vertical=False)
        ax.set_ylabel("per 100 words")
        ax.set_title(get_layer(layer).title, loc="left", fontsize="medium")
    counts = axes[-1]
    counts.bar(x, [g.articles for g in months], color=GREY)
    counts.set_ylabel("articles")
    step = max(1, len(months) // 16)
    counts.set_xticks(x[::step], [g.name for g in months][::step], rotation=45, ha="right")
    return _save(fig, path)


def rules(report: Report, path: Path) -> Path:
    """Findings per rule, most frequent first, in their layer's colour."""
    shown = [r for r in report.rules if r[2] > 0][:20]
    fig = Figure(figsize=(4.5, 0.8 + 0.22 * max(len(shown), 1)), layout="constrained")
    ax = fig.subplots()
    y = np.arange(len(shown))[::-1]
    colours = [get_layer(r[1]).colour if r[1] else GREY for r in shown]  # "": any layer
    ax.barh(y, [r[2] for r in shown], color=colours)
    ax.set_yticks(y, [r[0] for r in shown], fontsize="small")
    ax.set_xlabel("findings in all articles")
    return _save(fig, path)
