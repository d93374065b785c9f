"""Find the place mentions in a news text: the first stage of the pipeline.

Mentions come from the gazetteer and from the text's own signals together:

1. Runs of capitalised words (with "of", "de", "upon"... inside, and a trailing lower-case
   type word: "the Amur region") are cut into the longest spans the gazetteer or the alias
   table knows ("Far Eastern Federal University", "North Korean", "U.S.", "Calif.").
2. Spans are judged by their neighbours: after a title ("President Vladimir Putin") or before
   a surname that is no dictionary word ("Vladimir Putin", "Kim Jong-un") they are people,
   and every later bare use of those names is too; before an organisation word ("Paris
   Police", "Korean Central News Agency") they are kept but marked ``embedded``; a dictionary
   word that starts a sentence ("March", "Police") needs a major place behind it.
3. The dateline place, descriptors ("the Russian border city of Khasan": a town in Russia),
   containers ("Alexandria, La.", "Vostochny ... in the Amur region") and relative phrases
   ("north of Vladivostok", "20 km east of X", "near X") become hints and relative mentions.

The output is plain :class:`~routes.model.Mention` objects plus the gazetteer candidates for
every query, so resolution (:mod:`routes.resolve`) never queries the index again.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from .gazetteer import Gazetteer
from .lexicon import (
    DIRECTIONS,
    NEVER_PLACES,
    ORG_TAILS,
    PERSON_TITLES,
    SPEECH_VERBS,
    STORM_WORDS,
    aliases,
)
from .model import Mention, Place
from .names import PREFIX_TYPE_WORDS, TYPE_WORDS, fold, split_type
from .news import MONTHS, NewsStructure, read_structure
from .text import Sentence, Token, sentences, split_at_hyphens

__all__ = ["find_mentions"]

MAX_TOKENS = 6
_CONNECTORS = frozenset({"of", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des",
                         "la", "le", "upon", "on", "am", "an", "der", "al", "el", "y", "and"})
# Words inside a longer name ("Sierra Madre del Sur", "Casa de Campo", "Hassan al Turabi"): a
# known name before one is part of a name the index does not hold. Not "of": "the Gold Coast of
# Australia" is the Gold Coast, in its container.
_NAME_LINKS = _CONNECTORS - {"and", "y", "on", "upon", "am", "an", "of"}
# Heads of natural features: a town read from the words before one ("King George Island",
# "Torres Strait", "Naugatuck River") is only the feature's namesake, as a town before
# "Police" is the police's.
_NATURAL_HEADS = frozenset({"river", "island", "islands", "peninsula", "strait", "sea"})
_LOWER_HEADS = _NATURAL_HEADS | {"region", "province", "oblast", "krai", "prefecture",
                                 "governorate", "county", "district", "station", "cosmodrome",
                                 "airport"}
_DASHES = frozenset({"--", "—", "–", "-", ":", '"', "“", "(", "'", "‘"})
_MAJOR_KINDS = frozenset({"country", "continent", "sea"})
_LOCATIVES = frozenset({"from", "in", "at", "of", "near", "outside"})
_SPOKESPEOPLE = SPEECH_VERBS | {"official", "officials", "spokesman", "spokeswoman",
                                "spokesperson", "aide", "aides", "adviser", "advisers",
                                "believes", "wants", "denied", "confirmed"}
_CONTAINER_KINDS = frozenset({"country", "region", "island", "peninsula", "area"})
_DESCRIPTOR = re.compile(
    r"(?:\b(?P<adj>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) )?(?:[a-z-]+ ){0,2}"
    r"(?P<noun>city|town|village|port|capital|region|province|state|island|river|district|"
    r"county|country|republic|oblast|krai|settlement|resort|municipality) of (?:the )?$"
)
_RELATIVE = re.compile(
    r"(?:(?P<dist>\d+(?:[.,]\d+)?)\s*(?:-\s*)?(?P<unit>km|kilometers?|kilometres?|miles?|mi)\s+"
    r"(?:to the\s+)?)?(?P<dir>" + "|".join(sorted(DIRECTIONS, key=len, reverse=True)) +
    r")\s+(?:of\s+)(?:the\s+)?$"
    r"|(?P<near>\bnear|\boutside|\bclose to|\bjust outside|\bon the outskirts of|\bnear to"
    r"|\bin the vicinity of|\baround)\s+(?:the\s+)?$"
    r"|(?P<border>\bborder with|\bborder of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

_RELATIVE_LAST = re.compile(r"(?:of|the|near|outside|to|around|with)$", re.IGNORECASE)


_ON_ISLAND = re.compile(r"\s+on\s+(?:the\s+)?(?:island\s+of\s+)?", re.IGNORECASE)
_LIST_GAP = re.compile(r",\s*|,?\s+(?:and|or)\s+(?:the\s+)?")
_PLURAL_TYPE = re.compile(r"\s+(?:counties|states|provinces|regions|districts|rivers|islands|"
                          r"cities|towns|villages|oblasts|parishes)\b", re.IGNORECASE)
_CONJUNCTION = re.compile(r"\b(?:and|or)\b")
_CONTRACTION = re.compile(r"['’](?:ve|re|ll|d|m|t)$", re.IGNORECASE)


# A title as written before a name ("President", "president", "Gov" before its full stop),
# and the one or two names after it in the same sentence ("the Ministry of Justice. Azerbaijan
# has..." names no one).
_TITLE_FORMS = frozenset(form for title in PERSON_TITLES for form in (title, title.capitalize())
                         ) | STORM_WORDS
_TITLE_TAIL = re.compile(r"\.?\s+(?P<names>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
_SURNAME = r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
# A capital with no word character before it: the same as a word boundary before it, but
# written so the pattern starts with a character class, which the regex engine scans for in C.
_WORD_CAPITAL = r"[A-Z](?<!\w[A-Z])"
_FULL_NAME = re.compile(rf"(?P<given>{_WORD_CAPITAL}[a-z]{{2,}})\s+(?:(?P<initial>[A-Z]\.)\s+)?"
                        rf"(?P<surname>{_SURNAME})\b")
# Every three capitalised words in a row, for middle names ("Terry Lee Jolly"): only the first
# is consumed, so the second can start the next match.
_MIDDLE_NAME = re.compile(rf"(?P<given>{_WORD_CAPITAL}[a-z]{{2,}})(?=\s+(?P<middle>[A-Z][a-z]+)\s+"
                          rf"(?P<surname>{_SURNAME})\b)")
# "Hailey, 6," or "Jolly, 60, of Lebanon": a name with an age after it is a person's.
_AGE = re.compile(r",\s*\d{1,3}\s*(?:\)|,(?!\d))")


# "Dublin City Council", "Bloomfield Town Hall": a town's own bodies. Not "State": the
# "Washington State Patrol" are the state's, whatever the story's "Washington" is.
_TOWN_BODY = re.compile(r"(?P<town>.+) (?:City|Town|Township|Village|Borough)")

# A name the index matches only loosely (a transliteration guess: "Nassirya" for Nasiriyah)
# is a place when its best reading scores this much: in practice a country, a capital or a
# curated place. After a word that says where someone goes or is ("fly to Nassirya", "in"),
# and ending its run of capitalised words, a city of about 100,000 people will do.
_LOOSE, _LOOSE_AFTER_MOTION = 12.0, 9.5
_MOTION = frozenset({"to", "into", "in", "from", "at", "via", "towards", "toward"})
_ARTICLES = frozenset({"the", "a", "an"})
_WEEKDAYS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_CALENDAR = frozenset(MONTHS) | _WEEKDAYS


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and not _CONTRACTION.search(token.text)


def _name_word(token: Token) -> bool:
    """A capitalised word (not a capitalised symbol or a contraction like "I've")."""
    return _capitalised(token) and token.text[0].isalpha()


def _runs(tokens: tuple[Token, ...], capitals: list[int]) -> list[tuple[int, int]]:
    """(first, last+1) token ranges of capitalised runs within one sentence.

    ``capitals`` are the indices of the capitalised tokens, the only ones a run starts at.
    """
    runs = []
    j = 0
    for i in capitals:
        if i < j or not _name_word(tokens[i]):
            continue
        j = i + 1
        while j < len(tokens):
            tok, prev = tokens[j], tokens[j - 1]
            touching = tok.start - prev.end <= 1
            if not touching:
                break
            if _name_word(tok):
                j += 1
            elif (tok.text in _CONNECTORS and j + 1 < len(tokens)
                  and _name_word(tokens[j + 1]) and tokens[j + 1].start - tok.end <= 1
                  and tokens[j + 1].text.lower().rstrip(".") not in _CALENDAR):
                # "Rostov on Don", but not "Nairobi on Thursday".
                j += 2
            elif tok.text == "." and tok.start == prev.end and (
                    prev.text.lower() in ("st", "mt", "ft")
                    or (len(prev.text) == 1 and prev.text.isupper())):
                j += 1  # "St. Louis", "W. Va.", "George W. Bush"
            elif tok.text in ("-",) and tok.start == prev.end and j + 1 < len(tokens) and \
                    _capitalised(tokens[j + 1]):
                j += 2
            else:
                break
        if j < len(tokens) and tokens[j].text.lower() in _LOWER_HEADS and \
                tokens[j].start - tokens[j - 1].end <= 1 and tokens[j].text.islower():
            j += 1
        runs.append((i, j))
    return runs


_POSSESSIVES = ("'s", "’s", "'", "’")


def _surface(text: str, tokens: tuple[Token, ...], i: int, j: int) -> tuple[int, int, str]:
    start, end = tokens[i].start, tokens[j - 1].end
    surface = text[start:end]
    if not surface.endswith(_POSSESSIVES):
        return start, end, surface
    for suffix in _POSSESSIVES:
        if surface.endswith(suffix) and len(surface) > len(suffix) + 1:
            end -= len(suffix)
            surface = surface[: -len(suffix)]
            break
    return start, end, surface


def _alias_form(surface: str, end: int, tokens: tuple[Token, ...], j: int
                ) -> tuple[str, int] | None:
    """The alias written as ``surface``, up to ``end`` before tokens[j] ("Calif." may be split
    as "Calif" + ".")."""
    table = aliases()
    if surface in table:
        return surface, end
    if j < len(tokens) and tokens[j].text == "." and tokens[j].start == end and \
            surface + "." in table:
        return surface + ".", end + 1
    return None


@cache
def _alias_initials() -> frozenset[str]:
    """First letters of the alias forms: a token starting with any other is no alias."""
    return frozenset(form[0] for form in aliases())


@cache
def _alias_starts() -> frozenset[str]:
    """The first words of the aliases of more than one word ("North" of "North Korean")."""
    starts = set()
    for form in aliases():
        words = form.split(" ")
        starts.update(" ".join(words[:k]) for k in range(1, len(words)))
    return frozenset(starts)


# Words of feature-type phrases ("River", "International" of "International Airport"): a span
# grows over them even when no name begins with its words, since the stem alone is asked for.
_TYPE_PARTS = frozenset(word for phrase in TYPE_WORDS for word in phrase.split(" ")) | {
    "of", "the"}
_PREFIX_TYPE_WORDS = PREFIX_TYPE_WORDS | {"mt"}  # as written: "Mt." folds to "mount"


def _after_comma(tokens: tuple[Token, ...], i: int) -> bool:
    """After "City," or a party's initial ("Sen. Bob Casey, D-Pa."): where a state goes."""
    return i > 0 and (tokens[i - 1].text == "," or (
        tokens[i - 1].text == "-" and i > 1 and tokens[i - 2].text in ("D", "R", "I")))


