"""Name folding: how "Razdol'naya", "Đồng Đăng" and "Ussuriisk" meet their gazetteer entries.

News text and gazetteers spell one place many ways: with or without diacritics, apostrophes for
Russian soft signs, hyphens, "St." for "Saint", and several transliteration schemes. Every name is
reduced to keys at two strengths, and the same functions serve the index build and the query, so
both sides always agree:

- :func:`fold` is exact up to case, diacritics, punctuation and spacing: "Đồng Đăng" -> "dong dang".
- :func:`loose` also merges transliteration variants (y/i, kh/h, doubled letters, spaces):
  "Ussuriysk" and "Ussuriisk" -> "usurisk".
- :func:`split_type` peels feature-type words off a name ("the Razdolnaya River" ->
  ("razdolnaya", "river")), so a query can ask for the stem with a preferred kind.

Examples
--------
>>> fold("Razdol'naya")
'razdolnaya'
>>> loose("Ussuriisk") == loose("Ussuriysk")
True
>>> split_type("the Amur region")
('amur', 'region')
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from zlib import crc32

__all__ = [
    "CODE",
    "NAME",
    "OWN",
    "PREFIX_TYPE_WORDS",
    "STEM",
    "TYPE_WORDS",
    "fold",
    "fold_once",
    "is_indexable",
    "key_hash",
    "key_hashes",
    "loose",
    "loose_key",
    "region_stems",
    "split_folded",
    "split_type",
    "word_key",
]

# Letters that Unicode does not decompose into a base letter plus a mark.
_SPECIAL = str.maketrans(
    {
        "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE",
        "œ": "oe", "Œ": "OE", "ß": "ss", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
        "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T", "ŋ": "ng", "ə": "e", "Ə": "E",
    }
)
# Apostrophes and soft/hard-sign marks vanish ("Razdol'naya"); other punctuation separates words.
_DROP = re.compile(r"[’'‘`´ʹʺʼʻ\"“”«»]")
_SEPARATORS = re.compile(r"[^0-9a-z]+")
_ABBREVIATIONS = (
    (re.compile(r"\bmt\b"), "mount"),
    (re.compile(r"\bft\b"), "fort"),
)
_SAINTS = {"st": "saint", "ste": "sainte"}
_PLAIN = re.compile(r"^[a-z0-9]+(?: [a-z0-9]+)*$")


_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _ascii(text: str) -> str:
    if text.isascii():
        return text
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_SPECIAL)))
    if not text.isascii():
        from anyascii import anyascii

        text = anyascii(text)
    return text


def fold_once(name: str) -> str:
    """Exact matching key: lower-case ASCII words separated by single spaces.

    :func:`fold` is this function with a cache; a caller that folds each name only once (a
    gazetteer lookup) calls this one and spares the cache's upkeep.
    """
    text = (name if name.isascii() else _ascii(name)).lower()
    if not _PLAIN.match(text):
        text = _DROP.sub("", text)
        text = _SEPARATORS.sub(" ", text.replace("&", " and ")).strip()
    if not text:
        return ""
    if text.startswith(("st ", "ste ")) or " st " in text:
        first, _, rest = text.partition(" ")
        text = f"{_SAINTS.get(first, first)} {rest}".replace(" st ", " saint ")
    if "mt" in text or "ft" in text:
        for pattern, replacement in _ABBREVIATIONS:
            text = pattern.sub(replacement, text)
    return text


fold = lru_cache(maxsize=65536)(fold_once)

# The repeats after a letter's first occurrence ("ss" -> "s"): matching only the repeats makes
# the substitution a plain deletion, three times faster than rewriting each run to its letter.
_REPEATS = re.compile(r"(?<=([a-z]))\1+")
_J_VOWEL = re.compile(r"j(?=[aeiou])")


@lru_cache(maxsize=65536)
def loose(name: str) -> str:
    """Transliteration-tolerant key: folds spellings that differ only by romanisation scheme.

    Used as a second-chance match, so it may merge a few unrelated names; ranking prefers exact
    matches whenever both exist.
    """
    return loose_key(fold(name))


def loose_key(key: str) -> str:
    """:func:`loose` of a name already folded: the index build and each query fold only once."""
    text = key.replace("kh", "h").replace("y", "i").replace("ts", "c").replace(" ", "")
    if "j" in text:
        text = _J_VOWEL.sub("i", text)
    text = _REPEATS.sub("", text)
    return "e" + text[2:] if text.startswith("ie") else text


_loose_word = lru_cache(maxsize=65536)(loose_key)


def word_key(key: str) -> str:
    """:func:`loose_key` word by word, the spaces kept: ``"nizhnii novgorod"``.

    The index's table of names and their first words (``gazetteer.build.write_name_keys``) is
    made of these, because a joined loose key cannot tell a name's first words: "newiork" might
    begin "newiorkciti" as "new york" or as "newy orkcity".
    """
    return " ".join([_loose_word(word) for word in key.split(" ")])


def key_hash(key: str) -> int:
    """The 32-bit number under which the index's table of names stores a :func:`word_key`."""
    return crc32(key.encode())


def key_hashes(words: list[str]) -> tuple[int, list[int]]:
    """From the loose keys of a name's words, the :func:`key_hash` of its word key and those of
    each of its first words ("new york" of "new york city")."""
    starts = []
    key = words[0]
    for word in words[1:]:
        starts.append(key_hash(key))
        key += " " + word
    return key_hash(key), starts


