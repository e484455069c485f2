"""Resolution, a stage over the whole store: which directive each open citation means.

A citation is *open* when its text gives no year: ``…/_/<n>`` (no period) or
``…/k<term>/<n>`` (a Party term only). Each open citation edge (one citing file) is
settled on its own, against the *candidates*: the directives of the same jurisdiction,
issuer, type and number that some text dates (a document of its own, or a dated
citation). Candidates are told apart by, in order:

1. the series of the symbol ("12/QĐ-TTg" is never "12/2017/QĐ-TTg");
2. the term ("khóa XII" fits the directives of 2016–2021);
3. the citing text's own date (a directive cannot be cited before it exists): an original's
   date, a news text's dateline (``text_date`` of the extraction), and for a link the date of
   the directive that carries the cited one out;
4. title words: the words of the citation's title and sentence against each candidate's
   title (a clear best wins; a candidate whose title shares nothing with the citation's
   own title, or names another congress or term — "… lần thứ XIII" against "… lần thứ
   XIV" — is dropped);
5. what is left: one candidate is the directive; a directive of date D carrying out several
   (a link, or an implementing original) carries out the latest dated on or before D
   (Party numbers restart each term, so the older ones are of an earlier term); otherwise
   several stay ``ambiguous`` (the edge stays on the open node and lists them as
   ``candidates``); none leaves the open node;
6. an edge still ambiguous follows the other edges of its file to the same open id when
   those settled on one directive (a text means one directive by one yearless number).

Candidates' evidence comes only from dated texts (never from citations attached by this
stage), so the result does not depend on the order files were ingested in, and a new
text (a new dated directive, a new document) can settle an old ambiguity the next time
the stage runs. ``Store.resolve_open`` runs it after every ingest.

>>> evidence = {"title": "đẩy mạnh học tập và làm theo tư tưởng Hồ Chí Minh", "sentence": ""}
>>> pool = [Candidate("vn/national/tw/ct/1951/5", "1951-05-12", None, None, (), 1),
...         Candidate("vn/national/tw/ct/2016/5", "2016-05-15", "XII", None,
...                   (title_words("Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),), 9)]
>>> choose("vn/national/tw/ct/_/5", evidence, None, pool)
('vn/national/tw/ct/2016/5', [])
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass

from vbgraph.ingest.identity import slug, symbol_series
from vbgraph.ingest.regexes import TITLE_ORDINAL

from .merge import id_parts, term_fits

__all__ = ["Candidate", "title_words", "ordinals", "choose", "resolve_open"]

# Words too common in directive titles and sentences to tell two directives apart.
_STOP = frozenset(
    "va cua ve cac viec cho trong tai theo nhung mot so den voi tren nam ngay thang duoc la co tu khi da se "
    "nay do thuc hien trien khai tiep tuc tang cuong nang cao day manh nghi quyet dinh ket luan ke hoach "
    "thong luat bo chinh tri ban bi thu phu ubnd tinh thanh pho huyen xa dang cong tac".split()
)
_CLEAR = 0.6      # share of a candidate's title words the citation must carry to pick it by title
_MARGIN = 0.25    # ... and by how much it must beat every other candidate
_FOREIGN = 0.2    # a titled candidate sharing less than this with the citation's own title is dropped


@dataclass(frozen=True, slots=True)
class Candidate:
    """A dated directive an open citation may mean, with the evidence dated texts give of it."""

    id: str
    date: str | None
    term: str | None
    symbol: str | None
    titles: tuple[frozenset[str], ...]  # the words of each title texts give it
    support: int  # distinct texts that name it with a date (its own text included)
    ordinals: frozenset[str] = frozenset()  # congresses and terms its titles name ("XIV")

    @property
    def year(self) -> int | None:
        period = id_parts(self.id)[1] or ""
        return int(period[:4]) if period[:4].isdigit() else None


def title_words(*texts: str | None) -> frozenset[str]:
    """The words of titles or sentences that can tell directives apart (slugged, no stop words).

    >>> sorted(title_words("Về đẩy mạnh chuyển đổi số quốc gia"))
    ['chuyen', 'doi', 'gia', 'quoc']
    """
    words = set()
    for text in texts:
        if text:
            words.update(w for w in slug(text).split("-") if len(w) > 1 and not w.isdigit() and w not in _STOP)
    return frozenset(words)


def ordinals(*texts: str | None) -> frozenset[str]:
    """The congress and term ordinals a title names.

    >>> sorted(ordinals("đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"))
    ['XIV']
    """
    return frozenset(m.group("ord") for t in texts if t for m in TITLE_ORDINAL.finditer(t))


def _series(type_: str | None, id: str, symbol: str | None) -> str | None:
    if (id_parts(id)[1] or "").endswith("-hc"):
        return "administrative"
    return symbol_series(type_, symbol)


def _before(candidate: Candidate, citing_date: str | None) -> bool:
    """Whether a candidate can be cited by a text of ``citing_date`` (it exists by then)."""
    if not citing_date:
        return True
    if candidate.date:
        return candidate.date[:10] <= citing_date[:10]
    return candidate.year is None or candidate.year <= int(citing_date[:4])


def _titled(c: Candidate) -> bool:
    return any(len(t) >= 3 for t in c.titles)


def _share(c: Candidate, words: frozenset[str]) -> float:
    """The largest share of one of a candidate's titles found in ``words`` (0 when untitled)."""
    return max((len(t & words) / len(t) for t in c.titles if len(t) >= 3), default=0.0)


