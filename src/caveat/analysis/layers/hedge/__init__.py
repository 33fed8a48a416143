"""The `hedge` layer: words that soften or blur a claim."""
