"""Batch mode: many files to JSON lines, unreadable ones reported, interrupted runs resumed."""

import json

import pytest

from caveat.batch.jsonl import collect_files, finished_sources
from caveat.cli import main


@pytest.fixture
def folder(tmp_path, bundled_sample):
    articles = tmp_path / "articles"
    (articles / "sub").mkdir(parents=True)
    (articles / "one.md").write_text(bundled_sample.read_text(encoding="utf-8"), encoding="utf-8")
    (articles / "sub" / "two.txt").write_text("Perhaps 40 percent agree.", encoding="utf-8")
    (articles / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    (articles / "notes.xyz").write_text("ignored: not a supported type", encoding="utf-8")
    return articles


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def source_name(source: str) -> str:
    return source.rsplit("/", 1)[-1]


def test_collect_files_walks_folders_for_supported_types(folder):
    names = [p.name for p in collect_files([folder])]
    assert sorted(names) == ["broken.txt", "one.md", "two.txt"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_writes_one_line_per_file_and_reports_unreadable(folder, tmp_path, capsys, jobs):
    out = tmp_path / "out.jsonl"
    assert main(["analyze", str(folder), "--jsonl", str(out), "--jobs", jobs]) == 0
    lines = {source_name(r["source"]): r for r in _lines(out)}
    assert set(lines) == {"one.md", "two.txt", "broken.txt"}
    assert "findings" in lines["one.md"] and "metrics" in lines["two.txt"]
    assert "error" in lines["broken.txt"]
    err = capsys.readouterr().err
    assert "broken.txt" in err and "2 analysed, 1 unreadable" in err


def test_batch_resumes_without_redoing_finished_files(folder, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    main(["analyze", str(folder / "one.md"), "--jsonl", str(out)])
    with open(out, "a", encoding="utf-8") as fh:
        fh.write('{"source": "torn line from a killed ru')  # an interrupted write
    main(["analyze", str(folder), "--jsonl", str(out), "--jobs", "1"])
    sources = [source_name(r["source"]) for r in _lines(out)]
    assert sorted(sources) == ["broken.txt", "one.md", "two.txt"]
    assert "1 already done" in capsys.readouterr().err


def test_finished_sources_cuts_a_torn_last_line(tmp_path):
    out = tmp_path / "x.jsonl"
    out.write_text('{"source": "a"}\n{"sour', encoding="utf-8")
    assert finished_sources(out) == {"a"}
    assert out.read_text(encoding="utf-8") == '{"source": "a"}\n'


def test_several_files_without_jsonl_is_a_clear_usage_error(folder, capsys):
    assert main(["analyze", str(folder)]) == 2
    assert "--jsonl" in capsys.readouterr().err
