"""Neo4j 5: load the embedded store's graph into it, and answer ``graph.queries`` from it.

The driver is the official ``neo4j`` package (``driver.execute_query``); every
statement comes from ``graph.cypher``. Driver errors are raised as
``BackendError`` with the driver's error as the cause. A load stamps each node
and relationship with ``load_id`` (the store's version) and then prunes what
carries another stamp, so a second load, or a re-run after a load failed half
way, ends with the same counts.

>>> class Fake:
...     def __init__(self): self.calls = []
...     def execute_query(self, query, parameters_=None, database_=None):
...         self.calls.append((query, parameters_)); return ([], None, [])
>>> backend = Neo4jBackend(Fake())
>>> backend.q_failures(), backend.driver.calls[0][0].startswith("MATCH (f:File {status: 'failed'})")
([], True)
"""
from __future__ import annotations

import json
import re
import uuid
from typing import Any, Callable, Iterable, Iterator

from vbgraph.ingest.read import read_file

from . import cypher
from .coverage import build_coverage
from .errors import BackendError, ConfigError
from .jurisdictions import load_units, succession
from .merge import issuer_id
from .models import (
    CascadeRow,
    Coverage,
    DirectiveDetail,
    DirectiveRow,
    EdgeRow,
    FailureRow,
    SourceText,
    Span,
    Stats,
)
from .props import directive_in, edge_props, file_props, issued_by, node_props, text_of
from .search import parse_query
from .store import Store

__all__ = ["Neo4jBackend", "load", "redact", "ROW_FIELDS"]

ROW_FIELDS = tuple(DirectiveRow.__dataclass_fields__)


