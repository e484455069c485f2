"""The row-merge rules: how the texts that name a directive make its node row.

A node's fields come from the directive's own text first, else the most frequent value
among the citations of it; every distinct value is kept as a conflict. The homonym key
(type, number, issuer code) and the shape of an id's period (``_``, ``k<term>``, a year)
have their one home here. ``refresh_rows`` applies the rules to the store's tables inside the caller's
transaction (``graph.store`` calls it); ``graph.resolve`` settles open citations.

>>> row = merge_row("vn/national/tw/nq/2018/35", [], [{"type": "NQ", "number": "35", "issuer_code": "TW", "year": 2018}])
>>> row["status"], row["level"], row["key"]
('cited-only', 'central', 'NQ|35|TW')
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from typing import Iterable

from vbgraph.ingest.identity import level_of_code, slug
from vbgraph.ingest.tables import term_years

__all__ = ["FIELDS", "merge_row", "refresh_rows", "homonym_key", "key_prefix", "level_of", "term_fits", "is_open", "id_parts", "issuer_id"]

# Identity fields merged into a directive row, in DirectiveRow order (plus congress).
FIELDS = (
    "type", "number", "symbol", "issuer_code", "issuer", "level", "province",
    "district", "commune", "date", "year", "term", "congress", "title",
)
_CHUNK = 500  # ids per IN (...) list


def term_fits(term_slug: str, year: int | None, term: str | None) -> bool:
    """Whether a directive of ``year`` / ``term`` can be the one a ``k<term_slug>`` id names.

    >>> term_fits("xii", 2018, None), term_fits("xii", 2022, None), term_fits("xii", None, "XII")
    (True, False, True)
    """
    if term and slug(term) == term_slug:
        return True
    span = term_years(term_slug.upper())
    return bool(span and year and span[0] <= year <= span[1])


def _code(code: str) -> str:
    return code.replace("Ð", "Đ").replace("ð", "đ").upper()


def key_prefix(type: str, number: str) -> str:
    """The head of a homonym key: type code upper-case, number as an integer (search by type and number).

    >>> key_prefix("KL", "0224")
    'KL|224|'
    """
    num = str(int(number)) if str(number).isdigit() else str(number).upper()
    return f"{_code(type)}|{num}|"


def homonym_key(type: str | None, number: str | None, issuer_code: str | None) -> str | None:
    """(type, number, issuer code) normalised: numbers as integers, codes upper-case, Ð as Đ.

    Directives with one key and different ids are homonyms (other terms, years or places).

    >>> homonym_key("NQ", "035", "tw"), homonym_key("NQ", None, "TW")
    ('NQ|35|TW', None)
    """
    if not (type and number and issuer_code):
        return None
    return key_prefix(type, number) + _code(issuer_code)


def id_parts(id: str) -> tuple[str, str | None, str | None]:
    """(prefix without period and number, period, number) of a canonical id.

    >>> id_parts("vn/national/tw/kl/_/1")
    ('vn/national/tw/kl', '_', '1')
    """
    parts = id.split("/")
    if len(parts) == 6:
        return "/".join(parts[:4]), parts[4], parts[5]
    return id, None, None


def issuer_id(id: str) -> str:
    """The id of a directive's issuer node: its jurisdiction and issuer code.

    >>> issuer_id("vn/lai-chau.tam-duong/hu/kh/2022/102")
    'vn/lai-chau.tam-duong/hu'
    """
    return "/".join(id.split("/")[:3])


def is_open(id: str) -> bool:
    """Whether an id leaves its period undecided (no year: ``_`` or a term ``k…``).

    >>> is_open("vn/national/tw/kl/_/1"), is_open("vn/national/tw/kl/kxii/1"), is_open("vn/national/tw/kl/2016/1")
    (True, True, False)
    """
    prefix, period, number = id_parts(id)
    if period is None or prefix.split("/")[1].startswith("~") or period == "dai-hoi":
        return False
    return period == "_" or (period.startswith("k") and not period.isdigit())


def level_of(row: dict) -> str | None:
    """central / province / district / commune: a central issuer code, else the deepest
    place given, else what the issuer code tells (``ingest.identity.level_of_code``).

    >>> level_of({"issuer_code": "TW", "province": "Lai Châu"}), level_of({"issuer_code": "HU", "province": "Lai Châu"})
    ('central', 'province')
    >>> level_of({"issuer_code": "TXU"}), level_of({"issuer_code": "ĐUK"}), level_of({})
    ('district', 'province', None)
    """
    by_code = level_of_code(row.get("issuer_code"))
    if by_code == "central":
        return "central"
    place = next((f for f in ("commune", "district", "province") if row.get(f)), None)
    return place or by_code


def _pick(candidates: list) -> object:
    counts = Counter(candidates)
    best = max(counts.values())
    return next(v for v in candidates if counts[v] == best)


def _words(*values) -> str:
    return " " + " ".join(slug(str(v)).replace("-", " ") for v in values if v) + " "


def _conflicts(datas: list[dict]) -> str | None:
    values: dict[str, list] = {}
    for data in datas:
        for f in FIELDS:
            v = data.get(f)
            if v is not None and v != "" and v not in values.setdefault(f, []):
                values[f].append(v)
    conflicts = {f: v for f, v in values.items() if len(v) > 1}
    return json.dumps(conflicts, ensure_ascii=False) if conflicts else None


def merge_row(id: str, docs: list[tuple[str, str, dict]], cited: list[dict]) -> dict:
    """A ``directives`` row from the texts of ``id`` ((kind, path, fields) of each file whose
    document it is) and the cited fields of every citation of it.

    >>> own = [("original", "a.txt", {"type": "KH", "number": "61", "issuer_code": "TU", "province": "Lai Châu"})]
    >>> row = merge_row("vn/lai-chau/tu/kh/_/61", own, [{"province": "Sơn La"}])
    >>> row["status"], row["province"], row["level"], row["conflicts"]
    ('document', 'Lai Châu', 'province', '{"province": ["Lai Châu", "Sơn La"]}')
    """
    own_docs = [d for kind, _, d in docs if kind in ("original", "report")]
    row: dict = {"id": id}
    for f in FIELDS:
        own = [d[f] for d in own_docs if d.get(f) not in (None, "")]
        seen = [d[f] for d in cited if d.get(f) not in (None, "")]
        row[f] = _pick(own) if own else (_pick(seen) if seen else None)
    if row["level"] is None:
        row["level"] = level_of(row)
    originals = [(kind, path) for kind, path, _ in docs if kind in ("original", "report")]
    row["status"] = "document" if originals else "cited-only"
    row["kind"] = originals[0][0] if originals else None
    row["path"] = originals[0][1] if originals else None
    if row["year"] is None and row["date"]:
        row["year"] = int(str(row["date"])[:4])
    row["conflicts"] = _conflicts(own_docs + cited)
    row["key"] = homonym_key(row["type"], row["number"], row["issuer_code"])
    row["prefix"] = id_parts(id)[0]
    row["words"] = _words(row["symbol"], row["title"], row["issuer"], row["province"], row["district"], row["commune"])
    return row


def refresh_rows(con: sqlite3.Connection, ids: Iterable[str]) -> None:
    """Recompute the ``directives`` rows of ``ids`` from files and edges (delete those no longer
    named) and note their homonym keys in ``dirty_keys``, in the caller's transaction."""
    ids = sorted({i for i in ids if i})
    for k in range(0, len(ids), _CHUNK):
        _refresh_chunk(con, ids[k : k + _CHUNK])


def _refresh_chunk(con: sqlite3.Connection, ids: list[str]) -> None:
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
        rows.append(merge_row(id, docs, cited.get(id, [])))
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
