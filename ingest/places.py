"""Vietnam's administrative units, before and after the reform of 1 July 2025.

A directive's jurisdiction is named as of its date: until 30 June 2025 the
map has 63 provinces, their districts (huyện, quận, thị xã, thành phố thuộc
tỉnh) and communes; from 1 July 2025 it has 34 provinces with communes and
wards directly below them. The two maps are ``ingest.gazetteer``'s eras
``old`` and ``new``; it reads the data, this module matches names against it.
Every function taking ``on`` also takes an era's name for it ("old", "new").

Names are short names without the unit word ("Lai Châu", "Tam Đường",
"Hồ Chí Minh"), as the package spells them (a package suffix such as
"Hồng Ngự (Huyện)" is dropped). Matching is exact on diacritics after
:func:`name_key` (NFC, casefold, Ð → Đ, one tone placement, dashes as
spaces); a few spellings the package lacks are in :data:`ALIASES`.

A name that fits several units is ambiguous: :func:`resolve` then returns
None, and the caller may narrow it with ``within`` (a province) or a level.
Names are matched on the map of the date given; a name missing from the new
map is looked up on the old one (a later text citing a district's or a
former province's directive); with no date, both maps are searched.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from vbgraph.ingest import gazetteer
from vbgraph.ingest.gazetteer import ERAS, LEVELS, REFORM_DATE, PlaceError, era

__all__ = [
    "REFORM_DATE",
    "ERAS",
    "LEVELS",
    "ALIASES",
    "Place",
    "PlaceError",
    "era",
    "name_key",
    "provinces",
    "lookup",
    "resolve",
    "province_of_issuer",
    "find_places",
    "new_province_of",
    "old_provinces_of",
    "centroid",
    "iter_units",
]

_RANK = {level: rank for rank, level in enumerate(LEVELS)}


@dataclass(frozen=True, slots=True)
class Place:
    """One administrative unit by short names; ``district`` is None on the new map.

    >>> Place("Lai Châu", "Tam Đường").level
    'district'
    """

    province: str
    district: str | None = None
    commune: str | None = None

    @property
    def level(self) -> str:
        """``province``, ``district`` or ``commune``: the lowest unit named."""
        if self.commune:
            return "commune"
        return "district" if self.district else "province"

    def as_dict(self) -> dict[str, str | None]:
        """The three names as a dict (the shape of the extraction JSON).

        >>> Place("Lai Châu").as_dict()
        {'province': 'Lai Châu', 'district': None, 'commune': None}
        """
        return {"province": self.province, "district": self.district, "commune": self.commune}


# ---------------------------------------------------------------- tables

# Spellings found in texts that the package does not carry:
# (written form, the package's short name, level, unit word it takes or None = the unit's own).
ALIASES: tuple[tuple[str, str, str, str | None], ...] = (
    ("Thừa Thiên Huế", "Huế", "province", "tỉnh"),  # the province's name until 2025-01
    ("Đắc Lắc", "Đắk Lắk", "province", None),
    ("Đắk Lăk", "Đắk Lắk", "province", None),
    ("Đăk Lăk", "Đắk Lắk", "province", None),
    ("Đắc Nông", "Đắk Nông", "province", None),
    ("Đăk Nông", "Đắk Nông", "province", None),
    ("Bắc Cạn", "Bắc Kạn", "province", None),
    ("HCM", "Hồ Chí Minh", "province", None),  # "TP.HCM", "TP HCM"
    ("TPHCM", "Hồ Chí Minh", "province", "thành phố"),
)

# Unit words in name_key form → the unit type they name (the package's type, lower case).
# "… ủy" is the Party committee of that unit ("Huyện ủy Tam Đường").
_UNIT_WORDS = {
    "tỉnh": "tỉnh", "tỉnh ủy": "tỉnh",
    "thành phố": "thành phố", "tp": "thành phố", "thành ủy": "thành phố",
    "huyện": "huyện", "huyện ủy": "huyện",
    "quận": "quận", "quận ủy": "quận",
    "thị xã": "thị xã", "tx": "thị xã", "thị ủy": "thị xã",
    "xã": "xã", "phường": "phường", "thị trấn": "thị trấn", "tt": "thị trấn",
    "đặc khu": "đặc khu",
}


def _ci(word: str) -> str:
    """A case-insensitive pattern for a literal: "xã" → "[xX][ãÃ]". Spelled out because
    re.IGNORECASE makes the scan of Vietnamese text about twice as slow."""
    classes = {"đ": "[đĐÐð]"}  # Ð (U+00D0, eth) is often typed for Đ
    return "".join(
        classes.get(c) or (f"[{c}{c.upper()}]" if c.upper() != c else re.escape(c)) for c in word
    )


_UY = f"(?:{_ci('ủy')}|{_ci('uỷ')})"  # both tone placements
_GAP = r"[ \t]+"
# A unit word in running text, then the space before the name: "tỉnh ", "Huyện ủy ",
# "THỊ XÃ ", "TP." (TP.HCM needs no space). The lookahead lets the engine skip to
# the few letters a unit word can start with.
UNIT_WORD_RE = re.compile(
    rf"""
    (?=[tThHqQxXpPđĐÐð]) (?<!\w)
    (?P<unit>
        {_ci('t')} (?:
            {_ci('ỉnh')} (?:{_GAP}{_UY})?                        # tỉnh, Tỉnh ủy
          | {_ci('hành')} {_GAP} (?:{_ci('phố')}|{_UY})          # thành phố, Thành ủy
          | {_ci('hị')} {_GAP} (?:{_ci('xã')}|{_ci('trấn')}|{_UY})   # thị xã, thị trấn, Thị ủy
          | [pxtPXT]\.?                                         # TP., TX., TT.
        )
      | {_ci('huyện')} (?:{_GAP}{_UY})?
      | {_ci('quận')} (?:{_GAP}{_UY})?
      | {_ci('xã')} | {_ci('phường')}
      | {_ci('đặc')} {_GAP} {_ci('khu')}
    )
    (?:[ \t\u00a0]+|(?<=\.))
    """,
    re.VERBOSE,
)

# One word of a name, after the previous one: "Tam", " Đường", " - Vũng", " M'gar".
_NAME_WORD_RE = re.compile(r"[ \t\u00a0]*(?:[-–—][ \t\u00a0]*)?(\w+(?:['’]\w+)*)")
_SEPARATORS_RE = re.compile(r"[\s,;()\-–—]*")

# name_key pieces.
_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng
_TONE_SHIFT = {
    unicodedata.normalize("NFC", a + b + t): unicodedata.normalize("NFC", a + t) + b
    for a, b in (("o", "a"), ("o", "e"), ("u", "y"))
    for t in _TONES
}
# "hoà" → "hòa", "thuỷ" → "thủy", only at a syllable's end ("hoàn" stays).
_TONE_RE = re.compile("(" + "|".join(_TONE_SHIFT) + r")(?!\w)")
_DASHES_RE = re.compile(r"[-‐‑–—_.,]+")
_SPACES_RE = re.compile(r"\s+")
_LEADING_ZERO_RE = re.compile(r"(?<!\w)0+(?=\d)")
_UNIT_PREFIX_RE = re.compile(
    "^(" + "|".join(sorted(map(re.escape, _UNIT_WORDS), key=len, reverse=True)) + ") (.+)$"
)
# "Hồng Ngự (Huyện)": the package's suffix telling same-named units apart.
_PACKAGE_SUFFIX_RE = re.compile(r"\s*\((?:Xã|Thị trấn|Phường|Huyện|Quận|Thị xã|Thành phố)\)$")


def name_key(name: str) -> str:
    """The form names are compared in: NFC, casefold, Ð → đ, tone on the first vowel of
    "oa/oe/uy" at a syllable's end, dashes and dots as spaces, no leading zeros.

    >>> name_key("Bà Rịa-Vũng Tàu") == name_key("BÀ RỊA - VŨNG TÀU")
    True
    >>> name_key("Hoà Bình") == name_key("Hòa Bình"), name_key("Ðiện Biên") == name_key("Điện Biên")
    (True, True)
    """
    key = unicodedata.normalize("NFC", name).casefold().replace("ð", "đ").replace("’", "'")
    key = _TONE_RE.sub(lambda m: _TONE_SHIFT[m.group(1)], key)
    key = _DASHES_RE.sub(" ", key)
    return _LEADING_ZERO_RE.sub("", _SPACES_RE.sub(" ", key).strip())


def _split_unit(key: str) -> tuple[str | None, str]:
    """("huyện", "tam đường") from "huyện tam đường"; (None, key) without a unit word."""
    m = _UNIT_PREFIX_RE.match(key)
    return (_UNIT_WORDS[m.group(1)], m.group(2)) if m else (None, key)


# ---------------------------------------------------------------- data


class _Entry(NamedTuple):
    place: Place
    era: str
    kind: str  # the unit's type: "tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", …


@dataclass
class _Gazetteer:
    index: dict[str, tuple[_Entry, ...]]
    provinces: dict[str, dict[str, gazetteer.AdminUnit]]  # era → short name → province, by code
    units: dict[str, list[Place]]  # era → every Place, parents before children
    districts: dict[tuple[str, str], tuple[gazetteer.AdminUnit, ...]]  # (province, name key) → old districts
    new_of_old: dict[str, str]
    old_of_new: dict[str, list[str]]
    max_words: int


@functools.lru_cache(maxsize=None)
def _short(name: str) -> str:
    """The package's short name without its disambiguating suffix."""
    return _PACKAGE_SUFFIX_RE.sub("", name.strip())


