"""Which rules the reader shows: view state shared by every tab, like the layers' visibility.

A rule is hidden when the reader switched it off in the side panel (remembered in Settings) or
when words.toml lists it in `skip_rules` (which the command line honours as well). Hiding a rule
filters what is shown; it never runs the analysis again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from caveat.gui.settings import Settings
from caveat.reader_words import load_reader_words


class RuleVisibility(QObject):
    """The hidden rules; `changed` fires on every switch and the choice is saved at once."""

    changed = Signal(str, bool)  # rule id, visible

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._switched_off = settings.hidden_rules()
        self._words_file: frozenset[str] = frozenset()
        self.read_words_file()

    def read_words_file(self) -> None:
        """Take words.toml's skip_rules (again); a malformed file skips nothing."""
        words, _problem = load_reader_words()  # the window names a problem in its message bar
        self._words_file = words.skip_rules

    def skipped_by_words_file(self, rule: str) -> bool:
        return rule in self._words_file

    def is_visible(self, rule: str) -> bool:
        return rule not in self._switched_off and rule not in self._words_file

    def hidden(self) -> frozenset[str]:
        return frozenset(self._switched_off | self._words_file)

    def set_visible(self, rule: str, visible: bool) -> None:
        if visible == (rule not in self._switched_off):
            return
        if visible:
            self._switched_off.discard(rule)
        else:
            self._switched_off.add(rule)
        self._settings.set_hidden_rules(self._switched_off)
        self.changed.emit(rule, self.is_visible(rule))
