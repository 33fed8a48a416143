"""Beside the text: layer toggles with counts, the selected finding, the list of findings and
the readability metrics, each with what it means."""

from __future__ import annotations

import html
from collections.abc import Iterator

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caveat.analysis.metric_words import DESCRIPTIONS, grade_in_words, unmeasured_reason
from caveat.document import Document
from caveat.findings import Analysis, Finding
from caveat.gui import theme
from caveat.gui.layer_visibility import LayerVisibility
from caveat.gui.rule_about import RuleAbout
from caveat.gui.rule_list import RuleList
from caveat.gui.slices import SliceRunner
from caveat.gui.swatch import layer_icon
from caveat.layers import all_layers, get_layer

#: metrics shown, in this order, with their names as a reader says them
METRIC_NAMES = {
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "flesch_reading_ease": "Reading ease",
    "gunning_fog": "Gunning fog",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman-Liau",
    "automated_readability_index": "ARI",
    "dale_chall_readability_score": "Dale-Chall",
}
FINDING_ROLE = Qt.ItemDataRole.UserRole


def _heading(text: str) -> QLabel:
    label = QLabel(text.upper())
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.85)
    font.setBold(True)
    font.setLetterSpacing(font.SpacingType.PercentageSpacing, 108)
    label.setFont(font)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def _wrapping(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def minutes(seconds: float) -> str:
    return "under a minute" if seconds < 60 else f"about {round(seconds / 60)} min"


class SidePanel(QWidget):
    """Shows one tab's Analysis; toggles write to the shared LayerVisibility."""

    finding_activated = Signal(object)  # Finding
    next_requested = Signal()
    previous_requested = Signal()

    def __init__(self, visibility: LayerVisibility, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._visibility = visibility
        self.toggles: dict[str, QCheckBox] = {}
        self._counts: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 10)
        layout.setSpacing(8)

        self.notice = _wrapping()
        self.notice.setObjectName("pipelineNotice")
        self.notice.setStyleSheet(
            "QLabel#pipelineNotice { background: #FFF4D6; color: #5A4300;"
            " border: 1px solid #E6C36A; border-radius: 6px; padding: 8px; }"
        )
        self.notice.hide()
        layout.addWidget(self.notice)

        layout.addWidget(_heading("Layers"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        for row, layer in enumerate(all_layers()):
            layer_id = layer.id
            box = QCheckBox(layer.title)
            box.setIcon(layer_icon(layer_id, self.palette()))
            box.setChecked(visibility.is_visible(layer_id))
            box.setToolTip(f"{layer.description}\nAlt+{row + 1} shows or hides this layer.")
            box.toggled.connect(lambda on, lid=layer_id: visibility.set_visible(lid, on))
            count = QLabel("–")
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(box, row, 0)
            grid.addWidget(count, row, 1)
            self.toggles[layer_id], self._counts[layer_id] = box, count
        grid.setColumnStretch(0, 1)
        layout.addLayout(grid)
        visibility.changed.connect(self._sync_toggle)

        layout.addWidget(self._build_finding_card())

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setFrameShape(QFrame.Shape.NoFrame)
        self.tree.itemActivated.connect(self._activate_item)
        self._tree_filler = SliceRunner(self)
        self.tree.itemClicked.connect(self._activate_item)
        self.tabs.addTab(self.tree, "Findings")
        self.metrics_label = _wrapping()
        self.metrics_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.metrics_label.setContentsMargins(2, 8, 2, 8)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.metrics_label)
        self.tabs.addTab(scroll, "Readability")
        self.rule_list = RuleList(visibility.rules)
        self.tabs.addTab(self.rule_list, "Rules")
        layout.addWidget(self.tabs, 1)

        self.footer = _wrapping()
        self.footer.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.footer)

    def _build_finding_card(self) -> QWidget:
        card = QFrame()
        card.setObjectName("findingCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(card)
        box.setContentsMargins(10, 8, 10, 8)
        self.finding_title = QLabel()
        self.finding_text = _wrapping("Click a highlight, or press F3 for the next finding.")
        self.finding_text.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.finding_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.finding_title)
        box.addWidget(self.finding_text, 1)
        self.rule_about = RuleAbout()
        box.addWidget(self.rule_about)
        nav = QHBoxLayout()
        self.scope = QComboBox()
        self.scope.addItem("All layers", None)
        for layer in all_layers():
            self.scope.addItem(layer_icon(layer.id, self.palette()), layer.title, layer.id)
        self.scope.setToolTip("Which findings Previous and Next step through")
        previous = QPushButton("Previous")
        previous.setToolTip("Previous finding (Shift+F3)")
        previous.clicked.connect(self.previous_requested)
        following = QPushButton("Next")
        following.setToolTip("Next finding (F3)")
        following.clicked.connect(self.next_requested)
        nav.addWidget(self.scope, 1)
        nav.addWidget(previous)
        nav.addWidget(following)
        box.addLayout(nav)
        return card

    def scope_layer(self) -> str | None:
        return self.scope.currentData()

    def _sync_toggle(self, layer: str, visible: bool) -> None:
        box = self.toggles.get(layer)
        if box is not None and box.isChecked() != visible:
            box.setChecked(visible)

    def _activate_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, FINDING_ROLE)
        if isinstance(finding, Finding):
            self.finding_activated.emit(finding)

    def show_finding(self, finding: Finding | None, document: Document | None) -> None:
        self.rule_about.show_rule(finding.rule if finding is not None else None)
        self.finding_title.setVisible(finding is not None)
        if finding is None or document is None:
            self.finding_title.setText("")
            self.finding_text.setText("Click a highlight, or press F3 for the next finding.")
            return
        color = theme.layer_color(finding.layer).name()
        line, _col = document.line_col(finding.start)
        dim = theme.dimmed_text(self.palette()).name()
        self.finding_title.setText(
            f"<b style='color:{color}'>{html.escape(theme.layer_name(finding.layer))}</b>"
            f" <span style='color:{dim}'>· line {line} · {html.escape(finding.rule)}</span>"
        )
        words = " ".join(document.text[finding.start : finding.end].split())
        self.finding_text.setText(
            f"<p style='font-size:large'>“{html.escape(words)}”</p>{html.escape(finding.message)}"
        )

    def show_analysis(
        self, document: Document, analysis: Analysis | None, seen: Analysis | None
    ) -> None:
        """Fill the panel; `seen` is `analysis` with dismissals, ignores and hidden layers out."""
        self._tree_filler.start(iter(()), at_once=True)  # stop a fill still going
        self.tree.clear()
        if analysis is None or seen is None or analysis.partial:
            for label in self._counts.values():
                label.setText("…")
            self.metrics_label.setText("Measuring…")
            self.footer.setText("")
            return
        self.notice.setText(f"<b>Reduced accuracy.</b> {html.escape(analysis.pipeline.notice)}")
        self.notice.setVisible(bool(analysis.pipeline.notice))
        for layer_id, label in self._counts.items():
            n = len(seen.findings.get(layer_id, ())) if layer_id in seen.layers else None
            shown = n if n is not None else len(analysis.findings.get(layer_id, ()))
            per100 = 100 * shown / analysis.words if analysis.words else 0.0
            label.setText(f"<b>{shown}</b> · {per100:.1f} per 100 words")
        self._fill_tree(document, seen)
        self._fill_metrics(analysis)
        m = analysis.metrics
        self.footer.setText(
            f"{analysis.words:,} words · {int(m.get('sentences') or 0):,} sentences · "
            f"{minutes(m.get('reading_time_seconds') or 0)} to read<br>"
            f"Pipeline: {html.escape(analysis.pipeline.display_name())}"
        )

    def _fill_tree(self, document: Document, seen: Analysis) -> None:
        total = sum(len(seen.findings.get(layer, ())) for layer in seen.layers)
        # later: a layer toggle repaints the text first; the list follows a moment after
        self._tree_filler.start(self._tree_steps(document, seen), at_once=total <= 500, later=True)

    def _tree_steps(self, document: Document, seen: Analysis) -> Iterator[None]:
        """Add the findings a few hundred at a time: thousands of items at once stall the window."""
        for layer_id in seen.layers:
            found = seen.findings.get(layer_id, ())
            group = QTreeWidgetItem([f"{get_layer(layer_id).title}  ({len(found)})"])
            group.setIcon(0, layer_icon(layer_id, self.palette()))
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            group.setExpanded(len(found) <= 200)
            for first in range(0, len(found), 200):
                items = []
                for finding in found[first : first + 200]:
                    item = QTreeWidgetItem(
                        [" ".join(document.text[finding.start : finding.end].split())]
                    )
                    item.setToolTip(0, finding.message)
                    item.setData(0, FINDING_ROLE, finding)
                    items.append(item)
                group.addChildren(items)
                yield None
        if not seen.layers:
            self.tree.addTopLevelItem(QTreeWidgetItem(["All layers are hidden."]))

    def _fill_metrics(self, analysis: Analysis) -> None:
        m = analysis.metrics
        dim = theme.dimmed_text(self.palette()).name()
        grade = m.get("flesch_kincaid_grade")
        # a one-word PDF or a Chinese text has no meaningful grade: say why instead of a number
        headline = grade_in_words(grade) if grade is not None else unmeasured_reason(m)
        rows = [
            f"<p style='font-size:large'><b>{html.escape(headline[:1].upper() + headline[1:])}"
            "</b></p><table cellspacing='0' cellpadding='3'>"
        ]
        for key, name in METRIC_NAMES.items():
            if m.get(key) is not None:
                rows.append(
                    f"<tr><td><b>{m[key]:.1f}</b></td><td>{name}<br>"
                    f"<span style='color:{dim}'>"
                    f"{html.escape(DESCRIPTIONS.get(key, ''))}</span></td></tr>"
                )
        rows.append("</table>")
        rows.append(
            f"<p style='color:{dim}'>The strip beside the text shows each "
            "paragraph's grade: the darker, the harder.</p>"
        )
        self.metrics_label.setText("".join(rows))
