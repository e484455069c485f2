"""The embedded graph store: one SQLite file (WAL), no server.

Tables (all SQL parameterised):

* ``files``: every ingested file (path, sha256, status ``ok`` / ``failed`` and the
  reason, the document's kind and id, the document's own fields as JSON).
* ``edges``: one row per (citing file, source directive, cited directive,
  relation): cue, mention count, evidence (sentence, offsets), the cited
  fields as JSON; ``cited`` is the id the text gave, ``dst`` the id it resolves
  to (they differ when a year-less citation was attached to a unique match);
  ``candidates`` lists the ids an ``ambiguous`` citation could mean.
* ``directives``: the nodes, derived from ``files`` and ``edges`` (recomputed for
  the ids a write touches), so that re-ingesting is idempotent.
* ``jurisdictions`` and ``succession``: Vietnam's units before and after 1 July 2025.

Traversal (``cascade``/``chain``) runs on an in-memory rustworkx graph loaded on
first use (``traversal="rustworkx"``), or as SQLite ``WITH RECURSIVE`` queries
(``traversal="sql"``, no load time), or ``auto`` (default): rustworkx once its graph is
loaded, SQL while a large store's graph loads in a background thread; see docs/graph.md.

>>> store = Store(":memory:")
>>> store.counts()
{'files': 0, 'directives': 0, 'edges': 0}
"""
from __future__ import annotations

import json
import sqlite3
import threading
from collections import Counter
from contextlib import contextmanager
from datetime import date as _date
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import quote

from .errors import StoreError
from vbgraph.ingest.identity import is_central_issuer, slug
from vbgraph.ingest.read import read_file
from .jurisdictions import era_of, load_units, succession
from .models import (
    CascadeRow,
    Coverage,
    CoverageRow,
    DirectiveDetail,
    DirectiveRow,
    EdgeRow,
    FailureRow,
    SourceText,
    Span,
    Stats,
)

__all__ = ["Store", "FIELDS", "TRAVERSALS"]

SCHEMA_VERSION = "1"
TRAVERSALS = ("auto", "rustworkx", "sql")
AUTO_SYNC_EDGES = 300_000  # up to this many edges, ``auto`` loads the rustworkx graph at once
# Identity fields merged into a directive row, in DirectiveRow order (plus congress).
FIELDS = (
    "type", "number", "symbol", "issuer_code", "issuer", "level", "province",
    "district", "commune", "date", "year", "term", "congress", "title",
)
_ROW_COLS = (
    "id, type, number, symbol, issuer_code, issuer, level, province, district, commune, "
    "date, year, term, title, status, homonyms"
)
_CHUNK = 500

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

# Party terms (khóa) and the congress years that open them, for term ↔ year matching.
_TERM_START = {"VIII": 1996, "IX": 2001, "X": 2006, "XI": 2011, "XII": 2016, "XIII": 2021, "XIV": 2026}


def term_years(term: str | None) -> tuple[int, int] | None:
    """The years a Party term spans (both congress years included), or None.

    >>> term_years("XII")
    (2016, 2021)
    """
    if not term:
        return None
    start = _TERM_START.get(term.upper().replace("KHÓA", "").strip())
    return (start, start + 5) if start else None


def homonym_key(type: str | None, number: str | None, issuer_code: str | None) -> str | None:
    """(type, number, issuer code) normalised: numbers as integers, codes upper-case, Ð as Đ.

    >>> homonym_key("NQ", "035", "tw")
    'NQ|35|TW'
    """
    if not (type and number and issuer_code):
        return None
    num = str(int(number)) if str(number).isdigit() else str(number).upper()

    def norm(code: str) -> str:
        return code.replace("Ð", "Đ").replace("ð", "đ").upper()

    return f"{norm(type)}|{num}|{norm(issuer_code)}"


def _words(*values) -> str:
    return " " + " ".join(slug(str(v)).replace("-", " ") for v in values if v) + " "


def _id_parts(id: str) -> tuple[str, str | None, str | None]:
    """(prefix without period and number, period, number) of a canonical id."""
    parts = id.split("/")
    if len(parts) == 6:
        return "/".join(parts[:4]), parts[4], parts[5]
    return id, None, None


