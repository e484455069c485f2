"""The seeds through the real extractor and the graph (issue 3's "Done when")."""
from __future__ import annotations

from pathlib import Path

import pytest

from vbgraph.graph import queries
from vbgraph.graph.build import ingest
from vbgraph.graph.store import Store

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"


def _extractor():
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS} (../shared is absent)")
    try:
        from vbgraph.ingest import extract_file
    except ImportError as err:
        pytest.skip(f"ingest.extract_file is not importable yet ({err})")
    return extract_file


@pytest.fixture(scope="module")
def store():
    extract = _extractor()
    s = Store(":memory:")
    ingest([SEEDS], s, extract=extract, progress=False)
    yield s
    s.close()


def _one(store, query, **match):
    rows = [r for r in queries.search(store, query) if all(getattr(r, k) == v for k, v in match.items())]
    assert len(rows) == 1, f"{query} {match}: {rows}"
    return rows[0]


def test_chain_102_kh_hu_to_61_kh_tu_to_224_kl_tu(store):
    plan = _one(store, "102-KH/HU", district="Tam Đường")
    paths = [[r.symbol for r in p] for p in queries.chain(store, plan.id)]
    assert ["102-KH/HU", "61-KH/TU", "224-KL/TU"] in [p[:3] for p in paths], paths
    lc61 = _one(store, "61-KH/TU", province="Lai Châu")
    assert [e.other.symbol for e in queries.directive(store, lc61.id).implements] == ["224-KL/TU"]


def test_35_nq_tw_is_one_node_cited_by_both_district_plans(store):
    nq35 = _one(store, "35-NQ/TW")
    citing = {Path(e.source).name[:3] for e in queries.directive(store, nq35.id).referred_by + queries.directive(store, nq35.id).implemented_by}
    citing |= {Path(p).name[:3] for (p,) in store._q("SELECT DISTINCT path FROM edges WHERE dst = ?", (nq35.id,))}
    assert {"000", "004"} <= citing


def test_57_kh_tu_of_seed_004_is_merged_with_nothing(store):
    rows = queries.search(store, "57-KH/TU")
    from_004 = [r for r in rows if "~004" in r.id]
    assert len(from_004) == 1 and from_004[0].province is None
    paths = {p for (p,) in store._q("SELECT DISTINCT path FROM edges WHERE dst = ?", (from_004[0].id,))}
    assert {Path(p).name[:3] for p in paths} == {"004"}
