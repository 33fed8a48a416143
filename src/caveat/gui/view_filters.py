"""What the reader has chosen not to see: dismissed findings per file and the ignore list.

Both are plain data kept in the platform's config folder; `analysis_as_seen` applies them (and
the visible layers) to an Analysis, so the window and the PDF export show the same findings.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from caveat import reader_words
from caveat.document import Document
from caveat.findings import Analysis, Finding
from caveat.sensitivity import DEFAULT_LEVEL, at_level


@dataclass(frozen=True)
class Dismissal:
    """One finding the reader rejected, recognised by where it is and what it covers."""

    layer: str
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, finding: Finding, document: Document) -> Dismissal:
        return cls(
            finding.layer, finding.start, finding.end, document.text[finding.start : finding.end]
        )

    def matches(self, finding: Finding, document: Document) -> bool:
        return self == Dismissal.of(finding, document)


def _file_key(source: Path | None) -> str:
    return str(source.resolve()) if source else ""


class DismissalStore:
    """Dismissals per file in `dismissed.json`; documents without a file are kept in memory."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or reader_words.config_dir() / "dismissed.json"
        self._by_file: dict[str, set[Dismissal]] = self._read()

    def _read(self) -> dict[str, set[Dismissal]]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return {key: {Dismissal(**item) for item in items} for key, items in raw.items()}
        except (OSError, ValueError, TypeError):
            return {}  # a missing or damaged file means nothing was dismissed

    def _write(self) -> None:
        body = {
            key: [asdict(d) for d in sorted(items, key=lambda d: (d.start, d.layer))]
            for key, items in self._by_file.items()
            if key and items
        }
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(body, indent=1, ensure_ascii=False), encoding="utf-8")
            tmp.replace(self.path)
        except OSError:
            pass  # an unwritable config folder must not break reading; the choice lasts the session

    def for_file(self, source: Path | None) -> frozenset[Dismissal]:
        return frozenset(self._by_file.get(_file_key(source), ()))

    def add(self, source: Path | None, dismissal: Dismissal) -> None:
        self._by_file.setdefault(_file_key(source), set()).add(dismissal)
        self._write()

    def remove(self, source: Path | None, dismissal: Dismissal) -> None:
        self._by_file.get(_file_key(source), set()).discard(dismissal)
        self._write()


class IgnoreList:
    """The shared "never flag" words (see caveat.reader_words), at an optional path."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path

    def words(self) -> set[str]:
        return reader_words.load_ignored_words(self.path)

    def add(self, word: str) -> None:
        reader_words.add_ignored_word(word, self.path)

    def remove(self, word: str) -> None:
        reader_words.remove_ignored_word(word, self.path)


def analysis_as_seen(
    analysis: Analysis,
    document: Document,
    visible: Iterable[str],
    dismissed: frozenset[Dismissal],
    ignored: set[str],
    hidden_rules: Collection[str] = (),
    sensitivity: str = DEFAULT_LEVEL,
) -> Analysis:
    """`analysis` limited to the visible layers, less dismissed and ignored findings, the
    findings of hidden rules and those the sensitivity level does not show.

    Counts and densities follow, since Analysis derives them from its findings.
    """
    shown = tuple(layer for layer in analysis.layers if layer in set(visible))
    trimmed = reader_words.without_ignored(analysis, document.text, ignored)
    trimmed = at_level(reader_words.without_rules(trimmed, hidden_rules), sensitivity)
    dismissed_keys = {(d.layer, d.start, d.end, d.text) for d in dismissed}
    findings = {
        layer: tuple(
            f
            for f in trimmed.findings.get(layer, ())
            if (f.layer, f.start, f.end, document.text[f.start : f.end]) not in dismissed_keys
        )
        for layer in shown
    }
    return replace(analysis, findings=findings, layers=shown)
