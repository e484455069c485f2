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

from .jurisdictions import era_of, succession
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


def _absorbed() -> dict[str, str]:
    """Old province slug → the slug of the new province that absorbed it (1 July 2025)."""
    return {old.split(":", 1)[1]: new.split(":", 1)[1] for new, old in succession()}


def build_coverage(row: DirectiveRow, found: list[CascadeRow], units_of: UnitsOf) -> Coverage:
    """Coverage rows from a directive, its implementing cascade and the units of the map in force.

    Each implementing directive counts for the province in force on its own date: when any is
    dated on or after 1 July 2025 the map is the new one, and a plan of an old province counts
    for the new province that absorbed it (the row's ``formed_from`` names the old provinces
    whose plans it counts).

    >>> root = DirectiveRow(id="vn/national/tw/nq/2024/57", date="2024-12-22")
    >>> old = DirectiveRow(id="vn/quang-binh/tu/kh/2025/1", province="Quảng Bình", date="2025-02-01")
    >>> new = DirectiveRow(id="vn/lai-chau/tu/kh/2025/9", province="Lai Châu", date="2025-08-01")
    >>> units = lambda era: {"old": [("Quảng Bình", "province", None), ("Lai Châu", "province", None)],
    ...                      "new": [("Quảng Trị", "province", None), ("Lai Châu", "province", None)]}[era]
    >>> cov = build_coverage(root, [CascadeRow(old, root.id, 1, "implements"), CascadeRow(new, root.id, 1, "implements")], units)
    >>> cov.era, [(r.province, len(r.directives), r.formed_from) for r in cov.rows]
    ('new', [('Quảng Trị', 1, ('Quảng Bình',)), ('Lai Châu', 1, ())])
    """
    eras = {era_of(c.row.date, c.row.year) for c in found if c.row.province}
    era = "new" if "new" in eras else era_of(row.date, row.year)
    units = units_of(era)
    below = "district" if era == "old" else "commune"
    absorbed = _absorbed() if era == "new" else {}
    by_prov: dict[str, list[DirectiveRow]] = {}
    by_below: dict[tuple[str, str], list[DirectiveRow]] = {}
    formed: dict[str, set[str]] = {}
    for c in found:
        r = c.row
        if not r.province:
            continue
        home = slug(r.province)
        if era == "new" and era_of(r.date, r.year) == "old" and home in absorbed:
            formed.setdefault(absorbed[home], set()).add(r.province)
            home = absorbed[home]
        by_prov.setdefault(home, []).append(r)
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
        out.append(CoverageRow(name, None, tuple(hits), lag(hits), tuple(sorted(formed.get(slug(name), ())))))
        if not hits:
            continue
        for sub in children.get(name, ()):
            sub_hits = by_below.get((slug(name), slug(sub)), [])
            if below == "district" or sub_hits:
                out.append(CoverageRow(name, sub, tuple(sub_hits), lag(sub_hits)))
    return Coverage(row, era, tuple(out))
