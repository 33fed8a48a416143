"""Annotated PDF export speed on real news text (default 10,000 words), analysis excluded.

The article is analysed once with the real pipeline; then the export alone is timed, several
times, and the median reported with the share spent in Qt's rendering. Target: under 3 s.

    .venv/bin/python benchmarks/export_speed.py [--words 10000] [--runs 3] [--keep OUT.pdf]
        [--model rules]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from news_text import write_news  # noqa: E402

from caveat.analysis.run import analyze  # noqa: E402
from caveat.export.pdf import export_pdf  # noqa: E402
from caveat.gui.print_layout import ensure_gui_app, render_print_job  # noqa: E402
from caveat.loaders import load_document  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="copy the last export here")
    parser.add_argument("--model", help="spaCy model for the analysis ('rules' for the fallback)")
    args = parser.parse_args()
    ensure_gui_app()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        document = load_document(write_news(args.words, work))
        analysis = analyze(document, model=args.model)
        rendering: list[float] = []

        def timed_renderer(job, path):
            start = time.perf_counter()
            frame = render_print_job(job, path)
            rendering.append(time.perf_counter() - start)
            return frame

        totals, pages = [], 0
        out = work / "export.pdf"
        for _ in range(args.runs):
            rendering.clear()
            start = time.perf_counter()
            pages = export_pdf(document, analysis, out, renderer=timed_renderer)
            totals.append((time.perf_counter() - start, sum(rendering)))
        if args.keep:
            shutil.copyfile(out, args.keep)
        total = statistics.median(t for t, _ in totals)
        render = statistics.median(r for _, r in totals)
        print(
            json.dumps(
                {
                    "words": analysis.words,
                    "findings": len(analysis.all_findings()),
                    "pages": pages,
                    "pipeline": analysis.pipeline.label(),
                    "runs": args.runs,
                    "export_seconds_median": round(total, 3),
                    "qt_rendering_seconds_median": round(render, 3),
                    "export_seconds_all": [round(t, 3) for t, _ in totals],
                    "under_3_seconds": total < 3.0,
                }
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
