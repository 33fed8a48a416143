"""The summary pages: legend, counts and densities, readability with meanings, every finding."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from caveat.analysis.readability.meanings import DESCRIPTIONS, grade_in_words, unmeasured_reason
from caveat.document import Document
from caveat.export.annotate import tint
from caveat.export.printjob import PrintBlock, PrintJob, PrintTable, Style, Swatch
from caveat.findings import Analysis, Finding
from caveat.layers import get_layer
from caveat.reference import reference, standing
from caveat.rules import get_rule

#: metrics measured in US school grades, which the summary also says in words
GRADE_METRICS = (
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
)
METRIC_NAMES = {
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "gunning_fog": "Gunning fog index",
    "smog_index": "SMOG index",
    "coleman_liau_index": "Coleman-Liau index",
    "automated_readability_index": "Automated readability index",
    "dale_chall_readability_score": "Dale-Chall score",
    "reading_time_seconds": "Reading time",
    "words": "Words",
    "sentences": "Sentences",
}
UNDERLINE_WORDS = {"wave": "a wavy line", "dash": "dashes", "dot": "dots"}
QUOTE_LIMIT = 90  # characters of flagged text quoted in the list before it is cut


def layer_swatch(layer_id: str, start: int, end: int) -> Swatch:
    """How a layer's highlight looks (tint plus its underline), for a legend key."""
    layer = get_layer(layer_id)
    background = "#" + "".join(f"{round(c * 255):02x}" for c in tint(layer.colour))
    return Swatch(start, end, background, layer.colour, layer.underline)


def _value(name: str, value: float) -> str:
    if name == "reading_time_seconds":
        minutes, seconds = divmod(round(value), 60)
        return f"{minutes} min {seconds:02d} s" if minutes else f"{seconds} s"
    if name in ("words", "sentences"):
        return f"{value:,.0f}"
    return f"{value:.1f}"


def _meaning(name: str, value: float) -> str:
    meaning = DESCRIPTIONS.get(name, "")
    if name in GRADE_METRICS:
        meaning = f"{meaning}; {grade_in_words(value)}"
    return meaning[:1].upper() + meaning[1:]


def _legend_note(layers: Sequence[str]) -> str:
    """How to read the highlights, naming each layer's underline so colour is not the only cue."""
    lines = ", ".join(
        f"{UNDERLINE_WORDS.get(get_layer(layer).underline, 'a line')} under "
        f"{get_layer(layer).title.lower()}"
        for layer in layers
    )
    return (
        f"Each highlight is tinted in its layer's colour and underlined: {lines}. They are PDF "
        "annotations: your viewer lists them with their explanations, and its layers panel "
        "shows or hides each layer."
    )


def _compared(layer: str, analysis: Analysis) -> str:
    found = standing(layer, analysis.per_100_words(layer))
    return found.comparison()[:1].upper() + found.comparison()[1:] if found else ""


def _reference_note() -> str:
    known = reference()
    if not known:
        return ""
    return f"Typical news: {known.get('articles', 0):,} {known.get('summary', 'articles')}."


def _quote(text: str) -> str:
    words = " ".join(text.split())
    if len(words) > QUOTE_LIMIT:
        words = words[: QUOTE_LIMIT - 1].rstrip() + "…"
    return f"“{words}”"


def _finding_item(document: Document, finding: Finding, page: int | None) -> PrintBlock:
    where = f"p. {page}" if page else "not placed"
    label = get_layer(finding.layer).title
    text = f"{where}\t{label}  {_quote(document.text[finding.start : finding.end])}: "
    text += finding.message
    start = text.index(label)
    return PrintBlock(
        text, Style.ITEM, swatches=(layer_swatch(finding.layer, start, start + len(label)),)
    )


def _unmeasured_note(analysis: Analysis) -> list[PrintBlock]:
    """Why the readability formulas are missing, when they are (a one-word PDF, Chinese text)."""
    reason = unmeasured_reason(analysis.metrics)
    return [PrintBlock(f"{reason[:1].upper()}{reason[1:]}.", Style.NOTE)] if reason else []


def reader_choices(sensitivity: str, switched_off: Iterable[str]) -> str:
    """What the reader chose to see, in words, for the summary: the sensitivity level and the
    rules switched off (by their titles), so that a PDF read later says what it leaves out."""
    text = f"Shown at the {sensitivity} sensitivity."
    titles = sorted(_rule_title(rule) for rule in switched_off)
    if titles:
        text += f" Rules switched off: {', '.join(titles)}."
    return text


def _rule_title(rule_id: str) -> str:
    try:
        return get_rule(rule_id).title
    except KeyError:  # a rule words.toml names that this version does not have
        return rule_id


def summary_job(
    document: Document,
    analysis: Analysis,
    layers: Sequence[str],
    first_pages: Mapping[Finding, int],
    first_page_number: int,
    choices: str = "",
) -> PrintJob:
    """The summary as a PrintJob; `first_pages` gives the 1-based page where each finding starts;
    `choices` says what the reader chose to see (reader_choices)."""
    findings = sorted(f for layer in layers for f in analysis.findings.get(layer, ()))
    blocks: list[PrintBlock | PrintTable] = [
        PrintBlock("What Caveat found", Style.TITLE),
        PrintBlock(
            f"{document.name} · {analysis.words:,} words · analysed with "
            f"{analysis.pipeline.display_name()}",
            Style.SUBTITLE,
        ),
    ]
    if choices:
        blocks.append(PrintBlock(choices, Style.NOTE))
    if analysis.pipeline.notice:
        blocks.append(PrintBlock(analysis.pipeline.notice, Style.NOTE))
    blocks += [
        PrintBlock("Layers", Style.HEADING, 2),
        PrintBlock(_legend_note(layers), Style.NOTE),
        PrintTable(
            header=(
                "Layer",
                "What it marks",
                "Findings",
                "Per 100 words",
                "Compared with typical news",
            ),
            rows=tuple(
                (
                    get_layer(layer).title,
                    get_layer(layer).description,
                    str(analysis.count(layer)),
                    f"{analysis.per_100_words(layer):.2f}",
                    _compared(layer, analysis),
                )
                for layer in layers
            ),
            row_keys=tuple(layer_swatch(layer, 0, len(get_layer(layer).title)) for layer in layers),
            widths=(20, 34, 11, 13, 22),
        ),
        PrintBlock(_reference_note(), Style.NOTE),
        PrintBlock("Readability", Style.HEADING, 2),
        *_unmeasured_note(analysis),
        PrintTable(
            header=("Measure", "Value", "What it means"),
            rows=tuple(
                (METRIC_NAMES.get(name, name), _value(name, value), _meaning(name, value))
                for name in DESCRIPTIONS
                if (value := analysis.metrics.get(name)) is not None
            ),
            widths=(32, 12, 56),
        ),
        PrintBlock(f"Findings ({len(findings)})", Style.HEADING, 2),
    ]
    if not findings:
        blocks.append(PrintBlock("Nothing was flagged in the exported layers.", Style.NOTE))
    blocks += [_finding_item(document, f, first_pages.get(f)) for f in findings]
    title = f"What Caveat found: {document.title or document.name}"
    return PrintJob(title=title, blocks=tuple(blocks), first_page_number=first_page_number)
