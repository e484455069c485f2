"""The graph query API, one function per question; the CLI and the explorer call these.

Every function takes a backend first (``graph.open_backend(config)``: the embedded
``graph.store.Store`` by default, ``graph.neo4j_backend.Neo4jBackend`` when
configured), checks its arguments, and lets the backend answer with the row types
of ``graph.models``.

>>> from vbgraph.graph.store import Store
>>> store = tiny_store()
>>> [r.symbol for r in search(store, "35-NQ/TW")]
['35-NQ/TW']
>>> [(c.row.symbol, c.depth) for c in cascade(store, "vn/national/tw/nq/2018/35")]
[('61-KH/TU', 1), ('61-KH/TU', 1), ('102-KH/HU', 2)]
"""
from __future__ import annotations

from typing import Protocol, Sequence

from .errors import Ambiguous, NotFound, QueryError
from .models import (
    LEVELS,
    CascadeRow,
    Coverage,
    DirectiveDetail,
    DirectiveRow,
    FailureRow,
    SourceText,
    Stats,
)

__all__ = [
    "Backend",
    "search",
    "directive",
    "cascade",
    "chain",
    "coverage",
    "most_cited",
    "stats",
    "failures",
    "source",
    "resolve",
    "Ambiguous",
]


class Backend(Protocol):
    """What a backend answers; ``graph.queries`` checks input and delegates to these."""

    def q_search(self, text: str, limit: int) -> list[DirectiveRow]: ...
    def q_directive(self, id: str) -> DirectiveDetail | None: ...
    def q_cascade(self, id: str, relations: tuple[str, ...], max_depth: int | None) -> list[CascadeRow]: ...
    def q_chain(self, id: str) -> list[list[DirectiveRow]]: ...
    def q_coverage(self, id: str) -> Coverage | None: ...
    def q_most_cited(self, limit: int) -> list[tuple[DirectiveRow, int]]: ...
    def q_stats(self) -> Stats: ...
    def q_failures(self) -> list[FailureRow]: ...
    def q_source(self, id: str) -> SourceText | None: ...


def _check_id(id: str) -> str:
    if not isinstance(id, str) or not id.startswith("vn/"):
        raise QueryError(f"not a canonical directive id: {id!r} (ids look like 'vn/national/tw/nq/2018/35')")
    return id


def _check_limit(limit: int) -> int:
    if not isinstance(limit, int) or limit < 1:
        raise QueryError(f"limit must be a positive integer, not {limit!r}")
    return limit


def search(backend: Backend, text: str, *, limit: int = 50) -> list[DirectiveRow]:
    """Directives matching a number, symbol, type word and number, alias or title words.

    Accepts "Nghị quyết 35", "35-NQ/TW", "NQ 35", "Kết luận 224 Lai Châu" or words
    of a title; exact symbol matches come first.

    >>> [r.id for r in search(tiny_store(), "Kế hoạch 61")]
    ['vn/lai-chau/tu/kh/2021/61', 'vn/son-la/tu/kh/2021/61']
    """
    return backend.q_search(_check_text(text), _check_limit(limit))


MAX_SEARCH_CHARS = 300
MAX_SEARCH_WORDS = 40


def _check_text(text: str) -> str:
    """A search text stripped, or QueryError when it is empty, too long or has no letter or digit.

    >>> _check_text("%")
    Traceback (most recent call last):
    ...
    vbgraph.graph.errors.QueryError: search text '%' has no letter or digit; try a symbol such as '35-NQ/TW' or 'Nghị quyết 35'
    """
    if not isinstance(text, str) or not text.strip():
        raise QueryError("search text must be a non-empty string such as '35-NQ/TW' or 'Nghị quyết 35'")
    text = text.strip()
    if len(text) > MAX_SEARCH_CHARS or len(text.split()) > MAX_SEARCH_WORDS:
        raise QueryError(f"search text too long ({len(text)} characters, {len(text.split())} words); "
                         f"at most {MAX_SEARCH_CHARS} characters and {MAX_SEARCH_WORDS} words")
    if not any(c.isalnum() for c in text):
        raise QueryError(f"search text {text!r} has no letter or digit; try a symbol such as '35-NQ/TW' or 'Nghị quyết 35'")
    return text


