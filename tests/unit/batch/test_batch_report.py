"""caveat report: a batch result summed up per layer, outlet and month, with plots."""

from __future__ import annotations

import pyarrow as pa
import pytest

from caveat.batch.inputs import Article
from caveat.batch.report.stats import build_report
from caveat.batch.schema import FINDINGS_SCHEMA, Columns, article_row
from caveat.batch.store import BatchStore
from caveat.batch.work import ArticleResult
from caveat.cli import main
from caveat.layers import layer_ids

METRICS = ("flesch_reading_ease", "words", "sentences")
PNG = b"\x89PNG\r\n\x1a\n"


def write_dataset(out, metadata=("outlet", "date"), articles=40):
    """`articles` made-up articles of 200 words: outlet A hedges twice as much as outlet B."""
    columns = Columns.make(layer_ids(), list(metadata), METRICS)
    store = BatchStore(out)
    store.open()
    store.write_manifest(columns)
    rows, findings = [], []
    for i in range(articles):
        outlet = "Outlet A" if i % 2 else "Outlet B"
        hedges = (i % 5 + 1) * (2 if outlet == "Outlet A" else 1)
        meta = {"outlet": outlet, "date": f"2024-0{1 + i % 3}-1{i % 9}", "title": f"Story {i}"}
        article = Article(f"s{i}", "t.jsonl", i, "article.txt", b"x", f"h{i}", meta)
        result = ArticleResult(
            0,
            pipeline="en_core_web_sm 3.8.0",
            metrics={"words": 200, "sentences": 10, "flesch_reading_ease": 60.0},
            counts={"hedge": hedges, "number": i % 2, "speculation": 0},
            densities={"hedge": hedges / 2, "number": (i % 2) / 2, "speculation": 0.0},
            rule_counts={"epistemic-modal": hedges, "count": i % 2},
        )
        rows.append(article_row(columns, article, result, "0.1.0"))
        findings += [
            {
                "id": article.id,
                "layer": "hedge",
                "rule": "epistemic-modal",
                "start": 0,
                "end": 5,
                "text": "could" if n % 3 else "May",
                "message": "m",
                "confidence": 1.0,
            }
            for n in range(hedges)
        ]
    broken = Article("bad", "bad.pdf", None, "bad.pdf", b"", "h", {}, "not a valid PDF file")
    rows.append(article_row(columns, broken, None, "0.1.0"))
    store.write_part(
        pa.Table.from_pylist(rows, columns.articles_schema()),
        pa.Table.from_pylist(findings, FINDINGS_SCHEMA),
    )
    store.close()
    return out


def test_report_sums_up_layers_outlets_months_and_rules(tmp_path):
    report = build_report(write_dataset(tmp_path / "out"))
    assert (report.articles, report.analysed, report.words) == (41, 40, 8000)
    by_outlet = {g.name: g for g in report.outlets}
    assert by_outlet["Outlet A"].medians["hedge"] == 3.0
    assert by_outlet["Outlet B"].medians["hedge"] == 1.5
    assert [g.name for g in report.months] == ["2024-01", "2024-02", "2024-03"]
    assert report.rules[0][:2] == ("epistemic-modal", "hedge")
    highest, lowest = report.extremes["hedge"]
    assert highest[0]["hedge_per_100_words"] == 5.0 and lowest[0]["hedge_per_100_words"] == 0.5
    hedge = next(s for s in report.layer_stats if s.layer == "hedge")
    assert hedge.top_words[0][0] == "could" and dict(hedge.top_words)["may"] > 0
    assert report.errors == [("not a valid PDF file", 1)]
    assert report.none["speculation"] == 40


def test_report_writes_a_page_and_its_plots_next_to_the_data(tmp_path, capsys):
    out = write_dataset(tmp_path / "out")
    assert main(["report", str(out)]) == 0
    page = out / "report" / "index.html"
    assert f"wrote {page}" in capsys.readouterr().out
    html = page.read_text(encoding="utf-8")
    for expected in ("Outlet A", "By month", "epistemic-modal", "Story 39", "not a valid PDF file"):
        assert expected in html
    for name in ("densities", "outlets", "months", "rules"):
        image = out / "report" / f"{name}.png"
        assert f'src="{name}.png"' in html
        assert image.read_bytes().startswith(PNG) and image.stat().st_size > 5000


def test_a_dataset_without_outlets_or_dates_has_no_such_sections(tmp_path):
    out = write_dataset(tmp_path / "out", metadata=())
    assert main(["report", str(out)]) == 0
    html = (out / "report" / "index.html").read_text(encoding="utf-8")
    assert "By outlet" not in html and "By month" not in html
    assert not (out / "report" / "outlets.png").exists()


@pytest.mark.parametrize("make", ["empty folder", "no folder"])
def test_report_on_a_folder_without_results_says_so(tmp_path, capsys, make):
    target = tmp_path / "nothing"
    if make == "empty folder":
        target.mkdir()
    assert main(["report", str(target)]) == 1
    err = capsys.readouterr().err
    assert str(target) in err and ("no batch result" in err or "no such folder" in err)
