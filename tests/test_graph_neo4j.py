"""Neo4j: exact Cypher and parameters through a fake driver, Neo4j's own parser on every
statement, and a real server when NEO4J_URI is set."""
from __future__ import annotations

import json
import re
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from vbgraph.graph import cypher, queries
from vbgraph.graph.errors import BackendError
from vbgraph.graph.neo4j_backend import Neo4jBackend, load

TOOLS = Path(__file__).resolve().parents[1] / "tools"


class FakeDriver:
    """Records every (query, parameters); answers from a table keyed by query."""

    def __init__(self, answers: dict[str, list[dict]] | None = None, fail: Exception | None = None):
        self.calls: list[tuple[str, dict]] = []
        self.answers = answers or {}
        self.fail = fail

    def execute_query(self, query, parameters_=None, database_=None):
        if self.fail:
            raise self.fail
        self.calls.append((query, parameters_))
        return (self.answers.get(query, [{"deleted": 0}]), None, [])


def test_load_sends_schema_first_then_unwind_batches(tiny_store):
    driver = FakeDriver()
    store = tiny_store
    sent = load(store, Neo4jBackend(driver), batch=2)
    queries_sent = [q for q, _ in driver.calls]
    assert queries_sent[: len(cypher.SCHEMA)] == list(cypher.SCHEMA)
    writes = [(q, p) for q, p in driver.calls if q.startswith("UNWIND $rows")]
    assert all(len(p["rows"]) <= 2 for _, p in writes)
    directive_rows = [r for q, p in writes if q == cypher.MERGE_DIRECTIVES for r in p["rows"]]
    assert sent["directives"] == len(directive_rows) == 5
    lc61 = next(r for r in directive_rows if r["id"] == "vn/lai-chau/tu/kh/2021/61")
    assert lc61["props"]["homonyms"] == 2 and lc61["props"]["cited"] == 1 and lc61["props"]["status"] == "document"
    implements = [r for q, p in writes if q == cypher.MERGE_EDGES["implements"] for r in p["rows"]]
    assert {(r["src"], r["dst"]) for r in implements} == {
        ("vn/lai-chau/tu/kh/2021/61", "vn/national/tw/nq/2018/35"),
        ("vn/son-la/tu/kh/2021/61", "vn/national/tw/nq/2018/35"),
        ("vn/lai-chau.tam-duong/hu/kh/2022/102", "vn/lai-chau/tu/kh/2021/61"),
    }
    load_ids = {p.get("load_id") for q, p in writes if "load_id" in p}
    assert len(load_ids) == 1 and load_ids != {store.version()}  # one id per load, not the store's counter
    assert queries_sent[-2:] == [cypher.PRUNE_RELS, cypher.PRUNE_NODES]


def test_every_statement_is_parameterised_and_uses_fixed_labels():
    for statement in cypher.ALL_STATEMENTS:
        assert "'vn/" not in statement and '"vn/' not in statement
    for rel in ("IMPLEMENTS", "REFERS_TO"):
        assert f"[r:{rel} {{path: row.path, via: row.via}}]" in cypher.MERGE_EDGES[rel.lower()]
    with pytest.raises(ValueError):
        cypher._merge_edges("DROP")


def test_queries_on_neo4j_send_exact_cypher():
    row = {"id": "vn/national/tw/nq/2018/35", "type": "NQ", "number": "35", "symbol": "35-NQ/TW", "status": "cited-only"}
    driver = FakeDriver({cypher.SEARCH["key_prefix"]: [{"d": row}]})
    backend = Neo4jBackend(driver, database="neo4j")
    got = queries.search(backend, "Nghị quyết 35")
    assert [r.symbol for r in got] == ["35-NQ/TW"]
    query, params = driver.calls[0]
    assert query == cypher.SEARCH["key_prefix"]
    assert params == {"key_prefix": "NQ|35|", "words": [], "limit": 50}


def test_cascade_on_neo4j_walks_level_by_level():
    child = {"id": "vn/lai-chau/tu/kh/2021/61", "symbol": "61-KH/TU", "level": "province"}

    class Driver(FakeDriver):
        def execute_query(self, query, parameters_=None, database_=None):
            self.calls.append((query, parameters_))
            if query == cypher.CHILDREN and parameters_["ids"] == ["vn/national/tw/nq/2018/35"]:
                return ([{"parent": "vn/national/tw/nq/2018/35", "child": child["id"], "type": "IMPLEMENTS"}], None, [])
            if query == cypher.ROWS:
                return ([{"d": child}], None, [])
            return ([], None, [])

    driver = Driver()
    rows = queries.cascade(Neo4jBackend(driver), "vn/national/tw/nq/2018/35")
    assert [(c.row.symbol, c.parent_id, c.depth) for c in rows] == [("61-KH/TU", "vn/national/tw/nq/2018/35", 1)]
    assert driver.calls[0] == (cypher.CHILDREN, {"ids": ["vn/national/tw/nq/2018/35"], "types": ["IMPLEMENTS"]})


