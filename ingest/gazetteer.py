"""Vietnam's administrative units on the two maps: the one reader of the
``vietnamadminunits`` package's data (``data/dataset.db``, ``data/converter_2025.json``).

One vocabulary for the two maps, used by ``ingest``, ``graph`` and the explorer:

* era ``old``: the map until 30 June 2025, 63 provinces, their districts (huyện,
  quận, thị xã, thành phố thuộc tỉnh) and communes (table ``admin_units_legacy``);
* era ``new``: the map from 1 July 2025 (:data:`REFORM_DATE`), 34 provinces with
  communes, wards and special zones directly below them (table ``admin_units``).

Units are given as the package writes them (:class:`AdminUnit`: short names,
unit type, code, centroid), in the package's order, each once; a suffix the
package uses to tell twins apart is kept ("Kỳ Anh (Huyện)", "Kỳ Anh (Thị xã)").
Name matching (any spelling, with or without a unit word) is ``ingest.places``'s.
The data is read once, on first use, without importing the package (which loads pandas).

>>> [u.province for u in units("new") if u.level == "province"][:3]
['Hà Nội', 'Tuyên Quang', 'Cao Bằng']
>>> era("2025-06-30"), era("2025-07-01")
('old', 'new')
"""
from __future__ import annotations

import functools
import importlib.util
import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from vbgraph.ingest.errors import IngestError

__all__ = [
    "REFORM_DATE",
    "ERAS",
    "LEVELS",
    "AdminUnit",
    "PlaceError",
    "era",
    "units",
    "succession",
]

REFORM_DATE = date(2025, 7, 1)
ERAS = ("old", "new")
LEVELS = ("province", "district", "commune")


class PlaceError(IngestError, ValueError):
    """A bad argument to a ``gazetteer`` or ``places`` function (the message says what is allowed)."""


@dataclass(frozen=True, slots=True)
class AdminUnit:
    """One administrative unit as the package records it.

    ``province``, ``district`` (None on the ``new`` map and for a province) and
    ``commune`` are the package's short names; ``kind`` its unit type ("Tỉnh",
    "Thành phố", "Huyện", "Quận", "Thị xã", "Xã", "Phường", "Thị trấn", "Đặc khu");
    ``full`` the full name with its unit word; ``code`` the package's code of the
    unit; ``lat``/``lon`` its centroid (None where the package has none).

    >>> u = next(u for u in units("old") if u.district == "Tam Đường" and u.level == "district")
    >>> u.name, u.kind, u.full, round(u.lat)
    ('Tam Đường', 'Huyện', 'Huyện Tam Đường', 22)
    """

    era: str
    level: str
    province: str
    district: str | None
    commune: str | None
    kind: str | None
    full: str
    code: int
    lat: float | None
    lon: float | None

    @property
    def name(self) -> str:
        """The short name of the unit itself (its lowest name)."""
        return self.commune or self.district or self.province


# ---------------------------------------------------------------- dates


def _as_date(on: date | str | None) -> date | None:
    if on is None or (isinstance(on, date) and not isinstance(on, datetime)):
        return on
    if isinstance(on, datetime):
        return on.date()
    if isinstance(on, str):
        text = on.strip()
        try:
            return date.fromisoformat(text)
        except ValueError:
            m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
            if m:
                try:
                    return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
                except ValueError:
                    pass
    raise PlaceError(
        f"on must be a date, a 'YYYY-MM-DD', 'DD/MM/YYYY' or 'YYYY' string, an era {ERAS} or None, not {on!r}"
    )


def era(on: date | str | None) -> str:
    """The map in force on a date: ``old`` before 2025-07-01, ``new`` from then,
    ``any`` when the date is unknown; an era's name is returned as is.

    A year alone ("2022", as in a citation without its day) decides unless it is 2025.

    >>> era("2022-01-26"), era(date(2025, 7, 1)), era("15/08/2025"), era(None)
    ('old', 'new', 'new', 'any')
    >>> era("2022"), era("2025"), era("2026"), era("old")
    ('old', 'any', 'new', 'old')
    """
    if isinstance(on, str) and on in (*ERAS, "any"):
        return on
    if isinstance(on, str) and re.fullmatch(r"\s*\d{4}\s*", on):
        year = int(on)
        return "old" if year < REFORM_DATE.year else "new" if year > REFORM_DATE.year else "any"
    day = _as_date(on)
    if day is None:
        return "any"
    return "old" if day < REFORM_DATE else "new"


