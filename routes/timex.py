"""Time expressions in English news text, normalised against the document's date.

A route needs an order and, where the text allows, a day for each stop. News states time in
many ways: calendar dates ("Sept. 13", "5 March", "March 5 – 8"), weekdays that only make
sense against the publication date ("arrived on Tuesday"), parts of day, clock times, vague
spans ("early next week") and cues that point back into the story ("the next day").

Weekdays are resolved by the tense of their own clause, as HeidelTime and SUTime do: a report
dated Wednesday that says someone "arrived on Tuesday" means the day before, while "will
arrive on Tuesday" means six days later. Libraries such as dateparser or parsedatetime always
pick the next occurrence, which is wrong for most news, hence this module.

Everything is plain regular expressions compiled at import; no tagger, no dependency.

>>> from datetime import date
>>> [(t.text, t.start_dt.date().isoformat()) for t in
...  find_times("Kim arrived on Tuesday and will meet Putin on Friday.", date(2023, 9, 13))]
[('on Tuesday', '2023-09-12'), ('on Friday', '2023-09-15')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from routes.news import MONTHS
from routes.text import ABBREVIATIONS

__all__ = ["TimeExpr", "clause_tense", "find_times", "resolve_relative"]


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression, its reading and the interval ``[start_dt, end_dt)`` it stands for.

    The calendar fields (``year``, ``month``, ``day``, ``weekday``, ``hour``, ``minute``) are
    kept even when the interval cannot be computed (no anchor, or a cue relative to an earlier
    time), so callers can still order events by what the text states.
    """

    start: int
    end: int
    text: str
    kind: str
    start_dt: datetime | None = None
    end_dt: datetime | None = None
    approx: bool = False
    relative: bool = False
    offset_days: int | None = None
    tense: str = "present"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    weekday: int | None = None
    part: str | None = None
    hour: int | None = None
    minute: int | None = None
    offset_hours: float | None = None
    direction: int = 0
    unit: str | None = None
    prep: str | None = None


# --------------------------------------------------------------------------- vocabulary

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "twenty-four": 24, "thirty": 30, "forty-eight": 48, "a couple of": 2,
    "couple of": 2,
}
_NUM = (r"(?:\d{1,3}|twenty-four|forty-eight|a couple of|couple of|an?|one|two|three|four|five"
        r"|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)")
_FEW = r"(?:a few|few|several|some|many)"
# Hours of each part of day; ends past 24 run into the next day.
_PARTS = {
    "morning": (6, 12), "afternoon": (12, 18), "evening": (18, 22), "night": (18, 24),
    "dawn": (4, 7), "daybreak": (4, 7), "dusk": (17, 20), "nightfall": (17, 20),
    "midmorning": (9, 11), "mid-morning": (9, 11), "midafternoon": (14, 16),
    "mid-afternoon": (14, 16), "tonight": (18, 24), "overnight": (18, 30),
}
_UNIT_DAYS = {"day": 1, "night": 1, "week": 7, "weekend": 7, "month": 30, "year": 365}

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
          r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![A-Za-z])")
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:%]|[.,]\d|-[A-Za-z])"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?!\d)"
_DASH = r"[ \t]*(?:[-–—]|to|through|until|till)[ \t]*"

# Plural nouns after which a four-digit number is a count, not a year.
_COUNT_NOUNS = (r"(?:people|persons|passengers|troops|soldiers|km|kilometers|kilometres|miles"
                r"|metres|meters|feet|ft|tons|tonnes|cases|deaths|vehicles|cars|units|dollars"
                r"|euros|won|yuan|yen|rubles|roubles|pounds|percent|per cent|residents|migrants"
                r"|refugees|workers|members|staff|votes|homes|houses|rounds|shells)\b")

# --------------------------------------------------------------------------- patterns

_MDY = re.compile(
    rf"\b(?P<m1>{_MONTH})[ \t]*(?P<d1>{_DAY})"
    rf"(?:{_DASH}(?:(?P<m2>{_MONTH})[ \t]*)?(?P<d2>{_DAY}))?"
    rf"(?:,?[ \t]*(?P<y>{_YEAR}))?"
)
_DMY = re.compile(
    rf"(?<![\d.,:/])\b(?P<d1>{_DAY})(?:[ \t]*[-–—][ \t]*(?P<d2>{_DAY}))?"
    rf"[ \t]+(?:of[ \t]+)?(?P<m1>{_MONTH})(?:,?[ \t]*(?P<y>{_YEAR}))?"
)
_ISO = re.compile(r"\b(?P<y>(?:1[89]|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
                  r"(?![\d-])")
_US = re.compile(r"(?<![\d/])\b(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/"
                 r"(?P<y>(?:1[89]|20)\d\d|\d\d)(?![\d/])")
_MONTH_ONLY = re.compile(
    rf"\b(?P<m1>{_MONTH})(?![ \t]*\.?[ \t]*\d{{1,2}}(?!\d))(?:,?[ \t]*(?P<y>{_YEAR}))?")
# Words before a month name that make it a time ("in May", "since early June").
_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|during|through|throughout|from|before|after|for|last"
    r"|next|this|early|late|mid|the end of|the start of|the beginning of|the middle of|end of)"
    r"(?:[ \t]+|-))+$",
    re.IGNORECASE,
)
_NTH = re.compile(
    r"\b(?:(?i:on)[ \t]+)?the[ \t]+(?P<d>3[01]|[12]\d|[1-9])(?:st|nd|rd|th)\b"
    r"(?=[ \t]*(?:[,.;:)]|$|(?:and|at|when|in|to|as|but|that|before|after|for|with|then)\b))",
    re.MULTILINE)
_YEAR_CTX = re.compile(
    rf"(?<![\d,.$£€])\b(?P<y>{_YEAR})(?![,.]\d|%|-\d|[ \t]+{_COUNT_NOUNS})", re.IGNORECASE)
