"""The store's graph as property rows: one shape for the Neo4j load and for the file exports.

Everything here reads the store through its public bulk reads (``Store.directives``,
``edges``, ``files``, ``issuers``, ``cited_counts``); no SQL.

>>> store = tiny_store()
>>> item = next(node_props(store))
>>> item["id"], item["props"]["cited"], item["props"]["homonyms"]
('vn/lai-chau.tam-duong/hu/kh/2022/102', 0, 1)
>>> next(directive_in(store))
{'directive': 'vn/lai-chau.tam-duong/hu/kh/2022/102', 'jurisdiction': 'old:lai-chau.tam-duong'}
"""
from __future__ import annotations

from typing import Iterator

from .jurisdictions import era_of, jurisdiction_id, load_units
from .merge import issuer_id
from .store import Store

__all__ = ["NODE_KEYS", "EDGE_KEYS", "FILE_KEYS", "node_props", "edge_props", "file_props", "issued_by", "directive_in",
           "text_of"]

# Directive properties, in the order of a node's property map (``cited`` and ``homonyms`` last).
NODE_KEYS = ("id", "type", "number", "symbol", "issuer_code", "issuer", "level", "province", "district", "commune",
             "date", "year", "term", "congress", "title", "status", "kind", "path", "key", "words", "conflicts")
EDGE_KEYS = ("path", "src", "dst", "cue", "mentions", "sentence", "start", "end", "spans", "candidates", "via")
FILE_KEYS = ("path", "name", "sha256", "status", "reason", "kind")


def node_props(store: Store) -> Iterator[dict]:
    """``{"id", "props"}`` per directive, in id order: its fields without None, ``cited``
    (distinct citing files) and ``homonyms`` (as the store counted them)."""
    cited = store.cited_counts()
    for row in store.directives():
        props = {k: row[k] for k in NODE_KEYS if row[k] is not None}
        props["cited"] = cited.get(row["id"], 0)
        props["homonyms"] = row["homonyms"]
        yield {"id": row["id"], "props": props}


def edge_props(store: Store, relation: str) -> Iterator[dict]:
    """The edges of one relation as ``EDGE_KEYS`` maps, by path, src, dst."""
    for edge in store.edges(relation):
        yield {k: edge[k] for k in EDGE_KEYS}


def file_props(store: Store) -> Iterator[dict]:
    """Every stored file as a ``FILE_KEYS`` map, by path."""
    for f in store.files():
        yield {k: f[k] for k in FILE_KEYS}


def text_of(store: Store) -> Iterator[dict]:
    """``{"path", "directive"}``: each readable file that is a directive's own text."""
    for f in store.files():
        if f["status"] == "ok" and f["doc_id"] is not None:
            yield {"path": f["path"], "directive": f["doc_id"]}


def issued_by(store: Store) -> Iterator[dict]:
    """``{"directive", "issuer"}`` for every directive with an issuer code."""
    for row in store.directives():
        if row["issuer_code"] is not None:
            yield {"directive": row["id"], "issuer": issuer_id(row["id"])}


def directive_in(store: Store) -> Iterator[dict]:
    """``{"directive", "jurisdiction"}``: the district (before 1 July 2025) or commune (after) of
    each directive with a province, else its province, when that unit exists in its era."""
    known = {u.id for u in load_units()}
    for row in store.directives():
        if row["province"] is None:
            continue
        era = era_of(row["date"], row["year"])
        below = row["district"] if era == "old" else row["commune"]
        for jid in (jurisdiction_id(era, row["province"], below) if below else None, jurisdiction_id(era, row["province"])):
            if jid in known:
                yield {"directive": row["id"], "jurisdiction": jid}
                break
