"""The findings the confidence model is fitted and measured on: one row per finding, labelled.

Every row is a finding Caveat makes today on annotated text, with its rule, its prior, its
context features (src/caveat/analysis/confidence/features.py) and whether the annotators agree
with it. Sources, and what "agree" means in each (../shared/corpora/README.md's definitions):

- cue corpora (BioScope abstracts and full papers, SFU reviews), hedge: the finding overlaps a
  gold speculation cue; a finding on a set-aside cue (if, or, can...) is no row at all;
- WikiWeasel, hedge (thorough only): the sentence is labelled uncertain;
- PolNeAR, number: the sentence holds no attribution (`content` or `cue` span), so the figure
  is indeed unsourced;
- our gold set (benchmarks/gold), every layer: the finding overlaps a gold span of its layer.

Each source is split in two by a hash of its document id (PolNeAR: train to fit, dev to
measure; the gold set: its own `split`), so the measure half is never fitted on. Besides the
rows, each source records its "units" (gold cues, positive sentences, required gold spans) so
that recall can be computed at any threshold.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# ../shared beside the repository (the main checkout) or beside a folder above it (worktrees),
# or wherever CAVEAT_SHARED points
CORPORA = (
    Path(os.environ["CAVEAT_SHARED"]) / "corpora"
    if os.environ.get("CAVEAT_SHARED")
    else next(
        (p / "shared" / "corpora" for p in REPO.parents if (p / "shared" / "corpora").is_dir()),
        REPO.parent / "shared" / "corpora",
    )
)
GOLD = REPO / "benchmarks" / "gold" / "articles"
SET_ASIDE = {"if", "or", "either", "whether", "nor", "unless", "can", "cannot", "ca n't"}


@dataclass(frozen=True)
class Source:
    name: str
    layer: str
    kind: str  # "cue": precision over findings; "sentence": over sentences
    path: str  # corpus file under CORPORA, or "gold"
    levels: tuple[str, ...]  # the levels whose threshold this source informs


SOURCES = (
    Source(
        "bioscope_abstracts",
        "hedge",
        "cue",
        "bioscope_speculation/abstracts.jsonl",
        ("strict", "balanced"),
    ),
    Source(
        "bioscope_full",
        "hedge",
        "cue",
        "bioscope_speculation/full_papers.jsonl",
        ("strict", "balanced"),
    ),
    Source("sfu", "hedge", "cue", "sfu_speculation/train.jsonl", ("strict", "balanced")),
    Source("wikiweasel", "hedge", "sentence", "wikiweasel_sentences/train.jsonl", ("thorough",)),
    # PolNeAR counts stance and plan verbs as attribution (docs/quality.md): it informs the
    # balance of recall and precision, not the precision strict promises
    Source(
        "polnear_train",
        "number",
        "sentence",
        "polnear_attribution/train.jsonl",
        ("balanced", "thorough"),
    ),
    Source("polnear_dev", "number", "sentence", "polnear_attribution/dev.jsonl", ()),
    *(
        Source(f"gold_{layer}", layer, "cue", "gold", ("strict", "balanced", "thorough"))
        for layer in ("hedge", "number", "speculation")
    ),
)


@dataclass
class Rows:
    """One source's findings and units, each tagged with its half ("fit" or "measure")."""

    source: str
    layer: str
    kind: str
    rule: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # the flagged words (flagged_words)
    prior: list[float] = field(default_factory=list)
    features: list[list[float]] = field(default_factory=list)
    label: list[int] = field(default_factory=list)
    split: list[str] = field(default_factory=list)
    sentence: list[str] = field(default_factory=list)  # the sentence (unit) a finding is in
    hits: list[list[str]] = field(default_factory=list)  # the units a finding agrees with
    units: dict[str, str] = field(default_factory=dict)  # unit id -> its split


