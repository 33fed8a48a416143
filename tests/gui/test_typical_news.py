"""The side panel's "Compared with typical news" card."""

from __future__ import annotations

import html

from caveat.gui.typical_news import TypicalNewsCard
from caveat.reference import standing


def test_card_says_where_each_layer_stands_among_reference_news(qtbot):
    card = TypicalNewsCard()
    qtbot.addWidget(card)
    card.show_densities({"hedge": 4.0, "number": 0.0, "speculation": 0.3})
    text = html.unescape(card.text()).replace("<b>", "").replace("</b>", "")
    for layer, title, density in (("hedge", "Hedges", 4.0), ("number", "Unsourced numbers", 0.0)):
        compared = standing(layer, density)
        assert compared is not None
        assert f"{title}: {density:.1f} per 100 words, {compared.comparison()}" in text
    assert "more than 9" in text  # 4 hedges per 100 words is more than 90 % of news
    assert not card.isHidden()
    assert "reference articles" in card.toolTip() or "news articles" in card.toolTip()


def test_card_waits_for_the_analysis_and_hides_without_a_reference(qtbot):
    card = TypicalNewsCard()
    qtbot.addWidget(card)
    card.show_densities(None)
    assert "…" in card.text()
    card.show_densities({"no-such-layer": 1.0})
    assert card.isHidden()


def test_side_panel_compares_the_open_article_with_typical_news(window, qtbot):
    from caveat.resources import sample_article

    [tab] = window.open_paths([sample_article()])
    qtbot.waitSignal(tab.analysis_ready, timeout=60_000).wait()
    seen = tab.analysis_as_seen()
    card = tab.side_panel.typical_news
    text = html.unescape(card.text()).replace("<b>", "").replace("</b>", "")
    hedges = 100 * seen.count("hedge") / seen.words
    compared = standing("hedge", hedges)
    assert compared is not None
    assert f"Hedges: {hedges:.1f} per 100 words, {compared.comparison()}" in text
    assert not card.isHidden()
