"""A small pure-Python applier of the Punkt sentence-boundary decision procedure.

Punkt (Kiss & Strunk 2006) as implemented by nltk's ``PunktSentenceTokenizer``,
re-implemented here so that the runtime never imports nltk (whose package
import pulls in scikit-learn and scipy). Parameters are trained offline by
``tools/train_punkt.py`` and shipped as ``attrib/data/punkt.json``.

The module exposes the two annotation passes of nltk's tokenizer on single
tokens (``Punkt.classify``) for use by :mod:`attrib.segment`, and a faithful
re-implementation of ``PunktSentenceTokenizer.span_tokenize`` (``Punkt.spans``)
used to check agreement with nltk.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from attrib import recache

__all__ = ["DEFAULT_PARAMS_PATH", "Punkt", "PunktParams", "default_punkt", "word_tokenize"]

DEFAULT_PARAMS_PATH = Path(__file__).resolve().parent / "data" / "punkt.json"

# Orthographic context flags, as in nltk.tokenize.punkt.
ORTHO_BEG_UC = 1 << 1
ORTHO_MID_UC = 1 << 2
ORTHO_UNK_UC = 1 << 3
ORTHO_BEG_LC = 1 << 4
ORTHO_MID_LC = 1 << 5
ORTHO_UNK_LC = 1 << 6
ORTHO_UC = ORTHO_BEG_UC | ORTHO_MID_UC | ORTHO_UNK_UC
ORTHO_LC = ORTHO_BEG_LC | ORTHO_MID_LC | ORTHO_UNK_LC

UNKNOWN = "unknown"

# --- The regular expressions of nltk's PunktLanguageVars (English), verbatim. ---
_SENT_END = r"[\.\?!]"
_NON_WORD = r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb\?!])"
_MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
_WORD_START = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,]"
_WORD_TOKENIZER = recache.compile(
    r"""(
        """
    + _MULTI_CHAR
    + r"""
        |
        (?="""
    + _WORD_START
    + r""")\S+?
        (?=
            \s|
            $|
            """
    + _NON_WORD
    + "|"
    + _MULTI_CHAR
    + r"""|
            ,(?=$|\s|"""
    + _NON_WORD
    + "|"
    + _MULTI_CHAR
    + r""")
        )
        |
        \S
    )""",
    re.UNICODE | re.VERBOSE,
)
_PERIOD_CONTEXT = recache.compile(
    _SENT_END
    + r"""
    (?=(?P<after_tok>
        """
    + _NON_WORD
    + r"""
        |
        \s+(?P<next_tok>\S+)
    ))""",
    re.UNICODE | re.VERBOSE,
)
_BOUNDARY_REALIGNMENT = recache.compile(r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)', re.MULTILINE)
_RE_ELLIPSIS = recache.compile(r"\.\.+$")
_RE_NUMERIC = recache.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
_RE_INITIAL = recache.compile(r"[^\W\d]\.$")
_SENT_END_CHARS = (".", "?", "!")
_PUNCTUATION = frozenset(";:,.!?")
_WHITESPACE = frozenset(" \t\n\r\x0b\x0c")  # string.whitespace, as nltk uses it


def word_tokenize(text: str) -> list[str]:
    """Split ``text`` into Punkt word tokens (punctuation other than periods split off)."""
    return _WORD_TOKENIZER.findall(text)


def token_type(tok: str) -> str:
    """The case-normalised type of a token; numbers become ``##number##``."""
    return _RE_NUMERIC.sub("##number##", tok.lower())


def _type_no_period(typ: str) -> str:
    return typ[:-1] if len(typ) > 1 and typ[-1] == "." else typ


