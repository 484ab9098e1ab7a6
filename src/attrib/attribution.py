"""Attribution relations: cue -> source -> content, for every sentence of an article.

For each sentence we mask quoted words (a cue inside a quotation is the
speaker's, not the article's), find cues, and look for the cue's source in
every placement a newsroom uses: before the cue ("Ruiz said"), after it in
inversion (`"...," said Ruiz`), after "according to", in an appositive
("Ruiz, the mayor, said"), and as the subject of a participle (", saying").
Vague and agentless attribution, quotations that run over sentences and
paragraphs, speaker tags with a colon and quotes credited in the next
sentence are handled here too; pronouns and descriptions are resolved by
:mod:`attrib.coref`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from attrib import coref, recache
from attrib.lexicon import Hit, Lexicon
from attrib.quotes import Quote, find_quotes
from attrib.sourcekind import (
    _PARTY_GROUPS,
    _PERSON_SUFFIX,
    DOC_WORDS,
    ORG_WORDS,
    OWN_WORK,
    PRONOUNS,
    ROLE_NOUNS,
    SourceClass,
    _plural_org,
    classify,
)

_WORD = recache.compile(r"[\w][\w'’.&-]*|[^\w\s]")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_SKIP_BEFORE = {
    "himself",
    "herself",
    "themselves",
    "itself",
    "here",
    "there",
    "also",
    "later",
    "previously",
    "publicly",
    "repeatedly",
    "earlier",
    "then",
    "further",
    "recently",
    "once",
    "has",
    "have",
    "had",
    "would",
    "will",
    "could",
    "may",
    "might",
    "can",
    "did",
    "does",
    "do",
    "is",
    "was",
    "were",
    "are",
    "been",
    "not",
    "never",
    "quickly",
    "again",
    "separately",
    "privately",
    "today",
    "yesterday",
    "tonight",
    "on",
    *_WEEKDAYS,
    "last",
    "week",
    "this",
    "morning",
    "evening",
    "afternoon",
    "night",
    "told",
    "simply",
    "only",
    "just",
    "however",
    "meanwhile",
    "still",
    "since",
    "first",
    "initially",
    "originally",
    "subsequently",
    "reportedly",
    "both",
    "all",
    "each",
    "now",
    "too",
    "flatly",
    "long",
    "often",
    "consistently",
    "frequently",
    "always",
    "firmly",
    "openly",
    "angrily",
    "strongly",
    "confidently",
    "explicitly",
    "specifically",
    "immediately",
}
_NP_LINKS = frozenset(
    {"of", "for", "at", "and", "&", "-", "in", "to", "on", "with", "from", "familiar", "close", "briefed"}
)  # words inside a name or a description
_NP_INNER = _NP_LINKS | {
    "the",
    "a",
    "an",
    "'s",
    "’s",
    "senior",
    "former",
    "top",
    "local",
    "chief",
    "deputy",
    "nearby",
    "neighbouring",
    "neighboring",
    "surrounding",
    "two",
    "three",
    "four",
    "several",
    "some",
    "many",
    "other",
    "another",
    "one",
    "state",
    "federal",
    "foreign",
    "new",
    "its",
    "their",
    "his",
    "her",
    "our",
    "young",
    "old",
    "regional",
    "national",
    "international",
    "western",
    "european",
    "military",
    "government",
    "defense",
    "defence",
    "intelligence",
    "security",
    "police",
    "health",
    "administration",
    "company",
    "party",
    "campaign",
    "union",
    "club",
    "team",
    "court",
    "city",
    "county",
    "district",
    "school",
    "hospital",
    "bank",
    "independent",
    "leading",
    "prominent",
    "anonymous",
    "unnamed",
    "retired",
    "acting",
    "interim",
    "assistant",
    "associate",
    "executive",
    "managing",
    "general",
    "vice",
    "prime",
    "finance",
    "justice",
    "interior",
    "trade",
    "education",
    "environment",
    "economy",
    "energy",
    "transport",
    "labour",
    "labor",
    "agriculture",
    "research",
    "study",
    "s",
    "de",
    "van",
    "von",
    "der",
    "la",
    "le",
    "al",
    "bin",
    "el",
    "matter",
    "talks",
    "plan",
    "situation",
    "investigation",
    "discussions",
    "negotiations",
    "case",
    "issue",
    "deal",
    "decision",
}
_INVERTING = {
    "said",
    "says",
    "added",
    "adds",
    "explained",
    "wrote",
    "writes",
    "continued",
    "noted",
    "recalled",
    "asked",
    "insisted",
    "warned",
    "declared",
    "replied",
    "concluded",
    "stated",
    "observed",
    "remarked",
    "argued",
    "suggested",
    "exclaimed",
    "countered",
    "admitted",
    "told",
}
_WEAK_CUES = {
    "compared",
    "compares",
    "likened",
    "likens",
    "reads",
    "read",
    "expressed",
    "expresses",
    "voiced",
    "voices",
    "called",
    "calls",
    "calling",
    "advising",
    "advises",
    "advised",
    "recalls",
    "recalled",
    "recalling",
    "conceded",
    "continued",
    "went on",
    "agreed",
    "disagreed",
    "present",
    "posted",
    "recorded",
    "published",
    "detailed",
    "outlined",
    "documented",
    "projects",
    "projected",
    "shows",
    "show",
    "showed",
    "shown",
    "found",
    "finds",
    "reported",
    "reports",
    "released",
    "indicated",
    "indicates",
    "rejected",
    "rejects",
    "observed",
    "noted",
    "notes",
    "cited",
    "citing",
    "quoting",
}
_PASSIVE = {"was", "were", "been", "being", "be", "is", "are", "get", "got"}
_STOP_LEFT = {
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "because",
    "but",
    "while",
    "when",
    "after",
    "before",
    "as",
    "if",
    "since",
    "although",
    "though",
    "where",
    "and",
    "or",
    "so",
    "than",
    "whether",
    "until",
    "unless",
    "what",
    "how",
    "why",
}


@dataclass(slots=True)
class Found:
    """An attribution found in one sentence (mutable while the article is processed)."""

    sentence: int
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    source_text: str
    cls: SourceClass
    mode: str
    rules: list[str] = field(default_factory=list)
    content: list[tuple[int, int]] = field(default_factory=list)
    vague: bool = False
    resolved_to: str | None = None
    entity: int = -1
    quoted: bool = False
    carried_from: Found | None = None


@dataclass(slots=True)
class SentenceInfo:
    """Everything found in one sentence."""

    index: int
    start: int
    end: int
    paragraph: int
    attributions: list[Found] = field(default_factory=list)
    quote_chars: int = 0
    quote_words: int = 0
    max_quote_words: int = 0
    quotes: list[Quote] = field(default_factory=list)
    inside_quote: bool = False
    no_comment: bool = False
    not_attribution: list[str] = field(default_factory=list)
    grants: list[Hit] = field(default_factory=list)
    reasons: list[Hit] = field(default_factory=list)
    bases: list[Hit] = field(default_factory=list)
    colon_lead_in: bool = False


#: How far (in characters) a source may lie from its cue: the token scans around a cue look no
#: further, so a run-on "sentence" of megabytes with many cues stays linear (issue 5).
_WINDOW = 500


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start() + start, m.end() + start, m.group()) for m in _WORD.finditer(text[start:end])]


def _mask_quotes(text: str, start: int, end: int, quotes: list[Quote]) -> str:
    """The sentence with quoted characters blanked (same length, offsets kept)."""
    chars = list(text[start:end])
    for q in quotes:
        a, b = max(q.inner[0], start), min(q.inner[1], end)
        for i in range(a, b):
            chars[i - start] = " "
    return "".join(chars)


#: Lower-case words in -ly that are nouns or adjectives of a source, not adverbs.
_LY_NOUNS = {
    "family", "ally", "assembly", "rally", "supply", "monopoly", "anomaly", "belly", "bully", "lily", "fly",
    "reply", "daily", "weekly", "monthly", "quarterly", "italy", "july", "early", "only", "holy", "elderly",
}  # fmt: skip


def _adverb(word: str) -> bool:
    """ "widely", "sharply": an adverb between a source and its cue ("The West has widely condemned")."""
    return len(word) > 4 and word.endswith("ly") and word.islower() and word not in _LY_NOUNS


def _left_source(text: str, masked: str, s_start: int, cue_start: int) -> tuple[int, int] | None:
    """The noun phrase right before a cue ("Mayor Ana Ruiz said"), skipping adverbs."""
    toks = _tokens(masked, max(0, cue_start - s_start - _WINDOW), cue_start - s_start)
    i = len(toks) - 1
    while i >= 0 and (toks[i][2].lower() in _SKIP_BEFORE or _adverb(toks[i][2])):
        i -= 1
    if i >= 0 and toks[i][2] == ")":
        # "The World Health Organisation (WHO) recommends": skip the parenthesis.
        k = i
        while k >= 0 and toks[k][2] != "(":
            k -= 1
        if k > 0 and i - k < 8:
            toks = toks[:k]
            i = k - 1
    if i >= 0 and toks[i][2] == ",":
        return _appositive_source(text, masked, s_start, toks, i)
    i = _skip_relative_clause(toks, i)
    end_i = i
    while i >= 0:
        w = toks[i][2]
        low = w.lower()
        if w[0].isupper() or low in _NP_INNER or w in ("'s", "’s") or w[0].isdigit() or low in PRONOUNS:
            if w in _STOP_LEFT:
                break
            if low in PRONOUNS and i != end_i:
                break
            i -= 1
            if low in PRONOUNS:
                break
            continue
        if _is_nounish(low) or (i == end_i and low in ROLE_NOUNS):  # "... presidential nominee said"
            i -= 1
            continue
        break
    first = i + 1
    if first == end_i and toks[end_i][2].lower() in {"them", "those"} and first >= 2 and toks[first - 1][2] == "of":
        first -= 2  # "one of them said": the group member, resolved to the group
    while first <= end_i and toks[first][2].lower() in _NP_EDGE:
        first += 1
    if first > end_i:
        return _clause_subject(toks, end_i, s_start)
    if (
        first > 0
        and toks[first - 1][2].lower() not in _STOP_LEFT
        and toks[first - 1][2] not in _BOUNDARY
        and toks[end_i][2].lower() not in PRONOUNS
        and not toks[first][2][:1].isupper()
        and not _has_verb(toks, first)
    ):
        wider = _clause_subject(toks, end_i, s_start)
        if wider is not None:
            return wider
    return s_start + toks[first][0], s_start + toks[end_i][1]


_PROPER_CUES = {
    "States",
    "State",
    "Post",
    "Posts",
    "Report",
    "Reports",
    "Notes",
    "Note",
    "Times",
    "Record",
    "Statement",
    "Warning",
    "Warnings",
    "Highlights",
    "Forecast",
    "Forecasts",
    "Brands",
    "Says",
    "Show",
} - {"Says", "Show"}
_INVERTED_NAME = recache.compile(
    r"\s+(?!(?:"
    + "|".join(w.capitalize() for w in (*_WEEKDAYS, "today", "tonight", "yesterday", *_MONTHS))
    + r"|Last|This|Next|Earlier|Later)\b)"
    r"((?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z]|al-|el-|de\s|da\s|van\s|von\s|bin\s|ibn\s)[\w'’.-]*){0,3}"
    r"|(?:(?!(?:that|the|this|it|he|she|they|we|in|on|at|to|a|an|of|by|with|for)\s)[a-z0-9][\w/-]*\s+){1,3}"
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"  # "national finance director Dennis Cheng", "9/11 widow Terry Strada"
    r"|(?:one|two|three|some|several)\s+of\s+the\s+[a-z]+|another|one|others|(?:the|a|an|another)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:people|person|official|officials|source|sources|aide|aides|executive|diplomat|lawyer|spokesman|"
    r"spokeswoman|spokesperson|analyst|analysts|witness|resident|officer|investigator|adviser))\s*[,.]"
)
_APPOSED_NAME = recache.compile(
    r",\s*(?:(?:Representatives?|Senators?|Reps?\.|Sens?\.)\s)?"
    r"([A-Z][\w'’-]+(?:\s(?:[A-Z]\.|[A-Z][\w'’-]+)){1,3})\s*(?:[,.]|$|\sof\s[A-Z]|\sand\s[A-Z])"
)


def _apposed_name(text: str, masked: str, s: int, span: tuple[int, int]) -> tuple[int, int]:
    """ "the teacher, Rosa Quispe Llanos," after an inverted cue: the name, when the description is short."""
    described = text[span[0] : span[1]].split()
    named = _APPOSED_NAME.match(masked, span[1] - s) if 1 < len(described) <= 3 else None
    if named is not None and described[0].lower() in {"the", "a", "an"}:
        return s + named.start(1), s + named.end(1)
    return span


_OWN_CONTENT = recache.compile(r"\bthat\s+(?:\S+\s+){3,}(?:but|and)\s+$")
_TITLE_ABBREVS = {"Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Prof", "St", "Sgt", "Capt", "Rev"}
_NP_EDGE = _NP_LINKS | {"but", "yet", "so", "also", "now", "that's", "that’s", "here's", "here’s"}
_BOUNDARY = {",", ";", ":", "—", "–", "(", ")", '"', "“", "”", "‘", "’", "-"}
_FEW_WORDS = recache.compile(r"(?:\s+(?!said\b|says\b|told\b)[\w’'-]+){0,4}")
_CHUNK_BREAK = {",", ";", ":", "—", "–", "(", '"', "“", "”", "‘", "’", "'"}
_NP_START = {
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "this",
    "that",
    "these",
    "those",
    "some",
    "many",
    "two",
    "three",
    "four",
    "several",
    "one",
    "another",
    "both",
    "most",
    "all",
    "other",
    "our",
}


_VERBISH = {
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "announced",
    "stated",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "did",
    "does",
}


def _has_verb(toks: list, first: int) -> bool:
    """Is there a verb-like word in the clause before the strict noun phrase?"""
    j = first - 1
    while j >= 0 and toks[j][2] not in _BOUNDARY and toks[j][2].lower() not in _STOP_LEFT:
        if toks[j][2].lower() in _VERBISH:
            return True
        j -= 1
    return False


def _skip_relative_clause(toks: list, i: int) -> int:
    """`two lawmakers who attended the meeting described`: continue before "who" (at most 10 words back)."""
    j = i
    while j >= 0 and i - j <= 10 and toks[j][2] not in _BOUNDARY:
        if toks[j][2].lower() in {"who", "whom"} and j > 0 and toks[j - 1][2] not in _BOUNDARY:
            return j - 1
        j -= 1
    if i >= 2 and toks[i - 1][2] in {"I", "we"} and _is_nounish(toks[i - 2][2].lower()):
        return i - 2  # "all the experts I interviewed said": the writer's interviewees speak, not the writer
    return i


def _clause_subject(toks: list, end_i: int, s_start: int) -> tuple[int, int] | None:
    """Fallback: the whole clause before the cue when it reads as a noun phrase (<= 14 words)."""
    if end_i < 0:
        return None
    j = end_i
    while j >= 0 and end_i - j <= 14 and toks[j][2] not in _BOUNDARY and toks[j][2].lower() not in _STOP_LEFT:
        j -= 1
    first = j + 1
    if first > end_i or end_i - first > 13:
        return None
    w0 = toks[first][2]
    if not (
        w0[0].isupper()
        or w0.lower() in _NP_START
        or w0[0].isdigit()
        or w0.lower().rstrip("s") in _SPEAKER_NOUNS
        or _is_org_word(w0.lower())
    ):
        return None
    if w0.lower() in _STOP_LEFT or (first < end_i and w0.lower() in PRONOUNS):
        return None
    return s_start + toks[first][0], s_start + toks[end_i][1]


def _is_nounish(low: str) -> bool:
    return low.endswith(("ers", "ists", "ians", "ials", "ors", "ees", "ants", "ents", "ives", "ies")) or low in {
        "people",
        "police",
        "staff",
        "officials",
        "sources",
        "source",
        "official",
        "aide",
        "aides",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "person",
        "man",
        "woman",
        "men",
        "women",
        "expert",
        "report",
        "study",
        "survey",
        "poll",
        "statement",
        "data",
        "figures",
        "government",
        "ministry",
        "department",
        "agency",
        "council",
        "company",
        "court",
        "campaign",
        "filings",
        "documents",
        "mayor",
        "minister",
        "president",
        "chief",
        "head",
        "coach",
        "manager",
        "judge",
        "prosecutor",
        "lawyer",
        "attorney",
        "diplomat",
        "analyst",
        "economist",
        "researcher",
        "scientist",
        "doctor",
        "witness",
        "resident",
        "friend",
        "relative",
        "neighbour",
        "neighbor",
        "teacher",
        "student",
        "member",
        "leader",
        "director",
        "secretary",
        "governor",
        "senator",
        "officer",
        "insider",
        "critic",
        "military",
        "army",
        "navy",
        "research",
        "paper",
        "review",
        "audit",
        "memo",
        "letter",
        "team",
        "group",
        "board",
        "committee",
        "commission",
        "office",
        "embassy",
        "union",
        "club",
        "party",
        "firm",
        "bank",
        "university",
        "hospital",
        "institute",
        "authority",
        "regulator",
        "pentagon",
        "administration",
        "others",
        "some",
        "many",
        "several",
        "most",
        "both",
        "all",
        "everyone",
        "adviser",
        "advisor",
        "official's",
        "activist",
        "protester",
        "worker",
        "employee",
        "executive",
        "media",
        "experts",
        "critics",
        "analysts",
        "observers",
        "reports",
        "estimates",
        "photos",
        "articles",
        "posts",
        "journals",
        "statistics",
        "polls",
        "surveys",
        "studies",
        "authorities",
        "magazine",
        "newspaper",
    }


# Words that open a subordinate clause (a chunk starts after them); relative pronouns are not among them.
_CLAUSE_OPENERS = _STOP_LEFT - {"which", "who", "whom", "whose", "as", "and", "or", "so", "than", "what", "how", "why"}


def _appositive_source(text: str, masked: str, s_start: int, toks: list, comma_i: int) -> tuple[int, int] | None:
    """`Ruiz, the city's mayor, said` / `Greta Solberg, 61, of Harwick, said` / `The operator, Acme Ltd, said`.

    The comma chunks before the cue are read back to the start of the clause; a chunk with a
    name wins (the earliest one), else the chunk that opens the clause with a determiner."""
    chunks: list[tuple[int, int]] = []  # token index ranges, nearest first
    end = comma_i
    k = comma_i - 1
    while k >= -1 and len(chunks) < 5:
        if k == -1 or toks[k][2] in _CHUNK_BREAK:
            if k + 1 < end:
                chunks.append((k + 1, end - 1))
            if k == -1 or toks[k][2] != ",":
                break
            end = k
        k -= 1
    # "Some analysts, among them Karin Sollberg, said": a named example does not name an open group.
    chunks = [c for c in chunks if toks[c[0]][2].lower() not in _EXAMPLE_OPENERS]
    # "The county's study, released in March by the Department of Works, projects": a participle clause
    # describes the subject; it is not the subject.
    chunks = [c for c in chunks if not _PARTICIPLE.match(toks[c[0]][2])] or chunks
    # "In a statement, one of the family's attorneys, Justin Bamberg, said", "Recording a conclusion of accidental
    # death, the area coroner, Dr Helen Aske, said": an opening adverbial or participle clause is no subject.
    chunks = [
        c
        for c in chunks
        if toks[c[0]][2].lower() not in _LEADING_PREPS and not (c[0] == 0 and _GERUND_OPENER.match(toks[c[0]][2]))
    ] or chunks
    if not chunks:
        return None
    first = chunks[-1]
    if toks[first[0]][2].lower() in {"but", "and", "yet", "so"} and first[0] < first[1]:
        first = (first[0] + 1, first[1])  # "But a firefighter at the scene, who ..., told us"
        chunks[-1] = first
    first_word = toks[first[0]][2]
    described = first_word.endswith(("'s", "’s")) and first[0] < first[1]  # "NatWest's corporate parent, RBS,"
    if (
        first_word[:1].isupper()
        and first_word.lower() not in _NP_START
        and first_word.lower() not in _STOP_LEFT
        and not described
    ):
        # "K.C. Maurer, chief financial officer at the Foundation, said": the subject is the name.
        return s_start + toks[first[0]][0], s_start + toks[first[1]][1]
    named = [
        c
        for c in chunks
        if (
            _has_name(masked[toks[c[0]][0] : toks[c[1]][1]])
            and toks[c[0]][2].lower() not in {"a", "an"}  # "a 79-year-old Glendower man" describes somebody
        )
        or (c[0] == c[1] and toks[c[0]][2][:1].isupper() and toks[c[0]][2].lower() not in _STOP_LEFT)
    ]
    # "The new U.S. diplomat, Antony Blinken, said": the chunk that is a name beats a described one.
    proper = [c for c in named if c[1] - c[0] < 5 and all(_name_part(t[2]) for t in toks[c[0] : c[1] + 1])]
    pick = (proper or named)[-1] if named else None
    if pick is None:
        first_tok = toks[chunks[-1][0]][2].lower()
        if first_tok in _NP_START or first_tok in {"who"}:
            pick = chunks[-1]
        elif len(chunks) == 1:
            return _clause_subject(toks, comma_i - 1, s_start)
        else:
            return None
    a, b = pick
    for m in range(b, a - 1, -1):
        if toks[m][2].lower() in _CLAUSE_OPENERS:
            a = m + 1
            break
    while a <= b and toks[a][2].lower() in {"but", "and", "yet", "so", "also", "now"}:
        a += 1
    if a > b:
        return None
    return s_start + toks[a][0], s_start + toks[b][1]


def _name_part(tok: str) -> bool:
    return tok[:1].isupper() or tok in {"de", "van", "von", "al", "bin", "la", "le", "da", "del", "der"}


_PARTICIPLE = recache.compile(
    r"(?:[a-z]+ed|seen|written|known|run|led|made|held|shown|given|taken|drawn|sent|built|paid)$"
)
_PRONOUN_CLAUSE = recache.compile(
    r"\s+(?:he|she|they|it|we|I|there)\s+(?:was|were|is|are|had|has|have|would|will|could|should|did|does|do|"
    r"can|may|might|must|never|[a-z]+ed)\b"
)
_NP_END = recache.compile(r"\s*(?:[,.;]|$)")  # an inverted speaker ends at a comma or the sentence end
_GERUND_OPENER = recache.compile(r"[A-Z][a-z]+ing$")
_EXAMPLE_OPENERS = {"among", "including", "notably", "especially", "particularly"}
_NAME_IN = recache.compile(r"(?:^|\s)[A-Z][a-z][\w'’.-]*\s+(?:[a-z]{1,3}[-\s])?[A-Z][\w'’.-]+")


def _has_name(phrase: str) -> bool:
    """Two capitalised words in a row (a person's or an organisation's name)."""
    return bool(_NAME_IN.search(phrase))


def _modifies_source(toks: list, n: int) -> bool:
    """A lowercase word followed, within two words, by a document word or a plural noun."""
    for _a, _b, w in toks[n + 1 : n + 3]:
        low = w.lower().rstrip(".,")
        if _is_doc_head(low) or (len(low) > 3 and low.endswith("s") and low not in _VERBISH):
            return True
    return False


def _before_a_name(toks: list, n: int) -> bool:
    """Lower-case words that lead to a capitalised name within five words ("former president Bill Clinton")."""
    for _start, _end, w in toks[n : n + 6]:
        if w[:1].isupper():
            return True
        if not w.isalpha() or not w.islower() or w in {"that", "said", "says", "who", "which", "when", "on", "after"}:
            return False
    return False


def _right_source(text: str, masked: str, s_start: int, from_pos: int, s_end: int) -> tuple[int, int] | None:
    """The noun phrase right after a cue ("according to X", `said Ruiz`)."""
    toks = _tokens(masked, from_pos - s_start, min(s_end, from_pos + _WINDOW) - s_start)
    out_start = out_end = None
    for n, (a, b, w) in enumerate(toks):
        low = w.lower()
        if w in {",", ";", ":", ".", "(", ")", "—", "–", "?", "!"} or low in {
            "that",
            "said",
            "says",
            "who",
            "which",
            "when",
            "on",
            "after",
        }:
            break
        if n >= 12:
            break
        if (
            out_start is not None
            and low in {"the", "a", "an", "there", "it", "he", "she", "they", "over", "some"}
            and masked[out_end - 1 : out_end].isalpha()
            and _cap_before(masked, out_start, out_end)
        ):
            break
        if out_start is None:
            low = low.rstrip(".!?")  # "by anglers." at the end of the sentence keeps its full stop
            if (
                low in {"the", "a", "an", "two", "three", "several", "some", "many", "one"}
                or w[0].isupper()
                or low in PRONOUNS
                or _is_nounish(low)
                or low in _NP_INNER
                or _is_doc_head(low)
                or (len(low) > 3 and low.endswith("s") and low not in _VERBISH)  # "according to accounts filed"
                or _modifies_source(toks, n)  # "according to recent polls", "exit surveys of voters"
                or _before_a_name(toks, n)  # "according to conservative talk radio host Rush Limbaugh"
            ):
                out_start = a
            else:
                break
        out_end = b
    if out_start is None or out_end is None:
        return None
    return s_start + out_start, s_start + out_end


#: A character that is neither white space nor punctuation (a quoted sentence has none once masked).
_WORDY = recache.compile("[^\\s.,;:!?—–\\-'’\"”“)(]")
_CLAUSE_BREAK = recache.compile(r"[;—–]|,\s*(?:but|and|while|whereas|although|though)\b|\b(?:but|while|whereas)\b")
_NUMBER_NEXT = recache.compile(r"\s+(?:\d|a\s+(?:further|second|third|late)|another\b|two\b|three\b|one\b)")
_NEGATORS = {
    "not",
    "never",
    "didn't",
    "doesn't",
    "don't",
    "hasn't",
    "haven't",
    "won't",
    "wouldn't",
    "cannot",
    "can't",
    "didn’t",
    "doesn’t",
    "don’t",
    "hasn’t",
    "haven’t",
    "won’t",
    "wouldn’t",
    "can’t",
    "no",
}


_NOUN_MARKERS = {"in", "of", "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "these", "those"}
_NOUN_MARKERS |= {"for", "with", "from", "over", "about", "into", "no", "any", "every", "such", "another"}


#: Plain forms that a plural subject takes ("officials confirm"); after "to" they are infinitives.
_BASE_FORMS = {
    "describe", "deny", "confirm", "claim", "explain", "announce", "reveal", "acknowledge", "admit", "allege",
    "accuse", "maintain", "concede", "emphasize", "emphasise", "criticize", "criticise", "reject", "propose",
    "recommend", "testify", "reiterate", "contend", "assert", "blame",
}  # fmt: skip


_S_NOUNS = {
    "comments", "remarks", "claims", "reports", "notes", "posts", "estimates", "forecasts", "projects", "promises",
    "warnings", "statements", "concerns", "worries", "hopes", "fears", "doubts", "demands", "protests", "counters",
}  # fmt: skip


def _adjective_before(word: str) -> bool:
    """A lowercase word before an "-s" cue that cannot be its subject ("written comments", "public remarks")."""
    low = word.lower()
    if not word.isalpha() or not word.islower() or low.endswith("ly") or low in PRONOUNS or low in _SKIP_BEFORE:
        return False
    return not (low in _SPEAKER_NOUNS or low.rstrip("s") in _SPEAKER_NOUNS or _is_nounish(low) or _is_org_word(low))


_WITH_SUBJECT = recache.compile(r"\bwith\s+((?:some\s|many\s|several\s)?[a-z]+s)\s+$")
_WHAT_BEFORE = recache.compile(r"\b(?:what|whatever)\s+$", re.IGNORECASE)
_SEEN_BY_BEFORE = recache.compile(r"\s+(?:seen|reviewed|obtained|viewed)\s+by\s+$")
_DESCRIBED_DETS = {"a", "an", "one", "the", "two", "three", "several", "some", "another", "this"}
_PREPOSITIONS = {"in", "of", "for", "with", "from", "over", "about", "into"}
_INFINITIVE_OR_MODAL = {"to", "would", "will", "could", "might", "may", "should", "must", "can", "shall"}


def _noun_marker(word: str) -> bool:
    """A determiner, preposition or possessive right before a cue makes the cue a noun."""
    return word in _NOUN_MARKERS or word.endswith(("'s", "’s", "s'", "s’"))


def _gerund_or_noun(prev_words: list[str], cue_word: str) -> bool:
    """ "-ing" after a preposition ("from claiming"), or "warning" as a noun ("a yellow warning for")."""
    if prev_words[-1:] and prev_words[-1] in _NOUN_MARKERS:
        return True
    return (
        cue_word == "warning"
        and len(prev_words) >= 2
        and prev_words[-2] in {"a", "an", "the"}
        and prev_words[-1].isalpha()
    )


def _negated(prev_words: list[str]) -> bool:
    """`did not testify`, `has never said`: a negative report credits nothing."""
    return any(w in _NEGATORS for w in prev_words[-2:])


def _passive(prev_words: list[str]) -> bool:
    """`was denied`, `were twice denied`, `has been described`: the cue verb is passive."""
    for w in reversed(prev_words):
        if w in _PASSIVE:
            return True
        if w not in _SKIP_BEFORE and not w.endswith("ly"):
            return False
    return False


_SUBORDINATE_START = recache.compile(
    r"\s*[\"“‘']?(?:While|Although|Though|Even\sthough|Whereas|As|After|Because|If|When|Since|Before)\b"
)
_PREP_PHRASE = recache.compile(
    r"(?i)(?:in|on|at|during|after|before|for|with|under|following|despite)\s+(?:a|an|the|his|her|its|their|this)\s"
)


def _inside_adverbial(src_text: str) -> bool:
    """ "In a Facebook message": a prepositional phrase with no name after it cannot be the speaker of a
    participle ("In a statement von der Leyen wrote" keeps the name that follows it)."""
    if not _PREP_PHRASE.match(src_text):
        return False
    return not any(w[:1].isupper() or w in {"von", "van", "de", "al"} for w in src_text.split()[3:])


_DEGREE = {"more", "most", "less", "least", "very", "highly", "fully", "so", "too", "increasingly", "well"}
_LEADING_PREPS = {
    "in",
    "on",
    "at",
    "after",
    "during",
    "for",
    "before",
    "with",
    "since",
    "while",
    "when",
    "as",
    "despite",
    "following",
    "under",
    "by",
    "from",
    "to",
    "speaking",
    "asked",
    "earlier",
    "later",
}


def _cap_before(text: str, a: int, b: int) -> bool:
    """Is the last word of text[a:b] capitalised (a name just ended)?"""
    words = text[a:b].split()
    return bool(words) and words[-1][:1].isupper()


def _subject_of_clause(text: str, masked: str, s_start: int, before: int) -> tuple[int, int] | None:
    """The first noun phrase of the sentence, for participles (", saying ...")."""
    toks = _tokens(masked, 0, min(before - s_start, _WINDOW))
    if not toks:
        return None
    k = 0
    if toks[0][2].lower() in _LEADING_PREPS:
        # "In her remarks, Waters ...": the subject follows the opening phrase.
        while k < len(toks) and toks[k][2] != ",":
            k += 1
        k += 1
        if k >= len(toks):
            return None
    end = k
    while end < len(toks) and toks[end][2] not in {",", ";", ":"} and toks[end][2].lower() not in _STOP_LEFT:
        w = toks[end][2]
        low = w.lower()
        if not (w[0].isupper() or low in _NP_INNER or _is_nounish(low) or low in PRONOUNS or low in _SPEAKER_NOUNS):
            break
        end += 1
    if end == k:
        return None
    return s_start + toks[k][0], s_start + toks[end - 1][1]


class ArticleAnalysis:
    """Runs attribution finding over all sentences of one article."""

    def __init__(self, text: str, segs: list, lex: Lexicon) -> None:
        self.text = text
        self.segs = segs
        self.lex = lex
        paragraphs = _paragraph_spans(segs)
        self.quotes = find_quotes(text, paragraphs)
        self.infos: list[SentenceInfo] = []
        self.entities: list[coref.Entity] = []

    def run(self) -> list[SentenceInfo]:
        """Find attributions sentence by sentence, then link quotes and resolve references."""
        qi = 0
        for idx, seg in enumerate(self.segs):
            while qi < len(self.quotes) and self.quotes[qi].end <= seg.start:
                qi += 1
            qs = []
            j = qi
            while j < len(self.quotes) and self.quotes[j].start < seg.end:
                qs.append(self.quotes[j])
                j += 1
            self.infos.append(self._sentence(idx, seg, qs))
        credit_lines(self.infos, self.text, self.lex)
        link_quotes(self.infos, self.text)
        self.entities = coref.resolve(self.infos, self.text, self.lex)
        return self.infos

    def _sentence(self, idx: int, seg, qs: list[Quote]) -> SentenceInfo:  # type: ignore[no-untyped-def]
        text, lex = self.text, self.lex
        s, e = seg.start, seg.end
        info = SentenceInfo(idx, s, e, seg.paragraph, quotes=qs)
        masked = _mask_quotes(text, s, e, qs)
        in_q = sum(max(0, min(q.end, e) - max(q.start, s)) for q in qs)
        info.quote_chars = in_q
        sizes = [len(text[max(q.start, s) : min(q.end, e)].split()) for q in qs]
        info.quote_words = sum(sizes)
        info.max_quote_words = max(sizes, default=0)
        info.inside_quote = bool(qs) and not _WORDY.search(masked)  # only quoted words and punctuation
        blocked: list[tuple[int, int]] = []
        no_comment_at = len(masked)
        for h in lex.find("no-comment", masked):
            info.no_comment = True
            no_comment_at = min(no_comment_at, h.start)
            blocked.append((h.start, len(masked)))
        refusal = _QUOTED_REFUSAL.search(text, s, e) if qs else None
        if refusal is not None and _mixed_refusal(text, refusal.end(), e, qs):
            refusal = None  # "'does not comment on rumours' and remains focused on its plan": on record (A4)
        if refusal is not None and not any(s <= q.start < refusal.start() - 2 for q in qs):
            # (on-record quoted words before the refusal keep their attribution: GUIDELINES A4)
            # "said he would 'not get ahead of the NTSB'": the quoted words are the refusal (GUIDELINES A2, A3).
            info.no_comment = True
            no_comment_at = min(no_comment_at, refusal.start() - s)
        for h in lex.find("not-attribution", masked):
            info.not_attribution.append(h.rule.id)
            blocked.append(_extend_question(masked, h.start, h.end))
        info.grants = lex.find("anonymity-grant", masked)
        blocked.extend((h.start, h.end) for h in info.grants)
        info.reasons = lex.find("anonymity-reason", masked)
        if info.grants:  # a reason clause ("because she fears losing her job") only explains a grant
            blocked.extend(_clause_of(masked, h) for h in info.reasons)
        info.bases = lex.find("basis", masked)
        for h in lex.find("vague", masked):
            if _overlaps(h.start, h.end, blocked) or _scheduled(masked, h):
                continue
            blocked.append((h.start, h.end))
            if h.rule.name == "weasel-subjects":
                info.attributions.append(_weasel(info, h, s, masked))
                continue
            agent = _passive_agent(text, masked, s, e, h)
            if agent is not None:  # "was accused of fraud by the state auditor": the agent is the source
                cls = classify(text[agent[0] : agent[1]], lex, text[s:e])
                found = Found(
                    idx, (s + h.start, s + h.end), agent, text[agent[0] : agent[1]], cls, "indirect", [h.rule.id]
                )
                found.vague = cls.vague
                info.attributions.append(found)
                continue
            info.attributions.append(
                Found(
                    idx,
                    (s + h.start, s + h.end),
                    None,
                    "",
                    SourceClass("unnamed", False, vague=True),
                    "indirect",
                    [h.rule.id],
                    vague=True,
                )
            )
        # Cue hits do not overlap one another (find_cues), so only the spans blocked before this loop
        # can overlap a cue; checking those alone keeps a sentence with thousands of cues linear.
        before_cues = tuple(blocked)
        for h in lex.find_cues(masked):
            if _overlaps(h.start, h.end, before_cues) or (h.start > 0 and masked[h.start : h.end] in _PROPER_CUES):
                continue
            found = self._from_cue(info, masked, h)
            if found is not None and self._nested(info, found):
                # "Key said he believes ...": a report inside an earlier attribution's content.
                blocked.append((h.start, h.end))
                continue
            if found is not None:
                info.attributions.append(found)
                blocked.append((h.start, h.end))
        if not info.attributions:
            tagged = self._headline_tag(info, masked)
            if tagged is not None:
                info.attributions.append(tagged)
        if info.no_comment:
            # "A spokesperson said the company does not comment": the content is the refusal.
            info.attributions = [
                f
                for f in info.attributions
                if f.cue is None
                or f.cue[1] - s > no_comment_at
                or no_comment_at - (f.cue[1] - s) > 60
                or _OWN_CONTENT.search(masked, f.cue[1] - s, no_comment_at)  # "confirmed that X but declined to"
            ]
        if info.grants:
            # An explicit grant always makes a described source anonymous (labels.md), "a spokesman for X" too.
            for f in info.attributions:
                if f.source is not None and f.source_text.split()[0].lower() in _DESCRIBED_DETS:
                    f.cls = SourceClass("unnamed", False, number=f.cls.number, head=f.cls.head)
        _dedupe_sources(info)
        return info

    def _nested(self, info: SentenceInfo, found: Found) -> bool:
        """Is ``found`` inside the content of an earlier attribution of the same sentence?"""
        if found.source is None or found.cue is None:
            return False
        # Only the nearest earlier cue matters: a clause break after it lies between every earlier cue
        # and the source too.  One search per cue keeps long run-ons linear (issue 5).
        nearest = max(
            (f.cue[1] for f in info.attributions if not f.vague and f.cue is not None and f.cue[1] <= found.source[0]),
            default=None,
        )
        if nearest is None:
            return False
        between = self.text[max(nearest, found.source[0] - _WINDOW) : found.source[0]]
        if "," in between and _SUBORDINATE_START.match(self.text, info.start, nearest):
            return False  # "While he acknowledged X, Ham also noted Y": the main clause after the subordinate one
        return not _CLAUSE_BREAK.search(between)

    def _from_cue(self, info: SentenceInfo, masked: str, h: Hit) -> Found | None:
        text, s, e = self.text, info.start, info.end
        cue_word = masked[h.start : h.end].lower()
        cue_type = h.rule.cue_type
        span: tuple[int, int] | None = None
        if cue_word == "asked" and not masked[: h.start].strip(" \"“‘'"):
            return None  # "Asked about the bomb, Clinton said ...": a participle clause; the main clause speaks
        if cue_type == "colon":
            if masked[: h.start].rstrip()[-1:] in "\"”’'":
                span = _right_source(text, masked, s, s + h.end, e)
            else:
                span = _colon_speaker(text, masked, s, h.start)
            if span is None:
                return None
        elif cue_type == "according" or cue_word in {"citing", "cited", "quoting"}:
            w = _WITH_SUBJECT.search(masked, max(0, h.start - 60), h.start) if cue_word == "citing" else None
            # "..., with traders citing supply concerns": the traders are the source.
            span = (s + w.start(1), s + w.end(1)) if w is not None else _right_source(text, masked, s, s + h.end, e)
        elif cue_type == "statement":
            if _has_other_cue(masked, h, self.lex):
                return None
            found = self._statement_source(info, masked, h)
            if found is not None or cue_word.split()[0] not in {"wrote", "posted", "said"}:
                return found
            span = _left_source(text, masked, s, s + h.start)  # '"...," she wrote on Facebook.'
            if span is None:
                return None
        elif cue_type == "noun" and (
            (span := _noun_owner(text, masked, s, h.start)) is not None or cue_word.split()[0] not in _VERB_TOO
        ):
            pass  # "Rook's claim that" (owner found), or a noun that is never a verb
        else:
            if cue_type == "noun":  # "Paris claims that": the verb reading, with the verb alone as the cue
                h = Hit(h.start, h.start + len(cue_word.split()[0]), h.rule)
                cue_word = cue_word.split()[0]
            window = masked[max(0, h.start - _WINDOW) : h.start]  # bounded: linear time on run-ons
            before = window.rstrip()
            before_end = h.start - (len(window) - len(before))  # len(masked[: h.start].rstrip())
            prev_words = [w.lower() for w in before.split()[-3:]]
            gerund = cue_word.split()[0].endswith("ing")  # "calling on" is a participle too
            passive_by = None
            if cue_word not in {"said", "says"} and not gerund and _passive(prev_words):
                passive_by = _BY_NEXT.match(masked, h.end)
                if passive_by is None:
                    return None  # "was denied", "has been described": nobody is credited here
            if _negated(prev_words) or (cue_word in {"added", "adds"} and _NUMBER_NEXT.match(masked, h.end)):
                return None
            if cue_word == "expected" and (before.endswith(",") or _DATE_NEXT.match(masked, h.end)):
                return None  # "The drive, expected to begin Nov. 20, will ...": a timetable, not a belief
            if cue_word in _BASE_FORMS and (
                (prev_words[-1:] and prev_words[-1] in _INFINITIVE_OR_MODAL) or masked.rstrip().endswith("?")
            ):
                return None  # "to maintain", "would announce her bid", "How will Disney explain it?": no report
            past = cue_word.split()[0].endswith("ed") or cue_word.split()[0] in {"said", "told", "wrote", "spoke"}
            after_prep = prev_words[-1:] and prev_words[-1] in _PREPOSITIONS
            if prev_words and not gerund and not (past and after_prep) and _noun_marker(prev_words[-1]):
                return None  # "in disputes with", "merchants' worries": a noun, not a verb
            if (
                prev_words[-1:]
                and prev_words[-1] in _DEGREE
                and cue_word.endswith("ed")
                and not _THAT_SOON.match(masked, h.end)
            ):
                return None  # "more detailed medical records", "highly anticipated": an adjective
            if cue_word in _S_NOUNS and prev_words and _adjective_before(before.split()[-1]):
                return None  # "residents can submit written comments": a noun
            if cue_word.endswith("ing") and _gerund_or_noun(prev_words, cue_word):
                return None  # "from claiming asylum", "a yellow warning for": not a report
            inverted = (
                _INVERTED_NAME.match(masked, h.end)
                if before.endswith((",", '"', "”", "’")) and cue_word not in {"told", "tells", "telling"}
                else None  # "..., told The Huffington Post": the listener follows "told", not the speaker
            )
            if inverted is not None and inverted.group(1).split()[-1].rstrip(".") in _TITLE_ABBREVS:
                inverted = None  # "X, an adviser, said Mr. Trump was ...": the title's full stop ends nothing
            if passive_by is not None:
                # "was denounced by the national chairman of his party": the agent speaks.
                span = _right_source(text, masked, s, s + passive_by.end(), e)
            elif inverted is not None:
                span = (s + inverted.start(1), s + inverted.end(1))

            elif cue_word.endswith("ing") and before.endswith(","):
                if any(f.cue is not None and not f.vague for f in info.attributions):
                    return None
                span = _subject_of_clause(text, masked, s, s + before_end - 1)
            elif gerund and (w := _WITH_SUBJECT.search(masked, max(0, h.start - 60), h.start)) is not None:
                span = (s + w.start(1), s + w.end(1))  # "..., with traders citing supply concerns"
            elif (rel_at := _relative_before(before)) is not None:
                # "That's Keisha Dunmore, who said, quote, ...", "Devocht, who had told Montalvo he would":
                # the relative pronoun's antecedent speaks.
                comma = rel_at - 1 + (h.start - len(window) if h.start > _WINDOW else 0)
                span = _left_source(text, masked, s, s + comma)
            else:
                span = _left_source(text, masked, s, s + h.start)
                content_next = _THAT_SOON.match(masked, h.end) or _quote_near(masked, h)
                core = cue_word in {"said", "says", "told", "added", "warned", "insisted", "argued"}
                if span is None and not gerund and prev_words[-1:] in (["and"], ["but"]) and (content_next or core):
                    # "The campaign was optimistic, but acknowledged that ...": the clause's subject speaks.
                    span = _subject_of_clause(text, masked, s, s + h.start)
            if span is None and cue_word.split()[0] in _INVERTING and _inversion_slot(text, s, h.start, info):
                span = _right_source(text, masked, s, s + h.end, e)
        if span is None:
            return None
        if span[0] - s > h.start:
            span = _apposed_name(text, masked, s, span)  # "said the teacher, Rosa Quispe Llanos, 44."
        if _WHAT_BEFORE.search(masked, max(0, span[0] - s - 12), span[0] - s):
            return None  # "That is not what he said": a relative clause, not a report
        seen = _SEEN_BY_BEFORE.search(masked, max(0, span[0] - s - 80), span[0] - s)
        if seen is not None and cue_type != "colon":
            # "A draft text seen by The Meridian proposes": the draft is the source, not the outlet.
            wider = _left_source(text, masked, s, s + seen.start())
            if wider is not None:
                span = (wider[0], span[1])
        span = _trim_span(text, span)
        src_text = text[span[0] : span[1]]
        if span[1] <= s + h.start and _inside_adverbial(src_text):
            return None  # "In a Facebook message posted Friday, Cruz said": a participle, no speaker
        cls = classify(src_text, self.lex, text[s:e])
        if not _plausible(cls, cue_type, cue_word, src_text, text[s:e], info, h, masked, self.lex):
            after = self._inverted_speaker(info, masked, h, span)
            if after is None:
                return None
            span, src_text = after, text[after[0] : after[1]]
            cls = classify(src_text, self.lex, text[s:e])
            if not _plausible(cls, cue_type, cue_word, src_text, text[s:e], info, h, masked, self.lex):
                return None
        found = Found(info.index, (s + h.start, s + h.end), span, src_text, cls, "indirect", [h.rule.id])
        found.vague = cls.vague
        return found

    def _inverted_speaker(
        self, info: SentenceInfo, masked: str, h: Hit, left: tuple[int, int]
    ) -> tuple[int, int] | None:
        """When the phrase before an inverted cue cannot speak, it may be the reported clause; the speaker then
        follows the cue ("..., a priority, said the lawmakers, Representatives James E. Clyburn ...")."""
        text, s, e = self.text, info.start, info.end
        if left[0] >= s + h.start or masked[h.start : h.end].lower().split()[0] not in _INVERTING:
            return None
        after = _right_source(text, masked, s, s + h.end, e)
        if after is None or not _inversion_slot(text, s, h.start, info) or not _NP_END.match(text, after[1], e):
            return None
        return _apposed_name(text, masked, s, _trim_span(text, after))

    def _headline_tag(self, info: SentenceInfo, masked: str) -> Found | None:
        """ "Sheriff: victims lost $310,000", "New report: ...": a headline's speaker tag without quotes (I50)."""
        sentence = self.text[info.start : info.end]
        m = _HEAD_TAG.match(sentence)
        headline = info.index == 0 and self.text[info.end : info.end + 1] in {"", "\n", "\r"}  # a whole first line
        if m is None or (sentence.rstrip()[-1:] in ".!?" and not headline):
            return None  # some archives end every headline with a full stop; other sentences with one are prose
        tag = m.group(1)
        if tag.lower() in _GENRE_TAGS or tag.split()[-1].lower() in _GENRE_TAGS:
            return None  # "Analysis: Why the deal matters" is a rubric, not a speaker
        cls = classify(tag, self.lex, sentence)
        speaker = cls.kind in {"person", "role", "organization", "document"} or (
            cls.kind == "unnamed" and (cls.vague or _speaker_head(cls.head))
        )
        if not speaker or cls.head in {"i", "we"}:
            return None
        if cls.kind == "document" and tag.split()[-1][:1].isupper() and len(tag.split()) > 1:
            return None  # "Morning Report: Whale Stranding": a programme or section name, not a report
        if cls.kind in {"person", "organization"} and self.text.count(tag) < 2 and not _is_org_word(cls.head):
            return None  # "Heatwave: schools to stay shut": a name tag is a name the story uses again
        s = info.start
        colon = (s + m.end(1), s + m.end(1) + 1)
        found = Found(info.index, colon, (s + m.start(1), s + m.end(1)), tag, cls, "indirect", ["C006"])
        found.vague = cls.vague
        return found

    def _statement_source(self, info: SentenceInfo, masked: str, h: Hit) -> Found | None:
        span = _subject_of_clause(self.text, masked, info.start, info.start + h.start)
        if span is None:
            return None
        src_text = self.text[span[0] : span[1]]
        cls = classify(src_text, self.lex, self.text[info.start : info.end])
        if cls.kind == "unnamed" and not cls.vague and cls.head not in self.lex.person_nouns:
            return None
        return Found(
            info.index,
            (info.start + h.start, info.start + h.end),
            span,
            src_text,
            cls,
            "indirect",
            [h.rule.id],
            vague=cls.vague,
        )


