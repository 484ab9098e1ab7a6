"""Input formats: article text extraction and exact offset maps back to the draft.

Positions are checked against an independent oracle (:func:`where`), which
counts lines and columns in the source by hand.
"""

from __future__ import annotations

import re
import string
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attrib.inputs import Comment, Document, detect_format, load

DRAFTS = Path(__file__).parent / "fixtures" / "drafts"
SUPPRESSION = 'attrib: ignore[AT201] reason="approved by standards desk"'


def read(name: str) -> str:
    return (DRAFTS / name).read_text(encoding="utf-8")


def where(source: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """1-based (line, column) of the nth occurrence of ``needle`` in ``source``, counted by hand."""
    at = -1
    for _ in range(nth + 1):
        at = source.index(needle, at + 1)
    before = source[:at]
    line = before.count("\n") + 1
    col = at - (before.rfind("\n") + 1) + 1
    if line == 1 and source.startswith("\ufeff"):
        col -= 1
    return line, col


def position_of(doc: Document, needle: str, nth: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(nth + 1):
        at = doc.text.index(needle, at + 1)
    return doc.position(at)


def paragraphs(doc: Document) -> list[str]:
    return doc.text.split("\n\n")


def assert_offsets_sound(doc: Document) -> None:
    """The invariants every Document keeps (see the hypothesis tests)."""
    previous = 0
    for i in range(len(doc.text) + 1):
        offset = doc.source_offset(i)
        assert 0 <= offset <= len(doc.source)
        assert offset >= previous
        previous = offset
        if i < len(doc.text) and doc.is_verbatim(i):
            assert doc.source[offset] == doc.text[i], i
    assert doc.source_offset(len(doc.text)) == len(doc.source)


# --- the API ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("story.md", "markdown"),
        ("drafts/STORY.MARKDOWN", "markdown"),
        ("story.html", "html"),
        ("story.HTM", "html"),
        ("story.txt", "text"),
        ("story", "text"),
        ("-", "text"),
        ("notes.md/draft", "text"),
        ("archive.md.bak", "text"),
    ],
)
def test_detect_format_by_extension(path: str, expected: str) -> None:
    assert detect_format(path) == expected


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown input format 'docx'"):
        load("x", "docx")


def test_offsets_outside_the_text_are_rejected() -> None:
    doc = load("# Title\n\nBody.", "markdown")
    with pytest.raises(IndexError):
        doc.source_offset(len(doc.text) + 1)
    with pytest.raises(IndexError):
        doc.position(-1)


def test_importing_inputs_does_not_import_markdown_it() -> None:
    code = "import sys, attrib.inputs; sys.exit('markdown_it' in sys.modules or 'html.parser' in sys.modules)"
    src = str(Path(__file__).parents[1] / "src")
    done = subprocess.run([sys.executable, "-c", code], env={"PYTHONPATH": src}, check=False)
    assert done.returncode == 0


# --- plain text -------------------------------------------------------------------------


def test_plain_text_is_the_source_itself() -> None:
    source = read("transit-levy.txt")
    doc = load(source)
    assert doc.format == "text"
    assert doc.text == source
    assert all(doc.source_offset(i) == i for i in range(0, len(source) + 1, 7))
    assert position_of(doc, "officials said") == where(source, "officials said")
    assert position_of(doc, "together only") == where(source, "together only")


def test_plain_text_collects_only_comments_alone_on_their_line() -> None:
    source = read("transit-levy.txt")
    doc = load(source)
    assert doc.comments == (Comment(SUPPRESSION, 10, 1, source.index("A senior city official")),)


def test_plain_text_crlf_and_bom() -> None:
    source = "\ufeff" + read("transit-levy.txt").replace("\n", "\r\n")
    doc = load(source)
    assert doc.text == source  # plain text is never rewritten, BOM included
    assert doc.position(0) == (1, 1)
    assert doc.position(1) == (1, 1)  # the BOM takes no column
    assert position_of(doc, "officials said") == (4, 22) == where(source, "officials said")
    assert position_of(doc, "A senior") == (11, 1)
    assert doc.comments[0].line == 10
    assert doc.comments[0].next_offset == source.index("A senior")


