"""The finding card's "About this rule": the rule's title, why it matters, and its examples.

Folded by default so the card stays small; once the reader opens it, it stays open while they
step from finding to finding. Read from the rule tables (caveat.rules), never from the analysis.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QToolButton, QVBoxLayout, QWidget

from caveat.gui import theme
from caveat.gui.rule_list import title_of
from caveat.rules import Rule, get_rule

EXAMPLES_SHOWN = 3  # of each kind: enough to see the pattern, short enough for the card


def find_rule(rule_id: str) -> Rule | None:
    try:
        return get_rule(rule_id)
    except KeyError:
        return None


def _examples(heading: str, sentences: tuple[str, ...]) -> str:
    if not sentences:
        return ""
    items = "".join(f"<li>{html.escape(s)}</li>" for s in sentences[:EXAMPLES_SHOWN])
    return f"<p style='margin-bottom:0'>{heading}</p><ul style='margin-top:0'>{items}</ul>"


def describe(rule: Rule | None, rule_id: str) -> str:
    """The rule as rich text: title and id, why, and what it flags and leaves alone."""
    if rule is None:
        return (
            f"<p><b>{html.escape(title_of(rule_id))}</b> ({html.escape(rule_id)})</p>"
            "<p>This rule has no entry in Caveat's rule tables.</p>"
        )
    why = rule.why or "No explanation has been written for this rule yet."
    return (
        f"<p><b>{html.escape(rule.title)}</b> ({html.escape(rule.id)})</p>"
        f"<p>{html.escape(why)}</p>"
        + _examples("It flags, for example:", rule.flag)
        + _examples("It leaves alone:", rule.not_flag)
    )


class RuleAbout(QWidget):
    """A fold-out under the finding: what the finding's rule is and why it is there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton()
        self.toggle.setText("About this rule")
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.toggled.connect(self._fold)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.text)
        self.rule_id: str | None = None
        self.hide()

    def show_rule(self, rule_id: str | None) -> None:
        """Show the rule of the finding in the card (None: no finding, nothing to show)."""
        self.rule_id = rule_id
        self.setVisible(rule_id is not None)
        if rule_id is None:
            return
        dim = theme.dimmed_text(self.palette()).name()
        self.text.setText(f"<div style='color:{dim}'>{describe(find_rule(rule_id), rule_id)}</div>")
        self._fit()

    def _fold(self, open_: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.text.setVisible(open_)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        # WORKAROUND: the side panel's layout sizes the card by its size hint, which for
        # wrapped rich text is too short: the text above was cut off when this opened. Ask for
        # the height the text needs at the width it has.
        height = 0 if self.text.isHidden() else self.text.heightForWidth(self.width())
        self.text.setMinimumHeight(max(0, height))
