"""Coverage of a directive: per province (and district or commune below it) whether an
implementing directive exists, which, and the lag in days (pure; shared by both backends).

>>> from vbgraph.graph.models import CascadeRow, DirectiveRow
>>> root = DirectiveRow(id="vn/national/tw/nq/2018/35", date="2018-10-22")
>>> plan = DirectiveRow(id="vn/lai-chau/tu/kh/2018/9", province="Lai Châu", date="2018-11-01")
>>> units = lambda era: [("Lai Châu", "province", None), ("Tam Đường", "district", "Lai Châu"), ("Sơn La", "province", None)]
>>> cov = build_coverage(root, [CascadeRow(plan, root.id, 1, "implements")], units)
>>> [(r.province, r.district, len(r.directives), r.lag_days) for r in cov.rows]
[('Lai Châu', None, 1, 10), ('Lai Châu', 'Tam Đường', 0, None), ('Sơn La', None, 0, None)]
"""
from __future__ import annotations

from datetime import date as _date
from typing import Callable

from vbgraph.ingest.identity import slug

from .jurisdictions import era_of
from .models import CascadeRow, Coverage, CoverageRow, DirectiveRow

__all__ = ["build_coverage"]

# (name, level, parent's name) of every unit of an era, in a stable order.
UnitsOf = Callable[[str], list[tuple[str, str, str | None]]]


def _days_between(a: str | None, b: str | None) -> int | None:
    """Days from date ``a`` to date ``b`` (ISO strings), or None when either is missing or malformed.

    >>> _days_between("2018-10-22", "2018-11-01"), _days_between(None, "2018-11-01")
    (10, None)
    """
    try:
        return (_date.fromisoformat(str(b)[:10]) - _date.fromisoformat(str(a)[:10])).days
    except (TypeError, ValueError):
        return None


def build_coverage(row: DirectiveRow, found: list[CascadeRow], units_of: UnitsOf) -> Coverage:
    """Coverage rows from a directive, its implementing cascade and the units of its era."""
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
        lags = [d for d in (_days_between(row.date, r.date) for r in rows) if d is not None]
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
            sub_hits = by_below.get((slug(name), slug(sub)), [])
            if below == "district" or sub_hits:
                out.append(CoverageRow(name, sub, tuple(sub_hits), lag(sub_hits)))
    return Coverage(row, era, tuple(out))
