"""Every layer's rules, read from the `[rules]` table of the layer's lexicon.

A rule is what a reader can switch off, read about and trust: its id (unique across layers), a
short title, the message template its findings carry, its default confidence, why it matters,
and examples it must flag and must not flag (the tests are generated from them). Plain data, so
the window, the export and the command line read it without loading the analysis.

A rule may have variants (`[rules.<id>.variants.<name>]`): the same rule found by other evidence,
with its own message template or confidence; its level (the least sensitive level it shows
at) is the rule's.
Rules in `common.toml` belong to no one layer (their `layer` is ""): a finding of any layer may
carry them, as the reader's own words do.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from caveat.layers import all_layers, get_layer
from caveat.resources import load_lexicon

#: the lexicon whose rules belong to every layer
COMMON_LEXICON = "common"
#: How much a reader chooses to see, least to most. A rule (or variant) names the least
#: sensitive level it shows at (`level`, default "strict": every level); "thorough" rules are
#: what a careful editor may want and most readers do not ("many of his works", "dozens of
#: shops"). The confidence thresholds per level (issue 11) filter further, on top of this.
SENSITIVITIES = ("strict", "balanced", "thorough")
DEFAULT_SENSITIVITY = "balanced"


def shown_at(level: str, sensitivity: str = DEFAULT_SENSITIVITY) -> bool:
    """Whether a finding of a rule with this `level` shows at the reader's `sensitivity`."""
    return SENSITIVITIES.index(level) <= SENSITIVITIES.index(sensitivity)


@dataclass(frozen=True)
class Variant:
    """Another way a rule is found: its own message template and confidence."""

    message: str
    confidence: float


@dataclass(frozen=True)
class Rule:
    id: str
    layer: str  # "" for a rule every layer may carry (common.toml)
    title: str
    message: str  # template: "{text}" is the flagged words; a rule may name more fields
    confidence: float
    why: str
    flag: tuple[str, ...]  # sentences it must flag
    not_flag: tuple[str, ...]  # sentences it must not flag (the traps)
    variants: Mapping[str, Variant] = field(default_factory=dict, hash=False, compare=False)
    #: examples the rule-based fallback (no tagger) cannot get right: sentence -> why not
    fallback_misses: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)
    #: words the reader adds per layer (words.toml) before the examples are checked
    example_words: Mapping[str, tuple[str, ...]] = field(
        default_factory=dict, hash=False, compare=False
    )
    #: the least sensitive level its findings show at (see SENSITIVITIES)
    level: str = SENSITIVITIES[0]

    def message_for(self, variant: str | None = None, **fields: object) -> str:
        """The message of a finding: the rule's (or the variant's) template, filled in."""
        template = self.variants[variant].message if variant else self.message
        return template.format(**fields)

    def confidence_for(self, variant: str | None = None) -> float:
        return self.variants[variant].confidence if variant else self.confidence

    def level_for(self, variant: str | None = None) -> str:
        """A variant shows where its rule does: a finding names its rule, not its variant, so
        the view (caveat.sensitivity) can only filter levels rule by rule."""
        return self.level


class RuleTableError(ValueError):
    """A lexicon's [rules] table is missing a field or has one of the wrong type."""


def _text(rule_id: str, layer: str, table: dict[str, Any], key: str, default: str | None) -> str:
    value = table.get(key, default)
    if not isinstance(value, str):
        raise RuleTableError(f"rule {rule_id} ({layer or 'all layers'}): '{key}' must be text")
    return value


def _confidence(rule_id: str, layer: str, value: object) -> float:
    if not isinstance(value, int | float) or not 0 <= value <= 1:
        raise RuleTableError(
            f"rule {rule_id} ({layer or 'all layers'}): 'confidence' must be a number in [0, 1]"
        )
    return float(value)


def _level(rule_id: str, layer: str, value: object) -> str:
    if value not in SENSITIVITIES:
        raise RuleTableError(
            f"rule {rule_id} ({layer or 'all layers'}): 'level' must be one of "
            + ", ".join(SENSITIVITIES)
        )
    return str(value)


def _variant_tables(rule_id: str, layer: str, table: dict[str, Any]) -> list[tuple[str, Any]]:
    """The rule's variants; one with a `level` of its own is refused (see Rule.level_for)."""
    variants = list(table.get("variants", {}).items())
    for name, body in variants:
        if "level" in body:
            raise RuleTableError(
                f"rule {rule_id} ({layer or 'all layers'}): variant {name} cannot have a "
                "'level' of its own; give it a rule of its own instead"
            )
    return variants


def _sentences(rule_id: str, layer: str, examples: dict[str, Any], key: str) -> tuple[str, ...]:
    value = examples.get(key, [])
    if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
        raise RuleTableError(f"rule {rule_id}: examples.{key} must be a list of sentences")
    return tuple(value)


def _rule(layer: str, rule_id: str, table: dict[str, Any]) -> Rule:
    message = _text(rule_id, layer, table, "message", None)
    confidence = _confidence(rule_id, layer, table.get("confidence"))
    level = _level(rule_id, layer, table.get("level", SENSITIVITIES[0]))
    variants = {
        name: Variant(
            _text(rule_id, layer, body, "message", message),
            _confidence(rule_id, layer, body.get("confidence", confidence)),
        )
        for name, body in _variant_tables(rule_id, layer, table)
    }
    examples = table.get("examples", {})
    misses = {
        _text(rule_id, layer, miss, "text", None): _text(rule_id, layer, miss, "why", None)
        for miss in examples.get("fallback_misses", [])
    }
    words = {
        words_layer: tuple(words) for words_layer, words in examples.get("your_words", {}).items()
    }
    return Rule(
        id=rule_id,
        layer=layer,
        title=_text(rule_id, layer, table, "title", None),
        message=message,
        confidence=confidence,
        why=" ".join(_text(rule_id, layer, table, "why", "").split()),
        flag=_sentences(rule_id, layer, examples, "flag"),
        not_flag=_sentences(rule_id, layer, examples, "not"),
        variants=variants,
        fallback_misses=misses,
        example_words=words,
        level=level,
    )


@cache
def rules_from(layer_id: str, lexicon: str) -> tuple[Rule, ...]:
    """The rules in `lexicon`'s [rules] table, as rules of `layer_id` (a detector reads its
    own lexicon's rules with this)."""
    table = load_lexicon(lexicon).get("rules", {})
    return tuple(_rule(layer_id, rule_id, body) for rule_id, body in table.items())


def rules_of(layer_id: str) -> tuple[Rule, ...]:
    """The rules of one layer, in the order of its table."""
    return rules_from(layer_id, get_layer(layer_id).lexicon)


def common_rules() -> tuple[Rule, ...]:
    """The rules a finding of any layer may carry (layer ""): the reader's own words."""
    return rules_from("", COMMON_LEXICON)


def all_rules() -> tuple[Rule, ...]:
    """Every registered layer's rules, layer by layer, then the common ones."""
    return tuple(rule for layer in all_layers() for rule in rules_of(layer.id)) + common_rules()


def get_rule(rule_id: str) -> Rule:
    """The rule with this id (KeyError naming the known ids if there is none)."""
    for rule in all_rules():
        if rule.id == rule_id:
            return rule
    known = ", ".join(rule.id for rule in all_rules())
    raise KeyError(f"unknown rule {rule_id!r}; known: {known}")


def rule_book(layer_id: str, lexicon: str) -> Mapping[str, Rule]:
    """A detector's rules by id."""
    return {rule.id: rule for rule in rules_from(layer_id, lexicon)}
