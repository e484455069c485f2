"""Incremental build of the graph from files (or from extraction dicts directly).

``ingest(paths, store)`` walks files and folders; for each file it compares the
content hash with the stored one: unchanged files are skipped, new and changed
ones are extracted (a changed file's old edges are removed first), files gone
from an ingested folder are withdrawn. Each file is one transaction, so a crash
loses at most the file being written. Files the extractor cannot read
(``ingest.errors.ReadError``) are recorded with the reason and skipped.

Ids are the extractor's: ``ingest.pipeline`` gives every document and citation its
canonical id with ``ingest.identity.directive_id`` (a local citation without a
province scoped to the citing file). They are computed here, with the same function,
only where the extractor gives none (dicts written by hand or by other tools) or where a
graph rule overrides the given one (see ``canonical_id``); which directive an open,
yearless citation means is settled over the whole store by ``graph.resolve``.

>>> from vbgraph.graph.store import Store
>>> store = Store(":memory:")
>>> doc = {"kind": "original", "type": "KH", "number": "61", "issuer_code": "TU", "year": 2021,
...        "province": "Lai Châu", "date": "2021-12-22"}
>>> cite = {"type": "NQ", "number": "35", "issuer_code": "TW", "year": 2018, "relation": "implements",
...         "cue": "Thực hiện", "mentions": [{"start": 0, "end": 8, "text": "NQ 35"}]}
>>> x = {"source": "a.txt", "path": "a.txt", "sha256": "1", "document": doc, "citations": [cite], "links": []}
>>> print(ingest_dicts([x], store))
1 added, 0 changed, 0 unchanged, 0 removed, 0 failed; graph: 2 directives, 1 edges
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from functools import partial
from typing import Callable, Iterable, Iterator, Sequence

from .errors import GraphError
from vbgraph.ingest import extract_file
from vbgraph.ingest.errors import AccessError, CrashError, ReadError, quote_path
from vbgraph.ingest.files import SUPPORTED_SUFFIXES, sha256_of, walk
from vbgraph.ingest.identity import directive_id, symbol_series, symbol_year, written_year
from vbgraph.ingest.parallel import map_in_order
from .merge import FIELDS, is_open
from .models import FailureRow, IngestSummary
from .store import Store

__all__ = ["ingest", "ingest_dicts", "canonical_id", "computed_id", "file_rows", "split_by_year", "SUFFIXES"]

# File kinds the extractor reads; other files in a folder (e.g. ground truth JSONL) are ignored.
SUFFIXES = SUPPORTED_SUFFIXES


def canonical_id(fields: dict, scope: str | None) -> str | None:
    """The graph's id of a document or citation dict: the extractor's ``id`` when it gave one
    and no identity rule of the graph overrides it, else computed from the fields (``scope``:
    the citing file's name); None when it names no directive.

    The graph's rules over a given id: the year in the symbol, else the date's, beats a
    contradicting year ("57-NQ/TW năm 2025 ngày 22 tháng 12 năm 2024" is of 2024); an
    administrative symbol of a two-series type gets its series ("12/QĐ-TTg" of 2017 is not
    "12/2017/QĐ-TTg"); a numberless document that is no congress resolution is its text's own.

    >>> canonical_id({"type": "KH", "number": "57", "issuer_code": "TU", "year": 2023, "id": "vn/~004-txt/tu/kh/2023/57"}, "004.txt")
    'vn/~004-txt/tu/kh/2023/57'
    >>> canonical_id({"type": "KH", "number": "57", "issuer_code": "TU", "year": 2023}, "004.txt")
    'vn/~004-txt/tu/kh/2023/57'
    >>> canonical_id({"type": "NQ", "number": None, "issuer_code": "TW", "congress": "XIII"}, "a.txt")
    'vn/national/tw/nq/dai-hoi/xiii'
    >>> canonical_id({"type": "NQ", "number": "57", "issuer_code": "TW", "year": 2025, "date": "2024-12-22",
    ...               "id": "vn/national/tw/nq/2025/57"}, "a.txt")
    'vn/national/tw/nq/2024/57'
    >>> canonical_id({"type": "QĐ", "number": "12", "issuer_code": "TTg", "symbol": "12/QĐ-TTg", "date": "2017-01-06",
    ...               "id": "vn/national/ttg/qd/2017/12"}, "a.txt")
    'vn/national/ttg/qd/2017-hc/12'
    """
    given = fields.get("id")
    if isinstance(given, str) and given.startswith("vn/"):
        return computed_id(fields, scope, numberless=True) if _overridden(fields, given) else given
    return computed_id(fields, scope)


def _overridden(fields: dict, given: str) -> bool:
    """Whether one of the graph's identity rules (see ``canonical_id``) changes a given id."""
    year = fields.get("year")
    if year and _year_of(fields) != year:
        return True
    if _year_of(fields) and symbol_series(fields.get("type"), fields.get("symbol")) == "administrative":
        return True
    return not fields.get("number") and not fields.get("congress") and "/dai-hoi/" in given


def _year_of(fields: dict) -> int | None:
    """The year in the symbol, else the date's, else the year given."""
    return symbol_year(fields.get("symbol")) or _year(fields.get("date")) or fields.get("year")


def computed_id(fields: dict, scope: str | None, *, numberless: bool = False) -> str | None:
    """The id ``ingest.identity.directive_id`` gives the fields of a dict (any ``id`` in it ignored);
    None without a number or a congress, unless ``numberless`` (a document's own fields).

    >>> computed_id({"type": "KL", "number": "1", "issuer_code": "TW", "term": "XII", "id": "vn/x"}, "a.txt")
    'vn/national/tw/kl/kxii/1'
    """
    if not (fields.get("type") and fields.get("issuer_code")):
        return None
    if not (numberless or fields.get("number") or fields.get("congress")):
        return None
    return directive_id(
        fields["type"],
        fields.get("number"),
        fields["issuer_code"],
        year=_year_of(fields),
        term=fields.get("term"),
        congress=fields.get("congress"),
        province=fields.get("province"),
        district=fields.get("district"),
        commune=fields.get("commune"),
        scope=scope,
        level=fields.get("level"),
        series=symbol_series(fields.get("type"), fields.get("symbol")),
    )


def split_by_year(citation: dict) -> list[dict]:
    """One citation per directive: mentions whose symbols write another year than the
    citation's ("22/2015/NĐ-CP" … "22/2023/NĐ-CP" merged by the extractor) become citations
    of their own (their year, no date, the symbol they write); the rest stay.

    >>> c = {"type": "NĐ", "number": "22", "issuer_code": "CP", "year": 2015, "date": "2015-02-16", "id": "vn/national/cp/nd/2015/22",
    ...      "mentions": [{"text": "22/2015/NĐ-CP"}, {"text": "22/2023/NĐ-CP"}, {"text": "Nghị định 22"}]}
    >>> [(p["year"], len(p["mentions"])) for p in split_by_year(c)]
    [(2015, 2), (2023, 1)]
    """
    mentions = citation.get("mentions") or []
    years = {i: written_year(m.get("text")) for i, m in enumerate(mentions)}
    own = citation.get("year") or symbol_year(citation.get("symbol"))
    others = sorted({y for y in years.values() if y and y != own})
    if not others or not own:
        return [citation]
    parts = [{**citation, "mentions": [m for i, m in enumerate(mentions) if years[i] in (None, own)]}]
    for y in others:
        ms = [m for i, m in enumerate(mentions) if years[i] == y]
        symbol = next((s for s in (_symbol_in(m.get("text"), y) for m in ms) if s), citation.get("symbol"))
        part = {k: v for k, v in citation.items() if k not in ("id", "date", "evidence")}
        parts.append({**part, "year": y, "symbol": symbol, "mentions": ms})
    return parts


def _symbol_in(text: str | None, year: int) -> str | None:
    words = [w.strip(",.;:()") for w in (text or "").split()]
    return next((w for w in words if f"/{year}/" in w), None)


def _year(date: str | None) -> int | None:
    return int(date[:4]) if isinstance(date, str) and date[:4].isdigit() else None


def _data(fields: dict, **dates: str | None) -> str:
    """The fields an edge keeps of a citation, with the dates that bound what it can mean
    (``at``: the citing text's; ``src_date``: the citing directive's own, see ``graph.resolve``)."""
    kept = {f: fields.get(f) for f in FIELDS if fields.get(f) not in (None, "")}
    kept.update((k, v) for k, v in dates.items() if v)
    return json.dumps(kept, ensure_ascii=False)


def file_rows(x: dict, path: str, sha256: str) -> tuple[dict, list[dict]]:
    """The ``files`` row and the ``edges`` rows of one extraction dict (pure; no store).

    >>> row, edges = file_rows({"source": "b.txt", "document": {"kind": "other"},
    ...     "citations": [{"type": "NQ", "number": "35", "issuer_code": "TW", "relation": "refers_to"}]}, "b.txt", "h")
    >>> row["doc_id"], [(e["src"], e["dst"], e["relation"]) for e in edges]
    (None, [('', 'vn/national/tw/nq/_/35', 'refers_to')])
    """
    source = x.get("source") or Path(path).name
    doc = x.get("document") or {}
    kind = doc.get("kind") or "other"
    doc_id = canonical_id(doc, source) if kind in ("original", "report") else None
    ids = {doc.get("id"): doc_id} if doc.get("id") else {}
    merged: dict[tuple[str, str], dict] = {}
    for c in (part for c in x.get("citations") or () for part in split_by_year(c)):
        cid = canonical_id(c, source)
        if cid is None or cid == doc_id:
            continue
        if c.get("id"):
            ids[c["id"]] = cid
        relation = c.get("relation") or "refers_to"
        mentions = c.get("mentions") or []
        ev = c.get("evidence") or {}
        first = mentions[0] if mentions else {}
        # A report describes its directive; what that directive carries out is its edge, while
        # everything else the article cites is the article's (src '') and not the directive's.
        src = doc_id if doc_id and (kind == "original" or relation == "implements") else ""
        edge = {
            "path": path, "src": src, "cited": cid, "dst": cid, "relation": relation, "via": "citation",
            "cue": c.get("cue"), "mentions": max(len(mentions), 1),
            "sentence": ev.get("sentence"), "start": ev.get("start", first.get("start")),
            "end": ev.get("end", first.get("end")),
            "spans": json.dumps([[m.get("start"), m.get("end"), m.get("text")] for m in mentions], ensure_ascii=False),
            "candidates": None,  # set by graph.resolve when several directives fit
            "data": _data(c, at=x.get("text_date"), src_date=doc.get("date") if src else None), "open": int(is_open(cid)),
        }
        key = (cid, "citation")
        if key in merged:  # two extractor citations with one id: one edge
            old = merged[key]
            old["mentions"] += edge["mentions"]
            old["spans"] = json.dumps(json.loads(old["spans"]) + json.loads(edge["spans"]), ensure_ascii=False)
            if relation == "implements":
                old["relation"], old["cue"] = "implements", edge["cue"]
        else:
            merged[key] = edge
    dates = {c.get("id"): c.get("date") for c in x.get("citations") or () if c.get("id")}
    dates[doc.get("id")] = doc.get("date")
    for link in x.get("links") or ():
        src = ids.get(link.get("source"), link.get("source"))
        dst = ids.get(link.get("target"), link.get("target"))
        if not (isinstance(src, str) and isinstance(dst, str) and src.startswith("vn/") and dst.startswith("vn/")):
            continue
        if src == dst or (dst, src, "link") in merged:
            continue
        ev = link.get("evidence") or {}
        merged[(dst, src, "link")] = {
            "path": path, "src": src, "cited": dst, "dst": dst, "relation": link.get("relation") or "implements",
            "via": "link", "cue": None, "mentions": 1, "sentence": ev.get("sentence"), "start": ev.get("start"),
            "end": ev.get("end"), "spans": None, "candidates": None, "open": int(is_open(dst)),
            "data": _data({}, at=x.get("text_date"), src_date=dates.get(link.get("source"))),
        }
    row = {
        "path": path, "name": Path(path).name, "sha256": sha256, "kind": kind, "doc_id": doc_id,
        "chars": x.get("chars"), "doc": _data(doc) if doc_id else None,
    }
    return row, list(merged.values())


def _write(store: Store, items: Sequence[tuple[str, str, dict | str]]) -> None:
    """One transaction: replace the files of ``items`` ((path, sha256, dict or failure reason))."""
    with store.transaction() as con:
        touched: set[str] = set()
        for path, sha, x in items:
            touched |= store.remove_file(con, path)
            if isinstance(x, str):
                store.put_failure(con, path, Path(path).name, sha, x)
                continue
            row, edges = file_rows(x, path, sha)
            store.put_file(con, row, edges)
            touched.add(row["doc_id"] or "")
            touched.update(e["src"] for e in edges)
            touched.update(e["dst"] for e in edges)
        store.mark(con, touched)


def _summary(store: Store, failures: list[FailureRow], **counts: int) -> IngestSummary:
    c = store.counts()
    return IngestSummary(directives=c["directives"], edges=c["edges"], failures=tuple(failures), failed=len(failures), **counts)


def ingest_dicts(dicts: Iterable[dict], store: Store, *, batch: int = 1, progress: bool = False, total: int | None = None) -> IngestSummary:
    """Ingest extraction dicts directly (each with ``path`` and ``sha256``): the fast path of tests and benchmarks.

    ``batch`` dicts share one transaction. A dict whose path and hash are already stored is skipped.
    """
    if batch < 1:
        raise GraphError(f"batch must be >= 1, not {batch}")
    known = store.file_hashes()
    added = changed = unchanged = 0
    pending: list[tuple[str, str, dict]] = []
    for x in _bar(dicts, progress, total, "ingest"):
        path = x.get("path") or x.get("source")
        if not path:
            raise GraphError("an extraction dict needs a 'path' (or 'source')")
        sha = x.get("sha256") or hashlib.sha256(json.dumps(x, sort_keys=True).encode()).hexdigest()
        if path in known and known[path][0] == sha:
            unchanged += 1
            continue
        added, changed = (added, changed + 1) if path in known else (added + 1, changed)
        pending.append((path, sha, x))
        if len(pending) >= batch:
            _write(store, pending)
            pending = []
    if pending:
        _write(store, pending)
    store.flush()
    store.resolve_open()
    return _summary(store, [], added=added, changed=changed, unchanged=unchanged)


def _walk(paths: Iterable[str | os.PathLike], known: dict, *, follow_symlinks: bool = False
          ) -> tuple[list[Path], list[str], list[AccessError]]:
    """Files to look at, stored files that are gone (under a given folder, or given and
    missing), and the folders and entries that could not be read: what a store holds
    under those is not gone, only out of reach."""
    files: list[Path] = []
    gone: list[str] = []
    unreadable: list[AccessError] = []
    for p in paths:
        path = Path(p).resolve()
        if path.is_dir():
            found: list[Path] = []
            blocked: list[str] = []
            for item in walk(path, follow_symlinks=follow_symlinks):
                if isinstance(item, AccessError):
                    unreadable.append(item)
                    blocked.append(item.path)
                else:
                    found.append(item)
            files += found
            names = {str(f) for f in found}
            prefix = str(path) + os.sep
            gone += [k for k in known if k.startswith(prefix) and k not in names and not _under(k, blocked)]
        elif path.is_file():
            files.append(path)
        elif str(path) in known:
            gone.append(str(path))
        else:
            raise GraphError(f"{quote_path(str(p))}: no such file or folder")
    return list(dict.fromkeys(files)), gone, unreadable


def _under(path: str, folders: list[str]) -> bool:
    return any(path == f or path.startswith(f + os.sep) for f in folders)


def _default_extract(path: str):
    return extract_file(path)


def _extract_dict(extract: Callable[[str], object], path: str) -> dict:
    got = extract(path)
    return got.to_dict() if hasattr(got, "to_dict") else dict(got)


def _to_extract(files: list[Path], known: dict) -> Iterator[tuple[tuple[str, str | None], str | ReadError | None]]:
    """Each file as ``((path, sha256), what to do)``: its path when it is new or changed,
    None when unchanged, or the ReadError of hashing it (a ReadError is passed through)."""
    for f in files:
        path = str(f)
        try:
            sha = sha256_of(f)
        except ReadError as err:
            yield (path, None), err
            continue
        yield (path, sha), (None if path in known and known[path][0] == sha else path)


def _bar(items, progress: bool, total: int | None, desc: str):
    if not progress:
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc=desc, unit="file")


