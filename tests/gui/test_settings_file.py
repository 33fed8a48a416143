"""The window's settings live in Caveat's one config folder, moved there from Qt's own place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from caveat.gui.settings import Settings
from caveat.gui.settings_file import FILE_NAME, open_settings


def old_place(root: Path) -> QSettings:
    """Settings where QSettings() kept them: ~/.config/Caveat/Caveat.conf."""
    return QSettings(str(root / "Caveat" / "Caveat.conf"), QSettings.Format.IniFormat)


def test_settings_from_the_old_folder_move_to_the_one_config_folder(tmp_path):
    old = old_place(tmp_path)
    Settings(old).set_zoom(3)
    Settings(old).add_recent_file(tmp_path / "a.txt")
    old.sync()
    assert (tmp_path / "Caveat" / "Caveat.conf").exists()

    moved = Settings(open_settings(tmp_path / "caveat", old_place(tmp_path)))
    assert moved.zoom() == 3
    assert moved.recent_files() == [(tmp_path / "a.txt").resolve()]
    assert (tmp_path / "caveat" / FILE_NAME).exists()
    assert not (tmp_path / "Caveat").exists(), "the folder differing only in case is gone"


def test_an_existing_settings_file_is_not_overwritten_by_old_ones(tmp_path):
    current = Settings(open_settings(tmp_path / "caveat", old_place(tmp_path)))
    current.set_zoom(1)
    current.sync()
    old = old_place(tmp_path)
    Settings(old).set_zoom(5)
    old.sync()
    assert Settings(open_settings(tmp_path / "caveat", old_place(tmp_path))).zoom() == 1


def test_default_settings_live_beside_the_word_lists(qapp, monkeypatch, tmp_path):
    from caveat import reader_words

    monkeypatch.setattr("caveat.gui.settings_file.config_dir", lambda: tmp_path / "caveat")
    settings = Settings()
    settings.set_zoom(2)
    settings.sync()
    assert Path(settings.q.fileName()).parent == tmp_path / "caveat"
    assert reader_words.config_dir().name == "caveat"
