"""HTML drafts: the stdlib's tolerant ``HTMLParser`` with exact source offsets.

Block elements (``p``, ``div``, headings, ``li``, ``blockquote``, table cells,
``br`` ...) start a new paragraph; inline elements do not.  Whitespace runs
collapse to one space, as a browser renders them.  The content of ``script``,
``style``, ``nav``, ``header``, ``footer``, ``aside``, ``figure`` (with its
caption), ``form`` and similar page furniture is not article text.  ``<q>`` is
wrapped in “ ” unless it already holds quotation marks (the marks map to the
tags); a ``blockquote`` paragraph is wrapped like a Markdown one.  Entity and
character references are decoded one by one (``html.unescape``) and map to
their ``&``; ``.text`` is always read from the source by position.

Open elements live on an explicit stack with per-name counts, so deep nesting
costs neither recursion nor quadratic time, and a stray end tag is ignored.
"""

from __future__ import annotations

import html
import html.parser
import re
from html.parser import HTMLParser

from attrib.inputs import (
    BOM,
    CLOSE_QUOTE,
    OPEN_QUOTE,
    QUOTE_RE,
    Document,
    Piece,
    TextBuilder,
    emit_block,
    make_document,
)

# fmt: off
SKIPPED = frozenset({
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button",
    "svg", "iframe", "figure", "figcaption", "head", "title", "select", "textarea", "object", "canvas",
    "video", "audio", "math",
})
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
    "nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "title", "tr", "ul",
})
VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
})
# fmt: on
_COLLAPSE = re.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")  # whitespace that is not one plain space
_NEWLINE = re.compile("\n")
_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
# The running parser's own comment-close pattern, so "is this comment ever closed" agrees with it.
_COMMENT_CLOSE: re.Pattern[str] = getattr(html.parser, "commentclose", re.compile(r"--!?\s*>"))
_INERT = "_"  # stands in for a character the parser must not see; same length, no newline


def _defuse(source: str) -> str:
    """A same-length copy of ``source`` that ``HTMLParser`` parses in linear time.

    The parser is fed this copy; text and comments are read back from the
    source by position.  Changes: every ``&`` (references are decoded here,
    not by the parser), every ``<`` after the last ``>`` and every ``<!--``
    that is never closed (they cannot end, and Python < 3.13.4 rescans to the
    end of the input for each), and ``<![`` (marked sections, which raise on
    malformed input) becomes a bogus comment ``<!_``.
    """
    text = source.replace("&", _INERT)
    last_gt = text.rfind(">")
    if last_gt + 1 < len(text):
        text = text[: last_gt + 1] + text[last_gt + 1 :].replace("<", _INERT)
    last_close = -1
    for match in _COMMENT_CLOSE.finditer(text):
        last_close = match.start()
    edits = [(i, _INERT) for i in _occurrences(text, "<!--") if last_close < i + 4]
    edits += [(i + 2, _INERT) for i in _occurrences(text, "<![")]
    if not edits:
        return text
    chars = list(text)
    for i, char in edits:
        chars[i] = char
    return "".join(chars)


def _occurrences(text: str, needle: str) -> list[int]:
    found = []
    i = text.find(needle)
    while i >= 0:
        found.append(i)
        i = text.find(needle, i + 1)
    return found


def load_html(source: str) -> Document:
    """Parse an HTML draft into a Document."""
    extractor = _Extractor(source)
    extractor.run()
    return make_document(source, extractor.builder, "html", extractor.comments)