def is_open(id: str) -> bool:
    """Whether an id leaves its period undecided (no year: ``_`` or a term ``k…``).

    >>> is_open("vn/national/tw/kl/_/1"), is_open("vn/national/tw/kl/kxii/1"), is_open("vn/national/tw/kl/2016/1")
    (True, True, False)
    """
    prefix, period, number = _id_parts(id)
    if period is None or prefix.split("/")[1].startswith("~") or period == "dai-hoi":
        return False
    return period == "_" or (period.startswith("k") and not period.isdigit())


class Store:
    """The SQLite graph store; ``path`` may be ``":memory:"``. Safe to share across threads.

    ``traversal`` chooses the engine of cascade/chain: ``rustworkx``, ``sql`` or ``auto`` (default:
    rustworkx once its graph is loaded; on a large store SQL answers while it loads in the background).
    ``read_only`` opens an existing file with SQLite ``mode=ro`` (the explorer's way).
    """

    def __init__(self, path: str | Path = "var/vbgraph.sqlite", *, traversal: str = "auto", read_only: bool = False):
        if traversal not in TRAVERSALS:
            raise StoreError(f"unknown traversal {traversal!r}; allowed: {', '.join(TRAVERSALS)}")
        self.path = str(path)
        self.traversal = traversal
        self.read_only = read_only
        self._lock = threading.RLock()
        self._graph = None
        self._graph_version = None
        try:
            if read_only:
                if not Path(self.path).is_file():
                    raise StoreError(f"no graph store at {self.path}: build one with `vbgraph ingest PATH --store {self.path}`")
                uri = f"file:{quote(str(Path(self.path).resolve()))}?mode=ro"
                self.con = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
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
        """One write transaction: everything in it is committed together or not at all."""
        with self._lock:
            self.con.execute("BEGIN IMMEDIATE")
            try:
                yield self.con
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
            else:
                self.con.execute(
                    "INSERT INTO meta(key, value) VALUES('version', '1') "
                    "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
                )
                self.con.execute("COMMIT")

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
                self.refresh(con, ids)
                con.executemany("DELETE FROM dirty WHERE id = ?", [(i,) for i in ids])
            done += len(ids)

    def refresh(self, con: sqlite3.Connection, ids: Iterable[str]) -> None:
        """Recompute the directive rows of ``ids`` from files and edges (delete those no longer named)."""
        ids = sorted({i for i in ids if i})
        for k in range(0, len(ids), _CHUNK):
            self._refresh_chunk(con, ids[k : k + _CHUNK])

    def _refresh_chunk(self, con: sqlite3.Connection, ids: list[str]) -> None:
        marks = ",".join("?" * len(ids))
        own: dict[str, list] = {}
        for doc_id, kind, path, doc in con.execute(
            f"SELECT doc_id, kind, path, doc FROM files WHERE status = 'ok' AND doc_id IN ({marks}) ORDER BY path", ids
        ):
            own.setdefault(doc_id, []).append((kind, path, json.loads(doc or "{}")))
        cited: dict[str, list] = {}
        for dst, data in con.execute(
            f"SELECT dst, data FROM edges WHERE via = 'citation' AND dst IN ({marks}) ORDER BY path", ids
        ):
            cited.setdefault(dst, []).append(json.loads(data or "{}"))
        linked = {r[0] for r in con.execute(f"SELECT src FROM edges WHERE src IN ({marks})", ids)}
        linked.update(r[0] for r in con.execute(f"SELECT dst FROM edges WHERE dst IN ({marks})", ids))
        keys = {r[0] for r in con.execute(f"SELECT key FROM directives WHERE id IN ({marks}) AND key IS NOT NULL", ids)}
        gone, rows = [], []
        for id in ids:
            docs = own.get(id, [])
            if not docs and id not in linked:
                gone.append((id,))
                continue
            rows.append(_merge_row(id, docs, cited.get(id, [])))
        con.executemany("DELETE FROM directives WHERE id = ?", gone)
        con.executemany(
            "INSERT INTO directives(id, type, number, symbol, issuer_code, issuer, level, province, district, "
            "commune, date, year, term, congress, title, status, kind, path, key, prefix, words, conflicts) VALUES "
            "(:id, :type, :number, :symbol, :issuer_code, :issuer, :level, :province, :district, :commune, :date, "
            ":year, :term, :congress, :title, :status, :kind, :path, :key, :prefix, :words, :conflicts) "
            "ON CONFLICT(id) DO UPDATE SET type=excluded.type, number=excluded.number, symbol=excluded.symbol, "
            "issuer_code=excluded.issuer_code, issuer=excluded.issuer, level=excluded.level, "
            "province=excluded.province, district=excluded.district, commune=excluded.commune, "
            "date=excluded.date, year=excluded.year, term=excluded.term, congress=excluded.congress, "
            "title=excluded.title, status=excluded.status, kind=excluded.kind, path=excluded.path, "
            "key=excluded.key, prefix=excluded.prefix, words=excluded.words, conflicts=excluded.conflicts",
            rows,
        )
        keys.update(r["key"] for r in rows if r["key"])
        con.executemany("INSERT OR IGNORE INTO dirty_keys(key) VALUES (?)", [(k,) for k in keys])

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
        """Attach each year-less (or term-only) citation to its unique match, else list the candidates.

        Idempotent; returns the ids whose rows changed. Runs in its own transaction.
        """
        touched: set[str] = set()
        with self.transaction() as con:
            opened = con.execute(
                "SELECT DISTINCT cited FROM edges WHERE open = 1"
            ).fetchall()
            for (cited,) in opened:
                prefix, period, number = _id_parts(cited)
                cands = []
                for cid, year, term, date in con.execute(
                    "SELECT id, year, term, date FROM directives WHERE prefix = ? AND id != ? AND status IN "
                    "('document', 'cited-only') AND id NOT IN (SELECT DISTINCT cited FROM edges WHERE open = 1)",
                    (prefix, cited),
                ):
                    if cid.rsplit("/", 1)[1] != number:
                        continue
                    if period.startswith("k") and not _term_fits(period[1:], year, term):
                        continue
                    cands.append(cid)
                dst = cands[0] if len(cands) == 1 else cited
                candidates = json.dumps(sorted(cands)) if len(cands) > 1 else None
                for (old_dst,) in con.execute("SELECT DISTINCT dst FROM edges WHERE cited = ? AND dst != ?", (cited, dst)):
                    touched.add(old_dst)
                changed = con.execute(
                    "UPDATE edges SET dst = ?, candidates = ? WHERE cited = ? AND open = 1 "
                    "AND (dst != ? OR candidates IS NOT ?)",
                    (dst, candidates, cited, dst, candidates),
                ).rowcount
                if changed:
                    touched.update((cited, dst))
            self.refresh(con, touched)
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
        return self._to_rows(raw)

    def _rows_by_n(self, ns: Iterable[int]) -> dict[int, DirectiveRow]:
        ns = list(dict.fromkeys(ns))
        out: dict[int, DirectiveRow] = {}
        for k in range(0, len(ns), _CHUNK):
            part = ns[k : k + _CHUNK]
            for r in self._q(f"SELECT n, {_ROW_COLS} FROM directives WHERE n IN ({','.join('?' * len(part))})", part):
                out[r[0]] = DirectiveRow(*r[1:])
        return out

    @staticmethod
    def _to_rows(raw: list[tuple]) -> dict[str, DirectiveRow]:
        return {r[0]: DirectiveRow(*r) for r in raw}

    def row(self, id: str) -> DirectiveRow | None:
        """The row of one id, or None."""
        return self.rows([id]).get(id)

    # ---------------------------------------------------------------- traversal
    def _load_graph(self):
        """The rustworkx graph (node index = directives.n; edge data = relation), cached per version."""
        with self._lock:
            version = self.version()
            if self._graph is not None and self._graph_version == version:
                return self._graph
            self._graph, self._graph_version = _build_graph(self.con)
            return self._graph

    def _engine(self) -> str:
        """The engine of the next traversal. ``auto``: rustworkx when its graph is loaded or the
        store is small (loaded now); else SQL, while the graph loads in a background thread."""
        if self.traversal != "auto":
            return self.traversal
        if self._graph is not None and self._graph_version == self.version():
            return "rustworkx"
        edges = self._q("SELECT coalesce(max(rowid), 0) FROM edges")[0][0]
        if edges <= AUTO_SYNC_EDGES or self.path == ":memory:":
            self._load_graph()
            return "rustworkx"
        self._load_in_background()
        return "sql"

    def _load_in_background(self) -> None:
        with self._lock:
            if getattr(self, "_loading", False):
                return
            self._loading = True

        def work() -> None:
            con = None
            try:
                con = sqlite3.connect(f"file:{quote(str(Path(self.path).resolve()))}?mode=ro", uri=True, isolation_level=None)
                graph, version = _build_graph(con)
                with self._lock:
                    self._graph, self._graph_version = graph, version
            except sqlite3.Error:
                pass  # the next query tries again; SQL answers meanwhile
            finally:
                if con is not None:
                    con.close()
                self._loading = False

        threading.Thread(target=work, name="vbgraph-graph-load", daemon=True).start()

    def _n_of(self, id: str) -> int | None:
        got = self._q("SELECT n FROM directives WHERE id = ?", (id,))
        return got[0][0] if got else None

    def q_cascade(self, id: str, relations: tuple[str, ...], max_depth: int | None) -> list[CascadeRow]:
        """Breadth-first walk down (from a directive to those implementing it)."""
        root = self._n_of(id)
        if root is None:
            return []
        if self._engine() == "sql":
            found = self._cascade_sql(root, relations, max_depth)
        else:
            found = self._cascade_rx(root, relations, max_depth)
        rows = self._rows_by_n([n for n, _, _, _ in found] + [p for _, p, _, _ in found])
        return [
            CascadeRow(rows[n], rows[p].id, depth, rel)
            for n, p, depth, rel in found
            if n in rows and p in rows
        ]

    # Both engines give the same rows in the same order: breadth first, by depth then node;
    # a node's parent is the smallest (parent, relation) one level up.
    def _cascade_rx(self, root: int, relations, max_depth) -> list[tuple[int, int, int, str]]:
        g = self._load_graph()
        seen = {root}
        frontier = [root]
        out = []
        depth = 0
        while frontier and (max_depth is None or depth < max_depth):
            depth += 1
            nxt: dict[int, tuple[int, str]] = {}
            for parent in frontier:
                for child, _, rel in g.in_edges(parent):
                    if rel in relations and child not in seen:
                        cand = (parent, rel)
                        if child not in nxt or cand < nxt[child]:
                            nxt[child] = cand
            seen.update(nxt)
            frontier = sorted(nxt)
            out += [(child, nxt[child][0], depth, nxt[child][1]) for child in frontier]
        return out

    def _cascade_sql(self, root: int, relations, max_depth) -> list[tuple[int, int, int, str]]:
        marks = ",".join("?" * len(relations))
        limit = max_depth or 64
        got = self._q(
            f"""
            WITH RECURSIVE down(n, id, parent, depth, relation) AS (
                SELECT n, id, NULL, 0, NULL FROM directives WHERE n = ?
                UNION
                SELECT c.n, c.id, down.n, down.depth + 1, e.relation
                FROM down JOIN edges e ON e.dst = down.id AND e.relation IN ({marks})
                JOIN directives c ON c.id = e.src
                WHERE down.depth < ?
            )
            SELECT n, depth, parent, relation FROM down WHERE depth > 0 AND n != ?
            """,
            (root, *relations, limit, root),
        )
        best: dict[int, tuple[int, int, str]] = {}
        for n, depth, parent, rel in got:
            cand = (depth, parent, rel)
            if n not in best or cand < best[n]:
                best[n] = cand
        return sorted(((n, p, d, r) for n, (d, p, r) in best.items()), key=lambda t: (t[2], t[0]))

    def _parents(self, n: int, engine: str) -> list[int]:
        if engine == "sql":
            return [
                r[0]
                for r in self._q(
                    "SELECT DISTINCT d.n FROM directives s JOIN edges e ON e.src = s.id AND e.relation = 'implements' "
                    "JOIN directives d ON d.id = e.dst WHERE s.n = ? ORDER BY d.n",
                    (n,),
                )
            ]
        g = self._load_graph()
        return sorted({p for _, p, rel in g.out_edges(n) if rel == "implements"})

    def q_chain(self, id: str) -> list[list[DirectiveRow]]:
        """Every path up the implements edges to a root (cycles cut)."""
        start = self._n_of(id)
        if start is None:
            return []
        engine = self._engine()
        paths: list[list[int]] = []
        stack = [[start]]
        while stack and len(paths) < 1000:
            path = stack.pop()
            ups = [p for p in self._parents(path[-1], engine) if p not in path]
            if not ups:
                if len(path) > 1:
                    paths.append(path)
                continue
            stack.extend(path + [p] for p in reversed(ups))
        rows = self._rows_by_n(sorted({n for p in paths for n in p}))
        return [[rows[n] for n in p] for p in paths]

    # ---------------------------------------------------------------- queries
    def q_search(self, text: str, limit: int) -> list[DirectiveRow]:
        from .search import parse_query

        q = parse_query(text)
        where, params = [], []
        if q.id:
            where.append("id = ?")
            params.append(q.id)
        if q.key:
            where.append("key = ?")
            params.append(q.key)
        elif q.key_prefix:  # a range, not LIKE, so that the key index is used
            where.append("key >= ? AND key < ?")
            params += [q.key_prefix, q.key_prefix + "\U0010ffff"]
        elif q.number:
            where.append("number IN (?, ?)")
            params += [q.number, q.number.zfill(2)]
        for word in q.words:
            where.append("words LIKE ?")
            params.append(f"% {word}%")
        if not where:
            return []
        sql = (
            f"SELECT {_ROW_COLS} FROM directives d WHERE {' AND '.join(where)} "
            "ORDER BY (SELECT count(DISTINCT path) FROM edges e WHERE e.dst = d.id) DESC, "
            "status = 'document' DESC, id LIMIT ?"
        )
        raw = self._q(sql, (*params, limit))
        rows = self._to_rows(raw)
        return [rows[r[0]] for r in raw]

    def _edges(self, sql_where: str, id: str, other_col: str) -> list[tuple[str, EdgeRow]]:
        got = self._q(
            f"SELECT relation, {other_col}, cue, mentions, sentence, path, start, \"end\", candidates "
            f"FROM edges WHERE {sql_where} = ? AND src != '' ORDER BY relation, path, start",
            (id,),
        )
        rows = self.rows(r[1] for r in got)
        out = []
        for rel, other, cue, mentions, sentence, path, start, end, cands in got:
            if other in rows:
                edge = EdgeRow(rows[other], rel, cue, mentions, sentence, path, start, end,
                               tuple(json.loads(cands)) if cands else ())
                out.append((rel, edge))
        return out

    def q_directive(self, id: str) -> DirectiveDetail | None:
        row = self.row(id)
        if row is None:
            return None
        up = self._edges("src", id, "dst")
        down = self._edges("dst", id, "src")
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
        )

    def q_coverage(self, id: str) -> Coverage | None:
        row = self.row(id)
        if row is None:
            return None
        return build_coverage(row, self.q_cascade(id, ("implements",), None), self._units_of)

    def _units_of(self, era: str) -> list[tuple[str, str, str | None]]:
        return self._q(
            "SELECT j.name, j.level, p.name FROM jurisdictions j LEFT JOIN jurisdictions p ON p.id = j.parent "
            "WHERE j.era = ? ORDER BY j.id",
            (era,),
        )

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
            text = _read_text(path)
        except OSError:
            return None
        spans = []
        for dst, spans_json in self._q("SELECT dst, spans FROM edges WHERE path = ? AND via = 'citation'", (path,)):
            for start, end, label in json.loads(spans_json or "[]"):
                spans.append(Span(start, end, label, dst))
        return SourceText(path, text, tuple(sorted(spans, key=lambda s: (s.start, s.end))))


