"""A batch result on disk: `DIR/articles/` and `DIR/findings/` as Parquet parts, and a manifest.

A part is written whole under a hidden name and then renamed (Parquet readers skip names that
start with a dot), findings before articles: an article's row is the proof that its findings
are written. So a run killed at any moment leaves only whole parts; a findings part without its
articles part (killed between the two) and hidden leftovers are removed at the next start.
The manifest (`caveat-batch.json`) keeps the dataset's columns, so a rerun writes parts with the
same schema, and a record of every run.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from caveat.batch.schema import FINDINGS_SCHEMA, WORKER_STOPPED, Columns

try:
    import fcntl
except ImportError:  # not on Windows: two runs into one folder are then not prevented
    fcntl = None  # type: ignore[assignment]

MANIFEST = "caveat-batch.json"
LOCK = ".caveat-batch.lock"
FORMAT = 1


class StoreError(Exception):
    """The output folder cannot take this run; the message says why and what to do."""


def _atomic_write(path: Path, write: Any) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as fh:
        write(fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class BatchStore:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.articles = out / "articles"
        self.findings = out / "findings"
        self.manifest_path = out / MANIFEST
        self._lock: IO[bytes] | None = None
        self._run = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}"
        self._written = 0

    # --- opening ---------------------------------------------------------------------------

    def open(self) -> None:
        """Take the folder for this run (one run at a time) and tidy what a killed run left."""
        if self.out.exists() and not self.out.is_dir():
            raise StoreError(f"{self.out} is a file, not a folder")
        if self.out.is_dir() and any(self.out.iterdir()) and not self.manifest_path.exists():
            raise StoreError(
                f"{self.out} is not empty and holds no caveat batch result: "
                "choose a new or empty folder for --out"
            )
        self.articles.mkdir(parents=True, exist_ok=True)
        self.findings.mkdir(exist_ok=True)
        self._lock = open(self.out / LOCK, "wb")  # noqa: SIM115 - held until close()
        if fcntl is not None:
            try:
                fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                self.close()
                raise StoreError(f"another caveat batch is writing to {self.out}") from None
        for folder in (self.articles, self.findings):
            for leftover in folder.glob(".*.tmp"):
                leftover.unlink()
        for part in self.findings.glob("part-*.parquet"):
            if not (self.articles / part.name).exists():
                part.unlink()

    def close(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    # --- the manifest ----------------------------------------------------------------------

    def manifest(self) -> dict[str, Any]:
        try:
            return json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise StoreError(f"{self.manifest_path} cannot be read ({exc})") from None

    def agree_columns(self, wanted: Columns) -> Columns:
        """The columns to write: those of the dataset already here, which this run must fit."""
        known = self.manifest().get("columns")
        if not known:
            return wanted
        here = Columns(
            tuple(known["layers"]),
            tuple((c, k) for c, k in known["metadata"]),
            tuple(known["metrics"]),
        )
        if (
            here.layers != wanted.layers
            or here.metrics != wanted.metrics
            or tuple(known.get("rules", ())) != wanted.rules
        ):
            raise StoreError(
                f"{self.out} holds results for layers {', '.join(here.layers)} with other "
                "columns (another --layers, or another Caveat version's rules): "
                "use the same options or a new folder for --out"
            )
        new = sorted({k for _c, k in wanted.metadata} - {k for _c, k in here.metadata})
        if new:
            raise StoreError(
                f"{self.out} was written without the metadata column(s) {', '.join(new)} that "
                "these inputs have: use a new folder for --out"
            )
        return here

    def agree_options(self, options: dict[str, Any]) -> None:
        """A rerun must analyse as the runs before it did (their rows would not compare)."""
        known = self.manifest().get("options")
        if known is not None:
            known = {"sensitivity": "balanced", **known}  # written before there were levels
        if known is not None and known != options:
            differs = ", ".join(k for k in options if known.get(k) != options[k])
            raise StoreError(
                f"{self.out} was written with other options ({differs}): use the same options "
                "or a new folder for --out"
            )

    def write_manifest(
        self, columns: Columns, run: dict[str, Any] | None = None, options: dict | None = None
    ) -> None:
        """Record the columns and options (before the first part is written) and, after a run,
        the run."""
        manifest = self.manifest()
        if options is not None:
            manifest["options"] = options
        manifest.update(
            format=FORMAT,
            columns={
                "layers": list(columns.layers),
                "metadata": [list(pair) for pair in columns.metadata],
                "metrics": list(columns.metrics),
                "rules": list(columns.rules),
            },
        )
        if run is not None:
            manifest.setdefault("runs", []).append(run)
        text = json.dumps(manifest, indent=1, ensure_ascii=False) + "\n"
        _atomic_write(self.manifest_path, lambda fh: fh.write(text.encode("utf-8")))

    # --- what is done ----------------------------------------------------------------------

    def _parts(self, folder: Path) -> list[Path]:
        return sorted(folder.glob("part-*.parquet"))

    def _read(self, part: Path, columns: list[str] | None = None) -> pa.Table:
        try:
            return pq.read_table(part, columns=columns)
        except (pa.ArrowException, OSError) as exc:
            raise StoreError(f"{part} is damaged ({exc}): move it away and run again") from None

    def done(self) -> tuple[set[tuple[str, str]], set[str]]:
        """(id, content hash) of every article done, and every id present. An article that
        failed for a reason in its content (unreadable, say) is done: it would fail again. One
        that could not be read here (no content hash) or stopped its worker is not."""
        finished: set[tuple[str, str]] = set()
        present: set[str] = set()
        for part in self._parts(self.articles):
            table = self._read(part, ["id", "content_hash", "error"])
            ids = table["id"].to_pylist()
            present.update(ids)
            hashes = table["content_hash"].to_pylist()
            errors = table["error"].to_pylist()
            finished.update(
                (i, h)
                for i, h, e in zip(ids, hashes, errors, strict=True)
                if h and e != WORKER_STOPPED
            )
        return finished, present

    def drop(self, ids: set[str]) -> None:
        """Remove the rows of `ids` (articles analysed again: changed, or failed before)."""
        if not ids:
            return
        values = pa.array(sorted(ids), pa.string())
        for folder in (self.findings, self.articles):  # findings first: see the module's note
            for part in self._parts(folder):
                table = self._read(part)
                hit = pc.is_in(table["id"], value_set=values)
                if pc.any(hit).as_py():
                    kept = table.filter(pc.invert(hit))
                    _atomic_write(part, lambda fh, t=kept: pq.write_table(t, fh))

    # --- writing ---------------------------------------------------------------------------

    def write_part(self, articles: pa.Table, findings: pa.Table) -> Path:
        """Write one part of each table, findings first; returns the articles part."""
        self._written += 1
        name = f"part-{self._run}-{self._written:05d}.parquet"
        _atomic_write(self.findings / name, lambda fh: pq.write_table(findings, fh))
        _atomic_write(self.articles / name, lambda fh: pq.write_table(articles, fh))
        return self.articles / name


def empty_findings() -> pa.Table:
    return FINDINGS_SCHEMA.empty_table()
