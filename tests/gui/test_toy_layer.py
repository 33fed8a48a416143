"""A layer is its factory and its TOML: registered at run time from tests/data/toy_layer (no
other file changed), it shows in `analyze --json`, the window's side panel, and the export's
legend and PDF layers, the analysis running in the window's spawned helper process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from caveat.analysis import parallel
from caveat.cli import main
from caveat.gui.main_window import MainWindow
from caveat.layers import Layer, register, unregister

TOY = Path(__file__).resolve().parents[1] / "data" / "toy_layer"
TEXT = (
    "Rumours of a merger lifted the shares on Monday.\n\n"
    "Word on the street is that the chief executive could resign."
)


@pytest.fixture
def toy_layer(monkeypatch):
    monkeypatch.syspath_prepend(str(TOY))
    layer = register(
        Layer(
            id="rumour",
            title="Rumours",
            name="Rumour",
            noun="a rumour",
            description="Talk nobody stands behind.",
            colour="#009E73",
            colour_dark="#33C49A",
            underline="dash",
            factory="toy_rumours",
            module="toy_layer",
            lexicon=str(TOY / "rumour.toml"),
        )
    )
    yield layer
    unregister(layer.id)


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "merger.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_a_registered_layer_is_in_analyze_json(toy_layer, article, capsys):
    assert main(["analyze", str(article), "--json", "--model", "rules"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert "rumour" in out["layers"]
    found = [(f["text"], f["rule"]) for f in out["findings"] if f["layer"] == "rumour"]
    assert found == [("Rumours", "rumour-word"), ("Word on the street", "rumour-word")]
    assert out["metrics"]["rumour_count"] == 2


def test_a_registered_layer_is_in_the_side_panel_and_the_export(
    toy_layer, article, qtbot, settings, filters, tmp_path, monkeypatch
):
    # A helper of its own: one started by an earlier test knows neither the layer's module
    # path nor the layer (the window sends it the layer with every chunk).
    monkeypatch.setattr(parallel, "_shared", None)
    window = MainWindow(settings=settings, filters=filters, model="rules")
    qtbot.addWidget(window)
    try:
        [tab] = window.open_paths([article])
        with qtbot.waitSignal(tab.analysis_ready, timeout=120_000) as ready:
            pass
        assert ready.args[0].count("rumour") == 2
        panel = tab.side_panel
        assert panel.toggles["rumour"].text() == "Rumours"
        groups = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
        assert "Rumours  (2)" in groups

        from PySide6.QtWidgets import QFileDialog

        from caveat.gui.export_dialog import export_with_dialog

        out = tmp_path / "merger.caveat.pdf"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(out), "PDF (*.pdf)"))
        export_with_dialog(window, tab.document, tab.analysis_as_seen(), tab.visible_layers())
    finally:
        window.runner.shutdown()
        parallel.forget_shared_helper(window.runner.helper())
    reader = PdfReader(out)
    groups = [
        str(g.get_object()["/Name"]) for g in reader.trailer["/Root"]["/OCProperties"]["/OCGs"]
    ]
    assert "Rumours" in groups
    subjects = [
        str(a.get_object()["/Subj"]) for page in reader.pages for a in page.get("/Annots", [])
    ]
    assert "Rumours: rumour-word" in subjects
    summary = " ".join(" ".join(page.extract_text().split()) for page in reader.pages[1:])
    assert "Rumours Talk nobody stands behind. 2" in summary  # the legend's row of the layer
    assert "under rumours" in summary  # its underline, named in the legend's note
