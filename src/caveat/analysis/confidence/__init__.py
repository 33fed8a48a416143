"""Calibrated confidence: a finding's rule prior adjusted by the context it was found in."""
