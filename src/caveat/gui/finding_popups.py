"""What hovering or right-clicking a finding in the reader offers: its tooltip (the layer, the
words, why they were flagged, the rule), and the menu entries to dismiss it here or never flag
its words again."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QMenu

from caveat.document import Document
from caveat.findings import Finding
from caveat.gui import theme
from caveat.sensitivity import in_words

#: "Never flag" is offered for words and short phrases ("could", "some say"), not sentences
IGNORABLE_WORDS, IGNORABLE_CHARS = 4, 40


def can_be_ignored(words: str) -> bool:
    return len(words.split()) <= IGNORABLE_WORDS and len(words) <= IGNORABLE_CHARS


def finding_tooltip(finding: Finding, document: Document) -> str:
    words = " ".join(document.text[finding.start : finding.end].split())
    color = theme.layer_color(finding.layer).name()
    return (
        f"<p style='white-space:pre-wrap'><b style='color:{color}'>"
        f"{html.escape(theme.layer_name(finding.layer))}</b> &middot; "
        f"“{html.escape(words, quote=False)}”<br>{html.escape(finding.message, quote=False)}"
        f"<br><small>{html.escape(in_words(finding))} · rule: {html.escape(finding.rule)}"
        "</small></p>"
    )


def add_finding_actions(
    menu: QMenu,
    found: Sequence[Finding],
    document: Document,
    dismiss: Callable[[Finding], None],
    ignore: Callable[[Finding], None],
) -> None:
    """Put "Not a hedge here" and "Never flag 'could'" for each of `found` at the top of the
    standard menu (copy, select all), above a separator."""
    first = menu.actions()[0] if menu.actions() else None
    for finding in found:
        words = " ".join(document.text[finding.start : finding.end].split())
        dismiss_action = menu.addAction(f"Not {theme.layer_noun(finding.layer)} here")
        dismiss_action.triggered.connect(lambda _=False, f=finding: dismiss(f))
        if first is not None:
            menu.insertAction(first, dismiss_action)
        if not can_be_ignored(words):
            continue  # a whole sentence is no use on a list of words never to flag
        ignore_action = menu.addAction(f"Never flag ‘{words}’")
        ignore_action.triggered.connect(lambda _=False, f=finding: ignore(f))
        if first is not None:
            menu.insertAction(first, ignore_action)
    if first is not None:
        menu.insertSeparator(first)
