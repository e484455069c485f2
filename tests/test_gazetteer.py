"""Golden tables for ingest.gazetteer, the one reader of the administrative-units data."""
from __future__ import annotations

from datetime import date

import pytest

from vbgraph.ingest import gazetteer
from vbgraph.ingest.gazetteer import AdminUnit, PlaceError


def unit(era: str, province: str, district: str | None = None, commune: str | None = None) -> AdminUnit | None:
    return next((u for u in gazetteer.units(era) if (u.province, u.district, u.commune) == (province, district, commune)), None)


# era, province, district, commune → level, kind, full name
UNITS = [
    ("old", "Lai Châu", None, None, "province", "Tỉnh", "Tỉnh Lai Châu"),
    ("old", "Hà Nội", None, None, "province", "Thành phố", "Thành phố Hà Nội"),
    ("old", "Lai Châu", "Tam Đường", None, "district", "Huyện", "Huyện Tam Đường"),
    ("old", "Hà Nội", "Ba Đình", None, "district", "Quận", "Quận Ba Đình"),
    ("old", "Hà Tĩnh", "Kỳ Anh (Thị xã)", None, "district", "Thị xã", "Thị xã Kỳ Anh"),  # twins keep the package's suffix
    ("old", "Hà Tĩnh", "Kỳ Anh (Huyện)", None, "district", "Huyện", "Huyện Kỳ Anh"),
    ("old", "Lai Châu", "Tam Đường", "Tả Lèng", "commune", "Xã", "Xã Tả Lèng"),
    ("old", "Quảng Trị", "Cồn Cỏ", None, "district", "Huyện", "Huyện Cồn Cỏ"),  # a district without communes
    ("old", "Bình Thuận", None, None, "province", "Tỉnh", "Tỉnh Bình Thuận"),
    ("new", "Lai Châu", None, "Tả Lèng", "commune", "Xã", "Xã Tả Lèng"),
    ("new", "Hà Nội", None, "Hồng Hà", "commune", "Phường", "Phường Hồng Hà"),
    ("new", "Lâm Đồng", None, None, "province", "Tỉnh", "Tỉnh Lâm Đồng"),
    ("new", "Hồ Chí Minh", None, None, "province", "Thành phố", "Thành phố Hồ Chí Minh"),
]


@pytest.mark.parametrize(("era", "province", "district", "commune", "level", "kind", "full"), UNITS)
def test_units(era, province, district, commune, level, kind, full):
    got = unit(era, province, district, commune)
    assert got is not None, (era, province, district, commune)
    assert (got.level, got.kind, got.full) == (level, kind, full)
    assert got.lat is not None and 8 < got.lat < 24 and 102 < got.lon < 110


# era, province, district, commune that are not on that map
ABSENT = [
    ("new", "Bình Thuận", None, None),  # merged into Lâm Đồng
    ("new", "Lai Châu", "Tam Đường", None),  # no districts on the new map
    ("old", "Hà Tĩnh", "Kỳ Anh", None),  # only with the package's suffix
]


@pytest.mark.parametrize(("era", "province", "district", "commune"), ABSENT)
def test_units_absent(era, province, district, commune):
    assert unit(era, province, district, commune) is None


# era → provinces, districts, communes
COUNTS = [
    ("old", (63, 696, 10035)),
    ("new", (34, 0, 3321)),
]


@pytest.mark.parametrize(("era", "counts"), COUNTS)
def test_counts(era, counts):
    units = gazetteer.units(era)
    assert tuple(sum(u.level == level for u in units) for level in gazetteer.LEVELS) == counts
    assert len(set(units)) == len(units)


@pytest.mark.parametrize("era", gazetteer.ERAS)
def test_a_unit_comes_after_its_parents(era):
    seen = set()
    for u in gazetteer.units(era):
        assert u.era == era
        if u.level != "province":
            assert (u.province, None, None) in seen, u
        if u.level == "commune" and u.district:
            assert (u.province, u.district, None) in seen, u
        seen.add((u.province, u.district, u.commune))


# new province → the old provinces it was formed from
SUCCESSION = [
    ("Quảng Trị", ["Quảng Bình", "Quảng Trị"]),
    ("Hồ Chí Minh", ["Bà Rịa - Vũng Tàu", "Bình Dương", "Hồ Chí Minh"]),
    ("Lâm Đồng", ["Bình Thuận", "Lâm Đồng", "Đắk Nông"]),
    ("Lai Châu", ["Lai Châu"]),
    ("Huế", ["Huế"]),
]


@pytest.mark.parametrize(("new", "olds"), SUCCESSION)
def test_succession(new, olds):
    assert sorted(old for n, old in gazetteer.succession() if n == new) == sorted(olds)


def test_succession_joins_every_old_province_to_one_new_one():
    pairs = gazetteer.succession()
    provinces = {era: {u.province for u in gazetteer.units(era) if u.level == "province"} for era in gazetteer.ERAS}
    assert {new for new, _ in pairs} == provinces["new"]
    assert sorted(old for _, old in pairs) == sorted(provinces["old"])


ERA = [
    ("2025-06-30", "old"),
    ("2025-07-01", "new"),
    (gazetteer.REFORM_DATE, "new"),
    (date(2022, 1, 26), "old"),
    ("26/01/2022", "old"),
    ("2024", "old"),
    ("2025", "any"),  # a year alone decides, except the reform's
    ("2026", "new"),
    (None, "any"),
    ("old", "old"),
    ("new", "new"),
]


@pytest.mark.parametrize(("on", "expected"), ERA)
def test_era(on, expected):
    assert gazetteer.era(on) == expected


BAD_ARGUMENTS = [
    (gazetteer.units, ("legacy",)),  # the eras are "old" and "new"
    (gazetteer.units, ("2025",)),
    (gazetteer.era, ("yesterday",)),
    (gazetteer.era, ("31/02/2022",)),
    (gazetteer.era, (2022,)),
]


@pytest.mark.parametrize(("func", "args"), BAD_ARGUMENTS)
def test_bad_arguments_raise_place_error(func, args):
    with pytest.raises(PlaceError, match="must be"):
        func(*args)
