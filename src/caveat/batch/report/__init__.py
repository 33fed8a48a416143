"""`caveat report DIR`: a batch result summed up for an editor, as an HTML page with plots.

stats.py reads the dataset and does the sums; figures.py draws the plots; page.py writes the
page. Everything goes to DIR/report/, next to the data.
"""

from __future__ import annotations

from pathlib import Path

from caveat.batch.report import figures
from caveat.batch.report.page import write_page
from caveat.batch.report.stats import ReportError, build_report

__all__ = ["ReportError", "write_report"]


def write_report(dataset: Path) -> Path:
    """Write DIR/report/index.html and its plots; returns the page."""
    report = build_report(dataset)
    folder = dataset / "report"
    folder.mkdir(exist_ok=True)
    images = {
        "densities": figures.densities(report, folder / "densities.png"),
        "rules": figures.rules(report, folder / "rules.png"),
    }
    if report.outlets:
        images["outlets"] = figures.by_outlet(report, folder / "outlets.png")
    if report.months:
        images["months"] = figures.by_month(report, folder / "months.png")
    return write_page(report, folder, images)