_ABBREV_END = recache.compile(
    r"(?:\b[A-Z]|\b(?:[A-Za-z]\.){1,3}[A-Za-z]|Inc|Jr|Sr|Co|Ltd|Corp|St|Bros|Mr|Mrs|Ms|Dr)\.$"
)


def _trim_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Drop sentence punctuation that the tokenizer kept on the last word ("Khan." -> "Khan")."""
    a, b = span
    while (b > a and text[b - 1] in ",;:!?") or (b > a and text[b - 1] == "." and not _ABBREV_END.search(text[a:b])):
        b -= 1
    return a, b


def _plausible(
    cls: SourceClass,
    cue_type: str,
    cue_word: str,
    src: str,
    sentence: str,
    info: SentenceInfo,
    h: Hit,
    masked: str,
    lex: Lexicon,
) -> bool:
    """Reject cue uses whose "source" cannot speak (the verb is not an attribution here)."""
    if cue_word in _NOUN_LIKE_COGNITION and len(src.split()) == 1 and src[:1].isupper() and cls.kind == "person":
        return False  # "raising Democratic hopes": a noun with an adjective, not "Democrats hope"
    if cls.head in {"i", "we", "me", "us"}:
        return False  # the writer's own voice (columns, letters) is not a source
    if cue_word in {"responded", "responds", "responding"} and not (
        _RESPONSE.match(masked, h.end) or _quote_near(sentence, h)
    ):
        return False  # "Deputies responded to the marina": an action, not a reply
    if (
        cls.kind == "unnamed"
        and not cls.vague
        and cls.head
        and not _speaker_head(cls.head)
        and cls.head not in lex.person_nouns
        and cls.head not in lex.vague_collectives
        and cls.head not in _PARTY_GROUPS
        and not _plural_org(cls.head)
    ):
        return False
    if (
        cue_type == "document"
        and cls.kind not in {"document", "organization"}
        and cls.head not in {"researchers", "scientists", "study", "team", "authors", "investigators", "analysis"}
        and not _is_doc_head(cls.head)
    ):
        return False
    if cue_type == "cognition" and cls.kind in {"document"}:
        return False
    content_next = _quote_near(sentence, h) or _THAT_SOON.match(masked, h.end)
    if cue_word.startswith(("protest", "contend")) and not content_next:
        return False  # "protesting against police violence", "contending with a new reality": events
    if cls.kind == "document" and OWN_WORK.match(src.strip()):
        return False  # "A Ledger review of state records found": the outlet's own observation
    if _DISPLAY_HEADS.intersection(src.lower().split()):
        return False  # "A banner reads 'Nobody goes hungry'": a slogan describes the scene
    if cue_word in {"citing", "cited", "quoting"} and cls.kind == "unnamed" and _speaker_head(cls.head.rstrip("s")):
        return True  # "the agency, citing navy sources, said": the unnamed sources are credited too
    if cue_word in {"reported", "reports"} and (
        _RESULTS_NEXT.match(masked, h.end) or cls.kind == "organization" or cls.vague
    ):
        return True  # "Kestrel Mills today reported results": a company's figures
    if cue_word == "linked" and cls.kind != "document" and not _is_doc_head(cls.head):
        return False  # "a report linked X to Y" credits the report; "the firm remained linked to" does not
    if cue_word not in _WEAK_CUES or _quote_near(sentence, h) or _THAT_SOON.match(masked, h.end):
        return True
    if _PRONOUN_CLAUSE.match(masked, h.end):
        return True  # "Lynch notes they were appointed": a reported clause without "that"
    if (_before_source(sentence, h, src) or "").endswith(("”", '"', "’")):
        return True  # '"... combined," The Hill reported.': the quotation is what was reported
    if _parenthetical(masked, h, src):
        return True  # "Democrats, Mr. Clyburn noted, are ...", "..., Puckett recalled." frame the reported clause
    if cue_word in {"compared", "compares", "likened", "likens"} and _OPEN_QUOTE.search(
        sentence, h.end, min(len(sentence), h.end + 120)
    ):
        return True  # "Clinton compared the president to a duck, 'smoothly sailing on the surface ...'"
    if cue_word in {"called", "calls", "calling"} and (
        _OPEN_QUOTE.search(sentence, h.end, min(len(sentence), h.end + 220)) or _CALLED_X_A_Y.match(masked, h.end)
    ):
        return True  # "Moore called Trump's remarks during the debate the 'typical language of a bully'"
    if cue_word in {"reported", "reports"} and cls.kind == "unnamed" and src.lower().startswith(("a ", "an ", "one ")):
        return True  # "after a caller reported two men climbing onto a boat": a person reports what they saw
    if cue_word.startswith(("express", "voice")) and _STANCE_NEXT.match(masked, h.end):
        return True
    return cls.kind == "document" or (
        cue_type == "document" and (cls.kind in {"role", "organization"} or _is_doc_head(cls.head))
    )


_RESPONSE = recache.compile(
    r"\s*(?:\w+ly\b\s*)?(?:[,:.!?;\"“‘”’]|$|that\b|by\s|with\s|in\s+(?:a|an)\s|on\s|angrily|sharply|quickly|swiftly|"
    r"to\s+(?:(?:the|a|an|his|her|its|their|these|those|this|that)\s+)?(?:\w+\s+){0,2}?(?:questions?|criticism|"
    r"claims?|reports?|allegations?|accusations?|requests?|comments?|remarks?|letters?|statements?|queries|"
    r"inquiry|inquiries|concerns?|charges?|calls?|demands?|announcement|ruling|decision|report|news|speculation|"
    r"him|her|them|it|reporters|journalists|critics))",
    re.IGNORECASE,
)
_AFTER_PARENTHETICAL = recache.compile(r"\s*(?:[a-z]+ly\s*)?(?:,|[.!?]?\s*$)")


def _before_source(sentence: str, h: Hit, src: str) -> str | None:
    """The sentence before a source that stands right before its cue (stripped), or None when it stands elsewhere."""
    before = sentence[: h.start].rstrip()
    if not src.strip() or not before.endswith(src.strip()):
        return None
    return before[: len(before) - len(src.strip())].rstrip()


def _parenthetical(masked: str, h: Hit, src: str) -> bool:
    """A speaker and verb set off by commas (or closing the sentence after one): "Democrats, Clyburn noted, are"."""
    return _AFTER_PARENTHETICAL.match(masked, h.end) is not None and (_before_source(masked, h, src) or "").endswith(
        ","
    )


#: "called him a misogynist", "called the deal a betrayal": name-calling states the caller's view.
_CALLED_X_A_Y = recache.compile(
    r"\s+(?!it\s+a\s+day\b)(?:him|her|them|it|this|that|(?:the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?[\w-]+|"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s*[.,;]"
)
_DISPLAY_HEADS = {"banner", "sign", "placard", "plaque", "slogan", "graffiti", "sticker", "t-shirt", "mural"}
_RESULTS_NEXT = recache.compile(
    r"\s+(?:(?:a|an|its|their)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:results|earnings|profits?|loss(?:es)?|revenue|sales|net\s+income)\b"
)
_OPEN_QUOTE = recache.compile(r"[\"“‘](?=\w)")
_STANCE_NEXT = recache.compile(
    r"\s+(?:\w+\s+)?(?:interest|concern|concerns|support|hope|doubt|doubts|frustration|optimism|confidence|"
    r"regret|disappointment|opposition|surprise|anger|alarm|sympathy|gratitude|reservations)\b"
)
_NOUN_LIKE_COGNITION = {"hopes", "fears", "doubts", "worries", "concerns"}
_THAT_SOON = recache.compile(r"(?:\s+[\w’'-]+){0,4}?\s+(?:that|how)\b")  # "recalled how Kerry lost"
_BY_NEXT = recache.compile(r"\s+(?:[a-z]+ly\s+)?by\s+(?=\S)")


_VERB_TOO = {"claim", "claims", "warning", "forecast", "estimate"}
_OWNER = recache.compile(
    r"(?:^|[\s(])((?:[A-Z][\w.&-]*\s){0,4}[A-Z][\w.&-]*(?:['’]s|s['’])?|(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s(?:[a-z-]+\s){0,2}"
    r"[a-z-]+['’]s|his|her|its|their)\s(?:(?:false|repeated|earlier|latest|new|public|own|renewed|stark|"
    r"unsubstantiated|unproven|baseless|disputed|initial|written|formal|official|recent|surprise|"
    + "|".join(day.capitalize() for day in _WEEKDAYS)
    + r")\s){0,2}$"
)


def _noun_owner(text: str, masked: str, s: int, cue_rel: int) -> tuple[int, int] | None:
    """The owner of a content noun: "Rook's (false) claim", "an FBI warning", "her denial"."""
    m = _OWNER.search(masked, max(0, cue_rel - 120), cue_rel)
    if m is None:
        return None
    a, b = m.span(1)
    art = re.match(r"(?:An?|The)\s+(?=[A-Z])", masked[a:b])
    if art:
        a += art.end()  # "An FBI warning": the owner is the name, not the article
    art = art or re.search(r"\b(?:an?|the)\s+$", masked[max(0, a - 5) : a])
    owner = masked[a:b]
    if owner.endswith(("'s", "’s")):
        b -= 2
    elif owner.endswith(("s'", "s’")):
        b -= 1
    elif owner[:1].isupper() and not art:
        return None  # "Critics claim that", "The Claim That ...": no article before a name, so not an owner
    return (s + a, s + b) if b > a else None


def _is_org_word(head: str) -> bool:
    return head in ORG_WORDS


def _is_doc_head(head: str) -> bool:
    return head in DOC_WORDS or head.rstrip("s") in DOC_WORDS


def _speaker_head(head: str) -> bool:
    return head.endswith(_PERSON_SUFFIX) or (
        head in ROLE_NOUNS
        or head.rstrip("s") in ROLE_NOUNS
        or head in ORG_WORDS
        or head in DOC_WORDS
        or head.rstrip("s") in DOC_WORDS
        or head in _SPEAKER_NOUNS
        or head.rstrip("s") in _SPEAKER_NOUNS
    )


_SPEAKER_NOUNS = {
    "official",
    "source",
    "aide",
    "insider",
    "diplomat",
    "person",
    "people",
    "someone",
    "staffer",
    "employee",
    "adviser",
    "advisor",
    "lawmaker",
    "legislator",
    "executive",
    "investigator",
    "officer",
    "member",
    "negotiator",
    "witness",
    "resident",
    "colleague",
    "friend",
    "relative",
    "neighbour",
    "neighbor",
    "worker",
    "banker",
    "trader",
    "poster",
    "blogger",
    "user",
    "protester",
    "activist",
    "student",
    "teacher",
    "parent",
    "doctor",
    "nurse",
    "scientist",
    "researcher",
    "supporter",
    "fan",
    "voter",
    "commander",
    "lawyer",
    "attorney",
    "prosecutor",
    "agent",
    "analyst",
    "economist",
    "expert",
    "critic",
    "observer",
    "commentator",
    "opponent",
    "proponent",
    "advocate",
    "leader",
    "figure",
    "veteran",
    "player",
    "organizer",
    "organiser",
    "survivor",
    "victim",
    "owner",
    "man",
    "woman",
    "men",
    "women",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "representative",
    "one",
    "some",
    "many",
    "others",
    "several",
    "most",
    "both",
    "all",
    "authorities",
    "media",
    "reports",
    "police",
    "staff",
    "government",
    "it",
    "they",
    "he",
    "she",
    "group",
    "sceptic",
    "skeptic",
    "pundit",
    "detractor",
}


def _quote_near(sentence: str, h: Hit) -> bool:
    """A quotation mark or colon next to the cue, or an opening mark in the clause it heads."""
    window = sentence[max(0, h.start - 4) : h.end + 6]
    ahead = sentence[h.end : h.end + 60].split(",")[0]
    return any(c in window for c in ':"“”‘’') or any(c in ahead for c in '"“‘')


def _has_other_cue(masked: str, h: Hit, lex: Lexicon) -> bool:
    return any(c.rule.cue_type in {"speech", "cognition"} for c in lex.find_cues(masked) if c.start != h.start)


def _inversion_slot(text: str, s: int, cue_rel: int, info: SentenceInfo) -> bool:
    """Is the cue in the inverted slot: after a closing quote, a comma, or at the sentence start?"""
    before = text[s : s + cue_rel].rstrip()
    if not before:
        return True
    if before[-1] in ",”\"’'—–:":
        return True
    return any(q.end <= s + cue_rel and s + cue_rel - q.end <= 3 for q in info.quotes)


_GENRE_TAGS = {
    "analysis", "the latest", "latest", "explainer", "opinion", "editorial", "comment", "review", "update", "watch",
    "live", "breaking",
    "exclusive", "factbox", "timeline", "q&a", "profile", "obituary", "letters", "interview", "photos", "video",
    "podcast", "listen", "fact check", "correction", "clarification", "preview", "recap", "letter",
}  # fmt: skip
_HEAD_TAG = recache.compile(r"\s*((?:New\s)?[A-Z][\w.'’&-]*(?:\s[\w.'’&-]+){0,3}):\s+[\w‘“\"']")


#: "Dr Lee's advice is simple:", "Her message to voters was blunt:", "The coach's verdict:": the owner speaks.
_POSSESSIVE_LEAD = recache.compile(
    r"\s*((?:[A-Z][\w.-]*\s){0,3}[A-Z][\w-]*(?=['’]s\s)|(?:[Tt]he|[Aa]n?)\s(?:[a-z-]+\s){0,2}[a-z-]+(?=['’]s\s)|"
    r"[Hh]is(?=\s)|[Hh]er(?=\s)|[Tt]heir(?=\s))(?:['’]s)?\s(?:[a-z-]+\s){0,2}?"
    r"(?:advice|message|answer|response|reply|verdict|view|warning|plea|explanation|assessment|conclusion|"
    r"prediction|promise|pledge|argument|reaction|summary|diagnosis|instructions?|take|words)"
    r"(?:\s(?:to|for)\s(?:[\w-]+\s){0,3}?[\w-]+)?(?:\s(?:is|was|remains|has\sbeen)(?:\s[a-z]+){0,2})?\s*$"
)


def _colon_speaker(text: str, masked: str, s: int, colon_rel: int) -> tuple[int, int] | None:
    """`Ruiz: "We will appeal"` / `Rathbun stated:` -- the tag before the colon, if a name; the owner of a
    possessive lead-in ("Dr Lee's advice is simple:"), which alone may have words between colon and quote."""
    lead = _POSSESSIVE_LEAD.match(masked, 0, colon_rel)
    if lead is not None:
        return s + lead.start(1), s + lead.end(1)
    if masked[colon_rel + 1 :].lstrip()[:1] not in "\"“‘'":
        return None
    head = masked[:colon_rel].strip()
    named = _TAG_WITH_AFFILIATION.fullmatch(head)
    if named is not None:  # "Gerald F. Seib, The Wall Street Journal:", "Meghan McCain, Twitter:"
        head = named.group(1)
    if len(head.split()) > 6:
        # "But Trump quickly deflected with a non sequitur:": a named subject's clause introduces the quote.
        subject = _SUBJECT_LEAD.match(masked, 0, colon_rel)
        return (s + subject.start(1), s + subject.end(1)) if subject is not None else None
    if not head:
        return None
    start = masked.index(head)
    return s + start, s + start + len(head)


#: A clause opened by a name and its verb ("But Trump quickly deflected with ..."), up to the colon of a quote.
_SUBJECT_LEAD = recache.compile(
    r"\s*(?:(?:But|And|Then|So|Yet|Still|Later),?\s+)?((?!(?:The|This|That|These|Those|It|There|In|On|At|A|An)\s)"
    r"(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w'’-]+)\s+(?:[a-z]+ly\s+)?(?!(?:is|was|has|does|seems|remains)\b)[a-z]+(?:ed|s)\b"
    r"[^\"“”:]*$"
)
#: A round-up's speaker tag: a name, then after a comma the outlet or role ("Windsor Mann, editor of ...").
_TAG_WITH_AFFILIATION = recache.compile(r"((?:[A-Z][\w.'’-]*\s?){1,4}),\s?[^,:]{2,60}")


_WHEN = recache.compile(
    r"\b(?:" + "|".join((*_WEEKDAYS, *_MONTHS)) + r"|jan|feb|aug|sept?|oct|nov|dec|tomorrow|tonight|"
    r"next\s+(?:week|month|year)|later\s+this\s+(?:week|month|year)|this\s+(?:week|month|spring|summer|autumn|"
    r"fall|winter)|by\s+the\s+end\s+of)\b",
    re.IGNORECASE,
)


_CROWD_NOUNS = {"people", "economists", "analysts", "experts", "observers", "scientists", "residents", "critics"}


def _weasel(info: SentenceInfo, h: Hit, s: int, masked: str) -> Found:
    """ "Critics say": the crowd is the (unnamed, vague) source and the verb the cue."""
    words = list(re.finditer(r"\S+", masked[h.start : h.end]))
    cut = h.start + words[-1].start() if len(words) > 1 else h.start
    src_end = h.start + words[0].end()
    if len(words) > 2 and words[1].group().lower() in _CROWD_NOUNS:
        src_end = h.start + words[1].end()
    cls = SourceClass("unnamed", False, vague=True, number="pl", head=words[0].group().lower())
    source = (s + h.start, s + src_end)
    return Found(
        info.index, (s + cut, s + h.end), source, masked[h.start : src_end], cls, "indirect", [h.rule.id], vague=True
    )


_RELATIVE = recache.compile(r",\s*(?:who|which)(?:\s+(?:had|has|have|also|later|previously|then|once|repeatedly))*\s*$")


def _relative_before(before: str) -> int | None:
    """Where the comma of ", who (had) <cue>" stands in ``before`` (the text up to the cue), or None."""
    m = _RELATIVE.search(before, max(0, len(before) - 60))
    return m.start() + 1 if m is not None else None


#: A passive of judgement ("accused of", "described as", "seen as") and its "by" agent later in the clause.
_JUDGED = recache.compile(
    r"(?i).*\b(?:(?:accused|suspected|described|critici[sz]ed|seen|regarded|considered|branded|labell?ed)\s+(?:of|as)"
    r"|been\s(?:celebrated|hailed|praised|lauded|derided|panned|touted))$"
)
_BY_AGENT = recache.compile(r"[^.;:!?\"“”]{0,80}?\bby\s+(?=\S)")


def _passive_agent(text: str, masked: str, s: int, e: int, h: Hit) -> tuple[int, int] | None:
    """The agent of "was accused of fraud by the state auditor", or None (then nobody is named)."""
    if not _JUDGED.match(masked[h.start : h.end]):
        return None
    by = _BY_AGENT.match(masked, h.end)
    span = _right_source(text, masked, s, s + by.end(), e) if by is not None else None
    return _trim_span(text, span) if span is not None else None


def _clause_of(masked: str, h: Hit) -> tuple[int, int]:
    """A reason for anonymity ("because she feared losing her job"): the phrase and a few words after it."""
    m = _FEW_WORDS.match(masked, h.end)
    return h.start, m.end() if m else h.end


#: A refusal or non-answer inside the quotation marks (the no-comment rules read the text with quotes blanked).
_QUOTED_REFUSAL = recache.compile(
    r"(?i)\b(?:would|will|could|does|do|did|had|has)\s+[\"“‘']?\s*(?:not|n['’]t|never)\s+[\"“‘']?(?:comment|speculate|get\s+ahead|"
    r"be\s+drawn|discuss|go\s+into|be\s+giving|elaborate|say|answer|respond|preview|second-guess|reveal|disclose|"
    r"be\s+commenting|be\s+providing|be\s+making\s+any|be\s+discussing|be\s+getting\s+into|get\s+into)"
    r"|(?i:\bwould\s+[\"“‘']\s*(?:sleep\s+on\s+it|leave\s+(?:\w+\s+){0,3}to|wait\s+for|let\s+the))"
    r"|(?i:\b(?:question|matter|issue)\s+(?:was|is)\s+[\"“‘']\s*(?:premature|sub\s+judice|hypothetical)[\"”’'.,]*)"
    r"|(?i:[\"“‘']\s*(?:(?:we|it|the\s+\w+)\s+)?(?:does|do)\s+not\s+comment\b)"
    r"|(?i:[\"“‘']\s*if\s+and\s+when\b|[\"“‘'][^\"“”‘’]{0,60}\bno\s+further\s+comment|[\"“‘']\s*I\s+can(?:no|['’])t\s+answer)"
)


def _mixed_refusal(text: str, at: int, end: int, qs: list[Quote]) -> bool:
    """Does on-record content follow the quoted refusal ("... speculation' and remains focused on ...")?"""
    close = next((q.end for q in qs if q.start < at <= q.end), at)
    return bool(re.match(r"[\W]*(?:and|but)\s+\w+", text[close:end]))


def _scheduled(masked: str, h: Hit) -> bool:
    """ "The board is expected to vote on June 18": a scheduled event, not a vague claim."""
    if "expected" not in masked[h.start : h.end].lower():
        return False
    if _TIMETABLE_VERB.match(masked, h.end):
        return True  # "The trial, which is expected to last three weeks, continues."
    if not _EVENT_VERB.match(masked, h.end):
        return False  # "expected to stay above flood stage until Saturday" is a forecast, dated or not
    return bool(_WHEN.search(masked, h.end, min(len(masked), h.end + 80)))


_DATE_NEXT = recache.compile(
    r"\s+(?:in|on|by|at|next|later|this|early|late)\s+(?:[A-Z]|\d|week|month|year|spring|summer|autumn|fall|winter)"
)
_EVENT_VERB = recache.compile(
    r"\s*(?:vote|meet|announce|visit|arrive|travel|attend|testify|appear|sign|decide|rule|issue|publish|release|"
    r"return|hold|be\s+held|take\s+place|debate|consider|hear|deliver|present|unveil|launch|open|start|begin|"
    r"resume|close|end|report|leave|depart|land|give\s+evidence|give\s+a)\b"
)
_TIMETABLE_VERB = recache.compile(r"\s*(?:last|take|run|begin|start|open|close|end|conclude|resume|finish|continue)\b")


def _extend_question(masked: str, start: int, end: int) -> tuple[int, int]:
    """A reported question blocks cues up to the end of its clause."""
    stop = masked.find(",", end)
    return start, (stop if stop >= 0 else len(masked))


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < y and x < b for x, y in spans)


def _dedupe_sources(info: SentenceInfo) -> None:
    """Keep one attribution per source span (several cues of one speaker)."""
    seen: dict[tuple[int, int], Found] = {}
    out: list[Found] = []
    for f in info.attributions:
        if f.source is not None and f.source in seen:
            seen[f.source].rules.extend(r for r in f.rules if r not in seen[f.source].rules)
            continue
        if f.source is not None:
            seen[f.source] = f
        out.append(f)
    info.attributions = out


def _paragraph_spans(segs: list) -> list[tuple[int, int]]:
    spans: dict[int, list[int]] = {}
    for sg in segs:
        cur = spans.setdefault(sg.paragraph, [sg.start, sg.end])
        cur[0] = min(cur[0], sg.start)
        cur[1] = max(cur[1], sg.end)
    return [(a, b) for a, b in (spans[k] for k in sorted(spans))]


_CREDIT_LINE = recache.compile(
    r"^[-–—―]{0,2}\s?([A-Z][\w.'’-]{1,30}(?: [A-Z][\w.'’-]{0,30}){1,3})(?:,\s?[^!?\d\n]{2,60}?)?\.?$"
)
_DASH_CREDIT = recache.compile(r"[\"”’]\s?[-–—―]{1,2}\s?([A-Z][\w.'’-]{1,30}(?: [A-Z][\w.'’-]{0,30}){1,3})\s*$")
_FIRST_PERSON = recache.compile(r"\b(?:I|I'm|I’m|I've|I’ve|we|We|my|My|our|Our|me|us)\b")


_OPENERS = set("\"“‘'«")


def _opens_quote(text: str, info: SentenceInfo) -> bool:
    """Does the sentence start with an opening quotation mark (a quotation paragraph)?"""
    return text[info.start : info.start + 1] in _OPENERS and _quote_at_start(info)


def _repeated(text: str, info: SentenceInfo) -> bool:
    """Is the sentence a display repeat (pull quote) of words that also appear elsewhere in the article?"""
    core = text[info.start : info.end].strip(" \"“”‘’'").split()
    if len(core) < 6:
        return False
    probe = " ".join(core[:8])
    return text.count(probe) >= 2


def credit_lines(infos: list[SentenceInfo], text: str, lex: Lexicon) -> None:
    """A name line under a quotation ("Valeska Paris", `" - Matthew Ingram`) credits the quotation."""
    for k, info in enumerate(infos):
        if info.attributions or k == 0:
            continue
        sent = text[info.start : info.end]
        dash = _DASH_CREDIT.search(sent)
        last_in_paragraph = k + 1 == len(infos) or infos[k + 1].paragraph != info.paragraph
        alone = infos[k - 1].paragraph != info.paragraph and last_in_paragraph
        # A pull quote often ends in its credit, in the same paragraph and with no full stop.
        inline = not alone and last_in_paragraph and not sent.rstrip().endswith((".", "!", "?", '"', "”", ":"))
        m = dash or (_CREDIT_LINE.match(sent) if alone or inline else None)
        if m is None:
            continue
        name_span = (info.start + m.start(1), info.start + m.end(1))
        cls = classify(text[name_span[0] : name_span[1]], lex)
        if cls.kind not in {"person", "organization"}:
            continue
        para = info.paragraph if (dash or inline) else infos[k - 1].paragraph
        credited = [i for i in infos[max(0, k - 40) : k] if i.paragraph == para]
        if not dash and not (credited and (_opens_quote(text, credited[0]) or _repeated(text, credited[0]))):
            continue  # only a quotation or a pull quote is credited by a name line under it (not a letter)
        found = Found(
            info.index, None, name_span, text[name_span[0] : name_span[1]], cls, "direct", ["Q002"], quoted=True
        )
        info.attributions.append(found)
        for i in credited:
            if not any(not f.vague for f in i.attributions):
                i.attributions.append(carry(i, found, "direct", "Q002"))
    _credit_repeats(infos, text)


def _credit_repeats(infos: list[SentenceInfo], text: str) -> None:
    """A sentence repeated word for word from a credited pull quote is that quote: a scraped page often
    drops the quotation marks of the body copy ("I was basically hauled in ..." then "Valeska Paris")."""
    credited: dict[str, Found] = {}
    for info in infos:
        for f in info.attributions:
            if "Q002" in f.rules and f.carried_from is not None:
                credited.setdefault(_core_words(text, info), f.carried_from)
    if not credited:
        return
    for info in infos:
        if not info.attributions:
            speaker = credited.get(_core_words(text, info))
            if speaker is not None:
                info.attributions.append(carry(info, speaker, "direct", "Q002"))


def _core_words(text: str, info: SentenceInfo) -> str:
    words = text[info.start : info.end].strip(" \"“”‘’'").split()
    return " ".join(words) if len(words) >= 8 else ""


def link_quotes(infos: list[SentenceInfo], text: str) -> None:
    """Credit quote-only sentences to the speaker of their quotation (across sentences and paragraphs)."""
    chain_speaker: dict[int, Found] = {}
    for info in infos:
        for f in info.attributions:
            if f.cue is None or f.vague:
                continue
            for q in info.quotes:
                chain_speaker.setdefault(q.chain, f)
    for k, info in enumerate(infos[:-1]):
        nxt = infos[k + 1]
        lead = text[info.start : info.end].rstrip()
        if lead.endswith((":", ",")) and nxt.quotes and nxt.quotes[0].start - nxt.start <= 1:
            # A lead-in ("Rathbun stated:") is labelled like the quote it introduces.
            for f in info.attributions:
                if f.cue is not None and not f.vague:
                    f.quoted = True
                    chain_speaker.setdefault(nxt.quotes[0].chain, f)
                    break
        elif lead.endswith(":") and info.paragraph < nxt.paragraph <= info.paragraph + 2:
            _block_statement(infos, k, info)
    for k, info in enumerate(infos):
        own = [f for f in info.attributions if not f.vague]
        if info.quotes and not own and not info.no_comment:  # a quoted refusal is nobody's content
            speaker = next((chain_speaker[q.chain] for q in info.quotes if q.chain in chain_speaker), None)
            if speaker is None:
                speaker = _speaker_nearby(infos, k, text)
                if speaker is not None and speaker.sentence > info.index:
                    # "Those were the words of X" is labelled like the quote it credits.
                    speaker.quoted = True
            if speaker is not None:
                info.attributions.append(carry(info, speaker, "direct", "Q001"))
                for q in info.quotes:  # the rest of this quotation has the same speaker
                    chain_speaker.setdefault(q.chain, speaker)


def _quote_at_start(info: SentenceInfo) -> bool:
    """Does a quotation begin at the sentence's first character (or the one after)?"""
    return bool(info.quotes) and info.quotes[0].start <= info.start + 1


