"""Whole processes against whole processes: `caveat analyze --json` beside the naive spaCy pipeline.

    .venv/bin/python benchmarks/end_to_end.py [--runs 5] [--words 100000] [--only news|sample]

For each input (100,000 words of real news, the bundled sample and ../shared/samples'
Syria article) both commands run as fresh processes with a fresh cache folder (XDG_CACHE_HOME),
interleaved (naive then Caveat, then Caveat then naive, ...) so that both meet the same load.
Each run reports wall time, CPU time (user + sys of the whole process tree: the helper process
included, from wait4's resource usage) and the peak of the summed resident memory of the process
tree (polled from /proc every 20 ms). Medians are printed with the ratio Caveat / naive.
The naive baseline is ../shared/tools/naive_spacy.py: spaCy's full small pipeline over the text
paragraph by paragraph with `nlp.pipe`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from news_corpus import CORPORA  # noqa: E402
from news_text import write_news  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = CORPORA.parent
NAIVE = SHARED / "tools" / "naive_spacy.py"
CAVEAT = Path(sys.executable).with_name("caveat")


def tree_rss_kb(root: int) -> int:
    """The resident memory of `root` and all its descendants, summed."""
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
                    break
            for task in Path(f"/proc/{pid}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue  # the process ended meanwhile
    return total


def wait_with_peak(process: subprocess.Popen[bytes]) -> tuple[os.struct_rusage, int]:
    """Wait for `process`, polling its tree's memory: its resource usage and peak RSS in KB."""
    peak = 0
    while True:
        peak = max(peak, tree_rss_kb(process.pid))
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            process.returncode = os.waitstatus_to_exitcode(status)
            return usage, peak
        time.sleep(0.02)


def run_once(command: list[str]) -> dict[str, float | str]:
    """Run `command` to its end with a fresh cache folder: wall, CPU, peak tree RSS, digest."""
    with (
        tempfile.TemporaryDirectory(prefix="caveat-e2e-") as cache,
        tempfile.TemporaryFile() as out,
    ):
        env = {**os.environ, "XDG_CACHE_HOME": cache}
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE, env=env)
        usage, peak = wait_with_peak(process)
        wall = time.perf_counter() - start
        if process.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode()}")
        process.stderr.close()
        out.seek(0)
        digest = _findings_digest(out.read()) if "--json" in command else ""
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mb": max(peak, usage.ru_maxrss) / 1024,
        "digest": digest,
    }


def _findings_digest(stdout: bytes) -> str:
    """A short digest of what was found (findings and metrics), to compare runs and versions."""
    analysis = json.loads(stdout)
    kept = {key: analysis[key] for key in ("findings", "metrics", "block_metrics")}
    return hashlib.sha256(json.dumps(kept, sort_keys=True).encode()).hexdigest()[:12]


def inputs(only: str | None, words: int, folder: Path) -> dict[str, Path]:
    chosen: dict[str, Path] = {}
    if only in (None, "news"):
        chosen[f"news, {words:,} words"] = write_news(words, folder)
    if only in (None, "sample"):
        chosen["caveat-sample.md"] = REPO / "resources" / "samples" / "caveat-sample.md"
        syria = SHARED / "samples" / "syria-opinion.txt"
        if syria.exists():
            chosen["syria-opinion.txt"] = syria
    return chosen


def warm_up(args: argparse.Namespace) -> None:
    """One untimed run of each side on the sample, allowed to write bytecode: every timed run
    then finds compiled modules, as an installed program does (pip compiles them), whatever
    PYTHONDONTWRITEBYTECODE says here."""
    sample = REPO / "resources" / "samples" / "caveat-sample.md"
    commands = [[sys.executable, str(NAIVE), str(sample)], [args.caveat, "analyze", str(sample)]]
    if args.compare:
        commands.append([*shlex.split(args.compare), "analyze", str(sample)])
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for command in commands:
        subprocess.run(command, env=env, capture_output=True, check=True)


def median(rows: list[dict], key: str) -> float:
    return statistics.median(float(r[key]) for r in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--only", choices=("news", "sample"))
    parser.add_argument("--caveat", default=str(CAVEAT), help="the caveat command to time")
    parser.add_argument(
        "--compare",
        metavar="COMMAND",
        help="another caveat command to time in the same runs (a version before a change), "
        "e.g. 'env PYTHONPATH=/path/to/old/src .venv/bin/python -m caveat'",
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="caveat-e2e-text-"))
    warm_up(args)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # the same for both sides
    print(f"load average at start: {os.getloadavg()[0]:.1f} (2 cores: above 2 is contention)")
    for name, path in inputs(args.only, args.words, folder).items():
        commands = {
            "naive": [sys.executable, str(NAIVE), str(path)],
            "caveat": [args.caveat, "analyze", "--json", str(path)],
        }
        if args.compare:
            commands["before"] = [*shlex.split(args.compare), "analyze", "--json", str(path)]
        rows: dict[str, list[dict]] = {side: [] for side in commands}
        for n in range(args.runs):
            order = list(commands) if n % 2 == 0 else list(reversed(commands))
            for side in order:
                rows[side].append(run_once(commands[side]))
        print(f"\n{name} ({args.runs} runs each, interleaved; medians)")
        for side, measured in rows.items():
            walls = ", ".join(f"{r['wall']:.2f}" for r in measured)
            print(
                f"  {side:6} wall {median(measured, 'wall'):6.2f} s  cpu "
                f"{median(measured, 'cpu'):6.2f} s  peak tree RSS "
                f"{median(measured, 'peak_mb'):5.0f} MB   (walls: {walls})"
            )
        digests = {str(r["digest"]) for side in ("caveat", "before") for r in rows.get(side, [])}
        wall = median(rows["caveat"], "wall") / median(rows["naive"], "wall")
        cpu = median(rows["caveat"], "cpu") / median(rows["naive"], "cpu")
        print(
            f"  ratio caveat/naive: wall {wall:.2f}, cpu {cpu:.2f}"
            f"; findings digests (all runs, both versions) {', '.join(sorted(digests))}"
        )
        if "before" in rows:
            wall = median(rows["before"], "wall") / median(rows["naive"], "wall")
            cpu = median(rows["before"], "cpu") / median(rows["naive"], "cpu")
            print(f"  ratio before/naive: wall {wall:.2f}, cpu {cpu:.2f}")
        print(f"  load average now: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
