"""Errors Routes reports to its users.

One root, :class:`RoutesError`, caught at the CLI boundary and printed as one line. Each subclass
is also the builtin it resembles, so callers can catch either, as geopy's exceptions do.
"""

from __future__ import annotations

__all__ = ["GazetteerError", "InputError", "RoutesError"]


class RoutesError(Exception):
    """Root of every error Routes raises on purpose; its message is one line for the user."""


class InputError(RoutesError, ValueError):
    """A file, argument or piece of text that Routes cannot use as given."""


class GazetteerError(RoutesError, OSError):
    """The gazetteer index or one of its source files cannot be built, read or updated."""
