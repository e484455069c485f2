"""Tables kept as data (``ingest/data/*.csv``), read once on first use."""
from __future__ import annotations

import csv
from functools import cache
from importlib import resources

__all__ = ["type_words", "type_of_word", "symbol_type", "issuer_phrases", "issuer_code_of", "aliases"]


def _rows(name: str) -> list[dict]:
    text = resources.files("vbgraph.ingest").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines))


@cache
def _types() -> dict[str, str]:
    return {row["word"]: row["code"] for row in _rows("types.csv")}


def type_words() -> list[str]:
    """Every type word, lower case.

    >>> "nghị quyết" in type_words()
    True
    """
    return list(_types())


def type_of_word(word: str) -> str | None:
    """The type code of a type word as written (any case, any spacing).

    >>> type_of_word("QUY  ĐỊNH"), type_of_word("Chương trình hành động")
    ('QĐi', 'CTr')
    """
    return _types().get(" ".join(word.lower().split()))


@cache
def _symbol_types() -> dict[str, tuple[str, frozenset]]:
    out = {}
    for row in _rows("symbol_types.csv"):
        out[row["part"].upper()] = (row["code"], frozenset(row["compatible"].split("|")))
    return out


def symbol_type(part: str, word_code: str | None = None) -> str | None:
    """The type code of a symbol's type part, or None when it is not a type part or the
    text's type word says otherwise.

    >>> symbol_type("QĐ", "QĐi"), symbol_type("CT", "CV"), symbol_type("TTLT"), symbol_type("VBHN", "TT")
    ('QĐi', None, 'TT', 'VBHN')
    """
    found = _symbol_types().get(part.upper())
    if found is None:
        return None
    code, compatible = found
    if word_code is None or "*" in compatible:
        return code
    return word_code if word_code in compatible else None


@cache
def issuer_phrases() -> list[tuple[str, str, str]]:
    """(phrase, code, level), longest phrase first."""
    rows = [(r["phrase"], r["code"], r["level"]) for r in _rows("issuers.csv")]
    return sorted(rows, key=lambda r: len(r[0]), reverse=True)


@cache
def aliases() -> list[dict]:
    """Rows of the alias table of well-known central directives (empty if absent)."""
    try:
        return _rows("aliases.csv")
    except FileNotFoundError:
        return []


def issuer_code_of(phrase: str) -> tuple[str, str] | None:
    """(code, level) of the longest issuer phrase of ``issuers.csv`` inside ``phrase``.

    >>> issuer_code_of("Ban Thường vụ Huyện ủy Tam Đường")
    ('HU', 'district')
    """
    low = " ".join(phrase.lower().replace("uỷ", "ủy").split())
    for words, code, level in issuer_phrases():
        if words in low:
            return code, level
    return None
