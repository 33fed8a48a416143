"""Why a sentence is speculation: the rule, which of its messages, and the words to fill in."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Cue:
    rule: str  # the rule id
    variant: str | None = None  # a variant of the rule's table, or None for its own message
    fields: dict[str, str] = field(default_factory=dict)  # "{cue}", "{subject}"... for the message
