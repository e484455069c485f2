"""Exports: networkx, GraphML/GEXF round trip, neo4j-admin CSV headers and counts."""
from __future__ import annotations

import csv

import networkx as nx

from vbgraph.graph.build import ingest_dicts
from vbgraph.graph.export import to_networkx, write_gexf, write_graphml, write_neo4j_admin
from vbgraph.graph.store import Store
from vbgraph.app.synth import generate


def _store():
    s = Store(":memory:")
    ingest_dicts(generate(400, seed=11).dicts(), s, batch=100)
    return s


def test_networkx_matches_the_store_and_round_trips(tmp_path):
    store = _store()
    g = to_networkx(store)
    counts = store.counts()
    assert g.number_of_nodes() == counts["directives"]
    assert g.number_of_edges() == len(store.edges())
    back = nx.read_graphml(write_graphml(store, tmp_path / "g.graphml"))
    assert back.number_of_nodes() == g.number_of_nodes() and back.number_of_edges() == g.number_of_edges()
    assert nx.read_gexf(write_gexf(store, tmp_path / "g.gexf")).number_of_nodes() == g.number_of_nodes()


def test_neo4j_admin_csvs(tmp_path):
    store = _store()
    counts = write_neo4j_admin(store, tmp_path)
    with open(tmp_path / "directives.csv", encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert header[0] == "id:ID(Directive)" and header[-1] == ":LABEL"
    assert counts["directives.csv"] == store.counts()["directives"]
    assert counts["implements.csv"] + counts["refers_to.csv"] == len(store.edges())
    script = (tmp_path / "import.sh").read_text(encoding="utf-8")
    assert "--nodes=directives.csv" in script and "--relationships=implements.csv" in script
