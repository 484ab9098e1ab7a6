"""Properties of the segmenter on any string, and linear running time on pathological input."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attrib.segment import REASONS, Segment, segment
from linear_time import GROWTH, assert_linear

# Pieces that exercise the rules: punctuation, quotes, abbreviations, datelines, furniture, line breaks.
PIECES = [
    "a",
    "A",
    "The",
    "said",
    ".",
    "?",
    "!",
    "...",
    "…",
    ". . .",
    '"',
    "'",
    "“",
    "”",
    "‘",
    "’",
    "(",
    ")",
    "[",
    "]",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u2028",
    "\u2029",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x85",
    "\xa0",
    "\ufeff",
    "\u200b",
    "\x00",
    "-",
    "--",
    "—",
    ":",
    ";",
    ",",
    "•",
    "1.",
    "2.",
    "a.",
    "b.",
    "1)",
    "#",
    "*",
    "Mr.",
    "U.S.",
    "Inc.",
    "Jan.",
    "a.m.",
    "J.R.R.",
    "No.",
    "$4.2",
    "3.5%",
    "Yahoo!",
    "<!--",
    "-->",
    "WASHINGTON (AP) — ",
    "London, June 3 (Reuters) - ",
    "NEW DELHI: ",
    "Washington: ",
    "By Jane Doe",
    "Also Read | ",
    "Image: X.",
    "[inaudible]",
    "Advertisement",
    "Friday, July 21, 2017",
    "Share this article",
]
news_like = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
any_text = st.text(max_size=300)
CI = settings(max_examples=200, deadline=2000, suppress_health_check=[HealthCheck.too_slow])


def check_invariants(text: str, segs: list[Segment]) -> None:
    """Exact, stripped, sorted, non-overlapping spans covering every non-whitespace character once."""
    covered = [0] * len(text)
    previous_end, previous_paragraph = 0, 0
    for s in segs:
        assert 0 <= previous_end <= s.start < s.end <= len(text), s
        piece = text[s.start : s.end]
        assert not piece[0].isspace() and not piece[-1].isspace(), s
        assert s.paragraph >= previous_paragraph >= 0
        if s.kind == "sentence":
            assert s.reason is None
        else:
            assert s.kind == "skipped" and s.reason in REASONS, s
        for i in range(s.start, s.end):
            covered[i] += 1
        previous_end, previous_paragraph = s.end, s.paragraph
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert covered[i] == 1, (i, ch)


@CI
@given(any_text)
def test_any_text(text: str) -> None:
    segs = segment(text)
    check_invariants(text, segs)
    assert segment(text) == segs  # deterministic


@CI
@given(news_like)
def test_news_like_text(text: str) -> None:
    segs = segment(text)
    check_invariants(text, segs)
    assert segment(text) == segs


@CI
@given(news_like, st.sampled_from([None, "share", "other-furniture"]))
def test_with_a_furniture_hook(text: str, reason: str | None) -> None:
    def hook(line: str) -> str | None:
        return reason if len(line) % 2 else None

    check_invariants(text, segment(text, hook))


@CI
@given(news_like, news_like)
def test_blank_line_separates_paragraphs(first: str, second: str) -> None:
    text = f"{first}\n\n{second}"
    boundary = len(first)
    for s in segment(text):
        assert s.end <= boundary or s.start >= boundary + 2 or "<!--" in text


# --- linear time -------------------------------------------------------------------------------
PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "no punctuation": lambda n: "a" * n,
    "words without punctuation": lambda n: "word " * (n // 5),
    "quotation marks": lambda n: '"' * n,
    "spaced quotation marks": lambda n: '" ' * (n // 2),
    "periods": lambda n: "." * n,
    "spaced periods": lambda n: ". " * (n // 2),
    "a. a. a.": lambda n: "a. " * (n // 3),
    "A. A. A.": lambda n: "A. " * (n // 3),
    "Mr. Mr. Mr.": lambda n: "Mr. " * (n // 4),
    "exclamations": lambda n: "! " * (n // 2),
    "question and dash": lambda n: "? -- " * (n // 5),
    "dots then letter": lambda n: ("." * 999 + "x ") * (n // 1001),
    "closing quotes": lambda n: "a." + "'" * n + "x",
    "newlines": lambda n: "\n" * n,
    "short lines": lambda n: "ab\n" * (n // 3),
    "paragraphs": lambda n: "Ab.\n\n" * (n // 5),
    "unclosed comments": lambda n: "<!--\n" * (n // 5),
    "bullets": lambda n: " • a" * (n // 4),
    "numbered list": lambda n: "1. " + "".join(f"{i}. x " for i in range(2, n // 8)),
    "capitals and colons": lambda n: ("A" * 50 + ": ") * (n // 52),
    "brackets": lambda n: "[" * n,
    "spaced ellipses": lambda n: "x . . . " * (n // 8),
    "crlf sentences": lambda n: "A b.\r\n" * (n // 6),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_time_is_linear(name: str) -> None:
    make = PATHOLOGICAL[name]
    n = 250_000 if name in {"no punctuation", "words without punctuation"} else 25_000  # 2 MB at 8n
    small, large = make(n), make(GROWTH * n)
    assert_linear(lambda: segment(small), lambda: segment(large), name)
