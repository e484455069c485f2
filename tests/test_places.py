"""Golden tables for ingest.places: one line per case, one helper per table."""
from __future__ import annotations

from datetime import date

import pytest

from vbgraph.ingest import places
from vbgraph.ingest.places import Place, PlaceError

OLD = "2022-01-26"  # a date on the old map (63 provinces)
NEW = "2025-08-15"  # a date on the new map (34 provinces)

LC = Place("Lai Châu")
TAM_DUONG = Place("Lai Châu", "Tam Đường")
HCM = Place("Hồ Chí Minh")
HUE = Place("Huế")
BRVT = Place("Bà Rịa - Vũng Tàu")

# name, keyword arguments, expected resolve() result
RESOLVE = [
    ("tỉnh Lai Châu", {}, LC),
    ("Lai Châu", {}, LC),  # the province over the city of the same name
    ("thành phố Lai Châu", {}, Place("Lai Châu", "Lai Châu")),  # the unit word picks the city
    ("TP. Hồ Chí Minh", {}, HCM),
    ("Thành phố Hồ Chí Minh", {}, HCM),
    ("TP Hồ Chí Minh", {}, HCM),
    ("TP.HCM", {}, HCM),
    ("thành phố Hà Nội", {}, Place("Hà Nội")),
    ("Hà Nội", {"on": NEW}, Place("Hà Nội")),
    ("thành phố Huế", {}, HUE),
    ("Thừa Thiên Huế", {"on": OLD}, HUE),
    ("tỉnh Thừa Thiên - Huế", {"on": OLD}, HUE),
    ("huyện Tam Đường", {}, TAM_DUONG),
    ("Tam Đường", {"on": OLD}, TAM_DUONG),  # a district over the commune of its seat
    ("Tuy Phong", {"on": OLD}, Place("Bình Thuận", "Tuy Phong")),
    ("huyện Tuy Phong", {"on": NEW}, Place("Bình Thuận", "Tuy Phong")),  # no districts after the reform
    ("xã Tuy Phong", {"on": NEW}, Place("Lâm Đồng", None, "Tuy Phong")),
    ("thị xã Phú Thọ", {"on": OLD}, Place("Phú Thọ", "Phú Thọ")),
    ("quận 1", {}, Place("Hồ Chí Minh", "Quận 1")),
    ("Quận 01", {}, Place("Hồ Chí Minh", "Quận 1")),
    ("xã Tả Lèng", {"on": OLD}, Place("Lai Châu", "Tam Đường", "Tả Lèng")),
    ("xã Tả Lèng", {"on": NEW}, Place("Lai Châu", None, "Tả Lèng")),
    ("xã Tả Lèng", {}, Place("Lai Châu", "Tam Đường", "Tả Lèng")),  # one unit on each map: the old one
    ("phường Hồng Hà", {"on": NEW}, Place("Hà Nội", None, "Hồng Hà")),
    ("phường Hồng Hà", {"on": OLD}, None),  # Yên Bái and Quảng Ninh
    ("phường Hồng Hà", {"on": OLD, "within": "Quảng Ninh"}, Place("Quảng Ninh", "Hạ Long", "Hồng Hà")),
    ("Châu Thành", {}, None),  # a district in ten provinces
    ("huyện Châu Thành", {"within": "Tiền Giang"}, Place("Tiền Giang", "Châu Thành")),
    ("Tân Uyên", {"level": "district"}, None),  # Lai Châu and Bình Dương
    ("huyện Tân Uyên", {"within": "tỉnh Lai Châu"}, Place("Lai Châu", "Tân Uyên")),
    # a new province as `within` covers the old ones it was formed from
    ("Tân Uyên", {"on": NEW, "level": "district", "within": "Hồ Chí Minh"}, Place("Bình Dương", "Tân Uyên")),
    ("tỉnh Bình Thuận", {"on": NEW}, Place("Bình Thuận")),  # a former province, cited after the reform
    ("Bà Rịa - Vũng Tàu", {}, BRVT),
    ("Bà Rịa-Vũng Tàu", {}, BRVT),
    ("tỉnh Bà Rịa – Vũng Tàu", {}, BRVT),
    ("Đắc Lắc", {}, Place("Đắk Lắk")),
    ("Đắk Lắk", {"on": NEW}, Place("Đắk Lắk")),
    # case and Ð (U+00D0)
    ("HUYỆN TAM ĐƯỜNG", {}, TAM_DUONG),
    ("TỈNH LAI CHÂU", {}, LC),
    ("tỉnh \u00d0iện Biên", {}, Place("Điện Biên")),
    ("\u00d0IỆN BIÊN", {}, Place("Điện Biên")),
    # tone placement: hoà/hòa, thuỷ/thủy on both sides
    ("tỉnh Hoà Bình", {"on": OLD}, Place("Hòa Bình")),
    ("Khánh Hoà", {}, Place("Khánh Hòa")),
    ("thị xã Hương Thuỷ", {"on": OLD}, Place("Huế", "Hương Thủy")),
    ("Hòa Bình", {"on": OLD, "level": "district", "within": "Bạc Liêu"}, Place("Bạc Liêu", "Hòa Bình")),
    ("Atlantis", {}, None),
    ("", {}, None),
]


