"""The reader's filters (dismissals and the ignore list) and the undoable changes to them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from caveat.gui import theme
from caveat.gui.view_filters import Dismissal, DismissalStore, IgnoreList


class ReaderFilters(QObject):
    """Both stores behind one `changed` signal, so every open tab can refresh."""

    changed = Signal()

    def __init__(
        self,
        dismissals: DismissalStore | None = None,
        ignore_list: IgnoreList | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.dismissals = dismissals or DismissalStore()
        self.ignore_list = ignore_list or IgnoreList()

    def dismissed(self, source: Path | None) -> frozenset[Dismissal]:
        return self.dismissals.for_file(source)

    def ignored(self) -> set[str]:
        return self.ignore_list.words()

    def dismiss(self, source: Path | None, dismissal: Dismissal, dismissed: bool) -> None:
        if dismissed:
            self.dismissals.add(source, dismissal)
        else:
            self.dismissals.remove(source, dismissal)
        self.changed.emit()

    def ignore(self, word: str, ignored: bool) -> None:
        if ignored:
            self.ignore_list.add(word)
        else:
            self.ignore_list.remove(word)
        self.changed.emit()


class DismissCommand(QUndoCommand):
    """ "Not a hedge here" for one finding in one file."""

    def __init__(self, filters: ReaderFilters, source: Path | None, dismissal: Dismissal) -> None:
        words = " ".join(dismissal.text.split())
        super().__init__(f"Not {theme.layer_noun(dismissal.layer)}: ‘{words}’")
        self._filters, self._source, self._dismissal = filters, source, dismissal

    def redo(self) -> None:
        self._filters.dismiss(self._source, self._dismissal, True)

    def undo(self) -> None:
        self._filters.dismiss(self._source, self._dismissal, False)


class IgnoreWordCommand(QUndoCommand):
    """ "Never flag 'word'": added to the shared ignore list, removed again on undo."""

    def __init__(self, filters: ReaderFilters, word: str) -> None:
        word = " ".join(word.split())
        super().__init__(f"Never flag ‘{word}’")
        self._filters, self._word = filters, word
        # undo must not remove a word that was on the list before
        self._was_listed = word.lower() in filters.ignored()

    def redo(self) -> None:
        if not self._was_listed:
            self._filters.ignore(self._word, True)

    def undo(self) -> None:
        if not self._was_listed:
            self._filters.ignore(self._word, False)