class Neo4jBackend:
    """``graph.queries`` on Neo4j. Build with ``Neo4jBackend.connect(uri, user, password)``
    or pass any object with the driver's ``execute_query`` (tests pass a fake)."""

    def __init__(self, driver: Any, *, database: str | None = None):
        self.driver = driver
        self.database = database

    @classmethod
    def connect(cls, uri: str | None, user: str | None, password: str | None, *, database: str | None = None):
        """A backend on a running server; fails with ``ConfigError`` if the URI or password is missing."""
        if not uri:
            raise ConfigError("Neo4j needs NEO4J_URI (e.g. bolt://localhost:7687)")
        if password is None:
            raise ConfigError("Neo4j needs NEO4J_PASSWORD (set it in the environment or .env)")
        try:
            import neo4j

            driver = neo4j.GraphDatabase.driver(uri, auth=(user or "neo4j", password))
            driver.verify_connectivity()
        except Exception as err:  # the driver raises many types; all mean "cannot connect"
            # not chained: the driver's own message may carry the URI's credentials into a traceback
            raise BackendError(redact(f"cannot connect to Neo4j at {uri}: {err}", uri, password)) from None
        return cls(driver, database=database)

    def close(self) -> None:
        """Close the driver."""
        close = getattr(self.driver, "close", None)
        if close:
            close()

    def run(self, query: str, **params: Any) -> list[dict]:
        """Run one statement of ``graph.cypher``; records as dicts."""
        if query not in _KNOWN:
            raise BackendError("refusing a statement that is not in graph.cypher")
        try:
            result = self.driver.execute_query(query, parameters_=params, database_=self.database)
        except Exception as err:
            raise BackendError(f"Neo4j query failed: {err}") from err
        records = result[0] if isinstance(result, tuple) else result.records
        return [r if isinstance(r, dict) else r.data() for r in records]

    # ------------------------------------------------------------- queries
    def _rows(self, ids: Iterable[str]) -> dict[str, DirectiveRow]:
        ids = list(dict.fromkeys(ids))
        out: dict[str, DirectiveRow] = {}
        for k in range(0, len(ids), 5000):
            for rec in self.run(cypher.ROWS, ids=ids[k : k + 5000]):
                row = _row(rec["d"])
                out[row.id] = row
        return out

    def q_search(self, text: str, limit: int) -> list[DirectiveRow]:
        q = parse_query(text)
        if not (q.id or q.key or q.key_prefix or q.number or q.words):
            return []
        way = next(w for w in ("id", "key", "key_prefix", "number", "words") if getattr(q, w))
        params = {"words": list(q.words), "limit": limit}
        if way == "number":
            params["numbers"] = [q.number, q.number.zfill(2)]
        elif way == "words":
            params["first_word"] = " " + q.words[0]
        else:
            params[way] = getattr(q, way)
        recs = self.run(cypher.SEARCH[way], **params)
        return [_row(r["d"]) for r in recs]

    def q_directive(self, id: str) -> DirectiveDetail | None:
        recs = self.run(cypher.DIRECTIVE, id=id)
        if not recs:
            return None
        props = recs[0]["d"]
        groups: dict[tuple[str, bool], list[EdgeRow]] = {}
        for rec in self.run(cypher.DIRECTIVE_EDGES, id=id):
            r = rec["r"]
            edge = EdgeRow(_row(rec["o"]), rec["type"].lower(), r.get("cue"), r.get("mentions") or 1, r.get("sentence"),
                           r.get("path"), r.get("start"), r.get("end"), tuple(json.loads(r["candidates"])) if r.get("candidates") else ())
            groups.setdefault((rec["type"], rec["outgoing"]), []).append(edge)
        conflicts = {f: tuple(v) for f, v in json.loads(props.get("conflicts") or "{}").items()}
        return DirectiveDetail(
            row=_row(props),
            conflicts=conflicts,
            implements=tuple(groups.get(("IMPLEMENTS", True), ())),
            implemented_by=tuple(groups.get(("IMPLEMENTS", False), ())),
            refers_to=tuple(groups.get(("REFERS_TO", True), ())),
            referred_by=tuple(groups.get(("REFERS_TO", False), ())),
            sources=tuple(p for p in [props.get("path")] if p),
        )

    def q_cascade(self, id: str, relations: tuple[str, ...], max_depth: int | None) -> list[CascadeRow]:
        types = [cypher.RELATION_TYPES[r] for r in relations]
        seen, frontier, found, depth = {id}, [id], [], 0
        while frontier and (max_depth is None or depth < max_depth):
            depth += 1
            nxt = []
            for rec in self.run(cypher.CHILDREN, ids=frontier, types=types):
                child = rec["child"]
                if child not in seen:
                    seen.add(child)
                    nxt.append(child)
                    found.append((child, rec["parent"], depth, rec["type"].lower()))
            frontier = nxt
        rows = self._rows(c for c, _, _, _ in found)
        return [CascadeRow(rows[c], p, d, rel) for c, p, d, rel in found if c in rows]

    def q_chain(self, id: str) -> list[list[DirectiveRow]]:
        parents: dict[str, list[str]] = {}
        frontier = [id]
        while frontier:
            todo = [i for i in frontier if i not in parents]
            for i in todo:
                parents[i] = []
            for rec in self.run(cypher.PARENTS, ids=todo) if todo else ():
                parents[rec["child"]].append(rec["parent"])
            frontier = [p for i in todo for p in parents[i] if p not in parents]
        if not parents.get(id) and not self.run(cypher.DIRECTIVE, id=id):
            return []
        paths, stack = [], [[id]]
        while stack and len(paths) < 1000:
            path = stack.pop()
            ups = [p for p in sorted(parents.get(path[-1], ())) if p not in path]
            if not ups:
                if len(path) > 1:
                    paths.append(path)
                continue
            stack.extend(path + [p] for p in reversed(ups))
        rows = self._rows({n for p in paths for n in p})
        return [[rows[n] for n in p] for p in paths]

    def q_coverage(self, id: str) -> Coverage | None:
        recs = self.run(cypher.DIRECTIVE, id=id)
        if not recs:
            return None
        units = lambda era: [(r["name"], r["level"], r["parent"]) for r in self.run(cypher.UNITS, era=era)]  # noqa: E731
        return build_coverage(_row(recs[0]["d"]), self.q_cascade(id, ("implements",), None), units)

    def q_most_cited(self, limit: int) -> list[tuple[DirectiveRow, int]]:
        return [(_row(r["d"]), r["cited"]) for r in self.run(cypher.MOST_CITED, limit=limit)]

    def q_stats(self) -> Stats:
        files = self.run(cypher.STATS_FILES)
        return Stats(
            documents=dict(sorted((r["kind"], r["n"]) for r in files if r["status"] == "ok")),
            directives=dict(sorted((r["status"], r["n"]) for r in self.run(cypher.STATS_DIRECTIVES))),
            edges=dict(sorted((r["type"].lower(), r["n"]) for r in self.run(cypher.STATS_EDGES))),
            files=sum(r["n"] for r in files),
            failed=sum(r["n"] for r in files if r["status"] == "failed"),
        )

    def q_failures(self) -> list[FailureRow]:
        return [FailureRow(r["path"], r["reason"] or "") for r in self.run(cypher.FAILURES)]

    def q_source(self, id: str) -> SourceText | None:
        recs = self.run(cypher.SOURCE_FILE, id=id)
        if not recs:
            return None
        path = recs[0]["path"]
        try:
            text = read_file(path).text
        except OSError:
            return None
        spans = [Span(s, e, label, r["target"]) for r in self.run(cypher.SOURCE_SPANS, path=path)
                 for s, e, label in json.loads(r["spans"] or "[]")]
        return SourceText(path, text, tuple(sorted(spans, key=lambda s: (s.start, s.end))))


