"""What an analysis produces: findings per layer, metrics, and the pipeline that made them."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Finding:
    """One flagged span and why, in words a reader understands."""

    start: int
    end: int
    layer: str
    rule: str
    message: str
    confidence: float = 1.0


@dataclass(frozen=True)
class Layer:
    id: str
    title: str
    color: str  # "#rrggbb" from the Okabe-Ito colour-blind-safe palette
    underline: str  # "wave", "dash" or "dot": colour is never the only cue
    description: str


LAYERS: dict[str, Layer] = {
    layer.id: layer
    for layer in (
        Layer(
            "hedge",
            "Hedges",
            "#E69F00",
            "wave",
            "Words that soften or blur a claim: could, perhaps, about 3,800, some say.",
        ),
        Layer(
            "number",
            "Unsourced numbers",
            "#56B4E9",
            "dash",
            "Statistics, percentages and amounts with no source in the sentence or the next one.",
        ),
        Layer(
            "speculation",
            "Speculation",
            "#CC79A7",
            "dot",
            "The author's own conjecture, predictions and guessed motives stated as fact.",
        ),
    )
}
LAYER_IDS: tuple[str, ...] = tuple(LAYERS)


@dataclass(frozen=True)
class PipelineInfo:
    """Which language pipeline produced an analysis."""

    name: str  # model package name, or "rules"
    version: str = ""
    notice: str = ""  # shown to the reader when accuracy is reduced

    @property
    def is_fallback(self) -> bool:
        return self.name == "rules"

    def label(self) -> str:
        return f"{self.name} {self.version}".strip()


@dataclass(frozen=True)
class Analysis:
    findings: Mapping[str, tuple[Finding, ...]]  # layer id -> findings sorted by start
    metrics: Mapping[str, float]  # readability and counts for the whole document
    block_metrics: Mapping[int, Mapping[str, float]]  # block index -> metrics of that block
    pipeline: PipelineInfo
    words: int = 0
    cancelled: bool = False
    layers: tuple[str, ...] = field(default=LAYER_IDS)
    #: only some blocks analysed (what is on screen), shown while the rest is being done;
    #: its document metrics are not measured yet
    partial: bool = False

    def all_findings(self) -> list[Finding]:
        return sorted(f for group in self.findings.values() for f in group)

    def count(self, layer: str) -> int:
        return len(self.findings.get(layer, ()))

    def per_100_words(self, layer: str) -> float:
        return 100.0 * self.count(layer) / self.words if self.words else 0.0

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.all_findings())
