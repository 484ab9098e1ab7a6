"""Read a draft from disk or stdin and decode it, with one-line errors.

What reaches the analysis is the decoded text, exactly as written: CRLF line
ends are kept (offsets and columns count every character), and a UTF-8 byte
order mark is removed first, so offset 0 is the character after the BOM and
line 1, column 1 is where an editor shows it.  Every problem is raised as
:class:`InputError` with a message fit for one line on stderr.
"""

from __future__ import annotations

import codecs
import os
import sys
from dataclasses import dataclass
from typing import BinaryIO

DEFAULT_ENCODING = "utf-8"


class InputError(Exception):
    """A file cannot be read as a draft; ``str(exc)`` is a one-line message."""


@dataclass(frozen=True, slots=True)
class Draft:
    """A decoded draft: ``name`` is the path as given ("-" for stdin)."""

    name: str
    text: str
    encoding: str = DEFAULT_ENCODING
    bom: bool = False

    @property
    def blank(self) -> bool:
        """True for an empty or whitespace-only draft."""
        return not self.text.strip()


def _is_utf8(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
    except LookupError:
        return False


def decode(data: bytes, name: str, encoding: str = DEFAULT_ENCODING) -> Draft:
    """Decode ``data`` read from ``name``; raise InputError when it is not text."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    utf8 = _is_utf8(encoding)
    if utf8:
        nul = data.find(b"\x00")
        if nul >= 0:
            raise InputError(f"{name}: binary file (NUL byte at offset {nul}), not a text draft")
    bom = utf8 and data.startswith(codecs.BOM_UTF8)
    if bom:
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8" if utf8 else encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start : exc.start + 1].hex()
        offset = exc.start + (len(codecs.BOM_UTF8) if bom else 0)
        label = "UTF-8" if utf8 else encoding
        raise InputError(
            f"{name}: invalid {label} (byte 0x{bad} at byte offset {offset}, line {line});"
            " use --encoding to choose another"
        ) from None
    if not utf8 and "\x00" in text:
        raise InputError(f"{name}: binary file (NUL character at offset {text.index(chr(0))})")
    return Draft(name=name, text=text, encoding=encoding, bom=bom)


DEFAULT_MAX_MB = 20.0


def _too_large(name: str, size: int, max_mb: float) -> InputError:
    return InputError(
        f"{name}: {size / 1e6:.1f} MB is larger than one article can be ({max_mb:g} MB); "
        "for an archive use --jsonl, or raise the limit with --max-size MB (0: none)"
    )


def open_binary(name: str, expected: str = "a file") -> BinaryIO:
    """Open ``name`` for reading bytes; raise InputError with a one-line reason on any problem."""
    if os.path.isdir(name):
        raise InputError(f"{name}: is a directory, expected {expected}")
    try:
        return open(name, "rb")
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, expected {expected}") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None


def read(
    name: str, encoding: str = DEFAULT_ENCODING, stdin: BinaryIO | None = None, max_mb: float = DEFAULT_MAX_MB
) -> Draft:
    """Read and decode the file ``name`` ("-" is stdin); raise InputError on any problem.

    An input over ``max_mb`` megabytes (0: no limit) is refused before it is read whole: a
    "draft" that large is an archive, which ``--jsonl`` streams article by article."""
    limit = int(max_mb * 1e6) if max_mb > 0 else 0
    if name == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        try:
            data = stream.read(limit + 1) if limit else stream.read()
        except OSError as exc:
            raise InputError(f"cannot read stdin: {exc.strerror or exc}") from None
        if limit and len(data) > limit:
            raise _too_large("-", len(data), max_mb)
        return decode(data, "-", encoding)
    with open_binary(name) as fh:
        size = os.fstat(fh.fileno()).st_size
        if limit and size > limit:
            raise _too_large(name, size, max_mb)
        try:
            data = fh.read()
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    return decode(data, name, encoding)
