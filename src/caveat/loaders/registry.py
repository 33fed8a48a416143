"""Pick the loader for a file and check what every format must pass first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from caveat.document import Document
from caveat.loaders import text
from caveat.loaders.errors import LoadError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

Loader = Callable[[Path, bytes], Document]

LOADERS: dict[str, Loader] = {
    ".txt": text.load_txt,
    ".md": text.load_markdown,
}


def supported_extensions() -> tuple[str, ...]:
    return tuple(LOADERS)


def load_document(path: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    path = Path(path)
    if not path.exists():
        raise LoadError(path, "no such file")
    if path.is_dir():
        raise LoadError(path, "is a folder, not a file")
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        raise LoadError(path, f"unsupported file type {path.suffix or '(none)'}")
    size = path.stat().st_size
    if size > max_bytes:
        raise LoadError(
            path, f"file is {size / 1e6:.0f} MB, over the {max_bytes / 1e6:.0f} MB limit"
        )
    try:
        data = path.read_bytes()
    except PermissionError:
        raise LoadError(path, "permission denied") from None
    except OSError as exc:
        raise LoadError(path, f"cannot be read ({exc.strerror})") from None
    if not data.strip():
        raise LoadError(path, "file is empty")
    return loader(path, data)
