"""Jurisdiction of a document and of the local directives it cites.

Central issuers (the Party centre, the National Assembly, the Government,
ministries) have none. A local issuer's place comes from the text: the header's
issuing-body lines and place line, the issuer phrase after a citation ("của Ban
Chấp hành Đảng bộ tỉnh Lai Châu"), or, for an unnamed "của Tỉnh ủy", the citing
document's own province — except that a directive dated before 1 July 2025 and
cited by a document of a province formed that day from several keeps no province:
the text does not say which old province issued it.
"""
from __future__ import annotations

from dataclasses import replace

from . import places
from . import regexes as rx
from .identity import directive_id, level_of_code, symbol_series, symbol_year
from .models import DirectiveRef, Document
from .normalize import NormText

__all__ = [
    "locate_document", "ref_id", "id_year", "level_of_citation", "level_of_code", "place_of_document", "issuer_fits_code", "place_of_lines",
    "place_of_citation", "apply_place", "place_in_text", "dominant_place", "other_body", "city_below_province",
]


def locate_document(norm: NormText, document: Document, *, scope: str = "<text>") -> Document:
    """The locate stage: the document with its jurisdiction (``place``, and the place
    fields and level of its ref) and its canonical ``id``; ``other`` text is returned as it is.
    ``scope`` names the text (its file name) for local directives of no known province.

    >>> from vbgraph.ingest import find_hits, identify_document, normalize
    >>> n = normalize("HUYỆN ỦY TAM ĐƯỜNG\\nSố 102 - KH/HU\\nTam Đường, ngày 26 tháng 01 năm 2022\\nKẾ HOẠCH\\n")
    >>> d = locate_document(n, identify_document(n, find_hits(n.flat)))
    >>> d.place, d.ref.level, d.id
    (Place(province='Lai Châu', district='Tam Đường', commune=None), 'district', 'vn/lai-chau.tam-duong/hu/kh/2022/102')
    """
    if document.kind == "other":
        return document
    ref = document.ref
    lead_end = (document.anchor.end if document.anchor else 0) + 400
    place = place_of_document(norm.flat, ref, header=document.header, lead_end=lead_end)
    ref = apply_place(ref, place, level_of_code(ref.issuer_code))
    if ref.level is None:
        ref = ref.with_(level=level_of_code(ref.issuer_code))
    return replace(document, ref=ref, place=place, id=ref_id(ref, scope=scope))


def ref_id(ref: DirectiveRef, *, scope: str) -> str:
    """The canonical id of a located reference (see :func:`~vbgraph.ingest.identity.directive_id`).

    >>> ref_id(DirectiveRef(type="KH", number="61", issuer_code="TU", year=2021, province="Lai Châu"), scope="a.txt")
    'vn/lai-chau/tu/kh/2021/61'
    """
    return directive_id(ref.type, ref.number, ref.issuer_code, year=id_year(ref), term=ref.term, congress=ref.congress,
                        province=ref.province, district=ref.district, commune=ref.commune, scope=scope, level=ref.level,
                        series=symbol_series(ref.type, ref.symbol))


def id_year(ref: DirectiveRef) -> int | None:
    """The year an id takes: the symbol's ("12/2017/QĐ-TTg"), else the date's, else the one
    written ("năm 2025"), so a date beats a contradicting "năm YYYY".

    >>> id_year(DirectiveRef(type="NQ", number="57", issuer_code="TW", year=2025, date="2024-12-22"))
    2024
    """
    if symbol_year(ref.symbol):
        return symbol_year(ref.symbol)
    return int(ref.date[:4]) if ref.date and ref.date[:4].isdigit() else ref.year


def place_of_lines(lines: list[str], *, on=None) -> places.Place | None:
    """The most specific place named by issuing-body lines, read top-down. A name that
    fits several places is narrowed by the other lines ("ĐẢNG BỘ HUYỆN VĨNH THẠNH" over
    "ĐẢNG ỦY XÃ THẠNH MỸ": the one Thạnh Mỹ of a Vĩnh Thạnh district).

    >>> place_of_lines(["ĐẢNG BỘ TỈNH LAI CHÂU", "HUYỆN ỦY TAM ĐƯỜNG"], on="2022-01-26")
    Place(province='Lai Châu', district='Tam Đường', commune=None)
    >>> place_of_lines(["ĐẢNG BỘ HUYỆN VĨNH THẠNH", "ĐẢNG ỦY XÃ THẠNH MỸ"], on="2016-10-08")
    Place(province='Cần Thơ', district='Vĩnh Thạnh', commune='Thạnh Mỹ')
    """
    best: places.Place | None = None
    pending: list[places.Place] = []  # candidates of lines that fit several places
    for line in lines:
        within = best.province if best else None
        found = places.province_of_issuer(line, on=on, within=within)
        if found is None:
            candidates = _line_candidates(line, on, within)
            if pending:
                candidates = [c for c in candidates if any(_inside(c, p) for p in pending)] or candidates
            if best is not None:
                candidates = [c for c in candidates if _inside(c, best)]
            if len(candidates) == 1:
                found = candidates[0]
            else:
                pending = candidates
                continue
        if best is None or _rank(found) >= _rank(best):
            best = found
        pending = []
    return best


