"""`prediction`: the future stated as fact in the author's voice ("Demand will double by 2030",
"the plan is bound to fail"); not a timetable ("the trial will begin on Monday"), nor what the
author or reader will do, nor a "will" inside a subordinate clause. Also the future put as advice
to the reader ("Look for prices to climb again next spring", "Expect more layoffs")."""

from __future__ import annotations

from spacy.tokens import Token

from caveat.analysis.layers.speculation.cue import Cue
from caveat.analysis.layers.speculation.sentence import SentenceReader


def prediction(reader: SentenceReader, tok: Token) -> Cue | None:
    lex = reader.lex
    if tok.lower_ in lex.future and reader.is_modal(tok):
        verb = reader.next_verb(tok)
        cue_end = verb.i + 1 if verb is not None else tok.i + 1
    elif tok.lower_ in lex.future_be:
        be, to, verb = reader.token(tok.i - 1), reader.token(tok.i + 1), reader.token(tok.i + 2)
        if be is None or to is None or verb is None or to.lower_ != "to":
            return None
        if not reader.is_be(be):
            return None
        if reader.tagged and verb.tag_ != "VB":
            return None
        cue_end = tok.i + 2
    else:
        return None
    if reader.in_subordinate_clause(tok, lex.subordinators):
        return None
    if reader.is_author_or_reader(reader.subject(tok)):
        return None
    if verb is not None and reader.lemma(verb) in lex.scheduled and reader.has_date():
        return None  # "the trial will begin on Monday": a timetable
    if verb is not None and (_is_planned_act(reader, verb) or _counts_occasions(reader, verb)):
        return None  # "Bannon will interview Pamela Geller": a programme
    return Cue("prediction", fields={"cue": reader.words(tok.i, cue_end)})


def _is_planned_act(reader: SentenceReader, verb: Token) -> bool:
    """ "will interview", "will be interviewed", "will also conduct": an act announced."""
    if reader.lemma(verb) == "be":
        verb = reader.token(verb.i + 1) or verb  # "will be interviewed", "will be holding"
        if reader.tagged and verb.tag_ not in {"VBN", "VBG"}:
            return False
    return reader.lemma(verb) in reader.lex.planned_acts


def _counts_occasions(reader: SentenceReader, verb: Token) -> bool:
    """ "It will be the second time that": the occasions of a scheduled event, counted."""
    words = reader.doc[verb.i + 1 : min(verb.i + 4, reader.sent.end)]
    if reader.lemma(verb) != "be" or len(words) < 3:
        return False
    the, ordinal, noun = (w.lower_ for w in words)
    lex = reader.lex
    return the == "the" and ordinal in lex.occasion_ordinals and noun in lex.occasion_nouns


def advice(reader: SentenceReader, tok: Token) -> Cue | None:
    """ "Look for prices to climb", "Expect more layoffs", "Don't count on a rebound": an
    imperative that opens the sentence and tells the reader what will happen."""
    lex = reader.lex
    lemma = reader.lemma(tok)
    if lemma not in lex.advice_verbs or (reader.tagged and tok.tag_ != "VB"):
        return None
    if any(
        not (t.is_punct or t.lower_ in lex.advice_openers)
        for t in reader.doc[reader.sent.start : tok.i]
    ):
        return None  # not the sentence's opening imperative
    particle = lex.advice_verbs[lemma]
    nxt = reader.token(tok.i + 1)
    if particle and (nxt is None or nxt.lower_ != particle):
        return None
    end = tok.i + (2 if particle else 1)
    if lemma in lex.advice_need_to and not any(
        t.lower_ == "to" for t in reader.doc[end : reader.sent.end]
    ):
        return None  # "look for the signs": an instruction
    if nxt is None or nxt.is_punct:
        return None
    return Cue("prediction", "advice", {"cue": reader.words(tok.i, end)})
