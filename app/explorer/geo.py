"""Province and district centroids for the offline coverage map.

Uses ``ingest.places.centroid`` when that function exists, else reads the
coordinates shipped in the ``vietnamadminunits`` package's ``dataset.db``
(read-only, once). ``era`` "old" is the 63-province map (with districts, before
1 July 2025), "new" the 34-province one.

>>> lat, lon = centroid("Lai Châu")
>>> 21 < lat < 23 and 102 < lon < 104
True
>>> centroid("Tam Đường", None) is None, centroid("Lai Châu", "Tam Đường") is not None
(True, True)
"""
from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from importlib import resources

from vbgraph.ingest.identity import slug

__all__ = ["centroid", "centroid_for"]

_PREFIX = re.compile(r"^(tinh|thanh-pho|tp|huyen|quan|thi-xa|tx)-")


def _key(name: str) -> str:
    return _PREFIX.sub("", slug(name))


@lru_cache(maxsize=2)
def _table(era: str) -> dict[tuple[str, str | None], tuple[float, float]]:
    path = resources.files("vietnamadminunits") / "data" / "dataset.db"
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out: dict[tuple[str, str | None], tuple[float, float]] = {}
        if era == "new":
            rows = db.execute("SELECT DISTINCT provinceShort, provinceLat, provinceLon FROM admin_units")
            for prov, lat, lon in rows:
                out[(_key(prov), None)] = (lat, lon)
        else:
            rows = db.execute(
                "SELECT DISTINCT provinceShort, provinceLat, provinceLon, districtShort, districtLat, districtLon "
                "FROM admin_units_legacy"
            )
            for prov, plat, plon, dist, dlat, dlon in rows:
                out[(_key(prov), None)] = (plat, plon)
                if dist and dlat is not None:
                    out[(_key(prov), _key(dist))] = (dlat, dlon)
        return out
    finally:
        db.close()


def _places_centroid():
    try:
        from vbgraph.ingest.places import centroid as places_centroid  # being written by another engineer
    except ImportError:
        return None
    return places_centroid


def centroid(province: str, district: str | None = None, *, era: str = "old") -> tuple[float, float] | None:
    """(lat, lon) of a province, or of a district of it; None when unknown."""
    if not province:
        return None
    if district is None:
        fn = _places_centroid()
        if fn is not None:
            try:
                got = fn(province, "2025-01-01" if era == "old" else "2025-08-01")
            except (LookupError, ValueError):  # unknown to ingest.places: fall back to our table
                got = None
            if got:
                return tuple(got)[:2]
    table = _table("new" if era == "new" else "old")
    return table.get((_key(province), _key(district) if district else None))


def centroid_for(era: str):
    """A ``centroid(province, district)`` function bound to one era (for ``shape.coverage_frames``)."""
    return lambda province, district=None: centroid(province, district, era=era)