# ---------------------------------------------------------------- data


def _data_file(name: str) -> Path:
    """A file of the package's ``data/``, found without importing the package."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise PlaceError("the vietnamadminunits package is not installed (pip install vietnamadminunits)")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / name


# One row per lowest unit; the new map has no districts (NULL columns keep one shape).
_SELECT_UNITS = {
    "old": """SELECT province, district, ward, provinceShort, districtShort, wardShort, districtType, wardType,
              provinceCode, districtCode, wardCode, provinceLat, provinceLon, districtLat, districtLon,
              wardLat, wardLon, provinceKey FROM admin_units_legacy ORDER BY rowid""",
    "new": """SELECT province, NULL, ward, provinceShort, NULL, wardShort, NULL, wardType,
              provinceCode, NULL, wardCode, provinceLat, provinceLon, NULL, NULL,
              wardLat, wardLon, provinceKey FROM admin_units ORDER BY rowid""",
}


def _int(code) -> int:
    return int(code) if code is not None else -1


def _units_of_rows(era_: str, rows) -> tuple[tuple[AdminUnit, ...], dict[str, str]]:
    """The units of one table's rows, each once at its first row; and provinceKey → short name."""
    out: dict[tuple, AdminUnit] = {}
    keys: dict[str, str] = {}
    for (pfull, dfull, wfull, p, d, w, dtype, wtype, pcode, dcode, wcode,
         plat, plon, dlat, dlon, wlat, wlon, pkey) in rows:
        keys.setdefault(pkey, p)
        if (p,) not in out:
            kind = "Thành phố" if pfull.startswith("Thành phố") else "Tỉnh"
            out[(p,)] = AdminUnit(era_, "province", p, None, None, kind, pfull, _int(pcode), plat, plon)
        if d and (p, d) not in out:
            out[(p, d)] = AdminUnit(era_, "district", p, d, None, dtype, dfull, _int(dcode), dlat, dlon)
        if w and (p, d, w) not in out:
            out[(p, d, w)] = AdminUnit(era_, "commune", p, d, w, wtype, wfull, _int(wcode), wlat, wlon)
    return tuple(out.values()), keys


@dataclass(frozen=True)
class _Data:
    units: dict[str, tuple[AdminUnit, ...]]
    succession: tuple[tuple[str, str], ...]


@functools.cache
def _data() -> _Data:
    """Read both maps and the succession once (a read-only SQLite connection, closed after)."""
    path = _data_file("dataset.db")
    found: dict[str, tuple[AdminUnit, ...]] = {}
    keys: dict[str, dict[str, str]] = {}
    try:
        db = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True)
        try:
            for era_ in ERAS:
                rows = db.execute(_SELECT_UNITS[era_])
                found[era_], keys[era_] = _units_of_rows(era_, rows)
        finally:
            db.close()
    except sqlite3.Error as err:
        raise PlaceError(f"cannot read the administrative units in {path}: {err}") from err
    converter = json.loads(_data_file("converter_2025.json").read_text(encoding="utf-8"))
    pairs = tuple(
        (keys["new"][new_key], keys["old"][old_key])
        for new_key, old_keys in converter["DICT_PROVINCE"].items()
        for old_key in old_keys
        if new_key in keys["new"] and old_key in keys["old"]
    )
    return _Data(found, pairs)


def _check_era(era_: str) -> None:
    if era_ not in ERAS:
        raise PlaceError(f"era must be one of {ERAS}, not {era_!r}")


def units(era: str) -> tuple[AdminUnit, ...]:
    """Every unit of a map in the package's order, each once: a province before its
    units (``old``: each district followed by its communes; ``new``: the communes).

    >>> old, new = units("old"), units("new")
    >>> [sum(u.level == level for u in old) for level in LEVELS], len(new)
    ([63, 696, 10035], 3355)
    """
    _check_era(era)
    return _data().units[era]


def succession() -> tuple[tuple[str, str], ...]:
    """Pairs (new province, old province): each province of the ``new`` map and the
    ``old`` ones it was formed from, in the package's order.

    >>> [old for new, old in succession() if new == "Quảng Trị"]
    ['Quảng Bình', 'Quảng Trị']
    """
    return _data().succession
