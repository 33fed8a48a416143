"""A helper process ends soon after its parent, however the parent ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from process_tree import running, wait_until

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

# A parent that starts one helper through a process pool, as Caveat does, and says its pid.
PARENT = """
import os, sys, threading
from concurrent.futures import ProcessPoolExecutor
import multiprocessing
from caveat.lifeline import exit_with_parent

if __name__ == "__main__":
    pool = ProcessPoolExecutor(
        1,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=exit_with_parent,
        initargs=(os.getpid(), sys.argv[1] == "main-thread"),
    )
    print(pool.submit(os.getpid).result(), flush=True)
    threading.Event().wait()
"""


@pytest.mark.parametrize("started_from", ["main-thread", "watchdog-only"])
def test_helper_exits_within_seconds_of_its_parent_being_killed(started_from, tmp_path):
    script = tmp_path / "parent.py"
    script.write_text(PARENT, encoding="utf-8")
    parent = subprocess.Popen(
        [sys.executable, str(script), started_from], stdout=subprocess.PIPE, text=True
    )
    try:
        assert parent.stdout is not None
        helper = int(parent.stdout.readline())
        assert running(helper)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)
        assert wait_until(lambda: not running(helper), timeout=5), "the helper outlived it"
    finally:
        parent.kill()
        parent.wait(timeout=10)
