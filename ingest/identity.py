"""Canonical identity of a directive, shaped like ELI / Akoma Ntoso identifiers.

An id is ``vn/<jurisdiction>/<issuer>/<type>/<period>/<number>``:

* ``jurisdiction`` is ``national`` for central issuers (Party centre, National
  Assembly, Government, ministries); for local issuers (TU, HU, ĐU, UBND, HĐND,
  Sở …) it is the slug of province[/district[/commune]]; a local directive whose
  province the text does not give is scoped to the citing document
  (``~<scope>``) and so is never merged with another document's.
* ``period`` is the year when known, else ``k<term>`` (Party term, "khoa XII"),
  else ``_``.
* ``number`` compares as an integer ("01" = "1").
* A congress resolution has no number: ``…/nq/dai-hoi/<congress>``; any other
  document whose number is not known is scoped to its own text: ``vn/~<scope>/…/_/_``.
* Two series share numbers: a State symbol with the year in it ("12/2017/QĐ-TTg",
  legal-normative) and one without ("12/QĐ-TTg", administrative). Where one issuer
  keeps both (``SERIES_TYPES``), an administrative directive's period is ``<year>-hc``.

>>> directive_id("NQ", "35", "TW", year=2018)
'vn/national/tw/nq/2018/35'
>>> directive_id("KH", "61", "TU", year=2021, province="Lai Châu")
'vn/lai-chau/tu/kh/2021/61'
>>> directive_id("KH", "57", "TU", year=2023, scope="004.txt")
'vn/~004-txt/tu/kh/2023/57'
>>> directive_id("NQ", None, "TW", congress="XIII")
'vn/national/tw/nq/dai-hoi/xiii'
>>> directive_id("KH", None, "HU", scope="004.txt"), directive_id("QĐ", "12", "TTg", year=2017, series="administrative")
('vn/~004-txt/hu/kh/_/_', 'vn/national/ttg/qd/2017-hc/12')
"""
from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from importlib import resources

__all__ = ["directive_id", "slug", "level_of_code", "is_central_issuer", "central_codes", "symbol_series", "symbol_year", "written_year", "SERIES_TYPES"]

# What an issuer code alone tells of its level. Central State bodies are a data table
# (``ingest/data/central_codes.csv``); Party codes ending in TW are central; the rest by pattern.
_PROVINCE_CODES = re.compile(r"^(?:TU|TP|ĐUK|BCSĐ|ĐĐ|.*TU|HĐND|UBND)$")
_DISTRICT_CODES = re.compile(r"^(?:HU|QU|THU|TXU|.*HU)$")
_COMMUNE_CODES = re.compile(r"^(?:ĐU|ĐUX|ĐUP)$")
# Types whose State issuers number two series at once, legal-normative ("12/2017/QĐ-TTg",
# "28/2020/NQ-HĐND") and administrative ("12/QĐ-TTg", "28/NQ-HĐND").
SERIES_TYPES = frozenset({"QĐ", "NQ"})
# A State-style symbol, number[/year]/type-issuer: "12/2017/QĐ-TTg", "12/QĐ-TTg", "28 / NQ-HĐND".
_STATE_SYMBOL = re.compile(r"^\s*\d{1,5}\s*/\s*(?:(?P<year>(?:19|20)\d\d)\s*/\s*)?[A-ZĐÐa-zđ]+\s*-")
# A State symbol's year inside a mention: "Nghị định số 22/2023/NĐ-CP" → 2023.
_WRITTEN_YEAR = re.compile(r"\b\d{1,5}\s*/\s*((?:19|20)\d\d)\s*/\s*[A-ZĐÐ]")
_TERM_DIGITS = re.compile(r"(?<=[A-ZĐ]{2})\d{1,2}$")


