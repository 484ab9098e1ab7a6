"""Plain-text drafts: the text is the source, the offset map is the identity.

A plain-text draft can still carry suppressions: an HTML comment that is alone
on its line(s) (only spaces or tabs around it) is collected as a
:class:`~attrib.inputs.Comment`.  The comment stays in ``Document.text``, since
plain text is never rewritten.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrib import recache
from attrib.inputs import BOM, Comment, Document, compute_line_starts, find_comments, position_in

_NON_SPACE = recache.compile(r"\S")
_BLANKS = " \t"


def load_plain(source: str) -> Document:
    """A Document whose text is ``source`` itself."""
    starts = compute_line_starts(source)
    comments = tuple(_line_comments(source, starts))
    return Document(source, source, "text", comments, None, starts)


def _line_comments(source: str, starts: Sequence[int]) -> list[Comment]:
    comments = []
    for start, end, body in find_comments(source):
        if not (_alone_before(source, start) and _alone_after(source, end)):
            continue
        line, col = position_in(source, starts, start)
        found = _NON_SPACE.search(source, end)
        comments.append(Comment(body.strip(), line, col, found.start() if found else len(source)))
    return comments


def _alone_before(source: str, start: int) -> bool:
    """Only blanks between the line start (or a leading BOM) and ``start``."""
    i = start - 1
    while i >= 0 and source[i] in _BLANKS:
        i -= 1
    return i < 0 or source[i] in "\r\n" or (i == 0 and source[0] == BOM)


def _alone_after(source: str, end: int) -> bool:
    """Only blanks between ``end`` and the end of its line."""
    i = end
    while i < len(source) and source[i] in _BLANKS:
        i += 1
    return i == len(source) or source[i] in "\r\n"