# How an index row relates to its place: one of its names, a name's stem without its
# feature-type word ("amur" of "Amur Oblast"), a code (IATA/ICAO), or its own name (flagged at
# build time so ranking need not fold every candidate's name again).
NAME, STEM, CODE, OWN = 0, 1, 2, 3

# Feature-type words a name can carry, and the kinds they ask for. Longer phrases come first so
# "railway station" wins over "station".
TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "international airport": ("airport",),
    "railway station": ("station",),
    "railroad station": ("station",),
    "train station": ("station",),
    "rail station": ("station",),
    "railway bridge": ("bridge",),
    "autonomous okrug": ("region",),
    "autonomous oblast": ("region",),
    "autonomous region": ("region",),
    "air base": ("airbase",),
    "naval base": ("base",),
    "space center": ("spaceport",),
    "space centre": ("spaceport",),
    "border crossing": ("crossing",),
    "checkpoint": ("crossing",),
    "river": ("river",),
    "krai": ("region",),
    "kray": ("region",),
    "oblast": ("region",),
    "okrug": ("region",),
    "region": ("region", "area"),
    "province": ("region",),
    "prefecture": ("region",),
    "governorate": ("region",),
    "state": ("region",),
    "county": ("region",),
    "district": ("region",),
    "parish": ("region",),
    "republic": ("region", "country"),
    "territory": ("region",),
    "cosmodrome": ("spaceport",),
    "spaceport": ("spaceport",),
    "airport": ("airport",),
    "airfield": ("airport", "airbase"),
    "airbase": ("airbase",),
    "station": ("station",),
    "bridge": ("bridge",),
    "port": ("port",),
    "harbour": ("port",),
    "harbor": ("port",),
    "island": ("island",),
    "islands": ("island",),
    "peninsula": ("peninsula",),
    "canal": ("canal",),
    "lake": ("lake",),
    "sea": ("sea",),
    "gulf": ("sea",),
    "bay": ("sea",),
    "strait": ("sea",),
    "ocean": ("sea",),
    "palace": ("palace",),
    "city": ("city", "town"),
    "town": ("town", "city"),
    "village": ("town",),
    "mount": ("mountain",),
}
_TYPE_SUFFIX = re.compile(
    r"^(?P<stem>.+?) (?P<type>" + "|".join(sorted(TYPE_WORDS, key=len, reverse=True)) + r")$"
)
_TYPE_PREFIX = re.compile(
    r"^(?:(?P<type>lake|mount|gulf|bay|sea|island|province|state|republic|region) of "
    r"|(?P<bare>lake|mount) )(?P<stem>.+)$"
)
_ARTICLES = ("the ", "la ", "le ", "les ", "el ", "al ")
# Cheap pre-checks that spare most names the regular expressions above. A name beginning
# with one of the prefix words may be typed ("Lake Baikal", "Gulf of Aden").
_LAST_TYPE_WORDS = {phrase.rsplit(" ", 1)[-1] for phrase in TYPE_WORDS}
PREFIX_TYPE_WORDS = frozenset({"lake", "mount", "gulf", "bay", "sea", "island", "province",
                               "state", "republic", "region"})


def split_type(name: str) -> tuple[str, str | None]:
    """Split a folded stem from its feature-type word: ``("amur", "region")`` or ``(key, None)``."""
    return split_folded(fold(name))


def split_folded(key: str) -> tuple[str, str | None]:
    """:func:`split_type` of a name already folded: lookups fold each query once."""
    if key.startswith(_ARTICLES):
        key = key.partition(" ")[2]
    if " " not in key:
        return key, None
    first, _, _ = key.partition(" ")
    last = key.rsplit(" ", 1)[1]
    if last not in _LAST_TYPE_WORDS and first not in PREFIX_TYPE_WORDS:
        return key, None
    match = _TYPE_SUFFIX.match(key) or _TYPE_PREFIX.match(key)
    if match:
        return match.group("stem"), match.group("type") or match.group("bare")
    return key, None


# Russian and Ukrainian region names are adjectives ("Amurskaya oblast'", "Primorskiy kray");
# English news uses the bare stem ("the Amur region") or an anglicised form ("Primorsky Krai").
_ADJECTIVE_ENDINGS = re.compile(r"(skaya|skiy|skii|skyi|skyy|sky|ska|ckaya|ckiy)$")


def region_stems(name: str) -> set[str]:
    """Folded stems under which a region can be asked for, its type word removed."""
    stem, kind = split_type(name)
    if kind is None:
        return set()
    stems = {stem}
    if " " not in stem:
        bare = _ADJECTIVE_ENDINGS.sub("", stem)
        if len(bare) >= 3 and bare != stem:
            stems.add(bare)
    return stems


_INDEXABLE = re.compile(r"^[\u0000-\u024F\u1E00-\u1EFF\u0300-\u036F\u0400-\u04FF\u2019\u02BC]+$")


def is_indexable(name: str) -> bool:
    """Latin and Cyrillic names are kept; other scripts would only add noisy romanisations."""
    if name.isascii():
        return bool(name)
    return bool(_INDEXABLE.match(name))
