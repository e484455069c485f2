"""Normalise text for matching while keeping a map back to the original offsets.

The patterns run on a normalised copy: NFC, Ð (U+00D0) read as Đ, dash variants
folded to '-', non-breaking and other spaces folded to ' ', zero-width marks
dropped, Cyrillic look-alikes inside symbols read as Latin, and "TƯ" after a
slash read as "TW". Every offset found in the copy maps back into the original
with :meth:`NormText.to_original`.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

from . import regexes as rx

__all__ = ["NormText", "normalize", "fold_code"]


# One-for-one replacements (length preserving).
_TRANSLATE = str.maketrans(
    {
        "\u00d0": "Đ",  # Ð (Icelandic eth) typed for Đ
        "\u00f0": "đ",
        "\u0189": "Đ",  # Ɖ (African D)
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
        "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ",
        "\u2008": " ", "\u205f": " ", "\u3000": " ", "\t": " ",
        "\uff0f": "/", "\u2044": "/", "\u2215": "/",
        "\r": "\n",
    }
)

# Cyrillic letters that look like Latin ones, read as Latin inside symbols.
_CYRILLIC_TO_LATIN = str.maketrans(
    "АВЕКМНОРСТХУІЈаеорсхуіј", "ABEKMHOPCTXYIJaeopcxyij"
)
_NEEDS_TRANSLATE = re.compile("[" + "".join(re.escape(chr(c)) for c in _TRANSLATE) + "]+")


def _translate(text: str, chars: set[str] | None = None) -> str:
    """``text.translate(_TRANSLATE)``, done as one ``str.replace`` per character present
    (a text has one to three of them; ``translate`` costs a dict look-up per character).
    ``chars``: the special characters of the text, when already known."""
    if chars is None:
        chars = set("".join(_NEEDS_TRANSLATE.findall(text)))
    for char in chars:
        if ord(char) in _TRANSLATE:
            text = text.replace(char, _TRANSLATE[ord(char)])  # no replacement is itself replaced
    return text


# Any character some step below would change (one scan decides whether to run them).
_ANY_SPECIAL = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in _TRANSLATE)
    + "\u0400-\u04ff\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\u200b-\u200d\u2060\ufeff\u00ad]"
)
# Runs of them: one ``findall`` tells which steps a text needs (the common text has none).
_SPECIAL_RUNS = re.compile(_ANY_SPECIAL.pattern + _ANY_SPECIAL.pattern + "*")  # not "[…]+": sre skips to a class only


@dataclass(frozen=True, slots=True)
class NormText:
    """A normalised text and the map of its offsets back to the original.

    >>> n = normalize("Nghi\u0323 quyê\u0301t 35\u2013NQ/TƯ")
    >>> n.text
    'Nghị quyết 35-NQ/TW'
    >>> n.original[n.to_original(11):n.to_original(19)]
    '35–NQ/TƯ'
    """

    text: str
    original: str
    # Anchors of a piecewise-linear map: positions in ``text`` and in ``original``.
    norm_anchors: tuple[int, ...] = ()
    orig_anchors: tuple[int, ...] = ()
    _flat: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def flat(self) -> str:
        """The text with single line breaks read as spaces (same length, same offsets):
        portals break lines inside sentences and numbers ("Kế hoạch số\n283/KH-UBND");
        a blank line still ends a paragraph. Computed once (every stage reads it)."""
        if self._flat is None:
            object.__setattr__(self, "_flat", self._flatten())
        return self._flat

    def _flatten(self) -> str:
        text = self.text
        if "\n" not in text:
            return text
        if "\n\n" not in text:
            return text.replace("\n", " ")
        parts = rx.PARAGRAPH_BREAK_SPLIT.split(text)  # paragraphs, with the breaks between them
        parts[::2] = [part.replace("\n", " ") for part in parts[::2]]
        return "".join(parts)

    def to_original(self, pos: int) -> int:
        """The original offset of position ``pos`` of the normalised text."""
        if not self.norm_anchors:
            return pos
        i = bisect.bisect_right(self.norm_anchors, pos) - 1
        if i < 0:
            return pos
        base_n, base_o = self.norm_anchors[i], self.orig_anchors[i]
        nxt = self.orig_anchors[i + 1] if i + 1 < len(self.orig_anchors) else len(self.original)
        return min(base_o + (pos - base_n), max(nxt, base_o))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of a normalised span; covers every original character."""
        return self.to_original(start), self.to_original(end) if end > start else self.to_original(start)


