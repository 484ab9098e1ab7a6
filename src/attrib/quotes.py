"""Quotation spans, across sentences and paragraphs.

Double quotes: curly “ ” open and close; a straight " opens after white space,
an opening bracket or dash, or at a paragraph start, and closes otherwise.
Single quotes (UK style ‘ ’ and ') count only at word edges, so apostrophes
in "don't" or "the teachers’ union" are not taken for quotation marks.

A paragraph that ends inside an open quotation continues it when the next
paragraph opens with a quotation mark (the newsroom convention for quotes
running over paragraphs); the pieces share a ``chain`` number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from attrib import recache

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
OPEN_SINGLE = "‘‹"
CLOSE_SINGLE = "’›"
_OPENERS_BEFORE = set(" \t\n\r([{—–-:;/\u00a0")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start`` at its opening mark, ``end`` after its closing mark."""

    start: int
    end: int
    chain: int
    closed: bool

    @property
    def inner(self) -> tuple[int, int]:
        """The quoted words without the marks."""
        return self.start + 1, self.end - 1 if self.closed else self.end


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _single_opens(text: str, i: int, para_start: int) -> bool:
    prev = text[i - 1] if i > para_start else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev in _OPENERS_BEFORE or prev in OPEN_DOUBLE or prev == '"') and (nxt.isalnum() or nxt in '“"….')


def _single_closes(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not _is_word(nxt) and (prev.isalnum() or prev in '.,!?…”"')


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """All quotations in ``text``; ``paragraphs`` are (start, end) spans in order.

    Two apostrophes ('') stand for a double quotation mark, as in some archives' plain text;
    they are read as ' "' so that every offset stays where it was."""
    text = text.replace("''", ' "')
    quotes: list[Quote] = []
    chain = 0
    carry = False  # the previous paragraph ended inside a double quotation
    for p_start, p_end in paragraphs or [(0, len(text))]:
        open_at: int | None = None
        single_at: int | None = None
        first = p_start
        while first < p_end and text[first].isspace():
            first += 1
        continues = _starts_inside_quote(text, first, p_end, straight_ok=carry)
        if carry and not continues and (first >= p_end or text[first] not in OPEN_DOUBLE + '"' + OPEN_SINGLE + "'"):
            carry = False
        if not carry:
            chain += 1
        if continues:
            # The paragraph's first mark closes a quotation: it began at the paragraph start.
            open_at = first
        # Only quotation marks change the state: jump from one to the next (linear, and fast).
        for mark in _MARK.finditer(text, p_start, p_end):
            i = mark.start()
            if i == open_at:
                continue
            ch = text[i]
            if ch in OPEN_DOUBLE or (ch == '"' and open_at is None and _may_open(text, i, p_end)):
                if open_at is None:
                    open_at = i
                continue
            if ch in CLOSE_DOUBLE or ch == '"':
                if open_at is not None:
                    quotes.append(Quote(open_at, i + 1, chain, True))
                    if single_at is not None and single_at > open_at:
                        single_at = None
                    open_at = None
                continue
            if (ch in OPEN_SINGLE or ch == "'") and single_at is None and _single_opens(text, i, p_start):
                single_at = i
                continue
            closes = (ch in CLOSE_SINGLE or ch == "'") and single_at is not None and _single_closes(text, i)
            if closes and (open_at is None or single_at > open_at):
                if open_at is None:
                    quotes.append(Quote(single_at, i + 1, chain, True))
                single_at = None
        if open_at is not None:
            quotes.append(Quote(open_at, p_end, chain, False))
            carry = True
        elif single_at is not None and open_at is None and _plausible_open_single(text, single_at, p_end):
            quotes.append(Quote(single_at, p_end, chain, False))
            carry = True
        else:
            carry = False
    if "quote" in text.lower():
        quotes.extend(spoken_quotes(text, chain))
        quotes.sort(key=lambda q: q.start)
    return quotes


#: Every character the scanner of find_quotes acts on, and the double marks alone.
_MARK = recache.compile("[" + re.escape(OPEN_DOUBLE + CLOSE_DOUBLE + OPEN_SINGLE + CLOSE_SINGLE + "\"'") + "]")
_DOUBLE_MARK = recache.compile("[" + re.escape(OPEN_DOUBLE + CLOSE_DOUBLE + '"') + "]")


def _may_open(text: str, i: int, end: int) -> bool:
    """A straight quote with nothing open opens one, unless nothing but punctuation follows."""
    j = i + 1
    while j < end and text[j] in " \t":
        j += 1
    return j < end and (text[j].isalnum() or text[j] in "[(‘'…")


def _starts_inside_quote(text: str, first: int, end: int, straight_ok: bool) -> bool:
    """Does the paragraph's first double quotation mark close a quotation (sloppy continuation)?

    A straight mark counts only when the previous paragraph ended inside a quotation."""
    found = _DOUBLE_MARK.search(text, first, end)
    if found is None:
        return False
    i = found.start()
    ch = text[i]
    if ch in OPEN_DOUBLE:
        return False
    if ch in CLOSE_DOUBLE:
        return i > first
    return straight_ok and i > first and not _opens_straight(text, i, first)


_SPOKEN = recache.compile(r"\bquote,?\s+(.{1,600}?),?\s+(?:end\s+quote|unquote)\b", re.IGNORECASE | re.DOTALL)


def spoken_quotes(text: str, start_chain: int) -> list[Quote]:
    """Broadcast scripts mark quotations in words: "quote ... end quote"."""
    out = []
    for n, m in enumerate(_SPOKEN.finditer(text)):
        out.append(Quote(m.start(), m.end(), start_chain + n + 1, True))
    return out


def _opens_straight(text: str, i: int, para_start: int) -> bool:
    prev = text[i - 1] if i > para_start else " "
    return prev in _OPENERS_BEFORE or prev in "“‘'"


def _plausible_open_single(text: str, start: int, end: int) -> bool:
    """An unclosed single quote continues only when it opens the paragraph."""
    j = start - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] == "\n"


def unbalanced(text: str, start: int, end: int) -> bool:
    """Whether the double quotation marks in ``text[start:end]`` do not pair up."""
    piece = text[start:end]
    opens = sum(piece.count(c) for c in OPEN_DOUBLE)
    closes = sum(piece.count(c) for c in CLOSE_DOUBLE)
    straight = piece.count('"')
    return opens != closes or straight % 2 == 1
