"""More evidence for `motive`: a state of mind or a purpose the writer reads into someone else,
with no source - "the regulator plainly understands the risk" (the writer vouches for what
someone knows or feels), "the senator is simply being polite" (behaviour read as an attitude),
"the firm raised fees to punish late payers" (an act given a purpose nobody stated)."""

from __future__ import annotations

from spacy.tokens import Token

from caveat.analysis.layers.speculation.cue import Cue
from caveat.analysis.layers.speculation.sentence import SentenceReader

#: finite verbs an act is told with ("raised", "raises")
FINITE = {"VBD", "VBZ", "VBP"}


def read_into(reader: SentenceReader, tok: Token) -> Cue | None:
    lex = reader.lex
    if tok.lower_ in lex.evidential_adverbs:
        return _vouched_mind(reader, tok)
    if tok.lower_ in lex.being:
        return _behaviour(reader, tok)
    if reader.lemma(tok) in lex.ulterior_purposes and reader.is_verb(tok):
        return _purpose(reader, tok)
    return None


def _someone_else(reader: SentenceReader, verb: Token) -> bool:
    subject = reader.subject(verb)
    return (
        subject is not None
        and not reader.is_author_or_reader(subject)
        and subject.lower_ not in reader.lex.generic
    )


def _vouched_mind(reader: SentenceReader, adverb: Token) -> Cue | None:
    """ "plainly understands", "clearly wants": an adverb before a verb of mind."""
    verb = reader.token(adverb.i + 1)
    if verb is None or reader.lemma(verb) not in reader.lex.mind_verbs:
        return None
    if reader.tagged and verb.tag_ not in FINITE or not reader.is_verb(verb):
        return None
    if reader.in_subordinate_clause(adverb, reader.lex.motive_blockers, complement_that=False):
        return None
    if not _someone_else(reader, adverb):
        return None
    return Cue("motive", "mind", {"cue": reader.words(adverb.i, verb.i + 1)})


def _behaviour(reader: SentenceReader, being: Token) -> Cue | None:
    """ "is simply being polite": "being" and an adjective after "is"."""
    lex = reader.lex
    adjective, before = reader.token(being.i + 1), reader.token(being.i - 1)
    if adjective is None or before is None:
        return None
    adverb = before.lower_ in lex.behaviour_adverbs
    be = reader.token(before.i - 1) if adverb else before
    if be is None or not reader.is_be(be):
        return None
    if reader.tagged:
        if adjective.tag_ != "JJ":
            return None
    elif not adverb or not adjective.is_alpha or adjective.lower_.endswith(("ed", "en")):
        return None  # without tags "being held" cannot be told from "being polite"
    after = reader.token(adjective.i + 1)
    if after is not None and after.lower_ in {"to", "of", "about", "with"}:
        return None  # "being careful to", "being aware of": a report, not a reading
    if not _someone_else(reader, be):
        return None
    return Cue(
        "motive",
        "read-into",
        {"cue": reader.words(before.i if adverb else being.i, adjective.i + 1)},
    )


def _purpose(reader: SentenceReader, verb: Token) -> Cue | None:
    """ "raised fees to punish": a purpose after an act with its object, not "vowed to punish"
    (a stated intention)."""
    to = reader.token(verb.i - 1)
    act_end = reader.token(verb.i - 2)
    if to is None or to.lower_ != "to" or act_end is None or reader.is_verb(act_end):
        return None
    for i in range(verb.i - 2, reader.sent.start - 1, -1):
        word = reader.doc[i]
        if word.lower_ in reader.lex.boundaries:
            return None
        if (
            reader.tagged
            and word.tag_ in FINITE
            or not reader.tagged
            and word.lower_.endswith("ed")
        ):
            if not _someone_else(reader, word) or reader.quoted[word.i]:
                return None
            return Cue("motive", "purpose", {"cue": reader.words(to.i, verb.i + 1)})
    return None
