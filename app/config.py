"""vbgraph's settings, in one declarative table: name, default, environment variable, help.

``load_config()`` reads the table once: defaults, overridden by the environment,
overridden by explicit keyword arguments (e.g. a CLI option).

>>> cfg = load_config(env={"VBGRAPH_STORE": "x.sqlite"})
>>> cfg.store, cfg.backend
('x.sqlite', 'sqlite')
>>> [s.env for s in SETTINGS][:2]
['VBGRAPH_STORE', 'VBGRAPH_BACKEND']
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, make_dataclass
from typing import Any, Mapping

__all__ = ["Setting", "SETTINGS", "Config", "load_config", "default"]


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: its name, default, the environment variable that overrides it, help text."""

    name: str
    default: Any
    env: str
    help: str
    choices: tuple[str, ...] = ()
    secret: bool = False


SETTINGS: tuple[Setting, ...] = (
    Setting("store", "var/vbgraph.sqlite", "VBGRAPH_STORE", "Path of the embedded SQLite graph store."),
    Setting("backend", "sqlite", "VBGRAPH_BACKEND", "Query backend: the embedded store or Neo4j.", ("sqlite", "neo4j")),
    Setting("traversal", "auto", "VBGRAPH_TRAVERSAL",
            "Engine of cascade/chain on the SQLite store: rustworkx (in memory, loaded once), SQL WITH RECURSIVE, "
            "or auto (rustworkx once loaded; SQL while a large store's graph loads in the background).",
            ("auto", "rustworkx", "sql")),
    Setting("neo4j_uri", None, "NEO4J_URI", "Bolt URI of Neo4j, e.g. bolt://localhost:7687."),
    Setting("neo4j_user", "neo4j", "NEO4J_USER", "Neo4j user name."),
    Setting("neo4j_password", None, "NEO4J_PASSWORD", "Neo4j password (from the environment or .env only).", secret=True),
    Setting("neo4j_database", None, "NEO4J_DATABASE", "Neo4j database name (default: the server's default)."),
)

Config = make_dataclass(
    "Config",
    [(s.name, Any, s.default) for s in SETTINGS],
    frozen=True,
    namespace={"__doc__": "The loaded settings; one attribute per row of SETTINGS."},
)


def default(name: str) -> Any:
    """The default of one setting (the one home of defaults such as the store's path).

    >>> default("store")
    'var/vbgraph.sqlite'
    """
    for s in SETTINGS:
        if s.name == name:
            return s.default
    raise KeyError(f"unknown setting {name!r}; known: {', '.join(s.name for s in SETTINGS)}")


def load_config(env: Mapping[str, str] | None = None, **overrides: Any) -> "Config":
    """Settings from the defaults, the environment (``env``, default ``os.environ``) and ``overrides``.

    Overrides whose value is None are ignored, so CLI options can be passed as they are.

    >>> load_config(env={}, backend="neo4j").backend
    'neo4j'
    """
    env = os.environ if env is None else env
    known = {s.name for s in SETTINGS}
    unknown = set(overrides) - known
    if unknown:
        raise ValueError(f"unknown setting(s) {sorted(unknown)}; known: {sorted(known)}")
    values = {}
    for s in SETTINGS:
        value = env.get(s.env, s.default)
        if overrides.get(s.name) is not None:
            value = overrides[s.name]
        if s.choices and value not in s.choices:
            raise ValueError(f"{s.env}={value!r} is not allowed; choose one of {', '.join(s.choices)}")
        values[s.name] = value
    return Config(**values)


assert [f.name for f in fields(Config)] == [s.name for s in SETTINGS]
