"""Every Cypher statement vbgraph sends to Neo4j, in one place.

Values travel only as ``$parameters``; labels and relationship types come from
the fixed lists below (a relationship type cannot be a parameter, so one
statement is built per type at import, from ``REL_TYPES`` only). Writes are
``UNWIND $rows … MERGE`` batches and idempotent: a second load changes no count.
Constraints and indexes come first.

>>> sorted(REL_TYPES)
['FORMED_FROM', 'IMPLEMENTS', 'IN', 'ISSUED_BY', 'PART_OF', 'REFERS_TO', 'TEXT_OF']
>>> MERGE_EDGES["implements"].splitlines()[0]
'UNWIND $rows AS row'
>>> len(ALL_STATEMENTS) == len(set(ALL_STATEMENTS))
True
"""
from __future__ import annotations

__all__ = [
    "LABELS",
    "REL_TYPES",
    "RELATION_TYPES",
    "SCHEMA",
    "MERGE_FILES",
    "MERGE_DIRECTIVES",
    "MERGE_JURISDICTIONS",
    "MERGE_PART_OF",
    "MERGE_FORMED_FROM",
    "MERGE_ISSUERS",
    "MERGE_ISSUED_BY",
    "MERGE_DIRECTIVE_IN",
    "MERGE_ISSUER_IN",
    "MERGE_TEXT_OF",
    "MERGE_EDGES",
    "PRUNE_NODES",
    "PRUNE_RELS",
    "COUNTS",
    "SEARCH",
    "DIRECTIVE",
    "DIRECTIVE_EDGES",
    "CHILDREN",
    "PARENTS",
    "ROWS",
    "UNITS",
    "MOST_CITED",
    "STATS_FILES",
    "STATS_DIRECTIVES",
    "STATS_EDGES",
    "FAILURES",
    "SOURCE_FILE",
    "SOURCE_SPANS",
    "ALL_STATEMENTS",
]

LABELS = ("Directive", "Issuer", "Jurisdiction", "File")
REL_TYPES = ("IMPLEMENTS", "REFERS_TO", "ISSUED_BY", "IN", "PART_OF", "FORMED_FROM", "TEXT_OF")
RELATION_TYPES = {"implements": "IMPLEMENTS", "refers_to": "REFERS_TO"}

SCHEMA = (
    "CREATE CONSTRAINT directive_id IF NOT EXISTS FOR (d:Directive) REQUIRE d.id IS UNIQUE",
    "CREATE CONSTRAINT issuer_id IF NOT EXISTS FOR (i:Issuer) REQUIRE i.id IS UNIQUE",
    "CREATE CONSTRAINT jurisdiction_id IF NOT EXISTS FOR (j:Jurisdiction) REQUIRE j.id IS UNIQUE",
    "CREATE CONSTRAINT file_path IF NOT EXISTS FOR (f:File) REQUIRE f.path IS UNIQUE",
    "CREATE INDEX directive_key IF NOT EXISTS FOR (d:Directive) ON (d.key)",
    "CREATE INDEX directive_number IF NOT EXISTS FOR (d:Directive) ON (d.number)",
    "CREATE INDEX directive_cited IF NOT EXISTS FOR (d:Directive) ON (d.cited)",
    "CREATE INDEX directive_load IF NOT EXISTS FOR (d:Directive) ON (d.load_id)",
    "CREATE INDEX jurisdiction_era IF NOT EXISTS FOR (j:Jurisdiction) ON (j.era)",
    "CREATE INDEX file_status IF NOT EXISTS FOR (f:File) ON (f.status)",
    "CREATE TEXT INDEX directive_words IF NOT EXISTS FOR (d:Directive) ON (d.words)",
    "CREATE INDEX implements_path IF NOT EXISTS FOR ()-[r:IMPLEMENTS]-() ON (r.path)",
    "CREATE INDEX refers_to_path IF NOT EXISTS FOR ()-[r:REFERS_TO]-() ON (r.path)",
)

MERGE_FILES = """UNWIND $rows AS row
MERGE (f:File {path: row.path})
SET f.name = row.name, f.sha256 = row.sha256, f.status = row.status, f.reason = row.reason,
    f.kind = row.kind, f.load_id = $load_id"""

