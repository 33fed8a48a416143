"""Readability: the metrics (textstat, metrics.py) and what they mean to a reader (meanings.py).

Nothing is imported here, so the window can read the meanings without loading textstat.
"""
