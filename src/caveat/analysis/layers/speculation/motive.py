"""`motive`: a motive or state of mind asserted of someone else without a source ("He wants to
be remembered", "Russia is looking for support", "is eager to", "his real goal is", "is more
about gaining X"); not the author's own ("I want"), nor nobody's ("nobody wants war"), nor in a
subordinate clause ("if he wants to")."""

from __future__ import annotations

from spacy.tokens import Token

from caveat.analysis.layers.speculation.cue import Cue
from caveat.analysis.layers.speculation.sentence import SentenceReader

POLL_SHARE_REACH = 9  # words before a subject in which a poll's share may stand


def motive(reader: SentenceReader, tok: Token) -> Cue | None:
    lemma, lex = reader.lemma(tok), reader.lex
    passive = tok.tag_ == "VBN"  # "it was feared that": nobody in particular feared it
    if lemma in lex.wanting_verbs and reader.is_verb(tok) and not passive:
        return _wanting(reader, tok, lemma)
    if lemma in lex.look_verbs and reader.is_verb(tok):
        return _looking_for(reader, tok)
    # "is tempted to", "is determined to": the tagger may read the adjective as a participle;
    # then only before "to" ("the half-life was determined in IM-9 cells" is a passive).
    nxt = reader.token(tok.i + 1)
    participle = tok.tag_ == "VBN" and nxt is not None and nxt.lower_ == "to"
    if tok.lower_ in lex.motive_adjectives and not (
        reader.tagged and tok.tag_.startswith("VB") and not participle
    ):
        return _motive_adjective(reader, tok)
    if lemma in lex.all_motive_nouns:
        return _motive_noun(reader, tok, lemma)
    if reader.is_be(tok):
        return _really_about(reader, tok)
    return None


def _wanting(reader: SentenceReader, tok: Token, lemma: str) -> Cue | None:
    """ "He wants to", "Putin needs the people": a verb of wanting with someone as subject."""
    lex = reader.lex
    if reader.in_subordinate_clause(tok, lex.motive_blockers, complement_that=False):
        return None
    nxt, after = reader.token(tok.i + 1), reader.token(tok.i + 2)
    if lemma in lex.need_to and (nxt is None or nxt.lower_ != "to"):
        return None
    if nxt is not None and nxt.lower_ == "to" and after and after.lower_ in lex.motive_not_before:
        return None
    subject = reader.subject(tok)
    if subject is None or reader.is_author_or_reader(subject) or subject.lower_ in lex.generic:
        return None
    if lemma in lex.person_only_verbs and not reader.is_person_subject(subject):
        return None
    if _is_poll_share(reader, subject):
        return None  # "4 in 10 Republican voters want": a poll's answer
    return _states_what(reader, subject, tok.i + 1)


def _is_poll_share(reader: SentenceReader, subject: Token) -> bool:
    """ "about 4 in 10 Republican voters", "30 percent of voters": a number, then a word that
    makes it a share, at most nine words before the subject ("4 in 10 Republican voters in
    each state want")."""
    start = max(reader.sent.start, subject.i - POLL_SHARE_REACH)
    words = reader.doc[start : subject.i]
    return any(
        a.like_num and b.lower_ in reader.lex.poll_share_words
        for a, b in zip(words, words[1:], strict=False)
    )


def _looking_for(reader: SentenceReader, tok: Token) -> Cue | None:
    """ "Russia is looking for support": seeking something a motive explains; not a search
    ("police are looking for a man")."""
    nxt = reader.token(tok.i + 1)
    if nxt is None or nxt.lower_ != "for":
        return None
    for i in range(tok.i + 2, min(tok.i + 6, reader.sent.end)):
        word = reader.doc[i]
        if word.is_punct:
            return None
        if word.lower_ in reader.lex.look_for_objects:
            break
    else:
        return None
    subject = reader.subject(tok)
    if subject is None or reader.is_author_or_reader(subject):
        return None
    return _states_what(reader, subject, tok.i + 2)


def _states_what(reader: SentenceReader, subject: Token, end: int) -> Cue:
    """ "states what Putin wants to ... without a source": the words from the subject on."""
    fields = {
        "subject": reader.subject_text(subject),
        "phrase": reader.words(subject.i + 1, end),
    }
    return Cue("motive", "states-what", fields)


def _motive_adjective(reader: SentenceReader, tok: Token) -> Cue | None:
    """ "is eager to", "is desperate for": a feeling after "be"."""
    lex = reader.lex
    be = reader.token(tok.i - 1)
    while be is not None and (be.tag_ in {"RB", "RBR"} or be.lower_ in lex.adverbs_of_degree):
        be = reader.token(be.i - 1)
    nxt = reader.token(tok.i + 1)
    if be is None or not reader.is_be(be):
        return None
    if nxt is None or nxt.lower_ not in lex.motive_adjective_links:
        return None
    subject = reader.subject(be)
    if subject is None or reader.is_author_or_reader(subject) or subject.lower_ in lex.generic:
        return None
    return Cue("motive", "feeling", {"cue": reader.words(be.i, tok.i + 2)})


def _motive_noun(reader: SentenceReader, tok: Token, lemma: str) -> Cue | None:
    """ "his real goal is", "Putin's aim is": someone's motive named as the subject."""
    lex = reader.lex
    before = [reader.token(tok.i - 1), reader.token(tok.i - 2)]
    modified = any(t is not None and t.lower_ in lex.noun_modifiers for t in before)
    owned = any(t is not None and (t.lower_ in lex.possessives or t.tag_ == "POS") for t in before)
    if lemma in lex.modified_motive_nouns and not modified:
        return None
    nxt = reader.token(tok.i + 1)
    if not (modified or owned) or nxt is None or reader.lemma(nxt) != "be":
        return None
    start = next(t.i for t in reversed(before) if t is not None)
    return Cue("motive", fields={"cue": reader.words(start, tok.i + 1)})


def _really_about(reader: SentenceReader, be: Token) -> Cue | None:
    """ "is more about gaining support", "is really about": a motive read into an act."""
    adverb, about = reader.token(be.i + 1), reader.token(be.i + 2)
    if adverb is None or about is None or about.lower_ != "about":
        return None
    if adverb.lower_ not in reader.lex.about_adverbs:
        return None
    return Cue("motive", "read-into", {"cue": reader.words(be.i, be.i + 3)})