def test_driver_errors_are_wrapped():
    backend = Neo4jBackend(FakeDriver(fail=RuntimeError("connection refused")))
    with pytest.raises(BackendError) as info:
        queries.stats(backend)
    assert isinstance(info.value.__cause__, RuntimeError)
    with pytest.raises(BackendError):
        backend.run("MATCH (n) DETACH DELETE n")  # not a statement of graph.cypher


def test_every_statement_passes_neo4js_parser():
    module = TOOLS / "node_modules" / "@neo4j-cypher" / "language-support"
    if not shutil.which("node"):
        pytest.skip("node is not installed: cannot run Neo4j's Cypher parser")
    if not module.is_dir():
        pytest.skip("tools/node_modules is missing: run `make tools` (npm install in tools/)")
    statements = list(cypher.ALL_STATEMENTS) + ["MATCH (n RETURN n"]
    out = subprocess.run(["node", str(TOOLS / "validate_cypher.mjs")], input=json.dumps(statements),
                         capture_output=True, text=True, check=True, cwd=TOOLS)
    errors = json.loads(out.stdout)
    assert errors[-1], "the parser must reject a broken statement (self-check)"
    bad = {statements[i]: e for i, e in enumerate(errors[:-1]) if e}
    assert not bad


@pytest.fixture(scope="module")
def neo4j_backend():
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        pytest.skip("NEO4J_URI is not set: no Neo4j server to test against (docker compose up neo4j, then set it)")
    backend = Neo4jBackend.connect(uri, os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD"))
    yield backend
    backend.close()


def test_real_neo4j_load_is_idempotent_and_answers_like_the_store(neo4j_backend, tiny_store):
    store = tiny_store
    load(store, neo4j_backend)
    first = neo4j_backend.run(cypher.COUNTS)
    load(store, neo4j_backend)
    assert neo4j_backend.run(cypher.COUNTS) == first
    root = "vn/national/tw/nq/2018/35"
    assert [(c.row.id, c.depth) for c in queries.cascade(neo4j_backend, root)] == \
        [(c.row.id, c.depth) for c in queries.cascade(store, root)]
    leaf = "vn/lai-chau.tam-duong/hu/kh/2022/102"
    assert [[r.id for r in p] for p in queries.chain(neo4j_backend, leaf)] == \
        [[r.id for r in p] for p in queries.chain(store, leaf)]
    assert queries.coverage(neo4j_backend, root).covered == queries.coverage(store, root).covered
    assert [r.id for r in queries.search(neo4j_backend, "61-KH/TU")] == [r.id for r in queries.search(store, "61-KH/TU")]


# ---------------------------------------------------------------- every query starts from an index
# Statements whose work is every node or relationship of a label (counts, sweeps): a scan is the
# work itself (counts come from Neo4j's count store; PRUNE_* sweep what a load did not write).
WHOLE_GRAPH = {cypher.COUNTS, cypher.PRUNE_NODES, cypher.PRUNE_RELS, cypher.STATS_FILES,
               cypher.STATS_DIRECTIVES, cypher.STATS_EDGES}
_NODE_INDEX = re.compile(r"FOR \((\w+):(\w+)\) (?:REQUIRE|ON) \(?\1\.(\w+)")
_REL_INDEX = re.compile(r"FOR \(\)-\[(\w+):(\w+)\]-\(\) ON \(\1\.(\w+)\)")
_CLAUSE = re.compile(r"\b(OPTIONAL MATCH|MATCH|MERGE|WHERE|(?<!STARTS )(?<!ENDS )WITH|RETURN|UNWIND|SET|CALL|UNION ALL|ORDER BY|LIMIT|DELETE|DETACH DELETE)\b")
_ELEMENT = re.compile(r"[(\[](\w*)((?::\w+(?:\|\w+)*)?)\s*(?:\{([^}]*)\})?[)\]]")


def indexed() -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(label, property) and (relationship type, property) pairs with an index or a constraint."""
    schema = "\n".join(cypher.SCHEMA)
    return ({(m[2], m[3]) for m in _NODE_INDEX.finditer(schema)}, {(m[2], m[3]) for m in _REL_INDEX.finditer(schema)})


def static_clauses(statement: str) -> list[dict]:
    """The MATCH / MERGE clauses of a statement read with regular expressions: the shape
    ``tools/pattern_anchors.mjs`` gives from Neo4j's parser."""
    parts = _CLAUSE.split(statement)
    out = []
    for k in range(1, len(parts), 2):
        word, body = parts[k], parts[k + 1]
        if word in ("MATCH", "OPTIONAL MATCH", "MERGE"):
            elements = [(m[1], [t for t in m[2].lstrip(":").split("|") if t],
                         [p.split(":")[0].strip() for p in (m[3] or "").split(",") if p.strip()])
                        for m in _ELEMENT.finditer(body)]
            is_rel = [m[0].startswith("[") for m in _ELEMENT.finditer(body)]
            out.append({"clause": "MERGE" if word == "MERGE" else "MATCH",
                        "nodes": [list(e) for e, r in zip(elements, is_rel) if not r],
                        "rels": [list(e) for e, r in zip(elements, is_rel) if r], "where": ""})
        elif word == "WHERE" and k >= 2 and parts[k - 2] in ("MATCH", "OPTIONAL MATCH", "MERGE"):
            out[-1]["where"] = body
    return out


_SEEK = re.compile(r"^(\w+)\.(\w+) ?(?:=|IN |STARTS WITH|CONTAINS|>|<)")


def seeks(where: str) -> list[tuple[str, str]]:
    """(variable, property) of each top-level AND term of a WHERE that an index can answer
    (``d.key STARTS WITH $p``; not ``($id IS NULL OR d.id = $id)``, which reads every node)."""
    text = re.sub(r"\$\s+", "$", re.sub(r"\s*\.\s*", ".", " ".join(where.split())))
    terms, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and text.startswith(" AND ", i):
            terms.append(text[start:i])
            start = i + 5
    terms.append(text[start:])
    return [(m[1], m[2]) for m in map(_SEEK.match, (t.strip() for t in terms)) if m]


def unanchored(clauses: list[dict]) -> list[str]:
    """The clauses that neither expand from a node bound before nor start from an index."""
    nodes, rels = indexed()
    bound: set[str] = set()
    bad = []
    for c in clauses:
        labels = {v: ls for v, ls, _ in c["nodes"] if v}
        anchors = {(ls[0], p) for _, ls, props in c["nodes"] if len(ls) == 1 for p in props}
        anchors |= {(labels[v][0], p) for v, p in seeks(c["where"]) if len(labels.get(v) or []) == 1}
        rel_anchors = {(ts[0], p) for _, ts, props in c["rels"] if len(ts) == 1 for p in props}
        expands = any(v in bound for v, _, _ in c["nodes"])
        if not (expands or anchors & nodes or rel_anchors & rels):
            bad.append(f"{c['clause']} {c['nodes']} {c['rels']}")
        bound |= {v for v, _, _ in c["nodes"] if v}
    return bad


QUERY_STATEMENTS = [s for s in cypher.ALL_STATEMENTS if s not in cypher.SCHEMA and s not in WHOLE_GRAPH]


@pytest.mark.parametrize("statement", QUERY_STATEMENTS, ids=lambda s: " ".join(s.split())[:60])
def test_every_query_starts_from_an_index(statement):
    clauses = static_clauses(statement)
    assert clauses, "no MATCH or MERGE found"
    assert unanchored(clauses) == []


def test_the_index_check_catches_a_label_scan():
    assert unanchored(static_clauses("MATCH (d:Directive) WHERE d.title = $t RETURN d"))
    assert unanchored(static_clauses("MATCH (d:Directive {title: $t}) RETURN d"))
    assert not unanchored(static_clauses("MATCH (d:Directive) WHERE d.key STARTS WITH $p RETURN d"))
    assert unanchored(static_clauses("MATCH (d:Directive) WHERE ($id IS NULL OR d.id = $id) RETURN d"))  # the old SEARCH
    assert ("Directive", "words") in indexed()[0] and ("IMPLEMENTS", "path") in indexed()[1]


def test_neo4js_parser_sees_the_same_patterns_and_every_query_starts_from_an_index():
    module = TOOLS / "node_modules" / "@neo4j-cypher" / "language-support"
    if not shutil.which("node"):
        pytest.skip("node is not installed: cannot run Neo4j's Cypher parser")
    if not module.is_dir():
        pytest.skip("tools/node_modules is missing: run `make tools` (npm install in tools/)")
    out = subprocess.run(["node", str(TOOLS / "pattern_anchors.mjs")], input=json.dumps(QUERY_STATEMENTS),
                         capture_output=True, text=True, check=True, cwd=TOOLS)
    parsed = json.loads(out.stdout)
    for statement, clauses in zip(QUERY_STATEMENTS, parsed):
        assert unanchored(clauses) == [], statement
        ours = static_clauses(statement)
        assert [(c["clause"], c["nodes"], c["rels"], seeks(c["where"])) for c in clauses] == \
            [(c["clause"], c["nodes"], c["rels"], seeks(c["where"])) for c in ours], statement