def _province_short(name: str) -> str:
    """A province's short name, without a unit word if the package left one ("TP. Hồ Chí Minh")."""
    return re.sub(r"^(?:TP\.?|Thành phố|Tỉnh)\s+", "", _short(name), flags=re.IGNORECASE)


def _kinds(full: str, unit_type: str | None) -> set[str]:
    """The unit's type by its type column and by its full name's unit word; the
    package has a few that disagree ("Phường 5" typed "Xã"): both are accepted."""
    kinds = {unit_type.strip().lower()} if unit_type else set()
    kind, _ = _split_unit(name_key(full))
    return kinds | {kind} if kind else kinds


def _by_code(units, level: str) -> list[gazetteer.AdminUnit]:
    return sorted((u for u in units if u.level == level), key=lambda u: u.code)


def _read_era(era_: str, add) -> tuple[dict[str, gazetteer.AdminUnit], list[Place]]:
    """Index one map's units (provinces, districts, communes, each by code); its
    provinces by short name and its Places, each province followed by its units."""
    every = gazetteer.units(era_)
    provs: dict[str, gazetteer.AdminUnit] = {}
    children: dict[tuple, list[Place]] = {}
    for u in _by_code(every, "province"):
        name = _province_short(u.province)
        provs[name] = u
        add(name, _Entry(Place(name), era_, u.kind.lower()))
    for level in ("district", "commune"):
        for u in _by_code(every, level):
            place = Place(_province_short(u.province), _short(u.district) if u.district else None,
                          _short(u.commune) if u.commune else None)
            parent = (place.province,) if level == "district" else (place.province, place.district)
            children.setdefault(parent, []).append(place)
            for kind in _kinds(u.full, u.kind):
                add(u.name, _Entry(place, era_, kind))
    units: list[Place] = []
    for name in provs:
        units.append(Place(name))
        for child in children.get((name,), []):
            units.append(child)
            units.extend(children.get((name, child.district), []))
        units.extend(children.get((name, None), []))
    return provs, units


