"""The findings the confidence model is fitted and measured on: one row per finding, labelled.

Every row is a finding Caveat makes today on annotated text, with its rule, its prior, its
context features (src/caveat/analysis/confidence/features.py) and whether the annotators agree
with it. Sources, and what "agree" means in each (../shared/corpora/README.md's definitions):

- cue corpora (BioScope abstracts and full papers, SFU reviews), hedge: the finding overlaps a
  gold speculation cue; a finding on a set-aside cue (if, or, can...) is no row at all;
- WikiWeasel, hedge (thorough only): the sentence is labelled uncertain;
- PolNeAR (train and dev pooled), number: the flagged figure lies in no `content` span (the
  corpus README's definition of an attributed number). The finding says that this figure has
  no source; a sentence-level label would count any attribution in the sentence against it
  (in "The SVP was rejected by 59.6 percent of voters" PolNeAR marks the voters as a source,
  and the figure is the writer's own). Recall, and the thresholds, keep the README's sentence
  definition: a sentence with a digit and no `content` or `cue` span is unsourced. Each
  article is analysed whole, its sentences joined, so that a figure is checked against its
  neighbouring sentences as in a real article (sentence by sentence, the second sentence of a
  quotation looks unsourced); a finding belongs to the corpus sentence it starts in;
- our gold set (benchmarks/gold), every layer: the finding overlaps a gold span of its layer.

Each source is split in two by a hash of its document id (the gold set: its own `split`), so
the measure half is never fitted on (a corpus article that our gold set took keeps the gold
set's half). PolNeAR's train and dev releases are pooled and split by
article too: dev is a later stretch of the campaign, and fitting on train and measuring on dev
measured the shift between two releases more than the calibration; each row keeps its release
(`part`) to report that apart. Besides the rows, each source records its "units" (gold cues,
positive sentences, required gold spans) so that recall can be computed at any threshold.
"""

from __future__ import annotations

import hashlib
import json
import os
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from functools import cache
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
    paths: tuple[str, ...]  # corpus files under CORPORA (pooled), or ("gold",)
    levels: tuple[str, ...]  # the levels whose threshold this source informs


