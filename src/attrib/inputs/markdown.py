"""Markdown drafts: markdown-it-py tokens mapped back to exact source offsets.

What becomes article text: headings, paragraphs, list items, block quotes and
table cells, with emphasis markers dropped, backslash escapes and entity
references resolved, and link text kept.  Front matter (``---`` YAML or
``+++`` TOML at the top), fenced and indented code, inline code, link URLs and
autolinks, images, raw HTML and HTML comments are not article text.

Soft and hard line breaks inside a paragraph become one space (mapped to the
line break), so a paragraph is one line of ``Document.text``.  A block-quote
paragraph without quotation marks of its own is wrapped in “ ” (the opening
mark maps to its ``>``, the closing mark to the end of its text).

markdown-it-py does not record where inline tokens come from, so the parser
instance used here wraps every inline rule to note the position of the tokens
it pushes (in ``Token.meta``); positions are then checked against the source
and, if a rule ever misleads us, the text is found by search instead.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from attrib.inputs import BOM, Document, Piece, TextBuilder, emit_block, find_comments, make_document

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_LINE_BREAK = re.compile(r"\r\n?|\n")
_POS = "attrib_pos"
_PENDING = "attrib_pending"
_TRUNCATED = "attrib_truncated"
# Blank, block-quote and list markers at the start of a line (a dropped region is flattened).
_CONTAINER_PREFIX = re.compile(r"(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|[0-9]{1,9}[.)](?=[ \t]|$)))*[ \t]*")
_DELIMITER_RULES = frozenset({"emphasis", "strikethrough"})
_FRONT_MATTER = {"---": ("---", "..."), "+++": ("+++",)}
_LOOKAHEAD = 3  # source lines tried when matching a content line (content may drop blank-ish lines)

RawComment = tuple[int, int, str]


def load_markdown(source: str) -> Document:
    """Parse a Markdown draft into a Document."""
    lines, bases = _source_lines(source)
    for i in range(_front_matter_lines(lines)):
        lines[i] = ""
    env: dict[str, Any] = {_PENDING: {}, _TRUNCATED: []}
    tokens = _parser().parse("\n".join(lines), env)
    walker = _Walker(source, lines, bases, TextBuilder(source), [])
    walker.run(tokens, env[_TRUNCATED])
    return make_document(source, walker.builder, "markdown", walker.comments)


def _source_lines(source: str) -> tuple[list[str], list[int]]:
    """The lines markdown-it sees (NUL -> U+FFFD, BOM dropped) and their source offsets."""
    norm = source.replace("\0", "\ufffd")
    lines, bases = [], []
    pos = 0
    for match in _LINE_BREAK.finditer(norm):
        lines.append(norm[pos : match.start()])
        bases.append(pos)
        pos = match.end()
    lines.append(norm[pos:])
    bases.append(pos)
    if norm.startswith(BOM):
        lines[0] = lines[0][1:]
        bases[0] = 1
    return lines, bases


def _front_matter_lines(lines: list[str]) -> int:
    """How many lines at the top are front matter (0 if none)."""
    closers = _FRONT_MATTER.get(lines[0].rstrip())
    if closers is None:
        return 0
    for i in range(1, len(lines)):
        if lines[i].rstrip() in closers:
            return i + 1
    return 0


# --- the parser: markdown-it-py with position-tracking inline rules ----------------------


@functools.cache
def _parser() -> MarkdownIt:
    """CommonMark plus tables and strikethrough; inline rules note token positions."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    # Keep escapes/entities as their own tokens and emphasis fragments unmerged:
    # both joins would lose the position of the joined pieces.
    md.disable(["text_join", "fragments_join"])
    ruler = md.inline.ruler
    for rule in list(ruler.__rules__):
        ruler.at(rule.name, _tracking(rule.name, rule.fn), {"alt": list(rule.alt)})
    _note_dropped_lines(md)
    return md


@dataclass(frozen=True, slots=True)
class _Region:
    """Lines markdown-it dropped for nesting too deep, with where their content starts."""

    token_index: int  # the region belongs before this block token
    first_line: int
    content_starts: list[int]  # per line: offset in the parsed text after the markers consumed so far


