"""The one error type loaders raise."""

from pathlib import Path


class LoadError(Exception):
    """A file or address Caveat cannot open; `str()` is one line naming it and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        #: the file or web address as the reader gave it (a URL does not survive Path())
        self.where = str(path)
        self.reason = reason
        super().__init__(f"{self.where}: {reason}")

    @property
    def name(self) -> str:
        """A short name for a message: the file's name, or the whole web address."""
        return self.where if "://" in self.where else self.path.name
