"""Search: how a search text is read (an id, a symbol, a type word with a number, or title
words) and the store's search SQL.

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

from typing import Callable, Iterable

from vbgraph.ingest.tables import type_names, type_of_word, type_words
from vbgraph.ingest.identity import slug

from .merge import homonym_key, key_prefix

__all__ = ["Query", "parse_query", "search_ids", "TYPE_WORDS"]

# Type words a user may type (as slugs) → type code, from the extractor's table
# (ingest/data/types.csv): each code's name and every longer Vietnamese type phrase; one-word
# variants ("điện") are left out, since words of titles and places would be read as types.
_NAMES = {slug(name) for name in type_names().values()}
TYPE_WORDS = {
    slug(word): code
    for word in type_words()
    if (code := type_of_word(word)) not in ("-", "VB")
    and slug(word) != word.replace(" ", "-")
    and (slug(word) in _NAMES or " " in word)
}
_CODES = {slug(c): c for c in set(TYPE_WORDS.values())}
_LONGEST_TYPE_WORD = max(len(w.split("-")) for w in TYPE_WORDS)  # words in the longest type phrase

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
    code = _code(type)
    return homonym_key(code, number, issuer) if issuer else key_prefix(code, number)


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
    words = [w for w in slug(text).split("-") if w != "_"] if text else []
    for n in range(min(len(words), _LONGEST_TYPE_WORD), 0, -1):
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


# Type codes a user may mean by one another: "368-QĐ/TW" is often a Quy định (QĐi).
_FAMILIES = ({"QĐ", "QĐI"}, {"L", "LUẬT"})


def _family(key: str) -> list[str]:
    """The keys (or key prefixes) of every type code a user may mean by ``key``'s.

    >>> _family("QĐ|368|TW")
    ['QĐ|368|TW', 'QĐI|368|TW']
    """
    code, _, rest = key.partition("|")
    for family in _FAMILIES:
        if code in family:
            return [f"{c}|{rest}" for c in sorted(family)]
    return [key]


# Most-cited first (distinct citing files, not counting citations still ambiguous between
# several directives), then directives with their own text, then by id.
_SEARCH_ORDER = (
    "ORDER BY (SELECT count(DISTINCT path) FROM edges e WHERE e.dst = d.id AND e.candidates IS NULL) DESC, "
    "status = 'document' DESC, id LIMIT ?"
)


def search_ids(run: Callable[[str, Iterable], list[tuple]], text: str, limit: int) -> list[str]:
    """Ids of the store's directives matching ``text``, best first; ``run(sql, params)`` runs a query.

    >>> import sqlite3
    >>> con = sqlite3.connect(":memory:")
    >>> _ = con.executescript("CREATE TABLE directives(id, key, number, words, status); CREATE TABLE edges(dst, path, candidates);"
    ...     "INSERT INTO directives VALUES ('vn/national/tw/nq/2018/35', 'NQ|35|TW', '35', ' 35 nq tw ', 'cited-only')")
    >>> search_ids(lambda sql, params: con.execute(sql, tuple(params)).fetchall(), "Nghị quyết 35", 10)
    ['vn/national/tw/nq/2018/35']
    """
    q = parse_query(text)
    where, params = [], []
    if q.id:
        where.append("id = ?")
        params.append(q.id)
    if q.key:
        keys = _family(q.key)
        where.append(f"key IN ({','.join('?' * len(keys))})")
        params += keys
    elif q.key_prefix:  # ranges, not LIKE, so that the key index is used
        prefixes = _family(q.key_prefix)
        where.append("(" + " OR ".join("(key >= ? AND key < ?)" for _ in prefixes) + ")")
        params += [v for p in prefixes for v in (p, p + "\U0010ffff")]
    elif q.number:
        where.append("number IN (?, ?)")
        params += [q.number, q.number.zfill(2)]
    for word in q.words:
        where.append("words LIKE ?")
        params.append(f"% {word}%")
    if not where:
        return []
    return [r[0] for r in run(f"SELECT id FROM directives d WHERE {' AND '.join(where)} {_SEARCH_ORDER}", (*params, limit))]