def check_resolve(name, kwargs, expected):
    got = places.resolve(name, **kwargs)
    assert got == expected, f"resolve({name!r}, {kwargs}) = {got}, expected {expected}"


@pytest.mark.parametrize(("name", "kwargs", "expected"), RESOLVE)
def test_resolve(name, kwargs, expected):
    check_resolve(name, kwargs, expected)


# issuer phrase, date, expected province_of_issuer() result
ISSUERS = [
    ("Huyện ủy Tam Đường", None, TAM_DUONG),
    ("HUYỆN ỦY TAM ĐƯỜNG", OLD, TAM_DUONG),
    ("HUYỆN UỶ TAM ĐƯỜNG", OLD, TAM_DUONG),
    ("Ban Thường vụ Huyện ủy Tuy Phong", OLD, Place("Bình Thuận", "Tuy Phong")),
    ("UBND huyện Tam Đường", OLD, TAM_DUONG),
    ("Huyện ủy Tam Đường", NEW, TAM_DUONG),  # cited after the reform: still the old district
    ("Ủy ban nhân dân tỉnh Gia Lai", None, Place("Gia Lai")),
    ("Tỉnh ủy Lai Châu", None, LC),
    ("Thành ủy Hà Nội", None, Place("Hà Nội")),
    ("Thành ủy Lai Châu", None, Place("Lai Châu", "Lai Châu")),
    ("Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Lào Cai", None, Place("Lào Cai")),
    ("HĐND thành phố Hà Nội", None, Place("Hà Nội")),
    ("Đảng bộ tỉnh Lai Châu", None, LC),
    ("Quận ủy Ba Đình", OLD, Place("Hà Nội", "Ba Đình")),
    ("Thị ủy Mường Lay", OLD, Place("Điện Biên", "Mường Lay")),
    ("Đảng ủy xã Tả Lèng", OLD, Place("Lai Châu", "Tam Đường", "Tả Lèng")),
    ("UBND xã Tả Lèng", NEW, Place("Lai Châu", None, "Tả Lèng")),
    ("Sở Giáo dục và Đào tạo tỉnh Bắc Ninh", None, Place("Bắc Ninh")),
    ("UBND TP.HCM", NEW, HCM),
    ("Tỉnh ủy \u00d0iện Biên", None, Place("Điện Biên")),
    ("Tỉnh ủy Thừa Thiên Huế", OLD, HUE),
    ("Huyện ủy Châu Thành", None, None),  # ambiguous
    ("UBND huyện Châu Thành, tỉnh Tiền Giang", None, Place("Tiền Giang", "Châu Thành")),
    ("Đảng ủy phường Hồng Hà, thành phố Hạ Long", OLD, Place("Quảng Ninh", "Hạ Long", "Hồng Hà")),
    ("Ban Thường vụ Tỉnh ủy", None, None),  # no name
    ("Ban Bí thư", None, None),  # a central body
]


