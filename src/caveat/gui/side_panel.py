"""Beside the text: layer toggles with counts, the selected finding, the list of findings and
the readability metrics, each with what it means."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from caveat.analysis.readability.meanings import DESCRIPTIONS, grade_in_words, unmeasured_reason
from caveat.document import Document
from caveat.findings import Analysis, Finding
from caveat.gui import theme
from caveat.gui.findings_list import FindingsList
from caveat.gui.layer_visibility import LayerVisibility
from caveat.gui.rule_about import RuleAbout
from caveat.gui.rule_list import RuleList
from caveat.gui.sensitivity_control import SensitivityControl
from caveat.gui.swatch import layer_icon
from caveat.gui.typical_news import TypicalNewsCard
from caveat.layers import all_layers
from caveat.sensitivity import in_words

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


def capitalised(text: str) -> str:
    """The first letter upper-case and the rest untouched ("US" stays "US")."""
    return text[:1].upper() + text[1:]


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
        self._densities: dict[str, QLabel] = {}  # findings per 100 words, under each layer
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
        grid.setVerticalSpacing(0)
        for row, layer in enumerate(all_layers()):
            layer_id = layer.id
            box = QCheckBox(layer.title)
            box.setIcon(layer_icon(layer_id, self.palette()))
            box.setChecked(visibility.is_visible(layer_id))
            box.setToolTip(f"{layer.description}\nAlt+{row + 1} shows or hides this layer.")
            box.toggled.connect(lambda on, lid=layer_id: visibility.set_visible(lid, on))
            count = QLabel("–")
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            # on a line of its own: beside the count it made a narrow panel cut names short
            density = QLabel()
            density.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            small = density.font()
            small.setPointSizeF(small.pointSizeF() * 0.85)
            density.setFont(small)
            density.setIndent(box.sizeHint().height() + box.iconSize().width() + 8)
            grid.addWidget(box, 2 * row, 0)
            grid.addWidget(count, 2 * row, 1)
            grid.addWidget(density, 2 * row + 1, 0, 1, 2)
            self.toggles[layer_id], self._counts[layer_id] = box, count
            self._densities[layer_id] = density
        grid.setColumnStretch(0, 1)
        layout.addLayout(grid)
        visibility.changed.connect(self._sync_toggle)
        self.sensitivity = SensitivityControl(visibility)
        layout.addWidget(self.sensitivity)
        self.typical_news = TypicalNewsCard()
        layout.addWidget(self.typical_news)

        layout.addWidget(self._build_finding_card())

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tree = FindingsList()
        self.tree.finding_activated.connect(self.finding_activated)
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
        self.finding_title = _wrapping()
        self.finding_text = _wrapping("Click a highlight, or press F3 for the next finding.")
        self.finding_text.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.finding_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.finding_title)
        box.addWidget(self.finding_text, 1)
        self.rule_about = RuleAbout()
        box.addWidget(self.rule_about)
        nav = QHBoxLayout()
        self.scope = QComboBox()
        # as wide as its longest layer name: squeezed beside the buttons it read "Unsourced r"
        self.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.scope.addItem("All layers", None)
        for layer in all_layers():
            self.scope.addItem(layer_icon(layer.id, self.palette()), layer.title, layer.id)
        self.scope.setToolTip("Which findings the arrows (and F3, Shift+F3) step through")
        previous, following = QToolButton(), QToolButton()  # arrows, as in the find bar
        previous.setText("↑")
        previous.setToolTip("Previous finding (Shift+F3)")
        previous.clicked.connect(self.previous_requested)
        following.setText("↓")
        following.setToolTip("Next finding (F3)")
        following.clicked.connect(self.next_requested)
        nav.addWidget(self.scope, 1)
        nav.addWidget(previous)
        nav.addWidget(following)
        box.addLayout(nav)
        return card

    #: the panel is never narrower than this, nor than its layer names and counts need
    MINIMUM_WIDTH = 260

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        # The splitter keeps the panel at least this wide, so names and large counts are whole.
        hint = super().minimumSizeHint()
        return QSize(max(self.MINIMUM_WIDTH, hint.width()), hint.height())

    def scope_layer(self) -> str | None:
        return self.scope.currentData()

    def _sync_toggle(self, layer: str, visible: bool) -> None:
        box = self.toggles.get(layer)
        if box is not None and box.isChecked() != visible:
            box.setChecked(visible)

    def show_finding(self, finding: Finding | None, document: Document | None) -> None:
        self.tree.select(finding)
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
            f" <span style='color:{dim}'>· line {line} · {html.escape(finding.rule)}"
            f" · {html.escape(in_words(finding))}</span>"
        )
        words = " ".join(document.text[finding.start : finding.end].split())
        self.finding_text.setText(
            f"<p style='font-size:large'>“{html.escape(words)}”</p>{html.escape(finding.message)}"
        )

    def show_analysis(
        self, document: Document, analysis: Analysis | None, seen: Analysis | None
    ) -> None:
        """Fill the panel; `seen` is `analysis` with dismissals, ignores and hidden layers out."""
        self.tree.clear_findings()
        if analysis is None or seen is None or analysis.partial:
            for label in self._counts.values():
                label.setText("…")
            self.typical_news.show_densities(None)
            for label in self._densities.values():
                label.setText("")
            self.metrics_label.setText("Measuring…")
            self.footer.setText("")
            return
        self.notice.setText(f"<b>Reduced accuracy.</b> {html.escape(analysis.pipeline.notice)}")
        self.notice.setVisible(bool(analysis.pipeline.notice))
        densities: dict[str, float] = {}
        for layer_id, label in self._counts.items():
            n = len(seen.findings.get(layer_id, ())) if layer_id in seen.layers else None
            shown = n if n is not None else len(analysis.findings.get(layer_id, ()))
            per100 = densities[layer_id] = 100 * shown / analysis.words if analysis.words else 0.0
            label.setText(f"<b>{shown:,}</b>")
            self._densities[layer_id].setText(f"{per100:.1f} per 100 words")
        self.typical_news.show_densities(densities)
        self.tree.show_findings(document, seen)
        self._fill_metrics(analysis)
        m = analysis.metrics
        self.footer.setText(
            f"{analysis.words:,} words · {int(m.get('sentences') or 0):,} sentences · "
            f"{minutes(m.get('reading_time_seconds') or 0)} to read<br>"
            f"Pipeline: {html.escape(analysis.pipeline.display_name())}"
        )

    def show_not_analysed(self, reason: str) -> None:
        self.tree.show_message("Not analysed: the text is not in English.")
        for label in self._counts.values():
            label.setText("–")
        for label in self._densities.values():
            label.setText("")
        self.typical_news.show_densities({})  # nothing to compare
        self.metrics_label.setText(html.escape(reason))
        self.footer.setText("")

    def _fill_metrics(self, analysis: Analysis) -> None:
        m = analysis.metrics
        dim = theme.dimmed_text(self.palette()).name()
        grade = m.get("flesch_kincaid_grade")
        # a one-word PDF or a Chinese text has no meaningful grade: say why instead of a number
        headline = grade_in_words(grade) if grade is not None else unmeasured_reason(m)
        rows = [
            f"<p style='font-size:large'><b>{html.escape(capitalised(headline))}"
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
