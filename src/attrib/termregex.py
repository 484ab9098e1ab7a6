"""A list of phrases as one trie-shaped regular expression.

Rule terms ("said", "according to", "people familiar with") used to be
compiled as one alternation of every phrase, longest first.  Python's regex
engine tries each alternative in turn at each position, so the cost per
character grew with the number of phrases (348 cue phrases: three quarters of
the whole analysis time).  Here the phrases share their prefixes, character by
character, so at each position the engine follows at most one branch.

The expression matches exactly what the plain alternation matched (the same
spans, tested on the whole archive): case-insensitive (compile it with
``re.IGNORECASE``), words joined by any run of white space, a phrase that
starts (ends) with a letter or digit must not touch a word character or hyphen
on that side, and at each position the longest phrase wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_LEFT = r"(?<![\w-])"
_RIGHT = r"(?![\w-])"

#: A trie node: child key -> node; the key "" marks a phrase end (value: needs a right boundary).
_Node = dict


def _fold(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch


def _piece(key: str) -> str:
    return r"\s+" if key == " " else re.escape(key)


def _edge(key: str, child: _Node) -> str:
    """The run of characters from an edge down to the next branch or phrase end, then the rest."""
    parts = [_piece(key)]
    while len(child) == 1 and "" not in child:  # a chain: no group, no recursion
        ((key, child),) = child.items()
        parts.append(_piece(key))
    return "".join(parts) + _node(child)


def _node(node: _Node) -> str:
    alts = [_edge(k, child) for k, child in sorted(node.items()) if k != ""]
    if "" in node:
        # Children first: the engine tries the longer phrase before stopping here.
        tail = _RIGHT if node[""] else ""
        return "(?:" + "|".join([*alts, tail]) + ")" if alts else tail
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def trie_regex(terms: Iterable[str]) -> str:
    """One regular expression for ``terms`` (compile with ``re.IGNORECASE``); "" when empty."""
    root: _Node = {}
    for term in terms:
        words = term.split()
        if not words:
            continue
        node = root
        for ch in " ".join(words):
            node = node.setdefault(_fold(ch), {})
        node[""] = node.get("", False) or term.rstrip()[-1:].isalnum()
    word = [_edge(k, c) for k, c in sorted(root.items()) if k.isalnum()]
    other = [_edge(k, c) for k, c in sorted(root.items()) if not k.isalnum()]
    out = []
    if word:
        out.append(_LEFT + "(?:" + "|".join(word) + ")")
    out.extend(other)
    return "|".join(out)


#: Bump when trie_regex changes what it builds (cached patterns are keyed by it).
TRIE_VERSION = 1


def compile_terms(terms: Iterable[str]) -> re.Pattern[str]:
    """The compiled trie of ``terms`` (case-insensitive), via the on-disk cache of :mod:`attrib.recache`."""
    from attrib import recache

    unique = sorted(set(terms))
    key = f"terms:v{TRIE_VERSION}:" + "\x1f".join(unique)  # exact (a digest would need hashlib: ~7 ms to import)
    pattern = recache.cached_pattern(key) or trie_regex(unique)
    return recache.compile(pattern, re.IGNORECASE, key=key)