def choose(cited: str, evidence: dict, citing_date: str | None, pool: list[Candidate], *,
           implementer_date: str | None = None) -> tuple[str, list[str]]:
    """(the id an open citation resolves to, the candidates left when it stays ambiguous).

    ``evidence``: the citation's fields (``type``, ``symbol``, ``term``, ``title``) and its
    ``sentence``; ``citing_date``: the citing text's own date, when known;
    ``implementer_date``: the date of a directive that carries the cited one out (it then
    carries out the latest candidate dated on or before it).

    >>> pool = [Candidate("vn/national/cp/nq/2017/25", "2017-03-02", None, None, (), 1),
    ...         Candidate("vn/national/cp/nq/2025/25", "2025-02-08", None, None, (), 1)]
    >>> choose("vn/national/cp/nq/_/25", {}, "2020-01-01", pool)
    ('vn/national/cp/nq/2017/25', [])
    >>> choose("vn/national/cp/nq/_/25", {}, None, pool)
    ('vn/national/cp/nq/_/25', ['vn/national/cp/nq/2017/25', 'vn/national/cp/nq/2025/25'])
    >>> choose("vn/national/cp/nq/_/25", {}, None, pool, implementer_date="2025-03-01")
    ('vn/national/cp/nq/2025/25', [])
    """
    period = id_parts(cited)[1] or "_"
    series = symbol_series(evidence.get("type"), evidence.get("symbol"))
    cands = [c for c in pool if series is None or _series(evidence.get("type"), c.id, c.symbol) in (None, series)]
    if period.startswith("k"):
        cands = [c for c in cands if term_fits(period[1:], c.year, c.term)]
    bound = min((d for d in (citing_date, implementer_date) if d), default=None)
    cands = [c for c in cands if _before(c, bound)]
    own = title_words(evidence.get("title"))
    if len(own) >= 3:  # the citation's own title tells it apart from a directive titled otherwise
        kept = [c for c in cands if not _titled(c) or _share(c, own) >= _FOREIGN]
        cands = kept or cands
    named = ordinals(evidence.get("title"))
    if named:  # "… lần thứ XIII" is not the directive whose titles say "… lần thứ XIV"
        cands = [c for c in cands if not c.ordinals or c.ordinals & named] or cands
    if len(cands) > 1:
        words = own | title_words(evidence.get("sentence"))
        scores = sorted(((_share(c, words), c.id) for c in cands), reverse=True)
        if scores[0][0] >= _CLEAR and scores[0][0] - scores[1][0] >= _MARGIN:
            return scores[0][1], []
    if len(cands) > 1 and implementer_date and all(c.date for c in cands):
        return max(cands, key=lambda c: c.date).id, []
    if len(cands) == 1:
        return cands[0].id, []
    return cited, sorted(c.id for c in cands)


