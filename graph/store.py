"""The embedded graph store: one SQLite file (WAL), no server. Schema, connection, writes and reads.

Tables (all SQL parameterised):

* ``files``: every ingested file (path, sha256, status ``ok`` / ``failed`` and the
  reason, the document's kind and id, the document's own fields as JSON).
* ``edges``: one row per (citing file, source directive, cited directive,
  relation): cue, mention count, evidence (sentence, offsets), the cited
  fields as JSON; ``cited`` is the id the text gave, ``dst`` the id it resolves
  to (they differ when a year-less citation was attached to a unique match);
  ``candidates`` lists the ids an ``ambiguous`` citation could mean.
* ``directives``: the nodes, derived from ``files`` and ``edges`` by ``graph.merge``
  (recomputed for the ids a write touches), so that re-ingesting is idempotent.
* ``jurisdictions`` and ``succession``: Vietnam's units before and after 1 July 2025.

The store's other modules: ``graph.merge`` (how rows merge), ``graph.resolve`` (the
resolution stage), ``graph.traverse`` (the
engines of cascade and chain), ``graph.search`` (search SQL), ``graph.coverage``.
Other modules read the store only through its public reads: ``directives()``,
``edges()``, ``citations()``, ``files()``, ``issuers()``, ``cited_counts()``, ``units()``, ``rows()``.

>>> store = Store(":memory:")
>>> store.counts()
{'files': 0, 'directives': 0, 'edges': 0}
"""
from __future__ import annotations

import json
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import quote

from vbgraph.ingest.read import read_file

from .coverage import build_coverage
from .errors import StoreError
from .jurisdictions import load_units, succession
from .merge import issuer_id, refresh_rows
from .resolve import resolve_open
from .models import CascadeRow, Coverage, DirectiveDetail, DirectiveRow, EdgeRow, FailureRow, SourceText, Span, Stats, TextMention
from .search import search_ids
from .traverse import TRAVERSALS, Traversal

__all__ = ["Store", "DIRECTIVE_COLUMNS", "EDGE_COLUMNS", "FILE_COLUMNS", "CITATION_COLUMNS"]

