"""`caveat rules [LAYER] [--json | --markdown]`: every rule, with why it matters and examples.

Reads the rule tables only (caveat.rules): no language model is loaded.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

from caveat.layers import get_layer, layer_ids
from caveat.rules import SENSITIVITIES, Rule, all_rules, rules_of

WIDTH = 96


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rules", help="list the rules: layer, id, title, why, examples")
    p.add_argument("layer", nargs="?", choices=layer_ids(), help="only this layer's rules")
    form = p.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print a JSON list")
    form.add_argument(
        "--markdown", action="store_true", help="print Markdown, as in docs/quality/<layer>.md"
    )
    p.set_defaults(run=run)


def rule_json(rule: Rule) -> dict[str, object]:
    return {
        "layer": rule.layer or None,  # None: a rule every layer may carry (your own words)
        "id": rule.id,
        "title": rule.title,
        "why": rule.why,
        "confidence": rule.confidence,
        "level": rule.level,  # the least sensitive level its findings show at
        "examples": {"flag": list(rule.flag), "not": list(rule.not_flag)},
    }


def rule_text(rule: Rule) -> str:
    layer = rule.layer or "every layer"
    shown = "" if rule.level == SENSITIVITIES[0] else f", shown at {rule.level} only"
    lines = [f"{rule.id} ({layer}{shown}): {rule.title}"]
    lines += textwrap.wrap(rule.why, WIDTH, initial_indent="  ", subsequent_indent="  ")
    lines += [f"  flags:        {s}" for s in rule.flag]
    lines += [f"  leaves alone: {s}" for s in rule.not_flag]
    return "\n".join(lines)


def rules_markdown(layer_id: str) -> str:
    """The rules of one layer as the per-layer page of docs/quality lists them."""
    parts = [
        f"Generated from `resources/lexicons/{get_layer(layer_id).lexicon}.toml` by "
        f"`caveat rules {layer_id} --markdown` (scripts/update-rule-docs); do not edit by hand.",
    ]
    for rule in rules_of(layer_id):
        examples = [f'- flags: "{s}"' for s in rule.flag]
        examples += [f'- leaves alone: "{s}"' for s in rule.not_flag]
        examples += [
            f'- the rule-based fallback gets "{s}" wrong: {why}'
            for s, why in rule.fallback_misses.items()
        ]
        body = "\n".join(textwrap.wrap(rule.why, WIDTH))
        shown = "" if rule.level == SENSITIVITIES[0] else f", shown at `{rule.level}` only"
        heading = f"### `{rule.id}`: {rule.title} (confidence {rule.confidence:g}{shown})"
        parts.append(f"{heading}\n\n{body}\n\n" + "\n".join(examples))
    return "\n\n".join(parts) + "\n"


def run(args: argparse.Namespace) -> int:
    if args.markdown:
        if not args.layer:
            print(
                "caveat: --markdown lists one layer: caveat rules LAYER --markdown", file=sys.stderr
            )
            return 2
        sys.stdout.write(rules_markdown(args.layer))
        return 0
    chosen = rules_of(args.layer) if args.layer else all_rules()
    if args.json:
        json.dump([rule_json(rule) for rule in chosen], sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print("\n\n".join(rule_text(rule) for rule in chosen))
    return 0


BEGIN, END = "<!-- rules: begin -->", "<!-- rules: end -->"


def docs_with_rules(page: str, layer_id: str) -> str:
    """`page` (a docs/quality/<layer>.md) with its generated rule list brought up to date."""
    start, end = page.index(BEGIN) + len(BEGIN), page.index(END)
    return page[:start] + "\n" + rules_markdown(layer_id) + page[end:]


def update_docs(folder: Path) -> list[Path]:
    """Rewrite the rule list of each layer's page in `folder` (scripts/update-rule-docs)."""
    written = []
    for layer_id in layer_ids():
        path = folder / f"{layer_id}.md"
        if path.exists():
            path.write_text(docs_with_rules(path.read_text(encoding="utf-8"), layer_id), "utf-8")
            written.append(path)
    return written
