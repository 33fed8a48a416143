"""Token shapes the number rules share."""

DASHES = frozenset({"-", "–", "—"})
APOSTROPHES = frozenset({"'", "‘", "’"})


def is_digits(text: str) -> bool:
    """ "3,800", "4.5", "2018"; not "²" (which `str.isdigit` accepts) nor "1.2.3"."""
    stripped = text.replace(",", "").replace(".", "", 1)
    return stripped.isascii() and stripped.isdigit()
