"""The reader's own lists, kept in the platform's config folder.

`ignore.txt`: words and phrases never to flag, one per line (`#` starts a comment).
`words.toml`: words the reader adds to a layer. Both apply everywhere: the window, `caveat
analyze` and exports. Plain files, read without the analysis (the window's process uses them).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from platformdirs import user_config_dir

from caveat.findings import Analysis


def config_dir() -> Path:
    return Path(user_config_dir("caveat", appauthor=False))


def ignore_file() -> Path:
    return config_dir() / "ignore.txt"


def _normal(word: str) -> str:
    return " ".join(word.lower().split())


def load_ignored_words(path: Path | None = None) -> set[str]:
    """The ignored words, lower-cased; an unreadable file counts as empty."""
    path = path or ignore_file()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return set()
    return {_normal(line.split("#", 1)[0]) for line in lines} - {""}


def _save(words: set[str], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    body = "# Words and phrases Caveat never flags, one per line.\n"
    tmp.write_text(body + "".join(f"{w}\n" for w in sorted(words)), encoding="utf-8")
    tmp.replace(path)


def add_ignored_word(word: str, path: Path | None = None) -> None:
    path = path or ignore_file()
    _save(load_ignored_words(path) | {_normal(word)}, path)


def remove_ignored_word(word: str, path: Path | None = None) -> None:
    path = path or ignore_file()
    _save(load_ignored_words(path) - {_normal(word)}, path)


def without_ignored(analysis: Analysis, text: str, ignored: set[str]) -> Analysis:
    """`analysis` less the findings whose words are on the ignore list."""
    if not ignored:
        return analysis
    kept = {
        layer: tuple(f for f in found if _normal(text[f.start : f.end]) not in ignored)
        for layer, found in analysis.findings.items()
    }
    return replace(analysis, findings=kept)


# --- The reader's own additions to a layer: words.toml ---------------------------------------

WORDS_EXAMPLE = """\
# Caveat: your own words, added to the bundled lists. One list per layer.
[hedge]
add = ["arguably", "in theory"]

[speculation]
add = ["rumour has it"]
"""


def words_file() -> Path:
    return config_dir() / "words.toml"


def load_added_words(path: Path | None = None) -> tuple[dict[str, list[str]], str | None]:
    """Per layer, the words the reader added; and a one-line problem if the file is malformed.

    A missing file is no problem; a malformed one is ignored, with a message saying why.
    """
    import tomllib

    from caveat.layers import layer_ids

    path = path or words_file()
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        return {}, None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, f"{path}: ignored, not valid TOML ({exc})"
    added: dict[str, list[str]] = {}
    for layer, table in data.items():
        if layer not in layer_ids():
            return {}, f"{path}: ignored, unknown layer [{layer}] (use {', '.join(layer_ids())})"
        words = table.get("add", []) if isinstance(table, dict) else None
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            return {}, f'{path}: ignored, [{layer}] needs add = ["word", ...]'
        added[layer] = [_normal(w) for w in words if w.strip()]
    return added, None
