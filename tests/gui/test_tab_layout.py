"""Every tab's text wraps to its own view, at every window size, whenever it is shown."""

from __future__ import annotations

import pytest

SIZES = [(1280, 820), (800, 600), (1600, 1000), (1100, 700)]


def _articles(tmp_path, n: int = 3):
    sentence = "A long sentence of plain prose that keeps going across the whole column. "
    paths = []
    for i in range(n):
        path = tmp_path / f"article-{i}.txt"
        path.write_text("\n\n".join([sentence * 6] * 30), "utf-8")
        paths.append(path)
    return paths


def assert_wrapped_to_its_view(tab, label: str) -> None:
    reader = tab.reader
    assert reader.horizontalScrollBar().maximum() == 0, f"{label}: lines run past the view"
    wanted = reader.viewport().width() - 2 * reader.document().documentMargin()
    assert reader.wrap_width() == pytest.approx(wanted, abs=1), f"{label}: wrapped to a stale width"
    assert reader.viewport().width() >= 300, f"{label}: squeezed"


def test_every_tab_wraps_its_text_to_its_view_after_resizes_while_hidden(window, qtbot, tmp_path):
    window.show()
    tabs = window.open_paths(_articles(tmp_path))
    for size in SIZES:
        window.resize(*size)
        for i, tab in enumerate(tabs):
            window.tabs.setCurrentIndex(i)
            assert_wrapped_to_its_view(tab, f"{size}, tab {i + 1}")
    for tab in tabs:
        tab.cancel()


def test_a_tab_zoomed_while_hidden_wraps_to_its_view_when_shown(window, qtbot, tmp_path):
    window.show()
    first, second = window.open_paths(_articles(tmp_path, 2))
    window.tabs.setCurrentWidget(second)
    window.zoom_by(3)
    window.resize(900, 640)
    window.tabs.setCurrentWidget(first)
    assert_wrapped_to_its_view(first, "zoomed while hidden")
    for tab in (first, second):
        tab.cancel()