@functools.cache
def _gazetteer() -> _Gazetteer:
    """Read the package's data once (a read-only SQLite connection, closed after)."""
    index: dict[str, list[_Entry]] = {}

    def add(name: str, entry: _Entry) -> None:
        key = name_key(_short(name))
        keys = {key}
        kind, rest = _split_unit(key)  # "Quận 1", "Phường 1": also under "1"
        if kind == entry.kind and rest[:1].isdigit():
            keys.add(rest)
        for k in keys:
            bucket = index.setdefault(k, [])
            if entry not in bucket:
                bucket.append(entry)

    provs, units = {}, {}
    for era_ in ERAS:
        provs[era_], units[era_] = _read_era(era_, add)
    for alias, short, level, kind in ALIASES:
        for era_ in ERAS:
            for entry in tuple(index.get(name_key(short), ())):
                if entry.era == era_ and entry.place.level == level:
                    add(alias, entry._replace(kind=kind or entry.kind))
    old_of_new: dict[str, set[str]] = {}
    new_of_old: dict[str, str] = {}
    for new, old in gazetteer.succession():
        new, old = _province_short(new), _province_short(old)
        old_of_new.setdefault(new, set()).add(old)
        new_of_old[old] = new
    districts: dict[tuple[str, str], list[gazetteer.AdminUnit]] = {}
    for u in gazetteer.units("old"):
        if u.level == "district":
            for key in {name_key(u.district), _split_unit(name_key(_short(u.district)))[1]}:
                districts.setdefault((_province_short(u.province), key), []).append(u)
    return _Gazetteer(
        index={k: tuple(v) for k, v in index.items()},
        provinces=provs,
        units=units,
        districts={k: tuple(v) for k, v in districts.items()},
        new_of_old=new_of_old,
        old_of_new={new: [p for p in provs["old"] if p in olds] for new, olds in old_of_new.items()},
        max_words=max(len(k.split()) for k in index),
    )


