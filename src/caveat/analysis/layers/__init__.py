"""One subpackage per layer: its spaCy factory (factory.py), its lexicon, and its rules, one
module per rule or kind of evidence, the code deciding a rule named after the rule id."""
