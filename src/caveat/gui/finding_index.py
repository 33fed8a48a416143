"""The findings the reader currently shows, indexed by position for painting and navigation."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from caveat.findings import Finding


class FindingIndex:
    """Findings sorted by start; lookups by bisect, so painting a line never scans them all."""

    def __init__(self, findings: Iterable[Finding] = ()) -> None:
        self.findings: list[Finding] = sorted(findings)
        self._starts = [f.start for f in self.findings]
        self._longest = max((f.end - f.start for f in self.findings), default=0)

    def __len__(self) -> int:
        return len(self.findings)

    def overlapping(self, start: int, end: int) -> list[Finding]:
        """Findings that share at least one character with `[start, end)`."""
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return [f for f in self.findings[lo:hi] if f.end > start]

    def at(self, offset: int) -> list[Finding]:
        return self.overlapping(offset, offset + 1)

    def next_after(self, offset: int, layer: str | None = None) -> Finding | None:
        """The first finding starting after `offset` (wrapping to the top), of `layer` if given."""
        i = bisect.bisect_right(self._starts, offset)
        order = self.findings[i:] + self.findings[:i]
        return next((f for f in order if layer is None or f.layer == layer), None)

    def previous_before(self, offset: int, layer: str | None = None) -> Finding | None:
        """The last finding starting before `offset` (wrapping to the end)."""
        i = bisect.bisect_left(self._starts, offset)
        order = self.findings[:i][::-1] + self.findings[i:][::-1]
        return next((f for f in order if layer is None or f.layer == layer), None)
