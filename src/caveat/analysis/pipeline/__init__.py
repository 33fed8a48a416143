"""The spaCy side of the analysis: loading the model with the detectors the registry names
(load.py), the lemma cache (lemmas.py), running a document's blocks (blocks.py), and how
detectors leave findings on a Doc and how they are read back (spans.py)."""

from caveat.analysis.lean_imports import lean_spacy

lean_spacy()  # before any module here imports spaCy: a quarter second off every start
