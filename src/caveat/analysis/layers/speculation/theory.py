"""`theory`: the sentence opens by putting forward a theory or a guess as its claim ("One theory
is that ...", "My guess is ...", "The likeliest explanation is ...")."""

from __future__ import annotations

from itertools import islice

from caveat.analysis.layers.speculation.cue import Cue
from caveat.analysis.layers.speculation.sentence import SentenceReader
from caveat.analysis.shared import tags


def theory(reader: SentenceReader) -> Cue | None:
    lex = reader.lex
    # the first six words (not the whole sentence: a theory is put forward at its start)
    content = list(islice((t for t in reader.sent if not (t.is_punct or t.is_space)), 6))
    for k, tok in enumerate(content):
        if reader.lemma(tok) in lex.theory_nouns:
            openers_ok = all(
                w.lower_ in lex.theory_openers or w.tag_ in tags.ADJECTIVE for w in content[:k]
            )
            nxt = reader.token(tok.i + 1)
            while nxt is not None and nxt.is_space:
                nxt = reader.token(nxt.i + 1)
            verb_next = nxt is not None and (reader.is_verb(nxt) or nxt.tag_ == "MD")
            if k and openers_ok and verb_next and not reader.quoted[tok.i]:
                return Cue("theory", fields={"cue": reader.words(content[0].i, tok.i + 1)})
        if not (tok.lower_ in lex.theory_openers or tok.tag_ in tags.ADJECTIVE):
            break
    return None
