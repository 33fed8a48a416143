"""English helpers used by several layers: tag sets, years, verb forms, subjects, quotation
marks, phrase matching, and attribution (where a sentence reports a source)."""