@dataclass(frozen=True, slots=True)
class PunktParams:
    """Trained Punkt parameters (the JSON written by ``tools/train_punkt.py``)."""

    abbrev_types: frozenset[str] = frozenset()
    collocations: frozenset[tuple[str, str]] = frozenset()
    sent_starters: frozenset[str] = frozenset()
    ortho_context: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict) -> PunktParams:
        """Build parameters from the decoded JSON document."""
        return cls(
            abbrev_types=frozenset(data.get("abbrev_types", ())),
            collocations=frozenset((a, b) for a, b in data.get("collocations", ())),
            sent_starters=frozenset(data.get("sent_starters", ())),
            ortho_context=dict(data.get("ortho_context", {})),
        )

    @classmethod
    def load(cls, path: str | Path = DEFAULT_PARAMS_PATH) -> PunktParams:
        """Read parameters from a JSON file."""
        with open(path, encoding="utf-8") as handle:
            return cls.from_dict(json.load(handle))


@dataclass(slots=True)
class Token:
    """One Punkt token with its first-pass (and later second-pass) annotation."""

    tok: str
    type: str
    period_final: bool
    sentbreak: bool = False
    abbr: bool = False
    ellipsis: bool = False

    @property
    def type_no_sentperiod(self) -> str:
        """The type, without its final period when that period is a sentence break."""
        return _type_no_period(self.type) if self.sentbreak else self.type


