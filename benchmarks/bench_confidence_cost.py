"""What the confidence costs: whole `caveat analyze --json` processes, this checkout against
another (the code before confidence), interleaved in the same run, CPU time compared.

    .venv/bin/python benchmarks/bench_confidence_cost.py BASE_SRC TEXT [--runs 5]

BASE_SRC is the `src` folder of a checkout of the code to compare with (for example a
`git worktree add --detach /tmp/base main` made before this branch merged); it is put first on
PYTHONPATH for its runs, so both sides use this venv's libraries and model. Every run gets a
fresh cache folder (no cached analysis). CPU time (user + sys, the helper process included) is
what is compared, since the machine is shared; wall time is printed as well.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def one_run(src: Path | None, text: Path) -> tuple[float, float]:
    env = dict(os.environ, XDG_CACHE_HOME=tempfile.mkdtemp(prefix="caveat-bench-"))
    if src is not None:
        env["PYTHONPATH"] = str(src)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "caveat", "analyze", str(text), "--json"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("base_src", type=Path)
    ap.add_argument("text", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    sides: dict[str, list[tuple[float, float]]] = {"before": [], "after": []}
    for _ in range(args.runs):
        sides["before"].append(one_run(args.base_src, args.text))
        sides["after"].append(one_run(None, args.text))
    for side, runs in sides.items():
        cpu = [c for c, _w in runs]
        wall = [w for _c, w in runs]
        print(
            f"{side:6s} CPU median {statistics.median(cpu):.2f} s "
            f"(min {min(cpu):.2f}, max {max(cpu):.2f}); wall median {statistics.median(wall):.2f} s"
        )
    before = statistics.median(c for c, _w in sides["before"])
    after = statistics.median(c for c, _w in sides["after"])
    print(f"CPU after/before: {after / before:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