def test_plain_text_lone_carriage_return_is_a_line_break() -> None:
    doc = load("one\rtwo\r\nthree\nfour")
    assert [position_of(doc, word) for word in ("two", "three", "four")] == [(2, 1), (3, 1), (4, 1)]


def test_plain_text_position_is_a_table_lookup() -> None:
    source = "A line of text that officials said.\n" * 50_000
    doc = load(source)
    assert len(doc.line_starts) == 50_001
    started = time.perf_counter()
    for i in range(0, len(source), 97):
        doc.position(i)
    assert time.perf_counter() - started < 2.0
    assert doc.position(len(source) - 2) == (50_000, 35)


# --- Markdown ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def md_source() -> str:
    return read("transit-levy.md")


@pytest.fixture(scope="module")
def md(md_source: str) -> Document:
    return load(md_source, "markdown")


def test_markdown_blocks_become_paragraphs(md: Document) -> None:
    assert md.format == "markdown"
    assert paragraphs(md) == [
        "Council backs transit levy after late-night vote",
        "The city council voted 7-2 early Wednesday to put a half-cent transit levy on the November "
        "ballot, officials said. The measure would raise about $48 million a year for bus service, "
        "according to a budget office estimate.",
        'Mayor Elena Ruiz called the vote "a promise to riders who have waited long enough." '
        "Opponents said the tax would hit small businesses hardest.",
        "A senior city official familiar with the negotiations said the final deal came together only after midnight.",
        "The levy's backers include the Riverside Transit Alliance and AT&T Workers Local 9, whose "
        "statement is posted on the union's site.",
        "Key provisions, according to the ordinance:",
        "Bus frequency doubles on the *five* busiest routes",
        "Fares stay frozen through 2027",
        "An oversight board reports to the council every quarter",
        "“The money goes to service, not to overhead. Every dollar is accounted for.”",
        'Council member Tom Hale, who voted no, said the county forecast was "too rosy by half."',
        "Residents can comment at until Friday.",
    ]


@pytest.mark.parametrize(
    "absent",
    [
        "Dana Whitfield",  # front matter
        "slug:",
        "taxable_sales",  # fenced code
        "budget model",
        "BUDGET_2025",  # inline code
        "https://",  # link URL, autolink
        "Statement",  # link title
        "example.gov",
        "Chart of projected revenue",  # image alt text
        "charts/levy.png",
        "attrib:",  # the comment
        "```",
    ],
)
def test_markdown_non_article_text_is_absent(md: Document, absent: str) -> None:
    assert absent not in md.text


@pytest.mark.parametrize(
    ("needle", "nth_in_source"),
    [
        ("Council backs", 1),  # the first is the front matter's title
        ("officials said", 0),
        ("the November", 0),  # after a soft line break
        ("$48 million", 0),
        ("Mayor Elena Ruiz", 0),
        ("A senior city official", 0),
        ("together only after midnight", 0),
        ("Workers", 0),
        ("Fares stay frozen", 0),  # list item
        ("Every dollar", 0),  # second line of a block quote
        ("Residents can comment", 0),
    ],
)
def test_markdown_sentences_map_to_their_line_and_column(
    md: Document, md_source: str, needle: str, nth_in_source: int
) -> None:
    assert position_of(md, needle) == where(md_source, needle, nth_in_source)


def test_markdown_emphasis_links_and_escapes_map_inside_the_markup(md: Document, md_source: str) -> None:
    assert position_of(md, "transit levy after") == where(md_source, "transit levy*")
    assert position_of(md, "budget office") == where(md_source, "budget office")
    assert position_of(md, "on the union's site") == where(md_source, "on the union's site")
    star = md.text.index("*five*")
    assert md.position(star) == where(md_source, "*five")  # the escaped character, not the backslash
    assert md.is_verbatim(star)


def test_markdown_entities_decode_and_map_to_the_ampersand(md: Document, md_source: str) -> None:
    amp = md.text.index("AT&T") + 2
    assert md.position(amp) == where(md_source, "&amp;")
    assert not md.is_verbatim(amp)
    assert md.position(amp + 1) == where(md_source, "T Workers")
    assert md.is_verbatim(amp + 1)


