"""Routes: turn news text about a trip into a route map that says what is known and guessed."""

__version__ = "0.1.0"
