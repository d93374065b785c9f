"""Routes: turn news text about a trip into a route map that says what is known and guessed.

>>> import routes
>>> result = routes.places("Kim's train crossed into Russia at Khasan.")   # doctest: +SKIP
>>> [(m.mention.surface, m.place.name) for m in result]                    # doctest: +SKIP
[('Russia', 'Russia'), ('Khasan', 'Khasan')]
>>> route = routes.track(open("report.txt").read(), published="2023-09-13")  # doctest: +SKIP
>>> route.stops, route.legs, route.map()                                   # doctest: +SKIP

The pipeline's entry points are imported on first use, so ``import routes`` (and the CLI's
start-up) stays fast.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Route", "places", "track"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name == "places":
        from .geoparse import places

        return places
    if name in ("track", "Route"):
        from . import route

        return getattr(route, name)
    raise AttributeError(f"module 'routes' has no attribute {name!r}")
