"""The window from a cold start as `caveat FILE` starts it: shown, first highlights, all done.

    .venv/bin/python benchmarks/gui_cold_start.py [--runs 5] [--words 0|100000] [--file F]

Each run starts a fresh process through `caveat.cli.main` (the installed command's own path,
including whatever it starts before Qt), with fresh cache and config folders and Qt's offscreen
platform. Times are from launching the process: to the first turn of the event loop after the
window is shown, to the first highlights (the blocks on screen analysed and painted), and to the
whole analysis shown. Also: the longest event-loop gap once the window is shown (a 5 ms timer),
the peak of the summed resident memory of the window and its analysis process (polled from
/proc), and the CPU time of both (user + sys, from wait4): on a shared machine wall times
stretch with the load, CPU times much less. With --words, real news of that size
(news_text.py) is opened instead of the sample, and `caveat analyze --json` is timed on it in
the same run, interleaved, for the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from news_text import write_news  # noqa: E402
from peak_memory import _kilobytes, _tree  # noqa: E402

REPO = Path(__file__).resolve().parents[1]

# Runs `caveat FILE` (caveat.cli.main) and reports when the window is up and what it shows. The
# window's module is instrumented as it is imported, so nothing is imported earlier than the
# command itself imports it.
DRIVER = """
import importlib.util, json, sys, time
launched, report, path = float(sys.argv[1]), sys.argv[2], sys.argv[3]
late = sys.argv[4] == "late"
times = {}

def since():
    return time.time() - launched

def instrument(app_module):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    base = app_module.MainWindow

    class Timed(base):
        def show(self):
            super().show()
            QTimer.singleShot(0, self._shown)
            self._gap = self._busy = 0.0
            signals = self.runner.signals
            signals.partial.connect(lambda *_: QTimer.singleShot(0, self._painted))
            signals.finished.connect(lambda *_: QTimer.singleShot(0, self._done))
            signals.failed.connect(lambda _id, why: self._end({"failed": why}))

        def _shown(self):
            times.setdefault("shown", since())
            self._last = time.perf_counter()  # gaps count from the window's first loop turn
            self._last_cpu, self._busy = time.thread_time(), 0.0
            self._ticker = QTimer(self, interval=5)
            self._ticker.timeout.connect(self._tick)
            self._ticker.start()

        def _tick(self):
            now, cpu = time.perf_counter(), time.thread_time()
            self._gap = max(self._gap, now - self._last)
            self._busy = max(self._busy, cpu - self._last_cpu)  # the window's own work
            self._last, self._last_cpu = now, cpu

        def _painted(self):
            times.setdefault("first_highlights", since())

        def _done(self):
            self._painted()
            times["all_done"] = since()
            QTimer.singleShot(50, lambda: self._end({}))

        def _end(self, extra):
            times["longest_gap_ms"] = 1000 * self._gap
            times["busiest_gap_ms"] = 1000 * self._busy  # CPU of the GUI thread in one gap
            with open(report, "w", encoding="utf-8") as fh:
                json.dump({**times, **extra}, fh)
            QApplication.instance().quit()

    app_module.MainWindow = Timed

spec = importlib.util.find_spec("caveat.gui.app")
loader = spec.loader
plain_exec = loader.exec_module
def exec_and_instrument(module):
    plain_exec(module)
    instrument(module)
loader.exec_module = exec_and_instrument
sys.meta_path.insert(0, type("Once", (), {"find_spec": staticmethod(
    lambda name, *_: spec if name == "caveat.gui.app" else None)}))

if late:  # the order before the analysis process was started ahead of Qt: spawned at preload
    import caveat.analysis.parallel as parallel
    early = parallel.shared_helper
    parallel.shared_helper = lambda *a, **k: early(*a, **k) if a or k else None

from caveat.cli import main
sys.argv = ["caveat", path]
raise SystemExit(main())
"""


TICKS = os.sysconf("SC_CLK_TCK")
#: the CPU seconds of each process of the last tree waited for, by start order (last seen)
EACH_CPU: dict[int, float] = {}


def _cpu(pid: int) -> float | None:
    """User + sys seconds of process `pid` so far, from /proc/PID/stat."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def wait_with_peaks(process: subprocess.Popen[bytes]) -> tuple[os.struct_rusage, int, int]:
    """Wait for `process`, polling its tree: its resource usage, and the peaks of the summed
    resident (RSS) and proportional (PSS) sizes in KB. A process forked from another shares
    pages with it (the model's); RSS counts them in each, PSS splits them between the sharers.
    Each process's CPU time as last seen goes to EACH_CPU (within a poll of its end)."""
    peak_rss = peak_pss = 0
    EACH_CPU.clear()
    while True:
        pids = _tree(process.pid)
        peak_rss = max(peak_rss, sum(_kilobytes(p, "VmRSS:", "status") for p in pids))
        peak_pss = max(peak_pss, sum(_kilobytes(p, "Pss:", "smaps_rollup") for p in pids))
        for p in pids:
            if (cpu := _cpu(p)) is not None:
                EACH_CPU[p] = cpu
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            process.returncode = os.waitstatus_to_exitcode(status)
            return usage, peak_rss, peak_pss
        time.sleep(0.02)


