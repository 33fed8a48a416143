"""Make odd and damaged inputs, run `caveat analyze` and `caveat export` on each, and check that
every run gives a result or one clean line, and that every export renders its pages as the input
does and passes `qpdf --check` at least as well. Prints the table of docs/reliability.md.

    .venv/bin/python benchmarks/reliability.py [--model rules] [--keep DIR] [--only NAME,...]

Without --model the installed English model is used, as a user would have it; `--model rules`
is quicker.

Each file is made here (tests/helpers/odd_pdfs.py, tests/data/pages/), never downloaded; each run is
a whole `caveat` process with a fresh cache folder, as a user would start it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "helpers"))
from odd_pdfs import ODD_PDFS, article_pdf, many_annotations  # noqa: E402

PAGES = REPO / "tests" / "data" / "pages"
BBC = "Chelsea completed a £15.8m signing of the winger, the club said on Tuesday.\n"
ARTICLE = (
    "Officials said about 3,800 people left the island. The port will likely close by May.\n\n"
    "Perhaps 40 percent of the boats never came back, and some say the defences failed.\n"
)
#: qpdf --check's exit codes from best to worst: fine, warnings, errors
QPDF_SEVERITY = {0: 0, 3: 1, 2: 2}


def _markdown_references() -> bytes:
    return (
        b"# Harbour notes\n\nAbout 120 boats were registered in 2019 [1].\n\n## References\n\n"
        b"1. Marine Office (14 March 2020). Harbour statistics 2019.\n"
    )


def _docx(paragraphs: list[str]) -> bytes:
    import io

    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _zip_not_docx() -> bytes:
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "not a Word document")
    return out.getvalue()


def _password_protected() -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(article_pdf())))
    writer.encrypt(user_password="secret", owner_password="secret", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _scanned() -> bytes:
    """A page with an image and no text layer."""
    pixels = bytes(range(256)) * 4
    image = (
        b"<< /Type /XObject /Subtype /Image /Width 32 /Height 32 /BitsPerComponent 8 "
        b"/ColorSpace /DeviceGray /Length %d >>\nstream\n%s\nendstream" % (len(pixels), pixels)
    )
    content = b"q 400 0 0 400 100 300 cm /Im1 Do Q"
    from odd_pdfs import assemble

    return assemble(
        [
            image,
            b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /XObject << /Im1 1 0 R >> >> /Contents 4 0 R >>",
        ],
        root=3,
    )


PAGE_KINDS = {
    "app-shell.html": "HTML: app shell (needs JavaScript)",
    "blog-with-ads.html": "HTML: blog post with ads and newsletter box",
    "json-ld-body.html": "HTML: article only in JSON-LD",
    "next-data-island.html": "HTML: article only in a Next.js data island",
    "wikipedia-article.html": "HTML: saved Wikipedia article",
}

#: (file name, what it is, maker)
INPUTS: list[tuple[str, str, Callable[[], bytes]]] = [
    ("bbc-cp1252.txt", "cp1252 text with one £", lambda: BBC.encode("cp1252")),
    (
        "utf8-stray-byte.txt",
        "UTF-8 with one stray cp1252 byte",
        lambda: (BBC * 20).encode() + b"A stray \xa3 sign.\n",
    ),
    ("utf16-bom.txt", "UTF-16 with a byte-order mark", lambda: ARTICLE.encode("utf-16")),
    (
        "polish-cp1250.txt",
        "Central European text in cp1250",
        lambda: ("Łódź: około 40 procent mieszkańców się zgadza. " * 4).encode("cp1250"),
    ),
    (
        "japanese-shift-jis.txt",
        "Japanese in Shift JIS",
        lambda: ("東京都は予算案を発表し、約四割が福祉に充てられると述べた。" * 4).encode(
            "shift_jis"
        ),
    ),
    (
        "chinese-utf8.txt",
        "Chinese text",
        lambda: ("北京市政府周二宣布，约四成预算将用于社会福利。" * 8).encode(),
    ),
    ("one-word.txt", "one word", lambda: b"Harbour\n"),
    (
        "letter-runs.txt",
        "long runs of letters",
        lambda: b"Qwrtzpflkmnbvcxzaqswdefrgthyjukilop dfghjklqwertzuiop zxcvbnmlkjh. " * 30,
    ),
    ("binary.txt", "binary data named .txt", lambda: b"\x00\x01\x02 binary \x00" * 50),
    ("empty.txt", "an empty file", lambda: b"   \n"),
    ("references.md", "Markdown with a reference list", _markdown_references),
    (
        "news-page.html",
        "HTML: news page with byline",
        lambda: (PAGES.parent / "news-page.html").read_bytes(),
    ),
    *[
        (name, kind, lambda name=name: (PAGES / name).read_bytes())
        for name, kind in PAGE_KINDS.items()
    ],
    ("report.docx", "a Word document", lambda: _docx(ARTICLE.split("\n\n"))),
    ("not-word.docx", "a zip that is not a Word document", _zip_not_docx),
    *[(f"{name}.pdf", f"PDF: {name.replace('-', ' ')}", make) for name, make in ODD_PDFS.items()],
    ("annotations-32768.pdf", "PDF: 32,768 annotations on a page", many_annotations),
    ("user-password.pdf", "PDF: needs a password", _password_protected),
    ("scanned.pdf", "PDF: scanned, no text layer", _scanned),
    ("truncated.pdf", "PDF: cut off half-way", lambda: article_pdf()[: len(article_pdf()) // 2]),
    ("renamed.pdf", "a text file named .pdf", lambda: ARTICLE.encode()),
]


def caveat(*args: str | Path, model: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": tempfile.mkdtemp(prefix="caveat-cache-")}
    command = [sys.executable, "-m", "caveat", *map(str, args), *(["--model", model] * bool(model))]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)


def clean(result: subprocess.CompletedProcess[str]) -> str:
    """'result', 'one line' (a refusal of exit status 1 and one line on stderr), or what broke."""
    other = [line for line in result.stderr.splitlines() if not line.startswith("note:")]
    if "Traceback" in result.stderr:
        return "TRACEBACK"
    if result.returncode == 0 and not other:
        return "result"
    if result.returncode == 1 and len(other) == 1 and other[0].startswith("caveat: "):
        return "one line"
    return f"exit {result.returncode}, {len(other)} stderr lines"


def what_analyze_said(result: subprocess.CompletedProcess[str]) -> str:
    if result.returncode != 0:
        return result.stderr.strip().split(": ", 2)[-1][:90]
    out = json.loads(result.stdout)
    count = len(out["findings"])
    said = [f"{count} finding{'s' * (count != 1)}"]
    if out["metrics"].get("flesch_kincaid_grade") is None:
        said.append("readability not measured")
    said += [f"notice: {n[:60]}…" for n in out["notices"]]
    return "; ".join(said)


def qpdf_severity(path: Path) -> int:
    return QPDF_SEVERITY[subprocess.run(["qpdf", "--check", path], capture_output=True).returncode]


def same_renders(source: Path, output: Path, folder: Path) -> bool:
    """Whether every page of `source` renders as the same page of `output` (annotations hidden)."""
    for pdf in (source, output):
        subprocess.run(
            ["pdftoppm", "-hide-annotations", "-r", "40", pdf, folder / pdf.stem],
            capture_output=True,
        )
    before = sorted(folder.glob(f"{source.stem}-*.ppm"))
    after = sorted(folder.glob(f"{output.stem}-*.ppm"))[: len(before)]
    return bool(before) and [p.read_bytes() for p in before] == [p.read_bytes() for p in after]


def check(name: str, kind: str, data: bytes, work: Path, model: str) -> tuple[list[str], bool]:
    path = work / name
    path.write_bytes(data)
    analysed = caveat("analyze", path, "--json", model=model)
    row = [kind, f"`{name}`", clean(analysed), what_analyze_said(analysed)]
    good = clean(analysed) in ("result", "one line")
    if name.endswith(".pdf") and analysed.returncode == 0:
        output = work / f"{path.stem}.caveat.pdf"
        exported = caveat("export", path, "-o", output, model=model)
        row.append(clean(exported))
        if exported.returncode == 0:
            severity = (qpdf_severity(path), qpdf_severity(output))
            renders = same_renders(path, output, work)
            row += [f"{severity[0]} → {severity[1]}", "same" if renders else "DIFFERENT"]
            good = good and severity[1] <= severity[0] and renders
        else:
            row += ["", ""]
            good = False
    else:
        row += ["", "", ""]
    return row, good


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="", help="spaCy model ('rules': no model)")
    parser.add_argument("--keep", type=Path, help="keep the inputs and exports in this folder")
    parser.add_argument("--only", help="comma-separated file names to run")
    args = parser.parse_args()
    chosen = set(args.only.split(",")) if args.only else None
    work = args.keep or Path(tempfile.mkdtemp(prefix="caveat-reliability-"))
    work.mkdir(parents=True, exist_ok=True)
    print("| input | file | analyze | what it said | export | qpdf --check in → out | pages |")
    print("|---|---|---|---|---|---|---|")
    failures = 0
    for name, kind, make in INPUTS:
        if chosen is not None and name not in chosen:
            continue
        row, good = check(name, kind, make(), work, args.model)
        failures += not good
        print("| " + " | ".join(cell.replace("|", "/") for cell in row) + " |", flush=True)
    print(f"\n{failures} of the inputs failed a check" if failures else "\nall checks passed")
    print("(qpdf --check: 0 no problem, 1 warnings, 2 errors)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
