"""Province and district centroids for the offline coverage map.

The coordinates are the gazetteer's (``ingest.places.centroid``); ``era`` is one of
its two maps: ``old`` (63 provinces with districts, before 1 July 2025) or ``new``
(34 provinces).

>>> lat, lon = centroid("Lai Châu")
>>> 21 < lat < 23 and 102 < lon < 104
True
>>> centroid("Tam Đường", None) is None, centroid("Lai Châu", "Tam Đường") is not None
(True, True)
"""
from __future__ import annotations

from vbgraph.ingest import places

__all__ = ["centroid", "centroid_for"]


def centroid(province: str, district: str | None = None, *, era: str = "old") -> tuple[float, float] | None:
    """(lat, lon) of a province, or of a district of it, on the map ``era``; None when unknown."""
    if not province:
        return None
    return places.centroid(province, district, on=era)


def centroid_for(era: str):
    """A ``centroid(province, district)`` function bound to one era (for ``shape.coverage_frames``)."""
    return lambda province, district=None: centroid(province, district, era=era)
