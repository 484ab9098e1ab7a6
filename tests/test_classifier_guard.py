"""The classifier may change a label but never credits a source the rules did not find."""

from __future__ import annotations

from attrib.checker import Checker
from attrib.model import Model

LABELS = ("attributed", "paraphrased", "anonymous", "unattributed")


def _always(label: str) -> Model:
    """A model whose bias makes ``label`` win every sentence by a wide margin."""
    return Model(LABELS, {}, tuple(8.0 if lab == label else 0.0 for lab in LABELS))


def _labels(text: str, model: Model) -> list[tuple[str, tuple[str, ...], tuple[str | None, ...]]]:
    checker = Checker()
    checker._model = model
    return [(s.label, s.rules, tuple(a.resolved_to for a in s.attributions)) for s in checker.run(text).sentences]


def test_a_quotation_with_no_speaker_stays_unattributed() -> None:
    text = "The city will spend $4.5 million on the bridge.\n\n\u201cWe will fight this all the way up.\u201d"
    got = _labels(text, _always("attributed"))
    assert [g[0] for g in got] == ["unattributed", "unattributed"]
    assert "M001" not in got[1][1]


def test_a_continuation_the_classifier_accepts_names_the_speaker() -> None:
    text = (
        "Mayor Ana Ruiz said the city would appeal the ruling on Monday.\n\n"
        "We will fight this decision all the way to the top court, \u201cthat much is certain.\u201d"
    )
    rules_only = Checker()
    rules_only._model = None
    assert rules_only.run(text).sentences[1].label == "unattributed"
    got = _labels(text, _always("attributed"))
    label, rules, speakers = got[1]
    assert label == "attributed" and "M001" in rules
    assert speakers == ("Mayor Ana Ruiz",)
