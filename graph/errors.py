"""The graph's exception tree: catch ``GraphError`` for anything raised by ``graph``.

>>> issubclass(BackendError, GraphError), issubclass(QueryError, GraphError)
(True, True)
"""
from __future__ import annotations

__all__ = ["GraphError", "QueryError", "NotFound", "Ambiguous", "StoreError", "BackendError", "ConfigError"]


class GraphError(Exception):
    """Base of every error raised by ``graph``."""


class QueryError(GraphError, ValueError):
    """A query argument outside what is allowed; the message says what is."""


class NotFound(QueryError, LookupError):
    """No directive matches a query or an id."""


class Ambiguous(QueryError):
    """A phrase that names several directives; ``candidates`` are their rows, best first."""

    def __init__(self, message: str, candidates: tuple = ()):
        super().__init__(message)
        self.candidates = tuple(candidates)


class StoreError(GraphError):
    """The embedded SQLite store cannot be opened, read or written."""


class BackendError(GraphError):
    """A backend (Neo4j) failed; the driver's error is the ``__cause__``."""


class ConfigError(GraphError, ValueError):
    """A setting with a value that is not allowed."""
