"""Fixtures for the packaging tests: the CI gate for slow builds, and running a program offline.

Tests marked `bundle` build a PyInstaller bundle or a venv (minutes, hundreds of MB): they run
only when `CI` or `CAVEAT_BUNDLE_TEST` is set, so a developer's quick `pytest` stays quick.
"""

from __future__ import annotations

import subprocess
import warnings
from collections.abc import Sequence
from pathlib import Path

import pytest
from packaging_support import (
    RunOffline,
    bundle_tests_enabled,
    network_namespace_prefix,
    offline_env,
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A skip mark, not a fixture: module-scoped fixtures (the bundle build) would run first.
    if bundle_tests_enabled():
        return
    skip = pytest.mark.skip(
        reason="builds a bundle or a venv: set CAVEAT_BUNDLE_TEST=1 (CI sets CI=true)"
    )
    for item in items:
        if item.get_closest_marker("bundle"):
            item.add_marker(skip)


@pytest.fixture
def run_offline(tmp_path: Path) -> RunOffline:
    """Run a command outside the checkout, in a network namespace where the system allows one."""
    home = tmp_path / "home"
    home.mkdir()
    env = offline_env(home)
    prefix = network_namespace_prefix()
    if not prefix:
        warnings.warn(
            "no network namespace here (unshare refused): offline runs rely on proxies that "
            "lead nowhere (and, in the wheel's venv, an audit hook that refuses sockets)",
            stacklevel=2,
        )

    def run(argv: Sequence[str | Path]) -> subprocess.CompletedProcess[str]:
        command = [*prefix, *map(str, argv)]
        return subprocess.run(
            command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600
        )

    return run