class _Extractor(HTMLParser):
    """Collects article text, paragraph by paragraph, and comments."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_offsets = [0] + [m.end() for m in _NEWLINE.finditer(source)]
        self.builder = TextBuilder(source)
        self.comments: list[tuple[int, int, str]] = []
        self.stack: list[str] = []
        self.open_counts: dict[str, int] = {}
        self.skipping = 0
        self.quote_depth = 0
        self._new_block()

    def run(self) -> None:
        """Parse the whole source and flush the last paragraph."""
        self.feed(_defuse(self.source))
        self.close()
        self._end_block()

    def _here(self) -> int:
        """Source offset of the construct being handled (``getpos`` counts ``\\n`` lines)."""
        line, col = self.getpos()
        return self.line_offsets[line - 1] + col

    # --- paragraphs ---------------------------------------------------------------------

    def _new_block(self) -> None:
        self.pieces: list[Piece] = []
        self.quote_counts = [0]  # quote_counts[i]: pieces[:i] holding quotation marks
        self.open_q: list[tuple[int, int]] = []  # (stack depth, piece index) of open <q>
        self.quoted = False
        self.space_ok = False

    def _end_block(self) -> None:
        while self.open_q:
            self._close_q(self.pieces[-1][2])
        emit_block(self.builder, self.pieces, self.quoted)
        self._new_block()

    def _add(self, text: str, src: int, end: int, verbatim: bool) -> None:
        if not self.pieces:
            self.quoted = self.quote_depth > 0
        self.pieces.append((text, src, end, verbatim))
        self.quote_counts.append(self.quote_counts[-1] + bool(QUOTE_RE.search(text)))
        self.space_ok = True

    def _add_space(self, src: int, end: int) -> None:
        """One space standing for a run of whitespace (dropped after a space or at a paragraph start)."""
        if self.space_ok:
            self._add(" ", src, end, False)
            self.space_ok = False

    def _add_data(self, data: str, pos: int) -> None:
        """Text as written: kept verbatim, whitespace runs collapsed to one space."""
        done = 0
        for match in _COLLAPSE.finditer(data):
            self._add_words(data[done : match.start()], pos + done)
            self._add_space(pos + match.start(), pos + match.end())
            done = match.end()
        self._add_words(data[done:], pos + done)

    def _add_words(self, words: str, pos: int) -> None:
        """Words separated by single spaces (one verbatim piece)."""
        if words.startswith(" ") and not self.space_ok:
            words, pos = words[1:], pos + 1
        if words:
            self._add(words, pos, pos + len(words), True)
            self.space_ok = not words.endswith(" ")

    def _drop_trailing_space(self) -> None:
        text, src, end, verbatim = self.pieces[-1]
        if text.endswith(" "):
            text = text[:-1]
            self.pieces[-1] = (text, src, src + len(text) if verbatim else end, verbatim)

    def _open_q(self, src: int) -> None:
        self.open_q.append((len(self.stack), len(self.pieces)))
        self._add(OPEN_QUOTE, src, src, False)
        self.space_ok = False

    def _close_q(self, src: int) -> None:
        _depth, index = self.open_q.pop()
        inner_quotes = self.quote_counts[-1] - self.quote_counts[index + 1]
        if inner_quotes or len(self.pieces) == index + 1:
            _text, start, end, verbatim = self.pieces[index]
            self.pieces[index] = ("", start, end, verbatim)
            return
        self._drop_trailing_space()
        self._add(CLOSE_QUOTE, src, src, False)

    # --- parser callbacks ---------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open an element: may start a paragraph, a skipped region or a quotation."""
        pos = self._here()
        if tag in VOID:
            if tag in BLOCKS:
                self._end_block()
            return
        self.stack.append(tag)
        self.open_counts[tag] = self.open_counts.get(tag, 0) + 1
        if tag in SKIPPED:
            self.skipping += 1
        elif tag == "blockquote":
            self.quote_depth += 1
        if tag in BLOCKS:
            self._end_block()
        if tag == "q" and not self.skipping:
            self._open_q(pos)

    def handle_endtag(self, tag: str) -> None:
        """Close the innermost open ``tag`` and everything opened inside it; ignore strays."""
        pos = self._here()
        if self.open_counts.get(tag):
            while self.stack:
                name = self._pop(pos)
                if name == tag:
                    break
        if tag in BLOCKS:
            self._end_block()

    def _pop(self, pos: int) -> str:
        name = self.stack.pop()
        self.open_counts[name] -= 1
        if name in SKIPPED:
            self.skipping -= 1
        elif name == "blockquote":
            self.quote_depth -= 1
        elif name == "q" and self.open_q and self.open_q[-1][0] == len(self.stack) + 1:
            self._close_q(pos)
        return name

    def handle_data(self, data: str) -> None:
        """Text outside skipped elements, read from the source (a leading BOM is dropped)."""
        if self.skipping:
            return
        pos = self._here()
        text = self.source[pos : pos + len(data)]
        if pos == 0 and text.startswith(BOM):
            text, pos = text[1:], 1
        done = 0
        for match in _REFERENCE.finditer(text):
            self._add_data(text[done : match.start()], pos + done)
            self._reference(match.group(), pos + match.start())
            done = match.end()
        self._add_data(text[done:], pos + done)

    def _reference(self, raw: str, pos: int) -> None:
        """A character reference decoded by itself; it maps to its ``&``."""
        decoded = html.unescape(raw)
        if decoded == raw:
            self._add_data(raw, pos)
        elif not decoded.strip(" \t\n\r\f"):
            self._add_space(pos, pos + len(raw))
        else:
            self._add(decoded, pos, pos + len(raw), False)

    def handle_comment(self, data: str) -> None:
        """Collect ``<!-- data -->`` with its source span (bogus ``<!x>`` comments are ignored)."""
        pos = self._here()
        if not self.source.startswith("<!--", pos):
            return
        body_end = pos + 4 + len(data)
        close = self.source.find(">", body_end)
        self.comments.append((pos, close + 1 if close >= 0 else len(self.source), self.source[pos + 4 : body_end]))
