"""Open the graph backend for the explorer, read-only.

The explorer never writes: on the embedded store it reads through an SQLite
connection opened with ``mode=ro``, so a running explorer cannot change or create a
store (``graph.store.Store`` opens read-write and creates a missing file; see
docs/explorer.md). Neo4j is opened through ``graph.open_backend`` as configured.

>>> open_read_only({"backend": "sqlite", "store": "/nonexistent/x.sqlite"})
Traceback (most recent call last):
...
FileNotFoundError: Không tìm thấy kho dữ liệu /nonexistent/x.sqlite: hãy tạo bằng `vbgraph ingest <thư mục> --store /nonexistent/x.sqlite`
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from vbgraph import graph
from vbgraph.app.config import default

__all__ = ["open_read_only", "backend_key", "version_of"]


def _get(config: Any, name: str, default: Any = None) -> Any:
    if isinstance(config, Mapping):
        return config.get(name, default)
    return getattr(config, name, default)


def backend_key(config: Any) -> tuple[str, str]:
    """What identifies a backend for caching: (kind, store path or Neo4j URI/database); never the password.

    >>> backend_key({"backend": "sqlite", "store": "var/x.sqlite"})[0]
    'sqlite'
    """
    kind = (_get(config, "backend") or "sqlite").lower()
    if kind == "neo4j":
        return kind, f"{_get(config, 'neo4j_uri')}#{_get(config, 'neo4j_database') or ''}"
    return kind, str(Path(_get(config, "store") or default("store")).resolve())


def open_read_only(config: Any):
    """The backend a configuration names, opened read-only (SQLite: the file must exist)."""
    kind, where = backend_key(config)
    if kind != "sqlite":
        return graph.open_backend(config)
    path = Path(where)
    if not path.is_file():
        shown = _get(config, "store")
        raise FileNotFoundError(
            f"Không tìm thấy kho dữ liệu {shown}: hãy tạo bằng `vbgraph ingest <thư mục> --store {shown}`"
        )
    return graph.open_backend(config, read_only=True)


def version_of(backend: Any) -> int:
    """A number that changes when the store is written (0 when the backend cannot tell)."""
    fn = getattr(backend, "version", None)
    return int(fn()) if callable(fn) else 0
