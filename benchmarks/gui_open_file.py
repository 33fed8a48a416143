"""Opening a long file from the running window's menu: how long the event loop stalls.

    .venv/bin/python benchmarks/gui_open_file.py [--runs 3] [--words 100000] [--file F]
        [--compare-src OTHER/src] [--fifo] [--paste text|html]

Each run is a fresh process (fresh cache and config folders, Qt's offscreen platform): the
window starts, its analysis process warms, and after a quiet moment File > Open… is triggered
(the dialog answers with the file at once), as a reader opens a file. With --paste, the file's
text (and for `html` its blocks as a browser's HTML too: <h1>, <p>) is put on the clipboard, and
File > New from Clipboard is triggered instead, as a reader pastes an article. From that moment
a 5 ms timer records the longest wall-clock gap between its ticks and the most CPU time the GUI
thread spent between two ticks (the window's own work: a gap on a loaded machine may be the
machine's), until the whole analysis is painted and listed. Also: the time to the text shown (the
turn after the tab appears), to the whole text laid in, to the first highlights and to all of
them.

With --compare-src, another checkout's src folder (say `git archive main | tar -x -C /tmp/base`)
runs interleaved with this one, in the same conditions. With --fifo, the window's GUI thread
runs under SCHED_FIFO (its children and the other helpers' processes do not): the gaps are then
the window's own, not the time it waited for one of the machine's two cores.

The file: --file, else news of --words words made by ../shared/tools/make_long_text.py (the
long-text maker), else the bundled sample repeated.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from news_corpus import CORPORA  # noqa: E402

REPO = Path(__file__).resolve().parents[1]

# Runs the window in this process and opens the file through File > Open…; works on any
# checkout whose window opens files from `window_opening.open_dialog`.
DRIVER = """
import json, os, sys, time
report, path, fifo, paste = sys.argv[1], sys.argv[2], sys.argv[3] == "fifo", sys.argv[4]
if fifo:  # this thread only; threads it starts inherit it, processes it starts do not
    os.sched_setscheduler(0, os.SCHED_FIFO | os.SCHED_RESET_ON_FORK, os.sched_param(10))
from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
import caveat
from caveat.gui import window_opening
from caveat.gui.main_window import MainWindow

def main():
    app = QApplication(["caveat"])
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    out = {"caveat": caveat.__file__}
    clock = {"gap": 0.0, "busy": 0.0}

    class Chosen:  # the Open dialog, answered at once
        @staticmethod
        def getOpenFileNames(*_args, **_kwargs):
            return [path], ""

    window_opening.QFileDialog = Chosen

    def tick():
        now, cpu = time.perf_counter(), time.thread_time()
        clock["gap"] = max(clock["gap"], now - clock["last"])
        clock["busy"] = max(clock["busy"], cpu - clock["last_cpu"])
        clock["last"], clock["last_cpu"] = now, cpu

    ticker = QTimer(interval=5)
    ticker.timeout.connect(tick)

    def since():
        return time.perf_counter() - clock["t0"]

    def end(extra=None):
        out.update(extra or {})
        out["longest_gap_ms"] = 1000 * clock["gap"]
        out["busiest_turn_cpu_ms"] = 1000 * clock["busy"]
        out["gui_cpu_s"] = time.thread_time() - clock["cpu0"]
        with open(report, "w", encoding="utf-8") as fh:
            json.dump(out, fh)
        app.clipboard().clear()  # a QMimeData made in Python left there crashes Qt at exit
        app.quit()

    def opened(tab):
        QTimer.singleShot(0, lambda: out.setdefault("text_shown_s", since()))
        tab.first_highlights.connect(lambda: out.setdefault("first_highlights_s", since()))
        loaded = lambda: out.setdefault("text_complete_s", since())
        tab.reader.text_loaded.connect(loaded)
        if not tab.reader.is_loading_text():
            loaded()
        tab.analysis_ready.connect(lambda _analysis: wait_until_painted(tab))

    def wait_until_painted(tab):
        out.setdefault("first_highlights_s", since())
        busy = tab.reader.highlighter.painter.busy() or tab.side_panel.tree._filler.busy()
        if busy or tab.reader.is_loading_text():
            QTimer.singleShot(5, lambda: wait_until_painted(tab))
        else:
            out["all_highlights_s"] = since()
            out["findings"] = len(tab.analysis.all_findings())
            QTimer.singleShot(100, end)  # the last paint's turn counted too

    def open_from_menu():
        item = "&Open…"
        if paste:  # on the clipboard before the clock starts: the reader copied it earlier
            data = QMimeData()
            with open(path.removesuffix(".html"), encoding="utf-8") as fh:
                data.setText(fh.read())
            if paste == "html":  # a browser's copy holds both
                with open(path, encoding="utf-8") as fh:
                    data.setHtml(fh.read())
            app.clipboard().setMimeData(data)
            item = "New from &Clipboard"
        action = next(a for a in window.findChildren(QAction) if a.text() == item)
        clock["t0"] = clock["last"] = time.perf_counter()
        clock["cpu0"] = clock["last_cpu"] = time.thread_time()
        ticker.start()
        action.trigger()

    window.document_opened.connect(opened)
    window.runner.signals.pipeline_ready.connect(
        lambda _info: QTimer.singleShot(1000, open_from_menu)
    )
    window.runner.signals.failed.connect(lambda _id, why: end({"failed": why}))
    QTimer.singleShot(180_000, lambda: end({"failed": "timed out"}))
    window.runner.preload()
    app.exec()
    window.runner.shutdown()

