"""The `number` layer: statistics with no source nearby."""
