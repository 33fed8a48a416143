"""The `speculation` layer: the author's own conjecture stated as the claim."""
