"""The sources table: distinct sources with kind, number of attributions and first mention."""

from __future__ import annotations

from collections.abc import Iterable

from attrib.result import Sentence, Source


def table(sentences: Iterable[Sentence]) -> list[Source]:
    """Distinct sources in order of first mention; pronouns count for what they resolve to."""
    rows: dict[str, list] = {}
    for s in sentences:
        if s.label == "unattributed":
            continue
        for a in s.attributions:
            name = a.resolved_to or (a.source.text if a.source else None) or (a.cue.text if a.cue else None)
            if not name:
                continue
            key = name.lower()
            kind = a.kind
            start = a.source.start if a.source else a.cue.start if a.cue else s.start
            if key not in rows:
                rows[key] = [name, kind, 0, start, a.anonymity is not None]
            row = rows[key]
            row[2] += 1
            if row[1] == "pronoun" and kind != "pronoun":
                row[1] = kind
    return [Source(name=r[0], kind=r[1], count=r[2], first_start=r[3], anonymous=r[4]) for r in rows.values()]
