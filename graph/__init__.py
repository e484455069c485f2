"""vbgraph's graph: canonical identity, the embedded store, incremental build, queries, Neo4j.

>>> from vbgraph.graph import open_backend
>>> backend = open_backend({"backend": "sqlite", "store": ":memory:"})
>>> type(backend).__name__
'Store'
"""
from __future__ import annotations

from typing import Any, Mapping

from .errors import ConfigError, GraphError
from vbgraph.ingest.identity import directive_id

__all__ = ["open_backend", "directive_id", "GraphError"]

BACKENDS = ("sqlite", "neo4j")


def _setting(config: Any, name: str, default: Any = None) -> Any:
    if config is None:
        return default
    if isinstance(config, Mapping):
        return config.get(name, default)
    return getattr(config, name, default)


def open_backend(config: Any = None, *, read_only: bool = False):
    """The backend a configuration names: the SQLite ``Store`` (default) or Neo4j.

    ``config`` is ``app.config.load_config()``'s result or any mapping/object with
    ``backend``, ``store``, ``neo4j_uri``, ``neo4j_user``, ``neo4j_password``.
    ``read_only`` opens the SQLite store with ``mode=ro`` (it must exist); Neo4j ignores it.
    """
    backend = (_setting(config, "backend", "sqlite") or "sqlite").lower()
    if backend not in BACKENDS:
        raise ConfigError(f"unknown backend {backend!r}; allowed: {', '.join(BACKENDS)}")
    if backend == "neo4j":
        from .neo4j_backend import Neo4jBackend

        return Neo4jBackend.connect(
            _setting(config, "neo4j_uri"),
            _setting(config, "neo4j_user", "neo4j"),
            _setting(config, "neo4j_password"),
            database=_setting(config, "neo4j_database"),
        )
    from .store import Store

    traversal = _setting(config, "traversal", "auto") or "auto"
    path = _setting(config, "store")
    if not path:
        raise ConfigError("no store given: set `store` (VBGRAPH_STORE, or --store FILE; see app/config.py)")
    return Store(path, read_only=read_only, traversal=traversal)
