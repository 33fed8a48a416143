"""The speculation layer flags whole sentences that state the author's conjecture as the claim."""

from __future__ import annotations

import pytest

LAYER = "speculation"

MUST_FLAG = [
    # hedged claims
    ("Syria could just be a platform for Putin to gain support for his party.", "hedged-claim"),
    ("That may be unfair.", "hedged-claim"),
    ("The mayor, Tom Okafor, seems to think the worst is over.", "hedged-claim"),
    ("These events served as a distraction from Ukraine, perhaps temporarily.", "hedged-claim"),
    ("Prices are likely to rise again next year.", "hedged-claim"),
    ("It is possible that the talks have already failed.", "hedged-claim"),
    ("Perhaps 80 percent of the houses would fail a modern energy audit.", "hedged-claim"),
    ("The site might be leaking cobalt into the river.", "hedged-claim"),
    ("He must have known about the payments.", "hedged-claim"),
    ("Thousands may have been exposed to lead in the water.", "hedged-claim"),
    ("He could win California on Tuesday and still lose the nomination.", "hedged-claim"),
    # predictions
    (
        "Putin will have the Russian people on his side if he portrays himself as strong.",
        "prediction",
    ),
    ("Demand for recycled metals will double by 2030.", "prediction"),
    ("If it does, Harlow Creek will likely need another 2,000 homes.", "prediction"),
    ("The ceasefire is bound to collapse within weeks.", "prediction"),
    ("The new party won't survive the next election.", "prediction"),
    # theories
    ("One theory is that the company chose the town because land was cheap.", "theory"),
    (
        "One other theory is starting a proxy war in Syria, to aggravate the United States.",
        "theory",
    ),
    ("My guess is that the minister resigns before the summer.", "theory"),
    # motives and mental states of others, with no source
    ("He wants to showcase that power and Syria is the perfect platform.", "motive"),
    ("Russia is looking for international support.", "motive"),
    ("They hope to win over the younger voters.", "motive"),
    ("Putin intends to keep the Assad regime in power.", "motive"),
    ("His real goal is to stay in office beyond 2024.", "motive"),
    ("The senator is desperate to avoid another scandal.", "motive"),
    (
        "For Russia's leader, the intervention is more about gaining support than fighting terror.",
        "motive",
    ),
]

MUST_NOT_FLAG = [
    # a named source reports it
    "Russia states that they intend to protect the Assad regime in Syria.",
    "The minister said the plan would fail.",
    "According to the ministry, prices will fall by 3 percent next year.",
    # quoted speech, also across sentence ends
    '"We will win this war," the minister said.',
    "The minister spoke for an hour. “Prices will fall. Wages will rise by spring.”",
    "Their slogan, ‘the future will be ours’, was everywhere.",
    # questions
    "What is Putin trying to achieve, and will he succeed?",
    "May I ask what the council wants?",
    # the author about themself and the reader
    "I could swim in this river as a child.",
    "I will explain the figures below.",
    "You may leave your coat at the door.",
    # ability, dates, obligations, nouns
    "She could swim before she could walk.",
    "He could not find the file.",
    "May 2018 was the hottest month on record.",
    "The free will of the people is clear.",
    "Companies must report their emissions every year.",
    "Severe cases may require permanent ventilation.",
    "Higher security vaults may have various enchantments upon the doors.",
    "It is possible to appeal the decision within a month.",
    "Normal cartridges could not be used, so the console used special cards.",
    "Workers sewed jeans and could earn $20 an hour in the factories.",
    "It was feared that his funeral would set off unrest.",
    "Kasich, the supposed moderate in the race, has signed 18 bills.",
    # timetables and subordinate clauses
    "The trial will begin on Monday.",
    "He talked about the new school and the 12 teachers it will hire.",
    "The council approved a plan that could cost the town $2 million.",
    "People who want to leave can apply for a permit.",
    # searches, truisms, institutions and plain facts
    "Police are looking for a man in a red coat.",
    "Nobody wants another war.",
    "The bill seeks to cut taxes for small firms.",
    "This means that the school opens later.",
    "The theory of relativity was published in 1905.",
    "The company recovered 14,000 tonnes of cells in 2023.",
    "I visited the plant in March and spoke to the manager.",
]


@pytest.mark.parametrize(("sentence", "rule"), MUST_FLAG)
def test_speculation_flags_the_whole_sentence(flags, sentence, rule):
    assert flags(sentence, LAYER) == [(sentence, rule)]


@pytest.mark.parametrize("sentence", MUST_NOT_FLAG)
def test_speculation_leaves_reports_quotes_and_facts_alone(flags, sentence):
    assert flags(sentence, LAYER) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Demand will double by 2030.", "'will double' predicts the future as fact"),
        (
            "Vladimir Putin wants the world to see it.",
            "states what Vladimir Putin wants without a source",
        ),
        ("He wants to showcase that power.", "states what he wants without a source"),
        ("One theory is that land was cheap.", "'One theory' puts forward a theory as the claim"),
        ("That may be unfair.", "'may be' hedges the main claim, and no source is named for it"),
    ],
)
def test_speculation_message_names_the_words_and_the_reason(pipeline, text, message):
    from caveat.analysis.pipeline.spans import findings_of

    nlp, _info = pipeline
    assert [f.message for f in findings_of(nlp(text), LAYER)] == [message]


def test_speculation_span_is_the_trimmed_sentence_one_per_sentence(pipeline):
    nlp, _info = pipeline
    doc = nlp("  He wants power.   Prices will rise and wages will fall.  It rained.  ")
    spans = [span.text for span in doc.spans[LAYER]]
    assert spans == ["He wants power.", "Prices will rise and wages will fall."]


@pytest.mark.parametrize(
    ("text", "hedged_word", "hedge_rule", "expected"),
    [
        ("The plant ostensibly recycles batteries.", "ostensibly", "hedging-adverb", 1),
        ("The plant ostensibly recycles batteries.", None, None, 0),
        ("The plant employs about 300 people.", "about", "approximator", 0),
    ],
)
def test_speculation_takes_hedged_main_claims_from_the_hedge_layer(
    pipeline, text, hedged_word, hedge_rule, expected
):
    from spacy.tokens import Span

    nlp, _info = pipeline
    with nlp.select_pipes(disable=["caveat_hedge", "caveat_speculation"]):
        doc = nlp(text)
    doc.spans["hedge"] = [
        Span(doc, tok.i, tok.i + 1, label=hedge_rule) for tok in doc if tok.lower_ == hedged_word
    ]
    doc = nlp.get_pipe("caveat_speculation")(doc)
    assert [span.text for span in doc.spans[LAYER]] == [text] * expected


def test_speculation_sets_an_empty_group_when_nothing_is_found(pipeline):
    nlp, _info = pipeline
    for text in ("The mill closed in 2016.", ""):
        doc = nlp(text)
        assert LAYER in doc.spans
        assert list(doc.spans[LAYER]) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He wants to showcase that power.", ["motive"]),
        ("Demand will double by 2030.", ["prediction"]),
        ("One theory is that land was cheap.", ["theory"]),
        ("Syria could just be a platform.", ["hedged-claim"]),
        ("May 2018 was the hottest month on record.", []),
        ("The free will of the people is clear.", []),
        ('"We will win," the minister said.', []),
    ],
)
def test_speculation_runs_on_the_rule_based_fallback(rules_pipeline, text, expected):
    nlp, _info = rules_pipeline
    doc = nlp(text)
    assert [span.label_ for span in doc.spans[LAYER]] == expected
