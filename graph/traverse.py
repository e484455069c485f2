"""The two traversal engines of ``cascade`` and ``chain`` over the SQLite store.

* ``rustworkx``: an in-memory graph (node index = ``directives.n``, edges child → parent as
  the texts say it, edge data = relation), loaded once per store version.
* ``sql``: SQLite ``WITH RECURSIVE`` queries; no load time.
* ``auto`` (default): rustworkx once its graph is loaded; a store with more than
  ``AUTO_SYNC_EDGES`` edges is answered by SQL while the graph loads in a background thread.

Both engines give the same rows in the same order: breadth first, by depth then node; a
node's parent is the smallest (parent, relation) one level up. A background load that
fails is logged, and the next traversal raises ``StoreError`` with the failure as its
cause (the one after it starts a new load).

>>> g = rx.PyDiGraph(); g.add_nodes_from(range(4))
NodeIndices[0, 1, 2, 3]
>>> _ = g.add_edges_from([(1, 0, "implements"), (2, 1, "implements"), (3, 0, "refers_to")])
>>> cascade_rx(g, 0, ("implements",), None)
[(1, 0, 1, 'implements'), (2, 1, 2, 'implements')]
"""
from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path
from typing import Any, Callable, Iterable
from urllib.parse import quote

import rustworkx as rx

from .errors import StoreError

__all__ = ["TRAVERSALS", "AUTO_SYNC_EDGES", "Traversal", "load_graph", "cascade_rx", "cascade_sql", "chain_paths"]

TRAVERSALS = ("auto", "rustworkx", "sql")
AUTO_SYNC_EDGES = 300_000  # up to this many edges, ``auto`` loads the rustworkx graph at once
MAX_PATHS = 1000  # chain stops after this many paths
_LOAD_THREAD = "vbgraph-graph-load"

log = logging.getLogger(__name__)

# (node, parent node, depth, relation) of each directive a cascade reaches.
Found = list[tuple[int, int, int, str]]
Run = Callable[[str, Iterable], list[tuple]]

_VERSION = "SELECT value FROM meta WHERE key = 'version'"
_EDGES = (
    "SELECT DISTINCT s.n, d.n, e.relation FROM edges e JOIN directives s ON s.id = e.src "
    "JOIN directives d ON d.id = e.dst"
)
_PARENTS = (
    "SELECT DISTINCT d.n FROM directives s JOIN edges e ON e.src = s.id AND e.relation = 'implements' "
    "JOIN directives d ON d.id = e.dst WHERE s.n = ? ORDER BY d.n"
)


def load_graph(con: sqlite3.Connection) -> tuple[rx.PyDiGraph, int]:
    """(rustworkx graph, store version) read in one snapshot of ``con``."""
    con.execute("BEGIN")
    try:
        got = con.execute(_VERSION).fetchall()
        version = int(got[0][0]) if got else 0
        top = con.execute("SELECT coalesce(max(n), 0) FROM directives").fetchone()[0]
        g = rx.PyDiGraph(check_cycle=False, multigraph=True, node_count_hint=top + 1)
        g.add_nodes_from(range(top + 1))
        cur = con.execute(_EDGES)
        while batch := cur.fetchmany(100_000):
            g.add_edges_from(batch)
    finally:
        con.execute("COMMIT")
    return g, version


def cascade_rx(g: rx.PyDiGraph, root: int, relations: tuple[str, ...], max_depth: int | None) -> Found:
    """Breadth-first walk down from ``root`` on the rustworkx graph."""
    seen = {root}
    frontier = [root]
    out: Found = []
    depth = 0
    while frontier and (max_depth is None or depth < max_depth):
        depth += 1
        nxt: dict[int, tuple[int, str]] = {}
        for parent in frontier:
            for child, _, rel in g.in_edges(parent):
                if rel in relations and child not in seen:
                    cand = (parent, rel)
                    if child not in nxt or cand < nxt[child]:
                        nxt[child] = cand
        seen.update(nxt)
        frontier = sorted(nxt)
        out += [(child, nxt[child][0], depth, nxt[child][1]) for child in frontier]
    return out


