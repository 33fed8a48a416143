"""Every rule is data a reader can trust: a title, a message, a confidence, why it matters, and
examples; ids are unique across layers, and the code that decides a rule carries its id."""

from __future__ import annotations

import pytest

from caveat.layers import layer_ids
from caveat.rules import RuleTableError, _rule, all_rules, common_rules, get_rule, rules_of

RULES = all_rules()


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_has_a_title_a_message_why_it_matters_and_examples(rule):
    assert rule.title and rule.message and rule.why.count(" ") >= 10
    assert 0 < rule.confidence <= 1
    assert len(rule.flag) >= 2, f"{rule.id} needs at least two sentences it must flag"
    assert len(rule.not_flag) >= 2, f"{rule.id} needs at least two traps it must not flag"
    assert set(rule.fallback_misses) <= set(rule.flag) | set(rule.not_flag)


def test_rule_ids_are_unique_across_layers():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))


def test_every_layer_has_rules_and_the_common_ones_belong_to_none():
    assert all(rules_of(layer) for layer in layer_ids())
    assert [rule.id for rule in common_rules()] == ["your-word"]
    assert get_rule("your-word").layer == ""


def test_an_unknown_rule_is_named_with_the_known_ones():
    with pytest.raises(KeyError, match="unknown rule 'no-such-rule'; known: epistemic-modal"):
        get_rule("no-such-rule")


def test_a_rule_without_a_confidence_is_refused():
    with pytest.raises(RuleTableError, match="confidence"):
        _rule("hedge", "broken", {"title": "t", "message": "m"})


def test_a_variant_keeps_the_rules_message_unless_it_has_its_own():
    rule = get_rule("hedged-claim")
    assert rule.message_for("conditional", cue="would have won") == rule.message_for(
        cue="would have won"
    )
    assert rule.confidence_for("conditional") < rule.confidence
    assert "guess" in rule.message_for("guess-phrase", cue="in all likelihood")


def test_the_hedge_rules_are_decided_by_functions_named_after_them():
    from caveat.analysis.layers.hedge.factory import RULES as HEDGE_RULES

    names = {rule.__name__.replace("_", "-") for rule in HEDGE_RULES}
    assert names == {rule.id for rule in rules_of("hedge")}


def test_a_rule_names_the_least_sensitive_level_it_shows_at():
    from caveat.rules import shown_at

    assert get_rule("epistemic-modal").level == "strict"
    thorough = get_rule("vague-quantity")
    assert thorough.level == "thorough" and thorough.confidence < 0.5
    assert not shown_at(thorough.level) and not shown_at(thorough.level, "strict")
    assert shown_at(thorough.level, "thorough") and shown_at("strict", "strict")
    with pytest.raises(RuleTableError, match="'level' must be one of strict, balanced, thorough"):
        _rule("hedge", "broken", {"title": "t", "message": "m", "confidence": 1, "level": "max"})


def test_a_variant_cannot_have_a_level_of_its_own():
    table = {
        "title": "t",
        "message": "m",
        "confidence": 1,
        "variants": {"v": {"level": "thorough"}},
    }
    with pytest.raises(RuleTableError, match="variant v cannot have a 'level' of its own"):
        _rule("hedge", "broken", table)