# Words before a four-digit number that make it a year ("in 2019", "a 2019 file photo").
_YEAR_CONTEXT = re.compile(
    r"(?:\b(?P<pre>in|since|until|till|by|during|from|through|throughout|before|after|around"
    r"|circa|of|as of|for)[ \t]+)?"
    r"(?:\b(?P<mod>early|late|mid|the end of|the start of|the beginning of|the middle of"
    r"|end of|spring|summer|autumn|fall|(?:the )?(?:spring|summer|autumn|fall) of)(?:[ \t]+|-))?"
    r"(?:\b(?P<art>an?|the|its|their|his|her)[ \t]+)?$",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"\b(?:(?P<shift>(?i:last|next|this coming|this past|this|coming|past))[ \t]+)?"
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?P<pos>['’]s)?\b"
    r"(?![ \t]+(?:Times|Telegraph|Express|Mirror|Herald|Post|Mail|Night Live|School|Service))"
)
_PART = re.compile(
    r"\b(?:(?P<det>this|last|tomorrow|yesterday|early in the|late in the|in the|during the"
    r"|on the|the)[ \t]+)?(?:(?P<mod>early|late)[ \t]+)?"
    r"(?P<part>morning|afternoon|evening|night|dawn|daybreak|dusk|nightfall|midmorning"
    r"|mid-morning|midafternoon|mid-afternoon)\b(?![-–])"
    r"|\b(?P<special>tonight|overnight)\b",
    re.IGNORECASE,
)
_CLOCK = re.compile(
    r"(?<![\d:.,])\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?[ \t]*"
    r"(?P<ampm>[ap]\.?m\b\.?|[AP]\.?M\b\.?)"
    r"|(?<![\d:.,])\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])"
    r"|\b(?P<named>noon|midday|midnight)\b"
)
_ZONE = re.compile(r"[ \t]*(?:local time|\(?(?:GMT|UTC|[A-Z]{1,3}T)\)?(?![A-Za-z]))")
_CLOCK_CUE = re.compile(r"(?i:\b(?:at|around|about|by|until|till|from|before|after|since"
                        r"|to|approximately|roughly)[ \t]+)$")
_NOW = re.compile(
    r"\b(?:right now|now|currently|at present|at the moment|presently|nowadays|these days"
    r"|earlier today|later today|today(?P<pos>['’]s)?)\b(?![-–])",
    re.IGNORECASE,
)
_DEICTIC = re.compile(
    r"\b(?:the day (?P<dd>before yesterday|after tomorrow)|(?P<yt>yesterday|tomorrow)"
    rf"|(?P<n>{_NUM}|{_FEW})[ \t]+(?P<unit>days?|weeks?|months?|years?)[ \t]+ago)\b",
    re.IGNORECASE,
)
_PERIOD = re.compile(
    r"\b(?:(?P<mod>early|earlier|late|later|mid|the end of|the start of|the beginning of"
    r"|the middle of|end of|start of|beginning of|middle of)(?:[ \t]+|-)(?:in[ \t]+)?)?"
    r"(?P<rel>this coming|this past|this|next|last|the coming|coming)[ \t]+"
    r"(?P<unit>week|weekend|month|year)\b",
    re.IGNORECASE,
)
_WEEKEND = re.compile(r"\b(?:over|during|at|on)[ \t]+the[ \t]+weekend\b", re.IGNORECASE)
_ROLLING = re.compile(
    r"\b(?:(?P<prep>in|over|within|during|for)[ \t]+)?(?:(?P<the>the)[ \t]+)?"
    r"(?P<dir>coming|next|past|last|recent)[ \t]+"
    rf"(?:(?P<n>{_NUM}|few|several|couple of)[ \t]+)?"
    r"(?P<unit>days|weeks|months|years|hours|day|week|month|year)\b",
    re.IGNORECASE,
)
_SOON = re.compile(r"\b(?P<w>soon|recently|lately|in the near future|before long)\b",
                   re.IGNORECASE)
_REL_WHICH = re.compile(
    r"\b(?:(?P<the>the)[ \t]+)?(?P<which>next|following|previous|preceding|same|prior)[ \t]+"
    r"(?P<unit>day|morning|afternoon|evening|night|week|weekend|month|year)\b",
    re.IGNORECASE,
)
_REL_COUNT = re.compile(
    rf"\b(?:(?P<n>{_NUM}|{_FEW})[ \t]+)?"
    r"(?P<unit>minutes?|hours?|days?|nights?|weeks?|months?|years?)"
    r"(?:[ \t]+and[ \t]+(?:a[ \t]+few|several|some|many|\w+)[ \t]+[a-z]+)?"
    r"[ \t]+(?P<dir>later|afterwards?|after|earlier|before|previously|prior)\b",
    re.IGNORECASE,
)
_REL_THE = re.compile(
    r"\bthe[ \t]+(?P<unit>day|night|morning|evening|afternoon|week|month|year)[ \t]+"
    r"(?P<dir>before|after|earlier|prior|later|previously)\b",
    re.IGNORECASE,
)
_REL_THAT = re.compile(
    r"\b(?:(?P<mod>later|earlier|late|early)[ \t]+)?(?:that(?:[ \t]+same)?|the[ \t]+same)[ \t]+"
    r"(?P<unit>day|morning|afternoon|evening|night|week|month|year)\b"
    r"|\b(?P<mod2>later|earlier)[ \t]+in[ \t]+the[ \t]+"
    r"(?P<unit2>day|morning|afternoon|evening|week|month|year)\b",
    re.IGNORECASE,
)
_REL_WORD = re.compile(
    r"\b(?P<w>(?:shortly|soon)[ \t]+(?:after(?:wards?)?|before|thereafter))\b"
    r"(?![ \t]+(?:\d|noon|midnight|midday|dawn|nightfall|(?-i:[A-Z])))"  # "shortly after 9"
    r"|\b(?P<w2>previously|beforehand|afterwards?|subsequently|thereafter)\b",
    re.IGNORECASE,
)

# Words in front of an expression that belong to it ("on", "around", "late on").
_PREFIX_WORD = re.compile(
    r"\b(?P<w>as early as|as late as|as of|no later than|not until|shortly before"
    r"|shortly after|soon after|just before|just after|right after|some time|sometime|on|at"
    r"|in|by|until|till|through|since|from|before|after|around|about|approximately|roughly"
    r"|circa|early|late|starting|beginning)[ \t]+",
    re.IGNORECASE,
)
_PREFIX_RUN = re.compile(rf"(?:{_PREFIX_WORD.pattern})+$", re.IGNORECASE)
_APPROX_WORDS = frozenset({"around", "about", "approximately", "roughly", "circa", "sometime",
                           "some time"})
_GLUE = re.compile(r"[ \t]*,?[ \t\n]*(?:(?:on|at|of)[ \t]+)?(?:the[ \t]+)?", re.IGNORECASE)

# --------------------------------------------------------------------------- tense

_SENTENCE_END = re.compile(
    r"\n[ \t]*\n|(?P<p>[.!?])[\"”’')\]]*[ \t\n]+(?=[\"“‘'(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
_CLAUSE_BREAK = re.compile(
    r"(?<!\d):(?!\d)|;|--|[ \t][—–][ \t]|[()]"
    r"|,[ \t]+(?=(?:and|but|where|which|though|although|while|whereas|who|whom|whose|when|as"
    r"|because|so|then|yet|according)\b)"
    r"|[ \t](?=(?:while|whereas|though|although|because)\b)"
    r"|[ \t](?=(?:as|when|after|before|since|until|if|where)[ \t]+(?:he|she|it|they|we|I|you)\b)",
    re.IGNORECASE,
)
_PAST_MODAL = re.compile(r"\b(?:may|might|could|would|should|must|will|to|likely)[ \t]+have\b"
                         r"|\b(?:has|have|had)[ \t]+(?:not[ \t]+)?(?:been|already|\w+ed)\b",
                         re.IGNORECASE)
_FUTURE = re.compile(
    r"\b(?:will|won['’]t|would|wouldn['’]t|shall|going to|gonna|could|might|likely"
    r"|(?:is|are|am|was|were)[ \t]+to"
    r"|(?:expected|set|scheduled|slated|planning|plans?|planned|intends?|intending|aims?"
    r"|poised|about|hoping|hopes)[ \t]+to"
    r"|scheduled|slated|upcoming|due[ \t]+(?:to[ \t]+(?:arrive|leave|depart|visit|meet|hold"
    r"|begin|start|end|finish|return|travel|take|make|be|land|reach|sail|dock|fly|attend"
    r"|speak|sign|open|close|go)|in|at|on)"
    r"|next[ \t]+(?:week|month|year|weekend))\b|['’]ll\b|\bmay\b",
    re.IGNORECASE,
)
_PAST_AUX = re.compile(r"\b(?:was|were|had|did|(?:was|were|had|did)n['’]t|ago"
                       r"|last[ \t]+(?:week|month|year|night))\b", re.IGNORECASE)
_WORD = re.compile(r"(?<![\w'’-])[A-Za-z]+\b")
_IRREGULAR_PAST = frozenset({
    "left", "went", "came", "met", "held", "took", "made", "flew", "said", "told", "saw", "gave",
    "got", "began", "spoke", "sat", "stood", "ran", "drove", "rode", "brought", "bought", "sent",
    "spent", "found", "led", "won", "lost", "became", "wrote", "thought", "knew", "heard", "kept",
    "paid", "fell", "felt", "broke", "chose", "sought", "fought", "caught", "taught", "struck",
    "meant", "woke", "wore", "arose", "drew", "grew", "threw", "swam", "shook", "sank", "rose",
    "hid", "fled", "dealt", "slept", "sped", "stole", "forgot", "understood", "withdrew",
    "overtook", "undertook", "oversaw"
})
_NOT_PAST_ED = frozenset({
    "need", "indeed", "speed", "seed", "feed", "breed", "proceed", "succeed", "exceed", "creed",
    "greed", "deed", "steed", "reed", "red", "bed", "shed", "hundred", "sled", "naked", "wicked",
    "sacred", "kindred", "beloved", "rugged", "aged", "crooked", "ragged", "expected", "scheduled",
    "planned", "supposed", "based", "united", "limited", "interested", "concerned", "isolated",
    "armoured", "armored", "advanced", "detailed", "related", "unprecedented", "alleged", "embed",
    "used"
})
_NOT_VERB_BEFORE = frozenset({
    "the", "a", "an", "these", "those", "its", "his", "her", "their", "our", "my", "your", "be",
    "been", "being", "is", "are", "am", "to", "of", "by", "with", "for", "from", "in", "on", "at",
    "very", "more", "most", "well", "not"
})


# ", arrived Monday" after "Kim, who was expected to arrive Tuesday": the comma closes the
# relative clause and the main verb starts a new one.
_VERB_AFTER_COMMA = re.compile(
    r",[ \t]+(?=(?:will|would|was|were|is|are|has|have|had|[a-z]{3,}ed|"
    + "|".join(sorted(_IRREGULAR_PAST)) + r")\b)")


def _sentence_breaks(text: str) -> list[int]:
    """Offsets where a sentence ends, skipping abbreviations ("Sept. 13", "Gov. Kim")."""
    breaks = []
    for m in _SENTENCE_END.finditer(text):
        if m.group("p") == ".":
            word = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
            if word:
                token = word.group(1)
                low = token.lower().rstrip(".")
                if low in ABBREVIATIONS or (len(token) == 1 and token.isupper()):
                    continue
                if low in ("a.m", "p.m") and re.match(
                        r"[ \t]*(?:local|GMT|UTC|on|Monday|Tuesday|Wednesday|Thursday|Friday"
                        r"|Saturday|Sunday)", text[m.end("p"):m.end("p") + 12]):
                    continue
        breaks.append(m.end())
    return breaks


def _clause(text: str, breaks: list[int], start: int, end: int) -> tuple[int, int]:
    i = bisect.bisect_right(breaks, start)
    lo = breaks[i - 1] if i else 0
    hi = breaks[i] if i < len(breaks) else len(text)
    hi = max(hi, end)
    for pattern in (_CLAUSE_BREAK, _VERB_AFTER_COMMA):
        for m in pattern.finditer(text, lo, hi):
            if m.end() <= start:
                lo = m.end()
            elif m.start() >= end:
                hi = m.start()
                break
    return lo, hi


def _tense_markers(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    markers: list[tuple[int, str]] = []
    covered: list[tuple[int, int]] = []
    for m in _PAST_MODAL.finditer(text, lo, hi):
        markers.append((m.start(), "past"))
        covered.append(m.span())
    for m in _FUTURE.finditer(text, lo, hi):
        if m.group() in ("May", "MAY") or any(a <= m.start() < b for a, b in covered):
            continue  # "May" is the month; "may have left" is past
        markers.append((m.start(), "future"))
    for m in _PAST_AUX.finditer(text, lo, hi):
        markers.append((m.start(), "past"))
    previous = ""
    for m in _WORD.finditer(text, lo, hi):
        word = m.group()
        if word in _IRREGULAR_PAST or (word.endswith("ed") and word not in _NOT_PAST_ED
                                       and len(word) > 4):
            after = text[m.end():m.end() + 4]
            if previous not in _NOT_VERB_BEFORE and not re.match(r"[ \t]+by\b", after):
                markers.append((m.start(), "past"))
        previous = word.lower()
    return markers


def _tense(text: str, breaks: list[int], start: int, end: int) -> str:
    lo, hi = _clause(text, breaks, start, end)
    markers = _tense_markers(text, lo, hi)
    before = {kind for pos, kind in markers if pos < start}
    if "future" in before:
        return "future"
    if "past" in before:
        return "past"
    after = sorted((pos, kind) for pos, kind in markers if pos >= end)
    return after[0][1] if after else "present"


def clause_tense(text: str, pos: int) -> str:
    """Tense of the clause around ``pos``: "past", "present" or "future".

    News mixes tenses within a sentence ("officials said the summit would take place
    Wednesday"), so only the clause around the expression counts. A future cue before the
    position beats a past one ("said ... would"); with no cue before it, the nearest cue after
    it decides ("On Tuesday, Kim arrived").
    """
    return _tense(text, _sentence_breaks(text), pos, pos)


# --------------------------------------------------------------------------- atoms


@dataclass(slots=True)
class _Atom:
    """One matched piece; adjacent pieces ("Friday" "morning" "5 March") merge into one."""

    start: int
    end: int
    kind: str
    slots: frozenset[str] = frozenset()
    standalone: bool = True
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    weekday: int | None = None
    shift: str | None = None
    part: str | None = None
    mod: str | None = None
    hour: int | None = None
    minute: int | None = None
    deictic: int | None = None
    relative: bool = False
    offset_days: int | None = None
    offset_hours: float | None = None
    direction: int = 0
    unit: str | None = None
    approx: bool = False
    period: Callable[[date, str], tuple[date, date]] | None = None
    prep: str | None = None
    possessive: bool = False


def _month_number(name: str) -> int:
    key = name.rstrip(".").lower()
    return MONTHS.get(key) or MONTHS[key[:3]]


def _valid(month: int, day: int, year: int | None = None) -> bool:
    try:
        date(year or 2000, month, day)
    except ValueError:
        return False
    return True


def _count(word: str | None) -> int | None:
    if word is None:
        return None
    word = word.lower()
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


def _date_atom(m: re.Match, kind: str = "date") -> _Atom | None:
    month = _month_number(m.group("m1"))
    day = int(re.match(r"\d+", m.group("d1")).group())
    year = int(m.group("y")) if m.group("y") else None
    if not _valid(month, day, year):
        return None
    atom = _Atom(m.start(), m.end(), kind, frozenset({"date"}), year=year, month=month, day=day)
    if m.group("d2"):
        end_month = _month_number(m.group("m2")) if "m2" in m.re.groupindex and m.group("m2") \
            else month
        end_day = int(re.match(r"\d+", m.group("d2")).group())
        if _valid(end_month, end_day) and (end_month, end_day) != (month, day):
            atom.end_month, atom.end_day = end_month, end_day
    return atom


def _numeric_date(m: re.Match) -> _Atom | None:
    year = int(m.group("y"))
    year = year + 2000 if year < 100 else year
    month, day = int(m.group("m")), int(m.group("d"))
    if not _valid(month, day, year):
        return None
    return _Atom(m.start(), m.end(), "date", frozenset({"date"}), year=year, month=month,
                 day=day)


def _month_only(m: re.Match, text: str) -> _Atom | None:
    context = _MONTH_CONTEXT.search(text, max(0, m.start() - 40), m.start())
    if not context and not m.group("y"):
        return None  # "May" the verb, "March" the verb: a bare month name is not a time
    words = re.findall(r"[a-z]+", context.group().lower()) if context else []
    atom = _Atom(context.start() if context else m.start(), m.end(), "date",
                 month=_month_number(m.group("m1")),
                 year=int(m.group("y")) if m.group("y") else None, unit="month")
    for word in words:
        if word in ("early", "start", "beginning"):
            atom.mod = "early"
        elif word in ("late", "end"):
            atom.mod = "late"
        elif word in ("mid", "middle"):
            atom.mod = "mid"
        elif word in ("last", "next", "this"):
            atom.shift = word
        elif word not in ("the", "of") and atom.prep is None:
            atom.prep = word
    return atom


def _nth(m: re.Match) -> _Atom:
    return _Atom(m.start(), m.end(), "date", frozenset({"date"}), day=int(m.group("d")),
                 prep="on" if m.group().lower().startswith("on") else None)


def _year(m: re.Match, text: str) -> _Atom | None:
    context = _YEAR_CONTEXT.search(text, max(0, m.start() - 40), m.start())
    pre, mod, art = context.group("pre", "mod", "art") if context else (None, None, None)
    if not (pre or mod or art):
        return None
    if art and not (pre or mod) and not re.match(r"[ \t]+[a-z]", text[m.end():m.end() + 2]):
        return None  # "the 2019 summit" is a year; "the 2019" alone is not
    start = m.start() if art and not (pre or mod) else context.start()
    atom = _Atom(start, m.end(), "year", year=int(m.group("y")), unit="year",
                 prep=pre.lower() if pre else None)
    if mod:
        low = mod.lower()
        for key, value in (("early", "early"), ("start", "early"), ("beginning", "early"),
                           ("late", "late"), ("end", "late"), ("mid", "mid"),
                           ("middle", "mid")):
            if key in low:
                atom.mod = value
                break
        else:
            season = low.split()[-2] if low.endswith(" of") else low
            atom.mod = season.replace("the ", "")
    return atom


def _weekday(m: re.Match) -> _Atom:
    shift = m.group("shift")
    return _Atom(m.start(), m.end(), "weekday", frozenset({"weekday"}),
                 weekday=_WEEKDAYS.index(m.group("wd").lower()),
                 shift=shift.lower() if shift else None, possessive=bool(m.group("pos")))


def _part(m: re.Match, text: str) -> _Atom | None:
    special = m.group("special")
    if special:
        special = special.lower()
        if special == "overnight" and re.search(r"\b(?:an?|the)[ \t]+$",
                                                text[max(0, m.start() - 5):m.start()],
                                                re.IGNORECASE):
            return None  # "an overnight train"
        if special == "tonight":
            return _Atom(m.start(), m.end(), "part", frozenset({"day", "part"}), part="tonight",
                         deictic=0)
        return _Atom(m.start(), m.end(), "part", frozenset({"part"}), part="overnight",
                     deictic=-1)
    det = (m.group("det") or "").lower()
    atom = _Atom(m.start(), m.end(), "part", frozenset({"part"}), part=m.group("part").lower(),
                 mod=m.group("mod").lower() if m.group("mod") else None)
    if det in ("this", "last", "tomorrow", "yesterday"):
        atom.slots = frozenset({"day", "part"})
        atom.deictic = {"this": 0, "last": -1, "tomorrow": 1, "yesterday": -1}[det]
        atom.offset_days = atom.deictic if det in ("tomorrow", "yesterday") else None
        atom.kind = "date" if det in ("tomorrow", "yesterday") else "part"
    elif det in ("in the", "during the", "early in the", "late in the"):
        atom.relative, atom.offset_days = True, 0
        atom.mod = atom.mod or (det.split()[0] if det.startswith(("early", "late")) else None)
    else:
        atom.standalone = False  # "morning" alone: only with a day ("Tuesday morning")
    return atom


def _clock(m: re.Match, text: str) -> _Atom | None:
    if m.group("named"):
        named = m.group("named")
        hour = 0 if named == "midnight" else 12
        atom = _Atom(m.start(), m.end(), "time", frozenset({"time"}), hour=hour, minute=0)
    elif m.group("h"):
        hour = int(m.group("h")) % 12
        if m.group("ampm").lower().startswith("p"):
            hour += 12
        atom = _Atom(m.start(), m.end(), "time", frozenset({"time"}), hour=hour,
                     minute=int(m.group("m") or 0))
    else:
        zone = _ZONE.match(text, m.end())
        if not zone and not _CLOCK_CUE.search(text, max(0, m.start() - 16), m.start()):
            return None  # "3:16" in a citation, a score
        atom = _Atom(m.start(), m.end(), "time", frozenset({"time"}), hour=int(m.group("h24")),
                     minute=int(m.group("m24")))
    zone = _ZONE.match(text, atom.end)
    if zone:
        atom.end = zone.end()
    atom.relative, atom.offset_days = True, 0
    return atom


def _now(m: re.Match, text: str) -> _Atom | None:
    word = m.group().lower()
    if word.startswith("today") and text[max(0, m.start() - 4):m.start()] == "USA ":
        return None
    atom = _Atom(m.start(), m.end(), "now", deictic=0, possessive=bool(m.group("pos")))
    if word.startswith("today"):
        atom.slots = frozenset({"day"})
    if word.startswith(("earlier", "later")):
        atom.approx = True
        atom.mod = "early" if word.startswith("earlier") else "late"
    return atom


def _deictic(m: re.Match) -> _Atom:
    if m.group("dd") or m.group("yt"):
        word = (m.group("dd") or m.group("yt")).lower()
        offset = {"before yesterday": -2, "after tomorrow": 2, "yesterday": -1,
                  "tomorrow": 1}[word]
        return _Atom(m.start(), m.end(), "date", frozenset({"day"}), deictic=offset,
                     offset_days=offset)
    n = _count(m.group("n"))
    unit = m.group("unit").lower().rstrip("s")
    approx = n is None or unit != "day"
    n = 3 if n is None else n
    if unit in ("day", "week"):
        days = -n * _UNIT_DAYS[unit]
        return _Atom(m.start(), m.end(), "date", frozenset({"day"}), deictic=days,
                     offset_days=days, approx=approx, unit="day")

    def period(anchor: date, tense: str) -> tuple[date, date]:
        if unit == "month":
            first = _add_months(anchor.replace(day=1), -n)
            return first, _add_months(first, 1)
        return date(anchor.year - n, 1, 1), date(anchor.year - n + 1, 1, 1)

    return _Atom(m.start(), m.end(), "vague" if unit == "month" else "year", period=period,
                 approx=True, unit=unit)


def _add_months(first: date, k: int) -> date:
    index = first.year * 12 + first.month - 1 + k
    return date(index // 12, index % 12 + 1, 1)


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _calendar_period(anchor: date, unit: str, step: int) -> tuple[date, date]:
    """The week, weekend, month or year ``step`` periods from the anchor's own."""
    if unit == "week":
        first = _week_start(anchor) + timedelta(days=7 * step)
        return first, first + timedelta(days=7)
    if unit == "weekend":
        first = _week_start(anchor) + timedelta(days=5 + 7 * step)
        return first, first + timedelta(days=2)
    if unit == "month":
        first = _add_months(anchor.replace(day=1), step)
        return first, _add_months(first, 1)
    return date(anchor.year + step, 1, 1), date(anchor.year + step + 1, 1, 1)


def _narrow(first: date, last: date, mod: str | None, unit: str) -> tuple[date, date]:
    """The early, middle or late part of a period ("early next week": Monday to Wednesday)."""
    if not mod:
        return first, last
    if unit == "year" and mod in ("spring", "summer", "autumn", "fall"):
        start = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}[mod]
        return first.replace(month=start), first.replace(month=start + 3)
    if unit == "year":
        start = {"early": 1, "mid": 5, "late": 9}.get(mod, 1)
        return first.replace(month=start), (first.replace(month=start + 4) if start < 9
                                             else last)
    if unit == "month":
        if mod == "early":
            return first, first.replace(day=11)
        if mod == "mid":
            return first.replace(day=11), first.replace(day=21)
        return first.replace(day=21), last
    if unit == "week":
        offsets = {"early": (0, 3), "mid": (1, 4), "late": (3, 7)}.get(mod, (0, 7))
        return first + timedelta(days=offsets[0]), first + timedelta(days=offsets[1])
    return first, last


def _period_atom(m: re.Match) -> _Atom | None:
    rel = m.group("rel").lower()
    unit = m.group("unit").lower()
    if rel == "last" and re.search(r"\bthe[ \t]+$", m.string[max(0, m.start() - 4):m.start()],
                                   re.IGNORECASE):
        return None  # "the last week of June" is the final week, not the previous one
    step = {"this": 0, "this coming": 1 if unit == "weekend" else 0, "this past": -1,
            "next": 1, "last": -1, "the coming": 1, "coming": 1}[rel]
    mod = (m.group("mod") or "").lower()
    when = ("earlier" if mod == "earlier" else "later" if mod == "later" else
            "early" if mod.endswith(("early", "start of", "beginning of")) else
            "late" if mod.endswith(("late", "end of")) else
            "mid" if mod.endswith(("mid", "middle of")) else None)

    def period(anchor: date, tense: str) -> tuple[date, date]:
        first, last = _calendar_period(anchor, unit, step)
        if when == "earlier" and step == 0:
            return first, max(first + timedelta(days=1), anchor + timedelta(days=1))
        if when == "later" and step == 0:
            return min(anchor, last - timedelta(days=1)), last
        narrow = {"earlier": "early", "later": "late"}.get(when or "", when)
        return _narrow(first, last, narrow, unit)

    kind = "now" if (rel, unit, when) == ("this", "week", None) else "vague"
    return _Atom(m.start(), m.end(), kind, period=period, approx=when is not None, unit=unit)


def _weekend(m: re.Match) -> _Atom:
    def period(anchor: date, tense: str) -> tuple[date, date]:
        saturday = _week_start(anchor) + timedelta(days=5)
        if tense == "past" and anchor < saturday:
            saturday -= timedelta(days=7)
        return saturday, saturday + timedelta(days=2)

    return _Atom(m.start(), m.end(), "vague", period=period, unit="weekend")


def _rolling(m: re.Match) -> _Atom | None:
    direction = m.group("dir").lower()
    unit = m.group("unit").lower()
    n = _count(m.group("n"))
    plural = unit.endswith("s")
    unit = unit.rstrip("s")
    if direction == "recent" and not (plural and m.group("prep")):
        return None
    if not plural and n is None:
        if direction == "next" and not m.group("prep"):
            return None  # "the next week" after a date is relative to that date
        if direction == "last" or (direction != "past" and direction != "coming"
                                   and direction != "next"):
            return None
    if not m.group("prep") and not m.group("the") and direction in ("next", "last", "coming"):
        return None  # "next week", "last year": calendar periods, matched elsewhere
    count = n if n is not None else (1 if not plural else 3 if unit != "hour" else 12)
    hours = count * (24 * _UNIT_DAYS[unit] if unit != "hour" else 1)
    days = max(1, -(-hours // 24))
    ahead = direction in ("coming", "next")

    def period(anchor: date, tense: str) -> tuple[date, date]:
        if ahead:
            return anchor, anchor + timedelta(days=days)
        return anchor - timedelta(days=days), anchor + timedelta(days=1)

    return _Atom(m.start(), m.end(), "vague", period=period, approx=True, unit=unit,
                 prep=m.group("prep").lower() if m.group("prep") else None)


def _soon(m: re.Match, text: str) -> _Atom | None:
    word = m.group("w").lower()
    if word == "soon" and re.search(r"\bas[ \t]+$", text[max(0, m.start() - 4):m.start()],
                                    re.IGNORECASE):
        return None  # "as soon as"
    spans = {"soon": (0, 14), "before long": (0, 14), "in the near future": (0, 30),
             "recently": (-30, 1), "lately": (-30, 1)}[word]

    def period(anchor: date, tense: str) -> tuple[date, date]:
        return anchor + timedelta(days=spans[0]), anchor + timedelta(days=spans[1])

    return _Atom(m.start(), m.end(), "vague", period=period, approx=True)


def _relative(start: int, end: int, offset: int | None, unit: str, direction: int,
              part: str | None = None, approx: bool = False, hours: float | None = None,
              slots: frozenset[str] = frozenset({"day"})) -> _Atom:
    return _Atom(start, end, "relative", slots, relative=True, offset_days=offset, unit=unit,
                 direction=direction, part=part, approx=approx, offset_hours=hours)


def _rel_which(m: re.Match) -> _Atom | None:
    which = m.group("which").lower()
    unit = m.group("unit").lower()
    dayish = unit in ("day", "morning", "afternoon", "evening", "night")
    if not m.group("the") and not (which in ("next", "following") and dayish):
        return None
    sign = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1,
            "same": 0}[which]
    part = unit if unit in _PARTS else None
    base = "day" if dayish else unit
    slots = frozenset({"day"}) if dayish and not part else (
        frozenset({"day", "part"}) if part else frozenset())
    return _relative(m.start(), m.end(), sign * _UNIT_DAYS[base], base, sign, part,
                     slots=slots)


def _rel_count(m: re.Match) -> _Atom | None:
    unit = m.group("unit").lower()
    n = _count(m.group("n"))
    plural = unit.endswith("s")
    if m.group("n") is None and not plural:
        return None  # "day before" without a number: "the day before" is matched elsewhere
    unit = unit.rstrip("s")
    direction = -1 if m.group("dir").lower() in ("earlier", "before", "previously",
                                                 "prior") else 1
    if unit in ("minute", "hour"):
        hours = None if n is None else n * (1 if unit == "hour" else 1 / 60)
        offset = 0 if hours is None else int(direction * hours // 24) if direction > 0 \
            else -int(hours // 24)
        return _relative(m.start(), m.end(), offset, "hour", direction, approx=n is None,
                         hours=None if hours is None else direction * hours)
    base = "day" if unit in ("night", "week") else unit
    if n is None:
        return _relative(m.start(), m.end(), None, base, direction, approx=True,
                         slots=frozenset())
    return _relative(m.start(), m.end(), direction * n * _UNIT_DAYS[unit], base, direction,
                     slots=frozenset({"day"}) if base == "day" else frozenset())


def _rel_the(m: re.Match) -> _Atom:
    unit = m.group("unit").lower()
    direction = -1 if m.group("dir").lower() in ("before", "earlier", "prior",
                                                 "previously") else 1
    part = unit if unit in _PARTS else None
    base = "day" if part or unit == "day" else unit
    return _relative(m.start(), m.end(), direction * _UNIT_DAYS[base], base, direction, part,
                     slots=frozenset({"day", "part"}) if part else frozenset({"day"}))


def _rel_that(m: re.Match) -> _Atom:
    unit = (m.group("unit") or m.group("unit2")).lower()
    mod = (m.group("mod") or m.group("mod2") or "").lower()
    part = unit if unit in _PARTS else None
    base = "day" if part or unit == "day" else unit
    atom = _relative(m.start(), m.end(), 0, base, 0, part, approx=bool(mod),
                     slots=frozenset({"day", "part"}) if part else frozenset({"day"}))
    atom.mod = {"later": "late", "earlier": "early"}.get(mod, mod or None)
    return atom


def _rel_word(m: re.Match) -> _Atom:
    word = re.sub(r"\s+", " ", (m.group("w") or m.group("w2")).lower())
    if word in ("previously", "beforehand"):
        return _relative(m.start(), m.end(), None, "day", -1, approx=True, slots=frozenset())
    if word.startswith(("shortly", "soon")):
        direction = -1 if word.endswith("before") else 1
        return _relative(m.start(), m.end(), 0, "hour", direction, approx=True,
                         slots=frozenset())
    return _relative(m.start(), m.end(), None, "day", 1, approx=True, slots=frozenset())


# (pattern, handler, takes the text) in priority order for equally long matches.
_FINDERS: tuple[tuple[re.Pattern[str], Callable, bool], ...] = (
    (_ISO, _numeric_date, False),
    (_US, _numeric_date, False),
    (_MDY, _date_atom, False),
    (_DMY, _date_atom, False),
    (_MONTH_ONLY, _month_only, True),
    (_NTH, _nth, False),
    (_DEICTIC, _deictic, False),
    (_PERIOD, _period_atom, False),
    (_WEEKEND, _weekend, False),
    (_REL_WHICH, _rel_which, False),
    (_REL_THE, _rel_the, False),
    (_REL_THAT, _rel_that, False),
    (_REL_COUNT, _rel_count, False),
    (_REL_WORD, _rel_word, False),
    (_ROLLING, _rolling, False),
    (_SOON, _soon, True),
    (_WEEKDAY, _weekday, False),
    (_PART, _part, True),
    (_CLOCK, _clock, True),
    (_NOW, _now, True),
    (_YEAR_CTX, _year, True),
)


def _atoms(text: str) -> list[_Atom]:
    """All matches, then the longest of overlapping ones (earlier finders win ties)."""
    found: list[tuple[int, int, int, _Atom]] = []
    for priority, (pattern, handler, wants_text) in enumerate(_FINDERS):
        for m in pattern.finditer(text):
            atom = handler(m, text) if wants_text else handler(m)
            if atom is not None:
                found.append((-(atom.end - atom.start), priority, atom.start, atom))
    found.sort(key=lambda item: item[:3])
    taken: list[tuple[int, int]] = []
    chosen = []
    for _, _, _, atom in found:
        i = bisect.bisect_left(taken, (atom.start, atom.end))
        if i and taken[i - 1][1] > atom.start:
            continue
        if i < len(taken) and taken[i][0] < atom.end:
            continue
        taken.insert(i, (atom.start, atom.end))
        chosen.append(atom)
    chosen.sort(key=lambda a: a.start)
    return chosen


def _compatible(group: list[_Atom], atom: _Atom) -> bool:
    used = frozenset().union(*(a.slots for a in group))
    if not atom.slots or not used or used & atom.slots or atom.possessive:
        return False
    if any(a.possessive for a in group):
        return False
    days = used | atom.slots
    return not ("day" in days and days & {"date", "weekday"})


def _groups(text: str, atoms: list[_Atom]) -> list[list[_Atom]]:
    groups: list[list[_Atom]] = []
    for atom in atoms:
        if groups:
            last = groups[-1]
            gap = text[last[-1].end:atom.start]
            if ("\n\n" not in gap and _GLUE.fullmatch(gap) and _compatible(last, atom)):
                last.append(atom)
                continue
        groups.append([atom])
    return [g for g in groups if len(g) > 1 or g[0].standalone]


_KIND_ORDER = ("vague", "year", "date", "weekday", "relative", "now", "part", "time")


def _merge(group: list[_Atom]) -> _Atom:
    if len(group) == 1:
        return group[0]
    merged = _Atom(group[0].start, group[-1].end, "time")
    merged.kind = min((a.kind for a in group), key=_KIND_ORDER.index)
    for atom in group:
        for name in ("year", "month", "day", "end_month", "end_day", "weekday", "shift", "part",
                     "mod", "hour", "minute", "deictic", "offset_days", "offset_hours", "unit",
                     "period", "prep"):
            if getattr(merged, name) is None and getattr(atom, name) is not None:
                setattr(merged, name, getattr(atom, name))
        merged.approx |= atom.approx
        merged.direction = merged.direction or atom.direction
    anchored = any(a.month is not None or a.weekday is not None or a.day is not None
                   or (a.deictic is not None and not a.relative) for a in group)
    merged.relative = not anchored and any(a.relative for a in group)
    if not merged.relative:
        merged.offset_days = next((a.offset_days for a in group if a.deictic is not None), None)
    else:
        merged.offset_days = next(a.offset_days for a in group if a.relative)
        if merged.kind == "part" and any(a.kind == "relative" for a in group):
            merged.kind = "relative"
    return merged


def _prefix(text: str, start: int, floor: int, has_clock: bool) -> tuple[int, list[str]]:
    """Words in front that belong to the expression, innermost last."""
    window_start = max(floor, start - 40)
    run = _PREFIX_RUN.search(text, window_start, start)
    if not run:
        return start, []
    words = [(m.start(), re.sub(r"\s+", " ", m.group("w").lower()))
             for m in _PREFIX_WORD.finditer(text, run.start(), start)]
    new_start, kept = start, []
    for position, word in reversed(words):
        if word == "about" and not has_clock:
            break  # "talked about Tuesday's meeting"
        new_start = position
        kept.insert(0, word)
    return new_start, kept


# --------------------------------------------------------------------------- resolution


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def _weekday_date(anchor: date, weekday: int, tense: str, shift: str | None) -> date:
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if shift in ("last", "this past", "past"):
        return anchor - timedelta(days=back or 7)
    if shift in ("next", "coming", "this coming"):
        return anchor + timedelta(days=ahead or 7)
    if tense == "past":
        return anchor - timedelta(days=back)
    if tense == "future":
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back) if back <= ahead else anchor + timedelta(days=ahead)


def _safe(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, 28)


def _pick_year(anchor: date, month: int, day: int, tense: str, weekday: int | None) -> int:
    """The anchor's year, unless the tense puts the day in the year before or after."""
    year = anchor.year
    distance = (_safe(year, month, day) - anchor).days
    if distance > 183 and tense != "future":
        year -= 1
    elif distance < -183 and tense != "past":
        year += 1
    if weekday is not None:
        for candidate in (year, year - 1, year + 1):
            if _valid(month, day, candidate) and date(candidate, month, day).weekday() == weekday:
                return candidate
    return year


def _month_year(anchor: date, month: int, shift: str | None, tense: str) -> int:
    if shift == "last":
        return anchor.year if month < anchor.month else anchor.year - 1
    if shift == "next":
        return anchor.year if month > anchor.month else anchor.year + 1
    if shift == "this":
        return anchor.year
    # "visited Beijing in September", told in June: last September.
    if tense == "past" and month > anchor.month:
        return anchor.year - 1
    if tense == "future" and month < anchor.month:
        return anchor.year + 1
    return _pick_year(anchor, month, 15, tense, None)


def _nth_month(anchor: date, day: int, tense: str) -> date | None:
    here = anchor.replace(day=1)
    candidates = [(_add_months(here, k)) for k in (-1, 0, 1)]
    options = [date(c.year, c.month, day) for c in candidates if _valid(c.month, day, c.year)]
    if tense == "past":
        options = [o for o in options if o <= anchor] or options
    elif tense == "future":
        options = [o for o in options if o >= anchor] or options
    return min(options, key=lambda o: abs((o - anchor).days)) if options else None


def _day_interval(day: date, part: str | None, mod: str | None, hour: int | None,
                  minute: int | None) -> tuple[datetime, datetime]:
    start = _midnight(day)
    if hour is not None:
        moment = start + timedelta(hours=hour, minutes=minute or 0)
        return moment, moment + timedelta(minutes=1)
    lo, hi = _PARTS.get(part or "", (0, 24))
    if mod and part:
        middle = (lo + hi) / 2
        lo, hi = (lo, middle) if mod == "early" else (middle, hi) if mod == "late" else (lo, hi)
    elif mod:
        lo, hi = (0, 12) if mod == "early" else (12, 24) if mod == "late" else (8, 16)
    return start + timedelta(hours=lo), start + timedelta(hours=hi)


def _build(text: str, g: _Atom, anchor: date | None, tense: str, prefix: list[str],
           start: int) -> TimeExpr:
    approx = g.approx or any(w in _APPROX_WORDS for w in prefix)
    mod = g.mod
    for word in prefix:
        if word in ("early", "late"):
            mod = word
    preps = [w for w in prefix if w not in _APPROX_WORDS and w not in ("early", "late")]
    prep = preps[0] if preps else g.prep
    kind = g.kind
    start_dt = end_dt = None
    year, month, day, weekday = g.year, g.month, g.day, g.weekday
    end_month, end_day = g.end_month, g.end_day
    if g.period is not None:
        if anchor is not None:
            first, last = g.period(anchor, tense)
            start_dt, end_dt = _midnight(first), _midnight(last)
    elif kind == "year":
        first, last = _narrow(date(year, 1, 1), date(year + 1, 1, 1), mod, "year")
        start_dt, end_dt = _midnight(first), _midnight(last)
        approx = approx or mod is not None
    else:
        first = last = None
        if month is not None:
            if year is None and anchor is not None:
                year = (_month_year(anchor, month, g.shift, tense) if day is None else
                        _pick_year(anchor, month, day, tense, weekday))
            if year is not None and day is None:
                first, last = _narrow(date(year, month, 1), _add_months(date(year, month, 1), 1),
                                      mod, "month")
                approx = approx or mod is not None
            elif year is not None:
                first = date(year, month, day)
                last = first + timedelta(days=1)
                if end_day is not None:
                    end_year = year
                    if (end_month, end_day) < (month, day):  # "Dec. 30 - Jan. 2"
                        if g.year is not None:  # a stated year belongs to the end
                            year -= 1
                            first = date(year, month, day)
                        else:
                            end_year += 1
                    if _valid(end_month, end_day, end_year):
                        last = date(end_year, end_month, end_day) + timedelta(days=1)
        elif day is not None:
            if anchor is not None:
                first = _nth_month(anchor, day, tense)
                last = first + timedelta(days=1) if first else None
        elif weekday is not None:
            if anchor is not None:
                first = _weekday_date(anchor, weekday, tense, g.shift)
                last = first + timedelta(days=1)
        elif g.deictic is not None and not g.relative and anchor is not None:
            shift = g.deictic
            if g.part == "overnight" and tense == "future":
                shift = 0
            first = anchor + timedelta(days=shift)
            last = first + timedelta(days=1)
            if g.unit == "day" and g.approx:
                first, last = first - timedelta(days=3), last + timedelta(days=3)
        if first is not None and last is not None:
            if (last - first).days == 1:
                start_dt, end_dt = _day_interval(first, g.part, mod, g.hour, g.minute)
                approx = approx or (mod is not None and g.hour is None)
            else:
                start_dt, end_dt = _midnight(first), _midnight(last)
            if approx and any(w in _APPROX_WORDS for w in prefix):
                if g.hour is not None:
                    start_dt -= timedelta(minutes=30)
                    end_dt = start_dt + timedelta(hours=1)
                else:
                    start_dt -= timedelta(days=1)
                    end_dt += timedelta(days=1)
                    kind = "vague"
        elif (approx and g.hour is None and any(w in _APPROX_WORDS for w in prefix)
              and kind in ("date", "weekday")):
            kind = "vague"
    if start_dt is not None and kind != "vague" and end_dt - start_dt <= timedelta(days=1):
        year, month, day, weekday = start_dt.year, start_dt.month, start_dt.day, start_dt.weekday()
    elif start_dt is not None and kind == "date" and year is None:
        year = start_dt.year
    if month is not None and day is not None and weekday is None and year is not None:
        weekday = date(year, month, day).weekday() if _valid(month, day, year) else None
    relative = g.relative and start_dt is None
    return TimeExpr(
        start=start, end=g.end, text=text[start:g.end], kind=kind, start_dt=start_dt,
        end_dt=end_dt, approx=approx, relative=relative,
        offset_days=g.offset_days if (relative or g.deictic is not None) else None,
        tense=tense, year=year, month=month, day=day, end_month=end_month, end_day=end_day,
        weekday=weekday, part=g.part, hour=g.hour, minute=g.minute,
        offset_hours=g.offset_hours if relative else None, direction=g.direction,
        unit=g.unit, prep=prep,
    )


def find_times(text: str, anchor: date | None = None) -> list[TimeExpr]:
    """All time expressions in text order. Weekdays are resolved by the tense of their own clause.

    ``anchor`` is the document's date (publication date or dateline). Without it, nothing that
    depends on it gets an interval, but dates keep ``month``/``day`` and weekdays ``weekday``,
    so events can still be ordered. Cues relative to an earlier time in the story ("the next
    day", a bare "at 9 p.m.") come back with ``relative=True``; see ``resolve_relative``.
    """
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    breaks = _sentence_breaks(text)
    result: list[TimeExpr] = []
    floor = 0
    for group in _groups(text, _atoms(text)):
        atom = _merge(group)
        start, prefix = _prefix(text, atom.start, floor, atom.hour is not None)
        tense = _tense(text, breaks, atom.start, atom.end)
        result.append(_build(text, atom, anchor, tense, prefix, start))
        floor = atom.end
    return result


def resolve_relative(expr: TimeExpr, previous: TimeExpr) -> TimeExpr:
    """Place a cue such as "the next day" or "at 9 p.m." against the time before it.

    Only the caller knows which earlier expression a cue refers to (usually the last resolved
    one in the story), so ``find_times`` leaves these open. Without an interval on
    ``previous``, calendar fields are still carried forward: "the next day" after "June 17"
    is June 18 even when the year is unknown.
    """
    if not expr.relative:
        return expr
    if previous.start_dt is None or previous.end_dt is None:
        return _shift_fields(expr, previous)
    approx = expr.approx
    span = previous.end_dt - previous.start_dt
    unit = expr.unit or "day"
    if span > timedelta(days=1):
        approx = approx or unit in ("day", "hour")
        base = (previous.end_dt - timedelta(microseconds=1)).date() if expr.direction > 0 \
            else previous.start_dt.date()
    else:
        base = previous.start_dt.date()
    if unit == "hour":
        if expr.offset_hours is not None and previous.hour is not None:
            moment = previous.start_dt + timedelta(hours=expr.offset_hours)
            start, end = moment - timedelta(minutes=30), moment + timedelta(minutes=30)
        elif previous.hour is not None:
            start = previous.start_dt
            end = start + timedelta(hours=12 * (expr.direction or 1))
            start, end = min(start, end), max(start, end)
        else:
            day = base + timedelta(days=expr.offset_days or 0)
            start, end = _midnight(day), _midnight(day + timedelta(days=1))
        approx = True
    elif expr.offset_days is None:
        if expr.direction < 0:
            start, end = None, previous.start_dt
        else:
            start = _midnight(base + timedelta(days=1))
            end = start + timedelta(days=7)
        approx = True
    elif unit == "week":
        first = _week_start(base + timedelta(days=expr.offset_days))
        start, end = _midnight(first), _midnight(first + timedelta(days=7))
    elif unit == "month":
        first = _add_months(base.replace(day=1), round(expr.offset_days / 30))
        start, end = _midnight(first), _midnight(_add_months(first, 1))
    elif unit == "year":
        y = base.year + round(expr.offset_days / 365)
        start, end = datetime(y, 1, 1), datetime(y + 1, 1, 1)
    else:
        day = base + timedelta(days=expr.offset_days)
        hour = expr.hour
        start, end = _day_interval(day, expr.part, None, hour, expr.minute)
        if expr.approx and hour is None and expr.part is None:
            mod = "early" if expr.direction < 0 else None
            start, end = _day_interval(day, None, mod, None, None) if mod else (start, end)
    fields = {}
    if start is not None and end is not None and end - start <= timedelta(days=1):
        fields = {"year": start.year, "month": start.month, "day": start.day,
                  "weekday": start.weekday()}
    return replace(expr, start_dt=start, end_dt=end, approx=approx, **fields)


def _shift_fields(expr: TimeExpr, previous: TimeExpr) -> TimeExpr:
    """Carry month/day and weekday forward when no interval is known (no anchor)."""
    offset = expr.offset_days
    if offset is None or (expr.unit or "day") not in ("day", "hour"):
        return expr
    fields: dict[str, int | None] = {}
    if previous.month is not None and previous.day is not None:
        year = previous.year or (2000 if (previous.month, previous.day) == (2, 29) else 2001)
        moved = date(year, previous.month, previous.day) + timedelta(days=offset)
        fields.update(month=moved.month, day=moved.day,
                      year=moved.year if previous.year else None)
    if previous.weekday is not None:
        fields["weekday"] = (previous.weekday + offset) % 7
    return replace(expr, **fields) if fields else expr