def test_markdown_soft_break_is_a_space_mapped_to_the_line_break(md: Document, md_source: str) -> None:
    space = md.text.index("levy on the") + len("levy on")
    assert md.text[space] == " "
    assert not md.is_verbatim(space)
    assert md.source_offset(space) == md_source.index("levy on\n") + len("levy on")


def test_markdown_block_quote_is_wrapped_in_quotation_marks(md: Document, md_source: str) -> None:
    opening = md.text.index("“The money")
    closing = md.text.index("for.”") + len("for.")
    assert md.position(opening) == where(md_source, "> The money")  # the '>' of the quote
    assert md.source_offset(closing) == md_source.index("accounted for.") + len("accounted for.")
    assert not md.is_verbatim(opening)
    assert not md.is_verbatim(closing)


def test_markdown_block_quote_with_its_own_quotes_is_left_alone() -> None:
    doc = load('> "We will not back down," the mayor said.\n', "markdown")
    assert doc.text == '"We will not back down," the mayor said.'


def test_markdown_comment_carries_line_and_next_offset(md: Document) -> None:
    assert md.comments == (Comment(SUPPRESSION, 18, 1, md.text.index("A senior city official")),)


def test_markdown_inline_comment_points_at_the_text_after_it() -> None:
    source = 'The mayor said <!-- attrib: ignore[AT203] reason="x" --> the deal holds.\n'
    doc = load(source, "markdown")
    assert doc.text == "The mayor said the deal holds."
    (comment,) = doc.comments
    assert (comment.text, comment.line, comment.col) == ('attrib: ignore[AT203] reason="x"', 1, 16)
    assert doc.text[comment.next_offset :] == "the deal holds."


def test_markdown_comments_in_code_are_not_comments() -> None:
    source = '```html\n<!-- attrib: ignore[AT201] reason="x" -->\n```\n\n    <!-- indented -->\n\nText.\n'
    doc = load(source, "markdown")
    assert doc.comments == ()
    assert doc.text == "Text."


def test_markdown_comment_before_block_quote_points_at_the_opening_mark() -> None:
    source = '<!-- attrib: ignore[AT301] reason="x" -->\n> Nobody is above the law.\n'
    doc = load(source, "markdown")
    assert doc.text == "“Nobody is above the law.”"
    assert doc.comments[0].next_offset == 0


def test_markdown_comment_at_the_end_points_past_the_text() -> None:
    doc = load("Body text.\n\n<!-- trailing -->\n", "markdown")
    assert doc.comments == (Comment("trailing", 3, 1, len(doc.text)),)


def test_markdown_crlf_maps_like_lf(md_source: str, md: Document) -> None:
    crlf = load(md_source.replace("\n", "\r\n"), "markdown")
    assert crlf.text == md.text
    assert [crlf.position(i) for i in range(len(crlf.text))] == [md.position(i) for i in range(len(md.text))]
    assert crlf.comments == md.comments
    assert_offsets_sound(crlf)


def test_markdown_bom_is_not_text_and_takes_no_column(md_source: str, md: Document) -> None:
    with_bom = load("\ufeff" + md_source, "markdown")
    assert with_bom.text == md.text
    assert [with_bom.position(i) for i in range(len(md.text))] == [md.position(i) for i in range(len(md.text))]
    heading = load("\ufeff# Headline\r\nBody.", "markdown")
    assert heading.text == "Headline\n\nBody."
    assert heading.position(0) == (1, 3)
    assert heading.source_offset(0) == 3


def test_markdown_toml_front_matter_and_unclosed_front_matter() -> None:
    toml = load('+++\ntitle = "Levy"\n+++\nBody, officials said.\n', "markdown")
    assert toml.text == "Body, officials said."
    assert toml.position(0) == (4, 1)
    unclosed = load("---\nNot front matter, officials said.\n", "markdown")
    assert unclosed.text == "Not front matter, officials said."