MERGE_DIRECTIVES = """UNWIND $rows AS row
MERGE (d:Directive {id: row.id})
SET d += row.props, d.load_id = $load_id"""

MERGE_JURISDICTIONS = """UNWIND $rows AS row
MERGE (j:Jurisdiction {id: row.id})
SET j.name = row.name, j.level = row.level, j.era = row.era, j.province = row.province"""

MERGE_PART_OF = """UNWIND $rows AS row
MATCH (c:Jurisdiction {id: row.child})
MATCH (p:Jurisdiction {id: row.parent})
MERGE (c)-[:PART_OF]->(p)"""

MERGE_FORMED_FROM = """UNWIND $rows AS row
MATCH (n:Jurisdiction {id: row.new_id})
MATCH (o:Jurisdiction {id: row.old_id})
MERGE (n)-[:FORMED_FROM]->(o)"""

MERGE_ISSUERS = """UNWIND $rows AS row
MERGE (i:Issuer {id: row.id})
SET i.code = row.code, i.name = row.name, i.load_id = $load_id"""

MERGE_ISSUED_BY = """UNWIND $rows AS row
MATCH (d:Directive {id: row.directive})
MATCH (i:Issuer {id: row.issuer})
MERGE (d)-[r:ISSUED_BY]->(i)
SET r.load_id = $load_id"""

MERGE_DIRECTIVE_IN = """UNWIND $rows AS row
MATCH (d:Directive {id: row.directive})
MATCH (j:Jurisdiction {id: row.jurisdiction})
MERGE (d)-[r:IN]->(j)
SET r.load_id = $load_id"""

MERGE_ISSUER_IN = """UNWIND $rows AS row
MATCH (i:Issuer {id: row.issuer})
MATCH (j:Jurisdiction {id: row.jurisdiction})
MERGE (i)-[r:IN]->(j)
SET r.load_id = $load_id"""

MERGE_TEXT_OF = """UNWIND $rows AS row
MATCH (f:File {path: row.path})
MATCH (d:Directive {id: row.directive})
MERGE (f)-[r:TEXT_OF]->(d)
SET r.load_id = $load_id"""


def _merge_edges(rel_type: str) -> str:
    if rel_type not in REL_TYPES:
        raise ValueError(f"relationship type {rel_type!r} is not one of {REL_TYPES}")
    return f"""UNWIND $rows AS row
MATCH (s:Directive {{id: row.src}})
MATCH (d:Directive {{id: row.dst}})
MERGE (s)-[r:{rel_type} {{path: row.path, via: row.via}}]->(d)
SET r.cue = row.cue, r.mentions = row.mentions, r.sentence = row.sentence, r.start = row.start,
    r.end = row.end, r.spans = row.spans, r.candidates = row.candidates,
    r.load_id = $load_id"""


MERGE_EDGES = {relation: _merge_edges(t) for relation, t in RELATION_TYPES.items()}

# Remove what an earlier load wrote and this one did not (withdrawn files, gone stubs).
PRUNE_NODES = """MATCH (n)
WHERE (n:Directive OR n:Issuer OR n:File) AND n.load_id <> $load_id
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted"""

PRUNE_RELS = """MATCH ()-[r:IMPLEMENTS|REFERS_TO|ISSUED_BY|IN|TEXT_OF]->()
WHERE r.load_id IS NOT NULL AND r.load_id <> $load_id
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS deleted"""

COUNTS = """CALL { MATCH (n) RETURN count(n) AS nodes }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships"""

_ROW = "d {.*} AS d"

