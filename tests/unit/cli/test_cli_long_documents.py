"""What `analyze` does for long documents: a progress bar only on a terminal and only when the
analysis takes a while, and line:column positions counted without rescanning the text."""

import io
import random
import threading
import time

from caveat.cli import analyze as analyze_command
from caveat.cli import progress as progress_module
from caveat.document import Block, Document
from caveat.findings import Finding


def _document(paragraphs: int) -> Document:
    text = "\n\n".join(["Some words in a paragraph, about six."] * paragraphs)
    blocks, pos = [], 0
    for _ in range(paragraphs):
        blocks.append(Block(pos, pos + 38))
        pos += 40
    return Document(text, tuple(blocks), "txt")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_bar_in_a_pipe_or_for_a_short_document(monkeypatch):
    monkeypatch.setattr("sys.stderr", io.StringIO())
    with progress_module.terminal_progress(_document(5000)) as progress:
        assert progress is None
    monkeypatch.setattr("sys.stderr", _Terminal())
    with progress_module.terminal_progress(_document(10)) as progress:
        assert progress is None


def test_a_long_document_on_a_terminal_gets_a_bar_that_is_cleared(monkeypatch):
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setattr(progress_module, "PROGRESS_ABOVE_WORDS", 100)
    with progress_module.terminal_progress(_document(50)) as progress:
        assert progress is not None
        for done in range(1, 50):
            progress(done, 50)
        time.sleep(0.15)  # tqdm redraws at most every 0.1 s
        progress(50, 50)
        assert "50/50" in terminal.getvalue()
    assert "analysing" in terminal.getvalue()


def test_the_bar_starts_no_thread(monkeypatch):
    # a thread would make the analysis spawn its second process instead of forking it with the
    # model loaded (parallel.safe_start_method)
    import tqdm

    started: list[str] = []
    monkeypatch.setattr(threading.Thread, "start", lambda thread: started.append(thread.name))
    monkeypatch.setattr(tqdm.tqdm, "monitor", None)  # as in a fresh process: none running yet
    monkeypatch.setattr("sys.stderr", _Terminal())
    monkeypatch.setattr(progress_module, "PROGRESS_ABOVE_WORDS", 100)
    with progress_module.terminal_progress(_document(50)) as progress:
        assert progress is not None
        progress(10, 50)
    assert started == []


def test_lines_and_columns_match_the_documents_own_count():
    rng = random.Random(4)
    text = "".join(rng.choice("ab \n") for _ in range(5000))
    document = Document(text, (Block(0, len(text)),), "txt")
    starts = sorted(rng.sample(range(len(text) - 1), 300)) + [10, 5]  # out of order at the end
    findings = [Finding(s, s + 1, "hedge", "r", "m") for s in starts]
    got = list(analyze_command._lines_and_columns(text, findings))
    assert got == [document.line_col(s) for s in starts]
