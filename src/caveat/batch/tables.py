"""Tables of articles: `.parquet`, `.jsonl` and `.csv` files with a `text` column.

Read row by row, since an archive's table need not fit in memory. Every other column is
metadata (`id`, `outlet`, `date`, `url`...), carried through to the results as text: one type
for every table of a run keeps the output's schema the same from one part to the next.
"""

from __future__ import annotations

import csv
import datetime
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TABLE_EXTENSIONS = (".parquet", ".jsonl", ".csv")
TEXT_COLUMN = "text"


class TableError(Exception):
    """The table as a whole cannot be read (any further); the message is one line."""


@dataclass
class TableRow:
    index: int  # 0-based, among the table's records
    text: str | None
    meta: dict[str, str | None] = field(default_factory=dict)
    problem: str | None = None  # why this row has no text to analyse


def is_table(path: Path) -> bool:
    return path.suffix.lower() in TABLE_EXTENSIONS


def as_text(value: Any) -> str | None:
    """A metadata value as text: ISO dates, plain numbers, JSON for lists and mappings."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _row(index: int, record: dict[str, Any], where: str) -> TableRow:
    meta = {str(k): as_text(v) for k, v in record.items() if k != TEXT_COLUMN}
    text = record.get(TEXT_COLUMN)
    if text is None:
        return TableRow(index, None, meta, f"{where}: no text")
    if not isinstance(text, str):
        return TableRow(index, None, meta, f"{where}: the text is not a string")
    if not text.strip():
        return TableRow(index, None, meta, f"{where}: the text is empty")
    return TableRow(index, text, meta)


def _jsonl_rows(path: Path) -> Iterator[TableRow]:
    index = 0
    with open(path, encoding="utf-8-sig") as fh:
        try:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"line {number}"
                try:
                    record = json.loads(line)
                except ValueError:
                    yield TableRow(index, None, {}, f"{where}: not valid JSON")
                else:
                    if isinstance(record, dict):
                        yield _row(index, record, where)
                    else:
                        yield TableRow(index, None, {}, f"{where}: not a JSON object")
                index += 1
        except UnicodeDecodeError:
            raise TableError(f"not UTF-8 text after record {index}") from None


def _csv_rows(path: Path, max_bytes: int) -> Iterator[TableRow]:
    # An article is one field: allow fields as large as the largest file Caveat reads.
    csv.field_size_limit(max(csv.field_size_limit(), min(max_bytes, 2**31 - 1)))
    with open(path, encoding="utf-8-sig", newline="") as fh:
        try:
            reader = csv.DictReader(fh)
            columns = reader.fieldnames or []
            if TEXT_COLUMN not in columns:
                raise TableError(f"no '{TEXT_COLUMN}' column (columns: {', '.join(columns)})")
            for index, record in enumerate(reader):
                yield _row(index, record, f"row {index + 1}")
        except UnicodeDecodeError:
            raise TableError("not UTF-8 text") from None
        except csv.Error as exc:
            raise TableError(f"not a readable CSV file ({exc})") from None


def _parquet_rows(path: Path) -> Iterator[TableRow]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
        columns = table.schema_arrow.names
        if TEXT_COLUMN not in columns:
            raise TableError(f"no '{TEXT_COLUMN}' column (columns: {', '.join(columns)})")
        index = 0
        for batch in table.iter_batches(batch_size=256):
            for record in batch.to_pylist():
                yield _row(index, record, f"row {index + 1}")
                index += 1
    except (pa.ArrowException, OSError) as exc:
        detail = " ".join(str(exc).split())[:160]
        raise TableError(f"not a readable Parquet file ({detail})") from None


def read_table(path: Path, max_bytes: int) -> Iterator[TableRow]:
    """The rows of the table at `path`; raises TableError when it cannot be read (further)."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _jsonl_rows(path)
    elif suffix == ".csv":
        yield from _csv_rows(path, max_bytes)
    else:
        yield from _parquet_rows(path)