_KNOWN = frozenset(cypher.ALL_STATEMENTS)
_USERINFO = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)[^/@\s]*@", re.IGNORECASE)


def redact(text: str, uri: str | None = None, password: str | None = None) -> str:
    """``text`` without the credentials of a Neo4j URI (``user:password@``) or the password.

    >>> redact("cannot connect to bolt://neo4j:s3cret@db:7687: refused s3cret", password="s3cret")
    'cannot connect to bolt://***@db:7687: refused ***'
    """
    text = _USERINFO.sub(r"\g<scheme>***@", text)
    if password:
        text = text.replace(password, "***")
    return text


def _row(props: dict) -> DirectiveRow:
    return DirectiveRow(**{f: props.get(f) for f in ROW_FIELDS if props.get(f) is not None})


# ------------------------------------------------------------------ load
def _batches(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def load(store: Store, backend: Neo4jBackend, *, batch: int = 10_000, progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Write the store's graph to Neo4j: constraints and indexes, then UNWIND batches, then prune.

    Returns the number of rows sent per statement kind.

    >>> class Fake:
    ...     def __init__(self): self.calls = []
    ...     def execute_query(self, query, parameters_=None, database_=None):
    ...         self.calls.append(query); return ([{"deleted": 0}], None, [])
    >>> sent = load(tiny_store(), Neo4jBackend(Fake()))
    >>> sent["directives"], sent["implements"], sent["refers_to"]
    (5, 3, 1)
    """
    if batch < 1:
        raise ValueError(f"batch must be >= 1, not {batch}")
    load_id = uuid.uuid4().hex  # unique per load: another store's write counter can equal this one's
    for statement in cypher.SCHEMA:
        backend.run(statement)
    sent: dict[str, int] = {}

    def send(name: str, statement: str, rows: Iterable[dict], stamped: bool = True) -> None:
        n = 0
        for chunk in _batches(rows, batch):
            params = {"rows": chunk, "load_id": load_id} if stamped else {"rows": chunk}
            backend.run(statement, **params)
            n += len(chunk)
            if progress:
                progress(name, n)
        sent[name] = n

    units = load_units()
    send("jurisdictions", cypher.MERGE_JURISDICTIONS,
         ({"id": u.id, "name": u.name, "level": u.level, "era": u.era, "province": u.province} for u in units), False)
    send("part_of", cypher.MERGE_PART_OF, ({"child": u.id, "parent": u.parent} for u in units if u.parent), False)
    send("formed_from", cypher.MERGE_FORMED_FROM, ({"new_id": a, "old_id": b} for a, b in succession()), False)
    send("files", cypher.MERGE_FILES, file_props(store))
    send("directives", cypher.MERGE_DIRECTIVES, node_props(store))
    send("issuers", cypher.MERGE_ISSUERS, store.issuers())
    send("issued_by", cypher.MERGE_ISSUED_BY, issued_by(store))
    placed = list(directive_in(store))
    send("directive_in", cypher.MERGE_DIRECTIVE_IN, placed)
    issuer_in = {issuer_id(r["directive"]): r["jurisdiction"].split(".")[0] for r in placed}
    send("issuer_in", cypher.MERGE_ISSUER_IN, ({"issuer": i, "jurisdiction": j} for i, j in issuer_in.items()))
    send("text_of", cypher.MERGE_TEXT_OF, text_of(store))
    for relation, statement in cypher.MERGE_EDGES.items():
        send(relation, statement, edge_props(store, relation))
    for statement in (cypher.PRUNE_RELS, cypher.PRUNE_NODES):
        while True:
            got = backend.run(statement, load_id=load_id, limit=batch)
            if not got or not got[0].get("deleted"):
                break
    return sent
