"""The one year check: four ASCII digits in the range common.toml gives ("1990", "2018")."""

from __future__ import annotations

from functools import cache

from caveat.resources import load_lexicon


@cache
def _range() -> tuple[int, int]:
    years = load_lexicon("common")["years"]
    return years["earliest"], years["latest"]


def is_four_digits(text: str) -> bool:
    return len(text) == 4 and text.isascii() and text.isdigit()


def is_year(text: str) -> bool:
    """Whether `text` reads as a year: "2018" yes; "2,018", "3800", "²⁰¹⁸" no."""
    if not is_four_digits(text):
        return False
    earliest, latest = _range()
    return earliest <= int(text) <= latest
