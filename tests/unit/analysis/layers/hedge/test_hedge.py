"""The hedge layer: what it must flag, the traps it must leave alone, and the fallback."""

from __future__ import annotations

import pytest

HEDGED = [
    # (sentence, flagged words, rule)
    ("The plant may be leaking cobalt into the river.", "may", "epistemic-modal"),
    ("The talks might collapse before the vote.", "might", "epistemic-modal"),
    ("Syria could just be a platform for Putin.", "could", "epistemic-modal"),
    ("That would be the end of the coalition.", "would", "conditional-modal"),
    ("He must have known about the payments.", "must", "inferred-modal"),
    ("These events were perhaps a distraction.", "perhaps", "hedging-adverb"),
    ("The minister will probably resign.", "probably", "hedging-adverb"),
    ("The fire was apparently started by a cigarette.", "apparently", "hedging-adverb"),
    ("The general was reportedly killed in the strike.", "reportedly", "hearsay-adverb"),
    ("A deal is likely before the summer.", "likely", "hedging-adjective"),
    ("Officials are studying a potential leak at the plant.", "potential", "hedging-adjective"),
    ("It is not known whether the dam will hold.", "not known", "hedging-adjective"),
    ("The results raise the possibility of fraud.", "possibility", "hedging-noun"),
    ("The economy seems to be slowing.", "seems", "hedging-verb"),
    ("The mayor appears to think the worst is over.", "appears", "hedging-verb"),
    ("These figures suggest that the policy failed.", "suggest", "hedging-verb"),
    ("I think the company is hiding the results.", "think", "first-person-belief"),
    ("We believe that the vote was rigged.", "believe", "first-person-belief"),
    ("So far about 3,800 civilians were killed.", "about", "approximator"),
    ("About a quarter of those people were children.", "About", "approximator"),
    ("Roughly a third of adults work at the plant.", "Roughly", "approximator"),
    ("The storm destroyed nearly 200 homes.", "nearly", "approximator"),
    ("Some 40 people were arrested.", "Some", "approximator"),
    ("The fine could reach up to $5 million.", "up to", "approximator"),
    ("Around 300 workers joined the strike.", "Around", "approximator"),
    ("Some say the plant saved the town.", "Some say", "unnamed-source"),
    ("Some may be wondering why Putin attacked.", "Some", "unnamed-source"),
    ("Experts believe the bridge is unsafe.", "Experts believe", "unnamed-source"),
    ("Critics claim the site is leaking.", "Critics claim", "unnamed-source"),
    ("Many people believe the company is lying.", "Many people believe", "unnamed-source"),
    ("It is thought that the ship sank in a storm.", "thought", "agentless-passive"),
    (
        "He is widely regarded as the best player of his era.",
        "widely regarded",
        "agentless-passive",
    ),
    ("The painting is said to be a fake.", "said", "agentless-passive"),
    ("According to some, the vote was rigged.", "According to some", "unnamed-source"),
    ("You'd think the council would listen.", "think", "hedging-verb"),
    ("The crowd numbered 500 or so.", "or so", "approximator"),
    # Wikipedia-style weasels (WikiWeasel): the holders of the view are a crowd or no one.
    (
        "The mayor is credited by many with saving the port.",
        "credited by many",
        "agentless-passive",
    ),
    ("The reform was seen by some as a betrayal.", "seen by some", "agentless-passive"),
    ("The album was ridiculed by some on release.", "ridiculed by some", "agentless-passive"),
    ("The band is often credited with inventing the genre.", "often credited", "agentless-passive"),
    ("The plan was widely praised.", "widely praised", "agentless-passive"),
    ("The ship, said to be the oldest afloat, sank.", "said", "agentless-passive"),
    (
        "Some Labour supporters contend that the vote was rigged.",
        "Some Labour supporters",
        "unnamed-source",
    ),
    ("Many nutrition experts warn against the diet.", "Many nutrition experts", "unnamed-source"),
    ("Some of his critics called the speech a lie.", "Some of his critics", "unnamed-source"),
    ("Some claim that the mine is unsafe.", "Some claim", "unnamed-source"),
    ("Conventional wisdom holds that rents will fall.", "Conventional wisdom", "unnamed-source"),
    ("There are claims that the tests were faked.", "There are claims", "unnamed-source"),
]