# -------------------------------------------------------------------- helpers
def _build_graph(con: sqlite3.Connection):
    """(rustworkx graph, store version) read in one snapshot: node index = directives.n,
    edges child → parent as the texts say it, edge data = relation."""
    import rustworkx as rx

    con.execute("BEGIN")
    try:
        got = con.execute("SELECT value FROM meta WHERE key = 'version'").fetchall()
        version = int(got[0][0]) if got else 0
        top = con.execute("SELECT coalesce(max(n), 0) FROM directives").fetchone()[0]
        g = rx.PyDiGraph(check_cycle=False, multigraph=True, node_count_hint=top + 1)
        g.add_nodes_from(range(top + 1))
        cur = con.execute(
            "SELECT DISTINCT s.n, d.n, e.relation FROM edges e JOIN directives s ON s.id = e.src "
            "JOIN directives d ON d.id = e.dst"
        )
        while True:
            batch = cur.fetchmany(100_000)
            if not batch:
                break
            g.add_edges_from(batch)
    finally:
        con.execute("COMMIT")
    return g, version


def _read_text(path: str) -> str:
    """The text of a file, read as the extractor reads it (encodings, HTML, docx, pdf)."""
    return read_file(path).text


def _term_fits(term_slug: str, year: int | None, term: str | None) -> bool:
    if term and slug(term) == term_slug:
        return True
    span = term_years(term_slug.upper())
    return bool(span and year and span[0] <= year <= span[1])