@cache
def _compound_parts() -> frozenset[str]:
    """Words that split a capitalised hyphenated word into its places: the aliases and the
    countries they stand for ("Egyptian-US", "Russia-Ukraine")."""
    table = aliases()
    return frozenset(table) | {a.name for a in table.values() if a.kind == "country"}


def _split_compounds(sentence: Sentence, text: str) -> Sentence:
    """The sentence with its capitalised hyphenated words split where a part is a country or
    an alias: "Egyptian-US relations" and "the Russia-Ukraine war" name two places each.
    The tokenizer keeps such words whole ("Jean-Pierre", "Winston-Salem", "Coca-Cola"); a
    name written with a hyphen is still found whole, as a span across the parts."""
    if text.find("-", sentence.start, sentence.end) < 0:
        return sentence
    parts = _compound_parts()
    tokens: list[Token] = []
    for token in sentence.tokens:
        words = token.text.split("-")
        if len(words) > 1 and all(w[:1].isupper() for w in words) and \
                any(w in parts for w in words):
            tokens.extend(split_at_hyphens(token.text, token.start))
        else:
            tokens.append(token)
    if len(tokens) == len(sentence.tokens):
        return sentence
    return Sentence(sentence.start, sentence.end, tuple(tokens))


class _Finder:
    def __init__(self, text: str, gazetteer: Gazetteer, structure: NewsStructure) -> None:
        self.text = text
        self.gazetteer = gazetteer
        self.structure = structure
        self.sentences = [_split_compounds(s, text) for s in sentences(text)]
        self.candidates: dict[str, list[Place]] = {}

    # -- step 1: spans -------------------------------------------------------------------------

    def spans(self) -> list[tuple[int, tuple[Token, ...], int, int]]:
        """(sentence, tokens, first, last+1) for every capitalised run."""
        found = []
        # The capitalised words of the text, for the dictionary and given-name tests.
        self.capitalised: list[str] = []
        for index, sentence in enumerate(self.sentences):
            tokens = sentence.tokens
            # Most tokens are lower-case: the rest of the finder looks only at the others.
            capitals = [k for k, token in enumerate(tokens) if token.text[0].isupper()]
            self.capitalised.extend([tokens[k].text for k in capitals])
            for i, j in _runs(tokens, capitals):
                found.append((index, tokens, i, j))
        return found

    def lookups(self, runs) -> None:
        """Ask the index about every span that can be a name, with the aliases' names.

        From each first token a span grows one token at a time while a name (or an alias, or
        a feature-type word: "Razdolnaya River") can still begin with its words, and is asked
        about only if the index holds it as a name (``Gazetteer.name_keys``). The spans are kept
        (``self.run_spans``) for :meth:`choose`, which tries them longest first.
        """
        text = self.text
        keys = self.gazetteer.name_keys()
        table = aliases()
        alias_starts = _alias_starts()
        queries = set()
        self.run_spans: list[dict[int, list[tuple[int, int, int, str]]]] = []
        for _index, tokens, i, j in runs:
            # For each first token (not an article): (last+1, start, end, surface), longest first.
            by_first: dict[int, list[tuple[int, int, int, str]]] = {}
            for a in range(i, j):
                first = tokens[a].text
                if not first[0].isalpha() or first.lower() in _ARTICLES or first.islower():
                    continue  # a lower-case word only joins a name ("Amur region", "Rostov on")
                spans = []
                begin = tokens[a].start
                # "Lake", "Mount", "Gulf of": the name after them is asked for on its own.
                prefixed = first.lower() in _PREFIX_TYPE_WORDS
                for b in range(a + 1, min(j, a + MAX_TOKENS) + 1):
                    last = tokens[b - 1].text
                    if last[:1].isalpha():
                        start, end, surface = _surface(text, tokens, a, b)
                        alias = surface in table or surface + "." in table
                        # A feature-type word alone ("the Gulf", "Region") is no name.
                        if alias or (keys.may_find(surface) and not (
                                b == a + 1 and surface.lower() in TYPE_WORDS)):
                            spans.append((b, start, end, surface))
                            if b == a + 1 or last not in _CONNECTORS:
                                queries.add(surface)
                    if b == j:
                        break
                    words = text[begin:tokens[b - 1].end]
                    nxt = tokens[b].text.lower()
                    if not (nxt.removesuffix("'s").removesuffix("’s") in _TYPE_PARTS or prefixed
                            or words in alias_starts or keys.may_start(words)):
                        break
                spans.reverse()
                by_first[a] = spans
            self.run_spans.append(by_first)
        initials = _alias_initials()
        # Every alias begins with a capital: the capitalised words (``spans``) are all to try.
        for word in [w for w in self.capitalised if w[0] in initials]:
            for form in (word, word + "."):
                if form in table:
                    queries.add(table[form].name)
        queries.update([table[q].name for q in queries if q in table])
        dateline = self.structure.dateline
        if dateline:
            queries.add(dateline.place.title())
        queries = {q for q in queries if q.lower() not in NEVER_PLACES}
        self.candidates = self.gazetteer.lookup_many(queries, limit=20)
        capitalised = [word.rstrip(".") for word in self.capitalised]
        singular = {w[:-1]: w for w in capitalised if w.endswith("s") and len(w) > 3}
        found = self.gazetteer.dictionary_words([*capitalised, *singular])
        # "Neighbors", "Lions": a plural of a dictionary word is a dictionary word.
        self.dictionary = found | {singular[w].lower() for w in singular if w.lower() in found}
        self.given = self.gazetteer.given_names(capitalised)

    def _known(self, surface: str, multi: bool, after_motion: bool = False) -> bool:
        places = self.candidates.get(surface)
        if not places:
            return False
        best = places[0]
        type_word = split_type(surface)[1]
        if type_word and best.kind not in TYPE_WORDS[type_word] and \
                fold(best.name) != fold(surface):
            return False  # "U.S. State Department" is no state called "U.S."
        if best.match in ("exact", "code"):
            return best.match != "code" or surface.isupper()
        if best.match == "stem":
            return multi
        return len(surface) >= 6 and best.score >= (
            _LOOSE_AFTER_MOTION if after_motion else _LOOSE)

    # -- step 2: choose spans in each run ------------------------------------------------------

    def choose(self, runs) -> list[Mention]:
        mentions: list[Mention] = []
        dateline = self.structure.dateline
        table = aliases()
        for (index, tokens, i, j), by_first in zip(runs, self.run_spans, strict=True):
            a = i
            while a < j:
                if a not in by_first:  # an article or a symbol
                    a += 1
                    continue
                chosen = None
                for b, start, end, surface in by_first[a]:
                    if surface not in table and surface + "." not in table and \
                            not self.candidates.get(surface):
                        continue  # neither an alias nor a name in the index
                    alias = _alias_form(surface, end, tokens, b)
                    if alias and table[alias[0]].type == "postal" and not _after_comma(tokens, a):
                        continue  # "TN", "OR": a state's postal code only after "City," or "D-"
                    if alias and alias[0].rstrip(".").lower() in self.dictionary and \
                            alias[0].endswith(".") and not _after_comma(tokens, a):
                        alias = None  # "Man." and "Ill." abbreviate states only after "City,"
                    if alias:
                        form, end = alias
                        chosen = (b, self._alias_mention(form, start, end, index))
                        break
                    if all(t.text.lower().rstrip(".") in NEVER_PLACES for t in tokens[a:b]) \
                            and not self._named_group(surface):
                        continue
                    if b < j and tokens[b].text in _NAME_LINKS:
                        continue  # "Sierra Madre | del Sur": part of a longer name
                    if self._known(surface, b - a > 1,
                                   b == j and self._after_motion(tokens, a)):
                        chosen = (b, Mention(start, end, surface, surface, sentence=index))
                        break
                if chosen is None:
                    a += 1
                    continue
                b, mention = chosen
                if dateline and dateline.place_start <= mention.start < dateline.place_end:
                    a = b
                    continue
                judged = self._judge(mention, tokens, i, a, b, j)
                if judged is not None:
                    mentions.append(judged)
                # A rejected longer span may still hide a place: "Far North | Queensland".
                a = b if judged is not None or b - a == 1 else a + 1
        return mentions

    @staticmethod
    def _after_motion(tokens: tuple[Token, ...], a: int) -> bool:
        """After "to", "in", "from"...: where a place goes, but not "according to"."""
        before = tokens[a - 1].text if a > 0 else ""
        return before in _MOTION and not (
            before == "to" and a > 1 and tokens[a - 2].text.lower() == "according")

    def _alias_mention(self, form: str, start: int, end: int, index: int) -> Mention:
        alias = aliases()[form]
        kind = {"adjective": "adjectival", "people": "demonym", "language": "adjectival"}.get(
            alias.type, "place")
        return Mention(start, end, self.text[start:end], alias.name, kind=kind,
                       hint_kinds=(alias.kind,), hint_country=alias.country or None,
                       sentence=index)

    def _judge(self, mention: Mention, tokens, i: int, a: int, b: int, j: int) -> Mention | None:
        """Keep, re-label or drop a span by the words around it (see module docstring)."""
        text = self.text
        if self.structure.in_furniture(mention.start):
            return None
        before = tokens[a - 1].text.lower().rstrip(".").split("-")[0] if a > 0 else ""
        if before == "" and a > 1 and tokens[a - 1].text == ".":
            before = tokens[a - 2].text.lower()  # "Mrs. Lincoln" tokenised as Mrs + .
        after = list(tokens[b:j])
        alias = mention.surface in aliases()
        if (before in PERSON_TITLES or _AGE.match(text, mention.end)
                or (a > 0 and tokens[a - 1].text in STORM_WORDS)) and not alias:
            self._person(tokens, a, j)
            return None
        best = self.candidates.get(mention.query, [None])[0]
        if after and not alias and not (best is not None and _prominent(best)):
            # A prominent place before a name is the place: "Russia's Sputnik", "Vietnam Nguyen".
            tail = after[0].text.rstrip(".").lower()
            if tail not in ORG_TAILS and tail not in self.dictionary and \
                    after[0].text[:1].isupper() and after[0].text not in aliases() and \
                    not self.candidates.get(after[0].text) and (
                        mention.surface.lower() in self.given or mention.surface in self.people
                        or after[0].text in self.people):
                # "Kim Jong-un", "Vladimir Putin" (met before as "President Vladimir Putin"):
                # a given name before a surname. Otherwise the pair names a business or a
                # paper ("Riverdale Lukoil", "Cambridge Analytica") and the place is embedded.
                self._person(tokens, a, j)
                return None
        if mention.surface in self.people and b - a == 1 and not alias:
            return None
        if best is not None and best.kind in ("landmark", "palace") and b < len(tokens) and \
                tokens[b].text.lower() in _SPOKESPEOPLE:
            return None  # "White House officials", "the Kremlin denied": the government speaks
        if b < len(tokens) and tokens[b].text == "administration" and b - a == 1 and not alias and \
                not (best is not None and _prominent(best)):
            self._person(tokens, a, b)  # "the Obama administration": a president's
            return None
        if not alias and best is not None and not _major(best) and self._speaks(tokens, a, b):
            self._person(tokens, a, b)
            return None
        if mention.surface.isupper() and len(mention.surface) <= 5 and not alias and \
                "." not in mention.surface:
            # Acronyms: "CNN", "DNA", "PKK" are codes of no place in the text, and no surname:
            # "Nenagh MDC" is the town's council, not a person called Nenagh.
            return None
        if a > i and not alias and b - a == 1 and mention.surface.lower() in self.dictionary \
                and not (best is not None and _major(best)) \
                and self._place_word(tokens[a - 1].text):
            # "DeKalb Police", "Ozark Dodge": a word after a town's name is the town's police
            # or business, not the surname of someone called DeKalb.
            return None
        if a > i and not alias and self._given_name(tokens[a - 1]) and \
                not self._brand(tokens[a - 1].text, best):
            # "Brian Walsh": a surname after a given name, however many towns share it.
            self._person(tokens, i, j)
            return None
        if b - a == 1 and not alias and mention.surface.lower() in self.dictionary and \
                best is not None and all(_by_other_name(place, mention.surface)
                                         for place in self.candidates[mention.query]):
            # "Part" is Perth and "Soul" Seoul only in some alternate-name list: a word of the
            # dictionary names a town only if some town bears it as its own name ("Mobile"),
            # or a shortening of it ("Acapulco", "Marseilles"). Seas, countries and states
            # keep their English names ("Atlantic", "Tibet").
            return None
        if b - a == 1 and not alias and mention.surface.lower() in self.given and \
                best is not None and not any(_own_name(place, mention.surface)
                                             for place in self.candidates[mention.query]):
            # "Kate", "Sam", "Levi": a given name alone names a place only if some place
            # bears it as its own name ("Augusta", "Florence"), not an alternate one.
            return None
        shouted = mention.surface.isupper() and len(mention.surface) > 3 and not alias
        if shouted and mention.surface.lower() in self.dictionary:
            return None  # "(PHOTO NOT FOR SALE)" is no town in Morocco
        sentence_start = a == 0 or tokens[a - 1].text in _DASHES
        if b - a == 1 and not alias and mention.surface.lower() in self.dictionary and \
                best is not None and not _prominent(best) and \
                (sentence_start or j - i > 1 or not _major(best)):
            # A dictionary word is a place alone in mid-sentence and when it is a big place
            # ("in Mobile"); at a sentence start or inside a longer name ("Iron Man", "Police
            # Chief", "Section 8") only a prominent place is.
            return None
        # "Koepang on Timor Island": a lower-case connector joins two places, not an
        # organisation's name.
        head = after[0].text.lower() if after else ""
        namesake = head in _NATURAL_HEADS and best is not None and best.kind in ("city", "town")
        embedded = (after and not (after[0].text in _CONNECTORS and after[0].text.islower())
                    and (after[0].text.rstrip(".").lower() in ORG_TAILS
                         or head in self.dictionary)
                    and (head not in _LOWER_HEADS or namesake))
        if embedded and best is not None and best.kind == "region" and \
                head in ("county", "district", "region", "province", "state"):
            embedded = False
        kind = mention.kind
        if embedded:
            kind = "embedded" if kind == "place" else kind
        hints = self._descriptor(mention)
        caption = self.structure.in_caption(mention.start)
        # A new Mention rather than dataclasses.replace, which costs several times more; the
        # spans made in choose set no other fields.
        return Mention(mention.start, mention.end, text[mention.start:mention.end],
                       mention.query, kind=kind, hint_kinds=hints[0] or mention.hint_kinds,
                       hint_country=hints[1] or mention.hint_country, sentence=mention.sentence,
                       in_caption=caption)

    def _person(self, tokens: tuple[Token, ...], a: int, j: int) -> None:
        """Remember a person's name; its place-named parts later stand for the person.

        A major place among the words keeps its own reading elsewhere in the text unless it is
        also a given name: "Vladimir" after "Vladimir Putin" is the president.
        """
        for token in tokens[a:j]:
            self._person_word(token.text)

    def _person_word(self, word: str) -> None:
        """One word of a person's name (see ``_person``): a person's wherever it stands, unless
        it is a major place's own name and no given name, or a populous country's or state's
        ("Georgia" in "Prime Minister of Georgia Irakli Kobakhidze")."""
        place = self._exact(word)
        if place is not None and _large_area(place) and place.population >= 1_000_000:
            return
        if place is None or not _major(place) or word.lower() in self.given:
            self.people.add(word)

    def _exact(self, word: str) -> Place | None:
        """The best reading of a word written as a place's name (not a transliteration, a
        stem or a code of it), or None."""
        places = self.candidates.get(word)
        return places[0] if places and places[0].match == "exact" else None

    def _place_word(self, word: str) -> bool:
        """Whether the word, as written, is a place's name and no given name."""
        return self._exact(word) is not None and word.lower() not in self.given

    def _major_place(self, word: str) -> bool:
        """Whether the word, as written, names a major place ("Paris", "Japan")."""
        place = self._exact(word)
        return place is not None and _major(place)

    @staticmethod
    def _speaks(tokens: tuple[Token, ...], a: int, b: int) -> bool:
        """"Baker said", "said Baker": the name is the speaker."""
        after = tokens[b].text.lower() if b < len(tokens) else ""
        before = tokens[a - 1].text.lower() if a > 0 else ""
        # "said Dover Mayor Ann Lee": the speaker is the title's holder, of Dover; in "said
        # Dover police Sgt. Ann Lee" the sergeant, of Dover's police.
        # "who was from Dewsbury said": the speaker is from the place.
        return (after in SPEECH_VERBS and before not in _LOCATIVES) or (
            before in ("said", "says", "told") and after.rstrip(".") not in PERSON_TITLES
            and after not in ORG_TAILS)

    def _named_group(self, surface: str) -> bool:
        """"Middle East", "Near East": words that name nothing alone name a group of countries."""
        place = self._exact(surface)
        return place is not None and place.feature_code == "RGN"

    def _brand(self, word: str, place: Place | None) -> bool:
        """"Star India", "Air Canada": an ordinary word before a famous place names a brand,
        not a person, even when the word is also a given name."""
        return (place is not None and place.match == "exact" and _prominent(place)
                and word.lower() in self.dictionary)

    def _given_name(self, token: Token) -> bool:
        """A capitalised word before a name that is neither a place, a title nor a word."""
        word = token.text.rstrip(".")
        if not (word[:1].isupper() and not word.isupper() and word.isalpha()) or len(word) < 3 \
                or word.lower() in PERSON_TITLES or word.lower() in NEVER_PLACES \
                or word in aliases():
            return False
        if self._major_place(word):
            return False  # "Paris Police": Paris is a given name too, but a city first
        return word.lower() in self.given or word.lower() not in self.dictionary

    def _descriptor(self, mention: Mention) -> tuple[tuple[str, ...], str | None]:
        """"the Russian border city of Khasan" -> (("town", "city"), "RU")."""
        window = self.text[max(0, mention.start - 80):mention.start]
        # The pattern ends in " of " or " of the " (before a final newline at most): most
        # windows fail this cheap test and spare the search.
        if not window.removesuffix("\n").endswith((" of ", " of the ")):
            return (), None
        match = _DESCRIPTOR.search(window)
        if not match:
            return (), None
        noun = match.group("noun")
        kinds = {"city": ("city", "town"), "town": ("town", "city"), "village": ("town",),
                 "port": ("city", "town", "port"), "capital": ("city",),
                 "settlement": ("town",), "resort": ("town", "city")}.get(
            noun, TYPE_WORDS.get(noun, ()))
        country = None
        adj = match.group("adj")
        if adj:
            table = aliases()
            for word in (adj, adj.split()[-1], adj.split()[0]):
                if word in table and table[word].kind == "country":
                    country = table[word].country
                    break
        return tuple(kinds), country

    # -- step 3: dateline, containers, relative phrases ----------------------------------------

    def dateline_mention(self) -> Mention | None:
        dateline = self.structure.dateline
        if dateline is None:
            return None
        query = dateline.place.title()
        if not self.candidates.get(query):
            return None
        # A dateline names the city the story was filed from: "NEW YORK (AP)" is not the state.
        return Mention(dateline.place_start, dateline.place_end, dateline.place, query,
                       kind="dateline", hint_kinds=("city", "town"))

    def link(self, mentions: list[Mention]) -> list[Mention]:
        """Containers ("X, Y" / "X in Y") and relative phrases ("north of X")."""
        linked = list(mentions)
        for k, mention in enumerate(mentions):
            if k + 1 < len(mentions):
                nxt = mentions[k + 1]
                gap = self.text[mention.end:nxt.start]
                level = _level(self.candidates.get(mention.query))
                if (re.fullmatch(r",\s*|\s+in\s+(?:the\s+)?|,\s+in\s+(?:the\s+)?", gap)
                        and self._is_container(nxt) and not (
                            "," in gap and level
                            and level == _level(self.candidates.get(nxt.query)))) or (
                        _ON_ISLAND.fullmatch(gap) and self._is_island(nxt)):
                    # "Texas, Oklahoma": two states side by side are a list; "Punjab,
                    # India" and "Cook County, Illinois" are a place and its container, and
                    # so are "Koepang on Timor Island" and "a village on Crete".
                    linked[k] = replace(linked[k], container=k + 1)
        for run in self._lists(mentions):
            for k in run:
                linked[k] = replace(linked[k], peers=tuple(j for j in run if j != k))
        relatives = []
        for k, mention in enumerate(mentions):
            if mention.kind not in ("place", "dateline"):
                continue
            window = self.text[max(0, mention.start - 60):mention.start]
            # Every phrase ends in one of a few words and white space: test that first.
            last = window.rstrip()
            if last == window or not _RELATIVE_LAST.search(last[-7:]):
                continue
            match = _RELATIVE.search(window)
            if not match:
                continue
            start = mention.start - len(window) + match.start()
            direction = distance = None
            relation = "border" if match.group("border") else "near"
            if match.group("dir"):
                relation = "direction"
                direction = DIRECTIONS[match.group("dir").lower()]
                if match.group("dist"):
                    distance = float(match.group("dist").replace(",", "."))
                    if match.group("unit").lower().startswith("mi"):
                        distance *= 1.609
            relatives.append(Mention(
                start, mention.end, self.text[start:mention.end], mention.query,
                kind="relative", anchor=k, direction=direction, distance_km=distance,
                relation=relation, sentence=mention.sentence, in_caption=mention.in_caption,
            ))
        relatives.extend(self._between(mentions))
        return linked + relatives

    def _lists(self, mentions: list[Mention]) -> list[list[int]]:
        """Runs of place names in a list: "Texas, Oklahoma and Georgia", "Paris or Lyon".

        Two names joined only by a comma are left out: "Paris, Texas" is a place and its
        container, not a list.
        """
        runs: list[tuple[list[int], bool]] = []
        run: list[int] = []
        joined = False
        for k, mention in enumerate(mentions):
            gap = self.text[mentions[k - 1].end:mention.start] if run else ""
            if run and mention.kind == "place" and _LIST_GAP.fullmatch(gap):
                run.append(k)
                joined = joined or bool(_CONJUNCTION.search(gap))
                continue
            runs.append((run, joined))
            run, joined = ([k] if mention.kind == "place" else []), False
        runs.append((run, joined))
        # "Douglas, Sarpy and Lancaster counties": the type word after a list says the kind.
        return [run for run, joined in runs if (len(run) >= 3 or (len(run) == 2 and joined))
                and not _PLURAL_TYPE.match(self.text, mentions[run[-1]].end)]

    def _between(self, mentions: list[Mention]) -> list[Mention]:
        """"between Seoul and Pyongyang": somewhere on the way from one to the other."""
        found = []
        for k in range(len(mentions) - 1):
            first, second = mentions[k], mentions[k + 1]
            before = self.text[max(0, first.start - 12):first.start]
            match = re.search(r"\bbetween\s+(?:the\s+)?$", before, re.IGNORECASE)
            if not match or not re.fullmatch(r"\s+and\s+(?:the\s+)?",
                                             self.text[first.end:second.start]):
                continue
            start = first.start - len(before) + match.start()
            found.append(Mention(
                start, second.end, self.text[start:second.end], first.query, kind="relative",
                anchor=k, anchor2=k + 1, relation="between", sentence=first.sentence,
                in_caption=first.in_caption,
            ))
        return found

    def _best_kind(self, mention: Mention) -> str | None:
        places = self.candidates.get(mention.query)
        return places[0].kind if places else None

    def _is_island(self, mention: Mention) -> bool:
        return self._best_kind(mention) in ("island", "peninsula")

    def _is_container(self, mention: Mention) -> bool:
        kind = self._best_kind(mention)
        # An island, a peninsula or an area holds places too: "Bandoeng, Java".
        return kind is not None and (kind in _CONTAINER_KINDS or
                                     "region" in mention.hint_kinds or
                                     "country" in mention.hint_kinds)

    def full_names(self) -> None:
        """People named in full anywhere: a given name, an optional initial, a surname; or
        one or two names after a title ("President Vladimir Putin")."""
        for sentence in self.sentences:
            for token in sentence.tokens:
                if token.text in _TITLE_FORMS and \
                        (match := _TITLE_TAIL.match(self.text, token.end, sentence.end)):
                    self._titled(match.group("names").split())
        for match in _FULL_NAME.finditer(self.text):
            given, surname = match.group("given", "surname")
            place = self._exact(given)
            prominent = place is not None and _prominent(place)
            if surname.lower() in ORG_TAILS or surname.lower() in PERSON_TITLES:
                continue  # "Dover Mayor Ann Lee": a title follows its place
            if match.group("initial"):
                # An initial makes a person of any first word ("Kijuan D. McDonald", "Austin
                # R. Nichols"). The words are no place here; elsewhere a prominent place's
                # name still is ("Austin is a city...").
                self.named.append((match.start(), match.end()))
                self.people.update((surname,) if prominent else (given, surname))
                continue
            if given.lower() not in self.given or prominent or given.lower() in _WEEKDAYS:
                continue  # "Sunday Alexandria Police": a day before a name, no given name
            if self._brand(given, (self.candidates.get(surname) or [None])[0]):
                continue
            self.people.update((given, surname))
        for match in _MIDDLE_NAME.finditer(self.text):
            given, middle, surname = match.group("given", "middle", "surname")
            if given.lower() in self.given and middle.lower() in self.given and \
                    surname.lower() not in ORG_TAILS and given in self.people:
                self.people.add(surname)  # "Cameron Lee Earle": the pass above took "Lee"

    def _titled(self, names: list[str]) -> None:
        """The names after a title are a person's, up to an ordinary word ("Officer At
        Portland" in a headline); a major place among them keeps its reading unless it is a
        given name too ("Miss Japan", but "President Vladimir Putin")."""
        table = aliases()
        for name in names:
            lower = name.lower()
            if lower in self.dictionary and lower not in self.given:
                return
            if name not in table:
                self._person_word(name)

    def run(self) -> tuple[list[Mention], dict[str, list[Place]]]:
        self.people: set[str] = set()
        self.named: list[tuple[int, int]] = []  # spans of people's names written in full
        runs = self.spans()
        self.lookups(runs)
        self.full_names()
        # People named anywhere in the text (even after their bare surname) are not places.
        mentions = [m for m in self.choose(runs)
                    if not (m.surface in self.people and " " not in m.surface
                            and m.surface not in aliases())
                    and not any(a <= m.start < b for a, b in self.named)]
        dateline = self.dateline_mention()
        if dateline:
            mentions.insert(0, dateline)
        mentions.sort(key=lambda m: m.start)
        return self.link(self._town_bodies(mentions)), self.candidates

    def _town_bodies(self, mentions: list[Mention]) -> list[Mention]:
        """Read "Dublin City" in "Dublin City Council" as the story's "Dublin".

        A town's council, schools or college are the town's, but the gazetteer knows "Dublin
        City" only as the Irish county, which would also lend the story's bare "Dublin" an
        Irish neighbour. Only a name inside an organisation's (an embedded mention) is re-read,
        and only when the bare name is in the story too and is a town first: "Mexico City
        Health Secretary" keeps its city.
        """
        names = {mention.query.casefold() for mention in mentions}
        result = []
        for mention in mentions:
            match = _TOWN_BODY.fullmatch(mention.query) if mention.kind == "embedded" else None
            town = match.group("town") if match else ""
            places = self.candidates.get(town)
            if places and places[0].kind in ("city", "town") and town.casefold() in names:
                mention = replace(mention, query=town)
            result.append(mention)
        return result


