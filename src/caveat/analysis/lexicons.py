"""Word lists and patterns, kept as data in resources/lexicons/ and loaded once."""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

from caveat.resources import resource_path


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """The parsed `resources/lexicons/<name>.toml`."""
    with open(resource_path("lexicons", f"{name}.toml"), "rb") as fh:
        return tomllib.load(fh)
