"""A Neo4j load that fails half-way can be re-run to completion with the same final counts.

The fake below keeps a graph the way Neo4j would for each statement of `graph.cypher`
(MERGE by key, SET load stamps, prune what carries another stamp), so counts after a
failed-then-resumed load can be compared with those of a clean load.
"""
from __future__ import annotations

import pytest

from vbgraph.graph import cypher
from vbgraph.graph.errors import BackendError
from vbgraph.graph.neo4j_backend import Neo4jBackend, load


class GraphFake:
    """An in-memory graph that answers the write statements of `graph.cypher`."""

    def __init__(self, fail_after: int | None = None):
        self.nodes: dict[tuple[str, str], dict] = {}
        self.rels: dict[tuple, dict] = {}
        self.fail_after = fail_after
        self.writes = 0

    def counts(self) -> tuple[int, int]:
        return len(self.nodes), len(self.rels)

    def _rel(self, rel_type, a, b, load_id=None, extra=None):
        if a in self.nodes and b in self.nodes:
            self.rels[(rel_type, a, b, extra)] = {"load_id": load_id}

    def execute_query(self, query, parameters_=None, database_=None):
        p = parameters_ or {}
        if query.startswith("UNWIND"):
            self.writes += 1
            if self.fail_after is not None and self.writes > self.fail_after:
                raise ConnectionError("connection lost")  # the load dies half-way
        rows, lid = p.get("rows", []), p.get("load_id")
        node = {cypher.MERGE_FILES: ("File", "path"), cypher.MERGE_DIRECTIVES: ("Directive", "id"),
                cypher.MERGE_ISSUERS: ("Issuer", "id"), cypher.MERGE_JURISDICTIONS: ("Jurisdiction", "id")}
        if query in node:
            label, key = node[query]
            for row in rows:
                self.nodes.setdefault((label, row[key]), {}).update(load_id=lid if label != "Jurisdiction" else None)
            return [], None, []
        links = {
            cypher.MERGE_PART_OF: ("PART_OF", ("Jurisdiction", "child"), ("Jurisdiction", "parent")),
            cypher.MERGE_FORMED_FROM: ("FORMED_FROM", ("Jurisdiction", "new_id"), ("Jurisdiction", "old_id")),
            cypher.MERGE_ISSUED_BY: ("ISSUED_BY", ("Directive", "directive"), ("Issuer", "issuer")),
            cypher.MERGE_DIRECTIVE_IN: ("IN", ("Directive", "directive"), ("Jurisdiction", "jurisdiction")),
            cypher.MERGE_ISSUER_IN: ("IN", ("Issuer", "issuer"), ("Jurisdiction", "jurisdiction")),
            cypher.MERGE_TEXT_OF: ("TEXT_OF", ("File", "path"), ("Directive", "directive")),
        }
        if query in links:
            rel_type, (la, ka), (lb, kb) = links[query]
            for row in rows:
                self._rel(rel_type, (la, row[ka]), (lb, row[kb]), lid)
            return [], None, []
        for relation, statement in cypher.MERGE_EDGES.items():
            if query == statement:
                for row in rows:
                    self._rel(cypher.RELATION_TYPES[relation], ("Directive", row["src"]), ("Directive", row["dst"]),
                              lid, row["path"])
                return [], None, []
        if query == cypher.PRUNE_RELS:
            stale = [k for k, v in self.rels.items() if v["load_id"] is not None and v["load_id"] != lid][: p["limit"]]
            for k in stale:
                del self.rels[k]
            return [{"deleted": len(stale)}], None, []
        if query == cypher.PRUNE_NODES:
            stale = [k for k, v in self.nodes.items() if k[0] != "Jurisdiction" and v["load_id"] != lid][: p["limit"]]
            for k in stale:
                del self.nodes[k]
                for r in [r for r in self.rels if k in (r[1], r[2])]:
                    del self.rels[r]
            return [{"deleted": len(stale)}], None, []
        return [], None, []  # schema statements


def test_a_load_that_fails_half_way_resumes_to_the_same_counts(tiny_store):
    store = tiny_store
    clean = GraphFake()
    load(store, Neo4jBackend(clean), batch=2)
    assert clean.counts()[0] > 0 and clean.counts()[1] > 0
    for fail_after in (1, 5, clean.writes // 2, clean.writes - 1):
        broken = GraphFake(fail_after=fail_after)
        with pytest.raises(BackendError):
            load(store, Neo4jBackend(broken), batch=2)
        assert broken.counts() != clean.counts() or fail_after >= clean.writes - 1
        broken.fail_after = None
        load(store, Neo4jBackend(broken), batch=2)
        assert broken.counts() == clean.counts(), f"failed after {fail_after} writes"


def test_a_second_load_changes_no_count(tiny_store):
    store = tiny_store
    fake = GraphFake()
    load(store, Neo4jBackend(fake), batch=3)
    first = fake.counts()
    load(store, Neo4jBackend(fake), batch=3)
    assert fake.counts() == first
