"""THE layer registry: every highlight layer Caveat knows, and how it looks and is built.

Everything that lists layers (the command line's choices, settings, the side panel, menus, the
export legend and PDF layers, words.toml sections, the cache fingerprint, tests) reads this
module; no other file names them. A layer's rules live in its lexicon's `[rules]` table.

Plain data with no heavy imports: the window's process reads it without loading spaCy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Layer:
    id: str
    title: str  # the layer as a whole, for toggles and legends: "Hedges"
    name: str  # one finding of it: "Hedge" ("Hedge: 'could'")
    noun: str  # one finding in a sentence: "a hedge" ("Not a hedge here")
    description: str  # what it marks, in a line
    colour: str  # "#rrggbb" on a light background, from the Okabe-Ito colour-blind-safe palette
    colour_dark: str  # the same hue, lighter, for a dark background
    underline: str  # "wave", "dash" or "dot": colour is never the only cue
    # The spaCy factory that writes doc.spans[id]. The pipeline adds it from here, configured
    # with {"spans_key": id, "lexicon": lexicon}, after the layers it needs.
    factory: str
    module: str  # the module whose import registers that factory with spaCy
    # resources/lexicons/<lexicon>.toml (or a path ending in .toml): word lists and [rules]
    lexicon: str
    needs: tuple[str, ...] = field(default=())  # layers whose spans this one reads


_REGISTRY: dict[str, Layer] = {}


def register(layer: Layer) -> Layer:
    """Add `layer` (or replace the one with its id); later layers are listed after earlier."""
    _REGISTRY[layer.id] = layer
    return layer


def unregister(layer_id: str) -> None:
    _REGISTRY.pop(layer_id, None)


def adopt(layers: Iterable[Layer]) -> None:
    """Register `layers` here as another process has them. A spawned process (the analysis
    helper, the export) starts from the built-in layers; one registered at run time (a plugin,
    a test's layer) exists only where it was registered, so its Layer is passed along."""
    for layer in layers:
        if _REGISTRY.get(layer.id) != layer:
            register(layer)


def all_layers() -> tuple[Layer, ...]:
    return tuple(_REGISTRY.values())


def layer_ids() -> tuple[str, ...]:
    return tuple(_REGISTRY)


def get_layer(layer_id: str) -> Layer:
    """The layer with this id (KeyError naming the known ids if there is none)."""
    try:
        return _REGISTRY[layer_id]
    except KeyError:
        raise KeyError(f"unknown layer {layer_id!r}; known: {', '.join(_REGISTRY)}") from None


def in_order(ids: Iterable[str]) -> tuple[str, ...]:
    """`ids` that are registered, in the registry's order."""
    chosen = set(ids)
    return tuple(layer_id for layer_id in _REGISTRY if layer_id in chosen)


def with_needs(ids: Iterable[str]) -> tuple[str, ...]:
    """`ids` plus every layer they need, directly or not, in the registry's order."""
    wanted: set[str] = set()
    todo = list(ids)
    while todo:
        layer_id = todo.pop()
        if layer_id not in wanted:
            wanted.add(layer_id)
            todo.extend(get_layer(layer_id).needs)
    return in_order(wanted)


register(
    Layer(
        id="hedge",
        title="Hedges",
        name="Hedge",
        noun="a hedge",
        description="Words that soften or blur a claim: could, perhaps, about 3,800, some say.",
        colour="#E69F00",
        colour_dark="#F5B83D",
        underline="wave",
        factory="caveat_hedge",
        module="caveat.analysis.layers.hedge.factory",
        lexicon="hedge",
    )
)
register(
    Layer(
        id="number",
        title="Unsourced numbers",
        name="Unsourced number",
        noun="an unsourced number",
        description=(
            "Statistics, percentages and amounts with no source in the sentence or the next one."
        ),
        colour="#56B4E9",
        colour_dark="#7CC6F0",
        underline="dash",
        factory="caveat_number",
        module="caveat.analysis.layers.number.factory",
        lexicon="number",
    )
)
register(
    Layer(
        id="speculation",
        title="Speculation",
        name="Speculation",
        noun="speculation",
        description="The author's own conjecture, predictions and guessed motives stated as fact.",
        colour="#CC79A7",
        colour_dark="#DE9CC2",
        underline="dot",
        factory="caveat_speculation",
        module="caveat.analysis.layers.speculation.factory",
        lexicon="speculation",
        needs=("hedge",),  # it reads the hedge layer's spans
    )
)