# ---------------------------------------------------------------- dates


def _eras(on: date | str | None) -> tuple[str, ...]:
    which = era(on)
    return ERAS if which == "any" else (which,)


def _check(level: str | None) -> None:
    if level is not None and level not in LEVELS:
        raise PlaceError(f"level must be one of {LEVELS} or None, not {level!r}")


# ---------------------------------------------------------------- provinces


def provinces(on: date | str | None = None) -> list[str]:
    """The provinces on the map of a date or era (63 old, 34 new from 2025-07-01), by code;
    with no date, every province of either map.

    >>> len(provinces("2022-01-01")), len(provinces("2025-08-01")), len(provinces())
    (63, 34, 63)
    >>> provinces("new")[:3]
    ['Hà Nội', 'Cao Bằng', 'Tuyên Quang']
    """
    g = _gazetteer()
    names: dict[str, None] = {}
    for era_ in _eras(on):
        names.update(dict.fromkeys(g.provinces[era_]))
    return list(names)


def _province_name(name: str, era_: str) -> str | None:
    """The short name of a province of an era from any spelling, else None."""
    if not isinstance(name, str):
        raise PlaceError(f"a province name must be a string, not {name!r}")
    _, key = _split_unit(name_key(name))
    for entry in _gazetteer().index.get(key, ()):
        if entry.era == era_ and entry.place.level == "province":
            return entry.place.province
    return None


def new_province_of(old_province: str) -> str:
    """The new province that an old province became part of (from 2025-07-01).

    >>> new_province_of("Bình Thuận"), new_province_of("tỉnh Lai Châu")
    ('Lâm Đồng', 'Lai Châu')
    """
    name = _province_name(old_province, "old")
    if name is None:
        raise PlaceError(f"{old_province!r} is not one of the 63 provinces before 2025-07-01")
    return _gazetteer().new_of_old[name]


def old_provinces_of(new_province: str) -> list[str]:
    """The old provinces that formed a new province, by province code.

    >>> old_provinces_of("Quảng Trị")
    ['Quảng Bình', 'Quảng Trị']
    """
    name = _province_name(new_province, "new")
    if name is None:
        raise PlaceError(f"{new_province!r} is not one of the 34 provinces from 2025-07-01")
    return list(_gazetteer().old_of_new[name])


