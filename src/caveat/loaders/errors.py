"""The one error type loaders raise."""

from pathlib import Path


class LoadError(Exception):
    """A file Caveat cannot open; `str()` is one line naming the file and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
