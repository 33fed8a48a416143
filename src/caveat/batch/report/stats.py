"""The numbers of a batch report, read from a dataset written by `caveat batch`.

Layers and rules are the dataset's own (its columns, in the registries' order); outlets and
months come from its `outlet` and `date` columns where it has them. Densities are findings per
100 words; articles shorter than MIN_WORDS are left out of the extremes, where one finding in a
brief would top the list.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from caveat.layers import layer_ids
from caveat.rules import all_rules

MIN_WORDS = 150
EXTREMES = 5
TOP_OUTLETS = 12
TOP_WORDS = 10
SHORT_FINDING_WORDS = 4  # a layer whose findings are longer flags sentences, not words
MIN_MONTH_ARTICLES = 5  # fewer make a month's median jump about
QUANTILES = (10, 25, 50, 75, 90)


class ReportError(Exception):
    """The folder holds no batch result to report on."""


@dataclass
class LayerStats:
    layer: str
    quantiles: dict[int, float]  # percentile -> findings per 100 words
    mean: float
    flagged_share: float  # % of articles with at least one finding
    findings: int
    top_words: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class Group:
    """Articles sharing an outlet or a month."""

    name: str
    articles: int
    medians: dict[str, float]  # layer -> median density
    densities: dict[str, np.ndarray]  # layer -> every article's density


@dataclass
class Report:
    dataset: Path
    articles: int
    analysed: int
    words: int
    layers: list[str]
    densities: dict[str, np.ndarray]
    layer_stats: list[LayerStats]
    rules: list[tuple[str, str, int, float]]  # rule, layer, findings, % of articles
    outlets: list[Group]
    months: list[Group]
    extremes: dict[str, tuple[list[dict], list[dict]]]  # layer -> (highest, lowest)
    none: dict[str, int]  # layer -> articles (of MIN_WORDS or more) without any finding
    errors: list[tuple[str, int]]  # reason -> articles
    pipelines: list[str]
    dates: tuple[str, str] | None = None


def _wanted(name: str) -> bool:
    return name in ("id", "title", "outlet", "date", "words", "error", "pipeline") or name.endswith(
        ("_count", "_per_100_words")
    )


def _read(dataset: Path) -> pa.Table:
    """The articles, only the columns a report reads (a million rows stay a few hundred MB)."""
    folder = dataset / "articles"
    parts = sorted(folder.glob("*.parquet")) if folder.is_dir() else []
    if not parts:
        raise ReportError(f"{dataset} holds no batch result (no {folder.name}/*.parquet)")
    try:
        names = [n for n in pq.read_schema(parts[0]).names if _wanted(n)]
        return pa.concat_tables([pq.read_table(p, columns=names) for p in parts])
    except (pa.ArrowException, OSError) as exc:
        raise ReportError(f"{dataset}: the articles cannot be read ({exc})") from None


def _month(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return datetime.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).strftime(
            "%Y-%m"
        )
    except ValueError:
        return None


def _groups(
    keys: list[str | None], table: pa.Table, layers: list[str], limit: int | None
) -> list[Group]:
    """The articles by key: the `limit` biggest groups, or all of them in key order."""
    counts = Counter(k for k in keys if k)
    chosen = [k for k, _ in counts.most_common(limit)] if limit else sorted(counts)
    code_of = {key: i for i, key in enumerate(chosen)}
    codes = np.array([code_of.get(k, -1) if k else -1 for k in keys])
    groups = []
    for key in chosen:
        mask = codes == code_of[key]
        densities = {
            layer: table[f"{layer}_per_100_words"].to_numpy(zero_copy_only=False)[mask]
            for layer in layers
        }
        medians = {layer: float(np.median(values)) for layer, values in densities.items()}
        groups.append(Group(key, int(mask.sum()), medians, densities))
    return groups


def _extremes(table: pa.Table, layer: str) -> tuple[list[dict], list[dict]]:
    long_enough = table.filter(pc.greater_equal(table["words"], MIN_WORDS))
    column = f"{layer}_per_100_words"
    wanted = [
        c
        for c in ("id", "title", "outlet", "date", "words", f"{layer}_count", column)
        if c in table.column_names
    ]
    ordered = long_enough.sort_by([(column, "descending"), ("words", "descending")])
    highest = ordered.slice(0, EXTREMES).select(wanted).to_pylist()
    lowest = long_enough.sort_by([(column, "ascending"), ("words", "descending")])
    return highest, lowest.slice(0, EXTREMES).select(wanted).to_pylist()


def _top_words(dataset: Path, layers: list[str]) -> dict[str, list[tuple[str, int]]]:
    """Per layer, the words it flags most often; none for a layer that flags whole sentences
    (speculation), where no two findings are alike."""
    folder = dataset / "findings"
    parts = sorted(folder.glob("*.parquet")) if folder.is_dir() else []
    counts: dict[str, Counter[str]] = {layer: Counter() for layer in layers}
    for part in parts:
        table = pq.read_table(part, columns=["layer", "text"])
        for layer, text in zip(table["layer"].to_pylist(), table["text"].to_pylist(), strict=True):
            if layer in counts and text:
                counts[layer][" ".join(text.lower().split())[:60]] += 1
    return {
        layer: counter.most_common(TOP_WORDS)
        for layer, counter in counts.items()
        if counter and np.median([len(t.split()) for t in counter]) <= SHORT_FINDING_WORDS
    }


def build_report(dataset: Path) -> Report:
    everything = _read(dataset)
    layers = [layer for layer in layer_ids() if f"{layer}_per_100_words" in everything.column_names]
    table = everything.filter(pc.is_null(everything["error"]))
    densities = {
        layer: table[f"{layer}_per_100_words"].to_numpy(zero_copy_only=False) for layer in layers
    }
    top_words = _top_words(dataset, layers)
    layer_stats = [
        LayerStats(
            layer,
            {q: float(np.percentile(values, q)) for q in QUANTILES} if len(values) else {},
            float(values.mean()) if len(values) else 0.0,
            float((values > 0).mean() * 100) if len(values) else 0.0,
            int(pc.sum(table[f"{layer}_count"]).as_py() or 0),
            top_words.get(layer, []),
        )
        for layer, values in densities.items()
    ]
    rules = []
    for rule in all_rules():
        column = f"{rule.id}_count"
        if rule.layer in (*layers, "") and column in table.column_names and table.num_rows:
            total = int(pc.sum(table[column]).as_py() or 0)
            share = float(pc.mean(pc.greater(table[column], 0).cast(pa.int8())).as_py() or 0) * 100
            rules.append((rule.id, rule.layer, total, share))
    rules.sort(key=lambda r: -r[2])
    outlets: list[Group] = []
    if "outlet" in table.column_names:
        outlets = _groups(table["outlet"].to_pylist(), table, layers, TOP_OUTLETS)
    months: list[Group] = []
    dates = None
    if "date" in table.column_names:
        keys = [_month(v) for v in table["date"].to_pylist()]
        months = _groups(keys, table, layers, None)
        if months:
            dates = (months[0].name, months[-1].name)
    failed = everything.filter(pc.invert(pc.is_null(everything["error"])))
    errors = Counter(failed["error"].to_pylist()).most_common(10)
    return Report(
        dataset=dataset,
        articles=everything.num_rows,
        analysed=table.num_rows,
        words=int(pc.sum(table["words"]).as_py() or 0),
        layers=layers,
        densities=densities,
        layer_stats=layer_stats,
        rules=rules,
        outlets=outlets if len(outlets) > 1 else [],
        months=months if len(months) > 1 else [],
        extremes={layer: _extremes(table, layer) for layer in layers},
        none={
            layer: int(
                pc.sum(
                    pc.and_(
                        pc.greater_equal(table["words"], MIN_WORDS),
                        pc.equal(table[f"{layer}_count"], 0),
                    )
                ).as_py()
                or 0
            )
            for layer in layers
        },
        errors=errors,
        pipelines=sorted(p for p in set(table["pipeline"].to_pylist()) if p),
        dates=dates,
    )


def as_text(value: Any) -> str:
    return "" if value is None else str(value)
