"""Build the gold set's article texts and gold files from the corpora and the annotation sheets.

Usage: python benchmarks/gold/build_gold.py [--check]

Each annotation sheet (`annotations/<id>.ann`, written by hand) names one corpus document and
lists the spans sentence by sentence. This script rebuilds `articles/<id>.txt` from the corpus
(`../shared/corpora`) and turns every line of the sheet into a span with offsets into that text,
so no offset is ever typed by hand. `--check` rebuilds in memory and fails when the committed
files differ (the gold JSON files are what the scorer reads; the sheets are how they were made).

Sheet format (one item a line; `#` starts a comment):
    @doc DOC_ID            the corpus `doc` key
    @corpus polnear_attribution|basil
    @outlet NAME           the outlet (PolNeAR: from the doc id; BASIL: its `source` field)
    @genre news|analysis|opinion
    @split fit|measure
    @title yes|no          whether the first sentence is a headline (its own paragraph)
    @boilerplate "TEXT"    web furniture inside the text (listed, never annotated)
    N L M "TEXT"[#K] KIND | NOTE
        N: sentence number in the document (the `#N` of the corpus id)
        L: H hedge, N number, S speculation
        M: + required, ? optional (neither rewarded nor penalised), ! must not flag
        TEXT: the span, found in sentence N (the K-th occurrence, default the first, as a whole
              word); for S the text may be left out and then the whole sentence is the span
        KIND: a short word (modal, approximator, percentage, prediction, ...); NOTE: why
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _corpora() -> Path:
    """../shared/corpora beside the checkout (a worktree may sit one folder deeper)."""
    for parent in HERE.parents:
        if (parent / "shared" / "corpora").is_dir():
            return parent / "shared" / "corpora"
    raise SystemExit("cannot find shared/corpora above " + str(HERE))


LAYERS = {"H": "hedge", "N": "number", "S": "speculation"}
SCHEME = (
    "hedge: the cue word or phrase; number: the figure (a statistic, proportion, percentage, "
    "amount of money or count) that has no source; speculation: the whole sentence. Offsets are "
    "Python str indices into the file decoded as UTF-8. A span with required=false is neither "
    "rewarded nor penalised. must_not_flag: places where a flag of that layer is a false "
    "positive. See benchmarks/gold/README.md for the guidelines."
)
LINE = re.compile(
    r"^(?P<sent>\d+)\s+(?P<layer>[HNS])(?P<mark>[+?!])"
    r'(?:\s+"(?P<text>(?:[^"\\]|\\.)*)"(?:#(?P<nth>\d+))?)?'
    r"(?:\s+(?P<kind>[\w-]+))?\s*(?:\|\s*(?P<note>.*))?$"
)


@dataclass
class Sheet:
    ident: str
    meta: dict[str, str] = field(default_factory=dict)
    boilerplate: list[str] = field(default_factory=list)
    items: list[tuple[int, dict[str, str]]] = field(default_factory=list)


def read_sheet(path: Path) -> Sheet:
    sheet = Sheet(path.stem)
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        if line.startswith("@boilerplate"):
            sheet.boilerplate.append(json.loads(line.split(None, 1)[1]))
        elif line.startswith("@"):
            key, _, value = line[1:].partition(" ")
            sheet.meta[key] = value.strip()
        else:
            match = LINE.match(line)
            if not match:
                raise SystemExit(f"{path.name}:{number}: cannot read {raw!r}")
            sheet.items.append((number, match.groupdict()))
    return sheet


def corpus_sentences(corpus: str, doc: str) -> dict[int, str]:
    sentences: dict[int, str] = {}
    with open(_corpora() / corpus / "train.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if f'"{doc}"' not in line:
                continue
            record = json.loads(line)
            if record["doc"] == doc:
                sentences[int(record["id"].rsplit("#", 1)[1])] = record["text"]
    if not sentences:
        raise SystemExit(f"{doc} is not in {corpus}/train.jsonl")
    return sentences


def build_text(sentences: dict[int, str], title: bool) -> tuple[str, dict[int, int]]:
    """The article text and where each sentence starts in it.

    Sentences are stripped of surrounding white space and empty ones dropped; the headline (if
    any) is a paragraph of its own, then three sentences to a paragraph, joined by one space;
    paragraphs are separated by a blank line. Line breaks inside a corpus sentence are kept."""
    order = [n for n in sorted(sentences) if sentences[n].strip()]
    groups: list[list[int]] = []
    if title:
        groups.append(order[:1])
        order = order[1:]
    groups += [order[i : i + 3] for i in range(0, len(order), 3)]
    text, starts = "", {}
    for g, group in enumerate(groups):
        if g:
            text += "\n\n"
        for i, n in enumerate(group):
            if i:
                text += " "
            starts[n] = len(text)
            text += sentences[n].strip()
    return text + "\n", starts


def locate(sentence: str, wanted: str, nth: int) -> tuple[int, str]:
    """Where the nth whole-word `wanted` starts in `sentence`, and its exact text there (a
    straight apostrophe in a sheet also finds the typographic one the corpus may use)."""
    if wanted not in sentence and "'" in wanted and wanted.replace("'", "’") in sentence:
        wanted = wanted.replace("'", "’")
    pattern = re.escape(wanted)
    if re.match(r"\w", wanted):
        pattern = r"(?<!\w)" + pattern
    if re.search(r"\w$", wanted):
        pattern += r"(?!\w)"
    hits = [m.start() for m in re.finditer(pattern, sentence)]
    if len(hits) < nth:
        raise ValueError(f"{wanted!r} (#{nth}) not in sentence: {sentence!r}")
    return hits[nth - 1], wanted


def whole_sentence(sentence: str) -> str:
    """A sentence as a speculation span: without a stray closing quote the corpus's sentence
    splitter left after a paragraph break."""
    return sentence.strip().split("\n\n")[0].strip()


def build(sheet: Sheet) -> tuple[str, dict]:
    meta = sheet.meta
    sentences = corpus_sentences(meta["corpus"], meta["doc"])
    text, starts = build_text(sentences, meta.get("title") == "yes")
    spans, traps = [], []
    for number, item in sheet.items:
        sent = int(item["sent"])
        body = sentences[sent].strip()
        wanted = item["text"].replace('\\"', '"') if item["text"] is not None else None
        if wanted is None:
            if item["layer"] != "S":
                raise SystemExit(f"{sheet.ident}.ann:{number}: a span needs its text")
            wanted = whole_sentence(body)
        try:
            offset, wanted = locate(body, wanted, int(item["nth"] or 1))
        except (KeyError, ValueError) as err:
            raise SystemExit(f"{sheet.ident}.ann:{number}: {err}") from None
        start = starts[sent] + offset
        end = start + len(wanted)
        assert text[start:end] == wanted
        layer = LAYERS[item["layer"]]
        if item["mark"] == "!":
            traps.append(
                {
                    "layer": layer,
                    "start": start,
                    "end": end,
                    "text": wanted,
                    "why": item["note"] or "",
                }
            )
        else:
            spans.append(
                {
                    "layer": layer,
                    "start": start,
                    "end": end,
                    "text": wanted,
                    "kind": item["kind"] or "",
                    "required": item["mark"] == "+",
                    "note": item["note"] or "",
                }
            )
    for found in sheet.boilerplate:
        if found not in text:
            raise SystemExit(f"{sheet.ident}: boilerplate {found!r} is not in the text")
    gold = {
        "file": f"{sheet.ident}.txt",
        "scheme": SCHEME,
        "source": {
            "corpus": meta["corpus"],
            "split": "train",
            "doc": meta["doc"],
            "outlet": meta["outlet"],
            "genre": meta["genre"],
        },
        "split": meta["split"],
        "spans": spans,
        "must_not_flag": traps,
    }
    if sheet.boilerplate:
        gold["boilerplate"] = sheet.boilerplate
    return text, gold


def main() -> int:
    check = "--check" in sys.argv
    stale = []
    for path in sorted((HERE / "annotations").glob("*.ann")):
        text, gold = build(read_sheet(path))
        txt_path = HERE / "articles" / f"{path.stem}.txt"
        gold_path = HERE / "articles" / f"{path.stem}.gold.json"
        rendered = json.dumps(gold, indent=1, ensure_ascii=False) + "\n"
        if check:
            for out, content in ((txt_path, text), (gold_path, rendered)):
                if not out.exists() or out.read_text(encoding="utf-8") != content:
                    stale.append(out.name)
        else:
            txt_path.parent.mkdir(exist_ok=True)
            txt_path.write_text(text, encoding="utf-8")
            gold_path.write_text(rendered, encoding="utf-8")
    if stale:
        print("out of date:", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
