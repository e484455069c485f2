"""Each shortcut of the extractor's hot path equals the plain code it replaces.

The hot path finds where citations can start with cheap scans and works only around
them (issue 11); every such shortcut is checked here, on random text, against the
straightforward spelling of the same thing.
"""
from __future__ import annotations

from hypothesis import example, given, settings
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


_TYPE_WORDS = st.sampled_from(["nghị quyết", "Nghị Quyết", "NGHỊ QUYẾT", "kết luận", "KẾT LUẬN", "đại hội", "Đại hội",
                               "trung ương", "TW", "4", "lần thứ", "tư", "khóa", "Khoá", "XII", "XIII", "đảng bộ", "tỉnh",
                               "toàn quốc", " ", "  ", ",", "(", ")", "và", "Lai Châu", "nhiệm kỳ", "2020-2025", "của"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_TYPE_WORDS, max_size=14).map(" ".join))
@example("Nghị quyết Trung ương 4 khóa XII và Kết luận Trung ương 4 (khóa XIII), nghị quyết tw 4 khoá xii")
@example("NGHỊ QUYẾT ĐẠI HỘI XIII của Đảng; Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2020-2025")
def test_alias_and_congress_matches_equal_finditer(text: str) -> None:
    from vbgraph.ingest.find import _matches_at, _places
    lower = text.lower()
    found = [m.span() for m in _matches_at(rx.ALIAS, lower, _places(lower, ("nghị quyết", "kết luận")))]
    assert found == [m.span() for m in rx.ALIAS.finditer(lower)]
    found = [m.span() for m in _matches_at(rx.CONGRESS, text, _places(lower, ("nghị quyết",)))]
    assert found == [m.span() for m in rx.CONGRESS.finditer(text)]


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="ab \n", max_size=30))
def test_flat_equals_the_paragraph_break_spelling(text: str) -> None:
    from vbgraph.ingest.normalize import NormText
    flat, parts, pos = text.replace("\n", " "), [], 0
    for m in rx.PARAGRAPH_BREAK.finditer(text):
        parts += [flat[pos:m.start()], m.group(0)]
        pos = m.end()
    assert NormText(text, text).flat == "".join(parts) + flat[pos:]
