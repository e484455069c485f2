"""How a search text is read: an id, a symbol, a type word with a number, or title words.

>>> parse_query("35-NQ/TW").key
'NQ|35|TW'
>>> q = parse_query("Kết luận 224 Lai Châu"); q.key_prefix, q.words
('KL|224|', ('lai', 'chau'))
>>> parse_query("13/2023/NĐ-CP").key
'NĐ|13|CP'
>>> parse_query("NQ 35").key_prefix
'NQ|35|'
>>> parse_query("chuyển đổi số").words
('chuyen', 'doi', 'so')
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from vbgraph.ingest.identity import slug

__all__ = ["Query", "parse_query", "TYPE_WORDS"]

# Type words (as slugs) → type code, after CONTRACT.md's table of codes.
TYPE_WORDS = {
    "nghi-quyet": "NQ", "ket-luan": "KL", "chi-thi": "CT", "ke-hoach": "KH", "quyet-dinh": "QĐ",
    "quy-dinh": "QĐi", "huong-dan": "HD", "nghi-dinh": "NĐ", "thong-tu": "TT", "luat": "L",
    "bo-luat": "L", "chuong-trinh": "CTr", "chuong-trinh-hanh-dong": "CTr", "de-an": "ĐA",
    "thong-bao": "TB", "bao-cao": "BC", "cong-van": "CV", "cong-dien": "CĐ", "to-trinh": "TTr",
    "quy-che": "QC", "van-ban-hop-nhat": "VBHN", "phap-lenh": "PL", "phuong-an": "PA",
    "sac-lenh": "SL", "giay-phep": "GP",
}
_CODES = {slug(c): c for c in set(TYPE_WORDS.values())}

# "35-NQ/TW", "06-KH/BTGDVTU": Party style, number-type/issuer.
_PARTY_SYMBOL = re.compile(r"(?P<number>\d+)\s*-\s*(?P<type>[A-Za-zĐđÐ]+)\s*/\s*(?P<issuer>[A-Za-zĐđÐ0-9-]+)")
# "132/KH-ĐUK", "13/2023/NĐ-CP": State style, number[/year]/type-issuer.
_STATE_SYMBOL = re.compile(
    r"(?P<number>\d+)\s*/\s*(?:(?P<year>\d{4})\s*/\s*)?(?P<type>[A-Za-zĐđÐ]+)\s*-\s*(?P<issuer>[A-Za-zĐđÐ0-9]+)"
)
_NUMBER = re.compile(r"\b(\d{1,5})\b")


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed search text: at most one of id / key / key prefix / number, plus words."""

    id: str | None = None
    key: str | None = None
    key_prefix: str | None = None
    number: str | None = None
    words: tuple[str, ...] = ()


def _code(type_text: str) -> str:
    return _CODES.get(slug(type_text), type_text.replace("Ð", "Đ").upper())


def _key(type: str, number: str, issuer: str | None) -> str:
    head = f"{_code(type).upper()}|{int(number)}|"
    return head + issuer.replace("Ð", "Đ").upper() if issuer else head


def parse_query(text: str) -> Query:
    """Read a search text (see the module docstring for the forms)."""
    text = text.strip()
    if text.startswith("vn/"):
        return Query(id=text)
    for pattern in (_PARTY_SYMBOL, _STATE_SYMBOL):
        m = pattern.search(text)
        if m:
            rest = (text[: m.start()] + " " + text[m.end() :]).strip()
            return Query(key=_key(m["type"], m["number"], m["issuer"]), words=_plain_words(rest, drop_types=True))
    words = slug(text).split("-") if text else []
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n + 1):
            phrase = "-".join(words[i : i + n])
            code = TYPE_WORDS.get(phrase) or (_CODES.get(phrase) if n == 1 else None)
            after = words[i + n] if i + n < len(words) else ""
            if code and after.isdigit():
                rest = words[:i] + words[i + n + 1 :]
                return Query(key_prefix=_key(code, after, None), words=tuple(rest))
    m = _NUMBER.search(text)
    if m and len(words) == 1:
        return Query(number=str(int(m[1])))
    return Query(words=tuple(w for w in words if w))


def _plain_words(text: str, *, drop_types: bool) -> tuple[str, ...]:
    words = [w for w in slug(text).split("-") if w and w != "_"]
    if drop_types:
        joined = "-".join(words)
        for phrase in sorted(TYPE_WORDS, key=len, reverse=True):
            joined = re.sub(rf"(^|-){phrase}(-|$)", "-", joined)
        words = [w for w in joined.split("-") if w and w not in ("so",)]
    return tuple(words)