class Punkt:
    """The Punkt decision procedure over fixed parameters."""

    def __init__(self, params: PunktParams) -> None:
        self.params = params

    # -- the passes ---------------------------------------------------------
    def token(self, tok: str) -> Token:
        """A token annotated by the first (type-based) pass."""
        t = Token(tok, token_type(tok), tok.endswith("."))
        if tok in _SENT_END_CHARS:
            t.sentbreak = True
        elif _RE_ELLIPSIS.match(tok):
            t.ellipsis = True
        elif t.period_final and not tok.endswith(".."):
            low = tok[:-1].lower()
            abbrevs = self.params.abbrev_types
            if low in abbrevs or low.split("-")[-1] in abbrevs:
                t.abbr = True
            else:
                t.sentbreak = True
        return t

    def ortho_heuristic(self, tok: Token) -> bool | str:
        """True/False/"unknown": does ``tok`` start a sentence, by orthographic evidence?"""
        if tok.tok in _PUNCTUATION:
            return False
        ortho = self.params.ortho_context.get(tok.type_no_sentperiod, 0)
        first = tok.tok[0]
        if first.isupper() and ortho & ORTHO_LC and not ortho & ORTHO_MID_UC:
            return True
        if first.islower() and (ortho & ORTHO_UC or not ortho & ORTHO_BEG_LC):
            return False
        return UNKNOWN

    def second_pass(self, tok1: Token, tok2: Token | None) -> str | None:
        """Revise ``tok1``'s annotation given the next token; return the reason, if any."""
        if tok2 is None or not tok1.period_final:
            return None
        typ = _type_no_period(tok1.type)
        next_typ = tok2.type_no_sentperiod
        is_initial = bool(_RE_INITIAL.match(tok1.tok))
        if (typ, next_typ) in self.params.collocations:
            tok1.sentbreak, tok1.abbr = False, True
            return "collocation"
        if (tok1.abbr or tok1.ellipsis) and not is_initial:
            starter = self.ortho_heuristic(tok2)
            if starter is True:
                tok1.sentbreak = True
                return "abbreviation+orthography"
            if tok2.tok[0].isupper() and next_typ in self.params.sent_starters:
                tok1.sentbreak = True
                return "abbreviation+sentence-starter"
        if is_initial or typ == "##number##":
            starter = self.ortho_heuristic(tok2)
            if starter is False:
                tok1.sentbreak, tok1.abbr = False, True
                return "initial+orthography" if is_initial else "number+orthography"
            if (
                starter == UNKNOWN
                and is_initial
                and tok2.tok[0].isupper()
                and not self.params.ortho_context.get(next_typ, 0) & ORTHO_LC
            ):
                tok1.sentbreak, tok1.abbr = False, True
                return "initial+special-orthography"
        return None

    def classify(self, tok1: str, tok2: str | None, abbrev: bool = False) -> tuple[bool, str]:
        """Is the period-, ?- or !-final token ``tok1`` a sentence break before ``tok2``? (decision, reason).

        With ``abbrev=True`` the period-final ``tok1`` is treated as a known abbreviation.
        """
        t1 = self.token(tok1)
        if abbrev and t1.period_final and not t1.ellipsis:
            t1.abbr, t1.sentbreak = True, False
        t2 = self.token(tok2) if tok2 else None
        reason = self.second_pass(t1, t2)
        if reason is None:  # the first (type-based) pass decided
            reason = "abbreviation" if t1.abbr else "ellipsis" if t1.ellipsis else "period" if t1.sentbreak else "none"
        return t1.sentbreak, reason

    def is_abbreviation(self, tok: str) -> bool:
        """Is the period-final ``tok`` a known abbreviation type?"""
        return self.token(tok).abbr

    # -- nltk-compatible sentence spans -------------------------------------
    def _annotate(self, text: str) -> list[Token]:
        tokens = [self.token(tok) for line in text.split("\n") if line.strip() for tok in word_tokenize(line)]
        for tok1, tok2 in pairwise(tokens):
            self.second_pass(tok1, tok2)
        return tokens

    def text_contains_sentbreak(self, text: str) -> bool:
        """Does ``text`` contain a sentence break before its last token? (as nltk)"""
        tokens = self._annotate(text)
        return any(tok.sentbreak for tok in tokens[:-1])

    def _end_contexts(self, text: str) -> Iterator[tuple[re.Match[str], str]]:
        prev_start, prev_stop, prev_match = 0, 0, None
        for match in _PERIOD_CONTEXT.finditer(text):
            start = match.start()
            cut = _last_whitespace(text, prev_stop, start)
            # nltk treats "no whitespace" and "whitespace at the first position" alike
            word_start = cut + 1 if cut > prev_stop else prev_start
            if prev_match is not None and prev_stop <= word_start:
                yield prev_match, text[prev_start:prev_stop] + prev_match.group() + prev_match.group("after_tok")
            prev_match, prev_start, prev_stop = match, word_start, start
        if prev_match is not None:
            yield prev_match, text[prev_start:prev_stop] + prev_match.group() + prev_match.group("after_tok")

    def _slices(self, text: str) -> Iterator[tuple[int, int]]:
        last_break = 0
        for match, context in self._end_contexts(text):
            if self.text_contains_sentbreak(context):
                yield last_break, match.end()
                last_break = match.start("next_tok") if match.group("next_tok") else match.end()
        yield last_break, len(text.rstrip())

    def spans(self, text: str, realign: bool = True) -> list[tuple[int, int]]:
        """Sentence spans exactly as nltk's ``PunktSentenceTokenizer.span_tokenize``."""
        slices = list(self._slices(text))
        if not realign:
            return slices
        out: list[tuple[int, int]] = []
        shift = 0
        for i, (start, stop) in enumerate(slices):
            start += shift
            if i + 1 == len(slices):
                if text[start:stop]:
                    out.append((start, stop))
                continue
            nstart, nstop = slices[i + 1]
            m = _BOUNDARY_REALIGNMENT.match(text, nstart, nstop)
            if m:
                out.append((start, nstart + len(m.group(0).rstrip())))
                shift = m.end() - nstart
            else:
                shift = 0
                if text[start:stop]:
                    out.append((start, stop))
        return out


def _last_whitespace(text: str, lo: int, hi: int) -> int:
    """Index of the last string.whitespace character in ``text[lo:hi]`` (absolute), or -1."""
    best = -1
    for ch in _WHITESPACE:
        i = text.rfind(ch, lo, hi)
        if i > best:
            best = i
    return best


@lru_cache(maxsize=1)
def default_punkt() -> Punkt:
    """The applier over the shipped parameters (loaded once)."""
    return Punkt(PunktParams.load())
