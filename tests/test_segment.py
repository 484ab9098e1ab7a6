"""Golden cases for the segmenter on news text (invented examples), and its contract."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from attrib.punkt import Punkt, PunktParams, default_punkt, word_tokenize
from attrib.segment import REASONS, Segment, default_furniture, find_dateline, segment

SRC = Path(__file__).resolve().parents[1] / "src"


def render(text: str, furniture=None) -> list[str]:
    """Sentences as their text; skipped spans as "<reason> text"."""
    out = []
    for s in segment(text, furniture):
        piece = text[s.start : s.end]
        out.append(piece if s.kind == "sentence" else f"<{s.reason}> {piece}")
    return out


# (number, text, expected) -- every case is written for this table, not copied from a corpus.
CASES: list[tuple[int, str, list[str]]] = [
    # --- datelines -------------------------------------------------------------------------
    (
        1,
        "WASHINGTON (AP) — The Senate voted 51-49 on Tuesday to confirm the nominee. Democrats objected.",
        [
            "<dateline> WASHINGTON (AP) —",
            "The Senate voted 51-49 on Tuesday to confirm the nominee.",
            "Democrats objected.",
        ],
    ),
    (
        2,
        "SPRINGFIELD, Ill. (AP) — The council postponed the vote on Monday.",
        ["<dateline> SPRINGFIELD, Ill. (AP) —", "The council postponed the vote on Monday."],
    ),
    (
        3,
        "LONDON, June 3 (Reuters) - Inflation rose to 3.5% in May, data showed on Wednesday.",
        ["<dateline> LONDON, June 3 (Reuters) -", "Inflation rose to 3.5% in May, data showed on Wednesday."],
    ),
    (
        4,
        "Lyon, France, Jan. 5 (AFP) -- Farmers blocked roads around the city on Friday.",
        ["<dateline> Lyon, France, Jan. 5 (AFP) --", "Farmers blocked roads around the city on Friday."],
    ),
    (
        5,
        "KHARKIV — Shelling cut power to the northern district overnight.",
        ["<dateline> KHARKIV —", "Shelling cut power to the northern district overnight."],
    ),
    (
        6,
        "NEW DELHI: The government on Friday announced new rules for drone pilots.",
        ["<dateline> NEW DELHI:", "The government on Friday announced new rules for drone pilots."],
    ),
    (
        7,
        "Drone rules tightened\n\nWashington: The agency on Monday issued a draft. Comments close in May.",
        [
            "Drone rules tightened",
            "<dateline> Washington:",
            "The agency on Monday issued a draft.",
            "Comments close in May.",
        ],
    ),
    (
        8,
        "Note: The figures are provisional and may be revised.",
        ["Note: The figures are provisional and may be revised."],
    ),
    (
        9,
        "Ruiz: 'We will appeal'\n\nMayor Ana Ruiz said on Monday the city would appeal.",
        ["Ruiz: 'We will appeal'", "Mayor Ana Ruiz said on Monday the city would appeal."],
    ),
    (
        10,
        "FBI - The bureau said on Monday it had opened an inquiry.",
        ["FBI - The bureau said on Monday it had opened an inquiry."],
    ),
    # --- furniture between paragraphs --------------------------------------------------------
    (
        11,
        "The council met on Monday.\n\nAlso Read | City Hall Braces For Budget Vote\n\nThe vote is next week.",
        [
            "The council met on Monday.",
            "<related-link> Also Read | City Hall Braces For Budget Vote",
            "The vote is next week.",
        ],
    ),
    (
        12,
        "READ MORE: Port strike enters third day\nRelated: Budget talks stall\nAlso read: Markets rally",
        [
            "<related-link> READ MORE: Port strike enters third day",
            "<related-link> Related: Budget talks stall",
            "<related-link> Also read: Markets rally",
        ],
    ),
    (
        13,
        "Council delays budget vote\n\nBy Jane Doe, Associated Press\n\nThe council postponed the vote.",
        ["Council delays budget vote", "<byline> By Jane Doe, Associated Press", "The council postponed the vote."],
    ),
    (14, "By Tuesday morning, 40 homes had been evacuated.", ["By Tuesday morning, 40 homes had been evacuated."]),
    (
        15,
        "The plant closed in 2019.\n\nReporting by Jane Doe; Editing by John Roe",
        ["The plant closed in 2019.", "<byline> Reporting by Jane Doe; Editing by John Roe"],
    ),
    (
        16,
        "Volunteers clear debris in the harbour on Sunday. Image: Jane Doe.",
        ["<caption> Volunteers clear debris in the harbour on Sunday.", "<caption> Image: Jane Doe."],
    ),
    (
        17,
        "Photo: Jane Doe/Reuters\nGetty Images\n(Photo by John Roe/Getty Images)\nFile photo",
        [
            "<credit> Photo: Jane Doe/Reuters",
            "<credit> Getty Images",
            "<credit> (Photo by John Roe/Getty Images)",
            "<caption> File photo",
        ],
    ),
    (
        18,
        "Updated 3:45 p.m. ET\n\nFriday, July 21, 2017\n\nThe storm weakened overnight.",
        ["<timestamp> Updated 3:45 p.m. ET", "<timestamp> Friday, July 21, 2017", "The storm weakened overnight."],
    ),
    (
        19,
        "Share this article\nShare on Facebook\nSign up for our newsletter\nAdvertisement",
        [
            "<share> Share this article",
            "<share> Share on Facebook",
            "<subscribe> Sign up for our newsletter",
            "<advertisement> Advertisement",
        ],
    ),
    (20, "Categories: Politics, Europe, Elections", ["<categories> Categories: Politics, Europe, Elections"]),
    (
        21,
        'The minister spoke first.\n[inaudible]\nShe said the plan was "a disaster [crosstalk] for all."',
        [
            "The minister spoke first.",
            "<transcription-marker> [inaudible]",
            'She said the plan was "a disaster [crosstalk] for all."',
        ],
    ),
    (
        22,
        "<!-- teaser -->\nThe ferry resumed service on Friday.",
        ["<comment> <!-- teaser -->", "The ferry resumed service on Friday."],
    ),
    # --- abbreviations, initials, numbers ----------------------------------------------------
    (
        23,
        "U.S. Sen. Maria Lopez, D-N.M., said Gov. Tom Reyes and Lt. Gov. Ann Cole met Dr. Ken Ito at "
        "10 a.m. on Jan. 5 in St. Louis.",
        [
            "U.S. Sen. Maria Lopez, D-N.M., said Gov. Tom Reyes and Lt. Gov. Ann Cole met Dr. Ken Ito at "
            "10 a.m. on Jan. 5 in St. Louis."
        ],
    ),
    (
        24,
        "Acme Inc. reported revenue of $4.2 million, up 3.5% from a year earlier. Shares of Brix Corp. "
        "rose 2.1 percent to $100.50.",
        [
            "Acme Inc. reported revenue of $4.2 million, up 3.5% from a year earlier.",
            "Shares of Brix Corp. rose 2.1 percent to $100.50.",
        ],
    ),
    (
        25,
        "The firm is based in the U.S. It employs 500 people.",
        ["The firm is based in the U.S.", "It employs 500 people."],
    ),
    (
        26,
        "The novel was written by J.R.R. Tolkien. George W. Bush read it in the U.S. Army. He liked it.",
        ["The novel was written by J.R.R. Tolkien.", "George W. Bush read it in the U.S. Army.", "He liked it."],
    ),
    (
        27,
        "The vote is set for Nov. 8. Polls open at 6 a.m. Voters must bring ID.",
        ["The vote is set for Nov. 8.", "Polls open at 6 a.m.", "Voters must bring ID."],
    ),
    (
        28,
        "The team ranked No. 1 in Vol. 3 of the survey, e.g. ahead of Pitt & Co. and Roe vs. Wade Ltd. "
        "Nobody expected it.",
        [
            "The team ranked No. 1 in Vol. 3 of the survey, e.g. ahead of Pitt & Co. and Roe vs. Wade Ltd.",
            "Nobody expected it.",
        ],
    ),
    (29, "Shares of Yahoo! fell. Jeopardy! returns in May.", ["Shares of Yahoo! fell.", "Jeopardy! returns in May."]),
    # --- ellipses, quotations, parentheses ---------------------------------------------------
    (
        30,
        "He paused... Then he left. The results were mixed ... but promising.",
        ["He paused...", "Then he left.", "The results were mixed ... but promising."],
    ),
    (
        31,
        'She said the appeal "could take a year." Ruiz did not say when.',
        ['She said the appeal "could take a year."', "Ruiz did not say when."],
    ),
    (32, "“It is over.” The crowd went quiet.", ["“It is over.”", "The crowd went quiet."]),
    (
        33,
        '"We tried. We failed," she said. "But we will try again."',
        ['"We tried.', 'We failed," she said.', '"But we will try again."'],
    ),
    (
        34,
        '"We will not back down," Mayor Ana Ruiz said, "and we will win."',
        ['"We will not back down," Mayor Ana Ruiz said, "and we will win."'],
    ),
    (35, '"Why now?" Smith asked. "Why not?" she replied.', ['"Why now?" Smith asked.', '"Why not?" she replied.']),
    (
        36,
        "The meeting (which ran late.) ended at 9. (Officials declined to comment.) The vote is Friday.",
        ["The meeting (which ran late.) ended at 9.", "(Officials declined to comment.)", "The vote is Friday."],
    ),
    (37, "‘Enough is enough.’ That was the slogan.", ["‘Enough is enough.’", "That was the slogan."]),
    # --- headlines, lines and lists ----------------------------------------------------------
    (
        38,
        "Senate passes budget\nThe Senate on Monday passed the budget after a long debate.",
        ["Senate passes budget", "The Senate on Monday passed the budget after a long debate."],
    ),
    (
        39,
        "Storm hits coast\n\nThe storm made landfall on Sunday",
        ["Storm hits coast", "The storm made landfall on Sunday"],
    ),
    (
        40,
        "The measure passed. Its backers, led by Sen. John Smith, celebrated\ninto the night, and critics "
        "vowed to fight on in the\nHouse.",
        [
            "The measure passed.",
            "Its backers, led by Sen. John Smith, celebrated\ninto the night, and critics "
            "vowed to fight on in the\nHouse.",
        ],
    ),
    (
        41,
        "The plan has three parts:\n- cut taxes\n- raise spending\n- balance the budget",
        ["The plan has three parts:", "- cut taxes", "- raise spending", "- balance the budget"],
    ),
    (42, 'Supporters said:\n"We are thrilled."', ["Supporters said:", '"We are thrilled."']),
    (
        43,
        "1. Cut taxes 2. Raise spending 3. Balance the budget",
        ["1. Cut taxes", "2. Raise spending", "3. Balance the budget"],
    ),
    (
        44,
        "He lives at 12 Main St. The house is old. She moved to St. Louis.",
        ["He lives at 12 Main St.", "The house is old.", "She moved to St. Louis."],
    ),
    (
        45,
        "No. The council rejected it. It ranked No. 1 in the state.",
        ["No.", "The council rejected it.", "It ranked No. 1 in the state."],
    ),
    (
        46,
        "The vote was close.\n\nBut it's a long game.\" - Jane Doe",
        ["The vote was close.", "But it's a long game.\" - Jane Doe"],
    ),
    # --- text encodings ----------------------------------------------------------------------
    (
        47,
        "\ufeffKHARKIV — Power returned on Monday.\r\n\r\nRepairs continue.\r\n",
        ["<other-furniture> \ufeff", "<dateline> KHARKIV —", "Power returned on Monday.", "Repairs continue."],
    ),
    (
        48,
        "First line.\u2028Second line ends here\u2029\u2029Next paragraph.",
        ["First line.", "Second line ends here", "Next paragraph."],
    ),
]


@pytest.mark.parametrize(("number", "text", "expected"), CASES, ids=[f"news{c[0]:02d}" for c in CASES])
def test_news_golden(number: int, text: str, expected: list[str]) -> None:
    assert render(text) == expected


def test_case_numbers_are_unique() -> None:
    numbers = [c[0] for c in CASES]
    assert numbers == sorted(set(numbers))


def test_paragraph_indices() -> None:
    text = "Headline\n\nBy Jane Doe\n\nWASHINGTON (AP) — First. Second.\nThird.\n\nAlso Read | X\n\nLast."
    got = [(text[s.start : s.end], s.paragraph) for s in segment(text)]
    assert got == [
        ("Headline", 0),
        ("By Jane Doe", 1),
        ("WASHINGTON (AP) —", 2),
        ("First.", 2),
        ("Second.", 2),
        ("Third.", 2),
        ("Also Read | X", 3),
        ("Last.", 4),
    ]


def test_headline_and_furniture_lines_inside_a_block_are_own_paragraphs() -> None:
    text = "Senate passes budget\nThe Senate voted.\nAdvertisement\nIt goes to the House."
    assert [s.paragraph for s in segment(text)] == [0, 1, 2, 3]


def test_segment_contract() -> None:
    fields = [f.name for f in dataclasses.fields(Segment)]
    assert fields == ["start", "end", "paragraph", "kind", "reason"]
    seg = Segment(0, 1, 0, "sentence", None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        seg.start = 2  # type: ignore[misc]
    assert not hasattr(seg, "__dict__")  # slots
    assert set(REASONS) == {
        "dateline",
        "byline",
        "related-link",
        "caption",
        "credit",
        "share",
        "subscribe",
        "categories",
        "timestamp",
        "advertisement",
        "transcription-marker",
        "comment",
        "other-furniture",
    }


def test_offsets_are_exact_and_stripped() -> None:
    text = "  WASHINGTON (AP) —  The vote passed.   \n\n\tAlso Read | X  \n"
    for s in segment(text):
        piece = text[s.start : s.end]
        assert piece == piece.strip() and piece


def test_empty_and_blank_inputs() -> None:
    assert segment("") == []
    assert segment(" \n\t\r\n \u2028 ") == []


def test_furniture_hook_replaces_builtin_patterns() -> None:
    seen: list[str] = []

    def hook(line: str) -> str | None:
        seen.append(line)
        return "share" if line.startswith("Tap to") else None

    text = "Tap to share\n\nBy Jane Doe\n\nThe vote passed.  "
    assert render(text, hook) == ["<share> Tap to share", "By Jane Doe", "The vote passed."]
    assert seen == ["Tap to share", "By Jane Doe", "The vote passed."]  # stripped lines


def test_furniture_hook_reason_for_every_line() -> None:
    text = "One. Two.\nThree\n\nFour."
    segs = segment(text, lambda line: "other-furniture")
    assert segs and all(s.kind == "skipped" and s.reason == "other-furniture" for s in segs)


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, prices had doubled.",
        "Share prices fell 3 percent on Monday.",
        "Subscribers grew 10% last year.",
        "Related to the case, two men were arrested.",
        "Photographs showed the damage.",
        "More than 100 people died in the floods.",
        "Advertising revenue rose.",
        "Updated forecasts show rain.",
        "The photo, taken in May, shows the mayor.",
        "July 21, 2017 was the hottest day on record.",
    ],
)
def test_body_sentences_are_not_furniture(line: str) -> None:
    assert default_furniture(line) is None


@pytest.mark.parametrize(
    ("paragraph", "first_body", "dateline"),
    [
        ("WASHINGTON (AP) — The vote passed.", False, "WASHINGTON (AP) —"),
        ("CHATTANOOGA, Tenn. - The rally drew thousands of people.", False, "CHATTANOOGA, Tenn. -"),
        ("Hong Kong (AFP) – Asian stocks fell on Thursday.", False, "Hong Kong (AFP) –"),
        ("SELMA, N.C.—The candidate spoke for an hour.", False, "SELMA, N.C.—"),
        ("Islamabad: The court on Monday ruled against the plan.", True, "Islamabad:"),
        ("Islamabad: The court on Monday ruled against the plan.", False, ""),
        ("Ruiz: The city will appeal the ruling.", True, ""),
        ("Update: The road has reopened to traffic.", True, ""),
        ("BREAKING: The bridge has collapsed after the storm.", True, ""),
        ("HUFFPOST READERS: Tell us what is happening in your state.", True, ""),
        ("NATO: Allies agreed on Tuesday to boost spending.", True, ""),
        ("Apple (AAPL) - Shares of the company rose on Monday.", False, ""),
        ("WASHINGTON — the lowercase start is not a dateline.", False, ""),
    ],
)
def test_find_dateline(paragraph: str, first_body: bool, dateline: str) -> None:
    assert paragraph[: find_dateline(paragraph, first_body)] == dateline


def test_punkt_applier_basics() -> None:
    assert word_tokenize("Hello, (world).") == ["Hello", ",", "(", "world", ")", "."]
    punkt = Punkt(PunktParams(abbrev_types=frozenset({"approx", "sen"}), ortho_context={"then": 32 | 2}))
    assert punkt.classify("world.", "My") == (True, "period")
    assert punkt.classify("Sen.", "Smith") == (False, "abbreviation")
    assert punkt.classify("approx.", "Then") == (True, "abbreviation+orthography")
    assert punkt.classify("J.", "Smith") == (False, "initial+special-orthography")
    assert punkt.spans("It is approx. ten. Then more.") == [(0, 18), (19, 29)]
    assert punkt.spans('He left. "Bye." She went.') == [(0, 8), (9, 15), (16, 25)]


def test_shipped_punkt_parameters() -> None:
    params = default_punkt().params
    assert {"u.s", "sen", "gov", "inc"} <= params.abbrev_types
    assert len(params.ortho_context) > 1000


def test_import_is_light_and_fast() -> None:
    code = textwrap.dedent(
        """
        import sys, time
        import attrib  # whatever the package itself imports is not the segmenter's cost
        before = set(sys.modules)
        t = time.perf_counter()
        import attrib.segment, attrib.punkt
        elapsed = time.perf_counter() - t
        new = set(sys.modules) - before
        heavy = sorted(m for m in new if m.split(".")[0] in {"nltk", "pydantic", "numpy", "sklearn", "scipy"})
        print(elapsed, heavy)
        assert not heavy, heavy
        assert elapsed < 0.5, elapsed
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={"PYTHONPATH": str(SRC)}, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_broadcast_sign_off_closing_the_last_paragraph_is_skipped() -> None:
    """F012 (scope "closing"): sign-offs inside the last paragraph of a newscast are furniture; elsewhere not."""
    import attrib

    text = (
        "This is VOA news. Rescuers pulled nine more bodies from the flood site on Sunday, officials said.\n\n"
        "The death toll rose to 50. You can find more on our website voanews.com. This is VOA news."
    )
    report = attrib.analyze(text)
    skipped = [(text[s.start : s.end], s.reason) for s in report.skipped]
    assert skipped == [
        ("You can find more on our website voanews.com.", "other-furniture"),
        ("This is VOA news.", "other-furniture"),
    ]
    assert report.sentences[0].text == "This is VOA news."  # not the close: a sentence like any other
    assert report.sentences[-1].text == "The death toll rose to 50."
    for s in report.sentences:
        assert text[s.start : s.end] == s.text


def test_closing_hook_keeps_one_sentence_and_skips_nothing_by_default() -> None:
    closing = lambda sentence: "other-furniture" if sentence.startswith("This is") else None  # noqa: E731
    text = "This is VOA news."
    assert [s.kind for s in segment(text, None, closing)] == ["sentence"]  # an article is never emptied by it
    assert [s.kind for s in segment("It rained. This is VOA news.")] == ["sentence", "sentence"]
    assert [s.kind for s in segment("It rained. This is VOA news.", None, closing)] == ["sentence", "skipped"]
