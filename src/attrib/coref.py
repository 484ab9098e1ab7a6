"""Pronouns and descriptions -> earlier sources; anonymity signals per source.

"She" after "Mayor Ana Ruiz said" is Ruiz (identifiable); "the official"
after "a senior official, speaking on condition of anonymity" stays
anonymous.  Each distinct source becomes an entity; the grant, reason and
basis of knowledge of an anonymous entity are gathered over every sentence
that mentions it and reported on each of its attributions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from attrib import recache
from attrib.sourcekind import ORG_WORDS, SourceClass

if TYPE_CHECKING:
    from attrib.attribution import Found, SentenceInfo
    from attrib.lexicon import Lexicon

_NAME_WORD = r"[A-Z][a-z]*[A-Z]?[a-z]+(?:[-'][A-Z]?[a-z]+)?"  # "Ruiz", "McCaskill", "O'Neill", "Okoro-Barr"
_NAME = recache.compile(rf"\b{_NAME_WORD}(?:\s{_NAME_WORD}){{1,2}}\b")
_FAMILY = {
    "official": {"official", "officials", "source", "sources"},
    "source": {"source", "sources", "official", "officials", "person", "people", "insider"},
    "person": {"person", "people", "source", "sources"},
    "aide": {"aide", "aides", "official", "adviser"},
    "spokesman": {"spokesman", "spokeswoman", "spokesperson"},
    "spokeswoman": {"spokesman", "spokeswoman", "spokesperson"},
    "spokesperson": {"spokesman", "spokeswoman", "spokesperson"},
}


@dataclass(slots=True)
class Entity:
    """A distinct source of the article."""

    name: str
    cls: SourceClass
    first: int
    last: int
    heads: set[str] = field(default_factory=set)
    grant: bool = False
    reason: str = "none"
    basis: bool = False
    count: int = 0
    described: set[str] = field(default_factory=set)  # the words of "…, an ecologist at Pell College"


#: Lower-case title words right before a name ("area coroner Dr Miriam Osei", "chief executive Lars Vennema").
_TITLE_BEFORE = recache.compile(r"((?:[a-z][\w-]*\s){1,3})$")
#: A capital inside a clause, or a sentence opening "Iran and Russia": a name "they" may refer to.
_CAPITAL_INSIDE = recache.compile(r"\S\s+[A-Z][a-z]|^\s*[A-Z][a-z]+\s+and\s+[A-Z]", re.MULTILINE)
#: ", an ecologist at Pell College" / ", the council's chief planner" after a name: what "the ecologist" refers to.
_APPOSITIVE = recache.compile(r",\s(?:an?|the)\s((?:[a-z][\w'’-]*\s){0,3}[a-z][\w'’-]*)")


def _last_token(name: str) -> str:
    toks = [t for t in re.findall(r"[\w'’-]+", name) if t[:1].isupper()]
    return toks[-1].rstrip("'’s") if toks else ""


class _Resolver:
    def __init__(self, text: str) -> None:
        self.text = text
        self.entities: list[Entity] = []
        self._index: dict[int, int] = {}  # id(entity) -> position in entities (list.index is O(n))
        self.last_named_at = -1
        self.last_named: str = ""

    def note_names(self, start: int, end: int) -> None:
        """Remember the last capitalised name in the sentence ("Federal Election Commission" is no "she")."""
        for m in _NAME.finditer(self.text, start, end):
            if m.group().rsplit(None, 1)[-1].lower() in ORG_WORDS:
                continue
            self.last_named_at = m.start()  # finditer with a start position gives offsets in the whole text
            self.last_named = m.group()

    def _pick(self, want: set[str], pos: int) -> Entity | None:
        """The most recently mentioned entity of the wanted number (not the most recently introduced one)."""
        fits = [ent for ent in self.entities if ent.cls.number in want or ent.cls.kind in want]
        return max(fits, key=lambda ent: ent.last) if fits else None

    def _named_in_clause(self, pos: int) -> bool:
        """A capitalised name earlier in the pronoun's sentence ("Iran and Russia ... that they say")."""
        start = max(self.text.rfind(". ", 0, pos), self.text.rfind("\n", 0, pos)) + 1
        return _CAPITAL_INSIDE.search(self.text, start, pos) is not None

    def _described_as(self, head: str) -> Entity | None:
        """The latest named person introduced as "Anneliese Korver, an ecologist at ...", for "the ecologist"."""
        fits = [ent for ent in self.entities if ent.cls.kind == "person" and head in ent.described]
        return max(fits, key=lambda ent: ent.last) if fits else None

    def _by_last_token(self, name: str) -> Entity | None:
        key = _last_token(name)
        for ent in reversed(self.entities):
            if key and ent.cls.kind == "person" and _last_token(ent.name) == key:
                return ent
        return None

    def resolve(self, f: Found) -> Entity:
        cls = f.cls
        pos = f.source[0] if f.source else -1
        if cls.kind == "pronoun":
            want = (
                {"sg"}
                if cls.head in {"he", "she", "him", "her"}
                else ({"pl", "org"} if cls.head == "they" else {"pl"} if cls.head in {"them", "both"} else {"org"})
            )
            ent = self._pick(want, pos)
            if cls.head == "both" and ent is None:
                people = [e for e in self.entities if e.cls.kind == "person"]
                if people:  # "Mr. Clyburn and Mr. Butterfield ... The two said": the people just named
                    latest = max(people, key=lambda e: e.last)
                    return self._link(latest, f, SourceClass("pronoun", True, number="pl", head="both"))
            if ent is None and cls.head in {"they", "them", "both"} and not self._named_in_clause(pos):
                # "They say he violated his parole" with no group before it: a vague "they", not the last name.
                vague_they = SourceClass("unnamed", False, vague=True, number="pl", head="they")
                return self._new(f.source_text, vague_they, pos, f)
            if ent is None or (self.last_named_at > ent.last and cls.head in {"he", "she"}):
                named = self._by_last_token(self.last_named)
                if named is not None:
                    return self._link(named, f, SourceClass("pronoun", True, head=cls.head))
                return self._new(self.last_named or f.source_text, SourceClass("person", True), pos, f)
            return self._link(
                ent, f, SourceClass("pronoun", ent.cls.identifiable, ent.cls.vague, ent.cls.number, cls.head)
            )
        if cls.kind == "person":
            key = _last_token(f.source_text)
            for ent in reversed(self.entities):
                if ent.cls.kind == "person" and key and _last_token(ent.name) == key:
                    return self._link(ent, f, cls)
            return self._new(f.source_text, cls, pos, f)
        words = f.source_text.lower().split()
        definite = bool(words) and words[0] in {"the", "this", "that", "these", "those"}
        if definite and cls.kind in {"unnamed", "role"} and not cls.vague:
            family = _FAMILY.get(cls.head, {cls.head, cls.head.rstrip("s"), cls.head + "s"})
            kin = [ent for ent in self.entities if ent.heads & family]
            described = self._described_as(words[-1])
            latest = max(kin, key=lambda e: e.last) if kin else None  # the latest source of that kind
            if latest is not None and (described is None or latest.last > described.last):
                kind = "pronoun" if latest.cls.identifiable else "unnamed"
                return self._link(
                    latest, f, SourceClass(kind, latest.cls.identifiable, latest.cls.vague, latest.cls.number, cls.head)
                )
            if cls.kind == "role":
                for ent in reversed(self.entities):
                    if ent.cls.kind == "person" and f.source_text.lower().split()[-1] in ent.name.lower():
                        return self._link(ent, f, SourceClass("pronoun", True, head=cls.head))
            if described is not None:
                return self._link(described, f, SourceClass("pronoun", True, head=cls.head))
        return self._new(f.source_text, cls, pos, f)

    def _new(self, name: str, cls: SourceClass, pos: int, f: Found) -> Entity:
        ent = Entity(
            name=name.strip() or "unnamed", cls=cls, first=pos, last=pos, heads={cls.head} if cls.head else set()
        )
        if cls.kind == "person" and f.source is not None:
            appositive = _APPOSITIVE.match(self.text, f.source[1])
            if appositive is not None:
                ent.described = set(appositive.group(1).lower().split())
            title = _TITLE_BEFORE.search(self.text, max(0, f.source[0] - 40), f.source[0])
            if title is not None:  # "area coroner Dr Miriam Osei": "the coroner" is her
                ent.described |= set(title.group(1).lower().split())
            ent.described |= {w for w in f.source_text.lower().split() if w.isalpha() and w.islower()}
        self._index[id(ent)] = len(self.entities)
        self.entities.append(ent)
        return self._link(ent, f, cls)

    def _link(self, ent: Entity, f: Found, cls: SourceClass) -> Entity:
        f.cls = cls
        f.entity = self._index[id(ent)]
        if f.source_text and f.source_text != ent.name:
            f.resolved_to = ent.name
        if cls.head:
            ent.heads.add(cls.head)
        ent.last = max(ent.last, f.source[1] if f.source else ent.last)
        ent.count += 1
        return ent


