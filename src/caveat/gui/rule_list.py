"""The side panel's list of rules: each layer's rules under it, with a count and a checkbox each.

Switching a rule off hides its findings at once, in every tab (RuleVisibility: view state, no new
analysis). Rules come from the layers' rule tables (caveat.rules); a finding whose rule has no
table entry yet (the reader's own words) still gets a row, named after its id.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Mapping

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from caveat.findings import Analysis
from caveat.gui import theme
from caveat.gui.rule_visibility import RuleVisibility
from caveat.gui.swatch import layer_icon
from caveat.layers import all_layers
from caveat.rules import Rule, rules_of

#: rule id -> count of its findings, per layer id
RuleCounts = Mapping[str, Mapping[str, int]]


def count_rules(analysis: Analysis) -> RuleCounts:
    """How many findings each rule has, per layer."""
    counts: dict[str, Counter[str]] = {}
    for layer, found in analysis.findings.items():
        counts[layer] = Counter(f.rule for f in found)
    return counts


def title_of(rule_id: str) -> str:
    """A name for a rule that has no table entry: its id in words ("your-word": "Your word")."""
    return rule_id.replace("-", " ").replace("_", " ").capitalize()


def _tooltip(rule: Rule | None, rule_id: str) -> str:
    if rule is None:
        return f"<p><b>{html.escape(title_of(rule_id))}</b> ({html.escape(rule_id)})</p>"
    why = f"<p>{html.escape(rule.why)}</p>" if rule.why else ""
    return f"<p><b>{html.escape(rule.title)}</b> ({html.escape(rule.id)})</p>{why}"


class _Title(QLabel):
    """A wrapping label that toggles its row's checkbox when clicked, as a checkbox's text does."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self._box = box
        self.setWordWrap(True)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if event.button() == Qt.MouseButton.LeftButton and self._box.isEnabled():
            self._box.toggle()


class _RuleRow(QWidget):
    def __init__(self, rule: Rule | None, rule_id: str, rules: RuleVisibility) -> None:
        super().__init__()
        self.box = QCheckBox()
        self.title = _Title(rule.title if rule else title_of(rule_id), self.box)
        self.count = QLabel("–")
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.count.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000"))
        row = QHBoxLayout(self)
        row.setContentsMargins(18, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.title, 1)
        row.addWidget(self.count, 0, Qt.AlignmentFlag.AlignTop)
        tip = _tooltip(rule, rule_id)
        if rules.skipped_by_words_file(rule_id):
            self.box.setEnabled(False)
            tip += "<p><i>Switched off in your words.toml (skip_rules).</i></p>"
        self.setToolTip(tip)
        self.box.setAccessibleName(self.title.text())
        self.box.setChecked(rules.is_visible(rule_id))
        self.box.toggled.connect(lambda on: rules.set_visible(rule_id, on))


class RuleList(QScrollArea):
    """Every layer with its rules; checkboxes write to the shared RuleVisibility.

    Its rows are built on the next turn of the event loop (or when first asked for): building
    them (~8 ms) was a third of the GUI thread's work in the turn a tab opened in, and the list
    sits behind the side panel's "Rules" tab."""

    def __init__(self, rules: RuleVisibility, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rules = rules
        self._rows: dict[str, _RuleRow] | None = None  # None until built
        self._counts: RuleCounts | None = None  # the counts last shown
        self._counted = False  # show_counts has been called (till then each count says "–")
        self._sections: dict[str, QVBoxLayout] = {}
        self._layer_counts: dict[str, QLabel] = {}
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rules.changed.connect(self._sync)
        QTimer.singleShot(0, self, self._build)  # dropped if the tab is closed first

    def _build(self) -> None:
        self.rows  # noqa: B018 - the property builds them

    @property
    def rows(self) -> dict[str, _RuleRow]:
        """Each rule's row, by rule id (built now if not yet)."""
        if self._rows is None:
            self._rows = {}
            body = QWidget()
            column = QVBoxLayout(body)
            column.setContentsMargins(2, 8, 2, 8)
            column.setSpacing(10)
            for layer in all_layers():
                column.addLayout(self._section(layer.id, layer.title))
            note = QLabel("Untick a rule to hide its findings in every article and in exports.")
            note.setWordWrap(True)
            note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            column.addWidget(note)
            column.addStretch(1)
            self.setWidget(body)
            if self._counted:
                self._fill_counts()
        return self._rows

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        # A modest height, as the findings list asks: QScrollArea would ask for all its rows,
        # and the side panel then squeezed the finding card above to make room.
        return QSize(super().sizeHint().width(), 12 * self.fontMetrics().lineSpacing())

    def _section(self, layer_id: str, title: str) -> QVBoxLayout:
        section = QVBoxLayout()
        section.setSpacing(3)
        head = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(layer_icon(layer_id, self.palette()).pixmap(27, 18))
        name = QLabel(f"<b>{html.escape(title)}</b>")
        name.setWordWrap(True)
        count = QLabel("–")
        count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(icon)
        head.addWidget(name, 1)
        head.addWidget(count)
        section.addLayout(head)
        self._sections[layer_id], self._layer_counts[layer_id] = section, count
        for rule in rules_of(layer_id):
            self._add_row(layer_id, rule, rule.id)
        return section

    def _add_row(self, layer_id: str, rule: Rule | None, rule_id: str) -> _RuleRow:
        row = _RuleRow(rule, rule_id, self._rules)
        self._sections[layer_id].addWidget(row)
        self.rows[rule_id] = row
        return row

    def _sync(self, rule_id: str, visible: bool) -> None:
        # rows not built yet read the visibility when they are
        row = self._rows.get(rule_id) if self._rows is not None else None
        if row is not None and row.box.isChecked() != visible:
            row.box.setChecked(visible)

    def _layer_total(self, by_rule: Mapping[str, int]) -> str:
        total = sum(by_rule.values())
        shown = sum(n for rule_id, n in by_rule.items() if self._rules.is_visible(rule_id))
        return str(total) if shown == total else f"{shown} of {total} shown"

    def show_counts(self, counts: RuleCounts | None) -> None:
        """Each rule's number of findings (hidden or not); None while the analysis runs."""
        self._counts, self._counted = counts, True
        if self._rows is not None:  # else shown when the rows are built
            self._fill_counts()

    def _fill_counts(self) -> None:
        counts = self._counts
        dim = theme.dimmed_text(self.palette()).name()
        for layer_id, by_rule in (counts or {}).items():
            for rule_id in by_rule:
                if rule_id not in self.rows and layer_id in self._sections:
                    self._add_row(layer_id, None, rule_id)  # a rule with no table entry yet
        for layer_id, label in self._layer_counts.items():
            label.setText("…" if counts is None else self._layer_total(counts.get(layer_id, {})))
        for rule_id, row in self.rows.items():
            if counts is None:
                row.count.setText("…")
                continue
            n = sum(by_rule.get(rule_id, 0) for by_rule in counts.values())
            shown = row.box.isChecked()
            row.count.setText(str(n) if n and shown else f"<span style='color:{dim}'>{n}</span>")
