"""Detectors, readability and the analysis run; no Qt here."""
