"""`caveat rules`: every rule with its layer, id, title, why and examples, without the model."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from caveat.cli import main
from caveat.cli.rules import BEGIN, END, docs_with_rules
from caveat.layers import layer_ids
from caveat.rules import all_rules

DOCS = Path(__file__).resolve().parents[3] / "docs" / "quality"


def test_rules_json_lists_every_rule_with_its_examples(capsys):
    assert main(["rules", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in listed] == [r.id for r in all_rules()]
    for entry in listed:
        assert set(entry) == {"layer", "id", "title", "why", "confidence", "level", "examples"}
        assert set(entry["examples"]) == {"flag", "not"}
        assert len(entry["examples"]["flag"]) >= 2 and len(entry["examples"]["not"]) >= 2
    assert {r["layer"] for r in listed} == {*layer_ids(), None}  # None: your own words


def test_rules_of_one_layer_in_words(capsys):
    assert main(["rules", "number"]) == 0
    out = capsys.readouterr().out
    assert "percentage (number): Percentage without a source" in out
    assert "leaves alone:" in out and "hedge" not in out


def test_an_unknown_layer_is_refused_with_the_known_ones(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["rules", "gossip"])
    assert exit_.value.code == 2
    assert "choose from 'hedge', 'number', 'speculation'" in capsys.readouterr().err


def test_rules_never_load_the_language_model():
    code = (
        "import sys; from caveat.cli import main; main(['rules', '--json']);"
        "heavy = [m for m in ('spacy', 'textstat', 'thinc') if m in sys.modules];"
        "sys.stderr.write(repr(heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip() == "[]"


@pytest.mark.parametrize("layer", layer_ids())
def test_the_quality_pages_list_the_rules_from_the_tables(layer):
    page = (DOCS / f"{layer}.md").read_text(encoding="utf-8")
    assert BEGIN in page and END in page
    assert docs_with_rules(page, layer) == page, "run scripts/update-rule-docs"