def check_issuer(issuer, on, expected):
    got = places.province_of_issuer(issuer, on=on)
    assert got == expected, f"province_of_issuer({issuer!r}, on={on}) = {got}, expected {expected}"


@pytest.mark.parametrize(("issuer", "on", "expected"), ISSUERS)
def test_province_of_issuer(issuer, on, expected):
    check_issuer(issuer, on, expected)


def test_issuer_within_narrows_an_ambiguous_district():
    assert places.province_of_issuer("Huyện ủy Châu Thành", within="Tiền Giang") == Place("Tiền Giang", "Châu Thành")


# text, date, expected [(mention text, Place)]
FIND = [
    ("Ban Thường vụ Tỉnh ủy Lai Châu ban hành", OLD, [("Tỉnh ủy Lai Châu", LC)]),
    ("Huyện ủy Tam Đường, tỉnh Lai Châu", OLD, [("Huyện ủy Tam Đường", TAM_DUONG), ("tỉnh Lai Châu", LC)]),
    ("phát triển kinh tế - xã hội của huyện", OLD, []),  # "xã hội" is not a commune
    ("huyện Châu Thành, tỉnh Tiền Giang", OLD,
     [("huyện Châu Thành", Place("Tiền Giang", "Châu Thành")), ("tỉnh Tiền Giang", Place("Tiền Giang"))]),
    ("huyện Châu Thành và các xã", OLD, []),  # ambiguous, nothing after it
    ("tại TP.HCM và Quận 1", None, [("TP.HCM", HCM), ("Quận 1", Place("Hồ Chí Minh", "Quận 1"))]),
    ("tỉnh Bà Rịa - Vũng Tàu năm 2024", OLD, [("tỉnh Bà Rịa - Vũng Tàu", BRVT)]),
    ("UBND xã Tả Lèng ban hành", NEW, [("xã Tả Lèng", Place("Lai Châu", None, "Tả Lèng"))]),
    ("HUYỆN ỦY TAM ĐƯỜNG\n*\nSố 58-KH/HU", OLD, [("HUYỆN ỦY TAM ĐƯỜNG", TAM_DUONG)]),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", OLD, []),
    ("UBND \u00d0ặc khu Phú Quốc", NEW, [("\u00d0ặc khu Phú Quốc", Place("An Giang", None, "Phú Quốc"))]),
    ("Tỉnh ủy \u00d0iện Biên", OLD, [("Tỉnh ủy \u00d0iện Biên", Place("Điện Biên"))]),  # the national motto in every header
    ("xã Tả Lèng, huyện Tam Đường", OLD,
     [("xã Tả Lèng", Place("Lai Châu", "Tam Đường", "Tả Lèng")), ("huyện Tam Đường", TAM_DUONG)]),
]


def check_find(text, on, expected, within=None):
    got = [(text[s:e], p) for s, e, p in places.find_places(text, on=on, within=within)]
    assert got == expected, f"find_places({text!r}, within={within!r}) = {got}"


@pytest.mark.parametrize(("text", "on", "expected"), FIND)
def test_find_places(text, on, expected):
    check_find(text, on, expected)


def test_find_places_within_the_document_province():
    check_find("UBND phường Hồng Hà", OLD, [], within=None)  # Yên Bái and Quảng Ninh
    check_find("UBND phường Hồng Hà", OLD, [("phường Hồng Hà", Place("Quảng Ninh", "Hạ Long", "Hồng Hà"))],
               within="Quảng Ninh")


# old province → new province
NEW_OF_OLD = [
    ("Bình Thuận", "Lâm Đồng"),
    ("Lai Châu", "Lai Châu"),
    ("Quảng Bình", "Quảng Trị"),
    ("Bà Rịa-Vũng Tàu", "Hồ Chí Minh"),
    ("Thừa Thiên Huế", "Huế"),
    ("tỉnh Hoà Bình", "Phú Thọ"),
]


@pytest.mark.parametrize(("old", "new"), NEW_OF_OLD)
def test_new_province_of(old, new):
    assert places.new_province_of(old) == new


