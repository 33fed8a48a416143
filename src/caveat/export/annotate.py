"""Write findings as real PDF highlight annotations, one optional content group per layer.

Each highlight carries its explanation (/Contents), its layer and rule (/T, /Subj), the Print flag
(viewers leave unprinted annotations off paper) and its own appearance: the layer's tint
multiplied over the words plus the layer's underline pattern, so colour is never the only cue and
every viewer draws it the same way.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from caveat.export.boxes import Placement, Rect
from caveat.export.increment import IncrementalPdf
from caveat.findings import Finding
from caveat.layers import Layer
from caveat.sensitivity import in_words

PRINT_FLAG = 4
TINT_STRENGTH = 0.42  # how much of the layer colour the highlight fill keeps over white


def tint(color: str, strength: float = TINT_STRENGTH) -> tuple[float, float, float]:
    """`color` ("#rrggbb") mixed with white, as RGB in 0..1: light enough to read through."""
    r, g, b = (1 - strength * (1 - int(color[i : i + 2], 16) / 255) for i in (1, 3, 5))
    return round(r, 4), round(g, 4), round(b, 4)


def rgb(color: str) -> tuple[float, float, float]:
    """`color` ("#rrggbb") as RGB in 0..1."""
    return tint(color, 1.0)


def note(finding: Finding) -> str:
    """The highlight's note: why it is flagged, and how sure Caveat is."""
    return f"{finding.message}\nConfidence: {in_words(finding)}"


def _pdf_date(moment: datetime) -> str:
    return moment.strftime("D:%Y%m%d%H%M%S+00'00'")


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _underline(line: Rect, style: str) -> str:
    """Content-stream operators drawing the layer's underline under one line rectangle."""
    left, bottom, right, _top = line
    # each style at its own height, so two layers over the same words keep both lines visible
    y = bottom + {"wave": 1.7, "dash": 1.1}.get(style, 0.5)
    if style == "wave":
        step, points, x, up = 1.6, [], left, True
        while x < right:
            points.append(f"{_num(x)} {_num(y + (0.8 if up else -0.4))}")
            x, up = x + step, not up
        points.append(f"{_num(right)} {_num(y)}")
        path = f"{points[0]} m " + " ".join(f"{p} l" for p in points[1:])
        return f"[] 0 d 0.6 w {path} S"
    dash = "[0.1 1.7] 0 d 1 J 1 w" if style == "dot" else "[3 1.6] 0 d 0 J 0.8 w"
    return f"{dash} {_num(left)} {_num(y)} m {_num(right)} {_num(y)} l S"


class HighlightWriter:
    """Adds highlights to a PDF's pages, each layer in an optional content group."""

    def __init__(self, writer: IncrementalPdf, layers: list[Layer]) -> None:
        self.writer = writer
        self.layers = {layer.id: layer for layer in layers}
        self.groups: dict[str, IndirectObject] = {}
        self.now = _pdf_date(datetime.now(UTC))
        self._graphics_state = writer.add(
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/ExtGState"),
                    NameObject("/BM"): NameObject("/Multiply"),
                }
            )
        )
        self._serial = 0
        for layer in layers:
            self.groups[layer.id] = self._add_group(layer)

    def _add_group(self, layer: Layer) -> IndirectObject:
        """An optional content group named after the layer, listed (and on) in the catalog."""
        group = self.writer.add(
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/OCG"),
                    NameObject("/Name"): TextStringObject(layer.title),
                }
            )
        )
        # a user's PDF may have layers of its own: add ours beside them
        pdf = self.writer
        catalog = pdf.catalog()
        properties = cast(DictionaryObject, pdf.entry(catalog, "/OCProperties", DictionaryObject))
        cast(ArrayObject, pdf.entry(properties, "/OCGs", ArrayObject)).append(group)
        default = cast(DictionaryObject, pdf.entry(properties, "/D", DictionaryObject))
        cast(ArrayObject, pdf.entry(default, "/Order", ArrayObject)).append(group)
        cast(ArrayObject, pdf.entry(default, "/ON", ArrayObject)).append(group)
        return group

    def _appearance(self, placement: Placement, layer: Layer, box: Rect) -> IndirectObject:
        fill = " ".join(_num(c) for c in tint(layer.colour))
        line = " ".join(_num(c) for c in rgb(layer.colour))
        ops = ["q /Mult gs", f"{fill} rg"]
        ops += [
            f"{_num(r[0])} {_num(r[1])} {_num(r[2] - r[0])} {_num(r[3] - r[1])} re f"
            for r in placement.lines
        ]
        ops += ["Q q", f"{line} RG"]
        ops += [_underline(r, layer.underline) for r in placement.lines]
        ops.append("Q")
        stream = DecodedStreamObject()
        stream.set_data(" ".join(ops).encode("ascii"))
        stream.update(
            {
                NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Form"),
                NameObject("/BBox"): ArrayObject(FloatObject(v) for v in box),
                NameObject("/Resources"): DictionaryObject(
                    {
                        NameObject("/ExtGState"): DictionaryObject(
                            {NameObject("/Mult"): self._graphics_state}
                        )
                    }
                ),
            }
        )
        return self.writer.add(stream)

    def add(self, placement: Placement) -> IndirectObject:
        """One /Highlight over the placement's lines on its page; returns the annotation."""
        finding = placement.finding
        layer = self.layers[finding.layer]
        self._serial += 1
        left, bottom, right, top = placement.rect
        box = (left - 0.5, bottom - 0.5, right + 0.5, top + 0.5)
        quads = ArrayObject()
        for r in placement.lines:
            # upper-left, upper-right, lower-left, lower-right: the order viewers expect
            for x, y in ((r[0], r[3]), (r[2], r[3]), (r[0], r[1]), (r[2], r[1])):
                quads += [FloatObject(round(x, 3)), FloatObject(round(y, 3))]
        annotation = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Highlight"),
                NameObject("/Rect"): ArrayObject(FloatObject(round(v, 3)) for v in box),
                NameObject("/QuadPoints"): quads,
                NameObject("/C"): ArrayObject(FloatObject(c) for c in tint(layer.colour)),
                NameObject("/Contents"): TextStringObject(note(finding)),
                NameObject("/T"): TextStringObject(layer.title),
                NameObject("/Subj"): TextStringObject(f"{layer.title}: {finding.rule}"),
                NameObject("/NM"): TextStringObject(f"caveat-{self._serial}"),
                NameObject("/M"): TextStringObject(self.now),
                NameObject("/CreationDate"): TextStringObject(self.now),
                NameObject("/F"): NumberObject(PRINT_FLAG),
                NameObject("/OC"): self.groups[layer.id],
                NameObject("/AP"): DictionaryObject(
                    {NameObject("/N"): self._appearance(placement, layer, box)}
                ),
            }
        )
        return self.writer.add_annotation(placement.page, annotation)