def cascade_sql(run: Run, root: int, relations: tuple[str, ...], max_depth: int | None) -> Found:
    """Breadth-first walk down from ``root`` as one ``WITH RECURSIVE`` query (``run(sql, params)``)."""
    marks = ",".join("?" * len(relations))
    limit = max_depth or 64
    got = run(
        f"""
        WITH RECURSIVE down(n, id, parent, depth, relation) AS (
            SELECT n, id, NULL, 0, NULL FROM directives WHERE n = ?
            UNION
            SELECT c.n, c.id, down.n, down.depth + 1, e.relation
            FROM down JOIN edges e ON e.dst = down.id AND e.relation IN ({marks})
            JOIN directives c ON c.id = e.src
            WHERE down.depth < ?
        )
        SELECT n, depth, parent, relation FROM down WHERE depth > 0 AND n != ?
        """,
        (root, *relations, limit, root),
    )
    best: dict[int, tuple[int, int, str]] = {}
    for n, depth, parent, rel in got:
        cand = (depth, parent, rel)
        if n not in best or cand < best[n]:
            best[n] = cand
    return sorted(((n, p, d, r) for n, (d, p, r) in best.items()), key=lambda t: (t[2], t[0]))


def chain_paths(start: int, parents: Callable[[int], list[int]]) -> list[list[int]]:
    """Every path from ``start`` up to a root, following ``parents(n)`` (cycles cut).

    >>> chain_paths(1, {1: [2, 3], 2: [3], 3: []}.get)
    [[1, 2, 3], [1, 3]]
    """
    paths: list[list[int]] = []
    stack = [[start]]
    while stack and len(paths) < MAX_PATHS:
        path = stack.pop()
        ups = [p for p in parents(path[-1]) if p not in path]
        if not ups:
            if len(path) > 1:
                paths.append(path)
            continue
        stack.extend(path + [p] for p in reversed(ups))
    return paths


class Traversal:
    """The engines over one store: ``store.traversal`` names the engine, ``store.con`` and
    ``store._lock`` serve the synchronous load, ``store._q`` the SQL engine."""

    def __init__(self, store: Any):
        self.store = store
        self._graph: rx.PyDiGraph | None = None
        self._version: int | None = None
        self._loading = False
        self._error: BaseException | None = None

    def graph(self) -> rx.PyDiGraph:
        """The rustworkx graph of the store's current version (loaded now if it is not)."""
        with self.store._lock:
            version = self.store.version()
            if self._graph is None or self._version != version:
                self._graph, self._version = load_graph(self.store.con)
            return self._graph

    def engine(self) -> str:
        """The engine of the next traversal; raises ``StoreError`` once after a failed background load."""
        with self.store._lock:
            err, self._error = self._error, None
        if err is not None:
            raise StoreError(f"loading the traversal graph of {self.store.path} failed: {err}") from err
        mode = self.store.traversal
        if mode != "auto":
            return mode
        if self._graph is not None and self._version == self.store.version():
            return "rustworkx"
        edges = self.store._q("SELECT coalesce(max(rowid), 0) FROM edges")[0][0]
        if edges <= AUTO_SYNC_EDGES or self.store.path == ":memory:":
            self.graph()
            return "rustworkx"
        self._load_in_background()
        return "sql"

    def _load_in_background(self) -> None:
        with self.store._lock:
            if self._loading:
                return
            self._loading = True
        threading.Thread(target=self._load, name=_LOAD_THREAD, daemon=True).start()

    def _load(self) -> None:
        con = None
        try:
            uri = f"file:{quote(str(Path(self.store.path).resolve()))}?mode=ro"
            con = sqlite3.connect(uri, uri=True, isolation_level=None)
            graph, version = load_graph(con)
            with self.store._lock:
                self._graph, self._version = graph, version
        except Exception as err:  # recorded and raised by the next traversal, never dropped
            log.warning("loading the traversal graph of %s failed; SQL answers meanwhile", self.store.path, exc_info=True)
            with self.store._lock:
                self._error = err
        finally:
            if con is not None:
                con.close()
            with self.store._lock:
                self._loading = False

    def cascade(self, root: int, relations: tuple[str, ...], max_depth: int | None) -> Found:
        """(node, parent, depth, relation) of every directive below ``root``."""
        if self.engine() == "sql":
            return cascade_sql(self.store._q, root, relations, max_depth)
        return cascade_rx(self.graph(), root, relations, max_depth)

    def chain(self, start: int) -> list[list[int]]:
        """Every path (of node numbers) from ``start`` up the implements edges to a root."""
        if self.engine() == "sql":
            return chain_paths(start, lambda n: [r[0] for r in self.store._q(_PARENTS, (n,))])
        g = self.graph()
        return chain_paths(start, lambda n: sorted({p for _, p, rel in g.out_edges(n) if rel == "implements"}))