def test_markdown_headings_tables_and_hard_breaks() -> None:
    source = (
        "Setext heading\n"
        "==============\n"
        "\n"
        "## ATX heading ##\n"
        "\n"
        "| Official | Said |\n"
        "|----------|------|\n"
        "| mayor    | yes  |\n"
        "\n"
        "First line  \n"
        "second line\\\n"
        "third line\n"
    )
    doc = load(source, "markdown")
    assert paragraphs(doc) == [
        "Setext heading",
        "ATX heading",
        "Official",
        "Said",
        "mayor",
        "yes",
        "First line second line third line",
    ]
    for needle in ("Setext", "ATX heading", "Official", "Said", "mayor", "yes", "second line", "third"):
        assert position_of(doc, needle) == where(source, needle)


def test_markdown_nested_containers_and_tabs() -> None:
    source = "> 1. Item one\n>    continues here\n>\n>    - nested\titem\n\n-\tTabbed\n\tlazy & more\n"
    doc = load(source, "markdown")
    assert paragraphs(doc) == ["“Item one continues here”", "“nested\titem”", "Tabbed lazy & more"]
    for needle in ("Item one", "continues", "nested", "Tabbed", "lazy"):
        assert position_of(doc, needle) == where(source, needle)
    assert_offsets_sound(doc)


def test_markdown_inline_html_and_entities() -> None:
    source = "<span>Said</span> &copy;&#x2014;&nbsp;the <em>mayor</em>&#8217;s aide &bogus; \\\\ok\n"
    doc = load(source, "markdown")
    assert doc.text == "Said ©—\xa0the mayor’s aide &bogus; \\ok"
    assert position_of(doc, "©") == where(source, "&copy;")
    assert position_of(doc, "—") == where(source, "&#x2014;")
    assert position_of(doc, "’") == where(source, "&#8217;")
    assert position_of(doc, "&bogus;") == where(source, "&bogus;")
    assert position_of(doc, "\\ok") == where(source, "\\ok")


def test_markdown_without_markup_is_copied_verbatim() -> None:
    source = "Officials said the levy passed.\nIt takes effect in May.\n\nA second paragraph.\n"
    doc = load(source, "markdown")
    assert doc.text == "Officials said the levy passed. It takes effect in May.\n\nA second paragraph."
    synthetic = [i for i in range(len(doc.text)) if not doc.is_verbatim(i)]
    assert synthetic == [31, 55, 56]  # the soft break and the paragraph separator


def test_markdown_deep_nesting_does_not_recurse() -> None:
    for source in (">" * 100_000 + " deep", "- " * 50_000 + "deep", "*" * 50_000 + "a" + "*" * 50_000):
        assert_offsets_sound(load(source, "markdown"))


@pytest.mark.parametrize("depth", [5, 30, 1_000])
def test_markdown_text_past_the_nesting_limit_is_kept_and_mapped(depth: int) -> None:
    quotes = ">" * depth + " Officials said it rained. <!-- c -->\n\nAfter."
    doc = load(quotes, "markdown")
    assert doc.text == "“Officials said it rained.”\n\nAfter."
    assert position_of(doc, "Officials") == where(quotes, "Officials")
    assert position_of(doc, "After") == where(quotes, "After")
    assert doc.comments == (Comment("c", 1, depth + 28, doc.text.index("After")),)
    items = "".join("  " * i + f"- item{i} was *said*\n" for i in range(200)) + "\nAfter the list."
    doc = load(items, "markdown")
    for needle in ("item0 was", "item9 was", "item199 was", "After the list"):
        assert position_of(doc, needle) == where(items, needle)
    assert_offsets_sound(doc)


# --- HTML -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def html_source() -> str:
    return read("transit-levy.html")


@pytest.fixture(scope="module")
def page(html_source: str) -> Document:
    return load(html_source, "html")