def _note_dropped_lines(md: MarkdownIt) -> None:
    """Record the lines markdown-it skips past its nesting limit, so their text is not lost.

    Past ``maxNesting`` block containers (quotes in quotes, lists in lists)
    markdown-it drops the rest of the range instead of recursing deeper; the
    walker later parses those lines again, flattened, in one extra pass.
    """
    block = md.block
    tokenize = block.tokenize
    limit = md.options["maxNesting"]

    def guarded(state: Any, start_line: int, end_line: int, *args: Any) -> Any:
        if state.level >= limit:
            line = state.skipEmptyLines(start_line)
            if line < end_line and state.sCount[line] >= state.blkIndent:
                starts = [state.bMarks[i] + state.tShift[i] for i in range(line, end_line)]
                state.env[_TRUNCATED].append(_Region(len(state.tokens), line, starts))
        return tokenize(state, start_line, end_line, *args)

    block.tokenize = guarded  # type: ignore[method-assign]


def _tracking(name: str, fn: Callable[[Any, bool], bool]) -> Callable[[Any, bool], bool]:
    """Wrap an inline rule so the tokens it pushes carry their position in ``Token.meta``.

    Text that markdown-it holds back as "pending" is flushed into a token by
    the next push.  Pending text starts where the tokenizer stood when it first
    found the token list grown (every push flushes it), so the wrapper notes
    that position, per inline state, in ``env``.
    """
    delimiters = name in _DELIMITER_RULES

    def rule(state: Any, silent: bool) -> bool:
        if silent:
            return fn(state, silent)
        start, count = state.pos, len(state.tokens)
        marks: dict[int, list[Any]] = state.env[_PENDING]
        mark = marks.get(id(state))
        if mark is None or mark[0] is not state or mark[2] != count:
            mark = marks[id(state)] = [state, start, count]  # holding the state keeps its id unique
        pending_start = mark[1]
        if not fn(state, silent):
            return False
        if len(state.tokens) > count:
            _tag(state.tokens, count, start, pending_start, marks[id(state)][1], delimiters)
        return True

    return rule


def _tag(
    tokens: list[Token],
    first: int,
    start: int,
    pending_start: int,
    last_pending_start: int,
    delimiters: bool,
) -> None:
    """Record positions on the tokens a rule pushed (tokens already tagged are kept)."""
    if pending_start < start and tokens[first].type == "text" and _POS not in tokens[first].meta:
        tokens[first].meta[_POS] = pending_start
        first += 1
    pos = start
    for token in tokens[first:]:
        meta = token.meta
        if _POS in meta:
            continue
        if delimiters:  # one text token per delimiter character, in order
            meta[_POS] = pos
            pos += len(token.content)
        elif token.type == "text":  # text flushed at the end of a nested run (link label)
            meta[_POS] = last_pending_start
        else:
            meta[_POS] = start


# --- from tokens to text -----------------------------------------------------------------


