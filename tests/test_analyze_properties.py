"""Properties of attrib.analyze for any string: exact offsets, full coverage, determinism, no exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attrib.checker import Checker

CHECKER = Checker()
NEWSY = st.lists(
    st.sampled_from(
        [
            "Officials said",
            "the plan",
            '"We will win,"',
            "she said.",
            "“It failed.”",
            "‘No,’",
            "according to",
            "a senior official",
            "on condition of anonymity",
            "Also Read | Budget",
            "\n\n",
            "\n",
            "WASHINGTON (AP) —",
            "U.S.",
            "Sen.",
            "$4.2 million",
            "40%",
            "...",
            "critics say",
            "reportedly",
            "declined to comment.",
            ":",
            "“",
            "”",
            '"',
            "'",
            "He",
            "Ruiz",
            "The ministry",
            "told reporters",
            ".",
            "?",
            "!",
            " ",
            "\r\n",
            "\ufeff",
        ]
    ),
    max_size=40,
).map("".join)


def _check_invariants(text: str) -> None:
    result = CHECKER.run(text)
    assert result.text == text
    covered = [0] * len(text)
    for span in (*result.sentences, *result.skipped):
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
        for i in range(span.start, span.end):
            covered[i] += 1
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert covered[i] == 1, (i, ch, text)
        assert covered[i] <= 1
    for s in result.sentences:
        for a in s.attributions:
            for sp in (a.source, a.cue, *a.content):
                if sp is not None:
                    assert text[sp.start : sp.end] == sp.text
    assert CHECKER.run(text) == result


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_unicode(text: str) -> None:
    _check_invariants(text)


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY)
def test_news_like_fragments(text: str) -> None:
    _check_invariants(text)