_COMMITTEE_UNIT = (("HUYỆN ỦY", "huyện"), ("HUYỆN UỶ", "huyện"), ("TỈNH ỦY", "tỉnh"), ("TỈNH UỶ", "tỉnh"),
                   ("THÀNH ỦY", "thành phố"), ("THÀNH UỶ", "thành phố"), ("QUẬN ỦY", "quận"), ("QUẬN UỶ", "quận"),
                   ("THỊ ỦY", "thị xã"), ("THỊ UỶ", "thị xã"))


def _line_candidates(line: str, on, within) -> list[places.Place]:
    """Every place an issuing-body line can mean ("ĐẢNG ỦY XÃ THẠNH MỸ" → each xã Thạnh Mỹ)."""
    rest = rx.BODY_WORDS.sub("", line.strip())
    upper = rest.upper()
    for committee, unit in _COMMITTEE_UNIT:
        if upper.startswith(committee):
            rest = unit + rest[len(committee):]
            break
    try:
        return places.lookup(rest, on=on, within=within)
    except places.PlaceError:
        return []


def _inside(inner: places.Place, outer: places.Place) -> bool:
    """Whether ``inner`` lies in ``outer`` (same province, and district when both have one)."""
    if inner.province != outer.province:
        return False
    return not (outer.district and inner.district and inner.district != outer.district)


def _rank(place: places.Place) -> int:
    return places.LEVELS.index(place.level)


def place_in_text(text: str, *, level: str | None, on=None, within: str | None = None) -> places.Place | None:
    """The one place of ``level`` that a text names ("huyện Tuy Phong", "tỉnh Lào Cai"),
    or None when it names none or several."""
    found = {}
    for _, _, place in places.find_places(text, on=on):
        if within and place.province != within:
            continue
        if level and place.level != level:
            continue
        found[place] = True
    return next(iter(found)) if len(found) == 1 else None


def dominant_place(text: str, *, on=None) -> places.Place | None:
    """The one province a text's places lie in (units named with their unit word: "tỉnh
    Gia Lai", "Huyện ủy Thoại Sơn", a district name found in one province only), with its
    one district when it names only one; None when it names none or several provinces.

    >>> dominant_place("Huyện ủy Thoại Sơn tổ chức hội nghị; Kế hoạch số 94-KH/TU của Tỉnh ủy", on="2019-09-18")
    Place(province='An Giang', district='Thoại Sơn', commune=None)
    """
    found = [p for _, _, p in places.find_places(text, on=on)]
    provinces = {p.province for p in found}
    if len(provinces) != 1:
        return None
    province = provinces.pop()
    districts = {p.district for p in found if p.district}
    return places.Place(province, districts.pop() if len(districts) == 1 else None)


def city_below_province(text: str, *, on=None) -> places.Place | None:
    """The one city below a province that a text names ("thành phố Tây Ninh" of tỉnh Tây Ninh),
    the place of a bare "Đảng bộ Thành phố" / "Thành ủy" in it; None when it names none or several.

    >>> city_below_province("Đại hội Đảng bộ thành phố Tây Ninh, tiến tới Đại hội Đảng bộ tỉnh Tây Ninh", on="2019-11-05")
    Place(province='Tây Ninh', district='Tây Ninh', commune=None)
    """
    found = {p for s, _, p in places.find_places(text, on=on) if p.district and rx.CITY_WORD.match(text, s)}
    return found.pop() if len(found) == 1 else None


def other_body(issuer: str | None, code: str | None) -> bool:
    """Whether a directive's issuer is a Party committee of a bloc, an agency, the armed forces
    or an enterprise (level ``other``): named so ("Đảng ủy Khối Doanh nghiệp Trung ương",
    "Ban Thường vụ Đảng ủy NHPT"), or, unnamed, coded so ("-KH/ĐUK").

    >>> other_body("Ban Thường vụ Đảng ủy NHPT", "ĐU"), other_body(None, "ĐUK"), other_body("Đảng ủy xã Tam Lư", "ĐU")
    (True, True, False)
    """
    if issuer:
        return rx.OTHER_PARTY_BODY.search(issuer) is not None
    return (code or "").upper().replace("Ð", "Đ") in OTHER_CODES


OTHER_CODES = frozenset({"ĐUK"})  # Party committees of blocs (Đảng ủy Khối)


