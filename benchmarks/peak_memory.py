"""Run a command and report its time and the peak memory of its whole process tree.

The peak is of the SUM over the command and every process it starts (the analysis helper
process included), polled from /proc every 50 ms: what the machine has to hold at once. A
forked helper shares pages with its parent until either writes them, so the sum of resident
sizes (RSS) counts those twice; the sum of proportional sizes (PSS, each shared page split
between its sharers) does not, and is reported beside it.

    python benchmarks/peak_memory.py -- caveat analyze big.txt --json -o /dev/null
    python benchmarks/peak_memory.py --json -- python -m caveat analyze big.txt

Prints one line: seconds of wall clock, seconds of CPU (user+sys of the whole tree), peak RSS
sum and peak PSS sum in MB, the most processes seen at once, and the exit status.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path


def _children() -> dict[int, list[int]]:
    """Every process's children, from /proc/*/stat."""
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _tree(root: int) -> list[int]:
    children = _children()
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _kilobytes(pid: int, field: str, name: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def measure(command: list[str], interval: float = 0.05) -> dict[str, float]:
    started = time.perf_counter()
    process = subprocess.Popen(command)
    peak_rss = peak_pss = most = 0
    each: dict[int, int] = {}  # every process's own peak RSS
    while process.poll() is None:
        pids = _tree(process.pid)
        most = max(most, len(pids))
        sizes = {p: _kilobytes(p, "VmRSS:", "status") for p in pids}
        for pid, size in sizes.items():
            each[pid] = max(each.get(pid, 0), size)
        peak_rss = max(peak_rss, sum(sizes.values()))
        peak_pss = max(peak_pss, sum(_kilobytes(p, "Pss:", "smaps_rollup") for p in pids))
        time.sleep(interval)
    wall = time.perf_counter() - started
    usage = os.times()
    return {
        "wall_s": round(wall, 1),
        "cpu_s": round(usage.children_user + usage.children_system, 1),
        "peak_rss_mb": round(peak_rss / 1024),
        "peak_pss_mb": round(peak_pss / 1024),
        "processes": most,
        "each_peak_rss_mb": [round(kb / 1024) for kb in each.values() if kb > 20 * 1024],
        "status": process.returncode,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- COMMAND ARGS...")
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given")
    result = measure(command)
    if args.json:
        print(json.dumps(result), file=sys.stderr)
    else:
        print(
            f"{result['wall_s']} s wall, {result['cpu_s']} s CPU, peak {result['peak_rss_mb']} MB"
            f" RSS / {result['peak_pss_mb']} MB PSS over {result['processes']} processes"
            f" (each at its peak: {result['each_peak_rss_mb']} MB), exit {result['status']}",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
