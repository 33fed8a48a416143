"""Caveat: a reader that shows where an article is less solid than it sounds."""

__version__ = "0.1.0"
