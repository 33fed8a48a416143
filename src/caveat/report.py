"""The JSON form of an analysis: `caveat analyze --json` and each line of `--jsonl` batches.

The schema is documented in the README; keep the two in step.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from caveat.document import Document
from caveat.findings import Analysis
from caveat.reference import percentiles_of

#: Characters of the text written at a time: a 50 MB text is never escaped whole.
TEXT_CHUNK = 1 << 16


def analysis_json(document: Document, analysis: Analysis) -> dict[str, Any]:
    """The whole JSON object, built in memory (a batch line; a short document)."""
    return {
        key: list(value) if isinstance(value, Iterator) else value
        for key, value in _fields(document, analysis).items()
    }


def write_analysis_json(document: Document, analysis: Analysis, out: TextIO) -> None:
    """The same object as `analysis_json`, written to `out` a piece at a time: the text in
    chunks, one line per block, finding and block's metrics, so that a 50 MB text's output is
    never held whole in memory (nor is a list of every finding's dictionary)."""
    out.write("{")
    for n, (key, value) in enumerate(_fields(document, analysis).items()):
        out.write(("," if n else "") + f"\n {json.dumps(key)}: ")
        if isinstance(value, Iterator):
            out.write("[")
            for k, item in enumerate(value):
                out.write(("," if k else "") + "\n  " + json.dumps(item, ensure_ascii=False))
            out.write("\n ]")
        elif isinstance(value, str):
            out.write('"')
            for start in range(0, len(value), TEXT_CHUNK):
                chunk = value[start : start + TEXT_CHUNK]
                out.write(json.dumps(chunk, ensure_ascii=False)[1:-1])
            out.write('"')
        else:
            small = json.dumps(value, ensure_ascii=False, indent=1)
            out.write(small.replace("\n", "\n "))  # indented under its key
    out.write("\n}\n")


def _fields(document: Document, analysis: Analysis) -> dict[str, Any]:
    """The object's fields in order; the long lists as iterators, made one item at a time."""
    text = document.text
    return {
        "source": document.origin or None,
        "format": document.format,
        "title": document.title,
        "notices": list(document.notices),
        "language": document.language or None,
        "pipeline": {
            "name": analysis.pipeline.name,
            "version": analysis.pipeline.version,
            "notice": analysis.pipeline.notice,
            "label": analysis.pipeline.display_name(),
        },
        "layers": list(analysis.layers),
        "text": text,
        "blocks": (
            {"start": b.start, "end": b.end, "kind": str(b.kind), "level": b.level}
            for b in document.blocks
        ),
        "findings": (
            {
                "layer": f.layer,
                "start": f.start,
                "end": f.end,
                "text": text[f.start : f.end],
                "rule": f.rule,
                "message": f.message,
                "confidence": f.confidence,
            }
            for f in analysis.all_findings()
        ),
        "metrics": {
            **analysis.metrics,
            **{f"{layer}_count": analysis.count(layer) for layer in analysis.layers},
            **{
                f"{layer}_per_100_words": round(analysis.per_100_words(layer), 2)
                for layer in analysis.layers
            },
        },
        "block_metrics": ({"block": i, **m} for i, m in sorted(analysis.block_metrics.items())),
        # per layer, the percentile rank of this article's density among typical news
        "reference": percentiles_of(
            {layer: analysis.per_100_words(layer) for layer in analysis.layers}
        ),
    }
