"""How soon the view shows highlights after a jump ahead in a long article being analysed, and
how long the window's event loop stalls meanwhile.

Opens the article in the real window, waits for its text, then jumps as a reader would: Ctrl+End,
then drags of the scrollbar to 50 % and 25 % of the way down, a second apart. For each jump it
reports the seconds until a line on screen carries a highlight, and whether the analysis was
still running then. Run:

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/gui_jump.py [FILE] [--model M]

Without FILE it builds about 50,000 words from the gold set's news articles. A long real text:
`../shared/tools/make_long_text.py ../shared/corpora/polnear_attribution/train.jsonl 50000 F`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QTextCharFormat  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from caveat.gui.document_tab import DocumentTab  # noqa: E402
from caveat.gui.main_window import MainWindow  # noqa: E402
from caveat.gui.settings import Settings  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gui_stall import GapRecorder  # noqa: E402

GOLD_ARTICLES = Path(__file__).resolve().parent / "gold" / "articles"
NO_UNDERLINE = QTextCharFormat.UnderlineStyle.NoUnderline
CTRL = Qt.KeyboardModifier.ControlModifier


def gold_news(folder: Path, words: int = 50_000) -> Path:
    """The gold set's articles, one after another, until `words` words."""
    articles = [p.read_text(encoding="utf-8").strip() for p in sorted(GOLD_ARTICLES.glob("*.txt"))]
    parts: list[str] = []
    count = 0
    while count < words:
        article = articles[len(parts) % len(articles)]
        parts.append(f"Part {len(parts) + 1}\n\n{article}")
        count += len(article.split())
    path = folder / "long-news.txt"
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return path


def painted_on_screen(tab: DocumentTab) -> bool:
    """A line on screen carries a layer's underline."""
    reader = tab.reader
    block, offset = reader.firstVisibleBlock(), reader.contentOffset()
    while block.isValid() and reader.blockBoundingGeometry(block).translated(offset).top() < (
        reader.viewport().height()
    ):
        if any(r.format.underlineStyle() != NO_UNDERLINE for r in block.layout().formats()):
            return True
        block = block.next()
    return False


def scroll_to(tab: DocumentTab, fraction: float) -> None:
    """What a drag of the scrollbar ends with."""
    bar = tab.reader.verticalScrollBar()
    bar.setValue(int(bar.maximum() * fraction))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--model", default=None, help="'rules' for the fallback pipeline")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="caveat-jump-"))
    os.environ["XDG_CACHE_HOME"] = str(folder / "cache")  # a cached analysis would hide it all
    path = args.file or gold_news(folder)
    settings = Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings=settings, model=args.model)
    window.resize(1280, 800)
    window.show()
    recorder = GapRecorder()
    jumps = [
        ("Ctrl+End", lambda tab: QTest.keyClick(tab.reader, Qt.Key.Key_End, CTRL)),
        ("scrollbar to 50 %", lambda tab: scroll_to(tab, 0.5)),
        ("scrollbar to 25 %", lambda tab: scroll_to(tab, 0.25)),
    ]
    report: list[str] = []
    started = time.perf_counter()

    def jump(tab: DocumentTab, n: int) -> None:
        if n >= len(jumps) or not tab.is_analysing():
            return
        name, action = jumps[n]
        recorder.enter(f"jump: {name}")
        t0 = time.perf_counter()
        action(tab)
        poll = QTimer(tab)
        poll.setInterval(5)

        def check() -> None:
            if painted_on_screen(tab):
                poll.stop()
                running = "still analysing" if tab.is_analysing() else "analysis done"
                seconds = time.perf_counter() - t0
                report.append(f"{name}: highlights on screen {seconds:.3f} s later ({running})")
                QTimer.singleShot(1000, lambda: jump(tab, n + 1))

        poll.timeout.connect(check)
        poll.start()

    def open_article(_info) -> None:
        recorder.enter("opening")
        [tab] = window.open_paths([path])

        def finished(analysis) -> None:
            seconds = time.perf_counter() - started
            report.append(f"whole analysis {seconds:.1f} s after opening: {analysis.words:,} words")
            recorder.enter("painting in slices")
            QTimer.singleShot(2000, app.quit)

        tab.analysis_ready.connect(finished)
        nonlocal started
        started = time.perf_counter()
        if tab.reader.is_loading_text():
            tab.reader.text_loaded.connect(lambda: jump(tab, 0))
        else:
            jump(tab, 0)

    window.runner.signals.pipeline_ready.connect(open_article)
    recorder.enter("model loading")
    window.runner.preload()
    app.exec()
    window.runner.shutdown()
    print("\n".join(report))
    for phase, gap in recorder.longest.items():
        print(f"longest event-loop gap while {phase}: {gap:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
