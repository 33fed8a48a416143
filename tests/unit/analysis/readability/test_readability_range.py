"""Readability formulas only where they mean something: not on a word or two, not on text that is
not running English (they gave a Flesch-Kincaid grade of -3.4, a Coleman-Liau index of 1,852,
a Flesch reading ease of -5,358)."""

from __future__ import annotations

import json

import pytest

from caveat.analysis.readability.meanings import FORMULAS, unmeasured_reason
from caveat.analysis.readability.metrics import readability
from caveat.cli import main
from caveat.document import Block, Document
from caveat.export.printjob import PrintBlock
from caveat.export.summary import summary_job
from caveat.findings import Analysis, PipelineInfo

ENGLISH = (
    "The council voted on Tuesday to close two libraries. Officials said the buildings were "
    "too costly to heat. Residents plan to protest outside the town hall next week."
)


@pytest.mark.parametrize(
    "text",
    [
        "Harbour",
        "Officials resigned.",
        "Too few words here. Still too few.",
        ("Qwrtzpflkmnbvcxzaqswdefrgthyjukilop " * 12 + ". ") * 3,
        "北京市政府周二宣布，约四成预算将用于社会福利。官员表示，这一计划将在明年实施。" * 4,
        " ".join(str(n) for n in range(200)) + ". 12 13. 14 15.",
    ],
    ids=["one-word", "two-words", "short", "letter-runs", "chinese", "numbers"],
)
def test_formulas_are_not_measured_on_tiny_or_odd_text(text):
    metrics = readability(text)
    assert all(metrics[name] is None for name in FORMULAS), metrics
    assert metrics["words"] is not None and metrics["words"] > 0
    assert unmeasured_reason(metrics)


def test_a_short_english_article_is_measured_in_range():
    metrics = readability(ENGLISH)
    assert all(metrics[name] is not None for name in FORMULAS)
    assert 0 < metrics["flesch_kincaid_grade"] < 20
    assert 0 < metrics["flesch_reading_ease"] < 100
    assert 0 < metrics["coleman_liau_index"] < 20
    assert unmeasured_reason(metrics) == ""


def test_one_paragraph_has_a_lower_minimum_than_a_document():
    sentence = "The council voted on Tuesday to close two libraries."
    assert readability(sentence)["flesch_kincaid_grade"] is None
    assert readability(sentence, block=True)["flesch_kincaid_grade"] is not None
    assert readability("Libraries close.", block=True)["flesch_kincaid_grade"] is None


def test_the_reason_says_too_short_or_not_english():
    assert unmeasured_reason(readability("Harbour")) == "too short to measure (1 word, 1 sentence)"
    runs = "Qwrtzpflkmnbvcxzaqswdefrgthyjukilop dfghjklqwertzuiopyxcvbnm asdfghjklzxcvbn. " * 12
    assert unmeasured_reason(readability(runs)) == "not measured: this is not running English text"


def _one_word_document() -> tuple[Document, Analysis]:
    document = Document("Harbour", (Block(0, 7),), "txt", title="Harbour")
    analysis = Analysis({}, readability("Harbour"), {}, PipelineInfo("rules"), words=1, layers=())
    return document, analysis


def test_export_summary_says_too_short_instead_of_numbers():
    document, analysis = _one_word_document()
    job = summary_job(document, analysis, [], {}, 2)
    notes = [b.text for b in job.blocks if isinstance(b, PrintBlock)]
    assert "Too short to measure (1 word, 1 sentence)." in notes
    tables = [b for b in job.blocks if not isinstance(b, PrintBlock)]
    measures = [row[0] for table in tables for row in table.rows]
    assert "Flesch-Kincaid grade" not in measures
    assert "Words" in measures


def test_analyze_json_has_null_formulas_and_text_output_says_why(tmp_path, capsys):
    path = tmp_path / "one.txt"
    path.write_text("Harbour\n", encoding="utf-8")
    assert main(["analyze", str(path), "--json", "--model", "rules"]) == 0
    metrics = json.loads(capsys.readouterr().out)["metrics"]
    assert {name: metrics[name] for name in FORMULAS} == dict.fromkeys(FORMULAS)
    assert metrics["words"] == 1
    assert main(["analyze", str(path), "--model", "rules"]) == 0
    out = capsys.readouterr().out
    assert "readability: too short to measure (1 word, 1 sentence)" in out
    assert "flesch_kincaid_grade" not in out