@lru_cache(maxsize=1)
def central_codes() -> frozenset[str]:
    """Issuer codes of central State bodies, upper case.

    >>> "BTC" in central_codes(), "BPC" in central_codes(), "BGDDT" in central_codes()
    (True, False, True)
    """
    text = resources.files("vbgraph.ingest").joinpath("data", "central_codes.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return frozenset(_ascii_d(row["code"].upper()) for row in csv.DictReader(lines))


def _ascii_d(code: str) -> str:
    """Codes are compared with Đ read as D: symbols are often typed without it ("TT-BGDDT")."""
    return code.replace("Đ", "D")


@lru_cache(maxsize=4096)
def level_of_code(code: str | None) -> str | None:
    """The level an issuer code belongs to, as far as the code alone tells; None when it
    does not tell ("164/BC-BKTNS": a committee of some council).

    >>> level_of_code("TW"), level_of_code("TU"), level_of_code("HU"), level_of_code("BTGDVTU"), level_of_code("BGD&ĐT")
    ('central', 'province', 'district', 'province', 'central')
    """
    if not code:
        return None
    upper = code.upper().replace("Ð", "Đ")
    head = re.split(r"[-/]", upper)[0].replace("&", "")  # "BGD&ĐT" is BGDĐT
    central = central_codes()
    bare = _TERM_DIGITS.sub("", head)  # "HĐNN7", "UBPLTP15": the body without its term
    if upper.endswith("TW") or head.endswith("TW") or re.fullmatch(r"(?:UBTV)?QH\d*", head) or _ascii_d(bare) in central:
        return "central"
    if _DISTRICT_CODES.match(head):
        return "district"
    if _COMMUNE_CODES.match(head):
        return "commune"
    if _PROVINCE_CODES.match(head) or head.startswith("S"):
        return "province"
    if head.startswith("B") and len(head) >= 3 and _ascii_d(head[1:]) in {c[1:] for c in central if c.startswith("B")}:
        return "central"  # a ministry's code spelled with another first letter of "Bộ"
    return None


def symbol_year(symbol: str | None) -> int | None:
    """The year written in a State symbol ("12/2017/QĐ-TTg"), else None.

    >>> symbol_year("12/2017/QĐ-TTg"), symbol_year("12/QĐ-TTg"), symbol_year("35-NQ/TW")
    (2017, None, None)
    """
    m = _STATE_SYMBOL.match(symbol or "")
    return int(m["year"]) if m and m["year"] else None


def written_year(mention: str | None) -> int | None:
    """The year of the State symbol a mention's text writes, else None.

    >>> written_year("Nghị định số 22/2023/NĐ-CP ngày 12/5/2023"), written_year("Nghị định 22/NĐ-CP")
    (2023, None)
    """
    m = _WRITTEN_YEAR.search(mention or "")
    return int(m[1]) if m else None


def symbol_series(type: str | None, symbol: str | None) -> str | None:
    """``normative`` / ``administrative`` for a symbol of a type that has both series
    (``SERIES_TYPES``), told by the year in the symbol; None when the symbol does not tell.

    >>> symbol_series("QĐ", "12/2017/QĐ-TTg"), symbol_series("QĐ", "12/QĐ-TTg"), symbol_series("NQ", "35-NQ/TW")
    ('normative', 'administrative', None)
    >>> symbol_series("KH", "12/KH-UBND"), symbol_series("QĐ", None)
    (None, None)
    """
    if (type or "").replace("Ð", "Đ").upper() not in SERIES_TYPES:
        return None
    m = _STATE_SYMBOL.match(symbol or "")
    if not m:
        return None
    return "normative" if m["year"] else "administrative"


def is_central_issuer(issuer_code: str | None) -> bool:
    """Whether an issuer code names a central body (Party centre, State centre, ministry).

    >>> is_central_issuer("BTGDVTW"), is_central_issuer("TU"), is_central_issuer("QH14")
    (True, False, True)
    """
    return level_of_code(issuer_code) == "central"


@lru_cache(maxsize=1 << 16)
def slug(value: str) -> str:
    """Lower-case ASCII slug: accents dropped, Đ read as D, runs of other characters as '-'.

    >>> slug("Tam Đường")
    'tam-duong'
    """
    text = value.replace("Đ", "D").replace("đ", "d").replace("Ð", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "_"


@lru_cache(maxsize=1 << 18)
def directive_id(
    type: str | None,
    number: str | None,
    issuer_code: str | None,
    *,
    year: int | None = None,
    term: str | None = None,
    congress: str | None = None,
    province: str | None = None,
    district: str | None = None,
    commune: str | None = None,
    scope: str | None = None,
    level: str | None = None,
    series: str | None = None,
) -> str:
    """The canonical id of a directive (see the module docstring for the rules).

    ``level`` ("central", "province", "district", "commune"), when the extractor knows it
    from the issuer's name, overrides the guess from the code: a body's report coded
    "164/BC-BKTNS" by a city council's committee is local, not a ministry's.

    >>> directive_id("BC", "164", "BKTNS", year=2025, province="Hà Nội", level="province")
    'vn/ha-noi/bktns/bc/2025/164'

    ``series`` (``symbol_series``): ``administrative`` marks the period of a dated directive
    of a two-series type, so that "12/QĐ-TTg" of 2017 is never "12/2017/QĐ-TTg".
    """
    issuer = slug(issuer_code or "_")
    central = level == "central" if level in ("central", "province", "district", "commune") else is_central_issuer(issuer_code)
    if central:
        jurisdiction = "national"
    elif province:
        parts = [province, district, commune]
        jurisdiction = "/".join(slug(p) for p in parts if p)
        jurisdiction = jurisdiction.replace("/", ".")
    else:
        jurisdiction = "~" + slug(scope or "unknown")
    kind = slug(type or "_")
    if not number and congress:
        return f"vn/{jurisdiction}/{issuer}/{kind}/dai-hoi/{slug(congress)}"
    if not number:  # a document whose number was not read: its own text's, never pooled
        return f"vn/~{slug(scope or 'unknown')}/{issuer}/{kind}/_/_"
    period = str(year) if year else (f"k{slug(term)}" if term else "_")
    if year and series == "administrative" and kind.upper() in {slug(t).upper() for t in SERIES_TYPES}:
        period += "-hc"
    num = str(int(number)) if str(number).isdigit() else slug(str(number))
    return f"vn/{jurisdiction}/{issuer}/{kind}/{period}/{num}"