def resolve(backend: Backend, query: str, *, pick: int | None = None) -> DirectiveRow:
    """The one directive a query names: an id as is; else the only ``search`` hit, or the
    ``pick``-th (1-based) of several. Several hits without ``pick`` raise ``Ambiguous``
    with the candidates (best first), so that a caller lists them rather than guesses.

    >>> resolve(tiny_store(), "Nghị quyết 35").id
    'vn/national/tw/nq/2018/35'
    >>> try:
    ...     resolve(tiny_store(), "Kế hoạch 61")
    ... except Ambiguous as err:
    ...     [r.plain_label for r in err.candidates]
    ['Kế hoạch 61-KH/TU · TU Lai Châu · 2021', 'Kế hoạch 61-KH/TU · TU Sơn La · 2021']
    >>> resolve(tiny_store(), "Kế hoạch 61", pick=2).province
    'Sơn La'
    """
    if isinstance(query, str) and query.startswith("vn/"):
        detail = backend.q_directive(query)
        if detail is None:
            raise NotFound(f"no directive with id {query!r}")
        return detail.row
    if pick is not None and (not isinstance(pick, int) or pick < 1):
        raise QueryError(f"pick must be a positive integer (1 for the first candidate), not {pick!r}")
    rows = search(backend, query, limit=20)
    if not rows:
        raise NotFound(f"no directive matches {query!r}; try a symbol such as '35-NQ/TW'")
    if pick is not None:
        if pick > len(rows):
            raise QueryError(f"pick {pick} is past the {len(rows)} candidates of {query!r}")
        return rows[pick - 1]
    if len(rows) > 1:
        raise Ambiguous(f"{len(rows)} directives match {query!r}; choose one with pick (1–{len(rows)}) or its id", rows)
    return rows[0]


def directive(backend: Backend, id: str) -> DirectiveDetail | None:
    """The row, conflicting values and edges of one directive, or None.

    >>> d = directive(tiny_store(), "vn/lai-chau/tu/kh/2021/61")
    >>> [e.other.symbol for e in d.implements], [e.other.symbol for e in d.implemented_by]
    (['35-NQ/TW'], ['102-KH/HU'])
    """
    return backend.q_directive(_check_id(id))


def cascade(
    backend: Backend,
    id: str,
    *,
    follow_refers: bool = False,
    types: Sequence[str] = (),
    levels: Sequence[str] = (),
    provinces: Sequence[str] = (),
    year_from: int | None = None,
    year_to: int | None = None,
    max_depth: int | None = None,
) -> list[CascadeRow]:
    """Everything that implements a directive, transitively, parents before children.

    The filters select rows to return; traversal goes through filtered-out rows.

    >>> [c.row.symbol for c in cascade(tiny_store(), "vn/national/tw/nq/2018/35", levels=["district"])]
    ['102-KH/HU']
    """
    _check_id(id)
    bad = [lv for lv in levels if lv not in LEVELS]
    if bad:
        raise QueryError(f"unknown level(s) {bad}; allowed: {', '.join(LEVELS)}")
    if max_depth is not None and (not isinstance(max_depth, int) or max_depth < 1):
        raise QueryError(f"max_depth must be a positive integer or None, not {max_depth!r}")
    if year_from is not None and year_to is not None and year_from > year_to:
        raise QueryError(f"year_from ({year_from}) is after year_to ({year_to})")
    relations = ("implements", "refers_to") if follow_refers else ("implements",)
    rows = backend.q_cascade(id, relations, max_depth)
    type_set = {t.upper() for t in types}
    prov_set = {p.casefold() for p in provinces}
    out = []
    for c in rows:
        r = c.row
        if type_set and (r.type or "").upper() not in type_set:
            continue
        if levels and r.level not in levels:
            continue
        if prov_set and (r.province or "").casefold() not in prov_set:
            continue
        if year_from is not None and (r.year is None or r.year < year_from):
            continue
        if year_to is not None and (r.year is None or r.year > year_to):
            continue
        out.append(c)
    return out


def chain(backend: Backend, id: str) -> list[list[DirectiveRow]]:
    """Each path from a directive up to a root it implements, transitively.

    >>> [[r.symbol for r in p] for p in chain(tiny_store(), "vn/lai-chau.tam-duong/hu/kh/2022/102")]
    [['102-KH/HU', '61-KH/TU', '35-NQ/TW']]
    """
    return backend.q_chain(_check_id(id))


def coverage(backend: Backend, id: str) -> Coverage | None:
    """Per province (and district of a covered province): is there an implementing directive, and the lag.

    >>> cov = coverage(tiny_store(), "vn/national/tw/nq/2018/35")
    >>> cov.covered, len(cov.missing)
    (('Lai Châu', 'Sơn La'), 61)
    """
    return backend.q_coverage(_check_id(id))


def most_cited(backend: Backend, *, limit: int = 20) -> list[tuple[DirectiveRow, int]]:
    """The directives cited by the most files, with that count.

    >>> [(r.symbol, n) for r, n in most_cited(tiny_store(), limit=1)]
    [('35-NQ/TW', 3)]
    """
    return backend.q_most_cited(_check_limit(limit))


def stats(backend: Backend) -> Stats:
    """Counts: documents by kind, directives by status, edges by relation, failed files.

    >>> stats(tiny_store()).directives
    {'cited-only': 1, 'document': 4}
    """
    return backend.q_stats()


def failures(backend: Backend) -> list[FailureRow]:
    """Files that could not be read, with the reason.

    >>> failures(tiny_store())
    []
    """
    return backend.q_failures()


def source(backend: Backend, id: str) -> SourceText | None:
    """The text of a directive that has its own file, with its citations highlighted; else None.

    >>> source(tiny_store(), "vn/national/tw/nq/2018/35") is None
    True
    """
    return backend.q_source(_check_id(id))
