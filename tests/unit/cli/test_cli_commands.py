"""`caveat WORD ...`: a command, a file for the window, or a mistyped command said so."""

from __future__ import annotations

import pytest

from caveat import cli


@pytest.fixture
def window_opened(monkeypatch):
    """Records the files the window would have opened (no window starts)."""
    opened: list[list[str]] = []
    monkeypatch.setattr("caveat.gui.app.run_gui", lambda argv: opened.append(argv) or 0)
    return opened


@pytest.mark.parametrize(
    ("argv", "suggestion"),
    [
        (["anlyze", "article.txt"], "did you mean 'analyze'?"),
        (["exprot", "a.txt", "-o", "a.pdf"], "did you mean 'export'?"),
        (["frobnicate"], "commands: analyze, export, eval"),
    ],
)
def test_a_mistyped_command_is_named_not_opened(argv, suggestion, window_opened, capsys):
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert window_opened == []
    assert f"unknown command '{argv[0]}'" in err and suggestion in err
    assert len(err.strip().splitlines()) == 1


def test_help_after_an_unknown_command_is_honoured(window_opened, capsys):
    assert cli.main(["summarise", "--help"]) == 2  # not a command ("batch" now is one)
    captured = capsys.readouterr()
    assert window_opened == []
    assert "usage: caveat" in captured.out and "analyze" in captured.out
    assert "unknown command 'summarise'" in captured.err


def test_known_commands_come_from_the_registered_modules():
    commands = cli.build_parser().get_default("commands")
    assert {"analyze", "export", "eval"} <= set(commands)
    assert len(commands) == len(cli.COMMAND_MODULES)


@pytest.mark.parametrize(
    "word", ["notes.txt", "missing/article", "./draft", "~/article", "https://example.org/a"]
)
def test_words_shaped_like_files_or_addresses_open_the_window(word, window_opened):
    assert cli.main([word]) == 0
    assert window_opened == [[word]]


def test_an_existing_file_without_an_extension_opens_the_window(
    tmp_path, monkeypatch, window_opened
):
    (tmp_path / "README").write_text("An article.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["README", "other.md"]) == 0
    assert window_opened == [["README", "other.md"]]


def test_no_arguments_open_the_welcome_page(window_opened):
    assert cli.main([]) == 0
    assert window_opened == [[]]


def test_help_after_a_file_prints_the_help_instead_of_opening(window_opened, capsys):
    assert cli.main(["article.txt", "--help"]) == 0
    assert window_opened == []
    assert "usage: caveat" in capsys.readouterr().out
