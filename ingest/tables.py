"""Tables kept as data (``ingest/data/*.csv``), read once on first use: type words
(``types.csv``), symbol type parts, issuer phrases, aliases and Party terms. Each is the
one home of its vocabulary; ``graph`` and ``app`` import it from here."""
from __future__ import annotations

import csv
from functools import cache, lru_cache
from importlib import resources

__all__ = [
    "type_words", "type_of_word", "type_names", "plan_words", "issuer_ending_words", "symbol_type", "issuer_phrases", "issuer_code_of", "aliases",
    "party_terms", "term_years",
]


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


@lru_cache(maxsize=4096)  # called for every type word near a symbol; a corpus writes a few hundred ways
def type_of_word(word: str) -> str | None:
    """The type code of a type word as written (any case, any spacing).

    >>> type_of_word("QUY  ĐỊNH"), type_of_word("Chương trình hành động")
    ('QĐi', 'CTr')
    """
    return _types().get(" ".join(word.lower().split()))


@cache
def type_names() -> dict[str, str]:
    """The word that names each type code (column ``name`` of ``types.csv``), capitalised.

    >>> type_names()["NQ"], type_names()["QĐi"], type_names()["CTr"]
    ('Nghị quyết', 'Quy định', 'Chương trình')
    """
    return {row["code"]: row["word"][:1].upper() + row["word"][1:] for row in _rows("types.csv") if row["name"] == "y"}


@cache
def issuer_ending_words() -> tuple[str, ...]:
    """Type words that, capitalised after "và", end an issuer phrase (column ``ends_issuer``):
    "của Ủy ban nhân dân tỉnh và Kế hoạch số …".

    >>> "Kế hoạch" in issuer_ending_words(), "Tờ trình" in issuer_ending_words()
    (True, False)
    """
    return tuple(row["word"][:1].upper() + row["word"][1:] for row in _rows("types.csv") if row["ends_issuer"] == "y")


@cache
def plan_words() -> tuple[str, ...]:
    """Type words of plan-like documents (column ``plan``), capitalised: the subject of a
    report's sentence that says what the plan carries out ("Kế hoạch nêu rõ, thực hiện …").

    >>> "Kế hoạch" in plan_words(), "Nghị quyết" in plan_words()
    (True, False)
    """
    return tuple(row["word"][:1].upper() + row["word"][1:] for row in _rows("types.csv") if row["plan"] == "y")


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


@cache
def party_terms() -> dict[str, tuple[int, int]]:
    """Each Party term (khóa) and the years of the congresses that opened and closed it
    (``data/party_terms.csv``), oldest first.

    >>> party_terms()["XII"], list(party_terms())[:3]
    ((2016, 2021), ['I', 'II', 'III'])
    """
    return {row["term"]: (int(row["opened"]), int(row["closed"])) for row in _rows("party_terms.csv")}


def term_years(term: str | None) -> tuple[int, int] | None:
    """The years a Party term spans (both congress years included), or None for no term.

    >>> term_years("XII"), term_years("khóa xiii"), term_years("XX")
    ((2016, 2021), (2021, 2026), None)
    """
    if not term:
        return None
    key = term.upper().replace("KHÓA", "").replace("KHOÁ", "").strip()
    return party_terms().get(key)