def test_html_blocks_become_paragraphs(page: Document) -> None:
    assert page.format == "html"
    assert paragraphs(page) == [
        "Council backs transit levy after late-night vote",
        "The city council voted 7–2 early Wednesday to put a half-cent transit levy on the November "
        "ballot, officials said. The measure would raise about $48 million a year for bus service, "
        "according to a budget office estimate.",
        "Mayor Elena Ruiz called the vote “a promise to riders who have waited long enough”. "
        "Opponents said the tax would hit small businesses hardest.",
        "A senior city official familiar with the negotiations said the final deal came together only after midnight.",
        "The levy’s backers include the Riverside Transit Alliance and AT&T Workers Local 9, whose "
        "statement is online.",
        "“The money goes to service, not to overhead.”",
        "Council member Tom Hale, who voted no, said the county forecast was “too rosy by half.”",
    ]


@pytest.mark.parametrize(
    "absent",
    [
        "Home",  # nav
        "dataLayer",  # script
        "font-weight",  # style
        "Projected revenue",  # figcaption
        "Chart of projected",  # img alt
        "Related",  # aside
        "Riverside Ledger",  # footer
        "example.org",  # link URL
        "attrib:",  # comment
    ],
)
def test_html_non_article_text_is_absent(page: Document, absent: str) -> None:
    assert absent not in page.text


@pytest.mark.parametrize(
    ("needle", "nth_in_source"),
    [
        ("Council backs", 1),  # the first is in <title>
        ("officials said", 1),  # the first is in a <script>
        ("the November", 0),
        ("Mayor Elena Ruiz", 0),
        ("A senior city official", 0),
        ("statement", 1),  # the first is in the link URL
    ],
)
def test_html_sentences_map_to_their_line_and_column(
    page: Document, html_source: str, needle: str, nth_in_source: int
) -> None:
    assert position_of(page, needle) == where(html_source, needle, nth_in_source)


def test_html_references_decode_and_map_to_the_ampersand(page: Document, html_source: str) -> None:
    assert position_of(page, "–") == where(html_source, "&ndash;")
    assert position_of(page, "’s backers") == where(html_source, "&rsquo;")
    assert position_of(page, "&T") == where(html_source, "&amp;T")
    assert position_of(page, "T Workers") == where(html_source, "T Workers")
    assert position_of(page, "“too rosy") == where(html_source, "&#8220;")
    assert page.position(page.text.index("half.”") + 5) == where(html_source, "&#8221;")


def test_html_whitespace_collapses_to_one_space_at_the_line_break(page: Document, html_source: str) -> None:
    space = page.text.index("levy on the") + len("levy")
    assert page.source_offset(space) == html_source.index("levy\n") + len("levy")
    assert not page.is_verbatim(space)
    assert "  " not in page.text


def test_html_q_is_wrapped_with_marks_at_its_tags(page: Document, html_source: str) -> None:
    opening = page.text.index("“a promise")
    closing = page.text.index("enough”") + len("enough")
    assert page.position(opening) == where(html_source, "<q>")
    assert page.position(closing) == where(html_source, "</q>")


def test_html_blockquote_is_wrapped(page: Document, html_source: str) -> None:
    opening = page.text.index("“The money")
    assert page.position(opening) == where(html_source, "The money")
    closing = page.text.index("overhead.”") + len("overhead.")
    assert page.source_offset(closing) == html_source.index("overhead.") + len("overhead.")


def test_html_comment_carries_line_and_next_offset(page: Document) -> None:
    assert page.comments == (Comment(SUPPRESSION, 21, 3, page.text.index("A senior city official")),)


def test_html_crlf_and_bom_map_like_lf(html_source: str, page: Document) -> None:
    variant = load("\ufeff" + html_source.replace("\n", "\r\n"), "html")
    assert variant.text == page.text
    assert [variant.position(i) for i in range(len(page.text))] == [page.position(i) for i in range(len(page.text))]
    assert variant.comments == page.comments
    assert load("\ufeff<p>Hi</p>", "html").text == "Hi"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<p>He said <q>“no”</q> twice.</p>", "He said “no” twice."),  # already quoted
        ("<p>She said <q>never", "She said “never”"),  # unclosed: closes with the paragraph
        ("<p><q></q>Empty quote</p>", "Empty quote"),
        ("<p>Line one<br>line two<br/>line three</p>", "Line one\n\nline two\n\nline three"),
        ("<div>Outer <span>inline <b>bold</b></span> text</div><div>Next</div>", "Outer inline bold text\n\nNext"),
        ("<p>a</p></span></div></p><p>b</p>", "a\n\nb"),  # stray end tags are ignored
        ("<aside>x<div>y</div></aside>after", "after"),
        ("<div><nav>menu</div>kept", "kept"),  # an end tag closes what is open inside it
        ("<p>AT&T and &amp &#169 &#xA9; &unknown; &#;</p>", "AT&T and & © © &unknown; &#;"),
        ("<p>a &# b</p><p>c</p>", "a &# b\n\nc"),
        ("<![CDATA[hidden]]><p>shown</p>", "shown"),
        ("<p>x<!-- unclosed", "x<!-- unclosed"),
        ("<pre>  keep   words\n  here</pre>", "keep words here"),
    ],
)
def test_html_cases(source: str, expected: str) -> None:
    doc = load(source, "html")
    assert doc.text == expected
    assert_offsets_sound(doc)


