"""Take the graph out: a networkx graph, GraphML / GEXF files, ``neo4j-admin database import`` CSVs,
the citations as JSON Lines.

>>> g = to_networkx(tiny_store())
>>> g.number_of_nodes(), g.number_of_edges()
(5, 4)
>>> g.nodes["vn/lai-chau/tu/kh/2021/61"]["symbol"]
'61-KH/TU'
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

from .jurisdictions import load_units, succession
from .props import EDGE_KEYS, FILE_KEYS, directive_in, edge_props, file_props, issued_by, node_props, text_of
from .store import Store

__all__ = ["to_networkx", "write_graphml", "write_gexf", "write_neo4j_admin", "write_citations"]

_NODE_FIELDS = ("type", "number", "symbol", "issuer_code", "issuer", "level", "province", "district", "commune",
                "date", "year", "term", "congress", "title", "status", "kind", "cited", "homonyms")


def to_networkx(store: Store):
    """A ``networkx.MultiDiGraph``: directive nodes (id → fields) and one edge per citing file,
    pointing from the citing directive to the cited one, with ``relation``, ``cue``, ``mentions``,
    ``source`` (file) and the evidence ``sentence``. None values are left out (GraphML has no null)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for item in node_props(store):
        p = item["props"]
        g.add_node(item["id"], **{k: p[k] for k in _NODE_FIELDS if p.get(k) is not None})
    for e in store.edges():
        attrs = {"relation": e["relation"], "cue": e["cue"], "mentions": e["mentions"], "source": e["path"], "sentence": e["sentence"]}
        g.add_edge(e["src"], e["dst"], key=f"{e['relation']}:{e['path']}", **{k: v for k, v in attrs.items() if v is not None})
    return g


def write_graphml(store: Store, path: str | Path) -> Path:
    """Write the graph as GraphML (for Gephi, yEd, Cytoscape).

    >>> import tempfile, pathlib
    >>> out = write_graphml(tiny_store(), pathlib.Path(tempfile.mkdtemp()) / "g.graphml")
    >>> out.read_text(encoding="utf-8").count("<node ")
    5
    """
    import networkx as nx

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(to_networkx(store), path)
    return path


def write_gexf(store: Store, path: str | Path) -> Path:
    """Write the graph as GEXF (Gephi)."""
    import networkx as nx

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_gexf(to_networkx(store), path)
    return path


def _csv(path: Path, header: list[str], rows) -> int:
    n = 0
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for row in rows:
            w.writerow(["" if v is None else v for v in row])
            n += 1
    return n


def write_neo4j_admin(store: Store, folder: str | Path) -> dict[str, int]:
    """CSV files for ``neo4j-admin database import full`` and an ``import.sh`` that runs it.

    Returns rows written per file. For large corpora: an offline import is much faster
    than ``vbgraph load neo4j``; both give the same nodes and relationships.

    >>> import tempfile
    >>> counts = write_neo4j_admin(tiny_store(), tempfile.mkdtemp())
    >>> counts["directives.csv"], counts["implements.csv"]
    (5, 3)
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    props = list(_NODE_FIELDS)
    types = {"year": ":int", "cited": ":int", "homonyms": ":int"}
    counts["directives.csv"] = _csv(
        folder / "directives.csv",
        ["id:ID(Directive)", *[f"{k}{types.get(k, '')}" for k in props], "key", "words", "conflicts", ":LABEL"],
        ([i["id"], *[i["props"].get(k) for k in props], i["props"].get("key"), i["props"].get("words"),
          i["props"].get("conflicts"), "Directive"] for i in node_props(store)),
    )
    units = load_units()
    counts["jurisdictions.csv"] = _csv(
        folder / "jurisdictions.csv", ["id:ID(Jurisdiction)", "name", "level", "era", "province", ":LABEL"],
        ([u.id, u.name, u.level, u.era, u.province, "Jurisdiction"] for u in units))
    counts["issuers.csv"] = _csv(folder / "issuers.csv", ["id:ID(Issuer)", "code", "name", ":LABEL"],
                                 ([i["id"], i["code"], i["name"], "Issuer"] for i in store.issuers()))
    counts["files.csv"] = _csv(
        folder / "files.csv", ["path:ID(File)", "name", "sha256", "status", "reason", "kind", ":LABEL"],
        ([*(f[k] for k in FILE_KEYS), "File"] for f in file_props(store)))
    edge_cols = ("src", "dst", *(k for k in EDGE_KEYS if k not in ("src", "dst")))
    for relation, rel_type in (("implements", "IMPLEMENTS"), ("refers_to", "REFERS_TO")):
        counts[f"{relation}.csv"] = _csv(
            folder / f"{relation}.csv",
            [":START_ID(Directive)", ":END_ID(Directive)", "path", "cue", "mentions:int", "sentence", "start:int",
             "end:int", "spans", "candidates", "via", ":TYPE"],
            ([*(e[k] for k in edge_cols), rel_type] for e in edge_props(store, relation)))
    counts["issued_by.csv"] = _csv(folder / "issued_by.csv", [":START_ID(Directive)", ":END_ID(Issuer)", ":TYPE"], (
        [r["directive"], r["issuer"], "ISSUED_BY"] for r in issued_by(store)))
    counts["in.csv"] = _csv(folder / "in.csv", [":START_ID(Directive)", ":END_ID(Jurisdiction)", ":TYPE"],
                            ([r["directive"], r["jurisdiction"], "IN"] for r in directive_in(store)))
    counts["part_of.csv"] = _csv(folder / "part_of.csv", [":START_ID(Jurisdiction)", ":END_ID(Jurisdiction)", ":TYPE"],
                                 ([u.id, u.parent, "PART_OF"] for u in units if u.parent))
    counts["formed_from.csv"] = _csv(folder / "formed_from.csv",
                                     [":START_ID(Jurisdiction)", ":END_ID(Jurisdiction)", ":TYPE"],
                                     ([a, b, "FORMED_FROM"] for a, b in succession()))
    counts["text_of.csv"] = _csv(folder / "text_of.csv", [":START_ID(File)", ":END_ID(Directive)", ":TYPE"], (
        [r["path"], r["directive"], "TEXT_OF"] for r in text_of(store)))
    nodes = ["directives.csv", "jurisdictions.csv", "issuers.csv", "files.csv"]
    rels = [k for k in counts if k not in nodes]
    script = ["#!/bin/sh", "# Offline import into an empty database (stop Neo4j first). Run from this folder.",
              "neo4j-admin database import full neo4j --overwrite-destination \\"]
    script += [f"  --nodes={n} \\" for n in nodes] + [f"  --relationships={r} \\" for r in rels]
    script += ["  --multiline-fields=true"]
    (folder / "import.sh").write_text("\n".join(script) + "\n", encoding="utf-8")
    return counts


def write_citations(store: Store, path: str | Path) -> int:
    """One JSON line per (citing file, cited node) (``Store.citations``): the input of
    ``score_identity.py`` and of researchers' own analysis. Returns the lines written.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "c.jsonl"
    >>> write_citations(tiny_store(), out)
    4
    >>> json.loads(out.read_text(encoding="utf-8").splitlines()[0])["symbol"]
    '35-NQ/TW'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for row in store.citations():
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n