main()
"""

KEYS = (
    "longest_gap_ms",
    "busiest_turn_cpu_ms",
    "gui_cpu_s",
    "text_shown_s",
    "text_complete_s",
    "first_highlights_s",
    "all_highlights_s",
)


def long_file(words: int, folder: Path) -> Path:
    """News of about `words` words from the long-text maker, or the sample repeated."""
    path = folder / f"news-{words}.txt"
    maker = CORPORA.parent / "tools" / "make_long_text.py"
    corpus = CORPORA / "polnear_attribution" / "train.jsonl"
    if maker.is_file() and corpus.is_file():
        command = [sys.executable, str(maker), str(corpus), str(words), str(path)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        return path
    body = (REPO / "resources" / "samples" / "caveat-sample.md").read_text(encoding="utf-8")
    path.write_text("\n\n".join([body] * round(words / len(body.split()))), encoding="utf-8")
    return path


def as_html(path: Path) -> Path:
    """`path`'s blocks as the HTML a browser puts on the clipboard, written beside it."""
    blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    body = []
    for block in blocks:
        level = len(block) - len(block.lstrip("#"))
        tag = f"h{level}" if 0 < level <= 6 else "p"
        body.append(f"<{tag}>{html.escape(block.lstrip('#').strip())}</{tag}>")
    page = Path(f"{path}.html")
    page.write_text(
        "<html><body><!--StartFragment-->" + "\n".join(body) + "<!--EndFragment--></body></html>",
        encoding="utf-8",
    )
    return page


def open_once(path: Path, source: str = "", fifo: bool = False, paste: str = "") -> dict:
    """One window, one file opened from its menu (or pasted); the driver's figures."""
    with tempfile.TemporaryDirectory(prefix="caveat-open-") as folder:
        env = {
            **os.environ,
            **({"PYTHONPATH": source} if source else {}),
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CACHE_HOME": f"{folder}/cache",
            "XDG_CONFIG_HOME": f"{folder}/config",
            "XDG_DATA_HOME": f"{folder}/data",
        }
        report = Path(folder) / "report.json"
        mode = "fifo" if fifo else "plain"
        command = [sys.executable, "-c", DRIVER, str(report), str(path), mode, paste]
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        if not report.is_file():
            raise SystemExit(f"the window did not report:\n{done.stderr[-2000:]}")
        figures = json.loads(report.read_text(encoding="utf-8"))
    if "failed" in figures:
        raise SystemExit(f"the run failed: {figures['failed']}")
    if source and not figures["caveat"].startswith(source):
        raise SystemExit(f"{source} was not the code run ({figures['caveat']})")
    return figures


def _line(figures: dict) -> str:
    return ", ".join(f"{k} {figures[k]:.3g}" for k in KEYS if k in figures)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--file", type=Path, help="open this file instead")
    parser.add_argument("--compare-src", default="", help="another checkout's src, interleaved")
    parser.add_argument("--fifo", action="store_true", help="the GUI thread under SCHED_FIFO")
    parser.add_argument("--paste", choices=("text", "html"), help="paste the file's text instead")
    args = parser.parse_args()
    path = args.file or long_file(args.words, Path(tempfile.mkdtemp(prefix="caveat-open-text-")))
    words = len(path.read_text(encoding="utf-8").split())
    opened = as_html(path) if args.paste == "html" else path
    how = f" pasted as {args.paste}" if args.paste else ""
    load = os.getloadavg()[0]
    print(f"{path.name}{how}: {words:,} words; load average at start {load:.1f} (2 cores)")
    variants = {"this checkout": ""}
    if args.compare_src:
        variants[args.compare_src] = args.compare_src
    results: dict[str, list[dict]] = {name: [] for name in variants}
    for n in range(args.runs):
        for name, source in variants.items():
            results[name].append(open_once(opened, source, args.fifo, args.paste or ""))
            print(f"  {name} run {n + 1}: {_line(results[name][-1])}")
    for name, rows in results.items():
        print(f"{name} (findings {rows[0].get('findings', 0):,}):")
        for key in KEYS:
            values = [r[key] for r in rows if key in r]
            if values:
                print(
                    f"{key:>20}: median {statistics.median(values):8.3f}  "
                    f"(min {min(values):.3f}, max {max(values):.3f})"
                )
    print(f"load average now: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
