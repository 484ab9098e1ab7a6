"""The transparency score: documented formula, monotone, explained by its components."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import attrib
from attrib.score import Item, compute

LABELS = ["attributed", "paraphrased", "anonymous", "unattributed"]
items = st.builds(
    Item,
    label=st.sampled_from(LABELS),
    figure=st.booleans(),
    no_comment=st.booleans(),
    vague=st.booleans(),
    grant=st.booleans(),
    reason=st.sampled_from(["none", "weak", "given"]),
    basis=st.booleans(),
)
NAMED = st.builds(Item, label=st.sampled_from(["attributed", "paraphrased"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(items, max_size=40), st.data(), NAMED)
def test_naming_a_source_never_lowers_the_score(article: list[Item], data, named: Item) -> None:  # type: ignore[no-untyped-def]
    weak = [i for i, it in enumerate(article) if it.label in ("anonymous", "unattributed")]
    if not weak:
        return
    k = data.draw(st.sampled_from(weak))
    better = [*article[:k], named, *article[k + 1 :]]
    assert compute(better).value >= compute(article).value


@settings(max_examples=300, deadline=None)
@given(
    st.lists(items, max_size=40),
    st.builds(Item, label=st.just("unattributed"), figure=st.booleans(), no_comment=st.booleans()),
    st.integers(min_value=0, max_value=40),
)
def test_adding_an_unattributed_claim_never_raises_the_score(article: list[Item], claim: Item, at: int) -> None:
    more = [*article[:at], claim, *article[at:]]
    assert compute(more).value <= compute(article).value


@settings(max_examples=200, deadline=None)
@given(st.lists(items, max_size=40))
def test_score_is_bounded_and_explained(article: list[Item]) -> None:
    score = compute(article)
    assert 0.0 <= score.value <= 100.0
    assert score.components["sentences"] == len(article)
    assert score.reasons


def test_named_sources_score_higher_than_anonymous_ones() -> None:
    named = attrib.analyze("Mayor Ana Ruiz said the budget was balanced. Ruiz said taxes would not rise.")
    anon = attrib.analyze("Officials said the budget was balanced. Sources said taxes would not rise.")
    assert named.score.value == 100.0
    assert anon.score.value < 50.0
    assert "anonymous" in " ".join(anon.score.reasons)


def test_no_comment_is_never_penalised() -> None:
    base = attrib.analyze("Mayor Ana Ruiz said the budget was balanced.")
    more = attrib.analyze("Mayor Ana Ruiz said the budget was balanced. The governor declined to comment.")
    assert more.score.value == base.score.value
    assert more.score.components["no_comment_disclosures"] == 1


def test_unsourced_figures_are_counted() -> None:
    report = attrib.analyze("Costs have risen 40% since 2019. The project will cost $4.2 million.")
    assert report.score.components["unsourced_figures"] == 2
