"""Annotated PDF (and JSON) export; knows Document and Analysis, never widgets or Qt."""