OLD_OF_NEW = [
    ("Quảng Trị", ["Quảng Bình", "Quảng Trị"]),
    ("Hồ Chí Minh", ["Bình Dương", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh"]),
    ("Lai Châu", ["Lai Châu"]),
    ("Lâm Đồng", ["Đắk Nông", "Lâm Đồng", "Bình Thuận"]),
]


@pytest.mark.parametrize(("new", "olds"), OLD_OF_NEW)
def test_old_provinces_of(new, olds):
    assert sorted(places.old_provinces_of(new)) == sorted(olds)


def test_every_old_province_maps_into_the_new_map_and_back():
    for old in places.provinces(OLD):
        assert old in places.old_provinces_of(places.new_province_of(old))


ERA = [
    ("2025-06-30", "old"),
    ("2025-07-01", "new"),
    (date(2022, 1, 26), "old"),
    ("26/01/2022", "old"),
    ("2022", "old"),  # a year alone decides, except 2025
    ("2025", "any"),
    (None, "any"),
    ("old", "old"),  # an era's name stands for a date on its map
    ("new", "new"),
]


@pytest.mark.parametrize(("on", "expected"), ERA)
def test_era(on, expected):
    assert places.era(on) == expected


def test_provinces_per_map():
    assert (len(places.provinces(OLD)), len(places.provinces(NEW))) == (63, 34)
    assert "Bình Thuận" not in places.provinces(NEW)


BAD_ARGUMENTS = [
    (places.era, ("yesterday",), {}),
    (places.era, ("31/02/2022",), {}),
    (places.lookup, ("Lai Châu",), {"level": "ward"}),
    (places.lookup, ("Tam Đường",), {"within": "Atlantis"}),
    (places.lookup, (42,), {}),
    (places.new_province_of, ("Atlantis",), {}),
    (places.old_provinces_of, ("Bình Thuận",), {}),  # an old province only
    (places.era, ("legacy",), {}),  # the eras are "old" and "new"
    (places.centroid, ("Lai Châu", 42), {}),
]


@pytest.mark.parametrize(("func", "args", "kwargs"), BAD_ARGUMENTS)
def test_bad_arguments_raise_place_error(func, args, kwargs):
    with pytest.raises(PlaceError):
        func(*args, **kwargs)


# province, district, on, (lat, lon) rounded to a degree or None
CENTROID = [
    ("Lai Châu", None, None, (22, 103)),
    ("tỉnh Lai Châu", None, OLD, (22, 103)),
    ("Hà Nội", None, "old", (21, 106)),
    ("Hà Nội", None, "new", (21, 106)),
    ("Bình Thuận", None, "old", (11, 108)),
    ("Bình Thuận", None, "new", None),  # not on the new map
    ("Lai Châu", "Tam Đường", "old", (22, 104)),
    ("Lai Châu", "huyện Tam Đường", OLD, (22, 104)),
    ("Lai Châu", "Tam Đường", "new", None),  # no districts after the reform
    ("Hà Tĩnh", "Kỳ Anh (Thị xã)", "old", (18, 106)),  # the package's twin names
    ("Hà Tĩnh", "Kỳ Anh", "old", None),  # the district and the town: ambiguous
    ("Lai Châu", "Atlantis", "old", None),
    ("Atlantis", None, None, None),
]


@pytest.mark.parametrize(("province", "district", "on", "expected"), CENTROID)
def test_centroid(province, district, on, expected):
    got = places.centroid(province, district, on=on)
    assert (got and (round(got[0]), round(got[1]))) == expected


@pytest.mark.parametrize("on", [OLD, NEW])
def test_every_unit_is_found_by_its_own_name(on):
    """Pins the index: each unit of a map is among the lookups of its name, level and province."""
    for place in places.iter_units(on):
        name = place.commune or place.district or place.province
        assert place in places.lookup(name, on=on, level=place.level, within=place.province), place


def test_iter_units_puts_provinces_before_their_units():
    seen = set()
    for place in places.iter_units(OLD):
        if place.level != "province":
            assert Place(place.province) in seen
        seen.add(place)
