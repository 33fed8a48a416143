"""Find where a sentence reports a source: "according to X", "X said", "a study by", [3], links.

Shared by the number layer (a figure with a source nearby is not flagged) and the speculation
layer (a sentence that reports a named source is not the author's conjecture). Without a parser,
a reporting verb counts when a named, pronoun or document subject stands next to it; unnamed
subjects ("some say", "critics claim", "studies show") are weasels, not sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from caveat.resources import load_lexicon

LINKS_KEY = "caveat_links"  # doc.user_data: hyperlinks as doc-relative (start_char, end_char)
NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS", "PRP", "CD"}
NAME_TAGS = {"NNP", "NNPS"}
NP_TAGS = {"DT", "PDT", "PRP$", "POS", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "HYPH"}
QUOTES = {'"', "“", "”", "'", "‘", "’", "``", "''"}
PERFECT_AUXILIARIES = {"has", "have", "had", "'s", "'ve", "'d", "having"}
PROGRESSIVE_AUXILIARIES = {"is", "are", "was", "were", "am", "been", "be", "'s", "'re", "'m"}
BRACKETS = {"[", "]", "(", ")"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
CLOSING_QUOTES = {"”", "''"}
DOUBLE_QUOTES = {'"', "“", "”", "``", "''"}
CLAUSE_OPENERS = {"that", ":", '"', "“", "``"}


@dataclass(frozen=True)
class AttributionLexicon:
    speech: frozenset[str]
    finding: frozenset[str]
    stance: frozenset[str]
    verb_forms: dict[str, str]  # inflected form -> lemma, for the rule-based fallback
    source_nouns: frozenset[str]
    documents: frozenset[str]
    document_prepositions: frozenset[str]
    unnamed: frozenset[str]
    generic_pronouns: frozenset[str]
    skippable: frozenset[str]
    pronouns: frozenset[str]
    specific_determiners: frozenset[str]
    phrases: dict[str, tuple[tuple[str, ...], ...]]  # first word -> phrases, longest first
    min_year: int
    max_year: int
    max_citation_tokens: int
    min_quote_tokens: int
    subject_reach: int
    citation_words: frozenset[str]
    statement_nouns: frozenset[str]
    stance_nouns: frozenset[str]
    respondent_units: frozenset[str]
    owner_pronouns: frozenset[str]
    media_nouns: frozenset[str]
    headline_verbs: frozenset[str]


def _inflections(lemma: str) -> list[str]:
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    past = lemma + "d" if lemma.endswith("e") else lemma + "ed"
    third = lemma + "es" if lemma.endswith(("s", "sh", "ch", "x")) else lemma + "s"
    return [lemma, third, past, stem + "ing"]


@cache
def attribution_lexicon() -> AttributionLexicon:
    """The attribution word lists as sets, built once."""
    data = load_lexicon("attribution")
    verbs, subjects = data["verbs"], data["subjects"]
    lemmas = verbs["speech"] + verbs["finding"] + verbs["stance"]
    forms = {form: lemma for lemma in lemmas for form in _inflections(lemma)}
    forms.update(data["forms"])
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for phrase in data["phrases"]["attributing"]:
        words = tuple(_phrase_words(phrase))
        phrases.setdefault(words[0], []).append(words)
    return AttributionLexicon(
        speech=frozenset(verbs["speech"]),
        finding=frozenset(verbs["finding"]),
        stance=frozenset(verbs["stance"]),
        verb_forms=forms,
        source_nouns=frozenset(subjects["source_nouns"]),
        documents=frozenset(data["documents"]["nouns"]),
        document_prepositions=frozenset(data["documents"]["prepositions"]),
        unnamed=frozenset(subjects["unnamed"]),
        generic_pronouns=frozenset(subjects["generic_pronouns"]),
        skippable=frozenset(subjects["skippable"]),
        pronouns=frozenset(subjects["pronouns"]),
        specific_determiners=frozenset(subjects["specific_determiners"]),
        phrases={k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases.items()},
        min_year=data["citations"]["min_year"],
        max_year=data["citations"]["max_year"],
        max_citation_tokens=data["citations"]["max_tokens"],
        min_quote_tokens=data["quotations"]["min_tokens"],
        subject_reach=subjects["document_reach"],
        citation_words=frozenset(data["citations"]["words"]),
        statement_nouns=frozenset(data["nouns"]["statements"]),
        stance_nouns=frozenset(data["nouns"]["stances"]),
        respondent_units=frozenset(subjects["respondent_units"]),
        owner_pronouns=frozenset(data["nouns"]["owners"]),
        media_nouns=frozenset(data["nouns"]["media"]),
        headline_verbs=frozenset(verbs["headline"]),
    )


def _phrase_words(phrase: str) -> list[str]:
    # Split the way spaCy's tokenizer splits these phrases: a trailing colon is its own token.
    words = phrase.split()
    if words[-1].endswith(":") and len(words[-1]) > 1:
        words[-1:] = [words[-1][:-1], ":"]
    return words


def is_attributed(sent: Span) -> bool:
    """Whether the sentence reports a named source (or quotes, cites or links one)."""
    return bool(attribution_spans(sent))


def attribution_spans(sent: Span, stance: bool = False) -> list[Span]:
    """The evidence in `sent` that it reports a source, as spans labelled by kind of evidence.

    `stance` also counts a named person's stated position ("Trump pledged to...") as a source,
    which is right for a figure inside it but not for deciding whether a sentence is conjecture.
    """
    lex = attribution_lexicon()
    tagged = bool(sent[0].tag_)
    found: list[Span] = []
    lower = [t.lower_ for t in sent]  # one string lookup per token, shared by the finders
    found += _phrase_spans(sent, lex, lower)
    found += _document_reference_spans(sent, lex, lower)
    found += _reporting_verb_spans(sent, lex, tagged, stance)
    found += _quotation_spans(sent, lex, lower)
    found += _citation_spans(sent, lex, lower)
    found += _link_spans(sent)
    found += _possessive_statement_spans(sent, lex, stance)
    found += _colon_speaker_spans(sent, lex)
    unique = {(s.start, s.end, s.label_): s for s in found}
    return [unique[key] for key in sorted(unique)]


def _phrase_spans(sent: Span, lex: AttributionLexicon, lower: list[str]) -> list[Span]:
    doc, spans = sent.doc, []
    for k, first in enumerate(lower):
        for words in lex.phrases.get(first, ()):
            if tuple(lower[k : k + len(words)]) != words:
                continue
            start, end = sent.start + k, sent.start + k + len(words)
            if end < sent.end and _unnamed_object(doc[end : sent.end], lex):
                break
            spans.append(Span(doc, start, end, label="attributing-phrase"))
            break
    return spans


def _document_reference_spans(sent: Span, lex: AttributionLexicon, lower: list[str]) -> list[Span]:
    """ "in a new Fox News poll", "from the 2020 census", "by the study": a figure's document.

    The noun phrase after the preposition must end in a document noun and must not be a bare
    unnamed plural ("in studies").
    """
    doc, spans = sent.doc, []
    for k, word in enumerate(lower):
        if word not in lex.document_prepositions:
            continue
        tok = doc[sent.start + k]
        j = tok.i + 1
        while j < min(sent.end, tok.i + 9) and (
            _inside_noun_phrase(doc[j]) or _links_noun_phrases(doc[j])
        ):
            noun = doc[j]
            if _lemma(noun) in lex.documents and not _is_bare_unnamed(doc[tok.i + 1 : j + 1], lex):
                end = j + 1
                while end < sent.end and _lemma(doc[end]) in lex.documents:
                    end += 1  # "exit poll results"
                spans.append(Span(doc, tok.i, end, label="document"))
                break
            j += 1
    return spans


def _links_noun_phrases(tok: Token) -> bool:
    """ "most" in "the most recent poll", "of" in "the average of New Hampshire polls"."""
    return tok.tag_ == "RBS" or tok.lower_ == "of" and tok.doc[tok.i - 1].tag_ == "NN"


def _inside_noun_phrase(tok: Token) -> bool:
    if tok.tag_:
        return tok.tag_ in NP_TAGS or tok.text in {"/", "-"}
    return not tok.is_punct or tok.text in {"/", "-", "'s", "’s"}


def _is_bare_unnamed(phrase: Span, lex: AttributionLexicon) -> bool:
    head = phrase[-1]
    if _lemma(head) not in lex.unnamed:
        return False
    return not any(
        t.lower_ in lex.specific_determiners or t.tag_ in NAME_TAGS or t.like_num or t.is_title
        for t in phrase[:-1]
    )


def _unnamed_object(rest: Span, lex: AttributionLexicon) -> bool:
    """Whether what follows "according to" names nobody: "some experts", "estimates"."""
    words = [t for t in rest[:4] if not t.is_punct]
    if not words or words[0].lower_ in lex.specific_determiners:
        return False
    head = words[0]
    if any(t.tag_ in NAME_TAGS or (not t.tag_ and t.is_title) for t in words[:3]):
        return False
    return _lemma(head) in lex.unnamed


def _lemma(tok: Token) -> str:
    """The lemma, or without a tagger a crude singular ("critics" -> "critic")."""
    if tok.lemma_:
        return tok.lemma_.lower()
    lower = tok.lower_
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3:
        return lower[:-1]
    return lower


def _verb_lemma(tok: Token, lex: AttributionLexicon, tagged: bool, headline: bool) -> str | None:
    # Only the listed verbs' forms can be reporting verbs: one set lookup rules out most tokens.
    lemma = lex.verb_forms.get(tok.lower_)
    if lemma is None:
        return None
    if headline and lemma in lex.headline_verbs and tok.doc[tok.i - 1].tag_ in NAME_TAGS:
        return lemma  # "Trump Says He Would...": a headline's verb after a name
    if tok.is_title and not tok.is_sent_start:
        # A capitalised word inside a sentence is a name ("the Post") or headline case.
        return None
    if tagged and not (tok.tag_.startswith("VB") or _is_final_report(tok)):
        return None
    return lemma


def _is_headline(sent: Span) -> bool:
    """Headline case: most words capitalised ("Christie Says He Would Issue A Quarantine")."""
    words = [t for t in sent if t.is_alpha]
    return len(words) >= 4 and sum(t.is_title for t in words) >= 0.75 * len(words)


def _is_final_report(tok: Token) -> bool:
    """ ", records show." or "Trump estimates that": the tagger often reads a report verb as a
    noun; before the full stop after a comma, or between a name and "that", it is the verb."""
    doc = tok.doc
    if tok.tag_ not in {"NN", "NNS"} or tok.i + 1 >= len(doc) or tok.i == 0:
        return False
    nxt = doc[tok.i + 1]
    if nxt.lower_ == "that" and doc[tok.i - 1].tag_ in {"NNP", "NNPS", "PRP"}:
        return True
    return nxt.is_punct and any(t.text == "," for t in doc[max(0, tok.i - 5) : tok.i])


def _reporting_verb_spans(
    sent: Span, lex: AttributionLexicon, tagged: bool, stance: bool
) -> list[Span]:
    doc, spans = sent.doc, []
    headline = _is_headline(sent)
    for tok in sent:
        lemma = _verb_lemma(tok, lex, tagged, headline)
        if lemma is None:
            continue
        kind = _verb_kind(lemma, lex, stance)
        if kind is None or _is_agentless_passive(tok, sent):
            continue
        if lemma == "say" and _has_respondent_subject(tok, sent, lex):
            spans.append(Span(doc, tok.i, tok.i + 1, label="respondents"))
            continue
        if tok.tag_ in {"VBG", "VBN"} and not _has_auxiliary(tok, sent):
            # ", saying that ...", ", adding:": the main clause's subject speaks. Other
            # participles ("precincts reporting", "adding to her wins") report nothing.
            if kind != "finding" and _reports_after_comma(tok, sent):
                spans.append(Span(doc, tok.i, tok.i + 1, label="reporting-verb"))
            continue
        subject = _subject_left(tok, sent, lex, tagged) or _subject_right(tok, sent, lex, tagged)
        if kind == "finding" and (subject is None or _lemma(subject) not in lex.source_nouns):
            subject = _document_subject(tok, sent, lex) or subject
        if subject is None:
            # "Smith, the bureau's director, said", "Smith obtained the video and said": the
            # subject is beyond a parenthesis or a first verb.
            if kind == "speech" and _has_distant_subject(tok, sent, lex):
                spans.append(Span(doc, tok.i, tok.i + 1, label="reporting-verb"))
            continue
        if _is_unnamed(subject, tok, sent, lex):
            continue
        if kind == "finding" and not (
            _lemma(subject) in lex.source_nouns
            or _opens_clause(tok, sent)
            or _has_document_object(tok, sent, lex)
            or _is_parenthetical(subject, tok, sent)
        ):
            continue
        start, end = min(subject.i, tok.i), max(subject.i, tok.i) + 1
        spans.append(Span(doc, start, end, label="reporting-verb"))
    return spans


def _document_subject(verb: Token, sent: Span, lex: AttributionLexicon) -> Token | None:
    """ "A USA Today poll released this week found": a document noun further left, with no
    other finite verb between it and the finding verb."""
    for i in range(verb.i - 1, max(sent.start, verb.i - lex.subject_reach) - 1, -1):
        tok = sent.doc[i]
        if tok.tag_ in FINITE_TAGS or tok.text in {";", ":"}:
            return None
        if tok.tag_ in NOUN_TAGS and _lemma(tok) in lex.source_nouns:
            return None if _is_unnamed(tok, verb, sent, lex) else tok
    return None


def _verb_kind(lemma: str, lex: AttributionLexicon, stance: bool) -> str | None:
    if lemma in lex.speech:
        return "speech"
    if lemma in lex.finding:
        return "finding"
    if stance and lemma in lex.stance:
        return "stance"
    return None


def _has_auxiliary(verb: Token, sent: Span) -> bool:
    """ "has said", "is telling": a participle that is the finite verb of its clause."""
    prev = _previous_content(verb, sent)
    if prev is None:
        return False
    aux = PERFECT_AUXILIARIES if verb.tag_ == "VBN" else PROGRESSIVE_AUXILIARIES
    return prev.lower_ in aux


def _reports_after_comma(verb: Token, sent: Span) -> bool:
    """ ", saying 40% ...", ", adding that": a participle that opens a report, not "adding to"."""
    doc = sent.doc
    if verb.tag_ != "VBG" or verb.i == sent.start or doc[verb.i - 1].text not in {",", "—"}:
        return False
    nxt = doc[verb.i + 1] if verb.i + 1 < sent.end else None
    return nxt is None or nxt.lower_ in CLAUSE_OPENERS or nxt.tag_ not in {"IN", "CD", "$"}


def _is_agentless_passive(verb: Token, sent: Span) -> bool:
    """ "It is said that", "was estimated": reported by nobody named, unless "by" follows."""
    if verb.tag_ and verb.tag_ != "VBN":
        return False
    prev = _previous_content(verb, sent)
    if prev is None or _lemma(prev) != "be" and prev.lower_ not in {"is", "was", "are", "were"}:
        return False
    nxt = sent.doc[verb.i + 1] if verb.i + 1 < sent.end else None
    return nxt is None or nxt.lower_ != "by"


def _previous_content(tok: Token, sent: Span) -> Token | None:
    i = tok.i - 1
    while i >= sent.start and (sent.doc[i].tag_ in {"RB", "RBR"} or sent.doc[i].is_space):
        i -= 1
    return sent.doc[i] if i >= sent.start else None


def _is_nominal(tok: Token, lex: AttributionLexicon, tagged: bool) -> bool:
    if tagged:
        return tok.tag_ in NOUN_TAGS and not tok.like_num or tok.tag_ in {"WP", "WDT"}
    # Without tags: a pronoun, or any word that is not a function word or a verb form.
    lower = tok.lower_
    if lower in lex.pronouns:
        return True
    return tok.is_alpha and not tok.is_stop and lower not in lex.verb_forms


def _subject_left(verb: Token, sent: Span, lex: AttributionLexicon, tagged: bool) -> Token | None:
    i, skipped = verb.i - 1, 0
    while i >= sent.start and skipped < 3:
        tok = sent.doc[i]
        if tok.is_space:
            i -= 1
            continue
        if tok.lower_ in lex.skippable or tok.tag_ in {"RB", "MD"}:
            i, skipped = i - 1, skipped + 1
            continue
        return tok if _is_nominal(tok, lex, tagged) else None
    return None


def _subject_right(verb: Token, sent: Span, lex: AttributionLexicon, tagged: bool) -> Token | None:
    """The subject of an inverted report: ', said Smith', '" says the report'."""
    doc = sent.doc
    split_report = verb.i == sent.start and verb.is_lower  # "said Smith." after a split
    if not split_report and (verb.i == sent.start or doc[verb.i - 1].text not in QUOTES | {","}):
        return None
    for i in range(verb.i + 1, min(verb.i + 5, sent.end)):
        tok = doc[i]
        if _is_nominal(tok, lex, tagged):
            return tok
        if tok.lower_ not in lex.specific_determiners and tok.tag_ not in {"JJ", "NNP", "NNPS"}:
            return None
    return None


def _is_unnamed(subject: Token, verb: Token, sent: Span, lex: AttributionLexicon) -> bool:
    """A generic subject: "some say", "critics claim", "they say" (present tense)."""
    lower = subject.lower_
    if lower in lex.generic_pronouns and verb.tag_ in {"VBP", ""} and subject.i < verb.i:
        return lower != "one" or subject.i == sent.start
    if lower in lex.pronouns or subject.tag_ in NAME_TAGS:
        return False
    if _lemma(subject) not in lex.unnamed:
        return False
    # Walk left over the noun phrase: a specific determiner or a name makes it specific.
    i = subject.i - 1
    while i >= max(sent.start, subject.i - 6) and sent.doc[i].tag_ in NP_TAGS | {""}:
        tok = sent.doc[i]
        if tok.lower_ in lex.specific_determiners or tok.tag_ in NAME_TAGS | {"PRP$", "POS"}:
            return False
        i -= 1
    return True


def _has_document_object(verb: Token, sent: Span, lex: AttributionLexicon) -> bool:
    """ "published its report", "released new figures": the verb puts out a document."""
    for tok in sent.doc[verb.i + 1 : min(sent.end, verb.i + 4)]:
        if _lemma(tok) in lex.source_nouns:
            return True
        if tok.tag_ not in NP_TAGS - {"NN", "NNS", "NNP", "NNPS"}:
            return False
    return False


def _opens_clause(verb: Token, sent: Span) -> bool:
    """ "found that", "wrote:", "found last week that", "wrote in his 1990 memoir that",
    "found Democrats favored": the verb reports a clause, not an object it found or wrote."""
    doc = sent.doc
    following = doc[verb.i + 1 : min(sent.end, verb.i + 4)]
    if not following:
        return False
    if any(t.lower_ in CLAUSE_OPENERS for t in following) and following[0].tag_ != "DT":
        return True
    if following[0].tag_ == "IN" and following[0].lower_ != "that":
        # Over a prepositional phrase to "that": no finite verb may come between.
        for tok in doc[verb.i + 2 : min(sent.end, verb.i + 10)]:
            if tok.lower_ in CLAUSE_OPENERS and tok.tag_ != "DT":
                return True
            if tok.tag_ in FINITE_TAGS or tok.is_punct and tok.text != "-":
                return False
        return False
    # A named subject and its finite verb right after: "found Democrats favored Clinton".
    k = 0
    while k < len(following) and following[k].tag_ in NAME_TAGS | {"PRP"}:
        k += 1
    return 0 < k < len(following) and following[k].tag_ in {"VBD", "VBZ", "VBP", "MD"}


def _is_parenthetical(subject: Token, verb: Token, sent: Span) -> bool:
    """ "The trouble, Frank writes, began", "..., the study found.": a named report aside."""
    nxt = sent.doc[verb.i + 1] if verb.i + 1 < sent.end else None
    named = subject.tag_ in {"NNP", "NNPS", "PRP"} or (not subject.tag_ and subject.is_title)
    return named and subject.i < verb.i and (nxt is None or nxt.text in {",", ".", ";"})


def _has_distant_subject(verb: Token, sent: Span, lex: AttributionLexicon) -> bool:
    doc = sent.doc
    if verb.i == sent.start or verb.tag_ not in FINITE_TAGS | {""}:
        return False
    i = verb.i - 1
    while i > sent.start and (doc[i].lower_ in lex.skippable or doc[i].tag_ == "RB"):
        i -= 1  # "Smith, who spoke first, also noted"
    prev = doc[i]
    if prev.text in {",", "—", "-"}:
        return True
    if prev.text == ")":
        # "Sen. Grassley (R-Iowa) told": a name before the bracket is the subject.
        opener = next((j for j in range(i - 1, sent.start, -1) if doc[j].text == "("), None)
        return opener is not None and doc[opener - 1].tag_ in {"NNP", "NNPS", "PRP"}
    return prev.lower_ in {"and", "but"} and any(
        t.tag_ in {"NNP", "NNPS", "PRP"} for t in doc[sent.start : verb.i - 1]
    )


def _quotation_spans(sent: Span, lex: AttributionLexicon, lower: list[str]) -> list[Span]:
    """Someone's words in quotation marks: a sentence that opens with a quote, or a quoted
    stretch long enough not to be scare quotes ("a 'firewall'")."""
    doc = sent.doc
    marks = [sent.start + k for k, word in enumerate(lower) if word in DOUBLE_QUOTES]
    if not marks:
        return []
    first_word = next((t for t in sent if not t.is_space), sent[0])
    if first_word.text in DOUBLE_QUOTES:
        end = marks[1] + 1 if len(marks) > 1 else sent.end
        return [Span(doc, first_word.i, end, label="quotation")]
    if doc[marks[0]].text in CLOSING_QUOTES or (len(marks) % 2 and marks[-1] >= sent.end - 2):
        # The sentence closes a quotation opened in an earlier one.
        quoted = doc[sent.start : marks[0]]
        if len(quoted) >= lex.min_quote_tokens and _is_speech(quoted):
            return [Span(doc, sent.start, marks[0] + 1, label="quotation")]
    spans = []
    for k in range(0, len(marks), 2):
        start = marks[k]
        end = marks[k + 1] + 1 if k + 1 < len(marks) else sent.end
        if end - start - 2 >= lex.min_quote_tokens and _is_speech(doc[start + 1 : end - 1]):
            spans.append(Span(doc, start, end, label="quotation"))
    return spans


def _is_speech(quoted: Span) -> bool:
    """Quoted words with a lower-case verb are speech; a quoted title ("Girls, Girls, Girls")
    or name ("expulsion of criminal foreigners initiative") is not."""
    if quoted[0].tag_:
        return any(t.tag_.startswith(("VB", "MD")) and not t.is_title for t in quoted)
    return sum(1 for t in quoted if t.is_lower) >= 2


def _citation_spans(sent: Span, lex: AttributionLexicon, lower: list[str]) -> list[Span]:
    """Citation markers: [3], [12, 14], (Smith, 2020), (Smith et al. 2020), Smith (2020).

    A marker right after the full stop still cites its sentence, and the sentence splitter may
    cut a marker in two ("4% [" | "3]."), so the search reaches a few tokens past the sentence.
    """
    doc, reach = sent.doc, lex.max_citation_tokens
    spans: list[Span] = []
    after = doc[sent.end].text if sent.end < len(doc) else ""
    if after not in BRACKETS and not any(word in BRACKETS for word in lower):
        return spans
    for i in range(max(0, sent.start - reach), min(len(doc), sent.end + 1)):
        tok = doc[i]
        if tok.text not in {"[", "("}:
            continue
        closer = "]" if tok.text == "[" else ")"
        limit = min(i + reach, len(doc))
        end = next((j for j in range(i + 1, limit) if doc[j].text == closer), None)
        if end is None or end == i + 1 or end < sent.start:
            continue
        inside = doc[i + 1 : end]
        if closer == "]" and all(t.is_digit or t.text in {",", "-", "–"} for t in inside):
            spans.append(Span(doc, i, end + 1, label="citation"))
        elif closer == ")" and _is_author_year(inside, lex):
            named_inside = any(t.is_alpha and t.is_title for t in inside)
            named_before = i > 0 and doc[i - 1].is_title
            if named_inside or (named_before and len(inside) == 1):
                spans.append(Span(doc, i if named_inside else i - 1, end + 1, label="citation"))
    return spans


def _is_author_year(inside: Span, lex: AttributionLexicon) -> bool:
    """ "Smith, 2020", "Smith and Lee 2019", "Smith et al., 2020a, p. 4": names, years, marks."""
    if not any(_is_year(t, lex) for t in inside):
        return False
    return all(
        t.is_title or t.is_punct or t.like_num or t.lower_ in lex.citation_words for t in inside
    )


def _is_year(tok: Token, lex: AttributionLexicon) -> bool:
    text = tok.text.rstrip("abc")  # "2020a" in author-year citations
    return (
        len(text) == 4
        and text.isascii()
        and text.isdigit()
        and lex.min_year <= int(text) <= lex.max_year
    )


def _link_spans(sent: Span) -> list[Span]:
    doc, spans = sent.doc, []
    for start, end in doc.user_data.get(LINKS_KEY, []):
        if start < sent.end_char and sent.start_char < end:
            span = doc.char_span(
                max(start, sent.start_char), min(end, sent.end_char), alignment_mode="expand"
            )
            if span is not None:
                spans.append(Span(doc, span.start, span.end, label="link"))
    return spans


def _has_respondent_subject(verb: Token, sent: Span, lex: AttributionLexicon) -> bool:
    """ "Four in 10 say", "with 30 percent of voters saying": a poll's share of respondents
    speaks, so the figure is the poll's result, like "those surveyed"."""
    doc = sent.doc
    i = verb.i - 1
    while i >= sent.start and (doc[i].lower_ in lex.skippable or doc[i].tag_ == "RB"):
        i -= 1
    if i < sent.start:
        return False
    if doc[i].tag_ in {"NNS", "NNPS"} and i - 2 >= sent.start and doc[i - 1].lower_ == "of":
        i -= 2  # "30 percent of voters"
    tok = doc[i]
    if tok.lower_ in lex.respondent_units:
        return True
    # "4 in 10", "nine out of 10": a rate whose first number is the respondents.
    return tok.like_num and i - 1 >= sent.start and doc[i - 1].lower_ in {"in", "of"}


