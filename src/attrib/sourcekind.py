"""What kind of source a source phrase names, and whether a reader can identify it.

``classify("US officials")`` -> ``("unnamed", False)``;
``classify("Mayor Ana Ruiz")`` -> ``("person", True)``;
``classify("the ministry")`` -> ``("organization", True)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from attrib import recache
from attrib.lexicon import Lexicon

PRONOUNS = {"he": "sg", "she": "sg", "they": "pl", "it": "org", "him": "sg", "her": "sg", "them": "pl"}
ROLE_NOUNS = {
    "nominee",
    "president",
    "minister",
    "mayor",
    "governor",
    "chancellor",
    "secretary",
    "director",
    "chief",
    "executive",
    "ceo",
    "chairman",
    "chairwoman",
    "chair",
    "head",
    "coach",
    "manager",
    "captain",
    "judge",
    "prosecutor",
    "sheriff",
    "commissioner",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "premier",
    "leader",
    "king",
    "queen",
    "pope",
    "general",
    "commander",
    "founder",
    "owner",
    "principal",
    "superintendent",
    "msp",
    "mep",
    "mla",
    "director-general",
    "secretary-general",
    "attorney-general",
    "solicitor-general",
    "auditor-general",
    "inspector-general",
    "surgeon-general",
    "governor-general",
    "undersecretary",
    "under-secretary",
    "headteacher",
    "headmaster",
    "headmistress",
    "dean",
    "provost",
    "rector",
    "author",
    "authors",
    "researchers",
    "scientists",
    "investigators",
    "team",
    "pilot",
    "driver",
    "winner",
    "champion",
    "senator",
    "congressman",
    "congresswoman",
    "representative",
    "lawmaker",
    "mp",
    "councillor",
    "councilman",
    "councilwoman",
    "inspector",
    "officer",
    "constable",
    "detective",
    "attorney",
    "lawyer",
    "counsel",
    "defender",
    "editor",
    "publisher",
    "referee",
    "striker",
    "goalkeeper",
    "midfielder",
    "boss",
    "speaker",
    "negotiator",
    "forward",
    "guard",
    "winger",
    "quarterback",
    "pitcher",
    "centre",
    "center",
    "batter",
    "bowler",
    "keeper",
    "skipper",
    "rookie",
    "veteran",
    "treasurer",
    "auditor",
    "registrar",
    "coroner",
    "doctor",
    "surgeon",
    "physician",
    "professor",
    "economist",
    "analyst",
    "deputy",
    "regulator",
}
SPOKES = {"spokesman", "spokeswoman", "spokesperson", "representative", "press secretary", "spokespeople"}
ORG_WORDS = {
    "inquest",
    "inquiry",
    "jury",
    "prosecution",
    "defence",
    "defense",
    "ministry",
    "department",
    "agency",
    "police",
    "government",
    "council",
    "committee",
    "commission",
    "company",
    "court",
    "office",
    "embassy",
    "army",
    "military",
    "navy",
    "party",
    "campaign",
    "union",
    "association",
    "federation",
    "club",
    "league",
    "university",
    "hospital",
    "institute",
    "board",
    "bank",
    "group",
    "organization",
    "organisation",
    "service",
    "authority",
    "administration",
    "pentagon",
    "kremlin",
    "parliament",
    "senate",
    "congress",
    "cabinet",
    "foundation",
    "charity",
    "network",
    "newspaper",
    "broadcaster",
    "inc",
    "inc.",
    "corp",
    "corp.",
    "ltd",
    "ltd.",
    "co",
    "co.",
    "plc",
    "llc",
    "times",
    "post",
    "news",
    "press",
    "journal",
    "herald",
    "tribune",
    "guardian",
    "telegraph",
    "bbc",
    "cnn",
    "reuters",
    "fbi",
    "cia",
    "nasa",
    "who",
    "un",
    "eu",
    "nato",
    "airline",
    "regulator",
    "watchdog",
    "secretariat",
    "tribunal",
    "presidency",
    "palace",
    "coalition",
    "firm",
    "center",
    "centre",
    "centres",
    "centers",
    "program",
    "programme",
    "fund",
    "trust",
    "society",
    "observatory",
    "bureau",
    "directorate",
    "ministry's",
    "house",
    "school",
    "college",
    "church",
    "wikinews",
    "district",
    "county",
    "city",
    "state",
    "team",
    "prosecutors",
    "monitor",
    "forces",
    "brigade",
    "command",
    "tv",
    "radio",
    "agency's",
    "magazine",
    "website",
    "blog",
    "channel",
}
DOC_WORDS = {
    "polling",
    "book",
    "editorial",
    "report",
    "study",
    "survey",
    "poll",
    "filing",
    "filings",
    "documents",
    "document",
    "data",
    "figures",
    "statistics",
    "statement",
    "records",
    "audit",
    "analysis",
    "review",
    "indictment",
    "complaint",
    "lawsuit",
    "suit",
    "petition",
    "presentation",
    "cable",
    "log",
    "counts",
    "projections",
    "tallies",
    "trial",
    "briefing",
    "assessment",
    "draft",
    "text",
    "regulation",
    "affidavit",
    "transcript",
    "letter",
    "memo",
    "paper",
    "research",
    "census",
    "estimate",
    "estimates",
    "forecast",
    "findings",
    "investigation",
    "release",
    "website",
    "post",
    "posting",
    "tweet",
    "video",
    "footage",
    "photos",
    "results",
    "reports",
    "studies",
    "surveys",
    "polls",
    "papers",
    "letters",
    "guidelines",
    "warning",
    "notice",
    "order",
    "ruling",
    "judgment",
    "verdict",
    "bulletin",
    "announcement",
    "declaration",
    "communique",
    "communiqué",
    "message",
    "note",
    "email",
    "emails",
    "posts",
    "charges",
    "warrant",
    "budget",
    "plan",
    "bill",
    "law",
    "rules",
    "map",
    "model",
    "database",
    "index",
    "ranking",
    "rankings",
    "accounts",
    "minutes",
    "testimony",
    "messages",
    "submission",
    "submissions",
}
_OFFICIAL_MODIFIERS = {
    "court",
    "police",
    "government",
    "official",
    "federal",
    "census",
    "city",
    "county",
    "ministry",
    "department",
    "public",
    "company",
    "financial",
    "regulatory",
    "parliamentary",
    "congressional",
    "released",
    "published",
    "leaked",
    "annual",
    "quarterly",
}
DETS_INDEF = {
    "a",
    "an",
    "one",
    "another",
    "some",
    "two",
    "three",
    "four",
    "five",
    "several",
    "many",
    "few",
    "other",
    "various",
    "numerous",
    "dozens",
    "hundreds",
    "thousands",
    "most",
    "all",
}
_ACRONYM = recache.compile(r"^[A-Z][A-Z&.]{1,9}s?$")
_CAP = recache.compile(r"^(?:al-|el-|ul-|bin-|ibn-|abu-|d'|d’)?[A-Z][\w'’.-]*$")
_PREP_SPLIT = recache.compile(
    r"\s(?:of|for|at|from|in|with|to|on|by|close|familiar|briefed|who|which|that|released|published|issued|"
    r"presented|conducted|carried|compiled|obtained|seen|made|posted|filed|commissioned|last|this|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\s",
    re.I,
)
TITLE_WORDS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "rep",
    "gov",
    "gen",
    "lt",
    "col",
    "sgt",
    "capt",
    "prof",
    "rev",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "sen.",
    "rep.",
    "gov.",
    "gen.",
    "lt.",
    "col.",
    "sgt.",
    "capt.",
    "prof.",
    "rev.",
    "president",
    "minister",
    "mayor",
    "senator",
    "governor",
    "judge",
    "chancellor",
    "secretary",
    "ambassador",
    "professor",
    "director",
    "chief",
    "deputy",
    "prime",
    "foreign",
    "finance",
    "health",
    "defense",
    "defence",
    "interior",
    "justice",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "councillor",
    "councilman",
    "councilwoman",
    "commissioner",
    "sheriff",
    "detective",
    "officer",
    "inspector",
    "coach",
    "captain",
    "executive",
    "chairman",
    "chairwoman",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "representative",
    "congressman",
    "congresswoman",
    "lawmaker",
    "general",
    "admiral",
    "superintendent",
    "headteacher",
    "headmaster",
    "headmistress",
    "principal",
    "dean",
    "attorney",
    "the",
    "former",
    "acting",
    "us",
    "u.s.",
}


@dataclass(frozen=True, slots=True)
class SourceClass:
    """How a source phrase is classified."""

    kind: str  # person | organization | document | role | unnamed | pronoun
    identifiable: bool
    vague: bool = False
    number: str = "sg"  # sg | pl | org
    head: str = ""


def head_part(phrase: str) -> str:
    """The phrase before its first post-modifier ("a spokesman for the ministry" -> "a spokesman")."""
    m = _PREP_SPLIT.search(" " + phrase + " ")
    return phrase[: max(0, m.start() - 1)].strip() if m and m.start() > 1 else phrase.strip()


def _words(phrase: str) -> list[str]:
    return [w.strip(',;:()[]"“”‘’') for w in phrase.split() if w.strip(',;:()[]"“”‘’')]


_WEASEL_HEADS = {"critics", "experts", "observers", "analysts", "skeptics", "sceptics", "pundits", "detractors"}
_PARTY_GROUPS = {
    "republicans",
    "democrats",
    "conservatives",
    "liberals",
    "tories",
    "socialists",
    "greens",
    "nationalists",
    "loyalists",
    "unionists",
    "separatists",
    "rebels",
    "islamists",
    "communists",
}
_GENERIC_CAPS = {"internet", "web", "online", "social", "media", "twitter", "facebook", "x", "youtube", "reddit"}
_DETERMINERS = {
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "one",
    "some",
    "several",
    "many",
    "two",
    "three",
    "four",
    "five",
    "its",
    "their",
    "his",
    "her",
    "our",
    "another",
    "other",
    "most",
    "all",
    "both",
    "each",
    "every",
    "few",
    "no",
    "according",
    "but",
    "and",
    "yet",
    "so",
}


_PEOPLE_ACRONYMS = {"mp", "mps", "mep", "meps", "msp", "msps", "mla", "mlas", "gp", "gps", "td", "tds"}


def _is_name_token(tok: str, lex: Lexicon) -> bool:
    low = tok.lower().rstrip(".")
    if low in _DETERMINERS or low in _GENERIC_CAPS:
        return False
    if not _CAP.match(tok) or low in TITLE_WORDS or low.rstrip("'s’") in TITLE_WORDS:
        return False
    return low not in lex.person_nouns and low not in DOC_WORDS


def classify(phrase: str, lex: Lexicon, sentence_text: str = "") -> SourceClass:
    """Classify a source phrase. ``sentence_text`` helps with "a report by X"."""
    words = _words(phrase)
    if not words:
        return SourceClass("unnamed", False)
    if (
        sentence_text.lstrip().startswith(words[0])
        and (
            words[0].lower().endswith(_PLURAL_PERSON)
            or words[0].lower() in lex.person_nouns
            or words[0].lower() in _GROUP_NOUNS
        )
        and not (_named_pp(phrase, _words(head_part(phrase))) and not re.search(r"^\S+\s+of\b", phrase))
    ):
        # "Herders here say": a capital at the sentence start is not a name.
        words[0] = words[0].lower()
        phrase = phrase.replace(phrase.lstrip()[:1], phrase.lstrip()[:1].lower(), 1)
    low = [w.lower() for w in words]
    if len(words) == 1 and low[0] in PRONOUNS:
        return SourceClass("pronoun", True, number=PRONOUNS[low[0]], head=low[0])
    if len(words) == 2 and low[0] == "the" and re.fullmatch(r"\d+-year-old", low[1]):
        return SourceClass("pronoun", True, number="sg", head="he")  # "The 52-year-old said": back to a person
    if len(words) == 4 and low[1] == "of" and low[2] in {"the", "those", "these"} and low[0] in _COUNTS:
        return SourceClass("unnamed", False, number="pl", head=low[3])  # "two of the sources said"
    if _PAIR.fullmatch(" ".join(low)):
        return SourceClass("pronoun", True, number="pl", head="both")  # "The two said", "Both lawmakers said"
    if len(words) == 3 and low[1] == "of" and low[2] in {"them", "those"}:
        return SourceClass("pronoun", True, number="pl", head="them")  # "one of them": a member of a group
    if low[-1] in {"i", "we"}:
        return SourceClass("unnamed", False, head=low[-1])
    head_words = _words(head_part(phrase)) or words
    head_words = _trim_to_noun(head_words, lex)
    if _named_pp(phrase, head_words):
        return SourceClass("organization", True, number="org", head=head_words[-1].lower())
    head = head_words[-1]
    head_low = head.lower().rstrip(".,")
    if head_low in TITLE_WORDS and _is_name_token(words[-1], lex) and words[-1].lower() not in ORG_WORDS:
        # "Minister of Education Stefania Giannini": a title, then the name.
        return SourceClass("person", True, head=words[-1].lower())
    if (
        len(words) > 1
        and head_low in TITLE_WORDS
        and head_low not in ROLE_NOUNS
        and all(_CAP.match(w) for w in words)
        and _is_name_token(words[0], lex)
    ):
        return SourceClass("organization", True, number="org", head=head_low)  # "Lumora Health", "Acme Energy"
    full_low = " ".join(low)
    det = low[0]
    if full_low in lex.vague_collectives or (det == "the" and " ".join(low[1:]) in lex.vague_collectives):
        return SourceClass("unnamed", False, vague=True, number="pl", head=head_low)  # "the West", "the EU's critics"
    vague_head = head_low in _WEASEL_HEADS
    if vague_head and (not any(_is_name_token(w, lex) for w in head_words[1:]) or det in DETS_INDEF):
        return SourceClass("unnamed", False, vague=True, number="pl", head=head_low)
    if head_low in _PARTY_GROUPS:
        # "Republicans on the committee": members of a named party, not named.
        return SourceClass("unnamed", False, number="pl", head=head_low)
    if head_low in {"authorities", "media", "reports", "rumours", "rumors", "speculation"}:
        return SourceClass("unnamed", False, vague=True, number="pl", head=head_low)
    if (
        low[0] in {"a", "an", "one"}
        and 2 < len(words) <= 5
        and words[1][:1].isupper()
        and all(w.islower() and w.isalpha() for w in words[2:])
    ):
        # "A Harlow quality engineer": an indefinite description whose head is the last, lowercase noun.
        if words[-1] in DOC_WORDS or words[-1].rstrip("s") in DOC_WORDS:
            return _document(words, head_words, words[-1], phrase, sentence_text, lex)
        return _person_noun(words, words, words[-1], lex)
    if head_low.endswith("-elect") and head_low[: -len("-elect")] in ROLE_NOUNS:
        return SourceClass("role", True, head=head_low)  # "the mayor-elect"
    if head_low in {"family", "relatives"} and len(words) > 1 and re.search(r"[A-Z][\w-]*['’]s$", words[-2]):
        return SourceClass("person", True, head=head_low)  # "Callum's family said" (GUIDELINES D21)
    if low[0] in {"family", "relatives"} and re.match(r"(?:[Ff]amily|[Rr]elatives)\s+of\s+[A-Z]", phrase.strip()):
        return SourceClass("person", True, head=low[0])  # "Family of Ellis Brant say" (D21)
    if len(low) == 2 and low[1] == "family" and low[0] in {"the", "his", "her", "their"}:
        return SourceClass("role", True, head="family")  # "The family said": the family of the story's subject
    if head_low in _PEOPLE_ACRONYMS:
        return _person_noun(words, head_words, head_low, lex)  # "two MPs", "a GP": people, not organisations
    if _is_name_token(head, lex) or _ACRONYM.match(head):
        titled = any(w.islower() and (w in ROLE_NOUNS or w in TITLE_WORDS) for w in head_words[:-1])
        if titled and head_low not in ORG_WORDS and not _ACRONYM.match(head):
            # "Port Authority chief executive Lars Vennema", "Union leader Ineke Bos": a person.
            return SourceClass("person", True, head=head_low)
        if (
            len(head_words) >= 3
            and any(w.lower() in TITLE_WORDS or w.lower() in ROLE_NOUNS for w in head_words[:-2])
            and not any(w.lower().rstrip(".,") in ORG_WORDS or _ACRONYM.match(w) for w in head_words[-2:])
            and _is_name_token(head_words[-2], lex)
        ):
            return SourceClass("person", True, head=head_low)  # "Senate Majority Leader Mitch McConnell"
        if (
            head_low in ORG_WORDS
            or any(w.lower().rstrip(".,") in ORG_WORDS for w in head_words)
            or _ACRONYM.match(head)
        ):
            return SourceClass("organization", True, number="org", head=head_low)
        return SourceClass("person", True, head=head_low)
    if head_low in DOC_WORDS or head_low.rstrip("s") in DOC_WORDS:
        return _document(words, head_words, head_low, phrase, sentence_text, lex)
    if head_low in ORG_WORDS or head_low in lex.institutions or _plural_org(head_low):
        if det == "the" and len(words) == 2 and _plural_org(head_low):
            return SourceClass("organization", True, number="org", head=head_low)  # "the companies said": both named
        if head_low == "authorities" or (_plural_org(head_low) and head_low not in ORG_WORDS):
            return SourceClass("unnamed", False, vague=head_low == "authorities", number="pl", head=head_low)
        return SourceClass("organization", True, number="org", head=head_low)
    if (
        head_low in lex.person_nouns
        or head_low in ROLE_NOUNS
        or head_low.rstrip("s") in ROLE_NOUNS
        or (head_low.endswith(_PERSON_SUFFIX) and words[0].lower() in DETS_INDEF | {"the"})
    ):
        return _person_noun(words, head_words, head_low, lex)
    if (
        2 <= len(words) <= 4
        and low[0] == "the"
        and all(w[:1].isupper() for w in words[1:])
        and " ".join(low[1:]) not in lex.vague_collectives
        and head_low not in _PARTY_GROUPS
    ):
        return SourceClass("organization", True, number="org", head=head_low)  # "The Hill reported": a title
    return SourceClass("unnamed", False, number=_number(low, head_low), head=head_low)


_PLURAL_HEADS = {"people", "staff", "women", "men", "children", "police", "folk", "personnel", "many", "some"}


def _number(low: list[str], head_low: str) -> str:
    """ "administrators", "many women", "some": plural, so that a later "she" does not refer back to them."""
    if low[0] in _COUNTS - {"one"} or head_low in _PLURAL_HEADS:
        return "pl"
    return "pl" if head_low.endswith("s") and not head_low.endswith(("ss", "us", "is")) else "sg"


_PERSON_SUFFIX = ("ers", "ists", "ians", "ors", "ants", "ents", "er", "ist", "ian", "or", "ant", "ent")
#: "Herders here say": a plural person noun at the sentence start is not a name ("Lindqvist said" is).
_GROUP_NOUNS = {"families", "relatives", "neighbours", "neighbors", "locals", "villagers", "parents", "people"}
_PLURAL_PERSON = tuple(x for x in _PERSON_SUFFIX if x.endswith("s"))


def _known_noun(low: str, lex: Lexicon) -> bool:
    return (
        low in lex.person_nouns
        or low in ROLE_NOUNS
        or low in ORG_WORDS
        or low in DOC_WORDS
        or low in lex.vague_collectives
        or low.rstrip("s") in DOC_WORDS
        or low.rstrip("s") in ROLE_NOUNS
    )


def _trim_to_noun(head_words: list[str], lex: Lexicon) -> list[str]:
    """Cut trailing words after the rightmost known noun or name ("an employee involved" -> "an employee")."""
    for k in range(len(head_words) - 1, -1, -1):
        w = head_words[k]
        if _known_noun(w.lower().rstrip(".,"), lex) or (k > 0 and w[:1].isupper()) or (k == 0 and len(head_words) == 1):
            return head_words[: k + 1]
    return head_words


def _named_pp(phrase: str, head_words: list[str]) -> bool:
    """ "Parents for Safe Sleep": a capitalised head with a capitalised post-modifier is one name."""
    rest = phrase[len(" ".join(head_words)) :].split()
    return (
        bool(head_words)
        and head_words[-1][:1].isupper()
        and len(rest) >= 2
        and rest[0].lower() in {"for", "of", "against"}
        and all(w[:1].isupper() for w in rest[1:3])
    )


def _plural_org(low: str) -> bool:
    """ "associations", "agencies", "companies": unnamed plural institutions."""
    return low.endswith("s") and (low[:-1] in ORG_WORDS or (low.endswith("ies") and low[:-3] + "y" in ORG_WORDS))


def _person_noun(words: list[str], head_words: list[str], head_low: str, lex: Lexicon) -> SourceClass:
    det = words[0].lower()
    plural = (head_low.endswith("s") and not head_low.endswith("ss")) or head_low in {"people", "staff"}
    if head_low in SPOKES or head_low.rstrip("s") in SPOKES:
        return SourceClass("role", True, head=head_low)
    if (
        plural
        and det in {"the", "its", "their"}
        and head_low
        in {"researchers", "scientists", "authors", "investigators", "organizers", "organisers", "inspectors"}
    ):
        return SourceClass("role", True, number="pl", head=head_low)
    if plural:
        return SourceClass("unnamed", False, number="pl", head=head_low)
    if det in DETS_INDEF:
        return SourceClass("unnamed", False, head=head_low)
    if len(words) == 1 and head_low in ROLE_NOUNS and head_low not in {"official", "source", "aide", "officer"}:
        # "Superintendent: 'We cannot cut our way out of this'": a bare title names the office holder.
        return SourceClass("role", True, head=head_low)
    if det == "the" and any(w.endswith(("'s", "’s")) for w in head_words[:-1]):
        # "the group's lead negotiator", "the company's chief executive": one findable person.
        return SourceClass("role", True, head=head_low)
    if det in {"the", "this", "that"} or det.endswith("'s") or det.endswith("’s") or _CAP.match(words[0]):
        if head_low in ROLE_NOUNS and head_low not in {"official", "source", "aide", "officer"}:
            return SourceClass("role", True, head=head_low)
        return SourceClass("unnamed", False, head=head_low)
    return SourceClass("unnamed", False, head=head_low)


#: Published findings a headline may cite bare ("study finds", "new figures show"); not internal papers.
_COUNTS = {"one", "two", "three", "four", "five", "several", "some", "many", "most", "both", "all"}
_PUBLIC_DOCS = {"study", "survey", "report", "figures", "data", "poll", "analysis", "research", "statistics", "review"}
_SEEN_BY = re.compile(r"\b(?:seen|reviewed|obtained|viewed)\s+by\b")
#: "A Ledger review found": the publication's own work (labels.md: the writer's own authority).
OWN_WORK = re.compile(
    r"^(?:An?)\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)?\s+(?:review|analysis|investigation|examination|tally|count)\b"
)


#: "the two", "both men", "the pair", "both congressmen": the people just named, taken together.
_PAIR = re.compile(
    r"(?:the (?:two|three|pair|trio)|both)"
    r"(?: (?:men|women|lawmakers|congressmen|senators|leaders|officials|candidates|players|of them))?"
)
#: "Polls show", "Studies suggest", "Recent research finds": no reader can tell which.
_UNLOCATABLE_PLURALS = {"polls", "surveys", "studies", "reports", "polling", "research"}
_VAGUE_DOC_MODIFIERS = {
    "the", "public", "recent", "new", "overnight", "national", "several", "some", "many", "most", "early", "latest",
    "other", "independent", "online", "numerous", "multiple", "various", "previous", "earlier", "opinion",
}  # fmt: skip


def _document(
    words: list[str], head_words: list[str], head_low: str, phrase: str, sentence: str, lex: Lexicon
) -> SourceClass:
    det = words[0].lower()
    rest = sentence.split(phrase, 1)[1] if phrase and phrase in sentence else ""
    after = rest[:60]
    if _SEEN_BY.search(phrase) or re.match(r"\s*,?\s*(?:and\s+)?(?:seen|reviewed|obtained|viewed)\s+by\b", after):
        return SourceClass("unnamed", False, number="org", head=head_low)  # "a document seen by Reuters" (E25)
    if len(words) == 1 and not head_low.endswith("s"):
        return SourceClass("document", True, number="org", head=head_low)  # headline "..., study finds"
    if re.search(r"\b(?:the|its|their)\s+\w+['’]s\b", phrase):
        return SourceClass("document", True, number="org", head=head_low)  # "data in the paper's tables"
    if re.search(
        r"\b(?:published|released|compiled|issued|produced|commissioned)\s+by\s+(?:the\s+)?\w", phrase + after
    ):
        return SourceClass("document", True, number="org", head=head_low)  # "counts published by the state DOT"
    if (
        head_low in _UNLOCATABLE_PLURALS
        and all(w.lower() in _VAGUE_DOC_MODIFIERS for w in words[:-1])
        and not re.search(r"\b(?:by|from)\s+(?:the\s+)?[A-Z]", rest[:80])
    ):
        return SourceClass("unnamed", False, number="org", head=head_low)  # "Polls show", "Public polling shows"
    headline = sentence.rstrip()[-1:] not in ".!?\"”’'"
    if headline and det not in DETS_INDEF and len(words) <= 3 and head_low in _PUBLIC_DOCS:
        return SourceClass("document", True, number="org", head=head_low)  # "..., state survey finds"
    if det in DETS_INDEF:
        # "A recent survey of U.S. travelers": a name after "of" is the topic; the author comes before or after "by".
        before_head = words[1 : len(head_words)]
        named = any(_is_name_token(w, lex) or _ACRONYM.match(w) for w in before_head)
    else:
        named = any(_is_name_token(w, lex) or _ACRONYM.match(w) for w in words[1:]) or _is_name_token(words[0], lex)
    if (
        named
        or det in {"the", "its", "their", "his", "her", "this"}
        or det.endswith("'s")
        or det.endswith("’s")
        or any(w.lower() in _OFFICIAL_MODIFIERS for w in words[:-1])
    ):
        return SourceClass("document", True, number="org", head=head_low)
    if re.search(r"\b(?:by|from|in)\s+(?:the\s+)?[A-Z]", rest[:80]):
        return SourceClass("document", True, number="org", head=head_low)
    return SourceClass("unnamed", False, number="org", head=head_low)
