"""`prediction`: the future stated as fact in the author's voice ("Demand will double by 2030",
"the plan is bound to fail"); not a timetable ("the trial will begin on Monday"), nor what the
author or reader will do, nor a "will" inside a subordinate clause."""

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
    return Cue("prediction", fields={"cue": reader.words(tok.i, cue_end)})
