"""Legacy Vietnamese font encodings: detect them and convert them to Unicode.

Before Unicode, Vietnamese was typed in 8-bit fonts: TCVN3 (ABC; fonts
``.VnTime``, ``.VnArial``) and VNI (``VNI-Times``). Such text, copied out of
its font or read as Latin-1/cp1252, turns into mojibake like ``quyÕt``
(TCVN3 for "quyết") or ``Nghò quyeát`` (VNI for "Nghị quyết").

The byte tables are data: ``ingest/data/legacy_vn.csv`` (one row per legacy
sequence, as code points, and its Unicode letter).

Detection converts the text both ways and keeps the reading whose words are
most often well-formed Vietnamese syllables (:func:`vietnamese_score`).
"""
from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from . import regexes as rx

__all__ = [
    "LEGACY_ENCODINGS", "detect_legacy", "convert_legacy", "encode_legacy", "legacy_table", "legacy_share", "vietnamese_score",
]

LEGACY_ENCODINGS = ("tcvn3", "vni")

_SAMPLE_CHARS = 50_000  # detection looks at this much text at most
_MIN_GAIN = 0.15  # a conversion must make this many more words valid syllables
_MIN_SCORE = 0.75  # ... and leave at least this share of words valid (real texts: 95% of files score > 0.92)


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _table(encoding: str) -> dict[str, str]:
    """Legacy sequence → Unicode letter for one encoding, read from the CSV."""
    rows = resources.files("vbgraph.ingest").joinpath("data/legacy_vn.csv").read_text(encoding="utf-8")
    lines = (line for line in rows.splitlines() if line and not line.startswith("#"))
    table = {}
    for row in csv.DictReader(lines):
        if row["encoding"] == encoding:
            legacy = "".join(chr(int(cp, 16)) for cp in row["legacy_hex"].split())
            table[legacy] = row["unicode"]
    return table


@lru_cache(maxsize=None)
def _pattern(encoding: str) -> re.Pattern[str]:
    """One alternation of every legacy sequence, longest first."""
    keys = sorted(_table(encoding), key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys))


# ---------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------


def vietnamese_score(text: str) -> float:
    """The share of words in ``text`` that are well-formed Vietnamese syllables.

    Words are runs of letters; a word counts when, lowercased and without its
    tone mark, it is onset + vowel nucleus + coda and carries at most one tone.
    Returns 0.0 for text without words.

    >>> vietnamese_score("Nghị quyết của Bộ Chính trị")
    1.0
    >>> vietnamese_score("Ngh\\xde quyÕt")
    0.0
    """
    words = rx.WORD.findall(unicodedata.normalize("NFC", text))
    if not words:
        return 0.0
    return sum(map(_is_syllable, words)) / len(words)


def detect_legacy(text: str) -> str | None:
    """``"tcvn3"`` or ``"vni"`` when ``text`` is legacy-font mojibake, else None.

    >>> detect_legacy("Ngh\\xde quyÕt cña Bé ChÝnh trÞ")
    'tcvn3'
    >>> detect_legacy("Nghò quyeát cuûa Boä Chính trò")
    'vni'
    >>> detect_legacy("Nghị quyết của Bộ Chính trị") is None
    True
    """
    sample = _legacy_lines(text[:_SAMPLE_CHARS])
    if len(rx.HIGH_LATIN1.findall(sample)) < 2:
        return None
    before = vietnamese_score(sample)
    best, best_score = None, before + _MIN_GAIN
    for encoding in LEGACY_ENCODINGS:
        score = vietnamese_score(_convert_all(sample, encoding))
        if score >= best_score and score >= _MIN_SCORE:
            best, best_score = encoding, score
    return best


