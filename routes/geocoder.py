"""The offline gazetteer as a geopy geocoder.

:class:`GazetteerGeocoder` plugs in wherever geopy geocoders go, and never touches the network:

>>> from geopy.extra.rate_limiter import RateLimiter          # doctest: +SKIP
>>> geocode = RateLimiter(GazetteerGeocoder().geocode, min_delay_seconds=0)  # doctest: +SKIP
>>> geocode("Ussuriysk").point                                # doctest: +SKIP
Point(43.80467, 131.95734, 0.0)
>>> import geopandas                                           # doctest: +SKIP
>>> geopandas.tools.geocode(["Khasan"], provider=GazetteerGeocoder)  # doctest: +SKIP

Each :class:`geopy.location.Location` carries the full candidate in ``raw`` (id, feature class
and code, kind, country, admin1, population, extent), so disambiguation never asks twice.
"""

from __future__ import annotations

from pathlib import Path

from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from .gazetteer import Gazetteer
from .model import Place

__all__ = ["GazetteerGeocoder"]


class GazetteerGeocoder(Geocoder):
    """Geocode against the offline Routes gazetteer.

    Parameters
    ----------
    gazetteer
        An open :class:`~routes.gazetteer.Gazetteer`; by default the user's index.
    index_path
        Index file to open when ``gazetteer`` is not given.
    extra
        User gazetteer files searched alongside the index.
    """

    def __init__(
        self,
        *,
        gazetteer: Gazetteer | None = None,
        index_path: Path | None = None,
        extra: tuple[Path, ...] = (),
    ) -> None:
        super().__init__()
        self.gazetteer = gazetteer or Gazetteer(index_path, extra=extra)

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        limit: int | None = None,
        country: str | None = None,
        kind: str | None = None,
        near: tuple[float, float] | None = None,
    ) -> Location | list[Location] | None:
        """Best match (``exactly_one``) or all matches, best first; ``None`` when nothing matches.

        An empty query raises :class:`~routes.errors.InputError`, a ``ValueError``, which
        ``geopandas.tools.geocode`` treats as "no result".
        """
        places = self.gazetteer.lookup(
            query, country=country, kind=kind, near=near, limit=1 if exactly_one else limit
        )
        return _result(places, exactly_one)

    def reverse(
        self, query: object, *, exactly_one: bool = True, kind: str | None = None, limit: int = 5
    ) -> Location | list[Location] | None:
        """Nearest populated place (or nearest place of ``kind``) to a point."""
        point = Point(query)
        places = self.gazetteer.reverse(
            point.latitude, point.longitude, kind=kind, limit=1 if exactly_one else limit
        )
        return _result(places, exactly_one)


def _address(place: Place) -> str:
    parts = [place.name]
    if place.kind not in ("country", "continent") and place.country:
        parts.append(place.country)
    return ", ".join(parts)


def _location(place: Place) -> Location:
    return Location(_address(place), (place.lat, place.lon), place.to_dict())


def _result(places: list[Place], exactly_one: bool) -> Location | list[Location] | None:
    if not places:
        return None
    if exactly_one:
        return _location(places[0])
    return [_location(p) for p in places]
