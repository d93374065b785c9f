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

__all__ = ["ABBREVIATIONS", "Sentence", "Token", "sentences", "split_at_hyphens", "tokenize"]

_LETTER = r"[^\W\d_]"
# A lower-case or capitalised plain word, tried first: most tokens are one, and the full
# alternatives below would give the same token for it.
_PLAIN_WORD = rf"[A-Z]?[a-z]+(?!{_LETTER}|[.'’\-])"
_TOKEN = re.compile(
    # Leading white space is consumed by the match, not skipped one failed attempt at a time.
    rf"\s*({_PLAIN_WORD}"
    r"|(?:[A-Z][a-z]{0,2}\.){2,}|(?:[a-z]\.){2,}"            # U.S., N.Y., W.Va., a.m.
    r"|[DRI](?=-[A-Z])"                                    # a party before a state: D-N.Y.
    rf"|{_LETTER}+(?:\.(?=,|\s+[a-z]))?(?:['’\-]{_LETTER}+)*(?:['’]s)?"   # words, Kim's
    r"|\d+(?:[.,:]\d+)*"                                   # numbers, 9:30, 1,200
    r"|\S)",                                               # any other single character
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
    # tuple.__new__ skips the named tuple's Python-level __new__: a fifth of the time here.
    new = tuple.__new__
    tokens = [new(Token, (match[1], match.start(1), match.end(1)))
              for match in _TOKEN.finditer(text, start, len(text) if end is None else end)]
    hyphenated = [i for i, token in enumerate(tokens) if "-" in token.text
                  and _SPLITTABLE.search(token.text)]
    for i in reversed(hyphenated):  # from the end, so earlier indices stay valid
        tokens[i:i + 1] = _split_hyphens(tokens[i].text, tokens[i].start)
    return tokens


_KEEP_JOINED = frozenset({"upon", "on", "sur", "les", "en", "de", "la", "le", "du", "in", "am",
                          "an", "der", "sous", "lez", "by", "the"})
_SPLITTABLE = re.compile(r"(?:^|-)[a-z]{3,}(?:-|$)")


def _split_hyphens(word: str, offset: int) -> list[Token]:
    parts = word.split("-")
    if not any(p[:1].isupper() for p in parts) or any(p in _KEEP_JOINED for p in parts):
        return [Token(word, offset, offset + len(word))]
    return split_at_hyphens(word, offset)


def split_at_hyphens(word: str, offset: int) -> list[Token]:
    """The parts of a hyphenated word and its hyphens, as tokens at ``offset`` in the text."""
    parts = word.split("-")
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
        # Only a full stop, "!" or "?" can end a sentence early: test just those tokens.
        enders = [i for i, token in enumerate(tokens) if token.text[-1] in ".!?"]
        begin = 0
        for i in enders:
            if i == len(tokens) - 1 or not _ends_sentence(tokens, i, text):
                continue
            end = i + 1
            while (end < len(tokens) and tokens[end].text in _QUOTES
                   and tokens[end].start == tokens[end - 1].end):
                end += 1  # a closing quote or bracket belongs to the sentence it ends
            result.append(_sentence(tokens[begin:end]))
            begin = end
        if begin < len(tokens):
            result.append(_sentence(tokens[begin:]))
    return result


def _sentence(tokens: list[Token]) -> Sentence:
    return Sentence(tokens[0].start, tokens[-1].end, tuple(tokens))