def _collect(values: dict[str, list], data: dict) -> None:
    for f in FIELDS:
        v = data.get(f)
        if v is not None and v != "":
            seen = values.setdefault(f, [])
            if v not in seen:
                seen.append(v)


def _pick(candidates: list) -> object:
    counts = Counter(candidates)
    best = max(counts.values())
    return next(v for v in candidates if counts[v] == best)


def _merge_row(id: str, docs: list[tuple[str, str, dict]], cited: list[dict]) -> dict:
    """A directives row: the text's own values first, else the most frequent cited value."""
    own_docs = [d for kind, _, d in docs if kind in ("original", "report")]
    row: dict = {"id": id}
    for f in FIELDS:
        own = [d[f] for d in own_docs if d.get(f) not in (None, "")]
        seen = [d[f] for d in cited if d.get(f) not in (None, "")]
        row[f] = _pick(own) if own else (_pick(seen) if seen else None)
    if row["level"] is None:
        row["level"] = _level(row)
    originals = [(kind, path) for kind, path, _ in docs if kind in ("original", "report")]
    row["status"] = "document" if originals else "cited-only"
    row["kind"] = originals[0][0] if originals else None
    row["path"] = originals[0][1] if originals else None
    if row["year"] is None and row["date"]:
        row["year"] = int(str(row["date"])[:4])
    values: dict[str, list] = {}
    for d in own_docs + cited:
        _collect(values, d)
    conflicts = {f: v for f, v in values.items() if len(v) > 1}
    row["conflicts"] = json.dumps(conflicts, ensure_ascii=False) if conflicts else None
    row["key"] = homonym_key(row["type"], row["number"], row["issuer_code"])
    row["prefix"] = _id_parts(id)[0]
    row["words"] = _words(row["symbol"], row["title"], row["issuer"], row["province"], row["district"], row["commune"])
    return row


