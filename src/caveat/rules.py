"""Every layer's rules, read from the `[rules]` table of the layer's lexicon.

A rule is what a reader can switch off, read about and trust: its id (unique across layers), a
short title, the message template its findings carry, its default confidence, why it matters,
and examples it must flag and must not flag (the tests are generated from them). Plain data, so
the window, the export and the command line read it without loading the analysis.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from caveat.layers import all_layers, get_layer
from caveat.resources import load_lexicon


@dataclass(frozen=True)
class Rule:
    id: str
    layer: str
    title: str
    message: str  # template: "{text}" is the flagged words; a rule may name more fields
    confidence: float
    why: str
    flag: tuple[str, ...]  # sentences it must flag
    not_flag: tuple[str, ...]  # sentences it must not flag (the traps)


class RuleTableError(ValueError):
    """A lexicon's [rules] table is missing a field or has one of the wrong type."""


def _rule(layer: str, rule_id: str, table: dict) -> Rule:
    def text(key: str, default: str | None = None) -> str:
        value = table.get(key, default)
        if not isinstance(value, str):
            raise RuleTableError(f"rule {rule_id} ({layer}): '{key}' must be a string")
        return value

    confidence = table.get("confidence")
    if not isinstance(confidence, int | float) or not 0 <= confidence <= 1:
        raise RuleTableError(f"rule {rule_id} ({layer}): 'confidence' must be a number in [0, 1]")
    examples = table.get("examples", {})
    return Rule(
        id=rule_id,
        layer=layer,
        title=text("title"),
        message=text("message"),
        confidence=float(confidence),
        why=" ".join(text("why", "").split()),
        flag=tuple(examples.get("flag", ())),
        not_flag=tuple(examples.get("not", ())),
    )


@cache
def _rules_of(layer_id: str, lexicon: str) -> tuple[Rule, ...]:
    table = load_lexicon(lexicon).get("rules", {})
    return tuple(_rule(layer_id, rule_id, body) for rule_id, body in table.items())


def rules_of(layer_id: str) -> tuple[Rule, ...]:
    """The rules of one layer, in the order of its table."""
    return _rules_of(layer_id, get_layer(layer_id).lexicon)


def all_rules() -> tuple[Rule, ...]:
    """Every registered layer's rules, layer by layer."""
    return tuple(rule for layer in all_layers() for rule in rules_of(layer.id))


def get_rule(rule_id: str) -> Rule:
    """The rule with this id (KeyError naming the known ids if there is none)."""
    for rule in all_rules():
        if rule.id == rule_id:
            return rule
    known = ", ".join(rule.id for rule in all_rules())
    raise KeyError(f"unknown rule {rule_id!r}; known: {known}")