SCHEMA_VERSION = "1"
_ROW_COLS = (
    "id, type, number, symbol, issuer_code, issuer, level, province, district, commune, "
    "date, year, term, title, status, homonyms"
)
# The columns of the bulk reads (``directives()``, ``edges()``, ``files()``), in their order.
DIRECTIVE_COLUMNS = (
    "id", "type", "number", "symbol", "issuer_code", "issuer", "level", "province", "district", "commune",
    "date", "year", "term", "congress", "title", "status", "kind", "path", "key", "words", "conflicts", "homonyms",
)
EDGE_COLUMNS = ("path", "src", "dst", "relation", "cue", "mentions", "sentence", "start", "end", "spans", "candidates", "via")
FILE_COLUMNS = ("path", "name", "sha256", "status", "reason", "kind", "doc_id")
_DIRECTIVES_PAGE = (
    "SELECT id, type, number, symbol, issuer_code, issuer, level, province, district, commune, date, year, term, "
    "congress, title, status, kind, path, key, words, conflicts, homonyms FROM directives WHERE id > ? ORDER BY id LIMIT ?"
)
_EDGES_ALL = (
    'SELECT path, src, dst, relation, cue, mentions, sentence, start, "end", spans, candidates, via FROM edges '
    "WHERE src != '' ORDER BY path, src, dst"
)
_EDGES_OF = (
    'SELECT path, src, dst, relation, cue, mentions, sentence, start, "end", spans, candidates, via FROM edges '
    "WHERE relation = ? AND src != '' ORDER BY path, src, dst"
)
_CHUNK = 500
CITATION_COLUMNS = ("source", "source_id", "id", "type", "number", "issuer_code", "symbol", "relation", "start", "end")
_RELATION_RANK = {"refers_to": 0, "implements": 1, "reports": 2}
# Citation edges and reported directives with the cited node's key, by file.
_CITATIONS = """
SELECT c.path, c.src, c.dst, c.relation, c.spans, c.start, c."end", d.type, d.number, d.issuer_code, d.symbol FROM (
  SELECT path, src, dst, relation, spans, start, "end" FROM edges WHERE via = 'citation'
  UNION ALL
  SELECT path, '', doc_id, 'reports', NULL, NULL, NULL FROM files WHERE status = 'ok' AND kind = 'report' AND doc_id IS NOT NULL
) c LEFT JOIN directives d ON d.id = c.dst ORDER BY c.path, c.dst
"""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT, status TEXT NOT NULL,
    reason TEXT, kind TEXT, doc_id TEXT, chars INTEGER, doc TEXT
);
CREATE INDEX IF NOT EXISTS files_doc ON files(doc_id);
CREATE TABLE IF NOT EXISTS edges (
    path TEXT NOT NULL, src TEXT NOT NULL, cited TEXT NOT NULL, dst TEXT NOT NULL,
    relation TEXT NOT NULL, via TEXT NOT NULL, cue TEXT, mentions INTEGER NOT NULL DEFAULT 1,
    sentence TEXT, start INTEGER, "end" INTEGER, spans TEXT, candidates TEXT, data TEXT,
    open INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS edges_path ON edges(path);
CREATE INDEX IF NOT EXISTS edges_dst ON edges(dst, relation);
CREATE INDEX IF NOT EXISTS edges_src ON edges(src, relation);
CREATE INDEX IF NOT EXISTS edges_open ON edges(cited) WHERE open = 1;
CREATE TABLE IF NOT EXISTS directives (
    n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT, number TEXT, symbol TEXT,
    issuer_code TEXT, issuer TEXT, level TEXT, province TEXT, district TEXT, commune TEXT,
    date TEXT, year INTEGER, term TEXT, congress TEXT, title TEXT, status TEXT NOT NULL,
    kind TEXT, path TEXT, key TEXT, prefix TEXT, words TEXT, conflicts TEXT,
    homonyms INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS directives_key ON directives(key);
CREATE INDEX IF NOT EXISTS directives_prefix ON directives(prefix);
CREATE INDEX IF NOT EXISTS directives_number ON directives(number);
CREATE TABLE IF NOT EXISTS jurisdictions (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, level TEXT NOT NULL, era TEXT NOT NULL,
    parent TEXT, province TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS dirty (id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS dirty_keys (key TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS succession (new_id TEXT NOT NULL, old_id TEXT NOT NULL, PRIMARY KEY (new_id, old_id));
"""


class Store:
    """The SQLite graph store; ``path`` may be ``":memory:"``. Safe to share across threads.

    ``traversal`` chooses the engine of cascade/chain (``graph.traverse``): ``rustworkx``, ``sql`` or
    ``auto`` (default: rustworkx once its graph is loaded; on a large store SQL answers while it loads
    in the background).
    ``read_only`` opens an existing file with SQLite ``mode=ro`` (the explorer's way).
    """

    def __init__(self, path: str | Path, *, traversal: str = "auto", read_only: bool = False):
        if traversal not in TRAVERSALS:
            raise StoreError(f"unknown traversal {traversal!r}; allowed: {', '.join(TRAVERSALS)}")
        self.path = str(path)
        self.traversal = traversal
        self.read_only = read_only
        self._lock = threading.RLock()
        self._engines = Traversal(self)
        try:
            if read_only:
                if not Path(self.path).is_file():
                    raise StoreError(f"no graph store at {self.path}: build one with `vbgraph ingest PATH --store {self.path}`")
                self.con = _open_read_only(Path(self.path))
                return
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.con = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self.con.execute("PRAGMA journal_mode=WAL")
            self.con.execute("PRAGMA synchronous=NORMAL")
            self.con.executescript(_SCHEMA)
            self._migrate()
        except sqlite3.Error as err:
            raise StoreError(f"cannot open the graph store {self.path}: {err}") from err
        self._seed_jurisdictions()

    # ---------------------------------------------------------------- plumbing
    def close(self) -> None:
        """Close the connection."""
        self.con.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything in it is committed together or not at all.

        A write the disk or the file refuses (full disk, read-only store) rolls back and
        raises :class:`StoreError` naming the store; what was stored before stays.
        """
        with self._lock:
            try:
                self.con.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as err:
                raise StoreError(f"cannot write the graph store {self.path}: {err}") from err
            try:
                yield self.con
                self.con.execute(
                    "INSERT INTO meta(key, value) VALUES('version', '1') "
                    "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
                )
                self.con.execute("COMMIT")
            except sqlite3.Error as err:
                if self.con.in_transaction:
                    self.con.execute("ROLLBACK")
                raise StoreError(f"cannot write the graph store {self.path}: {err}") from err
            except BaseException:
                if self.con.in_transaction:
                    self.con.execute("ROLLBACK")
                raise

    def _q(self, sql: str, params: Iterable = ()) -> list[tuple]:
        with self._lock:
            return self.con.execute(sql, tuple(params)).fetchall()

    def version(self) -> int:
        """A number that changes with every committed write."""
        rows = self._q("SELECT value FROM meta WHERE key = 'version'")
        return int(rows[0][0]) if rows else 0

    def _migrate(self) -> None:
        """Add the columns that stores made by earlier versions lack."""
        have = {r[1] for r in self.con.execute("PRAGMA table_info(directives)")}
        if "conflicts" not in have:
            self.con.execute("ALTER TABLE directives ADD COLUMN conflicts TEXT")
        if "homonyms" not in have:
            self.con.execute("ALTER TABLE directives ADD COLUMN homonyms INTEGER NOT NULL DEFAULT 1")
            self.con.execute(
                "UPDATE directives SET homonyms = (SELECT count(*) FROM directives d WHERE d.key = directives.key) "
                "WHERE key IS NOT NULL"
            )

    def _seed_jurisdictions(self) -> None:
        if self._q("SELECT 1 FROM jurisdictions LIMIT 1"):
            return
        with self.transaction() as con:
            con.executemany(
                "INSERT OR IGNORE INTO jurisdictions(id, name, level, era, parent, province) VALUES (?,?,?,?,?,?)",
                [(u.id, u.name, u.level, u.era, u.parent, u.province) for u in load_units()],
            )
            con.executemany("INSERT OR IGNORE INTO succession(new_id, old_id) VALUES (?,?)", succession())
            con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('schema', ?)", (SCHEMA_VERSION,))

    def counts(self) -> dict[str, int]:
        """Numbers of files, directives and edges (for tests and summaries)."""
        return {
            "files": self._q("SELECT count(*) FROM files")[0][0],
            "directives": self._q("SELECT count(*) FROM directives")[0][0],
            "edges": self._q("SELECT count(*) FROM edges")[0][0],
        }

    # ---------------------------------------------------------------- writes (graph.build)
    def file_hashes(self) -> dict[str, tuple[str | None, str]]:
        """path → (sha256, status) of every stored file."""
        return {p: (h, s) for p, h, s in self._q("SELECT path, sha256, status FROM files")}

    def remove_file(self, con: sqlite3.Connection, path: str) -> set[str]:
        """Delete a file's row and edges inside a transaction; return the ids it touched."""
        touched = {r[0] for r in con.execute("SELECT doc_id FROM files WHERE path = ? AND doc_id IS NOT NULL", (path,))}
        for src, dst in con.execute("SELECT src, dst FROM edges WHERE path = ?", (path,)):
            touched.update((src, dst))
        con.execute("DELETE FROM edges WHERE path = ?", (path,))
        con.execute("DELETE FROM files WHERE path = ?", (path,))
        touched.discard("")
        return touched

    def put_failure(self, con: sqlite3.Connection, path: str, name: str, sha256: str | None, reason: str) -> None:
        """Record a file that could not be read."""
        con.execute(
            "INSERT INTO files(path, name, sha256, status, reason) VALUES (?,?,?,?,?)",
            (path, name, sha256, "failed", reason),
        )

    def put_file(self, con: sqlite3.Connection, row: dict, edges: list[dict]) -> None:
        """Insert one file's row and its edges (dicts with the ``edges`` columns)."""
        con.execute(
            "INSERT INTO files(path, name, sha256, status, kind, doc_id, chars, doc) VALUES (?,?,?,?,?,?,?,?)",
            (row["path"], row["name"], row["sha256"], "ok", row["kind"], row["doc_id"], row["chars"], row["doc"]),
        )
        con.executemany(
            'INSERT INTO edges(path, src, cited, dst, relation, via, cue, mentions, sentence, start, "end", '
            "spans, candidates, data, open) VALUES (:path, :src, :cited, :dst, :relation, :via, :cue, :mentions, "
            ":sentence, :start, :end, :spans, :candidates, :data, :open)",
            edges,
        )

    def mark(self, con: sqlite3.Connection, ids: Iterable[str]) -> None:
        """Note ids whose rows must be recomputed (by ``flush``), in the caller's transaction."""
        con.executemany("INSERT OR IGNORE INTO dirty(id) VALUES (?)", [(i,) for i in ids if i])

    def flush(self, chunk: int = 20_000) -> int:
        """Recompute the rows of every marked id, a chunk per transaction; returns how many."""
        done = 0
        while True:
            ids = [r[0] for r in self._q("SELECT id FROM dirty LIMIT ?", (chunk,))]
            if not ids:
                self._flush_keys()
                return done
            with self.transaction() as con:
                refresh_rows(con, ids)
                con.executemany("DELETE FROM dirty WHERE id = ?", [(i,) for i in ids])
            done += len(ids)

    def _flush_keys(self, chunk: int = 5_000) -> None:
        """Recount the homonyms of every key whose rows changed (once per flush, not per chunk)."""
        while True:
            keys = [r[0] for r in self._q("SELECT key FROM dirty_keys LIMIT ?", (chunk,))]
            if not keys:
                return
            with self.transaction() as con:
                counts: dict[str, int] = {}
                for k in range(0, len(keys), _CHUNK):
                    part = keys[k : k + _CHUNK]
                    counts.update(con.execute(
                        f"SELECT key, count(*) FROM directives WHERE key IN ({','.join('?' * len(part))}) GROUP BY key",
                        part,
                    ).fetchall())
                con.executemany(
                    "UPDATE directives SET homonyms = ? WHERE key = ? AND homonyms != ?",
                    [(counts[k], k, counts[k]) for k in keys if k in counts],
                )
                con.executemany("DELETE FROM dirty_keys WHERE key = ?", [(k,) for k in keys])

    def resolve_open(self) -> set[str]:
        """Settle each year-less (or term-only) citation on the one directive that fits it, else list
        the candidates (``graph.resolve``), and recompute the rows it touched.

        Idempotent; returns the ids whose rows changed. Runs in its own transaction.
        """
        with self.transaction() as con:
            touched = resolve_open(con)
            refresh_rows(con, touched)
        self._flush_keys()
        return touched

    # ---------------------------------------------------------------- reads: rows
    def rows(self, ids: Iterable[str]) -> dict[str, DirectiveRow]:
        """id → DirectiveRow for the ids that exist, with homonym counts."""
        ids = list(dict.fromkeys(ids))
        raw = []
        for k in range(0, len(ids), _CHUNK):
            part = ids[k : k + _CHUNK]
            raw += self._q(f"SELECT {_ROW_COLS} FROM directives WHERE id IN ({','.join('?' * len(part))})", part)
        return {r[0]: DirectiveRow(*r) for r in raw}

    def _rows_by_n(self, ns: Iterable[int]) -> dict[int, DirectiveRow]:
        ns = list(dict.fromkeys(ns))
        out: dict[int, DirectiveRow] = {}
        for k in range(0, len(ns), _CHUNK):
            part = ns[k : k + _CHUNK]
            for r in self._q(f"SELECT n, {_ROW_COLS} FROM directives WHERE n IN ({','.join('?' * len(part))})", part):
                out[r[0]] = DirectiveRow(*r[1:])
        return out

    def row(self, id: str) -> DirectiveRow | None:
        """The row of one id, or None."""
        return self.rows([id]).get(id)
    def _n_of(self, id: str) -> int | None:
        got = self._q("SELECT n FROM directives WHERE id = ?", (id,))
        return got[0][0] if got else None

    # ---------------------------------------------------------------- reads: in bulk (Neo4j load, export)
    def directives(self, page: int = 10_000) -> Iterator[dict]:
        """Every directive row (``DIRECTIVE_COLUMNS`` → value) in id order, read a page at a time.

        >>> row = next(tiny_store().directives())
        >>> row["id"], row["status"], row["homonyms"]
        ('vn/lai-chau.tam-duong/hu/kh/2022/102', 'document', 1)
        """
        last = ""
        while True:
            got = self._q(_DIRECTIVES_PAGE, (last, page))
            yield from (dict(zip(DIRECTIVE_COLUMNS, r)) for r in got)
            if len(got) < page:
                return
            last = got[-1][0]

    def edges(self, relation: str | None = None) -> list[dict]:
        """The edges of a citing directive (``EDGE_COLUMNS`` → value), of one relation or all, by path, src, dst.

        >>> [(e["src"][-3:], e["dst"][-2:], e["relation"]) for e in tiny_store().edges("refers_to")]
        [('102', '35', 'refers_to')]
        """
        got = self._q(_EDGES_ALL) if relation is None else self._q(_EDGES_OF, (relation,))
        return [dict(zip(EDGE_COLUMNS, r)) for r in got]

    def citations(self) -> Iterator[dict]:
        """One row per (citing file, cited node), by path then first mention: ``CITATION_COLUMNS`` → value.

        Citation edges of every text (a news text's too: ``source_id`` None), plus a ``reports``
        row for the directive a news text reports; a document's own header is not a row.
        ``type``, ``number``, ``issuer_code`` and ``symbol`` are the cited node's.

        >>> [(r["source"], r["id"][-7:], r["relation"]) for r in tiny_store().citations()][:2]
        [('lc61.txt', '2018/35', 'implements'), ('sl61.txt', '2018/35', 'implements')]
        """
        rows: dict[tuple[str, str], dict] = {}
        for path, src, dst, relation, spans, start, end, type_, number, code, symbol in self._q(_CITATIONS):
            first = min((tuple(m[:2]) for m in json.loads(spans or "[]") if m[0] is not None), default=(start, end))
            row = dict(zip(CITATION_COLUMNS, (path, src or None, dst, type_, number, code, symbol, relation, *first)))
            old = rows.setdefault((path, dst), row)
            if old is not row:  # one row per (file, node): reports > implements > refers_to; first mention's offsets
                old["relation"] = max(old["relation"], relation, key=_RELATION_RANK.get)
                if row["start"] is not None and (old["start"] is None or row["start"] < old["start"]):
                    old["start"], old["end"] = row["start"], row["end"]
        yield from sorted(rows.values(), key=lambda r: (r["source"], r["start"] is None, r["start"] or 0, r["id"]))

    def files(self) -> list[dict]:
        """Every stored file (``FILE_COLUMNS`` → value; ``doc_id`` is the directive it is the text of), by path.

        >>> [(f["path"], f["status"], f["doc_id"]) for f in tiny_store().files()][0]
        ('lc224.txt', 'ok', 'vn/lai-chau/tu/kl/2021/224')
        """
        return [dict(zip(FILE_COLUMNS, r)) for r in self._q(
            "SELECT path, name, sha256, status, reason, kind, doc_id FROM files ORDER BY path")]

    def issuers(self) -> list[dict]:
        """One row per issuer (``id`` from ``merge.issuer_id``, ``code``, ``name`` as the first stored directive gives them).

        >>> tiny_store().issuers()[0]
        {'id': 'vn/lai-chau.tam-duong/hu', 'code': 'HU', 'name': None}
        """
        found: dict[str, dict] = {}
        for id, code, name in self._q("SELECT id, issuer_code, issuer FROM directives WHERE issuer_code IS NOT NULL ORDER BY n"):
            iid = issuer_id(id)
            found.setdefault(iid, {"id": iid, "code": code, "name": name})
        return list(found.values())

    def cited_counts(self) -> dict[str, int]:
        """id → number of distinct files citing it (directives nobody cites are absent)."""
        return dict(self._q("SELECT dst, count(DISTINCT path) FROM edges WHERE via = 'citation' GROUP BY dst"))

    def units(self, era: str) -> list[tuple[str, str, str | None]]:
        """(name, level, parent's name) of every jurisdiction of an era (``old`` / ``new``), by id."""
        return self._q(
            "SELECT j.name, j.level, p.name FROM jurisdictions j LEFT JOIN jurisdictions p ON p.id = j.parent "
            "WHERE j.era = ? ORDER BY j.id",
            (era,),
        )

    # ---------------------------------------------------------------- queries (graph.queries.Backend)
    def q_cascade(self, id: str, relations: tuple[str, ...], max_depth: int | None) -> list[CascadeRow]:
        """Breadth-first walk down (from a directive to those implementing it)."""
        root = self._n_of(id)
        if root is None:
            return []
        found = self._engines.cascade(root, relations, max_depth)
        rows = self._rows_by_n([n for n, _, _, _ in found] + [p for _, p, _, _ in found])
        return [CascadeRow(rows[n], rows[p].id, depth, rel) for n, p, depth, rel in found if n in rows and p in rows]

    def q_chain(self, id: str) -> list[list[DirectiveRow]]:
        """Every path up the implements edges to a root (cycles cut)."""
        start = self._n_of(id)
        if start is None:
            return []
        paths = self._engines.chain(start)
        rows = self._rows_by_n(sorted({n for p in paths for n in p}))
        return [[rows[n] for n in p] for p in paths]

    def load_graph(self) -> None:
        """Load the rustworkx graph now (else the first traversal loads it); benchmarks time this."""
        self._engines.graph()

    def q_search(self, text: str, limit: int) -> list[DirectiveRow]:
        ids = search_ids(self._q, text, limit)
        rows = self.rows(ids)
        return [rows[i] for i in ids if i in rows]

    def _edge_rows(self, id: str, outgoing: bool) -> list[tuple[str, EdgeRow]]:
        sql = (
            'SELECT relation, dst, cue, mentions, sentence, path, start, "end", candidates FROM edges '
            "WHERE src = ? AND src != '' ORDER BY relation, path, start"
            if outgoing else
            'SELECT relation, src, cue, mentions, sentence, path, start, "end", candidates FROM edges '
            "WHERE dst = ? AND src != '' ORDER BY relation, path, start"
        )
        got = self._q(sql, (id,))
        rows = self.rows(r[1] for r in got)
        return [
            (rel, EdgeRow(rows[other], rel, cue, mentions, sentence, path, start, end, tuple(json.loads(cands)) if cands else ()))
            for rel, other, cue, mentions, sentence, path, start, end, cands in got
            if other in rows
        ]

    def q_directive(self, id: str) -> DirectiveDetail | None:
        row = self.row(id)
        if row is None:
            return None
        up = self._edge_rows(id, outgoing=True)
        down = self._edge_rows(id, outgoing=False)
        raw = self._q("SELECT conflicts FROM directives WHERE id = ?", (id,))[0][0]
        conflicts = {f: tuple(v) for f, v in json.loads(raw or "{}").items()}
        sources = tuple(r[0] for r in self._q("SELECT path FROM files WHERE doc_id = ? AND status = 'ok' ORDER BY path", (id,)))
        return DirectiveDetail(
            row=row,
            conflicts=conflicts,
            implements=tuple(e for r, e in up if r == "implements"),
            implemented_by=tuple(e for r, e in down if r == "implements"),
            refers_to=tuple(e for r, e in up if r == "refers_to"),
            referred_by=tuple(e for r, e in down if r == "refers_to"),
            sources=sources,
            mentioned_in=tuple(self._text_mentions(id)),
        )

    def _text_mentions(self, id: str) -> list[TextMention]:
        got = self._q(
            'SELECT path, relation, cue, mentions, sentence, start, "end", candidates FROM edges '
            "WHERE dst = ? AND src = '' AND via = 'citation' ORDER BY path, start", (id,))
        return [TextMention(p, rel, cue, n, sent, start, end, tuple(json.loads(c)) if c else ())
                for p, rel, cue, n, sent, start, end, c in got]

    def q_coverage(self, id: str) -> Coverage | None:
        row = self.row(id)
        if row is None:
            return None
        return build_coverage(row, self.q_cascade(id, ("implements",), None), self.units)

    def q_most_cited(self, limit: int) -> list[tuple[DirectiveRow, int]]:
        got = self._q(
            "SELECT dst, count(DISTINCT path) AS c FROM edges WHERE via = 'citation' "
            "GROUP BY dst ORDER BY c DESC, dst LIMIT ?",
            (limit,),
        )
        rows = self.rows(r[0] for r in got)
        return [(rows[d], c) for d, c in got if d in rows]

    def q_stats(self) -> Stats:
        return Stats(
            documents=dict(self._q("SELECT kind, count(*) FROM files WHERE status = 'ok' GROUP BY kind ORDER BY kind")),
            directives=dict(self._q("SELECT status, count(*) FROM directives GROUP BY status ORDER BY status")),
            edges=dict(self._q("SELECT relation, count(*) FROM edges WHERE src != '' GROUP BY relation ORDER BY relation")),
            files=self._q("SELECT count(*) FROM files")[0][0],
            failed=self._q("SELECT count(*) FROM files WHERE status = 'failed'")[0][0],
        )

    def q_failures(self) -> list[FailureRow]:
        return [FailureRow(p, r or "") for p, r in self._q("SELECT path, reason FROM files WHERE status = 'failed' ORDER BY path")]

    def q_source(self, id: str) -> SourceText | None:
        got = self._q("SELECT path FROM files WHERE doc_id = ? AND status = 'ok' ORDER BY kind != 'original', path LIMIT 1", (id,))
        if not got:
            return None
        path = got[0][0]
        try:
            text = read_file(path).text
        except OSError:
            return None
        spans = []
        for dst, spans_json in self._q("SELECT dst, spans FROM edges WHERE path = ? AND via = 'citation'", (path,)):
            for start, end, label in json.loads(spans_json or "[]"):
                spans.append(Span(start, end, label, dst))
        return SourceText(path, text, tuple(sorted(spans, key=lambda s: (s.start, s.end))))


def _open_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection: ``mode=ro``, or ``immutable=1`` where SQLite cannot make the
    WAL's ``-shm`` beside the file (a store on a read-only volume or folder).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()); Store(folder / "s.sqlite").close()
    >>> _open_read_only(folder / "s.sqlite").execute("SELECT count(*) FROM directives").fetchone()
    (0,)
    """
    base = f"file:{quote(str(path.resolve()))}"
    con = sqlite3.connect(f"{base}?mode=ro", uri=True, check_same_thread=False, isolation_level=None)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return con
    except sqlite3.OperationalError:
        con.close()
    return sqlite3.connect(f"{base}?immutable=1", uri=True, check_same_thread=False, isolation_level=None)
