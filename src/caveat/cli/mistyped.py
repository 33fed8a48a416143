"""`caveat WORD`: a file to open in the window, or a mistyped command?"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Sequence
from pathlib import Path


def names_a_file(word: str) -> bool:
    """Whether `word` is meant as a file: one that exists, or anything shaped like a path or
    an address ("notes.txt", "~/a", "./a", "dir/a", "https://...")."""
    if Path(word).exists() or "://" in word or word.startswith(("~", ".")):
        return True
    return "/" in word or os.sep in word or bool(Path(word).suffix)


def unknown_command(parser: argparse.ArgumentParser, argv: Sequence[str]) -> int:
    """Say the first word is no command (and which is closest); print the help if asked."""
    commands = parser.get_default("commands")
    word = argv[0]
    if any(a in ("-h", "--help") for a in argv[1:]):
        parser.print_help()
    close = difflib.get_close_matches(word, commands, n=1, cutoff=0.5)
    hint = f"did you mean '{close[0]}'? " if close else ""
    print(
        f"caveat: unknown command '{word}' ({hint}commands: {', '.join(commands)}; "
        "'caveat FILE' opens a file in the window)",
        file=sys.stderr,
    )
    return 2
