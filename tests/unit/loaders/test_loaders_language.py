"""Which language an article is mostly in: offline, from a sample, mixed texts stay English."""

from __future__ import annotations

import time

import pytest

from caveat.document import Block, BlockKind
from caveat.loaders.language import (
    SAMPLE_CHARS,
    detect_language,
    language_name,
    language_of,
    reads_as_english,
    sample,
)

GERMAN = (
    "Die Stadtverwaltung hat am Dienstag angekündigt, dass die Brücke über den Fluss im "
    "kommenden Frühjahr gesperrt wird. Nach Angaben der Behörde sollen die Bauarbeiten etwa "
    "acht Monate dauern. Viele Pendler müssen dann einen Umweg in Kauf nehmen."
)
FRENCH = (
    "Le conseil municipal a voté mardi soir un nouveau plan pour les transports en commun. "
    "Selon le maire, les bus circuleront plus souvent dans les quartiers du nord."
)
ENGLISH = (
    "The chancellor arrived in Paris on Tuesday for talks on energy prices. Officials said the "
    "two governments would publish a joint statement later this week. Critics argue the "
    "measures could cost more than the savings they bring."
)
QUOTING_GERMAN = (
    ENGLISH + ' Asked about the plan, she told reporters: "Wir werden alles tun, um die Preise '
    'zu senken." Several economists warned that prices may rise again next winter, and the '
    "opposition said the plan came far too late for families already struggling."
)


@pytest.mark.parametrize(
    ("text", "code"),
    [(GERMAN, "de"), (FRENCH, "fr"), (ENGLISH, "en"), (QUOTING_GERMAN, "en")],
)
def test_the_main_language_is_found(text, code):
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "12 345 678", "x\x00\x85\ud800 y"])
def test_no_language_is_claimed_for_what_has_none(text):
    assert detect_language(text) == ""
    assert reads_as_english(detect_language(text))


def test_a_long_text_is_judged_from_a_sample_of_three_stretches():
    text = (ENGLISH + "\n\n") * 400 + GERMAN
    taken = sample(text)
    assert len(taken) <= 3 * SAMPLE_CHARS + 2
    assert taken.startswith(ENGLISH[:50]) and taken.endswith(GERMAN[-50:])
    started = time.perf_counter()
    assert language_of(text) == "en"
    assert time.perf_counter() - started < 0.5  # far less in practice: the cost of a sample


def test_web_furniture_is_left_out_of_the_sample():
    text = GERMAN + "\n\nAdvertisement"
    blocks = (Block(0, len(GERMAN)), Block(len(GERMAN) + 2, len(text), BlockKind.BOILERPLATE))
    assert sample(text, blocks) == GERMAN


def test_languages_have_names_a_reader_knows():
    assert language_name("de") == "German"
    assert language_name("fr") == "French"
    assert not reads_as_english("de") and reads_as_english("en")