@functools.lru_cache(maxsize=512)
def _within(within: str, which: str) -> dict[str, frozenset[str]]:
    """The provinces of each era that ``within`` covers, read on the map ``which``.

    A new province covers the old ones it was formed from; an old one
    the new province it joined.
    """
    g = _gazetteer()
    old: set[str] = set()
    new: set[str] = set()
    if which in ("new", "any") and (name := _province_name(within, "new")):
        old.update(g.old_of_new[name])
        new.add(name)
    if which in ("old", "any") or not new:
        if name := _province_name(within, "old"):
            old.add(name)
            new.add(g.new_of_old[name])
    if not old:
        raise PlaceError(f"within must name a province (e.g. 'Lai Châu'), not {within!r}")
    return {"old": frozenset(old), "new": frozenset(new)}


def centroid(
    province: str, district: str | None = None, *, on: date | str | None = None
) -> tuple[float, float] | None:
    """The (lat, lon) of a province, or of a district of it (old map), on the map of
    a date or era (the new map when there is none and the province is on it); None
    for an unknown or ambiguous name. A district may carry the package's suffix
    that tells twins apart ("Kỳ Anh (Thị xã)").

    >>> lat, lon = centroid("Lai Châu", on="2022-01-01"); round(lat), round(lon)
    (22, 103)
    >>> [round(x) for x in centroid("Lai Châu", "huyện Tam Đường", on="old")], centroid("Atlantis")
    ([22, 104], None)
    """
    for era_ in reversed(_eras(on)):
        name = _province_name(province, era_)
        if name is None:
            continue
        if district is None:
            unit = _gazetteer().provinces[era_][name]
        else:
            found = _district_units(district, era_, name)
            unit = found[0] if len(found) == 1 else None
        return None if unit is None or unit.lat is None else (unit.lat, unit.lon)
    return None


def _district_units(district: str, era_: str, province: str) -> tuple[gazetteer.AdminUnit, ...]:
    """The districts of a province a name can mean, as written by the package or any spelling."""
    if not isinstance(district, str):
        raise PlaceError(f"a district name must be a string, not {district!r}")
    if era_ != "old":
        return ()
    g = _gazetteer()
    key = name_key(district)
    return g.districts.get((province, key)) or g.districts.get((province, _split_unit(key)[1]), ())


def iter_units(on: date | str | None = None) -> Iterator[Place]:
    """Every unit on the map of a date, each province followed by its units
    (with no date: the old map, then the new units not on it).

    >>> units = list(iter_units("2025-08-01")); units[0], len(units)
    (Place(province='Hà Nội', district=None, commune=None), 3355)
    """
    seen: set[Place] = set()
    for era_ in _eras(on):
        for place in _gazetteer().units[era_]:
            if place not in seen:
                seen.add(place)
                yield place


# ---------------------------------------------------------------- lookup


def _match(
    key: str, kind: str | None, eras: tuple[str, ...], level: str | None,
    within: dict[str, frozenset[str]] | None,
) -> list[_Entry]:
    out = []
    for entry in _gazetteer().index.get(key, ()):
        if entry.era not in eras or (kind and entry.kind != kind):
            continue
        if level and entry.place.level != level:
            continue
        if within and entry.place.province not in within[entry.era]:
            continue
        out.append(entry)
    return out


def _entries(
    key: str, kind: str | None, which: str, level: str | None, within: str | None
) -> list[_Entry]:
    """Matches of a name key on the map of ``on``. A name missing from the new
    map is looked up on the old one: a text of that time naming a district
    or a former province cites a body of before the reform."""
    scope = _within(within, which) if within else None
    eras = ERAS if which == "any" else (which,)
    found = _match(key, kind, eras, level, scope)
    if not found and which == "new":
        found = _match(key, kind, ("old",), level, scope)
    return found


def _lookup_entries(name: str, on, level: str | None, within: str | None) -> tuple[_Entry, ...]:
    if not isinstance(name, str):
        raise PlaceError(f"name must be a string, not {name!r}")
    _check(level)
    return _name_entries(name, era(on), level, within)


