"""Where the bundled data files (lexicons, icons, sample) live, and the lexicons parsed.

In a wheel they sit inside the package (`caveat/resources`); in a source checkout they are the
top-level `resources/` folder. Everything else asks here instead of guessing paths.
"""

import tomllib
from functools import cache
from pathlib import Path
from typing import Any


@cache
def resources_dir() -> Path:
    packaged = Path(__file__).resolve().parent / "resources"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("Caveat's resources folder is missing from this installation")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def sample_article() -> Path:
    return resource_path("samples", "caveat-sample.md")


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """The parsed `resources/lexicons/<name>.toml` (word lists and patterns are data), or the
    TOML file at `name` when it ends in ".toml" (a layer that lives outside Caveat)."""
    path = Path(name) if name.endswith(".toml") else resource_path("lexicons", f"{name}.toml")
    with open(path, "rb") as fh:
        return tomllib.load(fh)