def each_cpu() -> str:
    """The CPU seconds of the last tree's processes that used more than 0.1 s, by pid."""
    return "/".join(f"{cpu:.1f}" for _pid, cpu in sorted(EACH_CPU.items()) if cpu > 0.1)


def cli_once(command: list[str]) -> dict[str, float]:
    """`caveat analyze` with a fresh cache folder: wall, CPU, peak tree RSS and PSS."""
    with tempfile.TemporaryDirectory(prefix="caveat-cold-cli-") as cache:
        started = time.perf_counter()
        process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "XDG_CACHE_HOME": cache},
        )
        usage, rss, pss = wait_with_peaks(process)
        wall = time.perf_counter() - started
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed")
    cpu = usage.ru_utime + usage.ru_stime
    figures = {"wall": wall, "cpu": cpu, "peak_mb": rss / 1024, "pss_mb": pss / 1024}
    return figures | {"cpu_each": each_cpu()}  # type: ignore[dict-item]


def cold_start(path: Path, late: bool = False, source: str = "") -> dict[str, float]:
    """One cold start of the window on `path`; its figures (seconds, ms, MB). `source`: another
    checkout's src folder to run instead of this one."""
    with tempfile.TemporaryDirectory(prefix="caveat-cold-") as folder:
        env = {
            **os.environ,
            **({"PYTHONPATH": source} if source else {}),
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CACHE_HOME": f"{folder}/cache",
            "XDG_CONFIG_HOME": f"{folder}/config",
            "XDG_DATA_HOME": f"{folder}/data",
        }
        report = Path(folder) / "report.json"
        launched = time.time()
        process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                DRIVER,
                repr(launched),
                str(report),
                str(path),
                str(late and "late"),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        usage, peak, pss = wait_with_peaks(process)
        if not report.exists():
            raise SystemExit(f"the window reported nothing: {process.stderr.read().decode()}")
        process.stderr.close()
        figures = json.loads(report.read_text(encoding="utf-8"))
    if "failed" in figures:
        raise SystemExit(f"the analysis failed: {figures['failed']}")
    cpu = usage.ru_utime + usage.ru_stime  # the window and its reaped analysis process
    figures |= {"peak_mb": peak / 1024, "pss_mb": pss / 1024, "cpu": cpu}
    return figures | {"cpu_each": each_cpu()}  # type: ignore[dict-item]


def _line(figures: dict[str, float]) -> str:
    return ", ".join(
        f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items()
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--words", type=int, default=0, help="news of this size (0: the sample)")
    parser.add_argument("--file", type=Path, help="open this file instead")
    parser.add_argument(
        "--compare-late-start",
        action="store_true",
        help="also time, interleaved, the window with its analysis process spawned once the "
        "window is up (as before it was forked ahead of Qt)",
    )
    parser.add_argument(
        "--compare-src",
        default="",
        help="also time, interleaved, the window of another checkout (its src folder)",
    )
    args = parser.parse_args()
    if args.file:
        path = args.file
    elif args.words:
        path = write_news(args.words, Path(tempfile.mkdtemp(prefix="caveat-cold-text-")))
    else:
        path = REPO / "resources" / "samples" / "caveat-sample.md"
    caveat = str(Path(sys.executable).with_name("caveat"))
    # compiled modules, as an installed program has them (pip compiles them at install)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "src")], check=False)
    print(f"{path.name}; load average at start: {os.getloadavg()[0]:.1f} (2 cores)")
    rows: list[dict[str, float]] = []
    late: list[dict[str, float]] = []
    other: list[dict[str, float]] = []
    cli: list[dict] = []
    for n in range(args.runs):
        rows.append(cold_start(path))
        print(f"  run {n + 1}: " + _line(rows[-1]))
        if args.compare_late_start:
            late.append(cold_start(path, late=True))
            print(f"  late {n + 1}: " + _line(late[-1]))
        if args.compare_src:
            other.append(cold_start(path, source=args.compare_src))
            print(f"  other {n + 1}: " + _line(other[-1]))
        if args.words or args.file:  # the command line on the same text, interleaved
            cli.append(cli_once([caveat, "analyze", "--json", str(path)]))
            print(f"  cli {n + 1}: " + _line(cli[-1]))
    for name, measured in (("as shipped", rows), ("late start", late), (args.compare_src, other)):
        if not measured:
            continue
        print(name)
        keys = ("shown", "first_highlights", "all_done", "longest_gap_ms", "busiest_gap_ms")
        keys += ("peak_mb", "pss_mb")
        for key in (*keys, "cpu"):
            values = [r[key] for r in measured]
            print(f"{key:>18}: median {statistics.median(values):7.2f}  (max {max(values):.2f})")
    if cli:
        cli_wall = statistics.median(float(r["wall"]) for r in cli)
        cli_cpu = statistics.median(float(r["cpu"]) for r in cli)
        window = statistics.median(r["all_done"] for r in rows)
        print(
            f"{'cli wall':>18}: median {cli_wall:7.2f}; window all_done / cli: "
            f"{window / cli_wall:.2f}"
        )
        print(
            f"{'cli cpu':>18}: median {cli_cpu:7.2f}; peak tree RSS "
            f"{statistics.median(float(r['peak_mb']) for r in cli):.0f} MB, PSS "
            f"{statistics.median(float(r['pss_mb']) for r in cli):.0f} MB"
        )
    print(f"load average now: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
