"""The reader's own lists, kept in the platform's config folder.

`ignore.txt`: words and phrases never to flag, one per line (`#` starts a comment).
`words.toml`: words the reader adds to a layer, and rules never to show. Both apply everywhere:
the window, `caveat analyze` and exports. Plain files, read without the analysis (the window's
process uses them).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
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


# --- The reader's own additions to a layer, and rules to skip: words.toml --------------------

WORDS_EXAMPLE = """\
# Caveat: your own words, added to the bundled lists. One list per layer.
[hedge]
add = ["arguably", "in theory"]

[speculation]
add = ["rumour has it"]
"""
#: the top-level key of words.toml listing rules never to show (their ids, as `caveat rules`
#: prints them): skip_rules = ["hedging-adverb", "count"]
SKIP_RULES = "skip_rules"


@dataclass(frozen=True)
class ReaderWords:
    """What words.toml asks for: words added to each layer, and rules not to show."""

    added: dict[str, list[str]] = field(default_factory=dict)
    skip_rules: frozenset[str] = frozenset()


def words_file() -> Path:
    return config_dir() / "words.toml"


def _skip_rules_problem(value: object) -> str | None:
    from caveat.rules import all_rules

    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return f'{SKIP_RULES} needs a list of rule ids: {SKIP_RULES} = ["id", ...]'
    known = [rule.id for rule in all_rules()]
    unknown = [v for v in value if v not in known]
    if unknown:
        return f"unknown rule '{unknown[0]}' in {SKIP_RULES} (known: {', '.join(known)})"
    return None


def load_reader_words(path: Path | None = None) -> tuple[ReaderWords, str | None]:
    """What words.toml asks for, and a one-line problem if the file is malformed.

    A missing file is no problem; a malformed one is ignored, with a message saying why.
    """
    import tomllib

    from caveat.layers import layer_ids

    path = path or words_file()
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        return ReaderWords(), None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return ReaderWords(), f"{path}: ignored, not valid TOML ({exc})"
    added: dict[str, list[str]] = {}
    skip: frozenset[str] = frozenset()
    for key, table in data.items():
        if key == SKIP_RULES:
            if problem := _skip_rules_problem(table):
                return ReaderWords(), f"{path}: ignored, {problem}"
            skip = frozenset(table)
            continue
        if key not in layer_ids():
            return ReaderWords(), (
                f"{path}: ignored, unknown layer [{key}] (use {', '.join(layer_ids())}, "
                f"or {SKIP_RULES} = [...] at the top)"
            )
        words = table.get("add", []) if isinstance(table, dict) else None
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            return ReaderWords(), f'{path}: ignored, [{key}] needs add = ["word", ...]'
        added[key] = [_normal(w) for w in words if w.strip()]
    return ReaderWords(added, skip), None


def load_added_words(path: Path | None = None) -> tuple[dict[str, list[str]], str | None]:
    """Per layer, the words the reader added; and a one-line problem if the file is malformed."""
    words, problem = load_reader_words(path)
    return words.added, problem


def without_rules(analysis: Analysis, rules: Collection[str]) -> Analysis:
    """`analysis` less the findings of `rules` (rule ids the reader switched off)."""
    if not rules:
        return analysis
    skipped = set(rules)
    kept = {
        layer: tuple(f for f in found if f.rule not in skipped)
        for layer, found in analysis.findings.items()
    }
    return replace(analysis, findings=kept)


def as_reader_wants(
    analysis: Analysis, text: str, skip_rules: Collection[str] = ()
) -> tuple[Analysis, str | None]:
    """`analysis` less what the reader never wants to see: words on the ignore list, rules in
    words.toml's skip_rules and in `skip_rules`; and words.toml's problem, if it has one."""
    words, problem = load_reader_words()
    kept = without_ignored(analysis, text, load_ignored_words())
    return without_rules(kept, words.skip_rules | set(skip_rules)), problem
