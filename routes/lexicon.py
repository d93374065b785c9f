"""Word lists the mention finder reasons with: aliases, titles, cue words.

Place names are only half of geoparsing; the other half is the language around them. The
aliases (demonyms such as "Russian", abbreviations such as "Calif.") come from the curated
``gazetteer/aliases.tsv``; the short closed-class lists below are English function words and
news conventions, not place data.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

__all__ = [
    "DIRECTIONS",
    "NEVER_PLACES",
    "ORG_TAILS",
    "PERSON_TITLES",
    "SPEECH_VERBS",
    "STORM_WORDS",
    "Alias",
    "aliases",
]


@dataclass(frozen=True, slots=True)
class Alias:
    """A word that stands for a place without being its name: "Russian", "Calif."."""

    form: str
    type: str  # adjective | people | language | abbreviation | postal | short (an airport's)
    name: str
    country: str
    kind: str  # country | region | continent | city | area | airport


@cache
def aliases() -> dict[str, Alias]:
    """Alias table keyed by the exact form as written in text."""
    path = Path(str(resources.files("gazetteer").joinpath("aliases.tsv")))
    table: dict[str, Alias] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            alias = Alias(row["form"].strip(), row["type"].strip(), row["name"].strip(),
                          row["country"].strip(), row["kind"].strip())
            table[alias.form] = alias
    return table


# Words before a name that make it a person: "President Vladimir Putin", "Gov. Jerry Brown".
PERSON_TITLES = frozenset({
    "president", "minister", "premier", "prime", "gov", "governor", "sen", "senator", "rep",
    "representative", "mayor", "mr", "mrs", "ms", "miss", "dr", "gen", "general", "king",
    "queen", "prince", "princess", "pope", "leader", "chairman", "chairwoman", "secretary",
    "spokesman", "spokeswoman", "spokesperson", "ambassador", "chancellor", "judge", "justice",
    "officer", "sheriff", "chief", "coach", "lt", "col", "colonel", "capt", "captain", "sgt",
    "sergeant", "adm", "admiral", "cardinal", "bishop", "archbishop", "rev", "reverend",
    "professor", "prof", "dean", "director", "commissioner", "councilman", "councilwoman",
    "deputy", "detective", "trooper", "sister", "father", "emperor", "sheikh", "emir", "sultan",
    "lord", "lady", "sir", "dame", "agent", "attorney", "lawyer", "manager", "ceo", "founder",
    "owner", "author", "actor", "actress", "singer", "player", "striker", "goalkeeper",
    "superintendent", "principal", "pastor", "councillor", "alderman", "selectman",
    "treasurer", "clerk", "supervisor", "administrator", "patrolman",
})

# Words before a storm's name, as written: "Hurricane Otis", "Typhoon Haiyan", "Tropical Storm
# Alberto", "Storm Daniel". The name is a storm's wherever it stands in the story ("Otis
# weakened"), however many towns bear it. Capitalised only: after "the storm" in lower case a
# place may follow ("after the storm New Orleans was flooded").
STORM_WORDS = frozenset({"Hurricane", "Typhoon", "Cyclone", "Storm"})

# Words after a place name that make the whole a name of something else, in which the place
# is embedded: "Paris Police", "Ohio Department of Transportation", "Washington Post".
ORG_TAILS = frozenset({
    "police", "department", "dept", "university", "college", "school", "academy", "institute",
    "hospital", "clinic", "council", "board", "commission", "committee", "agency", "bureau",
    "office", "ministry", "court", "authority", "company", "corporation", "corp", "inc", "ltd",
    "bank", "group", "association", "society", "club", "league", "federation", "union",
    "party", "times", "post", "herald", "tribune", "journal", "news", "press", "gazette",
    "daily", "star", "sun", "telegraph", "chronicle", "examiner", "observer", "register",
    "fire", "sheriff", "army", "navy", "guard", "force", "forces", "fc", "united", "city",
    "county", "state", "senate", "assembly", "legislature", "parliament", "government",
    "airlines", "airways", "railway", "railways", "museum", "library", "zoo", "center",
    "centre", "foundation", "trust", "fund", "festival", "fair", "film", "symphony", "orchestra",
    "singers", "choir", "theatre", "theater", "church", "cathedral", "mosque", "temple",
    "stadium", "arena", "park", "square", "street", "avenue", "road", "highway", "bridge",
    "st", "ave", "rd", "blvd", "hwy", "pkwy",  # after a name "St." is a street, not a saint
    "airport", "station", "harbor", "harbour", "port", "mall", "market", "hotel", "restaurant",
    "electric", "energy", "power", "water", "gas", "oil", "motors", "steel", "mining",
    "embassy", "consulate", "mission", "cup", "open", "marathon", "games", "olympics",
    "republicans", "democrats", "republican", "democratic", "kennel", "district",
    "region", "province", "area", "valley", "river", "lake", "mountains", "island", "islands",
})

# Capitalised words that are never places on their own in news text.
NEVER_PLACES = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "i", "a", "an", "the", "he", "she", "it", "we", "they", "you", "his",
    "her", "its", "our", "their", "this", "that", "these", "those", "god", "allah", "lord",
    "jesus", "christ", "mr", "mrs", "ms", "dr", "but", "and", "or", "if", "when", "while",
    "after", "before", "as", "at", "by", "for", "from", "in", "of", "on", "to", "with", "no",
    "yes", "not", "all", "one", "two", "three", "photo", "video", "file", "image", "view",
    "read", "more", "update", "breaking", "reuters", "ap", "afp", "yonhap", "xinhua", "tass",
    "ok", "tv", "internet", "web", "online", "page", "story", "editor", "editors", "attn",
    "christmas", "easter", "ramadan", "today", "tomorrow", "yesterday", "president", "sun",
    "moon", "earth", "mars", "venus", "jupiter", "saturn", "mercury", "pluto",
    # Holidays and organisations that share their name with some village somewhere.
    "passover", "hanukkah", "thanksgiving", "halloween", "diwali", "kwanzaa",
    "hamas", "hezbollah", "taliban", "fatah", "nato", "congress", "senate",
    # Weather patterns and a company that some town has been named after ("Google" was
    # Topeka's name for a month).
    "el niño", "el nino", "la niña", "la nina", "niño", "niña", "google",
    # Companies far better known than the towns of their names: "a 1992 Toyota Corolla".
    "toyota", "honda", "nokia",
    # A faith's community and a word for a city's area, each some village's name too.
    "ismaili", "ismailis", "metro",
    # Abbreviated street and feature words, which name no place alone: "775 Main St." is no
    # street in Sète, whose alternate names include "St".
    "st", "ste", "ave", "rd", "blvd", "hwy", "pkwy", "mt", "ft",
    # Numbers, which start sentences capitalised ("Ten years ago") and are the alternate
    # names of places here and there.
    "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
    "hundred", "thousand", "million", "billion", "dozen",
    # "The Centre" is a government or a building; a region or county called Centre is named
    # with its type word.
    "centre", "center", "centres", "centers",
    # Compass and size words name places only as part of a longer name ("North Korea").
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "far", "middle", "upper", "lower", "new", "old", "great", "little", "greater", "northeast",
    "northwest", "southeast", "southwest", "mid", "inner", "outer",
    # Faiths name people, not places, though a county or a village may share the word
    # ("Christian County"; the full name is still found).
    "christian", "christians", "muslim", "muslims", "islamic", "jewish", "jews", "catholic",
    "catholics", "hindu", "hindus", "buddhist", "buddhists", "sikh", "sikhs", "protestant",
    "protestants", "orthodox", "evangelical", "anglican", "lutheran", "baptist", "methodist",
    "presbyterian", "mormon", "mormons", "sunni", "shia", "shiite", "coptic",
})

# Verbs of saying: a small place name next to one is a person ("Baker said"), while a
# country or capital next to one is the government speaking ("Moscow said").
SPEECH_VERBS = frozenset({
    "said", "says", "told", "tells", "added", "adds", "asked", "explained", "noted", "stated",
    "wrote", "testified", "recalled", "replied", "continued", "argued", "insisted", "admitted",
    "acknowledged", "announced", "warned", "declared", "claimed", "urged", "commented",
})

DIRECTIONS = {
    "north": 0.0, "northern": 0.0, "northeast": 45.0, "north-east": 45.0, "east": 90.0,
    "eastern": 90.0, "southeast": 135.0, "south-east": 135.0, "south": 180.0, "southern": 180.0,
    "southwest": 225.0, "south-west": 225.0, "west": 270.0, "western": 270.0,
    "northwest": 315.0, "north-west": 315.0,
}
