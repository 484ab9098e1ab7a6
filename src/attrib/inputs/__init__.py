"""Input formats: plain text, Markdown and HTML drafts become a :class:`Document`.

A ``Document`` holds the article text the analysis runs on (``.text``) and an
exact map from every offset in it back to the file as read (``.source``), so a
finding on a sentence can be reported at its line and column in the draft.

How ``.text`` is built from each format:

* plain text: ``text == source``; the map is the identity.
* Markdown and HTML: every block (heading, paragraph, list item, table cell)
  becomes one paragraph of ``.text``; paragraphs are separated by ``"\\n\\n"``
  (the separator maps to the start of the following paragraph).  Characters
  copied from the source map to where they came from ("verbatim"); decoded
  entities, line breaks turned into spaces and synthetic quotation marks map to
  the source offset of the markup they stand for.  The map is non-decreasing.

Line breaks are ``"\\r\\n"``, ``"\\r"`` or ``"\\n"`` (as in CommonMark), and
columns count code points; a byte-order mark at the start of the file is not a
column.
"""

from __future__ import annotations

import os
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from attrib import recache

FORMATS: tuple[str, ...] = ("text", "markdown", "html")
BOM = "\ufeff"
PARAGRAPH_BREAK = "\n\n"
OPEN_QUOTE = "“"
CLOSE_QUOTE = "”"
#: Characters that show a paragraph already carries its own quotation marks.
#: The right single quote and the ASCII apostrophe are left out: they are
#: mostly apostrophes.
QUOTE_RE = recache.compile('["“”„‟«»‹›‘]')

_LINE_BREAK = recache.compile(r"\r\n?|\n")
_NON_SPACE = recache.compile(r"\S")
_EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}

#: One run of text on its way into a paragraph: (text, source start, source end, verbatim).
Piece = tuple[str, int, int, bool]


