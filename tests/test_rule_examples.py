"""Every ``[[rules.examples]]`` of every rule in rules/*.toml, run as one parametrised test.

Conventions:
- ``findings = [...]``: ``Checker().run(text)`` (default configuration) must produce exactly
  that set of AT codes (``[]`` = none).
- ``label = "..."``: the example must be one sentence with that label; an example of several
  sentences compares its *first* sentence's label (write one-sentence examples).
- ``matches = true/false``: ``rule.search(text)`` is (not) None.
- Examples of the meta rules (AT9xx, suppression comments) run through ``attrib check`` on a
  Markdown draft, since suppressions live in the draft's comments.
An example may set several of these; all are checked.
"""

from __future__ import annotations

import pytest

from attrib.ruleset import load_rules

RULES = load_rules()
CASES = [
    pytest.param(rule, k, example, id=f"{rule.id}-{k}")
    for rule in RULES.rules
    for k, example in enumerate(rule.examples)
]


@pytest.fixture(scope="module")
def checker():
    from attrib.checker import Checker

    return Checker()


def _draft_codes(text, tmp_path):
    from attrib.gate import Runner

    draft = tmp_path / "draft.md"
    draft.write_text(text, encoding="utf-8")
    return {f.finding.rule for f in Runner(isolated=True).run(str(draft)).findings}


@pytest.mark.parametrize(("rule", "k", "example"), CASES)
def test_rule_example(checker, rule, k, example, tmp_path):
    where = f"{rule.path}:{rule.line} {rule.id} example {k}: {example.text!r}"
    if example.matches is not None:
        assert (rule.search(example.text) is not None) == example.matches, where
    if example.findings is None and example.label is None:
        return
    if rule.id.startswith("AT9"):
        assert example.findings is not None, where
        assert sorted(_draft_codes(example.text, tmp_path)) == sorted(set(example.findings)), where
        return
    result = checker.run(example.text)
    if example.findings is not None:
        assert sorted({f.rule for f in result.findings}) == sorted(set(example.findings)), where
    if example.label is not None:
        assert result.sentences, where
        assert result.sentences[0].label == example.label, where
