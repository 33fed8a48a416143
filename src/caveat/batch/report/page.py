"""The report as one HTML page beside its PNG plots: what an editor reads first comes first."""

from __future__ import annotations

import datetime
from html import escape
from pathlib import Path

from caveat.batch.report.stats import MIN_MONTH_ARTICLES, MIN_WORDS, Group, Report, as_text
from caveat.layers import get_layer
from caveat.reference import reference, standing
from caveat.rules import get_rule

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; line-height: 1.45; }
h1 { margin-bottom: 0.2rem; } .sub { color: #555; margin-top: 0; }
table { border-collapse: collapse; margin: 0.6rem 0 1.2rem; font-size: 0.92rem; }
th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid #ddd; text-align: left;
         white-space: nowrap; }
td.t { white-space: normal; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
img { max-width: 100%; border: 1px solid #eee; margin: 0.4rem 0 1rem; }
.swatch { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 2px;
          margin-right: 0.35rem; vertical-align: -0.1rem; }
.note { color: #555; font-size: 0.9rem; } code { background: #f4f4f4; padding: 0 0.2rem; }
.cols { display: flex; flex-wrap: wrap; gap: 2rem; }
"""


def _n(value: float, digits: int = 2) -> str:
    return f"{value:,.{digits}f}" if digits else f"{value:,.0f}"


def _table(header: list[str], rows: list[list[str]], numeric: set[int] | None = None) -> str:
    numeric = numeric or set()
    head = "".join(
        f"<th{' class=n' if i in numeric else ''}>{escape(h)}</th>" for i, h in enumerate(header)
    )
    body = "".join(
        "<tr>"
        + "".join(f"<td{' class=n' if i in numeric else ''}>{c}</td>" for i, c in enumerate(row))
        + "</tr>"
        for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _layer_name(layer: str) -> str:
    if not layer:  # a rule common to every layer
        return "any layer"
    info = get_layer(layer)
    return f'<span class="swatch" style="background:{info.colour}"></span>{escape(info.title)}'


def _compared(layer: str, value: float) -> str:
    found = standing(layer, value)
    return escape(found.comparison()) if found else ""


def _glance(report: Report) -> str:
    items = []
    for stats in report.layer_stats:
        median = stats.quantiles.get(50, 0.0)
        line = (
            f"<b>{escape(get_layer(stats.layer).title)}</b>: the middle article has "
            f"{_n(median)} per 100 words"
        )
        if compared := _compared(stats.layer, median):
            line += f", {compared}"
        line += f"; {stats.flagged_share:.0f} % of articles have at least one."
        items.append(f"<li>{line}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def _layers_table(report: Report) -> str:
    refs = reference().get("percentiles", {})
    rows = [
        [
            _layer_name(s.layer),
            *[_n(s.quantiles.get(q, 0.0)) for q in (10, 25, 50, 75, 90)],
            _n(s.mean),
            f"{s.flagged_share:.0f} %",
            _n(s.findings, 0),
            _n(refs[s.layer][50]) if s.layer in refs else "",
        ]
        for s in report.layer_stats
    ]
    header = [
        "layer",
        "10 %",
        "25 %",
        "median",
        "75 %",
        "90 %",
        "mean",
        "with any",
        "findings",
        "typical news (median)",
    ]
    return _table(header, rows, set(range(1, 10)))


def _groups_table(groups: list[Group], layers: list[str], what: str) -> str:
    rows = [
        [escape(g.name), _n(g.articles, 0), *[_n(g.medians[layer]) for layer in layers]]
        for g in groups
    ]
    header = [what, "articles", *[f"{get_layer(layer).title}: median" for layer in layers]]
    return _table(header, rows, set(range(1, 2 + len(layers))))


def _rules_table(report: Report) -> str:
    rows = [
        [
            f"<code>{escape(rule)}</code>",
            escape(get_rule(rule).title),
            _layer_name(layer),
            _n(count, 0),
            f"{share:.0f} %",
        ]
        for rule, layer, count, share in report.rules
        if count
    ]
    return _table(["rule", "what it flags", "layer", "findings", "articles with it"], rows, {3, 4})


def _words_tables(report: Report) -> str:
    parts = []
    for stats in report.layer_stats:
        if not stats.top_words:
            continue
        rows = [[escape(text), _n(count, 0)] for text, count in stats.top_words]
        parts.append(
            f"<div><h3>{_layer_name(stats.layer)}</h3>{_table(['words', 'times'], rows, {1})}</div>"
        )
    return '<div class="cols">' + "".join(parts) + "</div>"


def _article(row: dict, layer: str) -> list[str]:
    title = as_text(row.get("title")) or as_text(row.get("id"))
    return [
        f"<span>{escape(title[:120])}</span>",
        escape(as_text(row.get("outlet"))),
        escape(as_text(row.get("date"))),
        _n(row.get("words") or 0, 0),
        _n(row.get(f"{layer}_count") or 0, 0),
        _n(row.get(f"{layer}_per_100_words") or 0.0),
    ]


def _extremes(report: Report) -> str:
    parts = []
    header = ["article", "outlet", "date", "words", "findings", "per 100 words"]
    for layer, (highest, lowest) in report.extremes.items():
        title = escape(get_layer(layer).title.lower())
        parts.append(f"<h3>{_layer_name(layer)}</h3>")
        parts.append(
            f"<p>Most {title}:</p>"
            + _table(header, [_article(r, layer) for r in highest], {3, 4, 5})
        )
        fewest = f"<p>Fewest {title}:</p>"
        if report.none.get(layer, 0) > 1:
            count = _n(report.none[layer], 0)
            fewest = f"<p>{count} articles have no {title}; the longest of them:</p>"
        parts.append(fewest + _table(header, [_article(r, layer) for r in lowest], {3, 4, 5}))
    return "".join(parts)


def render(report: Report, images: dict[str, str]) -> str:
    name = escape(report.dataset.resolve().name)
    failed = report.articles - report.analysed
    subtitle = f"{_n(report.articles, 0)} articles ({_n(report.analysed, 0)} analysed"
    subtitle += f", {_n(failed, 0)} unreadable)" if failed else ")"
    subtitle += f" · {_n(report.words, 0)} words"
    if report.dates:
        subtitle += f" · {report.dates[0]} to {report.dates[1]}"
    if report.pipelines:
        subtitle += f" · analysed with {escape(', '.join(report.pipelines))}"
    ref = reference()
    html = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        f"<title>Caveat report: {name}</title><style>{STYLE}</style></head><body>",
        f"<h1>What Caveat found in {name}</h1><p class=sub>{subtitle}</p>",
        "<h2>At a glance</h2>",
        _glance(report),
    ]
    if ref:
        html.append(
            f"<p class=note>Typical news: {_n(ref.get('articles', 0), 0)} reference articles "
            f"({escape(ref.get('description', ''))}). Densities are findings per 100 words.</p>"
        )
    html += ["<h2>How dense each layer is</h2>", _layers_table(report)]
    html.append(f'<img src="{images["densities"]}" alt="Histograms of findings per 100 words">')
    if report.outlets:
        html += ["<h2>By outlet</h2>", _groups_table(report.outlets, report.layers, "outlet")]
        html.append(f'<img src="{images["outlets"]}" alt="Densities by outlet">')
    if report.months:
        html.append(
            "<h2>By month</h2><p class=note>The line is the median article of each month, the "
            "band the middle half of its articles; dashed, typical news. Months with fewer than "
            f"{MIN_MONTH_ARTICLES} articles have a bar but no point.</p>"
        )
        html.append(f'<img src="{images["months"]}" alt="Median densities month by month">')
        html.append(
            "<details><summary>The months as a table</summary>"
            + _groups_table(report.months, report.layers, "month")
            + "</details>"
        )
    html += [
        '<h2>The most frequent rules</h2><div class="cols">',
        _rules_table(report),
        f'<div><img src="{images["rules"]}" alt="Findings per rule"></div></div>',
    ]
    html += ["<h2>The most flagged words</h2>", _words_tables(report)]
    html += [
        f"<h2>Articles at the extremes</h2><p class=note>Articles of at least {MIN_WORDS} words "
        "(in a brief one finding makes a high density).</p>",
        _extremes(report),
    ]
    if report.errors:
        rows = [[escape(reason), _n(count, 0)] for reason, count in report.errors]
        html += [
            "<h2>Articles that could not be analysed</h2>",
            _table(["reason", "articles"], rows, {1}),
        ]
    today = datetime.date.today().isoformat()
    html.append(
        f"<p class=note>Made by <code>caveat report</code> on {today}. The data: "
        "<code>articles/</code> (a row per article) and <code>findings/</code> (a row per "
        "finding), Parquet files for pandas, DuckDB or Spark, for example <code>SELECT outlet, "
        "avg(hedge_per_100_words) FROM read_parquet('articles/*.parquet') GROUP BY outlet"
        "</code>.</p>"
    )
    html.append("</body></html>")
    return "\n".join(html)


def write_page(report: Report, folder: Path, images: dict[str, Path]) -> Path:
    page = folder / "index.html"
    relative = {key: path.name for key, path in images.items()}
    page.write_text(render(report, relative), encoding="utf-8")
    return page
