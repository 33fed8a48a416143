"""Which layers the reader shows: view state shared by every tab, kept apart from the widgets."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from caveat.gui.rule_visibility import RuleVisibility
from caveat.gui.settings import Settings
from caveat.layers import layer_ids


class LayerVisibility(QObject):
    """The visible layers; `changed` fires on every toggle and the choice is saved at once."""

    changed = Signal(str, bool)  # layer id, visible
    sensitivity_changed = Signal(str)  # the level now shown

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._visible = settings.visible_layers()
        #: the rules shown within the visible layers
        self.rules = RuleVisibility(settings, self)
        #: how sure a finding must be to be shown (caveat.sensitivity); filters, never re-runs
        self._sensitivity = settings.sensitivity()

    def sensitivity(self) -> str:
        return self._sensitivity

    def set_sensitivity(self, level: str) -> None:
        if level == self._sensitivity:
            return
        self._sensitivity = level
        self._settings.set_sensitivity(level)
        self.sensitivity_changed.emit(level)

    def is_visible(self, layer: str) -> bool:
        return layer in self._visible

    def visible(self) -> tuple[str, ...]:
        return tuple(layer for layer in layer_ids() if layer in self._visible)

    def set_visible(self, layer: str, visible: bool) -> None:
        if visible == (layer in self._visible):
            return
        if visible:
            self._visible.add(layer)
        else:
            self._visible.discard(layer)
        self._settings.set_layer_visible(layer, visible)
        self.changed.emit(layer, visible)

    def toggle(self, layer: str) -> None:
        self.set_visible(layer, layer not in self._visible)
