"""Vietnamese text for staff: collation order, dates, counts, Markdown-safe text.

Sorting by code point puts "Đắk Lắk" after "Yên Bái" and "Bắc Ninh" after "Bình
Định"; ``sort_key`` orders the letters as a Vietnamese dictionary does
(a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y), then the tones
(none, huyền, hỏi, ngã, sắc, nặng).

>>> sorted(["Yên Bái", "Đắk Lắk", "Bình Định", "Bắc Ninh", "An Giang", "Ân Thi", "Bạc Liêu", "Bà Rịa"], key=sort_key)
['An Giang', 'Ân Thi', 'Bà Rịa', 'Bạc Liêu', 'Bắc Ninh', 'Bình Định', 'Đắk Lắk', 'Yên Bái']
>>> date_vi("2025-11-18"), date_vi(None, 2025), date_vi(None)
('18/11/2025', '2025', '')
>>> count_vi(99896)
'99.896'
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date

__all__ = ["sort_key", "sorted_vi", "date_vi", "parse_date", "count_vi", "md_escape", "same_text", "text_key"]

_LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {ch: i for i, ch in enumerate(_LETTERS)}
# Combining marks that make a new letter (breve, circumflex, horn) and those that are tones.
_LETTER_MARKS = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê", ("o", "\u0302"): "ô",
                 ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _rank(ch: str) -> int:
    """Spaces and punctuation first (a shorter word before a longer one), then digits, letters, the rest."""
    if ch in _RANK:
        return 20 + _RANK[ch]
    if ch.isdigit():
        return 1 + int(ch) if ch.isascii() else 11
    return 0 if not ch.isalnum() else 100 + ord(ch)


def sort_key(text: str | None) -> tuple:
    """A key ordering Vietnamese words as a dictionary does (letters first, then tones; case ignored)."""
    letters: list[int] = []
    tones: list[int] = []
    for ch in unicodedata.normalize("NFD", (text or "").casefold()):
        if ch in _TONES:
            if tones:
                tones[-1] = _TONES[ch]
            continue
        if unicodedata.combining(ch):
            if letters:
                base = _LETTERS[letters[-1] - 20] if 20 <= letters[-1] < 20 + len(_LETTERS) else ""
                new = _LETTER_MARKS.get((base, ch))
                if new:
                    letters[-1] = _rank(new)
            continue
        letters.append(_rank(ch))
        tones.append(0)
    return tuple(letters), tuple(tones)


def sorted_vi(values) -> list:
    """``values`` in Vietnamese order (``None`` and "" dropped)."""
    return sorted((v for v in values if v), key=sort_key)


def parse_date(value: str | None) -> date | None:
    """An ISO date string (or its first 10 characters) as a date; None when missing or malformed."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def date_vi(value: str | None, year: int | None = None) -> str:
    """dd/mm/yyyy, else the year alone, else "" (never "None")."""
    d = parse_date(value)
    if d is not None:
        return d.strftime("%d/%m/%Y")
    return str(int(year)) if year else ""


def count_vi(value: int) -> str:
    """A count as Vietnamese write it: thousands separated by dots."""
    return f"{int(value):,}".replace(",", ".")


# Characters Markdown (and Streamlit's extensions) would read as markup: images, links,
# emphasis, code, HTML, LaTeX, tables, strikethrough …
_MD_SPECIAL = re.compile(r"([\\`*_\[\]!<>&$~|#])")
# ... and at the start of a line: ordered lists ("1."), quotes, bullets, rules, headings.
_MD_LINE_START = re.compile(r"^(\d+(?=[.)])|)([.)+\-=>])")


def md_escape(text: object) -> str:
    r"""Text from a document, safe inside Markdown and on one line: no image, link, emphasis,
    HTML, formula, heading or list survives; line breaks become spaces.

    >>> print(md_escape("[x](javascript:1) *a* <b> 35-NQ/TW"))
    \[x\](javascript:1) \*a\* \<b\> 35-NQ/TW
    >>> print(md_escape("![x](http://host/x.png)"))
    \!\[x\](http://host/x.png)
    >>> print(md_escape("1. Kế hoạch\n# 35"))
    1\. Kế hoạch \# 35
    """
    line = _MD_SPECIAL.sub(r"\\\1", " ".join(str(text or "").split()))
    return _MD_LINE_START.sub(r"\1\\\2", line)


def text_key(text: str | None) -> str:
    """What is left of a value once case and spacing are ignored (to merge variants)."""
    return " ".join((text or "").split()).casefold()


def same_text(a: str | None, b: str | None) -> bool:
    """Whether two values differ only in case or spacing.

    >>> same_text("Tỉnh ủy  Lai Châu", "TỈNH ỦY LAI CHÂU"), same_text("2021-12-21", "2021-12-22")
    (True, False)
    """
    return text_key(a) == text_key(b)
