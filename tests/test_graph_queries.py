"""cascade / chain / coverage on a synthetic hierarchy against the generator's ground truth, both engines."""
from __future__ import annotations

import sqlite3
import threading
from collections import deque

import pytest

from vbgraph.graph import queries, traverse
from vbgraph.graph.build import ingest_dicts
from vbgraph.graph.errors import NotFound, QueryError, StoreError
from vbgraph.graph.store import Store
from vbgraph.app.synth import generate

from conftest import make_tiny_dicts

CORPUS = generate(1500, seed=7, province_share=(0.05, 0.2), new_era_share=0.3)


@pytest.fixture(scope="module", params=["rustworkx", "sql"])
def store(request):
    s = Store(":memory:", traversal=request.param)
    ingest_dicts(CORPUS.dicts(), s, batch=200)
    yield s
    s.close()


def truth_cascade(root: str) -> dict[str, int]:
    down = CORPUS.implementers()
    depth = {root: 0}
    todo = deque([root])
    while todo:
        n = todo.popleft()
        for child in down.get(n, ()):
            if child not in depth:
                depth[child] = depth[n] + 1
                todo.append(child)
    depth.pop(root)
    return depth


ROOTS = [d.id for d in CORPUS.docs if d.fields["level"] == "central"][:4]


@pytest.mark.parametrize("root", ROOTS)
def test_cascade_matches_ground_truth(store, root):
    got = queries.cascade(store, root)
    assert {c.row.id: c.depth for c in got} == truth_cascade(root)
    seen = {root}
    for c in got:  # parents before children
        assert c.parent_id in seen
        seen.add(c.row.id)


def test_cascade_filters(store):
    root = ROOTS[0]
    rows = queries.cascade(store, root, levels=["district"])
    assert rows and {c.row.level for c in rows} == {"district"}
    assert all(c.depth == 1 for c in queries.cascade(store, root, max_depth=1))
    one = rows[0].row.province
    assert {c.row.province for c in queries.cascade(store, root, provinces=[one])} == {one}


def test_chain_matches_ground_truth(store):
    deepest = [d for d in CORPUS.docs if d.fields["level"] == "commune"][:5]
    by_id = CORPUS.directives
    for d in deepest:
        expected, node = [d.id], d
        while node.parent:
            expected.append(node.parent)
            node = by_id[node.parent]
        assert [[r.id for r in path] for path in queries.chain(store, d.id)] == [expected]


@pytest.mark.parametrize("root", ROOTS[:2])  # one before 1 July 2025 (63 provinces), one after (34)
def test_coverage_matches_ground_truth(store, root):
    cov = queries.coverage(store, root)
    truth = {CORPUS.directives[i].fields["province"] for i in truth_cascade(root)}
    assert set(cov.covered) == truth
    assert len(cov.provinces) == (63 if cov.era == "old" else 34)
    for r in cov.provinces:
        if r.covered:
            assert r.lag_days is not None and 20 <= r.lag_days <= 90


def test_search_forms(store):
    d = CORPUS.docs[0]
    assert queries.search(store, d.fields["symbol"])[0].id == d.id or d.fields["symbol"] in {
        r.symbol for r in queries.search(store, d.fields["symbol"])}
    word = {"NQ": "Nghị quyết", "KL": "Kết luận", "CT": "Chỉ thị"}[d.fields["type"]]
    assert d.id in {r.id for r in queries.search(store, f"{word} {int(d.fields['number'])}")}
    assert queries.resolve(store, d.id).id == d.id
    with pytest.raises(NotFound):
        queries.resolve(store, "Nghị quyết 99999")
    with pytest.raises(QueryError):
        queries.cascade(store, "35-NQ/TW")
    with pytest.raises(QueryError):
        queries.cascade(store, d.id, levels=["country"])


def test_stats_and_most_cited(store):
    s = queries.stats(store)
    assert s.documents == {"original": sum(1 for d in CORPUS.docs if d.has_text)}
    assert set(s.edges) == {"implements", "refers_to"}
    top, n = queries.most_cited(store, limit=1)[0]
    assert top.level == "central" and n > 10


def test_both_engines_and_auto_give_identical_rows():
    stores = {}
    for engine in ("rustworkx", "sql", "auto"):
        stores[engine] = Store(":memory:", traversal=engine)
        ingest_dicts(CORPUS.dicts(), stores[engine], batch=500)
    for root in ROOTS[:2]:
        got = {e: [(c.row.id, c.parent_id, c.depth, c.relation) for c in queries.cascade(s, root, follow_refers=True)]
               for e, s in stores.items()}
        assert got["rustworkx"] == got["sql"] == got["auto"]


# --- auto: which engine answers, and what a failed background load does ---------------------------

TINY_ROOT = "vn/national/tw/nq/2018/35"


@pytest.fixture()
def engines(monkeypatch, tmp_path):
    """A file store of tiny_dicts() with ``auto`` traversal; ``calls`` lists the engine of each walk."""
    calls: list[str] = []
    sql, rx = traverse.cascade_sql, traverse.cascade_rx
    monkeypatch.setattr(traverse, "cascade_sql", lambda *a: calls.append("sql") or sql(*a))
    monkeypatch.setattr(traverse, "cascade_rx", lambda *a: calls.append("rustworkx") or rx(*a))
    store = Store(tmp_path / "g.sqlite")
    ingest_dicts(make_tiny_dicts(), store)
    yield store, calls
    wait_for_background_load()
    store.close()


def wait_for_background_load() -> None:
    for thread in threading.enumerate():
        if thread.name == "vbgraph-graph-load":
            thread.join(timeout=30)


def cascade_ids(store: Store) -> list[str]:
    return [c.row.id for c in queries.cascade(store, TINY_ROOT)]


def test_auto_loads_a_small_store_at_once(engines):
    store, calls = engines
    assert cascade_ids(store) and calls == ["rustworkx"]


def test_auto_answers_by_sql_while_a_large_store_loads(engines, monkeypatch):
    store, calls = engines
    monkeypatch.setattr(traverse, "AUTO_SYNC_EDGES", 0)  # every store counts as large
    first = cascade_ids(store)
    wait_for_background_load()
    assert cascade_ids(store) == first and calls == ["sql", "rustworkx"]


def test_a_failed_background_load_is_logged_and_raised_by_the_next_query(engines, monkeypatch, caplog):
    store, calls = engines
    monkeypatch.setattr(traverse, "AUTO_SYNC_EDGES", 0)
    broken = sqlite3.OperationalError("disk I/O error")

    def fail(con):
        raise broken

    works = traverse.load_graph
    monkeypatch.setattr(traverse, "load_graph", fail)
    expected = cascade_ids(store)  # SQL answers; the load fails in the background
    wait_for_background_load()
    assert "loading the traversal graph" in caplog.text and "disk I/O error" in caplog.text
    with pytest.raises(StoreError, match="disk I/O error") as raised:
        queries.cascade(store, TINY_ROOT)
    assert raised.value.__cause__ is broken
    monkeypatch.setattr(traverse, "load_graph", works)  # the disk is back: SQL answers, the graph loads again
    assert cascade_ids(store) == expected
    wait_for_background_load()
    assert cascade_ids(store) == expected and calls[-2:] == ["sql", "rustworkx"]