SOURCES = (
    Source(
        "bioscope_abstracts",
        "hedge",
        "cue",
        ("bioscope_speculation/abstracts.jsonl",),
        ("strict", "balanced"),
    ),
    Source(
        "bioscope_full",
        "hedge",
        "cue",
        ("bioscope_speculation/full_papers.jsonl",),
        ("strict", "balanced"),
    ),
    Source("sfu", "hedge", "cue", ("sfu_speculation/train.jsonl",), ("strict", "balanced")),
    Source("wikiweasel", "hedge", "sentence", ("wikiweasel_sentences/train.jsonl",), ("thorough",)),
    # PolNeAR counts stance and plan verbs as attribution (docs/quality.md): it informs the
    # balance of recall and precision, not the precision strict promises
    Source(
        "polnear",
        "number",
        "sentence",
        ("polnear_attribution/train.jsonl", "polnear_attribution/dev.jsonl"),
        ("balanced", "thorough"),
    ),
    *(
        Source(f"gold_{layer}", layer, "cue", ("gold",), ("strict", "balanced", "thorough"))
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
    part: list[str] = field(default_factory=list)  # the corpus file (release) a finding is from


def half(key: str, salt: str = "") -> str:
    """A stable split of documents in two halves, by hash; an article of our gold set keeps
    the gold set's half in its corpus too, so that no article measured is fitted on under
    another corpus's labels. (`salt`: another split at random, for quality_curves.py; the
    gold set's articles then go with their corpus documents.)"""
    if key in gold_sources():
        article, split = gold_sources()[key]
        if not salt:
            return split
        key = article
    digest = hashlib.sha256(f"{salt}{key}".encode()).digest()
    return "fit" if digest[0] % 2 == 0 else "measure"


@cache
def gold_sources() -> dict[str, tuple[str, str]]:
    """The corpus document each gold article was taken from -> (the article, its half)."""
    found = {}
    for path in GOLD.glob("*.gold.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = gold.get("source", {}).get("doc")
        if doc:
            found[doc] = (path.name.removesuffix(".gold.json"), gold["split"])
    return found


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _records(source: Source) -> Iterator[tuple[str, str, dict]]:
    """(split, part, record) of every record of the source's files, split by document."""
    for path in source.paths:
        part = Path(path).stem
        with open(CORPORA / path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    record = json.loads(line)
                    yield half(record.get("doc") or record["id"]), part, record


def _texts(source: Source, records: list) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """What is analysed, with where each record's text starts in it and which record: for the
    number layer each article whole (its sentences joined by a space, in file order), else
    each sentence."""
    if source.layer != "number":
        for n, (_split, _part, record) in enumerate(records):
            yield record["text"], [(0, n)]
        return
    articles: dict[str, list[int]] = {}
    for n, (_split, part, record) in enumerate(records):
        articles.setdefault(f"{part}/{record.get('doc') or record['id']}", []).append(n)
    for members in articles.values():
        starts, at = [], 0
        for n in members:
            starts.append((at, n))
            at += len(records[n][2]["text"]) + 1
        yield " ".join(records[n][2]["text"] for n in members), starts


def corpus_rows(source: Source, nlp) -> Rows:
    from caveat.analysis.pipeline.spans import scored_findings

    rows = Rows(source.name, source.layer, source.kind)
    records = list(_records(source))
    gold: list[list[tuple[int, int]]] = []
    aside: list[list[tuple[int, int]]] = []
    positive: list[bool] = []
    scored: list[bool] = []  # the record counts in the score (number: it holds a digit)
    for split, _part, record in records:
        sid, text = record["id"], record["text"]
        cues = [(s, e) for s, e, k in record["cues"] if k == "speculation"]
        aside.append([c for c in cues if text[c[0] : c[1]].lower() in SET_ASIDE])
        gold.append([c for c in cues if text[c[0] : c[1]].lower() not in SET_ASIDE])
        if source.layer == "number":  # attribution: unsourced sentences with a digit
            scored.append(record.get("has_digit", any(c.isdigit() for c in text)))
            attributed = any(k in ("content", "cue") for *_, k in record["cues"])
            positive.append(scored[-1] and not attributed)
        else:
            scored.append(True)
            positive.append(bool(record["label"]))
        if source.kind == "cue":
            for n, _cue in enumerate(gold[-1]):
                rows.units[f"{sid}#{n}"] = split
        elif positive[-1]:
            rows.units[sid] = split
    pieces = list(_texts(source, records))
    others = [f"caveat_{layer}" for layer in ("hedge", "speculation") if layer != source.layer]
    # the other layers' findings are no rows here (the number layer's sources stay: the hedge
    # features read them); the docs are read as they come, not kept
    with nlp.select_pipes(disable=[n for n in others if n in nlp.pipe_names]):
        docs = nlp.pipe((text for text, _starts in pieces), batch_size=64)
        for (text, starts), doc in zip(pieces, docs, strict=True):
            offsets = [at for at, _n in starts]
            for finding, prior, features in scored_findings(doc, source.layer, 0, "thorough"):
                at, n = starts[max(bisect_right(offsets, finding.start) - 1, 0)]
                split, part, record = records[n]
                span = (finding.start - at, finding.end - at)
                row = _agreement(source, record, span, gold[n], aside[n], positive[n])
                if scored[n] and row is not None:
                    words = text[finding.start : finding.end]
                    label, hits = row
                    _add(
                        rows,
                        finding,
                        words,
                        prior,
                        features,
                        label,
                        split,
                        record["id"],
                        hits,
                        part,
                    )
    return rows


def _agreement(source: Source, record: dict, span, gold, aside, positive: bool):
    """Whether the annotators agree with a finding at `span` of the record, and the units it
    hits; None when it is no row (it lies on a set-aside cue)."""
    sid = record["id"]
    if source.kind == "cue":
        hits = [f"{sid}#{k}" for k, g in enumerate(gold) if _overlaps(span, g)]
        if not hits and any(_overlaps(span, a) for a in aside):
            return None
        return bool(hits), hits
    hits = [sid] if positive else []
    if source.layer == "number":  # the figure itself is not attributed material
        content = [(s, e) for s, e, k in record["cues"] if k == "content"]
        return not any(_overlaps(span, c) for c in content), hits
    return bool(hits), hits


def _add(rows: Rows, finding, text, prior, features, label, split, sentence, hits, part) -> None:
    from caveat.analysis.pipeline.spans import flagged_words

    rows.rule.append(finding.rule)
    rows.words.append(flagged_words(text))
    rows.prior.append(prior)
    rows.features.append(list(features))
    rows.label.append(int(label))
    rows.split.append(split)
    rows.sentence.append(sentence)
    rows.hits.append(hits)
    rows.part.append(part)


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
                label = bool(good)
                _add(rows, finding, words, prior, features, label, split, sentence, hits, "gold")
    return rows


def fingerprint() -> str:
    """What the rows depend on: the analysis code, rule tables and lexicons (as the analysis
    cache sees them, the confidence calibration aside: rows hold priors and features, not
    confidences), this file and the gold set."""
    from caveat.analysis.cache import fingerprint_sources

    digest = hashlib.sha256()
    files = [f for f in fingerprint_sources() if f.parent.name != "confidence"]
    files += [Path(__file__).resolve(), *sorted(p for p in GOLD.iterdir() if p.is_file())]
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def collect(cache: Path | None = None) -> list[Rows]:
    """Every source's rows, read back from `cache` when it holds rows of the same code, rules
    and gold set (else collected again, a few minutes, and kept there)."""
    stamp = fingerprint()
    if cache and cache.is_file():
        kept = json.loads(cache.read_text())
        if isinstance(kept, dict) and kept.get("fingerprint") == stamp:
            return [Rows(**r) for r in kept["rows"]]
        print(f"  {cache} holds rows of other rules or code: collecting again", flush=True)
    from caveat.analysis.pipeline.load import load_pipeline

    nlp, _info = load_pipeline(None)
    out = []
    for source in SOURCES:
        if source.paths == ("gold",):
            out.append(gold_rows(source.layer, nlp))
        else:
            out.append(corpus_rows(source, nlp))
        print(f"  {source.name}: {len(out[-1].label)} findings", flush=True)
    if cache:
        cache.write_text(json.dumps({"fingerprint": stamp, "rows": [asdict(r) for r in out]}))
    return out