@functools.lru_cache(maxsize=1 << 16)
def _name_entries(name: str, which: str, level: str | None, within: str | None) -> tuple[_Entry, ...]:
    """Matches of a name with or without its unit word (callers repeat names: cached)."""
    key = name_key(name)
    kind, rest = _split_unit(key)
    found = _entries(rest, kind, which, level, within) if kind else []
    return tuple(found or _entries(key, None, which, level, within))


def _unique(places) -> list[Place]:
    return list(dict.fromkeys(places))


def lookup(
    name: str, *, on: date | str | None = None, level: str | None = None,
    within: str | None = None,
) -> list[Place]:
    """Every unit a name can mean, with or without its unit word, on the map of
    ``on`` (both maps when None), optionally of one ``level`` and ``within`` a province.

    >>> lookup("huyện Tam Đường")
    [Place(province='Lai Châu', district='Tam Đường', commune=None)]
    >>> len(lookup("Châu Thành", level="district")) > 5
    True
    """
    return _unique(e.place for e in _lookup_entries(name, on, level, within))


def _contains(outer: Place, inner: Place, *, across: bool = False) -> bool:
    """Whether ``inner`` lies in ``outer``; with ``across``, an old ``inner``
    also lies in the new province its province joined."""
    same = inner.province == outer.province or (
        across and _gazetteer().new_of_old.get(inner.province) == outer.province
    )
    if not same or outer.level == "commune":
        return same and outer == inner
    return outer.district is None or outer.district == inner.district


@functools.lru_cache(maxsize=1 << 14)
def _pick(entries: tuple[_Entry, ...]) -> Place | None:
    """The one place a list of matches means: the highest level named wins
    (a province over a same-named city, a district over a commune); across
    both maps, an old unit and the new unit of the same name in its
    successor province count as one (the old one, with its district)."""
    if not entries:
        return None
    top = min(_RANK[e.place.level] for e in entries)
    entries = [e for e in entries if _RANK[e.place.level] == top]
    places = _unique(e.place for e in entries)
    if len(places) == 1:
        return places[0]
    per_era = {era_: _unique(e.place for e in entries if e.era == era_) for era_ in ERAS}
    if all(len(p) == 1 for p in per_era.values()):
        old, new = per_era["old"][0], per_era["new"][0]
        last = lambda p: p.commune or p.district or p.province  # noqa: E731
        if last(old) == last(new) and _contains(Place(new.province), old, across=True):
            return old
    return None


def resolve(
    name: str, *, on: date | str | None = None, level: str | None = None,
    within: str | None = None,
) -> Place | None:
    """The one unit a name means, or None when it means none or several.

    >>> resolve("Tuy Phong", on="2022-03-25")
    Place(province='Bình Thuận', district='Tuy Phong', commune=None)
    >>> resolve("Châu Thành") is None, resolve("huyện Châu Thành", within="Tiền Giang").province
    (True, 'Tiền Giang')
    """
    return _pick(_lookup_entries(name, on, level, within))


# ---------------------------------------------------------------- text


class _Hit(NamedTuple):
    start: int
    end: int
    entries: tuple[_Entry, ...]


def _name_after(
    text: str, pos: int, kind: str, which: str, within: str | None, strict: bool
) -> tuple[int, tuple[_Entry, ...]] | None:
    """The longest name of a unit of type ``kind`` starting at ``pos`` (up to the
    longest name's number of words); with ``strict``, it must start with a capital."""
    if strict and not (text[pos : pos + 1].isupper() or text[pos : pos + 1].isdigit()):
        return None
    ends = []
    for _ in range(_gazetteer().max_words):
        m = _NAME_WORD_RE.match(text, ends[-1] if ends else pos)
        if not m or (not ends and m.start(1) != pos):
            break
        ends.append(m.end())
    for end in reversed(ends):
        found = _written_entries(text[pos:end], kind, which, within)
        if found:
            return end, found
    return None


@functools.lru_cache(maxsize=1 << 16)
def _written_entries(written: str, kind: str, which: str, within: str | None) -> tuple[_Entry, ...]:
    """_entries of a name as written in a text (texts repeat their names: cached)."""
    return tuple(_entries(name_key(written), kind, which, None, within))


