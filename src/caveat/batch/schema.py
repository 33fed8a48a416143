"""The two tables of a batch result, `articles` and `findings`, and how results become rows.

Columns come from the registries (layers, their rules) and the readability metrics, never from
a list kept here, and plain Arrow types only (strings, 64-bit integers and floats): any Parquet
reader (pyarrow, pandas, DuckDB, Spark) reads them without help. A run fixes the columns before
it writes anything, so every part of a dataset has the same schema.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from caveat.batch.inputs import Article
from caveat.batch.work import ArticleResult
from caveat.layers import in_order
from caveat.rules import all_rules

FRONT = ("id", "source", "row")
DOCUMENT = ("format", "title", "content_hash", "words", "sentences")
BACK = ("error", "pipeline", "caveat_version")
COUNTED = ("words", "sentences")  # metrics that are whole numbers
#: the one error a rerun tries again (others come from the content and would come again)
WORKER_STOPPED = "its worker stopped each time it was analysed (out of memory?)"


@dataclass(frozen=True)
class Columns:
    """The columns of one dataset: fixed by its layers, metadata and metrics."""

    layers: tuple[str, ...]
    #: (column, key): metadata carried through from the input tables, under `input_<key>` when
    #: the key is taken by a result column (a table's own `source`, say)
    metadata: tuple[tuple[str, str], ...]
    metrics: tuple[str, ...]  # readability metrics other than words and sentences

    @classmethod
    def make(
        cls, layers: Sequence[str], metadata: Sequence[str], metrics: Sequence[str]
    ) -> Columns:
        chosen = tuple(in_order(layers))
        taken = set(FRONT + DOCUMENT + BACK) | set(metrics)
        taken |= {name for layer in chosen for name in _layer_columns(layer)}
        taken |= {f"{rule.id}_count" for rule in all_rules()}
        keys = [m for m in dict.fromkeys(metadata) if m != "title"]  # `title` fills its column
        return cls(
            chosen,
            tuple((f"input_{k}" if k in taken else k, k) for k in keys),
            tuple(m for m in metrics if m not in COUNTED),
        )

    @property
    def rules(self) -> tuple[str, ...]:
        """The rules of these layers, and the common ones (layer "": any layer's reader words)."""
        return tuple(rule.id for rule in all_rules() if rule.layer in (*self.layers, ""))

    def articles_schema(self) -> pa.Schema:
        fields = [("id", pa.string()), ("source", pa.string()), ("row", pa.int64())]
        fields += [(column, pa.string()) for column, _key in self.metadata]
        fields += [("format", pa.string()), ("title", pa.string()), ("content_hash", pa.string())]
        fields += [("words", pa.int64()), ("sentences", pa.int64())]
        for layer in self.layers:
            count, density = _layer_columns(layer)
            fields += [(count, pa.int64()), (density, pa.float64())]
        fields += [(f"{rule}_count", pa.int64()) for rule in self.rules]
        fields += [(m, pa.float64()) for m in self.metrics]
        fields += [(name, pa.string()) for name in BACK]
        return pa.schema(fields)


FINDINGS_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("layer", pa.string()),
        ("rule", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("text", pa.string()),
        ("message", pa.string()),
        ("confidence", pa.float64()),
    ]
)


def _layer_columns(layer: str) -> tuple[str, str]:
    return f"{layer}_count", f"{layer}_per_100_words"


def article_row(
    columns: Columns, article: Article, result: ArticleResult | None, version: str
) -> dict[str, Any]:
    """The `articles` row of one article; without a result (or with an error) only what is
    known about it."""
    row: dict[str, Any] = {"id": article.id, "source": article.source, "row": article.row}
    row.update({column: article.meta.get(key) for column, key in columns.metadata})
    row["content_hash"] = article.content_hash or None
    row["title"] = article.meta.get("title")
    row["caveat_version"] = version
    error = article.error or (result.error if result else "not analysed")
    if error or result is None:
        row["error"] = error
        return row
    row.update(format=result.format, title=result.title or row["title"] or None)
    row["pipeline"] = result.pipeline
    for name in COUNTED:
        row[name] = int(result.metrics.get(name) or 0)
    for layer in columns.layers:
        count, density = _layer_columns(layer)
        row[count] = result.counts.get(layer, 0)
        row[density] = result.densities.get(layer, 0.0)
    for rule in columns.rules:
        row[f"{rule}_count"] = result.rule_counts.get(rule, 0)
    for name in columns.metrics:
        row[name] = result.metrics.get(name)
    return row


def finding_rows(article: Article, result: ArticleResult) -> list[dict[str, Any]]:
    names = FINDINGS_SCHEMA.names[1:]
    return [{"id": article.id, **dict(zip(names, f, strict=True))} for f in result.findings]