def _pool(con: sqlite3.Connection, cited: str, open_ids: set[str]) -> list[Candidate]:
    """The dated directives an open id may mean, with evidence from dated texts only."""
    prefix, _, number = id_parts(cited)
    found = []
    for (cid,) in con.execute(
        "SELECT id FROM directives WHERE prefix = ? AND id != ? AND status IN ('document', 'cited-only') ORDER BY id",
        (prefix, cited),
    ):
        if cid in open_ids or cid.rsplit("/", 1)[1] != number or id_parts(cid)[1] == "_":
            continue
        found.append(_candidate(con, cid))
    return found


def _candidate(con: sqlite3.Connection, cid: str) -> Candidate:
    datas, paths = [], set()
    for path, doc in con.execute("SELECT path, doc FROM files WHERE status = 'ok' AND doc_id = ? ORDER BY path", (cid,)):
        datas.append(json.loads(doc or "{}"))
        paths.add(path)
    for path, data in con.execute(
        "SELECT path, data FROM edges WHERE cited = ? AND open = 0 AND via = 'citation' ORDER BY path", (cid,)
    ):
        datas.append(json.loads(data or "{}"))
        paths.add(path)

    def most(field: str):
        values = [d[field] for d in datas if d.get(field)]
        return Counter(values).most_common(1)[0][0] if values else None

    titles = tuple(sorted({title_words(d["title"]) for d in datas if d.get("title")}, key=sorted))
    named = ordinals(*(d.get("title") for d in datas))
    return Candidate(cid, most("date"), most("term"), most("symbol"), titles, len(paths), named)


def resolve_open(con: sqlite3.Connection) -> set[str]:
    """Settle every open citation edge of the store (``choose``), in the caller's transaction;
    returns the ids whose rows must be recomputed. Idempotent and independent of ingest order."""
    edges = con.execute(
        "SELECT rowid, path, cited, dst, candidates, data, sentence, relation FROM edges WHERE open = 1 ORDER BY cited, rowid"
    ).fetchall()
    open_ids = {e[2] for e in edges}
    dates = {p: json.loads(d or "{}").get("date") for p, d in con.execute(  # a report's date is its directive's
        "SELECT path, doc FROM files WHERE status = 'ok' AND kind = 'original' AND doc IS NOT NULL")}
    touched: set[str] = set()
    pools: dict[str, list[Candidate]] = {}
    chosen: dict[int, tuple[str, list[str]]] = {}
    for rowid, path, cited, dst, candidates, data, sentence, relation in edges:
        if cited not in pools:
            pools[cited] = _pool(con, cited, open_ids)
        evidence = {**json.loads(data or "{}"), "sentence": sentence}
        implementer = evidence.get("src_date") if relation == "implements" else None
        chosen[rowid] = choose(cited, evidence, evidence.get("at") or dates.get(path), pools[cited],
                               implementer_date=implementer)
    settled: dict[tuple[str, str], set[str]] = {}
    for rowid, path, cited, *_ in edges:
        new_dst, left = chosen[rowid]
        if new_dst != cited:
            settled.setdefault((path, cited), set()).add(new_dst)
    for rowid, path, cited, dst, candidates, *_ in edges:
        new_dst, left = chosen[rowid]
        same = settled.get((path, cited), set())
        if new_dst == cited and len(same) == 1 and (not left or next(iter(same)) in left):
            new_dst, left = next(iter(same)), []  # the file's other edges to this number settled it
        new_cands = json.dumps(left) if len(left) > 1 else None
        if (new_dst, new_cands) != (dst, candidates):
            con.execute("UPDATE edges SET dst = ?, candidates = ? WHERE rowid = ?", (new_dst, new_cands, rowid))
            touched.update((dst, new_dst, cited))
    return touched
