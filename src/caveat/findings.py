"""What every part of Caveat exchanges: findings, the analysis that holds them, its pipeline.

Free of spaCy, textstat and Qt, so loaders, the window and the export can all use it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from caveat.layers import layer_ids
from caveat.model_names import display_name


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
class PipelineInfo:
    """Which language pipeline produced an analysis."""

    name: str  # model package name, or "rules"
    version: str = ""
    notice: str = ""  # shown to the reader when accuracy is reduced

    @property
    def is_fallback(self) -> bool:
        return self.name == "rules"

    def label(self) -> str:
        """The package and version, as a developer names them: "en_core_web_sm 3.8.0"."""
        return f"{self.name} {self.version}".strip()

    def display_name(self) -> str:
        """As a reader says it: "English (spaCy small model 3.8)"."""
        return display_name(self.name, self.version)


@dataclass(frozen=True)
class Analysis:
    findings: Mapping[str, tuple[Finding, ...]]  # layer id -> findings sorted by start
    #: readability for the whole document; a formula is None when the text is too short for it
    metrics: Mapping[str, float | None]
    block_metrics: Mapping[int, Mapping[str, float | None]]  # block index -> its metrics
    pipeline: PipelineInfo
    words: int = 0
    cancelled: bool = False
    layers: tuple[str, ...] = field(default_factory=layer_ids)
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
