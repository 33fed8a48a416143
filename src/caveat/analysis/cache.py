"""A cache of finished analyses, so reopening an unchanged file shows its findings at once.

Keyed by the document's content, the layers, the pipeline, the reader's added words, and a
fingerprint of every module the analysis runs and every lexicon it reads: any change there
misses the cache. Entries are JSON files in the platform
cache folder; the folder is size-bounded (oldest entries go first) and safe to delete.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir

from caveat import __version__, reader_words
from caveat.document import Document
from caveat.findings import Analysis, Finding, PipelineInfo
from caveat.layers import Layer, all_layers
from caveat.resources import resource_path

MAX_BYTES = 200 * 1024 * 1024
_HASH_CHUNK = 1 << 20  # characters of the text encoded at a time for its key
PACKAGE = Path(__file__).resolve().parents[1]  # src/caveat


def cache_dir() -> Path:
    return Path(user_cache_dir("caveat", appauthor=False)) / "analyses"


def fingerprint_sources(layers: tuple[Layer, ...] | None = None) -> list[Path]:
    """Every file whose change must miss the cache: the analysis package, the top-level modules
    it uses (the data it exchanges, the registry, the rules and their messages, the lexicon
    loader, the reader's words; all of them, so a new one is never missed), each layer's module
    (a plugin's too) and lexicon, the bundled lexicons and the confidence calibration."""
    layers = all_layers() if layers is None else layers
    files = sorted((PACKAGE / "analysis").rglob("*.py")) + sorted(PACKAGE.glob("*.py"))
    for layer in layers:
        spec = importlib.util.find_spec(layer.module)
        if spec is not None and spec.origin and spec.origin.endswith(".py"):
            files.append(Path(spec.origin).resolve())
        if layer.lexicon.endswith(".toml"):
            files.append(Path(layer.lexicon).resolve())
    files += sorted(resource_path("lexicons").glob("*.toml"))
    # the fitted confidence calibration: a refit changes every finding's confidence
    files += sorted(resource_path("confidence").glob("*.json"))
    return list(dict.fromkeys(files))


@cache
def _code_fingerprint(layers: tuple[Layer, ...]) -> str:
    digest = hashlib.sha256(__version__.encode())
    for path in fingerprint_sources(layers):
        name = path.relative_to(PACKAGE) if path.is_relative_to(PACKAGE) else Path(path.name)
        digest.update(name.as_posix().encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            # A PyInstaller bundle carries compiled modules, not these files: its build (below)
            # stands for them. Lexicons are real files there too and are still read.
            if not getattr(sys, "frozen", False):
                raise
    if getattr(sys, "frozen", False):
        build = Path(sys.executable).stat()
        digest.update(f"{build.st_size}:{build.st_mtime_ns}".encode())
    return digest.hexdigest()


def code_fingerprint() -> str:
    """The fingerprint of the analysis code and lexicons, computed once per process."""
    return _code_fingerprint(all_layers())


def cache_key(document: Document, layers: tuple[str, ...], pipeline: PipelineInfo) -> str:
    digest = hashlib.sha256(code_fingerprint().encode())
    added, _problem = reader_words.load_added_words()
    digest.update(repr(sorted(added.items())).encode())
    digest.update(f"{pipeline.label()}|{','.join(layers)}|{document.format}".encode())
    text = document.text
    for start in range(0, len(text), _HASH_CHUNK):  # a 50 MB text is not encoded whole at once
        digest.update(text[start : start + _HASH_CHUNK].encode("utf-8", "surrogatepass"))
    for block in document.blocks:
        digest.update(f"{block.start},{block.end},{block.kind},{block.level};".encode())
    for link in document.links:
        digest.update(f"{link.start},{link.end};".encode())
    return digest.hexdigest()[:40]


def _to_json(analysis: Analysis) -> dict[str, Any]:
    return {
        "layers": list(analysis.layers),
        "findings": [
            [f.start, f.end, f.layer, f.rule, f.message, f.confidence]
            for f in analysis.all_findings()
        ],
        "metrics": dict(analysis.metrics),
        "block_metrics": {str(i): dict(m) for i, m in analysis.block_metrics.items()},
        "pipeline": [analysis.pipeline.name, analysis.pipeline.version, analysis.pipeline.notice],
        "words": analysis.words,
    }


def _from_json(data: dict[str, Any]) -> Analysis:
    layers = tuple(data["layers"])
    findings: dict[str, list[Finding]] = {layer: [] for layer in layers}
    for start, end, layer, rule, message, confidence in data["findings"]:
        findings[layer].append(Finding(start, end, layer, rule, message, confidence))
    return Analysis(
        findings={layer: tuple(found) for layer, found in findings.items()},
        metrics=data["metrics"],
        block_metrics={int(i): m for i, m in data["block_metrics"].items()},
        pipeline=PipelineInfo(*data["pipeline"]),
        words=data["words"],
        layers=layers,
    )


def load(key: str) -> Analysis | None:
    path = cache_dir() / f"{key}.json"
    try:
        with open(path, encoding="utf-8") as fh:
            analysis = _from_json(json.load(fh))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        path.unlink(missing_ok=True)  # a damaged entry is only a miss
        return None
    os.utime(path)  # recently used entries are the last to be trimmed
    return analysis


def store(key: str, analysis: Analysis) -> None:
    """Save `analysis`; a cache that cannot be written is silently skipped."""
    if analysis.cancelled:
        return
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f"{key}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:  # written as made, not as one string
            json.dump(_to_json(analysis), fh, ensure_ascii=False)
        tmp.replace(folder / f"{key}.json")
        trim(folder, MAX_BYTES)
    except OSError:
        return


def trim(folder: Path, max_bytes: int) -> None:
    """Delete the least recently used entries until the folder holds at most `max_bytes`."""
    entries = []
    for path in folder.glob("*.json"):
        try:
            stat = path.stat()
        except OSError:
            continue
        entries.append((stat.st_mtime, stat.st_size, path))
    total = sum(size for _mtime, size, _path in entries)
    for _mtime, size, path in sorted(entries):
        if total <= max_bytes:
            break
        path.unlink(missing_ok=True)
        total -= size


def _pipelines_file() -> Path:
    return cache_dir() / "pipelines.json"


def remember_pipeline(model: str | None, info: PipelineInfo) -> None:
    """Note which pipeline `model` (None: the default choice) gave, for the next start."""
    try:
        known = json.loads(_pipelines_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    if known.get(model or "") == [info.name, info.version, info.notice]:
        return  # noted already: no write
    known[model or ""] = [info.name, info.version, info.notice]
    try:
        _pipelines_file().parent.mkdir(parents=True, exist_ok=True)
        _pipelines_file().write_text(json.dumps(known), encoding="utf-8")
    except OSError:
        return


def remembered_pipeline(model: str | None) -> PipelineInfo | None:
    """The pipeline `model` gave last time: lets a window look up cached results before its own
    pipeline has loaded (reopening a file then shows its findings at once)."""
    try:
        known = json.loads(_pipelines_file().read_text(encoding="utf-8"))
        return PipelineInfo(*known[model or ""])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def load_before_pipeline(
    document: Document, layers: tuple[str, ...], model: str | None
) -> Analysis | None:
    """A finished analysis of this document from the cache, looked up under the pipeline `model`
    gave last time, before loading it: a file analysed before comes back without spaCy's import
    and the model's load (0.4-0.6 s). Only while that model package is still the installed
    version; never for the rule-based fallback, which a model installed since would replace."""
    last = remembered_pipeline(model)
    if last is None or last.is_fallback or _installed_version(last.name) != last.version:
        return None
    return load(cache_key(document, layers, last))


def _installed_version(package: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except (PackageNotFoundError, ValueError):
        return None
