"""The reader's own lists: words never to flag, and words added to a layer."""

import json

import pytest

from caveat import reader_words
from caveat.findings import Analysis, Finding, PipelineInfo


@pytest.fixture
def config(tmp_path, monkeypatch):
    monkeypatch.setattr(reader_words, "config_dir", lambda: tmp_path)
    return tmp_path


def test_ignore_list_round_trips_and_folds_case(config):
    reader_words.add_ignored_word("  Perhaps ")
    reader_words.add_ignored_word("some say")
    assert reader_words.load_ignored_words() == {"perhaps", "some say"}
    reader_words.remove_ignored_word("PERHAPS")
    assert reader_words.load_ignored_words() == {"some say"}


def test_without_ignored_drops_matching_findings_only():
    text = "Perhaps it may rain."
    found = (
        Finding(0, 7, "hedge", "adverb", "m"),
        Finding(11, 14, "hedge", "modal", "m"),
    )
    analysis = Analysis({"hedge": found}, {}, {}, PipelineInfo("rules"), words=4)
    kept = reader_words.without_ignored(analysis, text, {"perhaps"})
    assert [text[f.start : f.end] for f in kept.all_findings()] == ["may"]
    assert kept.count("hedge") == 1


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("[hedge\nadd = 1", "not valid TOML"),
        ('[gossip]\nadd = ["x"]', "unknown layer [gossip]"),
        ('[hedge]\nadd = "arguably"', 'needs add = ["word", ...]'),
    ],
)
def test_malformed_words_file_is_ignored_with_a_reason(config, content, reason):
    (config / "words.toml").write_text(content, encoding="utf-8")
    added, problem = reader_words.load_added_words()
    assert added == {}
    assert reason in problem and "words.toml" in problem


def test_cli_names_a_malformed_words_file_and_still_analyses(config, tmp_path, capsys):
    from caveat.cli import main

    (config / "words.toml").write_text("[hedge\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("It may rain.", encoding="utf-8")
    assert main(["analyze", str(article), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["text"] == "It may rain."
    assert "words.toml: ignored" in captured.err
