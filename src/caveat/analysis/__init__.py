"""Document -> Analysis. `run.py` is the one way in; nothing is imported here, so the window can
use the spaCy-free parts (run, cache, results, readability.meanings) without loading the model."""
