"""Attribution finding: which sentences report a named source, and which only a weasel."""

from __future__ import annotations

import pytest

from caveat.analysis.shared.attribution import attribution_spans, is_attributed

ATTRIBUTED = [
    ("The New York Post reports that the team avoided the hospital.", "Post reports"),
    ("Secret Service protocol called for it, sources said.", "sources said"),
    ("According to the ministry, 300 people died.", "According to"),
    ("Russia has killed more, according to data from the Syrian Network.", "data from"),
    ("Russia states that they intend to protect the Assad regime.", "Russia states"),
    ("The study found 40 percent of voters were undecided.", "study found"),
    ("Smith found that 40 percent of voters were undecided.", "Smith found"),
    ("He also said the deficit was $3 trillion.", "He also said"),
    ('"We lost 300 jobs," said Mayor Smith.', "said Mayor"),
    ("The agency estimated 12,000 were displaced.", "agency estimated"),
    ("A report by the CBO put the cost at $58 billion.", "A report by"),
    ("Unemployment fell to 4% (Smith, 2020).", "(Smith, 2020)"),
    ("Unemployment fell to 4% [3].", "[3]"),
    ("Jones (2019) measured 12 cases.", "Jones (2019)"),
    ("Smith told CNN that 300 people were there.", "Smith told"),
    ("Mr. Kirk, who had a stroke in 2012, also noted that 40 people left.", "noted"),
    ("Growth was 22 percent, Sen. Chuck Grassley (R-Iowa) told POLITICO.", "told"),
    ("Carson wrote in his 1990 autobiography that 301 students left.", "Carson wrote"),
    ("Military Times found Democrats favored Clinton, 72 percent to 8 percent.", "Times found"),
    ("The 57-year-old scientist says 5 labs closed.", "scientist says"),
    ("About four in 10 said they were angry.", "said"),
    ("The deal left 62 percent of voters saying race relations are worse.", "saying"),
    ("Chris Christie Says He Would Quarantine 300 People", "Christie Says"),
    ("Bernie Sanders: It is not a radical idea to ask for a $15 wage.", "Bernie Sanders:"),
    ("Trump's claim that 3 million voted illegally was false.", "Trump's claim"),
    ("In his speech, Obama put unemployment at 5 percent.", "his speech"),
    ("In the most recent Fox poll, Kasich was at 25 percent.", "In the most recent Fox poll"),
    (
        "He trails by 9 points in the RealClearPolitics average of polls.",
        "in the RealClearPolitics average of polls",
    ),
    ("Exit polling shows he won 83% of young voters.", "polling shows"),
    ("He was quoted as saying 40 percent of them lied.", "quoted as saying"),
    # A report verb the tagger reads as a noun or a participle (PolNeAR train, 2026-12-02).
    ("Trump claims he's worth $10 billion.", "Trump claims"),
    (
        "FEC records from the 2008 presidential election cycle show he gave $2,000.",
        "records from the 2008 presidential election cycle show",
    ),
    ("A Quinnipiac University poll found last week that Clinton leads 46 to 40.", "poll found"),
    # A document subject past a relative clause or a date, a finding past a first verb.
    (
        "An AP survey of superdelegates, who are influential, found that 449 back Clinton.",
        "survey of superdelegates, who are influential, found",
    ),
    ("As another Pew study from 2011 noted, the average age was 18.", "study from 2011 noted"),
    ("TheBlaze did the math, and found that the odds are 1 in 64.", "found"),
    ("Evans, the Georgia committeeman, suggested that 22 members are against him.", "suggested"),
    # A value set by a named source; a statement past four modifiers.
    ("Forbes put his net worth at $45 billion.", "Forbes put"),
    ("HuffPost Pollster puts his approval at a solid 50 percent.", "Pollster puts"),
    (
        "Trump's recent evidence-free assertion that 3,000 cheered was false.",
        "Trump's recent evidence-free assertion",
    ),
]

NOT_ATTRIBUTED = [
    "Some say the war will end soon.",
    "Critics claim 40 percent are poor.",
    "Experts believe the figure is higher.",
    "Studies show that 3 in 4 people lie.",
    "They say 90% of statistics are made up.",
    "It is estimated that 5,000 died.",
    "According to some experts, 300 people died.",
    "Police found 3 bodies in the river.",
    "The show had 3 million viewers.",
    "He wants to showcase that power.",
    "At the moment Putin has an approval rating of 80 percent.",
    "Putin will have the Russian people on his side if he looks strong.",
    "His speech drew 3,000 people to the arena.",
    "Hillary Clinton: 1,769.",
    "Republican Party Boosts Spending In Battleground States To Avoid Mistakes Of 2012 Race.",
    "He also maintained above-average costs for raising that money.",
    "Nevada is staking its claim for major influence in 2016.",
    "The claims he made about 300 jobs were false.",
    "The TV show he hosted drew 3 million viewers.",
    "The early voting states that precede it hold 40 percent of delegates.",
    "He put the book on the table and left 3 minutes later.",
    "Photos from those tours show work space with unfinished ceilings.",
    "The loss of 40 jobs, in the absence of any new plant, suggests that the town could shrink.",
    "A similar half-life of 12 hours was determined in IM-9 cells.",
]


def _sentence(nlp, text):
    return next(nlp(text).sents)


@pytest.mark.parametrize(("text", "evidence"), ATTRIBUTED)
def test_attribution_finds_named_sources(pipeline, text, evidence):
    nlp, _info = pipeline
    doc = nlp(text)
    found = [span.text for sent in doc.sents for span in attribution_spans(sent)]
    assert evidence in found


@pytest.mark.parametrize("text", NOT_ATTRIBUTED)
def test_attribution_ignores_unnamed_sources_and_plain_claims(pipeline, text):
    nlp, _info = pipeline
    assert not any(is_attributed(sent) for sent in nlp(text).sents)


def test_attribution_counts_a_hyperlink_in_the_sentence(pipeline):
    nlp, _info = pipeline
    text = "Prices rose 12 percent last year. The rest is history."
    doc = nlp.make_doc(text)
    doc.user_data["caveat_links"] = [(12, 22)]  # "12 percent"
    doc = nlp(doc)
    first, second = list(doc.sents)
    assert [(s.text, s.label_) for s in attribution_spans(first)] == [("12 percent", "link")]
    assert not is_attributed(second)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("According to the ministry, 300 people died.", True),
        ("Critics claim 40 percent are poor.", False),
        ("Smith said the deficit was $3 trillion.", True),
    ],
)
def test_attribution_runs_on_the_rule_based_fallback(rules_pipeline, text, expected):
    nlp, _info = rules_pipeline
    assert is_attributed(_sentence(nlp, text)) is expected
