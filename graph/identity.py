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
* A congress resolution has no number: ``…/nq/dai-hoi/<congress>``.

>>> directive_id("NQ", "35", "TW", year=2018)
'vn/national/tw/nq/2018/35'
>>> directive_id("KH", "61", "TU", year=2021, province="Lai Châu")
'vn/lai-chau/tu/kh/2021/61'
>>> directive_id("KH", "57", "TU", year=2023, scope="004.txt")
'vn/~004-txt/tu/kh/2023/57'
>>> directive_id("NQ", None, "TW", congress="XIII")
'vn/national/tw/nq/dai-hoi/xiii'
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["directive_id", "slug", "is_central_issuer", "LOCAL_ISSUER_SUFFIXES"]

# Issuer codes whose directives belong to a province, district or commune.
LOCAL_ISSUER_SUFFIXES = ("TU", "HU", "QU", "ĐU", "ĐUK", "UBND", "HĐND", "TX", "THU", "BCĐ")
_LOCAL_PREFIXES = ("UBND", "HĐND", "S", "BCĐ")
_CENTRAL_EXACT = {"TW", "CP", "TTG", "QH", "VPCP", "VPTW", "UBTVQH", "CTN", "TANDTC", "VKSNDTC", "NHNN"}


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


@lru_cache(maxsize=4096)
def is_central_issuer(issuer_code: str | None) -> bool:
    """Whether an issuer code names a central body (Party centre, State centre, ministry).

    >>> is_central_issuer("BTGDVTW"), is_central_issuer("TU"), is_central_issuer("QH14")
    (True, False, True)
    """
    if not issuer_code:
        return False
    code = issuer_code.upper().replace("Ð", "Đ")
    head = code.split("-")[0]
    if code in _CENTRAL_EXACT or head in _CENTRAL_EXACT or re.fullmatch(r"QH\d*|UBTVQH\d*", head):
        return True
    if code.endswith("TW"):
        return True
    if any(code.endswith(s) for s in LOCAL_ISSUER_SUFFIXES):
        return False
    if head.startswith(_LOCAL_PREFIXES):
        return False
    # Ministries: B + initials (BTC, BXD, BGDĐT, BLĐTBXH …)
    return head.startswith("B") and len(head) >= 2


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
) -> str:
    """The canonical id of a directive (see the module docstring for the rules).

    ``level`` ("central", "province", "district", "commune"), when the extractor knows it
    from the issuer's name, overrides the guess from the code: a body's report coded
    "164/BC-BKTNS" by a city council's committee is local, not a ministry's.

    >>> directive_id("BC", "164", "BKTNS", year=2025, province="Hà Nội", level="province")
    'vn/ha-noi/bktns/bc/2025/164'
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
    if not number:
        return f"vn/{jurisdiction}/{issuer}/{kind}/dai-hoi/{slug(congress or '_')}"
    period = str(year) if year else (f"k{slug(term)}" if term else "_")
    num = str(int(number)) if str(number).isdigit() else slug(str(number))
    return f"vn/{jurisdiction}/{issuer}/{kind}/{period}/{num}"
