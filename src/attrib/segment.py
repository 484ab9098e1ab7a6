"""Split a news article into paragraphs, sentences and skipped spans, with exact offsets.

``segment(text)`` returns :class:`Segment` spans into the original text, in text
order: every non-whitespace character (``str.isspace``) belongs to exactly one
segment, segments never overlap and carry no outer whitespace. Sentence
boundaries come from the Punkt decision procedure (:mod:`attrib.punkt`, trained
on news) plus rules for what Punkt misses in news text (titles, initials,
quotations, lists, headlines). Datelines are split off the sentence they open,
and page furniture (related links, bylines, captions, share prompts ...)
becomes ``skipped`` segments with a reason.

Only the standard library is imported; all regular expressions are compiled
once, and the work is linear in the length of the input.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from attrib import recache
from attrib.punkt import Punkt, default_punkt, word_tokenize

__all__ = ["REASONS", "Furniture", "Segment", "default_furniture", "find_dateline", "segment"]

Furniture = Callable[[str], "str | None"]

REASONS: tuple[str, ...] = (
    "dateline",
    "byline",
    "related-link",
    "caption",
    "credit",
    "share",
    "subscribe",
    "categories",
    "timestamp",
    "advertisement",
    "transcription-marker",
    "comment",
    "other-furniture",
)


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence or a skipped span: ``text[start:end]``, with no outer whitespace."""

    start: int  # char offsets into the ORIGINAL text
    end: int
    paragraph: int  # 0-based; blocks separated by blank lines, and headline/furniture lines
    kind: str  # "sentence" | "skipped"
    reason: str | None  # for skipped spans: one of REASONS


# ---------------------------------------------------------------------------
# Character classes
# ---------------------------------------------------------------------------
_LINE_BREAK = recache.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_ALNUM = recache.compile(r"[^\W_]")
_NEXT_WORD = recache.compile(r"\s*(\S+)")
_INVISIBLE_LINE = recache.compile(r"[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]+\Z")
TERMINALS = ".?!…‼⁇⁈⁉"
CLOSERS = "\"'”’»)]}›"
OPENERS = "\"'“‘«([{‹¿¡*_"
QUOTES = "\"'”’»“‘«›‹"
# A run of sentence-final punctuation (plus closing quotes/brackets) before whitespace; the
# lookbehind after the first character makes it start at the beginning of a run (linear time).
_CANDIDATE = recache.compile(r"[.?!…‼⁇⁈⁉](?<![.?!…‼⁇⁈⁉].)[.?!…‼⁇⁈⁉]*+[\"'”’»)\]}›]*+(?=\s|\Z)")
_BULLET_WORD = recache.compile(r"[•◦▪‣⁃●■►▸](?<=\s.)(?=\s|\d)")
_SPACE = recache.compile(r"\s")
_BULLET_CHAR = recache.compile(r"[•◦▪‣⁃●■►▸]")
_NONSPACE = recache.compile(r"\S")
_MARKER = r"(?:[•◦▪‣⁃●■►▸]\s*)?\(?(\d{1,3}|[a-z])(?:\.\)|\)|\.)"
_LIST_START = recache.compile(_MARKER + r"(?=\s)")
_LIST_NEXT = recache.compile(r"(?<=\s)" + _MARKER + r"(?=\s+[^\W\d_]*[^\W\d_a-z])")
_LIST_MARKER_WORD = recache.compile(r"(?:[•◦▪‣⁃●■►▸]\s*)?\(?(?:\d{1,3}|[A-Za-z])(?:\.\)|\)|\.)\Z")
_DOTTED = recache.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}\Z")
_NUMERIC = recache.compile(r"-?[.,]?\d[\d,.\-]*\Z")


# ---------------------------------------------------------------------------
# Abbreviations and words the rules need (lower case, without the final period)
# ---------------------------------------------------------------------------
def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Titles and words that are followed by a name or number, never by a new sentence.
NEVER_FINAL = _words(
    "mr mrs ms mx messrs mme mlle dr prof sen sens rep reps gov govs gen gens lt col capt cpt cmdr cdr "
    "comdr sgt maj adm brig cpl pvt pfc spc rev fr msgr hon pres supt det insp atty amb asst rt mt "
    "ste vs v cf viz"
)
# Abbreviations that can end a sentence: break only before a likely sentence starter.
ABBREVIATIONS = _words(
    "inc corp co cos ltd llc plc bros assn dept univ est etc jr sr esq al approx ca "
    "jan feb mar apr jun jul aug sep sept oct nov dec tues thu thur thurs fri "
    "no nos vol vols pp fig figs art ch para ed eds ft ave blvd rd hwy ln sq mi km lb lbs oz "
    "ala ariz ark calif colo conn del fla ga ind kan kans ky md mich minn mont neb nev okla ore pa "
    "tenn tex vt va wis wyo"
)
# Closed-class words that, capitalised after an abbreviation, almost always start a sentence.
SENTENCE_STARTERS = _words(
    "a an the this that these those it its he she they we i you his her their our my your "
    "but and or so yet if in on at for as after before since while although though when where why how "
    "what who which whose there here now then still also however meanwhile instead indeed some many "
    "most all both each every no not one two three such nobody everyone everybody someone somebody anyone "
    "nothing none neither either another several few any because unless until despite during without "
    "with by from to only even thus therefore moreover furthermore later earlier"
)
TIME_FOLLOWERS = _words(
    "et est edt pt pst pdt ct cst cdt mt mst mdt gmt utc bst cet cest ist jst eastern pacific central "
    "mountain local monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday "
    "mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec "
    "tonight january february march april may june july august september october november december"
)
FRONTING_PREPOSITIONS = _words("at by before after until till from around since on in about")
EXCLAMATORY_NAMES = frozenset({"yahoo", "jeopardy"})
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAYS = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?"