def _block_statement(infos: list[SentenceInfo], k: int, lead: SentenceInfo) -> None:
    """ "The Church denied the allegations:" then a paragraph without quotation marks: the statement itself."""
    speaker = next((f for f in lead.attributions if f.cue is not None and not f.vague and f.source is not None), None)
    if speaker is None:
        return
    block = []
    first = infos[k + 1].paragraph if k + 1 < len(infos) else lead.paragraph + 1
    for i in infos[k + 1 : k + 12]:
        if i.paragraph != first or i.attributions:
            break  # the statement ends where the paragraph or the writer's own reporting starts
        block.append(i)
    if not block or _quote_at_start(block[0]):
        return  # a quotation is linked by its chain instead
    speaker.quoted = True
    for i in block:
        i.attributions.append(carry(i, speaker, "direct", "Q001"))


def _speaker_nearby(infos: list[SentenceInfo], k: int, text: str) -> Found | None:
    """A quote credited in the next sentence, or a quote paragraph continuing the previous speaker."""
    info = infos[k]
    if not info.inside_quote and info.quote_words < 4:
        return None
    j = k + 1
    while j < len(infos) and infos[j].inside_quote:
        j += 1
    nxt = infos[j] if j < len(infos) else None
    if nxt is not None and not nxt.quotes and (nxt.paragraph == info.paragraph or _words_of(nxt, text)):
        for f in nxt.attributions:
            if f.cue is not None and not f.vague and f.source is not None:
                return f
    back = k - 1
    while back > 0 and back >= k - 2 and infos[back].paragraph == info.paragraph and _is_question(infos[back], text):
        back -= 1  # "Why did she want to go? 'It's Warhol.'": the writer's question does not break the link
    prev = infos[back] if back >= 0 else None
    if (
        prev is not None
        and info.inside_quote
        and (prev.paragraph == info.paragraph - 1 or prev.paragraph == info.paragraph)
    ):
        for f in reversed(prev.attributions):
            if not f.vague and (f.source is not None or f.resolved_to):
                return f
        if not prev.attributions and prev.paragraph == info.paragraph - 1 and _quote_at_start(info):
            return _introduced(prev, text)
    return None