@dataclass(frozen=True, slots=True)
class Comment:
    """An HTML comment in the draft, e.g. a suppression ``attrib: ignore[AT201] reason="..."``.

    ``text`` is the body without ``<!--``/``-->`` and surrounding blanks;
    ``line``/``col`` (1-based) locate the ``<!--`` in the source;
    ``next_offset`` is the offset in ``Document.text`` of the first non-blank
    character of article text after the comment (``len(text)`` if none).
    """

    text: str
    line: int
    col: int
    next_offset: int


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Piecewise map from offsets in ``Document.text`` to offsets in ``Document.source``.

    Segment ``k`` covers ``text[starts[k]:starts[k + 1]]``.  In a verbatim
    segment text and source advance together; every character of any other
    segment maps to the one source offset ``sources[k]``.
    """

    starts: Sequence[int]
    sources: Sequence[int]
    verbatim: bytes
    text_length: int
    source_length: int

    def source_offset(self, offset: int) -> int:
        """Source offset of text ``offset`` (``source_length`` at the end of the text)."""
        if offset >= self.text_length:
            return self.source_length
        k = bisect_right(self.starts, offset) - 1
        base = self.sources[k]
        return base + offset - self.starts[k] if self.verbatim[k] else base

    def is_verbatim(self, offset: int) -> bool:
        """Whether text ``offset`` was copied unchanged from the source."""
        if offset >= self.text_length:
            return False
        return bool(self.verbatim[bisect_right(self.starts, offset) - 1])

    def text_offset_at(self, source_offset: int) -> int:
        """The first text offset that maps to ``source_offset`` or later (``text_length`` if none)."""
        k = bisect_left(self.sources, source_offset)
        if k > 0 and self.verbatim[k - 1]:
            seg_end = self.starts[k] if k < len(self.starts) else self.text_length
            inside = self.starts[k - 1] + source_offset - self.sources[k - 1]
            if inside < seg_end:
                return inside
        return self.starts[k] if k < len(self.starts) else self.text_length


@dataclass(frozen=True, slots=True)
class Document:
    """A draft as read (``source``) and the article text the analysis runs on (``text``)."""

    source: str
    text: str
    format: str = "text"
    comments: tuple[Comment, ...] = ()
    offset_map: OffsetMap | None = field(default=None, repr=False, compare=False)
    line_starts: Sequence[int] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.line_starts:
            object.__setattr__(self, "line_starts", compute_line_starts(self.source))

    def _check(self, offset: int) -> None:
        if not 0 <= offset <= len(self.text):
            raise IndexError(f"text offset {offset} outside 0..{len(self.text)}")

    def source_offset(self, offset: int) -> int:
        """Map an offset in ``text`` to an offset in ``source`` (``len(text)`` -> ``len(source)``)."""
        self._check(offset)
        if self.offset_map is None:
            return offset
        return self.offset_map.source_offset(offset)

    def is_verbatim(self, offset: int) -> bool:
        """Whether ``text[offset]`` was copied unchanged from ``source[source_offset(offset)]``."""
        self._check(offset)
        if self.offset_map is None:
            return offset < len(self.text)
        return self.offset_map.is_verbatim(offset)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in ``source`` of a ``text`` offset."""
        return self.source_position(self.source_offset(offset))

    def source_position(self, source_offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset in ``source``."""
        return position_in(self.source, self.line_starts, source_offset)


def compute_line_starts(source: str) -> array:
    """Offsets where the lines of ``source`` start (after ``\\r\\n``, ``\\r`` or ``\\n``)."""
    starts = array("q", [0])
    starts.extend(m.end() for m in _LINE_BREAK.finditer(source))
    return starts


def position_in(source: str, line_starts: Sequence[int], offset: int) -> tuple[int, int]:
    """1-based (line, column) of a source offset; a leading BOM takes no column."""
    k = bisect_right(line_starts, offset) - 1
    col = offset - line_starts[k] + 1
    if k == 0 and offset > 0 and source.startswith(BOM):
        col -= 1
    return k + 1, col


def detect_format(path: str) -> str:
    """Input format from a file name: ``markdown``, ``html`` or ``text``."""
    return _EXTENSIONS.get(os.path.splitext(path)[1].lower(), "text")


def load(source: str, format: str = "text") -> Document:
    """Turn a draft into a :class:`Document`; ``format`` is ``text``, ``markdown`` or ``html``."""
    if format == "text":
        from attrib.inputs.plain import load_plain

        return load_plain(source)
    if format == "markdown":
        from attrib.inputs.markdown import load_markdown

        return load_markdown(source)
    if format == "html":
        from attrib.inputs.html import load_html

        return load_html(source)
    raise ValueError(f"unknown input format {format!r}; expected one of {', '.join(FORMATS)}")


# --- shared machinery for the format loaders -------------------------------------------


def find_comments(source: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
    """``<!-- ... -->`` comments in ``source[start:end]`` as (start, end, body), in linear time."""
    stop = len(source) if end is None else end
    pos = start
    while True:
        open_at = source.find("<!--", pos, stop)
        if open_at < 0:
            return
        close_at = source.find("-->", open_at + 4, stop)
        if close_at < 0:
            return
        yield open_at, close_at + 3, source[open_at + 4 : close_at]
        pos = close_at + 3


class TextBuilder:
    """Accumulates ``Document.text`` and its :class:`OffsetMap`.

    The map is kept non-decreasing (a piece that would map before the previous
    one is clamped), and a piece claimed verbatim is checked against the source
    and demoted if it does not match, so ``is_verbatim`` can be trusted.
    """

    __slots__ = ("_continue", "_floor", "_parts", "_source", "_sources", "_starts", "_verbatim", "length")

    def __init__(self, source: str) -> None:
        self._source = source
        self._parts: list[str] = []
        self._starts = array("q")
        self._sources = array("q")
        self._verbatim = bytearray()
        self._floor = 0
        self._continue = -1
        self.length = 0

    def add(self, text: str, src: int, verbatim: bool) -> None:
        """Append ``text`` that came from source offset ``src``."""
        if not text:
            return
        src = min(max(src, self._floor), len(self._source))
        if verbatim and not self._source.startswith(text, src):
            verbatim = False
        if not self._extends(src, verbatim):
            self._starts.append(self.length)
            self._sources.append(src)
            self._verbatim.append(verbatim)
        self._parts.append(text)
        self.length += len(text)
        self._floor = src + len(text) if verbatim else src
        self._continue = self._floor if verbatim else -1

    def _extends(self, src: int, verbatim: bool) -> bool:
        if not self._verbatim:
            return False
        if verbatim:
            return self._continue == src
        return not self._verbatim[-1] and self._sources[-1] == src

    def build(self) -> tuple[str, OffsetMap]:
        """The text and its offset map."""
        offsets = OffsetMap(self._starts, self._sources, bytes(self._verbatim), self.length, len(self._source))
        return "".join(self._parts), offsets


def trim_pieces(pieces: list[Piece]) -> list[Piece]:
    """Drop whitespace at both ends of a paragraph's pieces."""
    first = 0
    while first < len(pieces) and not pieces[first][0].strip():
        first += 1
    last = len(pieces)
    while last > first and not pieces[last - 1][0].strip():
        last -= 1
    if first == last:
        return []
    out = pieces[first:last]
    text, src, end, verbatim = out[0]
    stripped = text.lstrip()
    out[0] = (stripped, src + len(text) - len(stripped) if verbatim else src, end, verbatim)
    text, src, end, verbatim = out[-1]
    stripped = text.rstrip()
    out[-1] = (stripped, src, src + len(stripped) if verbatim else end, verbatim)
    return out


def emit_block(builder: TextBuilder, pieces: list[Piece], quoted: bool, quote_src: int | None = None) -> None:
    """Append one paragraph to ``builder``.

    A ``quoted`` paragraph (block quote) without quotation marks of its own is
    wrapped in “ ”: the opening mark maps to ``quote_src`` (default: the
    paragraph start), the closing mark to the end of the paragraph's source.
    """
    pieces = trim_pieces(pieces)
    if not pieces:
        return
    wrap = quoted and not any(QUOTE_RE.search(piece[0]) for piece in pieces)
    first = pieces[0][1]
    if wrap and quote_src is not None:
        first = min(first, quote_src)
    if builder.length:
        builder.add(PARAGRAPH_BREAK, first, False)
    if wrap:
        builder.add(OPEN_QUOTE, first, False)
    for text, src, _end, verbatim in pieces:
        builder.add(text, src, verbatim)
    if wrap:
        builder.add(CLOSE_QUOTE, pieces[-1][2], False)


def make_document(source: str, builder: TextBuilder, format: str, raw_comments: list[tuple[int, int, str]]) -> Document:
    """Finish a Markdown or HTML document: text, map and comments with positions."""
    text, offsets = builder.build()
    starts = compute_line_starts(source)
    comments = []
    for start, end, body in sorted(raw_comments):
        line, col = position_in(source, starts, start)
        found = _NON_SPACE.search(text, offsets.text_offset_at(end))
        next_offset = found.start() if found else len(text)
        comments.append(Comment(body.strip(), line, col, next_offset))
    return Document(source, text, format, tuple(comments), offsets, starts)


__all__ = ["FORMATS", "Comment", "Document", "OffsetMap", "detect_format", "load"]
