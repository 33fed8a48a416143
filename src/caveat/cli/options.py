"""Options shared by several commands, and how results are shaped for the reader."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from caveat.document import Document
from caveat.findings import Analysis
from caveat.layers import layer_ids
from caveat.loaders import DEFAULT_MAX_BYTES, is_web_address


def layers_option(value: str) -> tuple[str, ...]:
    names = tuple(n.strip() for n in value.split(",") if n.strip())
    unknown = [n for n in names if n not in layer_ids()]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown layer {', '.join(unknown) or '(none)'}; choose from {', '.join(layer_ids())}"
        )
    return names


def megabytes(value: str) -> int:
    try:
        size = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size in MB: {value}") from None
    if size <= 0:
        raise argparse.ArgumentTypeError("the size limit must be above 0 MB")
    return int(size * 1024 * 1024)


def source_argument(value: str) -> Path | str:
    """A file (Path) or a web address, kept as the string it is (Path() would mangle it)."""
    return value if is_web_address(value) else Path(value)


def add_language_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--any-language",
        action="store_true",
        help="analyse a text that is not in English too (the layers read English)",
    )


def layers_for(document: Document, layers: Sequence[str], any_language: bool) -> tuple[str, ...]:
    """The layers to run: none on a text in another language, unless asked to, with a note."""
    from caveat.loaders.language import language_name, reads_as_english

    if reads_as_english(document.language):
        return tuple(layers)
    name = language_name(document.language)
    if any_language:
        print(f"caveat: note: the text is in {name}; analysed with English rules", file=sys.stderr)
        return tuple(layers)
    print(
        f"caveat: note: the text is mostly in {name}, and Caveat's layers read English, so "
        "nothing was flagged; --any-language analyses it anyway",
        file=sys.stderr,
    )
    return ()


def level_option(value: str) -> str:
    from caveat.sensitivity import sensitivity_option

    try:
        return sensitivity_option(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_sensitivity_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--sensitivity",
        type=level_option,
        default="balanced",
        metavar="LEVEL",
        help="how much to show: strict (only the surest findings), balanced (the default) or "
        "thorough (also what a careful editor might question)",
    )


def add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--layers", type=layers_option, default=layer_ids(), help="comma-separated layers"
    )
    add_sensitivity_option(p)
    p.add_argument("--model", help="spaCy model to prefer ('rules' for the rule-based fallback)")
    p.add_argument(
        "--skip-rules",
        type=skip_rules_option,
        default=frozenset(),
        metavar="ID[,ID...]",
        help="rules whose findings to leave out (ids as 'caveat rules' lists them)",
    )
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also show what libraries log (repairs of a damaged PDF) and Caveat's own log",
    )
    p.add_argument(
        "--max-size",
        type=megabytes,
        default=DEFAULT_MAX_BYTES,
        metavar="MB",
        help="refuse files larger than this (default 50 MB)",
    )


class UsageError(Exception):
    """A command line that cannot be run as given: one line for the reader, exit status 2."""


def print_notices(document: Document) -> None:
    """What the loader had to guess (an encoding, an article not in the page), on stderr."""
    for notice in document.notices:
        print(f"note: {notice}", file=sys.stderr)


def skip_rules_option(value: str) -> frozenset[str]:
    """`--skip-rules ID[,ID...]`: rule ids as `caveat rules` lists them (checked by
    `chosen_skips`, so that an unknown id is one line, not argparse's usage block)."""
    return frozenset(n.strip() for n in value.split(",") if n.strip())


def chosen_skips(args: argparse.Namespace) -> frozenset[str]:
    """The rules `--skip-rules` names; UsageError naming an unknown one and the known ones."""
    from caveat.rules import all_rules

    known = [rule.id for rule in all_rules()]
    unknown = sorted(args.skip_rules - set(known))
    if unknown:
        raise UsageError(f"unknown rule {', '.join(unknown)}; known rules: {', '.join(known)}")
    return frozenset(args.skip_rules)


def as_reader_wants(
    document: Document,
    analysis: Analysis,
    skip_rules: frozenset[str] = frozenset(),
    sensitivity: str = "balanced",
) -> Analysis:
    """Leave out what the reader asked never to see: the ignore list, the rules words.toml
    skips, `skip_rules`, and what the sensitivity level does not show."""
    from caveat import reader_words
    from caveat.sensitivity import at_level

    analysis, problem = reader_words.as_reader_wants(analysis, document.text, skip_rules)
    if problem:
        print(f"caveat: note: {problem}", file=sys.stderr)
    return at_level(analysis, sensitivity)
