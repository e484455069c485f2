"""Shared test fixtures: four hand-made extraction dicts and the in-memory store built from them.

``tiny_dicts`` / ``tiny_store`` are pytest fixtures; ``doctest_globals`` is the namespace
tests/test_doctests.py gives every module's examples: there ``tiny_store()`` is
``make_tiny_store`` (graph's examples use it without a test helper in the package).
"""
from __future__ import annotations

import pytest

from vbgraph.graph.build import ingest_dicts
from vbgraph.graph.store import Store


def make_tiny_dicts() -> list[dict]:
    """Four extraction dicts: two provinces' 61-KH/TU implementing 35-NQ/TW, a district plan
    under Lai Châu's, and Lai Châu's 224-KL/TU that nothing cites."""
    nq35 = {"type": "NQ", "number": "35", "issuer_code": "TW", "issuer": "Bộ Chính trị", "date": "2018-10-22",
            "year": 2018, "symbol": "35-NQ/TW", "title": "tăng cường bảo vệ nền tảng tư tưởng của Đảng"}

    def plan(province, number, date_, district=None, code="TU", type="KH"):
        return {"type": type, "number": number, "issuer_code": code, "date": date_, "year": int(date_[:4]),
                "province": province, "district": district, "symbol": f"{number}-{type}/{code}"}

    lc61 = plan("Lai Châu", "61", "2021-12-22")
    sl61 = plan("Sơn La", "61", "2021-11-02")
    td102 = plan("Lai Châu", "102", "2022-01-26", district="Tam Đường", code="HU")
    lc224 = plan("Lai Châu", "224", "2021-10-18", type="KL")

    def x(name, doc, cites):
        return {"source": name, "path": name, "sha256": name, "document": {"kind": "original", **doc},
                "citations": [{**c, "relation": r, "cue": cue, "mentions": [{"start": 0, "end": 5, "text": c["symbol"]}]}
                              for c, r, cue in cites], "links": []}

    return [
        x("lc61.txt", lc61, [(nq35, "implements", "Thực hiện")]),
        x("sl61.txt", sl61, [(nq35, "implements", "Thực hiện")]),
        x("td102.txt", td102, [(lc61, "implements", "Căn cứ"), (nq35, "refers_to", None)]),
        x("lc224.txt", lc224, []),
    ]


def make_tiny_store() -> Store:
    """An in-memory store of ``make_tiny_dicts()``: the examples of ``graph.queries`` and ``graph.export``."""
    store = Store(":memory:")
    ingest_dicts(make_tiny_dicts(), store)
    return store


@pytest.fixture()
def tiny_dicts() -> list[dict]:
    return make_tiny_dicts()


@pytest.fixture()
def tiny_store():
    store = make_tiny_store()
    yield store
    store.close()


@pytest.fixture(scope="session")
def doctest_globals() -> dict:
    return {"tiny_store": make_tiny_store}
