"""Sentences and tokens with exact character offsets into the original text.

Later stages point back into the article (a mention's ``start``/``end``, the evidence sentence),
so nothing here rewrites the text: every token and sentence is a span of the original string.
Sentence breaks respect news abbreviations ("U.S.", "Sept.", "Gov.", "St.") and initials.

>>> [t.text for t in tokenize("Kim's train left Khasan at 6 a.m.")][:4]
["Kim's", 'train', 'left', 'Khasan']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["ABBREVIATIONS", "Sentence", "Token", "sentences", "tokenize"]

_LETTER = r"[^\W\d_]"
_TOKEN = re.compile(
    r"(?:[A-Z][a-z]{0,2}\.){2,}|(?:[a-z]\.){2,}"            # U.S., N.Y., W.Va., a.m.
    rf"|{_LETTER}+(?:\.(?=,|\s+[a-z]))?(?:['’\-]{_LETTER}+)*(?:['’]s)?"   # words, Kim's
    r"|\d+(?:[.,:]\d+)*"                                   # numbers, 9:30, 1,200
    r"|\S",                                                # any other single character
)
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "gov", "sen",
    "rep", "rev", "st", "ste", "mt", "ft", "jr", "sr", "co", "corp", "inc", "ltd", "no", "vs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "ave", "blvd",
    "rd", "hwy", "dept", "univ", "est", "approx", "etc", "al", "fig", "pres", "adm", "cmdr",
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
    "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
    "tenn", "vt", "va", "wash", "wis", "wyo", "alta", "sask", "ont", "que", "nfld",
})


class Token(NamedTuple):
    """A word, number or punctuation mark and where it is in the text.

    A named tuple rather than a dataclass: a long article has thousands, and tuples are made
    several times faster.
    """

    text: str
    start: int
    end: int

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence's span in the text and its tokens."""

    start: int
    end: int
    tokens: tuple[Token, ...]


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]``, with offsets into ``text``.

    A hyphenated word is split where one side is an ordinary lower-case word, so the name in
    it stands alone: "Russian-backed", "anti-Russian". Names with short or connecting parts
    stay whole: "Jong-un", "Stratford-upon-Avon".
    """
    tokens = []
    for m in _TOKEN.finditer(text, start, len(text) if end is None else end):
        word = m.group()
        if "-" in word and _SPLITTABLE.search(word):
            tokens.extend(_split_hyphens(word, m.start()))
        else:
            tokens.append(Token(word, m.start(), m.end()))
    return tokens


_KEEP_JOINED = frozenset({"upon", "on", "sur", "les", "en", "de", "la", "le", "du", "in", "am",
                          "an", "der", "sous", "lez", "by", "the"})
_SPLITTABLE = re.compile(r"(?:^|-)[a-z]{3,}(?:-|$)")


def _split_hyphens(word: str, offset: int) -> list[Token]:
    parts = word.split("-")
    if not any(p[:1].isupper() for p in parts) or any(p in _KEEP_JOINED for p in parts):
        return [Token(word, offset, offset + len(word))]
    tokens, position = [], offset
    for i, part in enumerate(parts):
        if i:
            tokens.append(Token("-", position, position + 1))
            position += 1
        if part:
            tokens.append(Token(part, position, position + len(part)))
        position += len(part)
    return tokens


_QUOTES = "\"'”’)]"


def _ends_sentence(tokens: list[Token], i: int, text: str) -> bool:
    token = tokens[i]
    if token.text not in (".", "!", "?") and not token.text.endswith("."):
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None:
        return True
    gap = text[token.end:nxt.start]
    if "\n\n" in gap:
        return True
    if token.text == "." and i > 0:
        word = tokens[i - 1]
        if word.end == token.start and (
            word.text.lower() in ABBREVIATIONS or (len(word.text) == 1 and word.text.isupper())
        ):
            return False
    if token.text.endswith(".") and token.text != "." and len(token.text) > 2:
        # "U.S." ends a sentence only before a capitalised word that is not a name part.
        return nxt.is_capitalised and nxt.text.lower() not in ("government", "state")
    first = nxt.text if nxt.text not in _QUOTES else text[nxt.end:nxt.end + 1]
    return bool(gap) and (first[:1].isupper() or first[:1].isdigit() or nxt.text in _QUOTES)


def sentences(text: str) -> list[Sentence]:
    """Sentences of the whole text; a blank line always ends one (headlines, captions)."""
    result: list[Sentence] = []
    for block in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        tokens = tokenize(text, block.start(), block.end())
        begin = i = 0
        while i < len(tokens):
            if i == len(tokens) - 1 or _ends_sentence(tokens, i, text):
                end = i + 1
                while (end < len(tokens) and tokens[end].text in _QUOTES
                       and tokens[end].start == tokens[end - 1].end):
                    end += 1  # a closing quote or bracket belongs to the sentence it ends
                part = tokens[begin:end]
                result.append(Sentence(part[0].start, part[-1].end, tuple(part)))
                begin = i = end
            else:
                i += 1
    return result