#: "John Demers is an assistant attorney general." then a quotation paragraph: the broadcast introduction.
_INTRODUCTION = recache.compile(
    r"\s*((?:[A-Z][\w.'’-]*\s){1,4}[A-Z][\w'’-]+)\s(?:is|was)\s(?:with|the|an?|one|among|also)\s[^\n]{0,120}[.:]\s*$"
    r"|\s*(?:Here\s+is|Here['’]s|This\s+is|Listen\s+to|We\s+hear\s+from|Now\s+here['’]s)\s+(?:[A-Z][\w.'’-]*\s){0,5}?"
    r"((?:[A-Z][\w.'’-]*\s)?[A-Z][\w'’-]+)[.:]\s*$"
)


def _introduced(prev: SentenceInfo, text: str) -> Found | None:
    """The person the sentence before an untagged quotation paragraph introduces, if it only does that."""
    m = _INTRODUCTION.match(text, prev.start, prev.end)
    if m is None:
        return None
    group = 1 if m.group(1) is not None else 2  # "John Demers is ..." or "Here is ... John Demers."
    name = m.group(group)
    head = name.split()[-1].lower()
    found = Found(prev.index, None, m.span(group), name, SourceClass("person", True, head=head), "direct", ["Q001"])
    if group == 2 and not prev.attributions:
        # "Here is District Attorney Michael Graveley." only introduces the quote: it is labelled like it.
        prev.attributions.append(carry(prev, found, "direct", "Q001"))
    return found


