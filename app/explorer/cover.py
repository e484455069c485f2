"""Coverage on the map in force at each implementing directive's date.

``graph.queries.coverage`` counts every implementer on the map of the *implemented*
directive's date, so a 2025 law implemented in November 2025 (after the merger of
63 provinces into 34) was counted as "21/63". Here each implementer is placed on
the map of its own date (``old``: 63 provinces with districts, before 1 July 2025;
``new``: 34 provinces with communes), one ``Coverage`` per map that has
implementers. The units are the gazetteer's (``graph.jurisdictions.load_units``).

Graph could offer this as ``queries.coverage(..., era="implementer")``.

>>> from vbgraph.graph.models import CascadeRow, DirectiveRow
>>> law = DirectiveRow(id="vn/national/qh15/l/2025/72", date="2025-06-16")
>>> plan = DirectiveRow(id="vn/lai-chau/ubnd/qd/2025/87", province="Lai Châu", date="2025-11-19")
>>> [(c.era, c.covered, len(c.provinces)) for c in by_era(law, [CascadeRow(plan, law.id, 1)])]
[('new', ('Lai Châu',), 34)]
>>> [r.lag_days for r in by_era(law, [CascadeRow(plan, law.id, 1)])[0].provinces if r.covered]
[156]
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from vbgraph.graph.jurisdictions import era_of, load_units
from vbgraph.graph.models import CascadeRow, Coverage, CoverageRow, DirectiveRow
from vbgraph.ingest import places
from vbgraph.ingest.identity import slug

from .vi import parse_date, sort_key

__all__ = ["by_era", "ERA_LABELS", "MAP_SIZES"]

ERA_LABELS = {"old": "bản đồ 63 tỉnh/thành (trước 1/7/2025)", "new": "bản đồ 34 tỉnh/thành (từ 1/7/2025)"}
MAP_SIZES = {"old": 63, "new": 34}
_BELOW = {"old": "district", "new": "commune"}


@lru_cache(maxsize=2)
def _units(era: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(province, its districts or communes) of a map, provinces in Vietnamese order."""
    below: dict[str, list[str]] = {}
    for u in load_units():
        if u.era != era:
            continue
        below.setdefault(u.province, [])
        if u.level == _BELOW[era]:
            below[u.province].append(u.name)
    return tuple((p, tuple(sorted(below[p], key=sort_key))) for p in sorted(below, key=sort_key))


def _province_on(name: str, era: str, known: set[str]) -> str | None:
    """The slug of a province of ``era`` for a province name of either map."""
    key = slug(name)
    if key in known:
        return key
    if era == "new":
        try:
            return slug(places.new_province_of(name))
        except Exception:  # not an old province either (noqa: BLE001 — the gazetteer's own error)
            return None
    return None


def _lag(root: DirectiveRow, rows: Sequence[DirectiveRow]) -> int | None:
    start = parse_date(root.date)
    days = [(d - start).days for d in (parse_date(r.date) for r in rows) if d and start]
    return min(days) if days else None


def _era_of(row: DirectiveRow, default: str) -> str:
    return era_of(row.date, row.year) if (row.date or row.year) else default


def by_era(root: DirectiveRow, found: Sequence[CascadeRow]) -> list[Coverage]:
    """One coverage per map on which implementers were issued, the map with most implementers first.

    With no implementer: the map in force at the directive's own date, nothing covered.
    """
    home = era_of(root.date, root.year)
    implementers: dict[str, dict[str, DirectiveRow]] = {}
    for c in found:
        if c.relation == "implements":
            implementers.setdefault(_era_of(c.row, home), {}).setdefault(c.row.id, c.row)
    if not implementers:
        implementers[home] = {}
    out = []
    for era, rows in sorted(implementers.items(), key=lambda kv: (-len(kv[1]), kv[0] != home)):
        out.append(_coverage(root, era, list(rows.values())))
    return out


def _coverage(root: DirectiveRow, era: str, rows: list[DirectiveRow]) -> Coverage:
    units = _units(era)
    known = {slug(p) for p, _ in units}
    by_prov: dict[str, list[DirectiveRow]] = {}
    by_below: dict[tuple[str, str], list[DirectiveRow]] = {}
    for r in rows:
        key = _province_on(r.province, era, known) if r.province else None
        if key is None:
            continue
        by_prov.setdefault(key, []).append(r)
        part = r.district if era == "old" else r.commune
        if part:
            by_below.setdefault((key, slug(part)), []).append(r)
    out = []
    for province, below in units:
        hits = by_prov.get(slug(province), [])
        out.append(CoverageRow(province, None, tuple(hits), _lag(root, hits)))
        if not hits:
            continue
        for name in below:
            sub = by_below.get((slug(province), slug(name)), [])
            if era == "old" or sub:
                out.append(CoverageRow(province, name, tuple(sub), _lag(root, sub)))
    return Coverage(root, era, tuple(out))