def place_of_citation(ref: DirectiveRef, doc_place: places.Place | None, *, doc_date: str | None) -> places.Place | None:
    """The place of a cited local directive; None for central ones and when unknown."""
    level = level_of_code(ref.issuer_code)
    issuer_level = _issuer_level(ref.issuer) if ref.issuer else None
    if level == "central" and issuer_level in (None, "central"):
        return None
    on = ref.date or (f"{ref.year}-01-01" if ref.year else doc_date)
    if ref.issuer:
        named = places.province_of_issuer(ref.issuer, on=on, within=doc_place.province if doc_place else None)
        if named is None and doc_place is not None:
            named = places.province_of_issuer(ref.issuer, on=on)  # another province, named in full
        if named is not None:
            return named
        if issuer_level == "central":
            return None
        level = issuer_level or level
    if doc_place is None:
        return None
    if level is None:  # a body the code does not place ("164/BC-BKTNS"), cited by a local text: that text's province
        level = "province"
    if _merged_away(doc_place.province, ref, doc_date):
        return None
    if level == "province":
        return places.Place(doc_place.province)
    if level == "district":
        if doc_place.district:
            return places.Place(doc_place.province, doc_place.district)
        return places.Place(doc_place.province)
    if level == "commune" and doc_place.commune:
        return doc_place
    return places.Place(doc_place.province)


def level_of_citation(ref: DirectiveRef, place: places.Place | None) -> str | None:
    """A cited directive's level: its code's, unless it has no place and its issuer's name is
    a central body's ("Báo cáo số 21-BC/ĐU của Đảng ủy Chính phủ" is central, not a commune's).

    >>> level_of_citation(DirectiveRef(type="BC", number="21", issuer_code="ĐU", issuer="Đảng ủy Chính phủ"), None)
    'central'
    """
    code_level = level_of_code(ref.issuer_code)
    if (place is None and ref.issuer and ref.issuer_code and code_level in (None, "commune")
            and _issuer_level(ref.issuer) == "central"
            and not any(pattern.search(ref.issuer) for pattern, _ in rx.LEVEL_WORDS)):
        return "central"  # not "Bộ Chỉ huy Quân sự tỉnh"
    return code_level


def _issuer_level(issuer: str) -> str | None:
    if rx.CENTRAL_WORDS.search(issuer):
        return "central"
    for pattern, level in rx.LEVEL_WORDS:
        if pattern.search(issuer):
            return level
    return None


def _merged_away(province: str, ref: DirectiveRef, doc_date: str | None) -> bool:
    """A pre-reform directive cited from a new province made of several old ones."""
    if not doc_date or places.era(doc_date) != "new":
        return False
    cited = ref.date or (f"{ref.year}-12-31" if ref.year and ref.year < 2025 else None)
    if cited is None or places.era(cited) == "new":
        return False
    try:
        return len(places.old_provinces_of(province)) > 1
    except places.PlaceError:  # an old province's name: nothing merged
        return False


def apply_place(ref: DirectiveRef, place: places.Place | None, level: str | None = None) -> DirectiveRef:
    """``ref`` with the place's fields and a level."""
    if place is None:
        return ref.with_(level=level if level == "central" else ref.level)
    lvl = "commune" if place.commune else "district" if place.district else "province"
    return ref.with_(province=place.province, district=place.district, commune=place.commune, level=lvl)


def issuer_fits_code(issuer: str, code: str | None) -> bool:
    """Whether an issuer phrase can be the issuer of a code: a central code with a local
    phrase ("35-NQ/TW của Tỉnh ủy") names another directive's issuer.

    >>> issuer_fits_code("Tỉnh ủy", "TW"), issuer_fits_code("Bộ Chính trị", "TW")
    (False, True)
    """
    return not (level_of_code(code) == "central" and _issuer_level(issuer) not in (None, "central"))


def place_of_document(text: str, ref: DirectiveRef, *, header, lead_end: int) -> places.Place | None:
    """The jurisdiction of an original (its issuing-body lines, refined by its place line)
    or of a reported directive (its issuer, else the one place the lead names)."""
    level = level_of_code(ref.issuer_code)
    if level == "central":
        return None
    on = ref.date or (f"{ref.year}-06-30" if ref.year else None)
    if header is not None:
        lines = list(header.body_lines)
        place = place_of_lines(lines, on=on)
        if place is None and not rx.LOCAL_BODY.search(" ".join(lines)) and level is None:
            return None  # a ministry's or agency's place line names its seat, not a jurisdiction
        if header.place:
            named = places.resolve(header.place, on=on, within=place.province if place else None)
            if named is not None and (place is None or (named.province == place.province and _rank(named) > _rank(place))):
                place = named
        return place
    if ref.issuer:
        found = places.province_of_issuer(ref.issuer, on=on)
        if found is not None:
            return found
    lead = text[:lead_end]
    province = place_in_text(lead, level="province", on=on)
    if level == "district" or (ref.issuer and "huyện" in ref.issuer.lower()):
        district = place_in_text(lead, level="district", on=on, within=province) or _bare_place(lead, "district", on, province)
        if district:
            return district
    return places.Place(province.province) if province else None


def _bare_place(text: str, level: str, on, province) -> places.Place | None:
    """A place named without its unit word ("Tuy Phong: triển khai …"), when unique."""
    found = set()
    for m in rx.CAPITALISED.finditer(text[:600]):
        place = places.resolve(m.group(0), on=on, level=level, within=province.province if province else None)
        if place is not None:
            found.add(place)
    return found.pop() if len(found) == 1 else None