# ---------------------------------------------------------------------------
# Page furniture (built-in patterns, used when no hook is given)
# ---------------------------------------------------------------------------
_NAME = r"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|de|da|del|der|di|du|la|le|van|von|bin|al|el|y))*"
_ORG = r"(?:the\s+|The\s+)?[A-Z][\w'’.&\-]*(?:\s+(?:[A-Z][\w'’.&\-]*|of|for|and|&|the)){0,6}"
_DATE = (
    rf"(?:{_WEEKDAYS}\.?,?\s+)?(?:{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTHS}\.?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)
_TIME = r"\d{1,2}(?::\d{2})?\s*(?:[aApP]\.?[mM]\.?)?(?:\s+[A-Z]{2,4})?"
_START_RULES: tuple[tuple[str, str], ...] = (
    ("comment", r"<!--[\s\S]*-->\Z"),
    (
        "related-link",
        r"(?i:also\s+read|read\s+(?:more|also|next)|related\s+(?:stories|articles?|coverage|content|"
        r"news|reading|links?|videos?|topics)|see\s+also|more\s+coverage|must\s+read|recommended(?:\s+(?:reading|"
        r"stories|articles))?|don'?t\s+miss|trending\s+(?:stories|now|articles|news))\b",
    ),
    ("related-link", r"(?i:related|more|watch|listen|trending|more\s+from\s+[\w .]{1,30})\s*[:|»>]"),
    (
        "subscribe",
        r"(?i:subscribe\b|sign\s+up\b|join\s+our\s+(?:mailing\s+list|newsletter)|"
        r"get\s+(?:our|the)\s+[\w\s]{0,30}newsletter|newsletter\s+sign)",
    ),
    (
        "share",
        r"(?i:follow)\s+(?:us|me|[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})\b[^\n]{0,200}?"
        r"(?:\b(?i:on)\s+(?:Twitter|Facebook|Instagram|X|Threads|LinkedIn|TikTok|Bluesky)|@\w)",
    ),
    (
        "share",
        r"(?i:share\s+(?:this|on|via|to|the\s+story|article)|click\s+to\s+share|tweet\s+this|"
        r"email\s+this|print\s+this|share)\b[^.!?]{0,60}\Z",
    ),
    (
        "advertisement",
        r"(?i:advertisement|advertising|sponsored(?:\s+content)?|ad|story\s+continues\s+below"
        r"(?:\s+advertisement)?)(?i:\s*[-–—:|]\s*(?:story\s+continues\s+below|continue\s+reading(?:\s+below)?))?"
        r"\.?\Z",
    ),
    (
        "credit",
        r"(?i:photo|photos|image|images|picture|pictures|photograph|illustration|graphic|video|audio|"
        r"credit|photo\s+credit|image\s+credit|image\s+source)\s*:\s*\S",
    ),
    ("credit", r"\(?(?i:photos?|images?|pictures?)\s+(?i:by|courtesy(?:\s+of)?|credit)\b[^()]{0,100}\)?\.?\Z"),
    ("caption", r"(?:(?i:file\s+(?:photo|image|picture))\b|FILE\s*[-–—:])"),
    ("categories", r"(?i:categories|category|tags|topics|filed\s+under)\s*:"),
    (
        "byline",
        r"(?:The\s+)?(?:Associated\s+Press|Reuters|AFP|Agence\s+France[- ]Presse|Bloomberg(?:\s+News)?|"
        r"UPI|Xinhua|dpa|Press\s+Trust\s+of\s+India|PTI|IANS|ANI)\.?\Z",
    ),
    (
        "byline",
        rf"(?:By|BY)\s+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*(?:\s*(?:,|\||-|–|—|/|for)\s*{_ORG})?"
        r"\.?(?:\s*[|·•—–-]?\s*(?i:published|updated|posted)\b.{0,80})?\Z",
    ),
    (
        "byline",
        r"(?i:(?:additional\s+)?reporting|writing|editing|compiled|written|reported|story|text|"
        r"words|interview|research)\s+(?i:by)\s+[A-Z]",
    ),
    (
        "timestamp",
        rf"(?i:(?:last\s+)?(?:updated|published|posted|modified|first\s+published))\b[\s:]*"
        rf"(?i:on\s+|at\s+)?(?=\d|{_MONTHS}\b|{_WEEKDAYS}\b|(?i:today|yesterday)).{{0,70}}\Z",
    ),
    ("timestamp", rf"{_DATE}(?:,?\s+(?:at\s+)?{_TIME})?\.?\Z"),
    (
        "transcription-marker",
        r"[\[(](?i:inaudible|crosstalk|cross-talk|laughter|laughs|applause|"
        r"unintelligible|indiscernible|music|silence|pause|no\s+sound|cheers|cheering|coughs?|"
        r"background\s+noise|(?:speaking\s+)?foreign\s+language|overlapping|technical\s+difficult\w*|"
        r"audio\s+gap|gap\s+in\s+audio|end\s+of\s+(?:audio|video|transcript|clip)|bleep|sic)\b[^\])]{0,60}[\])]\Z",
    ),
    ("caption", r"\[\s*(?i:video|photo|image|audio|graphic|watch)\b[^\[\]]{0,300}\]\Z"),
    ("transcription-marker", r"\[[^\[\]]{0,300}(?:\.\.\.|…)\s*\]\Z"),
    ("other-furniture", r"\[[^\[\]]{1,400}\]\Z"),
    ("other-furniture", r"(?:[*\-_=~#•·◆♦]\s*){3,}\Z"),
    ("other-furniture", r"(?i:sources|references|external\s+links|related\s+news|further\s+reading)\s*:?\Z"),
    ("other-furniture", r"[A-Z][A-Z ]{1,30}READERS:"),
    ("other-furniture", r"(?:<[^<>\n]{1,300}>\s*)+\.?\Z"),
)
_START_FURNITURE = recache.compile("|".join(f"(?P<r{i}>{pattern})" for i, (_, pattern) in enumerate(_START_RULES)))
_START_REASONS = {f"r{i}": reason for i, (reason, _) in enumerate(_START_RULES)}
# Rules about how a line ends, searched in its last characters only.
# (reason, substrings one of which it needs, pattern)
_TAIL_RULES: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = (
    (
        "caption",
        (":",),
        re.compile(r"\b(?i:image|photo|picture|video|audio|credit|photograph)s?\s*:\s*[^.!?:]{1,80}\.?\Z"),
    ),
    ("caption", (")",), re.compile(r"\((?:AP|AFP|Reuters|Getty|EPA|Photo|Image|Picture)\b[^()]{0,80}\)\.?\Z")),
    (
        "byline",
        ("ontributed",),
        re.compile(
            r"\b(?i:contributed\s+(?:(?:reporting\s+)?to\s+this\s+(?:report|story|article)|(?:reporting|research)"
            r"(?:\s+(?:from|in)\s+[A-Z][\w .'’\-]{1,40})?))\.?\Z"
        ),
    ),
    # a source citation: "Title of the story" — Outlet, August 15, 2008
    (
        "other-furniture",
        ('"', "”"),
        re.compile(
            rf"[\"”]\s*[—–-]\s*[^,\n\"”]{{2,60}},\s*(?:{_DATE}|{_MONTHS}\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}})\.?\Z"
        ),
    ),
)
_TAIL = 130
# A short line that is only a photo credit: "Jane Doe/Getty Images", "AP Photo/Evan Vucci".
_AGENCY_CREDIT = recache.compile(
    r"[^.!?]{0,60}\b(?i:getty\s+images|ap\s+photo|afp\s+photo|reuters\s+photo|shutterstock|"
    r"istockphoto)\b[^.!?]{0,40}\Z"
)
_FURNITURE_MAX = 600  # furniture lines are short; longer lines are body text


def default_furniture(line: str) -> str | None:
    """The built-in page-furniture patterns: a skip reason for a whole (stripped) line, or None."""
    if len(line) > _FURNITURE_MAX:
        return None
    m = _START_FURNITURE.match(line)
    if m:
        return _START_REASONS[m.lastgroup or ""]
    if len(line) <= 100 and _AGENCY_CREDIT.match(line):
        return "credit"
    tail = max(1, len(line) - _TAIL)
    for reason, needed, pattern in _TAIL_RULES:
        if any(line.find(n, tail) >= 0 for n in needed) and pattern.search(line, tail):
            return reason
    return None


# ---------------------------------------------------------------------------
# Datelines
# ---------------------------------------------------------------------------
_DL_WORD = r"[^\W\d_][\w'’.&\-]*"
_DATELINE = recache.compile(
    rf"(?P<place>{_DL_WORD}(?:[ \t]+{_DL_WORD}){{0,4}})"
    rf"(?P<region>(?:[ \t]*,[ \t]*{_DL_WORD}(?:[ \t]+{_DL_WORD}){{0,2}}){{0,2}})"
    rf"(?P<date>[ \t]*,?[ \t]*{_MONTHS}\.?[ \t]+\d{{1,2}}(?:,[ \t]*\d{{4}})?)?"
    r"[ \t]*(?P<agency>\([^()\n]{1,40}\))?"
    r"[ \t]*(?P<sep>—|–|―|--|-|:)(?=[ \t\n]|(?<=[—–―])\S)"
)
_AGENCY = recache.compile(
    r"\(\s*(?:AP|Reuters|AFP|UPI|CNN|Xinhua|dpa|DPA|IANS|PTI|ANI|Bloomberg|AAP|Kyodo|Yonhap|TASS|Tass|EFE|ANSA|"
    r"CNA|Bernama|Anadolu|WAM|SPA|KUNA|IRNA|MENA|PA|CP|Sputnik|RIA|Interfax|NNA|APP|UNI|BSS|Antara|VNA|KCNA|"
    r"Agence\s+France[- ]Presse|Associated\s+Press|Canadian\s+Press|Press\s+Association|The\s+Canadian\s+Press)"
    r"(?:\s+[A-Z][\w.]*){0,2}\s*\)\Z"
)
_PARTICLES = _words("de da del der di do dos du la le las los el al of upon on sur am an")
_NOT_PLACES = _words(
    "note notes nb update updated updates editor editor's editors correction corrections clarification "
    "breaking exclusive watch read listen photo photos video videos image images source sources q a "
    "opinion analysis live related also more warning disclaimer caption credit transcript summary "
    "background context reporting by readers reader subscribe advertisement sponsored this in on "
    "question answer quote headline tags topics categories category share follow contact email tip "
    "comment comments poll vote fact fact-check factcheck timeline explainer bottom top key why how what "
    "who when where and but or if so nato nasa opec unicef unesco fifa uefa interpol"
)
# Places trusted in the weak "Washington:" dateline form (capitals and frequent dateline cities).
DATELINE_PLACES = frozenset(
    name.strip()
    for name in str.split(
        "washington, london, paris, berlin, moscow, beijing, shanghai, tokyo, seoul, pyongyang, new delhi, delhi, "
        "mumbai, kolkata, chennai, bengaluru, bangalore, hyderabad, ahmedabad, pune, lucknow, jaipur, chandigarh, "
        "patna, bhopal, srinagar, jammu, guwahati, thiruvananthapuram, kochi, islamabad, karachi, lahore, "
        "peshawar, quetta, rawalpindi, kabul, kandahar, dhaka, kathmandu, colombo, male, thimphu, tehran, "
        "baghdad, damascus, beirut, amman, jerusalem, tel aviv, ramallah, gaza, cairo, riyadh, jeddah, doha, "
        "dubai, abu dhabi, manama, muscat, sanaa, ankara, istanbul, athens, rome, vatican city, madrid, "
        "barcelona, lisbon, brussels, amsterdam, the hague, geneva, zurich, bern, vienna, prague, warsaw, "
        "budapest, bucharest, sofia, belgrade, zagreb, sarajevo, kyiv, kiev, minsk, vilnius, riga, tallinn, "
        "helsinki, stockholm, oslo, copenhagen, reykjavik, dublin, edinburgh, belfast, cardiff, ottawa, toronto, "
        "montreal, vancouver, new york, los angeles, chicago, houston, boston, miami, atlanta, dallas, seattle, "
        "san francisco, mexico city, havana, caracas, bogota, lima, quito, santiago, buenos aires, brasilia, "
        "rio de janeiro, sao paulo, montevideo, la paz, asuncion, panama city, managua, nairobi, addis ababa, "
        "lagos, abuja, accra, dakar, kinshasa, kampala, kigali, khartoum, juba, mogadishu, tripoli, tunis, "
        "algiers, rabat, johannesburg, pretoria, cape town, harare, lusaka, luanda, maputo, canberra, sydney, "
        "melbourne, wellington, auckland, manila, jakarta, kuala lumpur, singapore, bangkok, hanoi, yangon, "
        "naypyitaw, phnom penh, vientiane, taipei, hong kong, macau, ulaanbaatar, tashkent, almaty, astana, "
        "bishkek, dushanbe, ashgabat, baku, tbilisi, yerevan, luxembourg, strasbourg, frankfurt, munich, "
        "hamburg, milan, naples, rome",
        ",",
    )
)


def find_dateline(paragraph: str, first_body: bool = False) -> int:
    """Length of the dateline opening ``paragraph`` (through its separator), or 0 if there is none.

    Shapes: ``CITY, State (Agency) —``, ``City, June 3 (Reuters) -``, ``CITY —``, ``NEW DELHI:``;
    ``first_body`` also allows the weaker ``Washington:`` form (a known place and a colon), which
    is only trusted at the start of an article's first body paragraph.
    """
    head = paragraph[:200]
    if not any(sep in head for sep in "—–―-:"):
        return 0
    m = _DATELINE.match(head)
    if not m:
        return 0
    rest = paragraph[m.end() :].lstrip()
    if not rest or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in OPENERS):
        return 0
    words = m.group("place").split()
    if not _place_ok(words, m.group("region")):
        return 0
    if m.group("agency"):
        return m.end() if _AGENCY.match(m.group("agency")) else 0
    if not _looks_like_sentence(rest):
        return 0
    place = " ".join(words).lower()
    if all(_is_upper_word(w) for w in words if w.lower() not in _PARTICLES):
        if len(words) == 1 and not m.group("region") and place not in DATELINE_PLACES:
            letters = sum(c.isalpha() for c in place)
            if letters < 5 or not any(c in "aeiouy" for c in place):
                return 0  # an acronym ("FBI -", "NATO:") rather than a city
        return m.end() if m.group("sep") != ":" or len(words) <= 3 else 0
    colon_ok = first_body and m.group("sep") == ":" and not m.group("region") and not m.group("date")
    return m.end() if colon_ok and place in DATELINE_PLACES else 0


