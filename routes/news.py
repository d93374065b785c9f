"""News structure: slug lines, bylines, datelines, photo captions and the publication date.

Wire copy wraps the story in furniture that matters to a route: the dateline ("SEOUL, Sept. 13
(Yonhap) --") names where the reporter is, not where the traveller went; a photo caption may
describe another day or another trip. This module finds those parts and keeps them as metadata
(spans into the text), so later stages can weigh mentions by where they occur.

>>> meta = read_structure("SEOUL, Sept. 13 (Yonhap) -- Kim left.")
>>> meta.dateline.place, meta.dateline.month_day
('SEOUL', (9, 13))
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

__all__ = ["Dateline", "NewsStructure", "Span", "read_structure"]

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)*)"        # SEOUL, NEW YORK, LOS CHILES
    r"(?:, (?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?"      # , Calif.  , Costa Rica
    rf"(?:,? (?P<month>{_MONTH}) (?P<day>\d{{1,2}})(?:, (?P<year>\d{{4}}))?)?"
    r"(?: ?\((?P<agency>[A-Za-z][A-Za-z .&-]{1,30})\))?"
    r" ?(?:--|—|–|-|:) ?",
    re.MULTILINE,
)
_BYLINE = re.compile(r"^\s*By [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}(?:,.{0,60})?\s*$",
                     re.MULTILINE)
_SLUG = re.compile(r"^.*\((?:ATTN|EDS|LEAD|URGENT|UPDATE)[^)]*\).*$|^\s*date \d{4}-\d{2}-\d{2}.*$",
                   re.MULTILINE)
_CAPTION = re.compile(
    r"^[ \t]*(?:view larger image|\(?(?:AP|AFP|Reuters|Yonhap|EPA|Getty)\s+Photo\)?|Photo:|"
    r"This (?:file )?photo|In this (?:file )?photo|FILE PHOTO)[^\n]*$",
    re.MULTILINE | re.IGNORECASE,
)
_HEADER_DATE = re.compile(r"^\s*(?:date|published|posted|updated)[: ]\s*(\d{4}-\d{2}-\d{2})",
                          re.MULTILINE | re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the text by character offsets."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Dateline:
    """"SEOUL, Sept. 13 (Yonhap) --": the reporter's place, the day, the agency."""

    start: int
    end: int
    place: str
    place_start: int
    place_end: int
    region: str | None = None
    month_day: tuple[int, int] | None = None
    year: int | None = None
    agency: str | None = None


@dataclass(frozen=True, slots=True)
class NewsStructure:
    """Where the story's furniture is, and the publication date if the text states one."""

    slug: tuple[Span, ...] = ()
    byline: Span | None = None
    dateline: Dateline | None = None
    captions: tuple[Span, ...] = field(default=())
    published: date | None = None

    def in_caption(self, offset: int) -> bool:
        return any(c.start <= offset < c.end for c in self.captions)

    def in_furniture(self, offset: int) -> bool:
        """Inside the slug line or byline, where no place is part of the story."""
        spans = (*self.slug, *((self.byline,) if self.byline else ()))
        return any(s.start <= offset < s.end for s in spans)


def _dateline(text: str) -> Dateline | None:
    # Only the first paragraphs can hold the dateline.
    for match in _DATELINE.finditer(text, 0, min(len(text), 1500)):
        place = match.group("place")
        if len(place) < 3 or not (match.group("month") or match.group("agency")
                                  or match.group(0).rstrip().endswith(("--", "—", "–"))):
            continue
        month_day = None
        if match.group("month"):
            key = match.group("month").rstrip(".").lower()
            month = MONTHS.get(key) or MONTHS.get(key[:3])
            month_day = (month, int(match.group("day"))) if month else None
        return Dateline(
            start=match.start(), end=match.end(), place=place, place_start=match.start("place"),
            place_end=match.end("place"), region=match.group("region"), month_day=month_day,
            year=int(match.group("year")) if match.group("year") else None,
            agency=match.group("agency"),
        )
    return None


def _published(text: str, dateline: Dateline | None) -> date | None:
    header = _HEADER_DATE.search(text, 0, min(len(text), 2000))
    if header:
        try:
            return date.fromisoformat(header.group(1))
        except ValueError:
            pass
    if dateline and dateline.month_day and dateline.year:
        try:
            return date(dateline.year, *dateline.month_day)
        except ValueError:
            return None
    return None


def read_structure(text: str) -> NewsStructure:
    """Find the slug, byline, dateline, captions and publication date of a news text."""
    head = min(len(text), 2000)
    slug = tuple(Span(m.start(), m.end()) for m in _SLUG.finditer(text, 0, head))
    byline_match = _BYLINE.search(text, 0, head)
    dateline = _dateline(text)
    captions = tuple(_caption_span(text, m.start()) for m in _CAPTION.finditer(text))
    return NewsStructure(
        slug=slug,
        byline=Span(byline_match.start(), byline_match.end()) if byline_match else None,
        dateline=dateline,
        captions=captions,
        published=_published(text, dateline),
    )


def _caption_span(text: str, start: int) -> Span:
    """A caption runs to the end of its paragraph."""
    end = text.find("\n\n", start)
    return Span(start, len(text) if end < 0 else end)