def half(key: str) -> str:
    """A stable split of documents in two halves, by hash."""
    return "fit" if hashlib.sha256(key.encode()).digest()[0] % 2 == 0 else "measure"


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _records(source: Source) -> Iterator[tuple[str, dict]]:
    with open(CORPORA / source.path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            record = json.loads(line)
            if source.layer == "number" and not record.get(
                "has_digit", any(c.isdigit() for c in record["text"])
            ):
                continue
            if source.name == "polnear_train":
                split = "fit"
            elif source.name == "polnear_dev":
                split = "measure"
            else:
                split = half(record.get("doc") or record["id"])
            yield split, record


def corpus_rows(source: Source, nlp) -> Rows:
    from caveat.analysis.pipeline.spans import scored_findings

    rows = Rows(source.name, source.layer, source.kind)
    records = list(_records(source))
    docs = nlp.pipe((r["text"] for _s, r in records), batch_size=256)
    for (split, record), doc in zip(records, docs, strict=True):
        sid = record["id"]
        text = record["text"]
        if source.kind == "cue":
            gold, aside = [], []
            for start, end, kind in record["cues"]:
                if kind == "speculation":
                    target = aside if text[start:end].lower() in SET_ASIDE else gold
                    target.append((start, end))
            for n, _cue in enumerate(gold):
                rows.units[f"{sid}#{n}"] = split
        else:
            if source.layer == "number":
                positive = not any(k in ("content", "cue") for _s, _e, k in record["cues"])
            else:
                positive = bool(record["label"])
            if positive:
                rows.units[sid] = split
        for finding, prior, features in scored_findings(doc, source.layer, sensitivity="thorough"):
            span = (finding.start, finding.end)
            if source.kind == "cue":
                hits = [f"{sid}#{n}" for n, g in enumerate(gold) if _overlaps(span, g)]
                if not hits and any(_overlaps(span, a) for a in aside):
                    continue
            else:
                hits = [sid] if positive else []
            words = text[finding.start : finding.end]
            _add(rows, finding, words, prior, features, bool(hits), split, sid, hits)
    return rows


def _add(rows: Rows, finding, text, prior, features, label, split, sentence, hits) -> None:
    from caveat.analysis.pipeline.spans import flagged_words

    rows.rule.append(finding.rule)
    rows.words.append(flagged_words(text))
    rows.prior.append(prior)
    rows.features.append(list(features))
    rows.label.append(int(label))
    rows.split.append(split)
    rows.sentence.append(sentence)
    rows.hits.append(hits)


def gold_rows(layer: str, nlp) -> Rows:
    """Our gold set: every article analysed block by block, as `caveat analyze` does."""
    from caveat.analysis.pipeline.spans import scored_findings
    from caveat.loaders import load_source

    rows = Rows(f"gold_{layer}", layer, "cue")
    for gold_path in sorted(GOLD.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        split = gold["split"]
        article = gold_path.name.removesuffix(".gold.json")
        document = load_source(gold_path.with_name(f"{article}.txt"))
        spans = [s for s in gold["spans"] if s["layer"] == layer]
        for n, span in enumerate(spans):
            if span["required"]:
                rows.units[f"{article}#{n}"] = split
        indices = document.analysed_indices()
        texts = (document.text[document.blocks[i].start : document.blocks[i].end] for i in indices)
        for i, doc in zip(indices, nlp.pipe(texts, batch_size=64), strict=True):
            offset = document.blocks[i].start
            for finding, prior, features in scored_findings(doc, layer, offset, "thorough"):
                at = (finding.start, finding.end)
                good = [n for n, s in enumerate(spans) if _overlaps(at, (s["start"], s["end"]))]
                hits = [f"{article}#{n}" for n in good if spans[n]["required"]]
                words = document.text[finding.start : finding.end]
                sentence = f"{article}@{i}"
                _add(rows, finding, words, prior, features, bool(good), split, sentence, hits)
    return rows


def collect(cache: Path | None = None) -> list[Rows]:
    """Every source's rows (read back from `cache` when it is there)."""
    if cache and cache.is_file():
        return [Rows(**r) for r in json.loads(cache.read_text())]
    from caveat.analysis.pipeline.load import load_pipeline

    nlp, _info = load_pipeline(None)
    out = []
    for source in SOURCES:
        if source.path == "gold":
            out.append(gold_rows(source.layer, nlp))
        else:
            out.append(corpus_rows(source, nlp))
        print(f"  {source.name}: {len(out[-1].label)} findings", flush=True)
    if cache:
        cache.write_text(json.dumps([asdict(r) for r in out]))
    return out