def _is_question(info: SentenceInfo, text: str) -> bool:
    return not info.attributions and text[info.start : info.end].rstrip().endswith("?")


def _words_of(info: SentenceInfo, text: str) -> bool:
    """ "Those were the words of X": a sentence that credits the quotation before it."""
    return any(f.cue is not None and "of" in text[f.cue[0] : f.cue[1]].split() for f in info.attributions)


def carry(info: SentenceInfo, speaker: Found, mode: str, rule: str) -> Found:
    """``speaker``'s attribution carried to another sentence (a quotation's continuation, a credit line)."""
    return Found(
        info.index,
        None,
        None,
        speaker.source_text,
        speaker.cls,
        mode,
        [rule],
        vague=speaker.vague,
        quoted=True,
        carried_from=speaker,
    )


@dataclass(frozen=True, slots=True)
class ArticleFindings:
    """The attributions of every sentence and the article's distinct sources."""

    sentences: list[SentenceInfo]
    entities: list[coref.Entity]
    quotes: list[Quote]


def find_all(text: str, segs: list, lex: Lexicon) -> ArticleFindings:
    """Attributions of every sentence segment of ``text``."""
    run = ArticleAnalysis(text, segs, lex)
    infos = run.run()
    return ArticleFindings(infos, run.entities, run.quotes)
