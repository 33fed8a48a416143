"""Articles for the batch tests, reading a batch result back, and what `caveat analyze --json`
says of the same article."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq

from caveat.cli import main

SHORT = (
    "Perhaps 40 percent of residents agree, critics say.\n\n"
    "The mayor will probably resign next year, and the plan could cost $2 million."
)
TABLE_ROWS = [
    {
        "id": "a-1",
        "outlet": "The Daily",
        "date": "2024-03-05",
        "text": "Some say the river could flood again. About 3,000 homes are at risk.",
    },
    {
        "id": "a-2",
        "outlet": "The Weekly",
        "date": "2024-04-11",
        "text": "The council approved the budget on Tuesday, the clerk said.",
    },
    {"id": "a-3", "outlet": "The Daily", "date": "2024-04-20", "text": None},
]


def read_articles(out: Path) -> dict[str, dict]:
    rows = pq.read_table(out / "articles").to_pylist()
    by_id = {row["id"]: row for row in rows}
    assert len(by_id) == len(rows), "an article has more than one row"
    return by_id


def read_findings(out: Path) -> dict[str, list[tuple]]:
    found: dict[str, list[tuple]] = {}
    for f in pq.read_table(out / "findings").to_pylist():
        found.setdefault(f["id"], []).append(
            (f["layer"], f["rule"], f["start"], f["end"], f["text"], f["message"], f["confidence"])
        )
    return {
        key: sorted(value, key=lambda f: (f[2], f[3], f[0], f[1])) for key, value in found.items()
    }


def analyze_json(path: Path, capsys) -> dict:
    capsys.readouterr()
    assert main(["analyze", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def assert_same_as_analyze(row: dict, findings: list[tuple], report: dict) -> None:
    """The row and findings of one article say what `caveat analyze --json` says of it."""
    metrics = report["metrics"]
    assert row["error"] is None
    assert row["words"] == metrics["words"] and row["sentences"] == metrics["sentences"]
    for layer in report["layers"]:
        assert row[f"{layer}_count"] == metrics[f"{layer}_count"], layer
        assert round(row[f"{layer}_per_100_words"], 2) == metrics[f"{layer}_per_100_words"]
    rules = Counter(f["rule"] for f in report["findings"])
    counted = {k.removesuffix("_count"): v for k, v in row.items() if k.endswith("_count")}
    for rule, count in rules.items():
        assert counted.get(rule) == count, rule
    expected = sorted(
        (f["layer"], f["rule"], f["start"], f["end"], f["text"], f["message"], f["confidence"])
        for f in report["findings"]
    )
    assert sorted(findings) == expected
    for name in ("flesch_reading_ease", "gunning_fog", "dale_chall_readability_score"):
        assert row[name] == metrics[name]
    assert (
        row["pipeline"] == f"{report['pipeline']['name']} {report['pipeline']['version']}".strip()
    )