# Level of a local issuer whose place the text does not give, by its code's ending.
_LEVEL_BY_SUFFIX = (("HU", "district"), ("QU", "district"), ("THU", "district"), ("TU", "province"), ("ĐU", "commune"))


def _level(row: dict) -> str | None:
    """central / province / district / commune: from the issuer, else the deepest place given."""
    code = (row.get("issuer_code") or "").upper().replace("Ð", "Đ")
    if is_central_issuer(code):
        return "central"
    for f in ("commune", "district", "province"):
        if row.get(f):
            return f
    for suffix, level in _LEVEL_BY_SUFFIX:
        if code.endswith(suffix):
            return level
    return None


def _days(a: str | None, b: str | None) -> int | None:
    try:
        return (_date.fromisoformat(str(b)[:10]) - _date.fromisoformat(str(a)[:10])).days
    except (TypeError, ValueError):
        return None


def build_coverage(row: DirectiveRow, found: list[CascadeRow], units_of) -> Coverage:
    """Coverage rows from a cascade and the era's units (shared by both backends)."""
    era = era_of(row.date, row.year)
    units = units_of(era)
    below = "district" if era == "old" else "commune"
    by_prov: dict[str, list[DirectiveRow]] = {}
    by_below: dict[tuple[str, str], list[DirectiveRow]] = {}
    for c in found:
        r = c.row
        if not r.province:
            continue
        by_prov.setdefault(slug(r.province), []).append(r)
        part = r.district if below == "district" else r.commune
        if part:
            by_below.setdefault((slug(r.province), slug(part)), []).append(r)

    def lag(rows: list[DirectiveRow]) -> int | None:
        lags = [d for d in (_days(row.date, r.date) for r in rows) if d is not None]
        return min(lags) if lags else None

    children: dict[str, list[str]] = {}
    for name, level, parent in units:
        if level == below:
            children.setdefault(parent, []).append(name)
    out = []
    for name, level, parent in units:
        if level != "province":
            continue
        hits = by_prov.get(slug(name), [])
        out.append(CoverageRow(name, None, tuple(hits), lag(hits)))
        if not hits:
            continue
        for sub in children.get(name, ()):
            if True:
                sub_hits = by_below.get((slug(name), slug(sub)), [])
                if below == "district" or sub_hits:
                    out.append(CoverageRow(name, sub, tuple(sub_hits), lag(sub_hits)))
    return Coverage(row, era, tuple(out))
