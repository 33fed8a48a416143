"""What `caveat batch` reads: files, folders of them (recursively) and tables of articles.

Every article has an id (the table's `id` column, else the file's absolute path, else the
table's path and row) and a hash of its content; together they tell a rerun what is done.
An input that cannot be read still becomes an article, with `error` set: the run goes on.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from caveat.batch.tables import TableError, is_table, read_table
from caveat.loaders import supported_extensions


@dataclass
class Article:
    id: str
    source: str  # the file, or the table it is a row of
    row: int | None  # its row in that table (0-based); None for a file
    name: str  # the file name a worker loads it as: the extension picks the loader
    content: bytes
    content_hash: str
    meta: dict[str, str | None] = field(default_factory=dict)
    error: str | None = None  # set when it could not be read here; it is not sent on

    def where(self) -> str:
        """Where it came from, for a message: the file, or the table and row."""
        return self.source if self.row is None else f"{self.source} row {self.row + 1}"


def content_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()[:32]


def _state_hash(path: Path) -> str:
    """For an input refused for what it is (too large, a damaged table): a hash of its size and
    time, so a rerun skips it until it changes. Empty when even that cannot be read."""
    try:
        info = path.stat()
    except OSError:
        return ""
    return content_hash(f"{info.st_size}:{info.st_mtime_ns}".encode())


def _wanted(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in supported_extensions() or is_table(path)


def collect_inputs(paths: Iterable[Path], exclude: Path | None = None) -> list[Path]:
    """The paths named, and every supported file or table below each folder named, in a stable
    order; hidden folders and `exclude` (the output folder) are left out."""
    found: list[Path] = []
    skip = Path(os.path.abspath(exclude)) if exclude else None
    for item in paths:
        item = Path(os.path.abspath(item))
        if not item.is_dir():
            found.append(item)
            continue
        for folder, dirs, files in os.walk(item):
            here = Path(folder)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and here / d != skip)
            found.extend(here / name for name in sorted(files) if _wanted(here / name))
    return list(dict.fromkeys(found))  # drop repeats, keep the order


def _file_article(path: Path, max_bytes: int) -> Article:
    source = str(path)

    def failed(reason: str, state: str = "") -> Article:
        return Article(source, source, None, path.name, b"", state, error=reason)

    try:
        size = path.stat().st_size
        if not path.is_file():
            return failed("not a regular file")
        if size > max_bytes:
            limit = f"over the {max_bytes / 2**20:.0f} MB size limit"
            return failed(f"file is {size / 2**20:.1f} MB, {limit}", _state_hash(path))
        content = path.read_bytes()
    except FileNotFoundError:
        return failed("no such file")
    except PermissionError:
        return failed("permission denied")
    except OSError as exc:
        return failed(f"cannot be read ({exc.strerror or exc})")
    return Article(source, source, None, path.name, content, content_hash(content))


def _table_articles(path: Path, max_bytes: int) -> Iterator[Article]:
    source = str(path)
    try:
        for row in read_table(path, max_bytes):
            meta = dict(row.meta)
            given_id = meta.pop("id", None)
            article_id = given_id if given_id else f"{source}#{row.index}"
            if row.text is None:
                problem = row.problem or "no text"
                state = content_hash(problem.encode())  # the same row fails the same way
                yield Article(article_id, source, row.index, "", b"", state, meta, problem)
                continue
            content = row.text.encode("utf-8")
            yield Article(
                article_id, source, row.index, "article.txt", content, content_hash(content), meta
            )
    except (TableError, OSError) as exc:
        if isinstance(exc, TableError):
            yield Article(source, source, None, path.name, b"", _state_hash(path), error=str(exc))
        else:
            yield Article(source, source, None, path.name, b"", "", error=exc.strerror or str(exc))


def iter_articles(paths: Iterable[Path], max_bytes: int) -> Iterator[Article]:
    """Every article in `paths` (from collect_inputs), in order."""
    for path in paths:
        if is_table(path):
            yield from _table_articles(path, max_bytes)
        else:
            yield _file_article(path, max_bytes)
