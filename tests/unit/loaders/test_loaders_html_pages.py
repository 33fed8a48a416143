"""Web pages as they are saved in the wild: bylines, articles only in data, app shells, and the
furniture main-text extraction keeps (pages in tests/data/pages, made for these tests)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from caveat.document import BlockKind
from caveat.export.printjob import Style, article_job
from caveat.loaders import LoadError, load_document
from caveat.loaders.boilerplate import is_boilerplate, is_end_matter_heading
from caveat.report import analysis_json

DATA = Path(__file__).resolve().parents[2] / "data"
PAGES = DATA / "pages"


def kinds(document) -> list[tuple[str, str]]:
    return [(str(b.kind), document.text[b.start : b.end]) for b in document.blocks]


def test_byline_and_date_are_a_line_under_the_title():
    document = load_document(DATA / "news-page.html")
    assert kinds(document)[:2] == [
        ("heading", "Harbour town counts the cost of the storm"),
        ("byline", "By Mara Quinlan · 12 March 2024"),
    ]
    assert not document.blocks[1].analysed  # who wrote it is not a claim to check
    job = article_job(document)
    assert (job.blocks[1].text, job.blocks[1].style) == (
        "By Mara Quinlan · 12 March 2024",
        Style.SUBTITLE,
    )


def test_a_byline_already_in_the_text_is_not_repeated(tmp_path):
    page = tmp_path / "a.html"
    page.write_text(
        "<html><head><title>Quay notes</title><meta name='author' content='Alan Roe'></head>"
        "<body><article><h1>Quay notes</h1><p>By Alan Roe</p><p>The boats went out again this "
        "morning for the first time since the storm, and the water was calm all day.</p>"
        "<p>Most skippers said the season was lost already, though nobody really knows.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    document = load_document(page)
    assert [k for k, _ in kinds(document)].count("byline") == 0
    assert document.text.count("Alan Roe") == 1


def test_article_only_in_json_ld_is_read_from_its_article_body():
    document = load_document(PAGES / "json-ld-body.html")
    assert kinds(document)[:3] == [
        ("heading", "Harbour town counts the cost of the storm"),
        ("byline", "By Mara Quinlan · 12 March 2024"),
        (
            "paragraph",
            "Kelby Harbour spent Tuesday pumping water out of its high street after the worst "
            "storm in a generation. The council estimated the damage at £4.2 million.",
        ),
    ]
    assert len([b for b in document.blocks if b.kind is BlockKind.PARAGRAPH]) == 3
    assert "caption" not in document.text and "Tuesday morning" not in document.text
    assert len(document.notices) == 1 and "JSON-LD articleBody" in document.notices[0]


def test_an_app_shell_is_refused_in_one_line():
    with pytest.raises(LoadError, match="builds it with JavaScript, which Caveat does not run"):
        load_document(PAGES / "app-shell.html")


def test_an_app_shell_gives_exit_status_1_and_one_line():
    result = subprocess.run(
        [sys.executable, "-m", "caveat", "analyze", str(PAGES / "app-shell.html")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "app-shell.html" in result.stderr


def test_a_page_whose_text_is_in_its_scripts_data_is_analysed_with_a_notice():
    document = load_document(PAGES / "next-data-island.html")
    analysed = [document.text[b.start : b.end] for b in document.blocks if b.analysed]
    assert analysed == [
        "Harbour town counts the cost of the storm",
        "The harbour front on Tuesday morning, after the water had gone down a little.",
    ]
    [notice] = document.notices
    assert "Only 14 words" in notice and "about 233" in notice and "JavaScript" in notice


def test_a_normal_page_with_a_noscript_comment_box_notice_is_not_an_app_shell(tmp_path):
    page = (DATA / "news-page.html").read_text(encoding="utf-8")
    page = page.replace(
        "</main>", "<noscript>Please enable JavaScript to view the comments.</noscript></main>"
    )
    path = tmp_path / "news.html"
    path.write_text(page, encoding="utf-8")
    document = load_document(path)
    assert "Skipper Alan Roe said" in document.text
    assert document.notices == ()


def test_a_normal_page_keeps_its_html_text_and_links_over_a_json_ld_copy(tmp_path):
    page = (DATA / "news-page.html").read_text(encoding="utf-8")
    body = '"articleBody": "Kelby Harbour spent Tuesday pumping water out of its high street."'
    page = page.replace('"headline": "Harbour town', body + ', "headline": "Harbour town')
    path = tmp_path / "news.html"
    path.write_text(page, encoding="utf-8")
    document = load_document(path)
    assert document.notices == ()
    assert {document.text[k.start : k.end] for k in document.links} >= {"about 15 percent"}


def test_blog_furniture_kept_by_extraction_is_boilerplate_and_the_post_is_not():
    document = load_document(PAGES / "blog-with-ads.html")
    marked = [text for kind, text in kinds(document) if kind == "boilerplate"]
    assert marked == [
        "Read more: Storm leaves harbour town counting the cost",
        "Sign up to Harbour Mail, our free weekly newsletter",
        "Enter your email address",
        "By signing up, you agree to our privacy policy and terms.",
        "Submit your letter to the editor using our online form",
        "Advertisement",
        "Want to build your own website? Our builder makes it easy, and 90 percent of users "
        "launch in under an hour.",
        "Start your free trial today",
        "Report this ad",
    ]
    post = [text for kind, text in kinds(document) if kind == "paragraph"]
    assert len(post) == 3 and post[-1].startswith("I will keep writing")


def test_wikipedia_edit_marks_hatnotes_and_references_are_left_out():
    document = load_document(PAGES / "wikipedia-article.html")
    assert "[edit]" not in document.text
    assert "edit" not in {document.text[k.start : k.end] for k in document.links}
    headings = [t for k, t in kinds(document) if k == "heading"]
    assert headings == ["Kelby Harbour", "History"]
    analysed = " ".join(document.text[b.start : b.end] for b in document.blocks if b.analysed)
    assert "14 March 2020" not in analysed and "Retrieved" not in analysed
    assert "From Wikipedia" not in analysed and "For the village" not in analysed
    assert "In 2019 about 120 boats were registered there" in analysed
    assert not any(b.kind is BlockKind.BYLINE for b in document.blocks), "no date from a reference"


def test_the_json_names_the_byline_kind():
    document = load_document(DATA / "news-page.html")
    from caveat.findings import Analysis, PipelineInfo

    out = analysis_json(document, Analysis({}, {"words": 0.0}, {}, PipelineInfo("rules")))
    assert out["blocks"][1]["kind"] == "byline"


@pytest.mark.parametrize(
    "line",
    [
        "Sources said the deal was close to being signed on Friday.",
        "Newsletter sales rose by 40 percent last year, the publisher said.",
        "Want to know why the harbour flooded? The answer lies in the sea wall.",
        "Report this to the police, the council urged residents on Monday.",
        "Get started on the repairs as soon as possible, engineers advised.",
        "Letters to the editor have doubled since the storm, the paper says.",
        "See also the council's own figures, which tell a different story.",
        "Retrieved from the wreck were 30 crates of fish and a radio.",
        "Powered by wind, the ferry crossed in under an hour.",
        "Have your say on the plans at the town hall on Thursday evening.",
    ],
)
def test_article_sentences_that_resemble_furniture_are_not_boilerplate(line):
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    ("heading", "end_matter"),
    [
        ("References", True),
        ("References[edit]", True),
        ("External links", True),
        ("Notes and references", True),
        ("Sources of the flood", False),
        ("Notes from the quay", False),
        ("What the references say", False),
    ],
)
def test_end_matter_headings_are_whole_headings_only(heading, end_matter):
    assert is_end_matter_heading(heading) is end_matter


def test_a_markdown_reference_list_is_end_matter(tmp_path):
    path = tmp_path / "post.md"
    path.write_text(
        "# Harbour notes\n\nAbout 120 boats were registered in 2019 [1].\n\n## References\n\n"
        "1. Marine Office (14 March 2020). Harbour statistics 2019.\n\n## Afterword\n\n"
        "Thanks to the harbour master.\n",
        encoding="utf-8",
    )
    document = load_document(path)
    assert kinds(document) == [
        ("heading", "Harbour notes"),
        ("paragraph", "About 120 boats were registered in 2019 [1]."),
        ("boilerplate", "References"),
        ("boilerplate", "1. Marine Office (14 March 2020). Harbour statistics 2019."),
        ("heading", "Afterword"),
        ("paragraph", "Thanks to the harbour master."),
    ]
