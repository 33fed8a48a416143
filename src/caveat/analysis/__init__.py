"""Document -> Analysis. `run.py` is the one way in. Nothing heavy is imported here, so the
window can use the spaCy-free parts (run, cache, results, readability.meanings) without loading
the model; spaCy and textstat, wherever they are first imported, come without the parts of them
Caveat never runs (lean_imports.py: a quarter second off every start)."""

from caveat.analysis.lean_imports import lean_spacy, lean_textstat

lean_spacy()
lean_textstat()