def convert_legacy(text: str, encoding: str) -> str:
    """``text`` read in a legacy font ``encoding`` (``tcvn3`` or ``vni``), as Unicode (NFC).

    Lines that already contain Unicode-only Vietnamese letters (ư, ơ, đ, ạ …)
    are left alone, so a page that mixes a Unicode menu with a legacy body
    converts only the body.

    >>> convert_legacy("Ngh\\xde quyÕt sè 35", "tcvn3")
    'Nghị quyết số 35'
    >>> convert_legacy("Nghò quyeát soá 35", "vni")
    'Nghị quyết số 35'
    """
    if encoding not in LEGACY_ENCODINGS:
        raise ValueError(f"unknown legacy encoding {encoding!r}; allowed: {', '.join(LEGACY_ENCODINGS)}")
    return "".join(
        line if rx.UNICODE_VIET_LETTER.search(line) else _convert_all(line, encoding)
        for line in rx.LINE.findall(text)
    )


def legacy_table(encoding: str) -> dict[str, str]:
    """Unicode letter → its legacy sequence (as Latin-1/cp1252 characters): the table of
    :func:`convert_legacy` read backwards.

    >>> legacy_table("vni")["ị"]
    'ò'
    """
    if encoding not in LEGACY_ENCODINGS:
        raise ValueError(f"unknown legacy encoding {encoding!r}; allowed: {', '.join(LEGACY_ENCODINGS)}")
    return dict(_reverse(encoding))


@lru_cache(maxsize=None)
def _reverse(encoding: str) -> tuple[tuple[str, str], ...]:
    return tuple({letter: legacy for legacy, letter in _table(encoding).items()}.items())


def encode_legacy(text: str, encoding: str) -> str:
    """``text`` as it looks when typed in a legacy font and read as Latin-1/cp1252: the
    inverse of :func:`convert_legacy`, to make test inputs. TCVN3 has no toned capitals
    (its capital fonts reuse the lowercase codes), so those come out lowercase.

    >>> encode_legacy("Nghị quyết", "vni")
    'Nghò quyeát'
    >>> convert_legacy(encode_legacy("Nghị quyết số 35", "tcvn3"), "tcvn3")
    'Nghị quyết số 35'
    """
    table = legacy_table(encoding)
    out = []
    for c in unicodedata.normalize("NFC", text):
        if c not in table and encoding == "tcvn3" and c.isupper() and c.lower() in table:
            c = c.lower()
        out.append(table.get(c, c))
    return "".join(out)


def legacy_share(text: str) -> float:
    """The share of words that hold a legacy sequence and are no Vietnamese syllable.

    High for mojibake (converted or not), low for Unicode Vietnamese; only
    lines without Unicode-only Vietnamese letters are looked at.

    >>> round(legacy_share("Ngh\\xde quyÕt cña Bé ChÝnh trÞ"), 2)
    0.67
    >>> legacy_share("Nghị quyết của Bộ Chính trị")
    0.0
    """
    words = rx.WORD.findall(_legacy_lines(text[:_SAMPLE_CHARS]))
    if not words:
        return 0.0
    marked = _marked_words()
    return sum(1 for w in words if marked.search(w) and not _is_syllable(w)) / len(words)


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def _convert_all(text: str, encoding: str) -> str:
    table = _table(encoding)
    return _pattern(encoding).sub(lambda m: table[m.group()], text)


@lru_cache(maxsize=None)
def _marked_words() -> re.Pattern[str]:
    """Any character that starts or ends a legacy sequence and is not ASCII."""
    chars = {c for enc in LEGACY_ENCODINGS for key in _table(enc) for c in key if ord(c) > 0x7F}
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


def _legacy_lines(text: str) -> str:
    """The lines of ``text`` that could be legacy text (no Unicode-only letters)."""
    return "\n".join(rx.LEGACY_LINE.findall(text))


def _is_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    bare, tones = rx.TONE_MARKS.subn("", decomposed)
    return tones <= 1 and rx.SYLLABLE.fullmatch(unicodedata.normalize("NFC", bare)) is not None
