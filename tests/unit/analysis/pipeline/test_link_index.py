"""Each piece of text gets the links over it, found by bisection (blocks.py), exactly as asking
every link would find them: in the document's order, clipped to the piece, links that start
before it, span several pieces, nest or come out of order included."""

import random

from caveat.analysis.pipeline.blocks import _LinkIndex
from caveat.document import Link


def _asking_every_link(links: list[Link], start: int, end: int) -> list[tuple[int, int]]:
    return [
        (max(link.start, start) - start, min(link.end, end) - start)
        for link in links
        if link.start < end and link.end > start
    ]


def test_bisection_finds_what_asking_every_link_finds():
    rng = random.Random(12)
    for _round in range(200):
        links = []
        for _n in range(rng.randint(0, 30)):
            start = rng.randint(0, 500)
            links.append(Link(start, start + rng.choice([1, 3, 10, 40, 300]), "https://x.org"))
        index = _LinkIndex(links)
        for _piece in range(20):
            start = rng.randint(0, 600)
            end = start + rng.randint(1, 120)
            assert index.over(start, end) == _asking_every_link(links, start, end)


def test_no_links():
    assert _LinkIndex([]).over(0, 100) == []
