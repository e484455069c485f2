"""Each shortcut of the extractor's hot path equals the plain code it replaces.

The hot path finds where citations can start with cheap scans and works only around
them (issue 11); every such shortcut is checked here, on random text, against the
straightforward spelling of the same thing.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vbgraph.ingest import regexes as rx
from vbgraph.ingest.find import symbol_starts

# Digits, separators, spaces, capitals and a non-ASCII digit: symbol starts and near misses.
_SYMBOLISH = st.text(alphabet="0123456789 -/QĐƯKa\n٣", max_size=40)


@settings(max_examples=3000, deadline=None)
@given(_SYMBOLISH)
def test_symbol_starts_equal_symbol_start_finditer(text: str) -> None:
    assert symbol_starts(text) == [m.start() for m in rx.SYMBOL_START.finditer(text)]


_ODD = "ÐðƉ\u2010\u2013\u2212\uff0d\u00a0\u2007\u3000\t\r\n\uff0f\u2044 /-TƯỨWaA1\u0301\u200b\u1680\u2028\x1c"


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=_ODD, max_size=30))
def test_translate_equals_str_translate(text: str) -> None:
    from vbgraph.ingest.normalize import _TRANSLATE, _translate
    assert _translate(text) == text.translate(_TRANSLATE)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=_ODD, max_size=30))
def test_tu_central_equals_the_lookbehind_spelling(text: str) -> None:
    import re
    assert rx.TU_CENTRAL.sub("/TW", text) == re.sub(r"(?<=/)T[ƯỨ](?![A-Za-zÀ-ỹ])", "TW", text)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=_ODD + "KHĐUđ", max_size=12))
def test_fold_code_equals_the_regex_spelling(code: str) -> None:
    import re
    from vbgraph.ingest.normalize import _CODE_FOLD, fold_code
    expected = re.sub(r"\s+", "", code).translate(_CODE_FOLD)
    assert fold_code(code) == ("TW" if expected in ("TƯ", "TỨ") else expected)
