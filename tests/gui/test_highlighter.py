"""Findings reach the screen at the right Qt positions, with their layer's look."""

from __future__ import annotations

import pytest
from gui_builders import finding
from PySide6.QtGui import QTextCharFormat, QTextLayout

from caveat.gui.highlighter import Utf16Map, display_text

Wave = QTextCharFormat.UnderlineStyle.WaveUnderline
Dash = QTextCharFormat.UnderlineStyle.DashUnderline
Dot = QTextCharFormat.UnderlineStyle.DotLine


def formats_of(tab, block_number: int = 0) -> list[QTextLayout.FormatRange]:
    block = tab.reader.document().findBlockByNumber(block_number)
    return list(block.layout().formats())


def underlined(tab, block_number: int = 0) -> list[tuple[int, int, object]]:
    return [
        (r.start, r.length, r.format.underlineStyle())
        for r in formats_of(tab, block_number)
        if r.format.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline
    ]


@pytest.mark.parametrize(
    ("text", "offset", "qt_position"),
    [
        ("plain", 3, 3),
        ("😀 about", 2, 3),  # the emoji takes two UTF-16 units
        ("a😀😀b", 3, 5),
        ("é and ü", 6, 6),  # accented letters are one unit
    ],
)
def test_utf16_map_counts_an_emoji_twice_and_round_trips(text, offset, qt_position):
    utf16 = Utf16Map(text)
    assert utf16.to_qt(offset) == qt_position
    assert utf16.from_qt(qt_position) == offset


def test_display_text_keeps_length_where_qt_would_fold_cr_lf():
    text = "one\r\ntwo\rthree"
    assert len(display_text(text)) == len(text)
    assert display_text(text).count("\n") == 2


@pytest.mark.parametrize(
    ("layer", "style"), [("hedge", Wave), ("number", Dash), ("speculation", Dot)]
)
def test_each_layer_paints_its_own_underline_style(make_tab, layer, style):
    text = "Officials said about 3,800 people could leave."
    tab = make_tab(text, [finding(text, "about 3,800", layer)])
    assert underlined(tab) == [(text.index("about"), len("about 3,800"), style)]


def test_a_finding_after_an_emoji_is_painted_at_its_utf16_position(make_tab):
    text = "Wow 😀 nearly 40 percent agree."
    tab = make_tab(text, [finding(text, "nearly", "hedge")])
    str_start = text.index("nearly")
    assert underlined(tab) == [(str_start + 1, len("nearly"), Wave)]


def test_overlapping_layers_keep_both_cues(make_tab):
    text = "It could be 40 percent."
    tab = make_tab(
        text,
        [finding(text, "could be 40 percent", "speculation"), finding(text, "could", "hedge")],
    )
    looks = {
        r.start: (r.format.underlineStyle(), r.format.background().color().name())
        for r in formats_of(tab)
    }
    # tint of the first layer (hedge), underline of the last (speculation)
    assert looks[text.index("could")] == (Dot, "#e69f00")


def test_hiding_a_layer_removes_its_formats_and_showing_returns_them(make_tab):
    text = "About 12 towns may join."
    tab = make_tab(text, [finding(text, "About", "hedge"), finding(text, "12", "number")])
    visibility = make_tab.visibility
    visibility.set_visible("number", False)
    assert [s for _a, _b, s in underlined(tab)] == [Wave]
    visibility.set_visible("number", True)
    assert [s for _a, _b, s in underlined(tab)] == [Wave, Dash]


def test_headings_are_larger_and_bold(window, tmp_path):
    path = tmp_path / "story.md"
    path.write_text("# A title\n\nA paragraph of text.\n", encoding="utf-8")
    [tab] = window.open_paths([path])
    title_formats = formats_of(tab, 0)
    body_size = tab.reader.font().pointSizeF()
    assert any(r.format.fontPointSize() > body_size * 1.2 for r in title_formats)
    assert formats_of(tab, 2) == []


def test_a_partial_analysis_repaints_the_lines_it_added_and_a_whole_repaint_finishes(
    make_tab, qtbot
):
    from caveat.gui.finding_index import FindingIndex

    lines = [f"Line {n} says about {n} people left." for n in range(2000)]
    text = "\n\n".join(lines)
    first = finding(text, "about 0 people", "hedge")
    tab = make_tab(text, [first])
    if tab.reader.is_loading_text():
        qtbot.waitSignal(tab.reader.text_loaded, timeout=10_000).wait()
    highlighter = tab.reader.highlighter
    last_line = tab.reader.document().blockCount() - 1
    end = finding(text, "about 1999 people", "hedge")
    middle = finding(text, "about 1000 people", "hedge")

    # while the whole repaint goes on (4,000 lines: in slices), a partial analysis adds the
    # end: all of it is painted
    tab.reader.set_findings(FindingIndex([first]))
    assert highlighter.painter.busy()
    tab.reader.set_findings(FindingIndex([first, end]), added=[(end.start, end.end)])
    qtbot.waitUntil(lambda: not highlighter.painter.busy(), timeout=10_000)
    assert underlined(tab, 0) and underlined(tab, last_line)

    # once idle, only the added range is painted, from the next turn of the event loop on (the
    # slot that brought the partial analysis has this one): a finding outside it waits for the
    # next whole repaint
    tab.reader.set_findings(FindingIndex([first, middle, end]), added=[(end.start, end.end)])
    qtbot.waitUntil(lambda: not highlighter.painter.busy(), timeout=10_000)
    assert underlined(tab, last_line) and not underlined(tab, 2000)
    tab.reader.set_findings(FindingIndex([first, middle, end]))
    qtbot.waitUntil(lambda: not highlighter.painter.busy(), timeout=10_000)
    assert underlined(tab, 2000)


def test_the_first_partial_analysis_paints_only_its_blocks_an_earlier_runs_is_redone(
    make_tab, qtbot, monkeypatch
):
    from dataclasses import replace

    from gui_builders import analysis_of

    lines = [f"Line {n} says about {n} people left." for n in range(400)]
    text = "\n\n".join(lines)
    tab = make_tab(text, [])
    if tab.reader.is_loading_text():
        qtbot.waitSignal(tab.reader.text_loaded, timeout=10_000).wait()
    highlighter = tab.reader.highlighter
    whole = []
    monkeypatch.setattr(highlighter, "repaint", lambda *a: whole.append(a))
    shown = finding(text, "about 3 people", "hedge")
    partial = replace(analysis_of([shown]), block_metrics={3: {}}, partial=True)

    # nothing painted yet: the partial's block alone, not the whole text (0.3 s at 100,000 words)
    tab.analysis, tab.request_id = None, 7
    with qtbot.waitSignal(tab.first_highlights):
        tab._on_partial(7, partial)
    qtbot.waitUntil(lambda: not highlighter.painter.busy(), timeout=10_000)
    assert not whole and underlined(tab, 6)  # block 3 is line 6 (blank lines between)

    # a partial of the tab's earlier run on show: no base to add to, painted over whole
    tab.request_id = 8
    tab._on_partial(8, partial)
    assert whole