def _possessive_statement_spans(sent: Span, lex: AttributionLexicon, stance: bool) -> list[Span]:
    """ "Trump's claim that", "the campaign's estimate", "in his speech": a statement owned by a
    named or pronoun speaker. A speech or book is only a source as the place something is said
    ("in his speech"), not as an event ("his speech drew 3,000 people"). With `stance`, a plan
    or proposal counts too."""
    doc, spans = sent.doc, []
    nouns = lex.statement_nouns | lex.stance_nouns if stance else lex.statement_nouns
    for tok in sent:
        if tok.tag_ and tok.tag_ not in {"NN", "NNS"}:
            continue
        lemma = _lemma(tok)
        if lemma not in nouns and lemma not in lex.media_nouns:
            continue
        i = tok.i - 1
        while i >= max(sent.start, tok.i - 3) and doc[i].tag_ in {"JJ", "NN", "NNP", "CD", "HYPH"}:
            i -= 1  # "his 1990 autobiography", "Trump's latest campaign ad"
        if i < sent.start:
            continue
        owner = doc[i]
        named_owner = owner.tag_ == "POS" and i > sent.start and doc[i - 1].tag_ in NAME_TAGS
        first = i - 1 if owner.tag_ == "POS" else i
        placed = first > sent.start and doc[first - 1].lower_ == "in"
        if lemma not in nouns and not placed:
            continue
        if owner.lower_ in lex.owner_pronouns or named_owner:
            spans.append(
                Span(doc, i if owner.tag_ != "POS" else i - 1, tok.i + 1, label="statement")
            )
    return spans


def _colon_speaker_spans(sent: Span, lex: AttributionLexicon) -> list[Span]:
    """ "Sanders: 'It is not a radical idea'", "Poll: ...": a name or document, then a colon,
    opens the sentence; what follows is theirs."""
    words = [t for t in sent if not t.is_space]
    colon = next((k for k, t in enumerate(words[:5]) if t.text == ":"), None)
    if not colon or colon + 1 >= len(words):
        return []
    speaker = words[:colon]
    named = all(t.tag_ in NAME_TAGS and len(t.text) > 1 and not t.is_upper for t in speaker)
    if sum(t.is_alpha for t in words[colon + 1 :]) < 3:
        return []  # "Clinton: 1,769." is a tally, not words
    document = len(speaker) == 1 and _lemma(speaker[0]) in lex.source_nouns
    if not (named or document) or not speaker[0].tag_:
        return []
    return [Span(sent.doc, speaker[0].i, words[colon].i + 1, label="speaker")]
