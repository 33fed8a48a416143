"""The window as a real process: SIGTERM and SIGINT close it as File > Quit does, and whatever
ends it, every process it started is gone within 5 seconds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from process_tree import catches, descendants, running, wait_until

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc"),
]


@pytest.fixture
def window(tmp_path: Path, bundled_sample: Path):
    """A window process on the sample (offscreen, its own config and cache), once the window
    handles quit signals and its analysis process is up (forked before Qt starts, so without
    multiprocessing's resource tracker, which only a spawned process needs)."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "caveat", str(bundled_sample)],
        env=env,
        stderr=subprocess.DEVNULL,
    )
    try:
        up = lambda: catches(process.pid, signal.SIGTERM) and descendants(process.pid)  # noqa: E731
        assert wait_until(up, timeout=60)
        yield process
    finally:
        process.kill()
        process.wait(timeout=10)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_quit_signal_closes_the_window_and_ends_its_processes(window, sig, tmp_path):
    children = descendants(window.pid)
    window.send_signal(sig)
    assert window.wait(timeout=10) == 128 + sig
    assert (tmp_path / "config" / "caveat" / "settings.ini").exists(), "saved as on Quit"
    assert wait_until(lambda: not any(running(c) for c in children), timeout=5)


def test_killing_the_window_ends_its_processes_within_5_s(window):
    children = descendants(window.pid)
    window.send_signal(signal.SIGKILL)
    window.wait(timeout=10)
    assert wait_until(lambda: not any(running(c) for c in children), timeout=5), [
        c for c in children if running(c)
    ]
