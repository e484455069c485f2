"""Vietnam's administrative units as jurisdiction nodes, before and after 1 July 2025.

The units, their eras (``old``: 63 provinces with districts; ``new``: 34 provinces
with communes) and the succession of provinces are the gazetteer's
(``ingest.gazetteer``); this module gives them graph ids:
``<era>:<province slug>[.<district or commune slug>]``.

>>> units = load_units()
>>> sum(1 for u in units if u.era == "old" and u.level == "province")
63
>>> sum(1 for u in units if u.era == "new" and u.level == "province")
34
>>> jurisdiction_id("old", "Lai Châu", "Tam Đường")
'old:lai-chau.tam-duong'
>>> era_of("2025-07-01"), era_of("2025-06-30"), era_of(None, 2024)
('new', 'old', 'old')
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from vbgraph.ingest import gazetteer
from vbgraph.ingest.identity import slug

__all__ = ["Unit", "load_units", "succession", "jurisdiction_id", "era_of"]

# The unit below a province that is a jurisdiction node, per era (old communes are not).
_BELOW = {"old": "district", "new": "commune"}


@dataclass(frozen=True, slots=True)
class Unit:
    """One administrative unit: id, short name, level, era, parent id (None for a province)."""

    id: str
    name: str
    level: str
    era: str
    parent: str | None
    province: str


def jurisdiction_id(era: str, province: str, below: str | None = None) -> str:
    """The id of a province (or a district/commune under it) in an era."""
    base = f"{era}:{slug(province)}"
    return f"{base}.{slug(below)}" if below else base


def era_of(date: str | None, year: int | None = None) -> str:
    """``new`` for dates on or after 1 July 2025, else ``old`` (year alone: 2026+ is new)."""
    if date:
        return "new" if date >= gazetteer.REFORM_DATE.isoformat() else "old"
    return "new" if year and year > gazetteer.REFORM_DATE.year else "old"


@lru_cache(maxsize=1)
def load_units() -> tuple[Unit, ...]:
    """Every province, old district and new commune as ``Unit`` rows (read once)."""
    units: dict[str, Unit] = {}
    for era in gazetteer.ERAS:
        for u in gazetteer.units(era):
            if u.level not in ("province", _BELOW[era]):
                continue
            pid = jurisdiction_id(era, u.province)
            units.setdefault(pid, Unit(pid, u.province, "province", era, None, u.province))
            if u.level != "province":
                uid = jurisdiction_id(era, u.province, u.name)
                units.setdefault(uid, Unit(uid, u.name, u.level, era, pid, u.province))
    return tuple(units.values())


@lru_cache(maxsize=1)
def succession() -> tuple[tuple[str, str], ...]:
    """Pairs (new province id, old province id): each new province and the old ones it was formed from.

    >>> ("new:quang-tri", "old:quang-binh") in succession()
    True
    """
    return tuple((jurisdiction_id("new", new), jurisdiction_id("old", old)) for new, old in gazetteer.succession())
