"""The headless command line: analyze (text and JSON) and eval."""

import json
import re

import pytest

from caveat.cli import main


def test_analyze_json_has_the_documented_schema(bundled_sample, capsys):
    assert main(["analyze", str(bundled_sample), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"source", "format", "pipeline", "text", "findings", "metrics"} <= set(out)
    assert out["format"] == "md"
    assert out["text"] == bundled_sample.read_text(encoding="utf-8")
    assert out["pipeline"]["name"] != ""
    for finding in out["findings"]:
        assert set(finding) >= {"layer", "start", "end", "text", "rule", "message"}
        assert out["text"][finding["start"] : finding["end"]] == finding["text"]
    assert {"flesch_reading_ease", "words", "sentences", "hedge_per_100_words"} <= set(
        out["metrics"]
    )


def test_analyze_prints_line_col_layer_rule_text_message(bundled_sample, capsys):
    assert main(["analyze", str(bundled_sample)]) == 0
    out = capsys.readouterr().out
    assert "flesch_kincaid_grade:" in out
    assert "pipeline: " in out
    findings = out.split("pipeline: ")[0].strip().splitlines()
    for line in findings:
        position, layer, rule, rest = line.split(" ", 3)
        row, col = position.split(":")
        assert row.isdigit() and col.isdigit()
        assert layer in ("hedge", "number", "speculation")
        assert rest.startswith('"')
        assert re.search(r" \[(sure|likely|possible) \(\d+%\)\]$", rest), rest


def test_analyze_layers_option_limits_the_output(bundled_sample, capsys):
    assert main(["analyze", str(bundled_sample), "--json", "--layers", "number"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["layers"] == ["number"]
    assert {f["layer"] for f in out["findings"]} <= {"number"}


def test_unknown_layer_is_a_usage_error(bundled_sample, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["analyze", str(bundled_sample), "--layers", "gossip"])
    assert exit_info.value.code == 2
    assert "unknown layer gossip" in capsys.readouterr().err


def test_ignored_words_are_left_out_of_analyze(tmp_path, monkeypatch, capsys):
    from caveat import reader_words

    article = tmp_path / "a.txt"
    article.write_text("Perhaps it will rain. It may snow.", encoding="utf-8")
    monkeypatch.setattr(reader_words, "ignore_file", lambda: tmp_path / "ignore.txt")
    main(["analyze", str(article), "--json", "--layers", "hedge"])
    before = {f["text"].lower() for f in json.loads(capsys.readouterr().out)["findings"]}
    reader_words.add_ignored_word("Perhaps")
    main(["analyze", str(article), "--json", "--layers", "hedge"])
    after = {f["text"].lower() for f in json.loads(capsys.readouterr().out)["findings"]}
    assert "perhaps" not in after
    assert after == before - {"perhaps"}


@pytest.fixture
def tiny_corpus(tmp_path):
    rows = [
        {
            "id": "1",
            "text": "It may rain tomorrow.",
            "label": True,
            "cues": [[3, 6, "speculation"]],
        },
        {"id": "2", "text": "The cat sat on the mat.", "label": False, "cues": []},
        {
            "id": "3",
            "text": "Either way, or not.",
            "label": True,
            "cues": [[12, 14, "speculation"]],
        },
    ]
    path = tmp_path / "tiny.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_eval_prints_precision_recall_f1_as_json(tiny_corpus, capsys):
    assert (
        main(["eval", str(tiny_corpus), "--layer", "hedge", "--level", "sentence", "--json"]) == 0
    )
    score = json.loads(capsys.readouterr().out)
    assert {"precision", "recall", "f1", "n"} <= set(score)
    assert score["n"] == 3


def test_eval_scores_what_a_reader_sees_at_the_chosen_sensitivity(tmp_path, capsys):
    corpus = tmp_path / "weasels.jsonl"
    record = {"text": "Many of his works were lost in the fire.", "label": True, "cues": []}
    corpus.write_text(json.dumps(record) + "\n", encoding="utf-8")
    found = {}
    for level in ("balanced", "thorough"):
        args = ["eval", str(corpus), "--layer", "hedge", "--level", "sentence", "--json"]
        assert main([*args, "--sensitivity", level]) == 0
        found[level] = json.loads(capsys.readouterr().out)["tp"]
    assert found == {"balanced": 0, "thorough": 1}  # a vague quantity shows at thorough only


def test_eval_cue_level_sets_aside_alternatives(tiny_corpus, capsys):
    main(["eval", str(tiny_corpus), "--layer", "hedge", "--level", "cue", "--json"])
    score = json.loads(capsys.readouterr().out)
    assert score["tp"] + score["fn"] == 1  # "or" is not counted as a gold cue


def test_eval_of_a_missing_corpus_is_one_clear_line(tmp_path, capsys):
    assert main(["eval", str(tmp_path / "nope.jsonl"), "--layer", "hedge", "--level", "cue"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nope.jsonl" in err[0]


def test_eval_of_a_malformed_corpus_is_one_clear_line(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("this is not json\n", encoding="utf-8")
    assert main(["eval", str(bad), "--layer", "hedge", "--level", "cue"]) == 1
    assert "not a corpus" in capsys.readouterr().err


def test_a_closed_pipe_ends_quietly(bundled_sample, tmp_path):
    import subprocess
    import sys

    process = subprocess.Popen(
        [sys.executable, "-m", "caveat", "analyze", str(bundled_sample)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.read(10)
    process.stdout.close()  # as `| head -c 10` would
    _out, err = process.communicate(timeout=120)
    assert b"Traceback" not in err


def test_sensitivity_levels_nest_and_carry_confidence(bundled_sample, capsys):
    found = {}
    for level in ("strict", "balanced", "thorough"):
        assert main(["analyze", str(bundled_sample), "--json", "--sensitivity", level]) == 0
        out = json.loads(capsys.readouterr().out)
        found[level] = {(f["start"], f["end"], f["rule"]) for f in out["findings"]}
        assert all(0 <= f["confidence"] <= 1 for f in out["findings"])
    assert found["strict"] <= found["balanced"] <= found["thorough"]
    assert found["strict"] < found["thorough"]
    assert main(["analyze", str(bundled_sample), "--json"]) == 0
    default = {
        (f["start"], f["end"], f["rule"]) for f in json.loads(capsys.readouterr().out)["findings"]
    }
    assert default == found["balanced"]


def test_an_unknown_sensitivity_is_a_usage_error(bundled_sample, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["analyze", str(bundled_sample), "--sensitivity", "paranoid"])
    assert exit_info.value.code == 2
    assert "unknown sensitivity 'paranoid'" in capsys.readouterr().err


def test_eval_at_strict_is_no_less_precise(tiny_corpus, capsys):
    scores = {}
    for level in ("strict", "thorough"):
        args = ["eval", str(tiny_corpus), "--layer", "hedge", "--level", "cue", "--json"]
        assert main([*args, "--sensitivity", level]) == 0
        scores[level] = json.loads(capsys.readouterr().out)
    assert scores["strict"]["tp"] + scores["strict"]["fp"] <= (
        scores["thorough"]["tp"] + scores["thorough"]["fp"]
    )
