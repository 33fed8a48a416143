"""Child processes that end when the process that started them ends, however it ends.

A helper process (the window's analysis process, its export process, the command line's second
analysis process) waits on a queue that it holds open itself, so it never learns that its parent
was killed or crashed: it stayed, 180 MB, parented to init, and kept multiprocessing's resource
tracker alive with it. `exit_with_parent`, run first in the child, makes it leave within a
second of its parent, by two means: Linux's parent-death signal where there is one, and on every
system a watchdog thread that sees the parent change. The resource tracker then ends by itself:
it reads a pipe until the last process holding it open is gone.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
POLL_SECONDS = 0.5


def _ask_for_a_signal_when_the_parent_dies() -> None:
    """Linux: SIGTERM from the kernel as soon as the parent is gone (nothing elsewhere)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # the watchdog still ends us


def _watch(parent_pid: int) -> None:
    """Leave as soon as the parent changes (it died; init or a subreaper adopted us)."""
    while True:
        time.sleep(POLL_SECONDS)
        if os.getppid() != parent_pid:
            os._exit(0)  # nothing of ours to save: the parent owned every result


def exit_with_parent(parent_pid: int, from_main_thread: bool = True) -> None:
    """Run first in a child process: it exits soon after process `parent_pid` ends.

    `from_main_thread`: whether the parent started this child from its main thread. Linux sends
    the parent-death signal when the *thread* that started the child ends, so it is asked for
    only then; the watchdog covers the rest. Ctrl+C in a terminal reaches every process of the
    window; the child ignores it and is ended by its parent (or by the watchdog).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if from_main_thread:
        _ask_for_a_signal_when_the_parent_dies()
    if os.getppid() != parent_pid:
        os._exit(0)  # the parent died before we could ask
    threading.Thread(target=_watch, args=(parent_pid,), name="caveat-lifeline", daemon=True).start()


def lifeline_args() -> tuple[int, bool]:
    """The arguments for `exit_with_parent`, taken in the parent that starts the child."""
    return os.getpid(), threading.current_thread() is threading.main_thread()
