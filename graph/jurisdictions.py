"""Vietnam's administrative units as jurisdiction nodes, before and after 1 July 2025.

Data comes from the ``vietnamadminunits`` package: ``admin_units_legacy`` (63
provinces with districts, era ``old``), ``admin_units`` (34 provinces with
communes/wards, era ``new``) and ``converter_2025.json`` (which old provinces
each new one was formed from). Jurisdiction ids are ``<era>:<province slug>``
``[.<district or commune slug>]``.

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

import json
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from vbgraph.ingest.identity import slug

__all__ = ["Unit", "load_units", "succession", "jurisdiction_id", "era_of", "REFORM_DATE", "ERAS"]

REFORM_DATE = "2025-07-01"
ERAS = ("old", "new")


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
        return "new" if date >= REFORM_DATE else "old"
    return "new" if year and year > 2025 else "old"


def _data_dir() -> Path:
    import vietnamadminunits

    return Path(vietnamadminunits.__file__).parent / "data"


@lru_cache(maxsize=1)
def load_units() -> tuple[Unit, ...]:
    """Every province, old district and new commune as ``Unit`` rows (read once)."""
    con = sqlite3.connect(f"file:{_data_dir() / 'dataset.db'}?mode=ro", uri=True)
    try:
        old = con.execute("SELECT DISTINCT provinceShort, districtShort FROM admin_units_legacy").fetchall()
        new = con.execute("SELECT DISTINCT provinceShort, wardShort FROM admin_units").fetchall()
    finally:
        con.close()
    units: dict[str, Unit] = {}
    for era, level, rows in (("old", "district", old), ("new", "commune", new)):
        for province, below in rows:
            pid = jurisdiction_id(era, province)
            units.setdefault(pid, Unit(pid, province, "province", era, None, province))
            if below:
                uid = jurisdiction_id(era, province, below)
                units.setdefault(uid, Unit(uid, below, level, era, pid, province))
    return tuple(units.values())


@lru_cache(maxsize=1)
def succession() -> tuple[tuple[str, str], ...]:
    """Pairs (new province id, old province id): each new province and the old ones it was formed from.

    >>> ("new:quang-tri", "old:quang-binh") in succession()
    True
    """
    data = json.loads((_data_dir() / "converter_2025.json").read_text(encoding="utf-8"))
    con = sqlite3.connect(f"file:{_data_dir() / 'dataset.db'}?mode=ro", uri=True)
    try:
        new_names = dict(con.execute("SELECT DISTINCT provinceKey, provinceShort FROM admin_units"))
        old_names = dict(con.execute("SELECT DISTINCT provinceKey, provinceShort FROM admin_units_legacy"))
    finally:
        con.close()
    pairs = []
    for new_key, old_keys in data["DICT_PROVINCE"].items():
        for old_key in old_keys:
            if new_key in new_names and old_key in old_names:
                pairs.append((jurisdiction_id("new", new_names[new_key]), jurisdiction_id("old", old_names[old_key])))
    return tuple(pairs)
