import socket

import pytest

from caveat.analysis.readability.meanings import grade_in_words
from caveat.analysis.readability.metrics import METRICS, readability


def test_readability_has_every_metric_offline():
    text = "The cat sat on the mat. It was a sunny day, and the cat was happy to be warm."
    metrics = readability(text)
    assert set(metrics) == set(METRICS)
    assert metrics["words"] == 19
    assert metrics["sentences"] == 2
    assert 60 < metrics["flesch_reading_ease"] <= 120


def test_readability_never_opens_a_socket(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("readability tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    assert readability("Photosynthesis converts electromagnetic radiation.")["words"] == 4


def test_readability_of_empty_text_is_zero():
    assert all(v == 0 for v in readability("  \n ").values())


@pytest.mark.parametrize(
    ("grade", "words"),
    [(11.2, "high-school junior"), (3, "10-year-old"), (7, "middle-school"), (14, "college")],
)
def test_grade_in_words(grade, words):
    assert words in grade_in_words(grade)
