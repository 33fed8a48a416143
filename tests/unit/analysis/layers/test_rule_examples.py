"""Generated from the rule tables: every rule flags each sentence it lists under `flag` and
flags nothing in those under `not`, on the model's pipeline and on the rule-based fallback.
A sentence the fallback cannot get right is listed in the table with the reason, and must
still fail there (xfail, strict), so a fixed fallback shows up."""

from __future__ import annotations

import pytest

from caveat import reader_words
from caveat.analysis.pipeline.added_words import AddedWordsFlagger
from caveat.rules import Rule, all_rules


def _cases() -> list:
    cases = []
    for rule in all_rules():
        for expected, sentences in ((True, rule.flag), (False, rule.not_flag)):
            for sentence in sentences:
                for which in ("model", "rules"):
                    marks = []
                    if which == "rules" and sentence in rule.fallback_misses:
                        why = rule.fallback_misses[sentence]
                        marks = [pytest.mark.xfail(reason=why, strict=True)]
                    verb = "flags" if expected else "leaves"
                    case_id = f"{rule.id}-{which}-{verb}-{sentence[:40]}"
                    cases.append(
                        pytest.param(rule, sentence, expected, which, marks=marks, id=case_id)
                    )
    return cases


def _flagged_by(rule: Rule, sentence: str, nlp, words_file) -> list[str]:
    """The words `rule` flags in `sentence`."""
    doc = nlp(sentence)
    layers = list(rule.example_words) if rule.example_words else [rule.layer]
    if rule.example_words:
        words_file.write_text(
            "".join(
                f"[{layer}]\nadd = {list(words)!r}\n" for layer, words in rule.example_words.items()
            ),
            encoding="utf-8",
        )
        AddedWordsFlagger(nlp, "examples", path=words_file)(doc)
    return [s.text for layer in layers for s in doc.spans.get(layer, []) if s.label_ == rule.id]


@pytest.mark.parametrize(("rule", "sentence", "expected", "which"), _cases())
def test_rule_examples(rule, sentence, expected, which, pipeline, rules_pipeline, tmp_path):
    nlp, _info = pipeline if which == "model" else rules_pipeline
    flagged = _flagged_by(rule, sentence, nlp, tmp_path / reader_words.words_file().name)
    if expected:
        assert flagged, f"{rule.id} should flag: {sentence}"
    else:
        assert not flagged, f"{rule.id} should not flag {flagged} in: {sentence}"


@pytest.mark.parametrize("which", ["model", "rules"])
def test_every_finding_carries_a_rule_from_the_tables(
    which, pipeline, rules_pipeline, bundled_sample
):
    from caveat.analysis.run import analyze
    from caveat.loaders import load_document

    document = load_document(bundled_sample)
    chosen = pipeline if which == "model" else rules_pipeline
    analysis = analyze(document, pipeline=chosen, use_cache=False, parallel=False)
    known = {rule.id: rule.layer for rule in all_rules()}
    assert len(analysis.all_findings()) > 20
    for finding in analysis.all_findings():
        assert known[finding.rule] in (finding.layer, "")
