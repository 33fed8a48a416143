"""Jumping ahead in a long article while it is analysed: what comes on screen is analysed next
and painted within half a second, the rest goes on, and the whole ends as an uninterrupted run
would (issue 9)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from caveat.analysis import parallel
from caveat.analysis.run import analyze
from caveat.gui.main_window import MainWindow

GOLD_ARTICLES = Path(__file__).resolve().parents[2] / "benchmarks" / "gold" / "articles"
#: What the reader may wait, after a jump, for the highlights on screen (issue 9): measured
#: 0.17-0.30 s here, 0.37-0.55 s while the 2-core machine ran at a load average of 12. The test
#: allows twice that for such a machine, and fails before the fix by seconds (5-9 s).
JUMP_SECONDS = 0.5
LOADED_MACHINE_HEADROOM = 2
NO_UNDERLINE = QTextCharFormat.UnderlineStyle.NoUnderline


def long_news(folder: Path, words: int = 50_000) -> tuple[Path, int]:
    """The gold set's news articles, one after another under "Part N" lines, until `words`
    words; and how many parts that made."""
    articles = [p.read_text(encoding="utf-8").strip() for p in sorted(GOLD_ARTICLES.glob("*.txt"))]
    parts: list[str] = []
    count = 0
    while count < words:
        for article in articles:
            parts.append(f"Part {len(parts) + 1}\n\n{article}")  # no two parts the same
            count += len(article.split())
            if count >= words:
                break
    path = folder / "long-news.txt"
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return path, len(parts)


@pytest.fixture
def model_window(qtbot, settings, filters):
    """A window on the real model, its analysis process warmed up as at start-up."""
    # the process-wide analysis process may run the rule-based pipeline of an earlier test
    parallel.stop_shared_helper()
    win = MainWindow(settings=settings, filters=filters)
    qtbot.addWidget(win)
    win.resize(1100, 760)
    win.show()
    win.runner.helper().warming.result(timeout=180)
    yield win
    win.runner.shutdown()
    parallel.stop_shared_helper()  # later tests' windows start their own


def analysed(tab, offset: int) -> bool:
    """The block at `offset` is in the analysis shown (partial or whole)."""
    index = tab.document.block_at(offset)
    return tab.analysis is not None and index in tab.analysis.block_metrics


def view_range(tab) -> tuple[int, int]:
    """The `str` offsets at the top left and bottom right of the reader's viewport."""
    rect = tab.reader.viewport().rect()
    return tab.reader.offset_at(rect.topLeft()), tab.reader.offset_at(rect.bottomRight())


def painted_lines_in_view(tab) -> int:
    """Lines on screen carrying a layer's underline: highlights the reader can see."""
    reader = tab.reader
    block = reader.firstVisibleBlock()
    offset = reader.contentOffset()
    height = reader.viewport().height()
    painted = 0
    while block.isValid() and reader.blockBoundingGeometry(block).translated(offset).top() < height:
        if any(r.format.underlineStyle() != NO_UNDERLINE for r in block.layout().formats()):
            painted += 1
        block = block.next()
    return painted


def seconds_until_painted(qtbot, tab, started: float) -> float:
    """How long after `started` the view shows highlights (waits up to 5 s, to report it)."""
    qtbot.waitUntil(lambda: painted_lines_in_view(tab) > 0, timeout=5_000)
    seconds = time.perf_counter() - started
    assert seconds <= JUMP_SECONDS * LOADED_MACHINE_HEADROOM, f"highlights after {seconds:.2f} s"
    return seconds


def test_a_jump_ahead_is_analysed_next_and_the_whole_ends_the_same(
    model_window, qtbot, tmp_path, pipeline
):
    path, parts = long_news(tmp_path)
    [tab] = model_window.open_paths([path])
    text = tab.document.text
    if tab.reader.is_loading_text():
        qtbot.waitSignal(tab.reader.text_loaded, timeout=30_000).wait()
    assert tab.is_analysing()

    # Ctrl+End right after the text shows: the end, painted while the rest goes on
    assert not analysed(tab, len(text) - 1)
    started = time.perf_counter()
    qtbot.keyClick(tab.reader, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    top, bottom = view_range(tab)
    assert top > len(tab.document.text) * 0.9
    to_end = seconds_until_painted(qtbot, tab, started)
    assert tab.is_analysing() and tab.analysis.partial
    assert any(top <= f.start < bottom for f in tab.reader.index.findings)

    # a drag of the scrollbar to the middle: the middle next
    bar = tab.reader.verticalScrollBar()
    started = time.perf_counter()
    bar.setValue(bar.maximum() // 2)
    assert not analysed(tab, view_range(tab)[0])
    to_middle = seconds_until_painted(qtbot, tab, started)
    assert tab.is_analysing()

    # find a line three quarters of the way down: there next
    needle = f"Part {parts * 3 // 4}"
    assert text.count(needle + "\n") == 1 and not analysed(tab, text.index(needle))
    started = time.perf_counter()
    tab.find_bar.open_bar()
    tab.find_bar.field.setText(needle)
    to_found = seconds_until_painted(qtbot, tab, started)
    assert tab.is_analysing()
    print(
        f"highlights after Ctrl+End {to_end:.3f} s, a scrollbar drag {to_middle:.3f} s, "
        f"find {to_found:.3f} s"
    )

    with qtbot.waitSignal(tab.analysis_ready, timeout=180_000) as ready:
        pass
    whole = ready.args[0]
    assert not whole.partial
    alone = analyze(tab.document, pipeline=pipeline, use_cache=False, parallel=False)
    assert whole.pipeline == alone.pipeline
    assert whole.findings == alone.findings
    assert whole.block_metrics == alone.block_metrics
    assert whole.metrics == alone.metrics