class _Walker:
    """Walks the block tokens and builds the text, paragraph by paragraph."""

    def __init__(
        self, source: str, lines: list[str], bases: list[int], builder: TextBuilder, comments: list[RawComment]
    ) -> None:
        self.source = source
        self.lines = lines
        self.bases = bases
        self.builder = builder
        self.comments = comments
        self.cell_cursors: dict[int, int] = {}
        self._line_starts: list[int] = []

    def run(self, tokens: list[Token], dropped: list[_Region], quoted: bool = False) -> None:
        """Emit every inline block; collect comments from raw HTML blocks; recover dropped lines."""
        quote_depth = 0
        in_table = False
        pending = iter(dropped)
        region = next(pending, None)
        for index, token in enumerate(tokens):
            while region is not None and region.token_index <= index:
                self.recover(region, quoted or quote_depth > 0)
                region = next(pending, None)
            kind = token.type
            if kind == "blockquote_open":
                quote_depth += 1
            elif kind == "blockquote_close":
                quote_depth = max(quote_depth - 1, 0)
            elif kind in ("table_open", "table_close"):
                in_table = kind == "table_open"
            elif kind == "inline":
                self.block(token, quoted or quote_depth > 0, in_table)
            elif kind == "html_block":
                self.html_block(token)
        while region is not None:
            self.recover(region, quoted)
            region = next(pending, None)

    def recover(self, region: _Region, quoted: bool) -> None:
        """Parse dropped lines again with all their container markers removed (one level, no recursion)."""
        line_starts = self._parsed_line_starts()
        lines, bases = [], []
        for k, start in enumerate(region.content_starts):
            line = region.first_line + k
            text = self.lines[line]
            col = min(max(start - line_starts[line], 0), len(text))
            markers = _CONTAINER_PREFIX.match(text, col)
            col = markers.end() if markers else col
            lines.append(text[col:])
            bases.append(self.bases[line] + col)
        env: dict[str, Any] = {_PENDING: {}, _TRUNCATED: []}
        tokens = _parser().parse("\n".join(lines), env)
        _Walker(self.source, lines, bases, self.builder, self.comments).run(tokens, [], quoted)

    def _parsed_line_starts(self) -> list[int]:
        """Where each line starts in the text given to markdown-it (computed once)."""
        if not self._line_starts:
            pos = 0
            for text in self.lines:
                self._line_starts.append(pos)
                pos += len(text) + 1
        return self._line_starts

    def block(self, token: Token, quoted: bool, in_table: bool) -> None:
        """One heading, paragraph or table cell."""
        line_map = _LineMap(token.content, token.map, self.lines, self.bases, self.cell_cursors if in_table else None)
        inline = _Inline(token.content, line_map, self.comments)
        inline.run(token.children or [])
        quote_src = line_map.quote_marker(self.lines, self.bases) if quoted else None
        emit_block(self.builder, inline.pieces, quoted, quote_src)

    def html_block(self, token: Token) -> None:
        """Collect the comments of a raw HTML block (its text is not article text)."""
        if not token.map:
            return
        first, stop = token.map[0], min(token.map[1], len(self.lines))
        if first >= stop:
            return
        start = self.bases[first]
        end = self.bases[stop - 1] + len(self.lines[stop - 1])
        self.comments.extend(find_comments(self.source, start, end))


class _LineMap:
    """Maps positions in an inline token's content to source offsets.

    The content is the block's lines with container markers and indentation
    removed, so each content line is found in its source line (usually as a
    suffix; table cells left to right).  Where markdown-it expanded a tab into
    spaces, the line's origin is placed so that its non-blank text lines up;
    the leading blanks themselves never become text.
    """

    def __init__(
        self,
        content: str,
        line_range: list[int] | None,
        lines: list[str],
        bases: list[int],
        cursors: dict[int, int] | None,
    ) -> None:
        first, stop = (line_range[0], line_range[1]) if line_range else (0, len(lines))
        stop = min(max(stop, first + 1), len(lines))
        first = min(first, len(lines) - 1)
        self.starts: list[int] = []
        self.origins: list[int] = []
        self.first_line = -1
        self.first_col = 0
        parts = content.split("\n")
        line, pos = first, 0
        for k, part in enumerate(parts):
            found, col = self._find(part, k == len(parts) - 1, line, stop, lines, cursors)
            if found < 0:
                self.origins.append(bases[min(line, len(bases) - 1)])
            else:
                self.origins.append(bases[found] + col)
                if cursors is not None:
                    cursors[found] = col + len(part)
                if self.first_line < 0:
                    self.first_line, self.first_col = found, max(col, 0)
                line = found + 1
            self.starts.append(pos)
            pos += len(part) + 1

    @staticmethod
    def _find(
        part: str, last: bool, line: int, stop: int, lines: list[str], cursors: dict[int, int] | None
    ) -> tuple[int, int]:
        for candidate in range(line, min(line + _LOOKAHEAD, stop)):
            low = cursors.get(candidate, 0) if cursors is not None else 0
            col = _locate(lines[candidate], part, last, low, cursors is not None)
            if col is not None:
                return candidate, col
        return -1, 0

    def src(self, pos: int) -> int:
        """Source offset of content position ``pos``."""
        k = bisect_right(self.starts, pos) - 1
        return self.origins[k] + pos - self.starts[k]

    def quote_marker(self, lines: list[str], bases: list[int]) -> int | None:
        """Source offset of the ``>`` that opens the block's first line, if any."""
        if self.first_line < 0:
            return None
        col = lines[self.first_line].rfind(">", 0, self.first_col)
        return bases[self.first_line] + col if col >= 0 else None


