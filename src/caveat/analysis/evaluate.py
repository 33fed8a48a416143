"""Score a layer on an annotated corpus, exactly as ../shared/corpora/README.md defines it.

- cue: predicted spans against gold `speculation` cues; cues that are conditionals,
  alternatives or ability (`if`, `or`, `can`, ...) are set aside on both sides.
- sentence: a sentence is positive when the layer flags anything in it.
- attribution: over sentences with a digit, "sourced" is predicted when the number layer finds
  attribution in the sentence (the sources it reads, shared/attribution/doc_sources.py); scored
  for the "unsourced" class.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

SET_ASIDE_CUES = {"if", "or", "either", "whether", "nor", "unless", "can", "cannot", "ca n't"}
LEVELS = ("cue", "sentence", "attribution")


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    n: int  # records scored
    tp: int
    fp: int
    fn: int
    accuracy: float | None = None

    def as_dict(self) -> dict[str, float | int | None]:
        return asdict(self)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _score(tp: int, fp: int, fn: int, n: int, accuracy: float | None = None) -> Score:
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Score(round(p, 4), round(r, 4), round(f1, 4), n, tp, fp, fn, accuracy)


def read_corpus(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(
    corpus: Path,
    layer: str,
    level: str,
    model: str | None = None,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
    sensitivity: str = "balanced",
) -> Score:
    """Score `layer` on `corpus` with the findings `sensitivity` shows (the attribution level
    scores the number layer's sources, which every level finds alike)."""
    from caveat.analysis.pipeline.blocks import disabled_detectors  # spaCy: only when scoring
    from caveat.analysis.pipeline.load import load_pipeline
    from caveat.analysis.pipeline.spans import findings_of
    from caveat.analysis.shared.attribution.doc_sources import DocSources
    from caveat.sensitivity import shown

    records = list(read_corpus(corpus))[:limit]
    if level == "attribution":
        records = [r for r in records if r.get("has_digit", any(c.isdigit() for c in r["text"]))]
    nlp, _info = load_pipeline(model)
    scored = ("number",) if level == "attribution" else (layer,)
    tp = fp = fn = tn = 0
    with nlp.select_pipes(disable=disabled_detectors(scored)):
        docs = nlp.pipe((r["text"] for r in records), batch_size=256)
        for i, (record, doc) in enumerate(zip(records, docs, strict=True)):
            spans = [
                (f.start, f.end)
                for f in findings_of(doc, layer, sensitivity="thorough")
                if shown(f, sensitivity)
            ]
            if level == "cue":
                gold: list[tuple[int, int]] = []
                aside: list[tuple[int, int]] = []
                for start, end, kind in record["cues"]:
                    if kind != "speculation":
                        continue
                    text = record["text"][start:end].lower()
                    (aside if text in SET_ASIDE_CUES else gold).append((start, end))
                for span in spans:
                    if any(_overlaps(span, g) for g in gold):
                        tp += 1
                    elif not any(_overlaps(span, a) for a in aside):
                        fp += 1
                fn += sum(1 for g in gold if not any(_overlaps(s, g) for s in spans))
            else:
                if level == "sentence":
                    predicted, actual = bool(spans), bool(record["label"])
                else:  # attribution, scored for the "unsourced" class
                    predicted = not DocSources.of(doc).everywhere()
                    actual = not any(k in ("content", "cue") for _s, _e, k in record["cues"])
                tp += int(predicted and actual)
                fp += int(predicted and not actual)
                fn += int(actual and not predicted)
                tn += int(not predicted and not actual)
            if progress and i % 500 == 0:
                progress(i)
    if level == "cue":
        # Recall counts gold cues overlapped, so tp (predictions that hit) and the recall
        # numerator can differ; report precision and recall as the corpus README defines them.
        gold_total = sum(
            1
            for r in records
            for s, e, k in r["cues"]
            if k == "speculation" and r["text"][s:e].lower() not in SET_ASIDE_CUES
        )
        p = _ratio(tp, tp + fp)
        rec = _ratio(gold_total - fn, gold_total)
        f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
        return Score(round(p, 4), round(rec, 4), round(f1, 4), len(records), tp, fp, fn)
    return _score(tp, fp, fn, len(records), round(_ratio(tp + tn, len(records)), 4))