def _place_ok(words: list[str], region: str) -> bool:
    """Capitalised place words (particles allowed inside), none of them a known non-place label."""
    if not words or not words[0][0].isupper() or not words[-1][0].isupper():
        return False
    if any(w.lower().strip(".:'’") in _NOT_PLACES for w in words):
        return False
    if any(not w[0].isupper() and w.lower() not in _PARTICLES for w in words):
        return False
    return all(part.strip()[:1].isupper() for part in region.split(",") if part.strip())


def _is_upper_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 1 and all(c.isupper() for c in letters) and len(word.strip(".")) >= 2


def _looks_like_sentence(rest: str) -> bool:
    """At least four words, ending in sentence punctuation (not a headline or a label)."""
    return len(rest[:200].split()) >= 4 and rest.rstrip()[-1:] in TERMINALS + CLOSERS


# ---------------------------------------------------------------------------
# Lines, blocks and units
# ---------------------------------------------------------------------------
@dataclass(slots=True)
class _Unit:
    start: int
    end: int
    own_paragraph: bool = False  # a headline or furniture line inside a block
    reason: str | None = None  # furniture reason
    comment: bool = False


def _lines(text: str, offset: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each line's non-whitespace content; (p, p) for blank lines."""
    pos = offset
    for m in _LINE_BREAK.finditer(text, offset):
        yield _strip(text, pos, m.start())
        pos = m.end()
    yield _strip(text, pos, len(text))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    left = len(piece) - len(piece.lstrip())
    if left == len(piece):
        return start, start
    return start + left, start + len(piece.rstrip())


def _blocks(text: str, offset: int) -> Iterator[list[_Unit]]:
    """Blocks of lines separated by blank lines; HTML comments on their own lines are blocks of their own."""
    block: list[_Unit] = []
    comment_end = -1  # end of the comment we are inside, if any
    no_close_after = len(text) + 1  # no "-->" exists at or after this index
    for start, end in _lines(text, offset):
        if start < comment_end:
            _append_rest(block, text, comment_end, end)
            continue
        if start == end:
            if block:
                yield block
                block = []
            continue
        if text.startswith("<!--", start) and start + 4 < no_close_after:
            close = text.find("-->", start + 4)
            if close < 0:
                no_close_after = start + 4
            else:
                if block:
                    yield block
                    block = []
                comment_end = close + 3
                yield [_Unit(start, comment_end, True, "comment", True)]
                _append_rest(block, text, comment_end, end)
                continue
        block.append(_Unit(start, end))
    if block:
        yield block


def _append_rest(block: list[_Unit], text: str, start: int, end: int) -> None:
    """Add the text after a closing ``-->`` on its line, if any, as a line of the block."""
    if end > start:
        s, e = _strip(text, start, end)
        if s < e:
            block.append(_Unit(s, e))


_LIST_LINE = recache.compile(r"(?:[-*+•◦▪‣⁃●■►▸–—]\s|\d{1,3}[.)]\s|[a-z][.)]\s|[A-Z]\)\s|#{1,6}\s)")
_HEADING_LINE = recache.compile(r"#{1,6}\s")
_MIN_WRAP = 50  # narrower blocks are taken as unwrapped lines
_SOFT_END = recache.compile(
    r"(?:[,;(/&\-–—]|\b(?:the|a|an|of|and|or|to|in|for|with|on|at|by|from|as|that|is|was|"
    r"are|were|his|her|their|its|our|said|says)\Z)",
    re.I,
)


def _units(text: str, block: list[_Unit], furniture: Furniture) -> list[_Unit]:
    """Split a block into units: furniture lines, headline lines, list items and runs of wrapped lines."""
    if block[0].comment:
        return block
    for unit in block:
        line = text[unit.start : unit.end]
        if _INVISIBLE_LINE.match(line):
            unit.reason = "other-furniture"
        else:
            unit.reason = furniture(line)
        unit.own_paragraph = unit.reason is not None
    width = max(u.end - u.start for u in block)
    units: list[_Unit] = []
    for i, unit in enumerate(block):
        if units and not unit.own_paragraph and not units[-1].own_paragraph:
            headline = _is_headline(text, block[i - 1], unit, width)
            if not headline and not _hard_break(text, block[i - 1], unit):
                units[-1].end = unit.end  # a wrapped line continues the unit
                continue
            units[-1].own_paragraph = headline
        units.append(unit)
    return units


def _last_mark(text: str, line: _Unit) -> str:
    """The last character of a line before any closing quotes or brackets."""
    tail = text[max(line.start, line.end - 8) : line.end].rstrip(CLOSERS)
    return tail[-1:] or text[line.end - 1]


def _hard_break(text: str, prev_line: _Unit, line: _Unit) -> bool:
    """Does a single line break end the unit (before a list item, after a heading or a colon lead-in)?"""
    if _LIST_LINE.match(text, line.start) or _HEADING_LINE.match(text, prev_line.start):
        return True
    return _last_mark(text, prev_line) == ":"


def _is_headline(text: str, prev_line: _Unit, line: _Unit, width: int) -> bool:
    """Is ``prev_line`` a headline or subhead standing above ``line``?"""
    if _HEADING_LINE.match(text, prev_line.start):
        return True
    last = _last_mark(text, prev_line)
    if last in TERMINALS or last == ":":
        return False
    first = text[line.start]
    if not (first.isupper() or first.isdigit() or first in OPENERS):
        return False
    tail = text[max(prev_line.start, prev_line.end - 12) : prev_line.end]
    if _SOFT_END.search(tail):
        return False
    length = prev_line.end - prev_line.start
    # wrapped lines fill the block's width; a headline is shorter (and blocks of short lines are not wrapped)
    return length < 0.75 * width or width < _MIN_WRAP


# ---------------------------------------------------------------------------
# Sentences inside a unit
# ---------------------------------------------------------------------------
class _Splitter:
    """Sentence boundaries inside one unit of text (``self.u``), as cut positions."""

    def __init__(self, unit_text: str, start: int, punkt: Punkt) -> None:
        self.u = unit_text
        self.punkt = punkt
        self.cuts = [start]
        self._alnum_memo: tuple[int, int, str] = (-1, -1, "")  # (asked from, found at, word)

    # -- public -------------------------------------------------------------
    def split(self) -> list[int]:
        """Start offsets (within the unit) of each sentence."""
        forced = self._forced_cuts() if _may_have_list(self.u, self.cuts[0]) else []
        fi = 0
        lo = self.cuts[0]
        for m in _CANDIDATE.finditer(self.u, lo):
            ws = _word_start(self.u, lo, m.start())
            lo = m.end()
            while fi < len(forced) and forced[fi] <= ws:
                self._cut(forced[fi])
                fi += 1
            nxt = _NEXT_WORD.match(self.u, lo)
            if nxt is None:
                continue
            cut = self._decide(ws, lo, nxt.start(1), nxt.group(1))
            if cut is not None:
                self._cut(cut)
        for pos in forced[fi:]:
            self._cut(pos)
        return self.cuts

    # -- helpers --------------------------------------------------------------
    def _cut(self, pos: int) -> None:
        """Start a sentence at ``pos`` unless it would leave a sentence without letters or digits."""
        last = self.cuts[-1]
        if pos > last and _ALNUM.search(self.u, last, pos) and _ALNUM.search(self.u, pos):
            self.cuts.append(pos)

    def _forced_cuts(self) -> list[int]:
        """Breaks before inline bullets and before the items of an inline numbered/lettered list."""
        u, start = self.u, self.cuts[0]
        cuts = [m.start() for m in _BULLET_WORD.finditer(u, start)]
        first = _LIST_START.match(u, start)
        if first:
            expect = _successor(first.group(1))
            for m in _LIST_NEXT.finditer(u, first.end()):
                if m.group(1) == expect:
                    cuts.append(m.start())
                    expect = _successor(expect)
        return sorted(set(cuts))

    def _first_alnum_word(self, pos: int) -> tuple[int, str] | None:
        """The first word at or after ``pos`` that contains a letter or digit (memoised, monotone)."""
        asked, found, word = self._alnum_memo
        if asked <= pos <= found:
            return (found, word) if word else None
        found, word = len(self.u), ""
        for m in _NEXT_WORD.finditer(self.u, pos):
            if _ALNUM.search(m.group(1)):
                found, word = m.start(1), m.group(1)
                break
        self._alnum_memo = (pos, found, word)
        return (found, word) if word else None

    def _decide(self, ws: int, we: int, rs: int, right: str) -> int | None:
        """Cut position (start of the next sentence) for the gap after the word ``u[ws:we]``, or None."""
        left = self.u[ws:we]
        core = left.rstrip(CLOSERS)
        closers = left[len(core) :]
        body = core.rstrip(TERMINALS)
        term = core[len(body) :]
        if _is_dots(right):
            return rs if self._mla_ellipsis(body, term, closers, we) else None
        if not _ALNUM.search(right):
            if closers and right.strip("-–—―") == "" and _QUOTE_CREDIT.match(self.u, rs):
                return None  # "... a long game." - Matthew Ingram
            found = self._first_alnum_word(rs)
            if found is None:
                return None
            return rs if self._is_break(ws, body, term, closers, found[1], found[0]) else None
        if not body and _is_dots(term):  # a run of spaced dots ending here: ". . . ." or "...."
            return rs if self._after_dots(ws, term, right) else None
        return rs if self._is_break(ws, body, term, closers, right, rs) else None

    def _is_break(self, ws: int, body: str, term: str, closers: str, right: str, rs: int) -> bool:
        """The decision for a word ending in ``term`` (+ ``closers``) followed by the word ``right``."""
        nxt = right.lstrip(OPENERS + "-–—")
        first = _first_alnum(right)
        if first is None or first.islower():
            return False
        if term.strip(".…"):  # "?", "!", "?!", "!!" ...
            if not closers and term == "!" and body.lower().lstrip(OPENERS) in EXCLAMATORY_NAMES:
                return False
            return not (closers and any(q in closers for q in QUOTES) and _SPEECH_TAG.match(self.u, rs))
        dots = term.count(".") + 3 * term.count("…")
        if dots >= 2:
            return dots >= 4 or self._punkt_break("...", nxt, first)
        if _LIST_MARKER_WORD.match(body.lstrip(OPENERS) + "." + closers) and self._at_sentence_start(ws):
            return False
        if closers:
            return True
        if right[:1] in "([{":
            nxt = right
        return self._period_break(ws, body, nxt, first)

    def _at_sentence_start(self, ws: int) -> bool:
        """Is the word at ``ws`` the first word (with letters or digits) of the current sentence?"""
        return _ALNUM.search(self.u, self.cuts[-1], ws) is None

    def _period_break(self, ws: int, body: str, nxt: str, first: str) -> bool:
        """A word ending in a single period, followed by a capitalised word, digit or other."""
        word = body.lstrip(OPENERS)
        base = word.lower()
        if not base:
            return True
        if base in NEVER_FINAL:
            return False
        if base == "st":  # "St. Louis" (Saint) never ends a sentence; "Main St. The ..." (Street) may
            return _first_word(nxt).lower() in SENTENCE_STARTERS and self._previous_word_capitalised(ws)
        if len(base) == 1 and base.isalpha():
            if base == "i":
                return self._punkt_break(word + ".", nxt, first)
            # an initial follows a capitalised name; "plan B. The ..." ends a sentence
            return word.isupper() and _first_word(nxt).lower() in SENTENCE_STARTERS and self._previous_word_lower(ws)
        if base in ("a.m", "p.m"):
            return self._after_time(ws, nxt, first)
        if _DOTTED.match(base) or base in ABBREVIATIONS or self.punkt.is_abbreviation(word[-60:] + "."):
            return not first.isdigit() and self._abbrev_break(word, nxt)
        if _NUMERIC.match(word):
            return self._punkt_break(word[-60:] + ".", nxt, first)
        return not (first.isdigit() and (len(base) <= 2 or not base.isalpha()))

    def _previous_word(self, ws: int) -> str:
        """The word before ``ws`` in the current sentence ("" if none)."""
        before = self.u[max(self.cuts[-1], ws - 80) : ws].split()
        return before[-1] if before else ""

    def _previous_word_lower(self, ws: int) -> bool:
        return self._previous_word(ws)[:1].islower()

    def _previous_word_capitalised(self, ws: int) -> bool:
        first = self._previous_word(ws)[:1]
        return first.isupper() or first.isdigit()

    def _abbrev_break(self, word: str, nxt: str) -> bool:
        """After an abbreviation: a break only before a likely sentence starter (Punkt's heuristics)."""
        if _first_word(nxt).lower() in SENTENCE_STARTERS:
            return True
        return self.punkt.classify(word[-60:] + ".", _punkt_token(nxt), abbrev=True)[0]

    def _punkt_break(self, tok1: str, nxt: str, first: str) -> bool:
        """Punkt's decision for ``tok1`` before ``nxt``, or a break before a capitalised closed-class word."""
        if first.isupper() and _first_word(nxt).lower() in SENTENCE_STARTERS - {"i", "a"}:
            return True
        return self.punkt.classify(tok1, _punkt_token(nxt))[0]

    def _after_time(self, ws: int, nxt: str, first: str) -> bool:
        """After a.m./p.m.: a capitalised word other than a day, month or time zone starts a sentence,
        unless the sentence so far is only a fronted time phrase ("At 5 a.m. Mr. Smith left")."""
        if not first.isupper() or _first_word(nxt).lower().rstrip(".") in TIME_FOLLOWERS:
            return False
        so_far = self.u[self.cuts[-1] : ws].split()
        return not (len(so_far) <= 3 and so_far and so_far[0].lower().lstrip(OPENERS) in FRONTING_PREPOSITIONS)

    def _after_dots(self, ws: int, term: str, right: str) -> bool:
        """After a spaced ellipsis ending at ``ws``: four dots end a sentence, three only before a starter."""
        first = _first_alnum(right)
        if first is None or not first.isupper():
            return False
        dots = term.count(".") + self._dots_before(ws, 4)
        if dots >= 4:
            return True
        return self._punkt_break("...", right.lstrip(OPENERS), first)

    def _dots_before(self, ws: int, limit: int) -> int:
        """Dots in the spaced-ellipsis words right before position ``ws`` (at most ``limit``)."""
        u, i, count = self.u, ws - 1, 0
        while i >= 0 and count < limit:
            while i >= 0 and u[i].isspace():
                i -= 1
            run = 0
            while i >= 0 and u[i] == "." and count + run < limit:
                run += 1
                i -= 1
            count += run
            if run == 0 or (i >= 0 and not u[i].isspace()):
                break
        return count

    def _mla_ellipsis(self, body: str, term: str, closers: str, we: int) -> bool:
        """ "word. . . . Next": the period ends the sentence and the ellipsis opens the next one."""
        if term != "." or closers or not body or not _ALNUM.search(body[-1:]):
            return False
        m = _MLA_TAIL.match(self.u, we)
        return m is not None


_QUOTE_CREDIT = recache.compile(r"[-–—―]+[ \t]+[A-Z][^.!?\n]{0,60}\Z")
_MLA_TAIL = recache.compile(r"\s+\.\s\.\s\.\s+[\"'“‘(]?[^\W\d_a-z]")
_SPEECH_TAG = recache.compile(
    r"(?:(?:[A-Z][\w'’\-]*\.?|de|van|von|al)\s+){1,4}?(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|"
    r"replied|replies|shouted|yelled|exclaimed|continued|recalled|explained|cried|whispered|insisted|declared|"
    r"tweeted|posted|wondered|quipped|joked|responded|answered)\b(?:\s+[\w'’\-]+){0,3}?\s*[.,;:!?]"
)


def _may_have_list(u: str, start: int) -> bool:
    """Could the unit hold inline list items (it opens with a marker, or has bullets)?"""
    return _LIST_START.match(u, start) is not None or _BULLET_CHAR.search(u, start) is not None


def _word_start(u: str, lo: int, pos: int) -> int:
    """Start of the whitespace-delimited word that contains ``u[pos]`` (not before ``lo``)."""
    start = u.rfind(" ", lo, pos) + 1 or lo
    if _SPACE.search(u, start, pos):  # a tab, newline or no-break space is closer
        start = pos
        while start > lo and not u[start - 1].isspace():
            start -= 1
    return start


def _is_dots(word: str) -> bool:
    return bool(word) and not word.strip(".…")


def _first_alnum(word: str) -> str | None:
    m = _ALNUM.search(word)
    return m.group() if m else None


_WORD = recache.compile(r"[^\W_]+")


def _first_word(s: str) -> str:
    m = _WORD.match(s)
    return m.group() if m else ""


def _punkt_token(s: str) -> str | None:
    toks = word_tokenize(s[:60])
    return toks[0] if toks else None


def _successor(marker: str) -> str:
    if marker.isdigit():
        return str(int(marker) + 1)
    return chr(ord(marker) + 1)


# ---------------------------------------------------------------------------
# The public entry point
# ---------------------------------------------------------------------------
def segment(text: str, furniture: Furniture | None = None, closing: Furniture | None = None) -> list[Segment]:
    """Paragraphs then sentences, as exact spans, in text order.

    ``furniture(line_text)`` (optional hook supplied by the rule engine) returns a skip
    reason for a whole line/paragraph that is page furniture, or None; when the hook is
    None, the built-in patterns (:func:`default_furniture`) are used.  ``closing(sentence)``
    (optional) does the same for the last sentences of the article, where broadcast scripts
    sign off inside their last paragraph ("You can find more on our website. This is VOA news.").
    """
    check = furniture if furniture is not None else default_furniture
    punkt = default_punkt()
    out: list[Segment] = []
    offset = 0
    if text.startswith("\ufeff"):
        out.append(Segment(0, 1, 0, "skipped", "other-furniture"))
        offset = 1
    paragraph = -1
    seen_body = False
    for block in _blocks(text, offset):
        after_own = True  # the first unit of a block, or a unit after a headline/furniture line
        for unit in _units(text, block, check):
            starts_paragraph = after_own or unit.own_paragraph
            paragraph += starts_paragraph
            after_own = unit.own_paragraph
            if unit.reason is not None:
                out.extend(_skipped_unit(text, unit, paragraph, punkt))
                continue
            first_body = not seen_body and starts_paragraph and _ends_sentence(text, unit)
            out.extend(_sentence_unit(text, unit, paragraph, punkt, check, first_body, starts_paragraph))
            seen_body = seen_body or first_body
    if closing is not None:
        _skip_sign_off(text, out, closing)
    return out


_SIGN_OFF_MAX = 3  # sentences: "You can find more on our website voanews.com. This is VOA news."


def _skip_sign_off(text: str, out: list[Segment], closing: Furniture) -> None:
    """Turn the article's closing sentences into skipped spans while ``closing`` calls them sign-offs."""
    sentences = [k for k, seg in enumerate(out) if seg.kind == "sentence"]
    for k in reversed(sentences[-_SIGN_OFF_MAX:]):
        seg = out[k]
        reason = closing(text[seg.start : seg.end]) if seg.end - seg.start <= _FURNITURE_MAX else None
        if reason is None or len(sentences) <= 1:
            return
        out[k] = Segment(seg.start, seg.end, seg.paragraph, "skipped", reason)
        sentences.pop()


def _ends_sentence(text: str, unit: _Unit) -> bool:
    tail = text[max(unit.start, unit.end - 4) : unit.end].rstrip(CLOSERS)
    return bool(tail) and tail[-1] in TERMINALS


def _skipped_unit(text: str, unit: _Unit, paragraph: int, punkt: Punkt) -> Iterator[Segment]:
    """Furniture: one skipped span per sentence of the line (a caption with a credit gives two)."""
    if unit.comment:
        yield Segment(unit.start, unit.end, paragraph, "skipped", "comment")
        return
    for start, end in _sentences(text[unit.start : unit.end], unit.start, 0, punkt):
        yield Segment(start, end, paragraph, "skipped", unit.reason)


def _sentence_unit(
    text: str, unit: _Unit, paragraph: int, punkt: Punkt, check: Furniture, first_body: bool, paragraph_start: bool
) -> Iterator[Segment]:
    unit_text = text[unit.start : unit.end]
    skip = find_dateline(unit_text, first_body) if paragraph_start else 0
    if skip:
        yield Segment(unit.start, unit.start + skip, paragraph, "skipped", "dateline")
    marker = _LEADING_MARKER.match(unit_text, skip) if paragraph_start else None
    if marker is not None and (reason := check(marker.group(1))):
        # "[SOT] “We had a man come in ...": the transcription marker is furniture, the quote is a sentence.
        yield Segment(unit.start + marker.start(1), unit.start + marker.end(1), paragraph, "skipped", reason)
        skip = marker.end()
    for start, end in _sentences(unit_text, unit.start, skip, punkt):
        reason = None
        if text[start] == "[" and text[end - 1] == "]" and end - start <= _FURNITURE_MAX:
            reason = check(text[start:end])  # a bracketed editorial note or transcription marker
        yield Segment(start, end, paragraph, "skipped" if reason else "sentence", reason)


_LEADING_MARKER = re.compile(r"\s*(\[[A-Z][A-Z .'’-]{0,30}\]|\((?:BEGIN|END) [A-Z ]{1,30}\))\s+(?=\S)")


def _sentences(unit_text: str, offset: int, skip: int, punkt: Punkt) -> list[tuple[int, int]]:
    """Sentence spans of ``unit_text[skip:]``, as stripped offsets into the text (``offset`` + index)."""
    first = _NONSPACE.search(unit_text, skip)
    if first is None:
        return []
    body = first.start()
    candidate = _CANDIDATE.search(unit_text, body)
    if (candidate is None or candidate.end() == len(unit_text)) and not _may_have_list(unit_text, body):
        return [(offset + body, offset + len(unit_text.rstrip()))]  # one sentence, nothing to decide
    cuts = _Splitter(unit_text, body, punkt).split()
    cuts.append(len(unit_text))
    return [(offset + a, offset + a + len(unit_text[a:b].rstrip())) for a, b in pairwise(cuts)]
