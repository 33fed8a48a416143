"""Score Caveat on the hand-annotated gold set (benchmarks/gold): recall, precision and traps.

    .venv/bin/python benchmarks/score_gold_set.py [--split fit|measure|all] [--verbose] [--json]
        [--jobs N] [-- EXTRA caveat analyze OPTIONS, e.g. --model rules]

Each article runs through the command a user runs, `caveat analyze --json FILE` (plus any extra
options after `--`), in a fresh config and cache folder, so the reader's own lists and earlier
results play no part. The scoring is the one of ../shared/tools/score_gold.py, per layer:
  recall    = required gold spans overlapped by a finding / required gold spans
  precision = findings that overlap a gold span of that layer (required or optional) / findings
  traps     = must_not_flag places of that layer that a finding overlaps
Totals are micro-averaged over the articles of the split (sums of the counts, then the ratios).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "gold" / "articles"
LAYERS = ("hedge", "number", "speculation")


def overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def score_article(gold: dict, findings: list[dict]) -> dict[str, dict]:
    """Per layer: the counts behind recall, precision and traps, and what was missed or extra."""
    figures = {}
    for layer in LAYERS:
        spans = [s for s in gold["spans"] if s["layer"] == layer]
        required = [s for s in spans if s["required"]]
        flags = [f for f in findings if f["layer"] == layer]
        found = [s for s in required if any(overlaps(f, s) for f in flags)]
        extra = [f for f in flags if not any(overlaps(f, s) for s in spans)]
        traps = [
            t
            for t in gold["must_not_flag"]
            if t["layer"] == layer and any(overlaps(f, t) for f in flags)
        ]
        figures[layer] = {
            "required": len(required),
            "found": len(found),
            "flags": len(flags),
            "good": len(flags) - len(extra),
            "traps": len(traps),
            "missed": [s["text"] for s in required if s not in found],
            "extra": [f["text"] for f in extra],
            "trapped": [f"{t['text']} ({t['why']})" for t in traps],
        }
    return figures


def ratios(counts: dict) -> dict[str, float]:
    """Recall and precision as score_gold.py gives them (1.0 when there is nothing to find)."""
    recall = counts["found"] / counts["required"] if counts["required"] else 1.0
    if counts["flags"]:
        precision = counts["good"] / counts["flags"]
    else:
        precision = 1.0 if not counts["required"] else 0.0
    return {"recall": recall, "precision": precision}


def totals(per_article: dict[str, dict]) -> dict[str, dict]:
    keys = ("required", "found", "flags", "good", "traps")
    summed: dict[str, dict] = {}
    for layer in LAYERS:
        counts = {k: sum(a[layer][k] for a in per_article.values()) for k in keys}
        summed[layer] = {**counts, **ratios(counts)}
    all_counts = {k: sum(summed[layer][k] for layer in LAYERS) for k in keys}
    summed["all"] = {**all_counts, **ratios(all_counts)}
    return summed


def gold_files(split: str) -> list[Path]:
    files = sorted(GOLD.glob("*.gold.json"))
    if split == "all":
        return files
    return [p for p in files if json.loads(p.read_text(encoding="utf-8"))["split"] == split]


def caveat_command() -> list[str]:
    """The `caveat` beside this Python (the project's venv), else the one on PATH."""
    beside = Path(sys.executable).parent / "caveat"
    return [str(beside)] if beside.exists() else ["caveat"]


def analyse(text_path: Path, extra: list[str], env: dict[str, str]) -> dict:
    command = [*caveat_command(), "analyze", "--json", str(text_path), *extra]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr.strip()}")
    return json.loads(done.stdout)


def run(split: str, extra: list[str], jobs: int) -> dict[str, dict]:
    with tempfile.TemporaryDirectory(prefix="caveat-gold-") as scratch:
        env = {
            **os.environ,
            "XDG_CONFIG_HOME": str(Path(scratch) / "config"),
            "XDG_CACHE_HOME": str(Path(scratch) / "cache"),
        }

        def one(gold_path: Path) -> tuple[str, dict]:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text_path = gold_path.with_name(gold["file"])
            result = analyse(text_path, extra, env)
            if result["text"] != text_path.read_text(encoding="utf-8"):
                raise SystemExit(f"{text_path.name}: caveat read a different text; offsets differ")
            return gold_path.name.removesuffix(".gold.json"), score_article(
                gold, result["findings"]
            )

        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            return dict(pool.map(one, gold_files(split)))


def fmt(value: float) -> str:
    return f"{value:.2f}"


def print_table(title: str, summed: dict[str, dict]) -> None:
    print(title)
    print(f"  {'layer':12} {'recall':>14} {'precision':>16} {'traps':>6}")
    for layer in (*LAYERS, "all"):
        s = summed[layer]
        recall = f"{fmt(s['recall'])} ({s['found']}/{s['required']})"
        precision = f"{fmt(s['precision'])} ({s['good']}/{s['flags']})"
        print(f"  {layer:12} {recall:>14} {precision:>16} {s['traps']:>6}")


def print_article(name: str, figures: dict[str, dict]) -> None:
    parts = []
    for layer in LAYERS:
        r = ratios(figures[layer])
        parts.append(
            f"{layer} R={fmt(r['recall'])} P={fmt(r['precision'])} traps={figures[layer]['traps']}"
        )
    print(f"{name}: " + "; ".join(parts))
    for layer in LAYERS:
        for text in figures[layer]["missed"]:
            print(f"  missed {layer}: {text[:70]!r}")
        for text in figures[layer]["extra"]:
            print(f"  extra {layer}: {text[:70]!r}")
        for text in figures[layer]["trapped"]:
            print(f"  TRAP {layer}: {text[:90]}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    extra: list[str] = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1 :]
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("fit", "measure", "all"), default="all")
    parser.add_argument("--verbose", action="store_true", help="per-article breakdown")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--jobs", type=int, default=1, help="articles analysed at once")
    args, unknown = parser.parse_known_args(argv)
    extra = unknown + extra  # options the scorer does not know go to `caveat analyze`
    per_article = run(args.split, extra, args.jobs)
    summed = totals(per_article)
    if args.json:
        json.dump(
            {"split": args.split, "options": extra, "totals": summed, "articles": per_article},
            sys.stdout,
            indent=1,
            ensure_ascii=False,
        )
        print()
        return 0
    if args.verbose:
        for name, figures in per_article.items():
            print_article(name, figures)
        print()
    options = f", options {' '.join(extra)}" if extra else ""
    print_table(f"gold set, split {args.split} ({len(per_article)} articles{options})", summed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