def _locate(line: str, part: str, last: bool, low: int, forward: bool) -> int | None:
    """Column of content line ``part`` in source ``line`` (None if not found)."""
    if not forward and not last and line.endswith(part) and len(line) - len(part) >= low:
        return len(line) - len(part)
    search = line.find if forward else line.rfind
    col = search(part, low)
    if col >= 0:
        return col
    core = part.lstrip(" \t")  # markdown-it may expand a tab into spaces
    if core and core != part:
        col = search(core, low)
        if col >= 0:  # may be negative: the expanded blanks are never text (see _LineMap)
            return col - (len(part) - len(core))
    return None


class _Inline:
    """Turns the inline tokens of one block into pieces of text with source offsets."""

    def __init__(self, content: str, line_map: _LineMap, comments: list[RawComment]) -> None:
        self.content = content
        self.map = line_map
        self.comments = comments
        self.pieces: list[Piece] = []
        self.cursor = 0

    def run(self, children: list[Token]) -> None:
        """Walk the flat child tokens; skip code, images, autolinks and raw HTML."""
        in_autolink = False
        for token in children:
            kind = token.type
            self.cursor = max(self.cursor, token.meta.get(_POS, 0))
            if in_autolink:
                in_autolink = kind != "link_close"
            elif kind == "text":
                self.text(token)
            elif kind == "text_special":
                self.special(token)
            elif kind in ("softbreak", "hardbreak"):
                self.line_break(token)
            elif kind == "html_inline":
                self.html(token)
            elif kind == "link_open" and token.markup == "autolink":
                in_autolink = True

    def _find(self, token: Token, raw: str) -> int:
        """Position of ``raw`` in the content: the recorded one if it checks out, else searched."""
        pos = token.meta.get(_POS)
        if pos is None and self.content.endswith(raw):  # text flushed at the end of the block
            pos = len(self.content) - len(raw)
        if pos is None or pos < self.cursor or not self.content.startswith(raw, pos):
            pos = self.content.find(raw, self.cursor)
        if pos >= 0:
            self.cursor = pos + len(raw)
        return pos

    def _piece(self, text: str, pos: int, length: int, verbatim: bool) -> None:
        self.pieces.append((text, self.map.src(pos), self.map.src(pos + length), verbatim))

    def text(self, token: Token) -> None:
        """Literal text: copied verbatim, line by line."""
        raw = token.content
        if not raw:
            return
        pos = self._find(token, raw)
        if pos < 0:
            self._piece(raw, self.cursor, 0, False)
            return
        if raw[0] == " " and self.pieces and self.pieces[-1][0].endswith(" "):
            raw, pos = raw[1:], pos + 1  # "the  forecast" once inline code between was dropped
        for i, part in enumerate(raw.split("\n")):
            if i:
                self._piece(" ", pos - 1, 1, False)
            if part:
                self._piece(part, pos, len(part), True)
            pos += len(part) + 1

    def special(self, token: Token) -> None:
        """A backslash escape (the escaped character is verbatim) or an entity reference."""
        raw = token.markup or token.content
        pos = self._find(token, raw)
        if pos < 0:
            self._piece(token.content, self.cursor, 0, False)
        elif token.content == raw:
            self._piece(raw, pos, len(raw), True)
        elif token.info == "escape":
            self._piece(token.content, pos + 1, len(raw) - 1, True)
        else:
            self._piece(token.content, pos, len(raw), False)

    def line_break(self, token: Token) -> None:
        """A soft or hard line break becomes one space."""
        pos = token.meta.get(_POS)
        if pos is None or self.content[pos : pos + 1] not in ("\n", "\\"):
            pos = self.content.find("\n", self.cursor)
            if pos < 0:
                pos = self.cursor
        self.cursor = max(self.cursor, pos + 1)
        self._piece(" ", pos, 1, False)

    def html(self, token: Token) -> None:
        """Inline HTML is not text; an inline comment is collected."""
        raw = token.content
        pos = self._find(token, raw)
        if pos < 0 or not raw.startswith("<!--"):
            return
        body = raw[4:-3] if raw.endswith("-->") else raw[4:]
        self.comments.append((self.map.src(pos), self.map.src(pos + len(raw)), body))
