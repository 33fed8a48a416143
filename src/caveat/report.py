"""The JSON form of an analysis: `caveat analyze --json` and each line of `--jsonl` batches.

The schema is documented in the README; keep the two in step.
"""

from __future__ import annotations

from typing import Any

from caveat.document import Document
from caveat.findings import Analysis
from caveat.reference import percentiles_of


def analysis_json(document: Document, analysis: Analysis) -> dict[str, Any]:
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
        "blocks": [
            {"start": b.start, "end": b.end, "kind": str(b.kind), "level": b.level}
            for b in document.blocks
        ],
        "findings": [
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
        ],
        "metrics": {
            **analysis.metrics,
            **{f"{layer}_count": analysis.count(layer) for layer in analysis.layers},
            **{
                f"{layer}_per_100_words": round(analysis.per_100_words(layer), 2)
                for layer in analysis.layers
            },
        },
        "block_metrics": [{"block": i, **m} for i, m in sorted(analysis.block_metrics.items())],
        # per layer, the percentile rank of this article's density among typical news
        "reference": percentiles_of(
            {layer: analysis.per_100_words(layer) for layer in analysis.layers}
        ),
    }