#: Ordinary people a story may describe first and name next ("A woman who lives nearby said ... Valeska Paris").
_DESCRIBED = {
    "woman", "man", "resident", "neighbour", "neighbor", "hiker", "mother", "father", "parent", "customer",
    "driver", "farmer", "worker", "nurse", "teacher", "student", "passenger", "shopper", "owner", "witness",
    "survivor", "victim", "visitor", "fan", "volunteer", "patient", "tenant", "homeowner", "mum", "dad",
    "forward", "midfielder", "defender", "striker", "goalkeeper", "winger", "player",
}  # fmt: skip
_NAME_PART = r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s)?(?:[A-Z][\w'’-]+\s){1,2}[A-Z][\w'’-]+"
#: "Valeska Paris, 44, ..." opening the next sentence, or "... said Janine Okafor-Barr, 54" inside it.
_LATE_NAME = recache.compile(
    rf"\s*(?:The [a-z]+, )?({_NAME_PART})(?=,|\s(?:is|was|has|had|said|says|told|lives|\d))"  # "Valeska Paris, 44,"
    rf"|.*?\b(?:said|says|added|name is|That[’']s|what|said\sthe\s[a-z]+,)\s({_NAME_PART})\b(?!\s[a-z]+\s[a-z])"
)


#: Heads that stay anonymous even when somebody is named next (labels.md: officials, sources, aides ...).
_ANONYMOUS_HEADS = {
    "official", "source", "aide", "insider", "diplomat", "person", "staffer", "employee", "executive", "adviser",
    "advisor", "officer", "lawmaker", "negotiator", "analyst", "spokesman", "spokeswoman", "spokesperson",
}  # fmt: skip


def _ordinary_person(word: str) -> bool:
    """A singular person noun ("scientist", "nurse", "caller") that is not a classic anonymous head."""
    return word not in _ANONYMOUS_HEADS and word.endswith(("ist", "er", "or", "ian", "ant", "ent", "man", "woman"))


_DOC_HEADS = {"study", "report", "survey", "poll", "analysis", "review", "paper", "trial"}
_DOC_NAMED = recache.compile(
    r"\b(?:published|appeared|appears|reported)\s+(?:on\s+\w+\s+)?in\s+(?:the\s+)?[A-Z]"
    r"|\b(?:study|report|survey|poll|paper|trial)\b,?\s+(?:was\s+)?(?:led|conducted|carried\s+out|commissioned|funded)\s+by\s+[A-Z]"
)


_OTHER_DOC = recache.compile(rf"\s*(?:A|An)\s+(?:[\w-]+\s+){{0,3}}(?:{'|'.join(sorted(_DOC_HEADS))})\b")


def _document_named_later(f: Found, text: str, following: list[SentenceInfo]) -> bool:
    """ "A new study ... has revealed" and, a few lines on, "published in the Medical Journal of Australia"."""
    words = f.source_text.lower().split()
    if f.cls.kind != "unnamed" or not words or words[0] not in {"a", "an"} or f.cls.head not in _DOC_HEADS:
        return False
    for nxt in following:
        if _OTHER_DOC.match(text, nxt.start, nxt.end):
            return False  # another study starts: what follows is about that one
        if _DOC_NAMED.search(text, nxt.start, nxt.end):
            return True
    return False


def _late_name(infos: list[SentenceInfo], k: int, f: Found, text: str) -> str | None:
    """The new name that a described source ("a woman who ...") gets in the next two sentences, if any."""
    words = f.source_text.lower().split()
    if f.cls.kind != "unnamed" or f.cls.vague or not words or words[0] not in {"a", "an", "one"}:
        return None
    head = f.cls.head if f.cls.head not in {"one", "a", "an"} else (words[1] if len(words) > 1 else "")
    if not (head in _DESCRIBED or _ordinary_person(head)) or infos[k].grants or infos[k].reasons:
        return None
    for nxt in infos[k + 1 : k + 3]:
        m = _LATE_NAME.match(text, nxt.start, nxt.end)
        if m is not None:
            name = (m.group(1) or m.group(2)).strip()
            if _last_token(name) and _last_token(name) not in text[: infos[k].start]:
                return name
    return None


def resolve(infos: list[SentenceInfo], text: str, lex: Lexicon) -> list[Entity]:
    """Resolve every attribution's source to an entity; gather anonymity signals."""
    r = _Resolver(text)
    for k, info in enumerate(infos):
        own = [f for f in info.attributions if f.carried_from is None]
        for f in own:
            if f.source is None:
                continue
            ent = r.resolve(f)
            if _document_named_later(f, text, infos[k + 1 : k + 4]):
                ent.cls = f.cls = SourceClass("document", True, number="org", head=f.cls.head)
            late = _late_name(infos, k, f, text) if ent.count == 1 else None
            if late is not None:
                # Named in the next sentences: identifiable (labels.md, "Identifiable although named late").
                ent.cls = f.cls = SourceClass("person", True, head=f.cls.head)
                f.resolved_to = ent.name = late
            if not f.cls.identifiable:
                _signals(ent, info)
        r.note_names(info.start, info.end)
        for f in info.attributions:
            if f.carried_from is not None:
                settle_carried(f)
    return r.entities


def settle_carried(f: Found) -> None:
    """A carried attribution takes its speaker's resolved class and entity, and names the speaker."""
    sp = f.carried_from
    if sp is None:
        return
    f.cls = sp.cls
    f.entity = sp.entity
    f.vague = sp.vague
    f.resolved_to = sp.resolved_to or sp.source_text or None
    f.source_text = ""


def _signals(ent: Entity, info: SentenceInfo) -> None:
    if info.grants:
        ent.grant = True
    for h in info.reasons:
        strength = h.rule.strength
        if strength == "given" or ent.reason == "none":
            ent.reason = strength
    if info.bases:
        ent.basis = True
