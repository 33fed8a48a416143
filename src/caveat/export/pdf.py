"""Export an article and its findings as a PDF with real highlight annotations and a summary.

Text articles are printed by an injected renderer (Qt, which the core may not import); a PDF the
user opened keeps its own pages, untouched, and only gains annotations. Either way the findings
become /Highlight annotations placed by pdfium's character boxes, and the summary pages follow.
Both are added as an incremental update (increment.py): the pages' bytes stay as they were.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import DictionaryObject

from caveat.document import Document, PdfOrigin
from caveat.export.annotate import HighlightWriter
from caveat.export.boxes import Placement, TextPages, place
from caveat.export.increment import IncrementalPdf
from caveat.export.locate import locate_with_added
from caveat.export.own_marks import (
    PrintedPages,
    continued_pages,
    glued_breaks,
    line_boxes,
    mark_article,
    mark_summary,
)
from caveat.export.pdf_objects import add_bookmark, append_pages
from caveat.export.printjob import PrintBlock, PrintJob, Renderer, Style, article_job
from caveat.export.safe_write import ExportError, check_target, write_atomically
from caveat.export.summary import summary_job
from caveat.findings import Analysis, Finding
from caveat.layers import get_layer, in_order, layer_ids
from caveat.loaders.pdf_marks import ANNOTATED

__all__ = ["ExportError", "check_target", "export_pdf"]

log = logging.getLogger(__name__)
SUMMARY_BOOKMARK = "What Caveat found"


def _chosen(analysis: Analysis, layers: Iterable[str]) -> list[str]:
    wanted = set(layers)
    unknown = wanted - set(layer_ids())
    if unknown:
        raise ExportError(f"unknown layer {', '.join(sorted(unknown))}")
    return [layer for layer in in_order(wanted) if layer in analysis.findings]


def _place_all(
    findings: list[Finding], origin: PdfOrigin, pdf: pdfium.PdfDocument
) -> list[Placement]:
    pages = TextPages(pdf)
    try:
        return [p for finding in findings for p in place(finding, origin, pages)]
    finally:
        pages.close()


def _with_subtitle(job: PrintJob, document: Document, findings: int) -> PrintJob:
    source = f"From {document.source.name}" if document.source else "Exported"
    line = f"{source} · annotated by Caveat: {findings} findings, listed at the end"
    blocks = list(job.blocks)
    after = 1  # under the title, and under the article's own byline if it has one
    while after < len(blocks) and getattr(blocks[after], "style", None) is Style.SUBTITLE:
        after += 1
    blocks.insert(after, PrintBlock(line, Style.SUBTITLE))
    return PrintJob(job.title, tuple(blocks), job.first_page_number)


def _render_article(
    document: Document, renderer: Renderer, findings: list[Finding], work: Path
) -> tuple[Path, list[Placement], PrintedPages]:
    job = _with_subtitle(article_job(document), document, len(findings))
    path = work / "article.pdf"
    frame = renderer(job, path)
    pdf = pdfium.PdfDocument(path)
    try:
        origin, added = locate_with_added(pdf, job, frame, len(document.text))
        printed = PrintedPages(
            frame,
            line_boxes(pdf, added),
            continued_pages(job, origin),
            glued_breaks(pdf, document.text, origin),
        )
        return path, _place_all(findings, origin, pdf), printed
    finally:
        pdf.close()


def _original_pdf(document: Document, findings: list[Finding]) -> tuple[Path, list[Placement]]:
    if document.source is None or document.pdf_origin is None:
        raise ExportError("this document has no original PDF to annotate")
    try:
        pdf = pdfium.PdfDocument(document.source)
    except (OSError, pdfium.PdfiumError) as exc:
        raise ExportError(f"cannot read the original PDF {document.source}: {exc}") from None
    try:
        _check_unchanged(document, pdf)
        return document.source, _place_all(findings, document.pdf_origin, pdf)
    finally:
        pdf.close()


def _check_unchanged(document: Document, pdf: pdfium.PdfDocument) -> None:
    """Refuse to annotate a PDF that changed since it was loaded: the offsets would be wrong."""
    origin = document.pdf_origin
    assert origin is not None
    step = max(1, len(origin.char) // 50)
    for offset in range(0, len(origin.char), step):
        page, index = origin.page[offset], origin.char[offset]
        if index < 0 or document.text[offset].isspace():
            continue
        if page >= len(pdf):
            raise ExportError(f"{document.source} changed since it was opened; open it again")
        text = pdf[page].get_textpage()
        found = pdfium_c.FPDFText_GetUnicode(text, index) if index < text.count_chars() else -1
        text.close()
        if found != ord(document.text[offset]):
            raise ExportError(f"{document.source} changed since it was opened; open it again")


def _open_base(base: Path) -> IncrementalPdf:
    """The PDF to annotate (decrypted if it opens without a password)."""
    try:
        return IncrementalPdf.open(base)
    except PermissionError:
        raise ExportError(f"{base.name} is password-protected; it cannot be annotated") from None
    except (OSError, PyPdfError, ValueError) as exc:
        raise ExportError(f"cannot read {base.name}: {exc}") from None


def _annotate(
    pdf: IncrementalPdf,
    document: Document,
    chosen: list[str],
    placements: list[Placement],
    printed: PrintedPages | None,
    summary: Path | None,
) -> int:
    """Add the marks, the summary pages (when rendered), the highlights and the metadata; the
    number of pages."""
    # marked, so that Caveat reading this PDF again reads only the article (pdf_marks.py)
    modified = datetime.now(UTC).strftime("D:%Y%m%d%H%M%SZ")
    article_pages = pdf.page_count()
    if printed is not None:
        pages = [pdf.edit(pdf.page_ref(i)) for i in range(article_pages)]
        mark_article([p for p in pages if isinstance(p, DictionaryObject)], printed, modified)
    added = []
    if summary is not None:
        added = append_pages(pdf, PdfReader(summary))
        summary_pages = [pdf.get_object(ref) for ref in added]
        mark_summary([p for p in summary_pages if isinstance(p, DictionaryObject)], modified)
        # a bookmark, so a viewer's outline panel jumps straight to the summary
        if added:
            add_bookmark(pdf, SUMMARY_BOOKMARK, added[0])
    highlights = HighlightWriter(pdf, [get_layer(layer) for layer in chosen])
    for placement in placements:
        highlights.add(placement)
    if document.format != "pdf":  # a user's PDF keeps its own metadata
        title = document.title or document.name
        pdf.set_info({"/Title": f"{title} {ANNOTATED}", "/Creator": "Caveat"})
    return article_pages + len(added)


def export_pdf(
    document: Document,
    analysis: Analysis,
    output: Path | str,
    layers: Iterable[str] | None = None,
    renderer: Renderer | None = None,
    choices: str = "",
) -> int:
    """Write the annotated PDF to `output`; return its number of pages. `choices` (the
    sensitivity and rules switched off, in words) goes on the summary's first page.

    `renderer` prints text articles (and the summary); a PDF input needs none for its own
    pages, and without one its export has no summary pages. Raises ExportError with a message
    for the reader; on failure nothing is left at `output`.
    """
    output = Path(output)
    check_target(output, document.source)
    chosen = _chosen(analysis, layer_ids() if layers is None else layers)
    findings = sorted(f for layer in chosen for f in analysis.findings[layer])
    with tempfile.TemporaryDirectory(prefix="caveat-export-") as work_dir:
        work = Path(work_dir)
        printed: PrintedPages | None = None
        if document.format == "pdf":
            base, placements = _original_pdf(document, findings)
        elif renderer is None:
            raise ExportError(f"exporting a .{document.format} article needs a renderer")
        else:
            base, placements, printed = _render_article(document, renderer, findings, work)
        pdf = _open_base(base)
        summary: Path | None = None
        if renderer is not None:
            first_pages: dict[Finding, int] = {}
            for p in placements:
                first_pages.setdefault(p.finding, p.page + 1)
            summary = work / "summary.pdf"
            job = summary_job(
                document, analysis, chosen, first_pages, pdf.page_count() + 1, choices
            )
            renderer(job, summary)
        try:
            pages = _annotate(pdf, document, chosen, placements, printed, summary)
            write_atomically(pdf, output)
        except ExportError:
            raise
        except Exception as exc:  # noqa: BLE001 - a structure pypdf misreads must not end in a traceback
            log.debug("annotating %s failed", base, exc_info=True)
            detail = " ".join(str(exc).split())[:120]
            raise ExportError(
                f"could not annotate {base.name}: its structure is damaged "
                f"({type(exc).__name__}: {detail})"
            ) from None
        return pages