def normalize(text: str) -> NormText:
    """Normalise ``text`` for matching (see the module docstring).

    >>> normalize("146/2006/NÐ-CP").text
    '146/2006/NĐ-CP'
    >>> normalize("Số 12-КН/ТU").text
    'Số 12-KH/TU'
    """
    # One-for-one replacements first (same length, same offsets), so that composition
    # below also sees letters that were Cyrillic look-alikes.
    out = text
    special = set("".join(_SPECIAL_RUNS.findall(text)))
    if not special and "/TƯ" not in text and "/TỨ" not in text and unicodedata.is_normalized("NFC", text):
        return NormText(text, text)  # the common case: one scan, nothing to change
    # Which steps the text needs, read from the special characters it has (translating
    # adds no Cyrillic letter, and no step adds or removes a combining or zero-width mark).
    chars = "".join(special)
    if _NEEDS_TRANSLATE.search(chars):
        out = _translate(out, special)
    if rx.CYRILLIC.search(chars):
        out = rx.CYRILLIC_TOKEN.sub(_latinise_token, out)
    norm_anchors: list[int] = []
    orig_anchors: list[int] = []
    if rx.NEEDS_EDIT.search(chars) or not unicodedata.is_normalized("NFC", out):
        out, norm_anchors, orig_anchors = _apply_edits(out)
    if "/TƯ" in out or "/TỨ" in out:
        out = rx.TU_CENTRAL.sub("/TW", out)
    return NormText(out, text, tuple(norm_anchors), tuple(orig_anchors))


def _latinise_token(match: re.Match) -> str:
    """Read a token as Latin when every Cyrillic letter in it has a look-alike and
    it looks like part of a symbol (a digit or '/' in it, or Latin capitals beside)."""
    token = match.group(0)
    latin = token.translate(_CYRILLIC_TO_LATIN)
    if rx.CYRILLIC.search(latin) or not rx.LATINISH.search(token):
        return token
    return latin


def _apply_edits(text: str) -> tuple[str, list[int], list[int]]:
    """NFC-compose combining runs and drop zero-width marks, recording anchors."""
    edits: list[tuple[int, int, str]] = []
    for m in rx.COMBINING_RUN.finditer(text):
        composed = unicodedata.normalize("NFC", rx.ZERO_WIDTH.sub("", m.group(0)))
        if composed != m.group(0):
            edits.append((m.start(), m.end(), composed))
    for m in rx.DROPPED.finditer(text):
        edits.append((m.start(), m.end(), ""))
    edits.sort()
    pieces: list[str] = []
    norm_anchors, orig_anchors = [0], [0]
    pos = npos = 0
    for start, end, repl in edits:
        if start < pos:  # overlapping edit (a dropped mark inside a combining run)
            continue
        pieces.append(text[pos:start])
        npos += start - pos
        pieces.append(repl)
        norm_anchors.append(npos)
        orig_anchors.append(start)
        npos += len(repl)
        pos = end
        norm_anchors.append(npos)
        orig_anchors.append(end)
    pieces.append(text[pos:])
    out = "".join(pieces)
    if not unicodedata.is_normalized("NFC", out) and len(unicodedata.normalize("NFC", out)) == len(out):
        out = unicodedata.normalize("NFC", out)
    return out, norm_anchors, orig_anchors


_CODE_FOLD = str.maketrans({"\u00d0": "Đ", "đ": "Đ", "\u0189": "Đ"})


def fold_code(code: str) -> str:
    """Canonical spelling of a symbol code: spaces dropped, Ð read as Đ, TƯ as TW.

    >>> fold_code("Ð UK")
    'ĐUK'
    """
    if not code.isalnum():  # spaces or punctuation: drop the spaces (``split`` splits where ``\s`` matches)
        code = "".join(code.split())
    code = code.translate(_CODE_FOLD)
    return "TW" if code in ("TƯ", "TỨ") else code
