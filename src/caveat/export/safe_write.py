"""Write an export without risk: never over the source, never half a file at the target."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any, BinaryIO, Protocol


class Writable(Protocol):
    """A PDF that can write itself to a binary stream (the incremental update, a PdfWriter)."""

    def write(self, stream: BinaryIO) -> Any: ...


class ExportError(Exception):
    """An export that cannot be done; `str()` is a sentence a reader understands."""


def _same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_target(output: Path, source: Path | None) -> None:
    """Raise ExportError when `output` cannot or must not be written, before any work is done."""
    if source is not None and _same_file(output, source):
        raise ExportError(f"{output} is the article itself; choose another name for the export")
    if output.is_dir():
        raise ExportError(f"{output} is a folder; give a file name such as article.caveat.pdf")
    folder = output.parent
    if not folder.is_dir():
        raise ExportError(f"cannot write {output}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"cannot write {output}: no permission to write in {folder}")
    if output.exists() and not os.access(output, os.W_OK):
        raise ExportError(f"cannot write {output}: the existing file is read-only")


def _default_mode() -> int:
    """The mode a newly created file gets under the current umask (mkstemp uses 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(writer: Writable, output: Path) -> None:
    """Write to a temporary file beside `output`, then rename it into place in one step."""
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{output.name}.", suffix=".part", dir=output.parent
        )
    except OSError as exc:
        raise ExportError(f"cannot write {output}: {exc.strerror or exc}") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            writer.write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, _default_mode())
        os.replace(temp, output)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise ExportError(f"cannot write {output}: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