def ingest(
    paths: Iterable[str | os.PathLike],
    store: Store,
    *,
    extract: Callable[[str], object] | None = None,
    progress: bool = True,
    follow_symlinks: bool = False,
    jobs: int = 1,
) -> IngestSummary:
    """Build or update the store from files and folders; returns what changed.

    ``extract(path)`` returns an object with ``to_dict()`` (an ``ingest.Extraction``)
    or the dict itself; default ``ingest.extract_file``. It may raise
    ``ingest.errors.ReadError`` for a file it cannot read.

    A file or folder that cannot be read (``ingest.errors.AccessError``: permissions,
    an I/O error) is listed in ``failures`` and what the store holds for it stays;
    only files really gone are withdrawn. Files are hashed in chunks, and files over
    ``ingest.files.DEFAULT_MAX_BYTES`` are failures before any byte is read. Symbolic
    links leaving a folder are not followed unless ``follow_symlinks``.

    ``jobs``: worker processes that extract (``ingest.parallel``); this process alone
    writes, in the order of the files, so the store is the same for any ``jobs``. With
    more than one, a file the extractor crashes on is a failure (``CrashError``) and the
    run goes on; with one, the exception propagates.

    >>> import tempfile, pathlib
    >>> from vbgraph.graph.store import Store
    >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("x", encoding="utf-8")
    >>> fake = lambda p: {"source": "a.txt", "document": {"kind": "other"}, "citations": [], "links": []}
    >>> store = Store(":memory:")
    >>> ingest([d], store, extract=fake, progress=False).added, ingest([d], store, extract=fake, progress=False).unchanged
    (1, 1)
    """
    known = store.file_hashes()
    files, gone, unreadable = _walk(paths, known, follow_symlinks=follow_symlinks)
    added = changed = unchanged = 0
    failures = [FailureRow(err.path, err.reason) for err in unreadable]
    extracted = map_in_order(partial(_extract_dict, extract or _default_extract), _to_extract(files, known), jobs=jobs)
    for (path, sha), x in _bar(extracted, progress, len(files), "ingest"):
        if x is None:
            unchanged += 1
            continue
        if isinstance(x, ReadError):
            failures.append(FailureRow(path, x.reason))
            # Content that cannot be read replaces the file's old data; a file out of reach
            # (permissions, I/O) keeps what the store holds for it, or is recorded if new. A
            # crash of the extractor says nothing of the content: recorded without its hash,
            # so that the next run tries the file again.
            if not isinstance(x, (AccessError, CrashError)) or path not in known:
                _write(store, [(path, None if isinstance(x, CrashError) else sha, x.reason)])
            continue
        added, changed = (added, changed + 1) if path in known else (added + 1, changed)
        _write(store, [(path, sha, x)])
    if gone:
        with store.transaction() as con:
            touched: set[str] = set()
            for path in gone:
                touched |= store.remove_file(con, path)
            store.mark(con, touched)
    store.flush()
    store.resolve_open()
    return _summary(store, failures, added=added, changed=changed, unchanged=unchanged, removed=len(gone))