# Search, one statement per way in (``search.parse_query`` gives at most one of id, key, key
# prefix, number; else words): each starts from an index, never from every Directive.
_SEARCH_REST = f"""
  AND all(w IN $words WHERE d.words CONTAINS (' ' + w))
RETURN {_ROW}
ORDER BY d.cited DESC, d.status = 'document' DESC, d.id
LIMIT $limit"""
SEARCH = {
    "id": "MATCH (d:Directive {id: $id})\nWHERE true" + _SEARCH_REST,
    "key": "MATCH (d:Directive {key: $key})\nWHERE true" + _SEARCH_REST,
    "key_prefix": "MATCH (d:Directive)\nWHERE d.key STARTS WITH $key_prefix" + _SEARCH_REST,
    "number": "MATCH (d:Directive)\nWHERE d.number IN $numbers" + _SEARCH_REST,
    "words": "MATCH (d:Directive)\nWHERE d.words CONTAINS $first_word" + _SEARCH_REST,
}

DIRECTIVE = f"""MATCH (d:Directive {{id: $id}})
RETURN {_ROW}"""

DIRECTIVE_EDGES = """MATCH (d:Directive {id: $id})-[r:IMPLEMENTS|REFERS_TO]-(o:Directive)
RETURN type(r) AS type, startNode(r) = d AS outgoing, o {.*} AS o, r {.*} AS r
ORDER BY type, r.path, r.start"""

CHILDREN = """UNWIND $ids AS pid
MATCH (p:Directive {id: pid})<-[r:IMPLEMENTS|REFERS_TO]-(c:Directive)
WHERE type(r) IN $types
RETURN DISTINCT pid AS parent, c.id AS child, type(r) AS type
ORDER BY parent, child"""

PARENTS = """UNWIND $ids AS cid
MATCH (c:Directive {id: cid})-[:IMPLEMENTS]->(p:Directive)
RETURN DISTINCT cid AS child, p.id AS parent
ORDER BY child, parent"""

ROWS = f"""UNWIND $ids AS id
MATCH (d:Directive {{id: id}})
RETURN {_ROW}"""

UNITS = """MATCH (j:Jurisdiction {era: $era})
OPTIONAL MATCH (j)-[:PART_OF]->(p:Jurisdiction)
RETURN j.name AS name, j.level AS level, p.name AS parent
ORDER BY j.id"""

MOST_CITED = f"""MATCH (d:Directive)
WHERE d.cited > 0
RETURN {_ROW}, d.cited AS cited
ORDER BY d.cited DESC, d.id
LIMIT $limit"""

STATS_FILES = """MATCH (f:File)
RETURN f.status AS status, f.kind AS kind, count(*) AS n"""

STATS_DIRECTIVES = """MATCH (d:Directive)
RETURN d.status AS status, count(*) AS n"""

STATS_EDGES = """MATCH ()-[r:IMPLEMENTS|REFERS_TO]->()
RETURN type(r) AS type, count(*) AS n"""

FAILURES = """MATCH (f:File {status: 'failed'})
RETURN f.path AS path, f.reason AS reason
ORDER BY path"""

SOURCE_FILE = """MATCH (f:File)-[:TEXT_OF]->(d:Directive {id: $id})
RETURN f.path AS path
ORDER BY f.kind <> 'original', path
LIMIT 1"""

SOURCE_SPANS = """CALL {
  MATCH (:Directive)-[r:IMPLEMENTS {path: $path}]->(o:Directive) RETURN r, o
  UNION ALL
  MATCH (:Directive)-[r:REFERS_TO {path: $path}]->(o:Directive) RETURN r, o
}
WITH r, o WHERE r.via = 'citation'
RETURN o.id AS target, r.spans AS spans"""

ALL_STATEMENTS: tuple[str, ...] = (
    *SCHEMA,
    MERGE_FILES, MERGE_DIRECTIVES, MERGE_JURISDICTIONS, MERGE_PART_OF, MERGE_FORMED_FROM, MERGE_ISSUERS,
    MERGE_ISSUED_BY, MERGE_DIRECTIVE_IN, MERGE_ISSUER_IN, MERGE_TEXT_OF, *MERGE_EDGES.values(),
    PRUNE_NODES, PRUNE_RELS, COUNTS, *SEARCH.values(), DIRECTIVE, DIRECTIVE_EDGES, CHILDREN, PARENTS, ROWS, UNITS,
    MOST_CITED, STATS_FILES, STATS_DIRECTIVES, STATS_EDGES, FAILURES, SOURCE_FILE, SOURCE_SPANS,
)
