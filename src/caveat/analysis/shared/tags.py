"""Penn Treebank tags (spaCy's `Token.tag_`) grouped by what they mean to the rules.

Without a tagger (the rule-based fallback) every `tag_` is "", which is in none of these sets.
"""

NAME = frozenset({"NNP", "NNPS"})  # "Putin", "Democrats"
COMMON_NOUN = frozenset({"NN", "NNS"})  # "poll", "voters"
NOUN = COMMON_NOUN | NAME
VERB = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
#: a verb that carries tense, so it heads a clause ("said", "says", "will")
FINITE_VERB = frozenset({"VBD", "VBZ", "VBP", "MD"})
ADJECTIVE = frozenset({"JJ", "JJR", "JJS"})
ADVERB = frozenset({"RB", "RBR"})
#: what can stand where a reporting verb's subject or object is ("Smith", "she", "2,000")
NOMINAL = NOUN | {"PRP", "CD"}
#: what can be the subject of a clause, relative and existential pronouns included
SUBJECT = NOMINAL | {"WP", "EX"}
#: the words of a noun phrase ("the most recent Fox News poll", "his 2020 tax-cut plan")
INSIDE_NOUN_PHRASE = frozenset(
    {"DT", "PDT", "PRP$", "POS", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "HYPH"}
)
#: the words before a subject's head that a message repeats ("the Russian government")
SUBJECT_WORDS = frozenset({"DT", "PRP$", "POS", "JJ", "NNP", "NNPS", "NN", "NNS"})
#: determiners and possessives that make a noun phrase specific ("the", "his", "Trump's")
SPECIFIER = frozenset({"DT", "PRP$", "POS", "CD"})
