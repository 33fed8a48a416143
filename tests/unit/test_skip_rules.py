"""Switching rules off from the command line (--skip-rules) and from words.toml (skip_rules)."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader

from caveat import reader_words
from caveat.cli import main
from caveat.findings import Analysis, Finding, PipelineInfo
from caveat.rules import all_rules

TEXT = "It may rain, perhaps. About 80 percent of roads could flood."


@pytest.fixture
def config(tmp_path, monkeypatch):
    monkeypatch.setattr(reader_words, "config_dir", lambda: tmp_path / "config")
    (tmp_path / "config").mkdir()
    return tmp_path / "config"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def findings(capsys, *argv: str) -> list[tuple[str, str]]:
    assert main(["analyze", *argv, "--json", "--model", "rules"]) == 0
    return [(f["rule"], f["text"]) for f in json.loads(capsys.readouterr().out)["findings"]]


def test_without_rules_drops_only_those_rules():
    found = (
        Finding(3, 6, "hedge", "epistemic-modal", "m"),
        Finding(13, 20, "hedge", "hedging-adverb", "m"),
    )
    analysis = Analysis({"hedge": found}, {}, {}, PipelineInfo("rules"), words=10)
    kept = reader_words.without_rules(analysis, {"hedging-adverb"})
    assert [f.rule for f in kept.all_findings()] == ["epistemic-modal"]
    assert kept.count("hedge") == 1


def test_skip_rules_leaves_out_those_rules_findings_only(config, article, capsys):
    everything = findings(capsys, str(article))
    rules = {rule for rule, _text in everything}
    assert {"epistemic-modal", "hedging-adverb"} <= rules
    kept = findings(capsys, str(article), "--skip-rules", "epistemic-modal,hedging-adverb")
    assert kept == [f for f in everything if f[0] not in {"epistemic-modal", "hedging-adverb"}]
    assert kept, "the other rules still flag"


@pytest.mark.parametrize("command", ["analyze", "export"])
def test_an_unknown_rule_is_one_line_naming_it_and_the_known_ones(
    command, config, article, tmp_path, capsys
):
    argv = [command, str(article), "--skip-rules", "approximator,hedging-adverbs"]
    if command == "export":
        argv += ["-o", str(tmp_path / "out.pdf")]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "unknown rule hedging-adverbs" in err
    assert all(rule.id in err for rule in all_rules())
    assert not (tmp_path / "out.pdf").exists()


def test_words_file_skip_rules_apply_to_analyze(config, article, capsys):
    (config / "words.toml").write_text(
        'skip_rules = ["hedging-adverb"]\n\n[hedge]\nadd = ["roads"]\n', encoding="utf-8"
    )
    kept = findings(capsys, str(article))
    assert "hedging-adverb" not in {rule for rule, _t in kept}
    assert {"epistemic-modal", "approximator"} <= {rule for rule, _t in kept}
    # and the rest of the file still applies
    assert reader_words.load_added_words() == ({"hedge": ["roads"]}, None)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('skip_rules = "count"', 'skip_rules needs a list of rule ids: skip_rules = ["id", ...]'),
        ('skip_rules = ["count", 3]', "skip_rules needs a list of rule ids"),
        ('skip_rules = ["counts"]', "unknown rule 'counts' in skip_rules (known: epistemic-modal"),
    ],
)
def test_a_malformed_skip_list_is_named_with_the_reason(config, content, reason):
    (config / "words.toml").write_text(content, encoding="utf-8")
    words, problem = reader_words.load_reader_words()
    assert words == reader_words.ReaderWords()
    assert problem is not None and reason in problem and "words.toml: ignored" in problem


def test_export_leaves_skipped_rules_out_of_the_pdf(config, article, tmp_path, capsys):
    out = tmp_path / "out.pdf"
    assert main(["export", str(article), "-o", str(out), "--model", "rules"]) == 0
    every = [
        str(a.get_object()["/Subj"]) for p in PdfReader(out).pages for a in p.get("/Annots", [])
    ]
    assert any(s.endswith(": epistemic-modal") for s in every)
    assert (
        main(
            [
                "export",
                str(article),
                "-o",
                str(out),
                "--model",
                "rules",
                "--skip-rules",
                "epistemic-modal",
            ]
        )
        == 0
    )
    capsys.readouterr()
    kept = [
        str(a.get_object()["/Subj"]) for p in PdfReader(out).pages for a in p.get("/Annots", [])
    ]
    assert kept == [s for s in every if not s.endswith(": epistemic-modal")]