@functools.lru_cache(maxsize=256)
def _unit_kind(written: str) -> str:
    """The unit type a unit word as written names: "Huyện ủy" → "huyện"."""
    return _UNIT_WORDS[name_key(written)]


def _scan(text: str, which: str, within: str | None, strict: bool) -> list[_Hit]:
    """Unit word + name mentions, left to right, not overlapping."""
    hits: list[_Hit] = []
    last = 0
    for m in UNIT_WORD_RE.finditer(text):
        if m.start() < last:
            continue
        kind = _unit_kind(m.group("unit"))
        named = _name_after(text, m.end(), kind, which, within, strict)
        if named:
            hits.append(_Hit(m.start(), named[0], named[1]))
            last = named[0]
    return hits


def _narrow(hit: _Hit, context: Place | None) -> tuple[_Entry, ...]:
    """A mention's matches that lie in the place named right after it (on the same
    map, else across the reform), if any do."""
    if context is None or context.level == "commune":
        return hit.entries
    below = [e for e in hit.entries if _RANK[e.place.level] > _RANK[context.level]]
    for across in (False, True):
        inside = tuple(e for e in below if _contains(context, e.place, across=across))
        if inside:
            return inside
    return hit.entries


def find_places(
    text: str, *, on: date | str | None = None, within: str | None = None
) -> list[tuple[int, int, Place]]:
    """Mentions of units by unit word and name ("tỉnh Lai Châu", "huyện Tam Đường,
    tỉnh Lai Châu") as (start, end, Place); ambiguous names are narrowed by a
    unit named right after them, else left out. ``within`` (the document's
    province, if known) keeps only units in it. ``text`` is NFC (as ingest.normalize
    gives it); names must start with a capital letter or a digit.

    >>> [(s, e, p.level) for s, e, p in find_places("Huyện ủy Tam Đường và xã hội")]
    [(0, 18, 'district')]
    >>> find_places("huyện Châu Thành, tỉnh Tiền Giang")[0][2]
    Place(province='Tiền Giang', district='Châu Thành', commune=None)
    """
    if not isinstance(text, str):
        raise PlaceError(f"text must be a string, not {type(text).__name__}")
    hits = _scan(text, era(on), within, strict=True)
    out: list[tuple[int, int, Place]] = []
    after: Place | None = None
    for i in range(len(hits) - 1, -1, -1):
        hit = hits[i]
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        adjacent = nxt and _SEPARATORS_RE.fullmatch(text, hit.end, nxt.start)
        place = _pick(_narrow(hit, after if adjacent else None))
        if place is not None:
            out.append((hit.start, hit.end, place))
        after = place
    return out[::-1]


def province_of_issuer(
    issuer: str, *, on: date | str | None = None, within: str | None = None
) -> Place | None:
    """The unit an issuing body belongs to, at the level of the unit it names
    ("Huyện ủy Tam Đường" → the district); None when unknown or ambiguous.

    >>> province_of_issuer("Ban Thường vụ Huyện ủy Tuy Phong", on="2022-03-25")
    Place(province='Bình Thuận', district='Tuy Phong', commune=None)
    >>> province_of_issuer("Sở Giáo dục và Đào tạo tỉnh Bắc Ninh")
    Place(province='Bắc Ninh', district=None, commune=None)
    """
    if not isinstance(issuer, str):
        raise PlaceError(f"issuer must be a string, not {issuer!r}")
    return _issuer_place(issuer, era(on), within)


@functools.lru_cache(maxsize=1 << 14)
def _issuer_place(issuer: str, which: str, within: str | None) -> Place | None:
    hits = _scan(issuer, which, within, strict=False)
    if not hits:
        return _pick(_name_entries(issuer, which, None, within)) if issuer.strip() else None
    entries = hits[0].entries
    for later in hits[1:]:  # "xã A, huyện B, tỉnh C": the first is the issuer's unit
        entries = _narrow(_Hit(0, 0, entries), _pick(later.entries))
    return _pick(entries)