NOT_HEDGED = [
    # (sentence, word that must not be flagged): the traps issue 2 names, and their kin.
    ("Harlow Creek had 6,000 residents in May 2018.", "May"),
    ("The plant opened on 3 May.", "May"),
    ("May 2018 was the wettest month on record.", "May"),
    ("At a meeting he talked about the war.", "about"),
    ("The book is about a river town.", "about"),
    ("She could swim as a child.", "could"),
    ("When I was young I could run for miles.", "could"),
    ("May I ask you a question?", "May"),
    ("Could you send me the report?", "Could"),
    ("Can you hear me?", "Can"),
    ("The company can recycle any battery.", "can"),
    ("Demand for metals will double by 2030.", "will"),
    ("The protein could be detected in all samples.", "could"),
    ("He said he would resign in June.", "would"),
    ("I would like to thank the readers.", "would"),
    ("Every driver must be insured.", "must"),
    ("Please reply as soon as possible.", "possible"),
    ("She appeared on television last night.", "appeared"),
    ("He thinks about the war every day.", "thinks"),
    ("The senator believes in lower taxes.", "believes"),
    ("The river is known as the Harlow.", "known"),
    ("Some of the buildings were damaged.", "Some"),
    ("The team reached its full potential.", "potential"),
    ("It is a kind of battery.", "kind"),
    ("I could not believe it.", "believe"),
    ("The band would later become famous.", "would"),
    ("The shop could not repair the radio, so we sent it back.", "could"),
    ("Prices rose every year up to 2018.", "up"),
    ("Ask anyone: you should read it.", "should"),
    # Vague quantities and namings are not weasels: no view is being attributed.
    ("Many of his works were lost in the fire.", "Many"),
    ("Several plant communities grow on the slope.", "Several"),
    ("Most of the people use bicycles.", "Most"),
    ("The museum was visited by many tourists.", "visited"),
    ("The ring is commonly called a double eagle.", "called"),
    ("The patient was referred to a specialist.", "referred"),
    ("The festival is usually held in May.", "held"),
    ("She said to be careful on the ice.", "said"),
    ("Some terrible news stating the result arrived.", "Some"),
    # How often a claim holds, left vague: shown at `thorough` only (vague-quantity).
    ("In some cases the drug causes seizures.", "In some cases"),
    # A length of time, rounded: shown at `thorough` only (approximate-duration).
    ("Residents waited about two weeks for the water.", "about"),
    # Poll wording and what a plan provides (our gold set's guidelines).
    ("Democrats are more likely to say the economy is improving.", "likely"),
    ("In a hypothetical race with the governor, the senator leads.", "hypothetical"),
    ("The council drafted a plan that would raise parking fees.", "would"),
]


def _words(found: list[tuple[str, str]]) -> list[str]:
    return [text for text, _rule in found]


@pytest.mark.parametrize(("sentence", "words", "rule"), HEDGED)
def test_hedge_detector_flags_hedges(flags, sentence: str, words: str, rule: str) -> None:
    assert (words, rule) in flags(sentence, "hedge")


@pytest.mark.parametrize(("sentence", "word"), NOT_HEDGED)
def test_hedge_detector_leaves_traps_alone(flags, sentence: str, word: str) -> None:
    flagged = " ".join(_words(flags(sentence, "hedge"))).split()
    assert word not in flagged


def test_hedge_detector_names_the_figure_an_approximator_blurs(pipeline) -> None:
    nlp, _info = pipeline
    doc = nlp("So far about 3,800 civilians were killed.")
    messages = doc.user_data["caveat_messages"]
    assert any("makes 3,800 an approximation" in msg for msg, *_rest in messages.values())


def test_hedge_detector_sets_an_empty_span_group_on_plain_text(pipeline) -> None:
    nlp, _info = pipeline
    doc = nlp("The council met on Tuesday and approved the budget.")
    assert list(doc.spans["hedge"]) == []


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The plant may be leaking cobalt.", "may"),
        ("Perhaps the mayor knew.", "Perhaps"),
        ("So far about 3,800 civilians were killed.", "about"),
        ("Some say the plant saved the town.", "Some say"),
    ],
)
def test_hedge_detector_works_without_a_model(rules_pipeline, sentence: str, words: str) -> None:
    nlp, _info = rules_pipeline
    doc = nlp(sentence)
    assert words in [span.text for span in doc.spans["hedge"]]


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Harlow Creek had 6,000 residents in May 2018.", "May"),
        ("At a meeting he talked about the war.", "about"),
        ("She could swim as a child.", "could"),
    ],
)
def test_hedge_detector_without_a_model_still_avoids_traps(
    rules_pipeline, sentence: str, word: str
) -> None:
    nlp, _info = rules_pipeline
    doc = nlp(sentence)
    assert word not in [span.text for span in doc.spans["hedge"]]
