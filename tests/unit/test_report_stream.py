"""`analyze --json` writes its object a piece at a time, and it is the same object as the
one built in memory: the text in chunks (escapes across chunk edges), one line per item."""

import io
import json

from caveat import report
from caveat.analysis.run import analyze
from caveat.loaders.pasted import load_text_string


def test_the_streamed_json_is_the_object_built_in_memory(rules_pipeline, monkeypatch):
    monkeypatch.setattr(report, "TEXT_CHUNK", 7)  # many chunks, escapes at their edges
    text = (
        'He said "perhaps" about 3,800 people came.\n\nA tab\there, a quote \\ and é, 🙂.\n\n'
        "Officials said it could rise."
    )
    document = load_text_string(text)
    analysis = analyze(document, pipeline=rules_pipeline, use_cache=False, parallel=False)
    out = io.StringIO()
    report.write_analysis_json(document, analysis, out)
    streamed = json.loads(out.getvalue())
    assert streamed == json.loads(json.dumps(report.analysis_json(document, analysis)))
    assert streamed["text"] == text
    assert streamed["findings"] and streamed["block_metrics"]
    lines = out.getvalue().splitlines()
    assert len(lines) > len(streamed["findings"]) + len(streamed["blocks"])  # an item a line