def _level(places: list[Place] | None) -> str | None:
    """"country" or "ADM1" when a name's best reading is one, else None."""
    if not places:
        return None
    best = places[0]
    return "country" if best.kind == "country" else (
        "ADM1" if best.feature_code == "ADM1" else None)


def _by_other_name(place: Place, surface: str) -> bool:
    """Whether a town or small region is read from ``surface`` by a name that is not its own
    nor a shortening of it (see ``_judge``)."""
    if _large_area(place):
        return False
    own, word = fold(place.name), fold(surface)
    return not (own.startswith(word) or word.startswith(own))


def _own_name(place: Place, surface: str) -> bool:
    """Whether ``surface`` is the place's own name, or the place is a large area."""
    return _large_area(place) or fold(place.name) == fold(surface)


def _large_area(place: Place) -> bool:
    """A country, continent, sea or first-order region, whatever its population."""
    return place.kind in _MAJOR_KINDS or place.feature_code == "ADM1"


def _prominent(place: Place) -> bool:
    """Famous enough that a capitalised word after it is more likely a title than a surname."""
    return _large_area(place) or place.population >= 500_000


def _major(place: Place) -> bool:
    return _large_area(place) or place.population >= 100_000


def find_mentions(
    text: str, gazetteer: Gazetteer, structure: NewsStructure | None = None
) -> tuple[list[Mention], dict[str, list[Place]]]:
    """Place mentions in ``text`` in text order (relative phrases last), with their candidates."""
    return _Finder(text, gazetteer, structure or read_structure(text)).run()
