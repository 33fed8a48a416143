"""Shared fixtures. Qt runs offscreen and user folders point at a temporary place, so tests
never touch the real config, cache or screen."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# spaCy imports urllib3, which opens (and closes) an IPv6 socket at import time to probe for IPv6
# support: no traffic, but pytest-socket would report it. Import it before sockets are disabled.
import urllib3  # noqa: F401

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_user_home = Path(tempfile.mkdtemp(prefix="caveat-tests-"))
os.environ["XDG_CONFIG_HOME"] = str(_user_home / "config")
os.environ["XDG_CACHE_HOME"] = str(_user_home / "cache")
os.environ["XDG_DATA_HOME"] = str(_user_home / "data")

REPO = Path(__file__).resolve().parents[1]
# ../shared beside the checkout, or beside the folder of git worktrees (/work/wt/<branch>)
SHARED = next(
    (p / "shared" for p in (REPO.parent, REPO.parent.parent) if (p / "shared").is_dir()),
    REPO.parent / "shared",
)
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def local_site():
    """A web site on 127.0.0.1 (tests/helpers/local_site.py); the test needs
    `@pytest.mark.allow_hosts(["127.0.0.1"])`."""
    from helpers.local_site import LocalSite

    site = LocalSite()
    yield site
    site.close()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def syria_article(shared_dir: Path) -> Path:
    return shared_dir / "samples" / "syria-opinion.txt"


@pytest.fixture(scope="session")
def bundled_sample() -> Path:
    from caveat.resources import sample_article

    return sample_article()


@pytest.fixture(scope="session")
def pipeline():
    """The real model pipeline with all detectors, loaded once for the session."""
    from caveat.analysis.pipeline.load import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def rules_pipeline():
    """The rule-based fallback (no model)."""
    from caveat.analysis.pipeline.load import load_pipeline

    return load_pipeline("rules")


@pytest.fixture(scope="session")
def flags(pipeline):
    """flags(text, layer[, sensitivity]) -> list of (flagged text, rule) the layer finds in
    `text` and shows at that sensitivity (default: balanced, what a reader sees)."""

    def run(text: str, layer: str, sensitivity: str = "balanced") -> list[tuple[str, str]]:
        from caveat.analysis.pipeline.spans import spans_at

        nlp, _info = pipeline
        doc = nlp(text)
        return [(span.text, span.label_) for span in spans_at(doc, layer, sensitivity)]

    return run