def test_html_comment_positions_across_lines() -> None:
    source = "<p>One.</p>\n  <!-- first -->\n<p>Two.</p>\n<p>Three <!--\nsecond\n--> four.</p>"
    doc = load(source, "html")
    assert doc.comments == (
        Comment("first", 2, 3, doc.text.index("Two.")),
        Comment("second", 4, 10, doc.text.index("four.")),
    )


def test_html_deep_nesting_is_linear_and_iterative() -> None:
    depth = 100_000
    started = time.perf_counter()
    doc = load("<div>" * depth + "deep text" + "</div>" * depth, "html")
    assert doc.text == "deep text"
    assert doc.position(0) == (1, 5 * depth + 1)
    stray = load("<div>" * depth + "</span>" * depth + "text", "html")
    assert stray.text == "text"
    assert time.perf_counter() - started < 20


@pytest.mark.parametrize("unit", ["<a", "<a b='", "<!--x>", "&#", "<![x>", "</", "<![", "<!--"])
def test_html_malformed_input_is_handled_quickly(unit: str) -> None:
    started = time.perf_counter()
    assert_offsets_sound(load(unit * 20_000, "html"))
    assert time.perf_counter() - started < 10


# --- properties -------------------------------------------------------------------------

_MARKUP = st.sampled_from(
    [
        *"ab <>&#;!-[]()*_`\\\n\r\t|~\"'“”/=:.0\ufeff\0\u2028\x1c",
        *("<p>", "<q>", "</q>", "<blockquote>", "</blockquote>", "&amp;", "&#8220;", "<!--", "-->", "---\n"),
        *("```\n", "    ", "> ", "- ", "1. ", "<br>", "<script>", "</script>", "<![CDATA[", "&rdquo;"),
        *("\r\n", "[a](b)", "![x](y)", "<http://a.b>", "# ", "|---|", "\n\n", "+++\n", "&nbsp;", "**", "<nav>"),
    ]
)
ANY_TEXT = st.text(max_size=200) | st.lists(_MARKUP, max_size=80).map("".join)
PROPERTIES = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTIES
@given(source=ANY_TEXT, fmt=st.sampled_from(["markdown", "html", "text"]))
def test_load_never_raises_and_offsets_are_sound(source: str, fmt: str) -> None:
    doc = load(source, fmt)
    assert_offsets_sound(doc)
    for comment in doc.comments:
        assert 0 <= comment.next_offset <= len(doc.text)
        assert comment.line >= 1
        assert comment.col >= 1
    if fmt == "text":
        assert doc.text == source


@PROPERTIES
@given(
    words=st.lists(
        st.tuples(st.text(string.ascii_letters, min_size=1, max_size=8), st.sampled_from(["", ",", "."])),
        min_size=1,
        max_size=40,
    )
)
def test_markdown_prose_keeps_every_non_space_character_verbatim(words: list[tuple[str, str]]) -> None:
    source = "".join(word + mark + (" ", "\n", "\n\n")[i % 3] for i, (word, mark) in enumerate(words))
    doc = load(source, "markdown")
    assert re.sub(r"\s+", "", doc.text) == re.sub(r"\s+", "", source)
    assert all(doc.is_verbatim(i) for i, char in enumerate(doc.text) if not char.isspace())
