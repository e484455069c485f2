"""ingest.regexes: one home for the extractor's patterns, each with an example that runs.

One line per pattern: the example of its comment must be found (``search``) in the
text given; a new pattern without a line here fails ``test_every_pattern_has_an_example``.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from vbgraph.ingest import regexes as rx

INGEST = Path(rx.__file__).parent

# (pattern name, text the pattern finds, the text it must find there, or None for any match)
EXAMPLES = [
    ("COMBINING_RUN", "quye\u0302\u0301t", "e\u0302\u0301"),
    ("ZERO_WIDTH", "35\u200b-NQ", "\u200b"),
    ("DROPPED", "35\u200b\u00ad-NQ", "\u200b\u00ad"),
    ("NEEDS_EDIT", "quye\u0301t", "\u0301"),
    ("CYRILLIC", "12-КН", "К"),
    ("CYRILLIC_TOKEN", "Số 12-КН/ТU", "12-КН/ТU"),
    ("LATINISH", "КН1", "1"),
    ("PARAGRAPH_BREAK", "a\n\n\nb", "\n\n\n"),
    ("PARAGRAPH_BREAK_SPLIT", "a\n\n\nb", "\n\n\n"),
    ("TU_CENTRAL", "35-NQ/TƯ", "/TƯ"),
    ("SYMBOL", "Nghị quyết số 35-NQ/TW ngày", "35-NQ/TW"),
    ("SYMBOL", "Nghị định 13/2023/NĐ-CP", "13/2023/NĐ-CP"),
    ("DASHED", "Quyết định số 326-CP", "326-CP"),
    ("SYMBOL_START", "số 13/2023/NĐ-CP", "13/2023/"),
    ("SYMBOL_SLASH", "số 13/2023/NĐ-CP", "/2023/"),
    ("SYMBOL_DASH", "số 58 - KH/HU", "- K"),
    ("TOKEN_REST", "12/QĐ-X tiếp", "12/QĐ-X"),
    ("CODE_HEAD", "KH-UBND", "KH-UBND"),
    ("BLANK_NUMBER", " /2025/QĐ-UBND", " /2025/QĐ-UBND"),
    ("DATELINE", "Thoại Sơn: hội nghị\n18/09/2019 - 07:33\nHuyện ủy", "18/09/2019 - 07:33"),
    ("DATELINE", "Sáng 20/9/2024 Đảng bộ xã Tam Lư", "Sáng 20/9/2024"),
    ("DATE_ANY", "ngày 26 tháng 01 năm 2022", "26 tháng 01 năm 2022"),
    ("DATE_AFTER", ", ngày 21/7/2021", ", ngày 21/7/2021"),
    ("DATE_AFTER_EN", " dated December 31, 2020", " dated December 31, 2020"),
    ("DATE_LEAD", "Ngày 25/3/2022, Ban Thường vụ", "Ngày 25/3/2022"),
    ("DATE_LEADS", "Ngày 12/3/2012, Văn phòng Chính phủ đã có văn bản ", None),
    ("YEAR_AFTER", " năm 2025", " năm 2025"),
    ("TERM_EXACT", ", khóa XII", ", khóa XII"),
    ("TRAILING_TERM", "Bộ Chính trị khóa XII", " khóa XII"),
    ("SHORT_FORM", " số 17", " số 17"),
    ("BEFORE_SYMBOL", " số 187, ", " số 187, "),
    ("LISTED_NUMBER", "187, ", "187"),
    ("TITLE_THEN_SO", " Tổ chức chính quyền địa phương số ", None),
    ("NAME_BEFORE_SO", "Luật Nhà ở số ", " số "),
    ("NUMBER_NEXT", " số 27/2023/QH15", " số 2"),
    ("ISSUER_LEAD", " của Tỉnh ủy", " của "),
    ("ISSUER_END", "Ban Thường vụ Tỉnh ủy về thực hiện", " về"),
    ("ISSUER_BEFORE", "theo đề nghị của Giám đốc Sở Nội vụ tại ", "của Giám đốc Sở Nội vụ tại "),
    ("ISSUER_ISSUED", "Ngày 5/3, HĐND tỉnh Lai Châu đã ban hành ", None),
    ("REFERENCE_ENTRY", 'Ủy ban nhân dân tỉnh Thanh Hóa (ngày 22 tháng 1 năm 2024). "', None),
    ("TITLE_AFTER", " về tăng cường công tác cán bộ; ", " về tăng cường công tác cán bộ"),
    ("ALIAS", "nghị quyết trung ương 4 khóa xii", "nghị quyết trung ương 4 khóa xii"),
    ("CONGRESS", "Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII", None),
    ("TITLE_ORDINAL", "tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng", "lần thứ XIV"),
    ("CONGRESS_MORE", " và Đại hội Đảng toàn quốc lần thứ XIII", None),
    ("HEADER_NUMBER", "Số 102 - KH/HU", "Số 102 - KH/HU"),
    ("HEADING", "KẾ HOẠCH\n", "KẾ HOẠCH"),
    ("MOTTO", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ"),
    ("KINH_GUI", "Kính gửi: Sở Nội vụ", "Kính gửi"),
    ("KINH_GUI_LINE", "| Kính gửi: Sở Nội vụ", "| Kính gửi"),
    ("PLACE_DATE_LINE", "Tam Đường, ngày 26 tháng 01 năm 2022", "Tam Đường, ngày 26 tháng 01 năm 2022"),
    ("PLACE_DATE_LINE_EN", "Hanoi, November 25, 2025", "Hanoi, November 25, 2025"),
    ("PLACE_BLANK_DATE", "Hà Nội, ngày  tháng  năm 2025", "Hà Nội, ngày  tháng  năm 2025"),
    ("ISSUER_LINE_START", "ĐẢNG BỘ TỈNH LAI CHÂU HUYỆN ỦY TAM ĐƯỜNG", "ĐẢNG BỘ"),
    ("HEADER_STOP", "ỦY BAN NHÂN DÂN\n\nCỘNG HÒA", "\n\n"),
    ("FIRST_CUE", "- Căn cứ Luật", "- Căn cứ"),
    ("PREAMBLE_ISSUER", "Ban Thường vụ Huyện ủy xây dựng Kế hoạch", "Ban Thường vụ Huyện ủy xây dựng "),
    ("BLANK_LINE", "các huyện\n  \nThực hiện", "\n  \n"),
    ("INFOBOX", "| --- |", "| ---"),
    ("LEAD_END", "năm 2022. Theo đó", "."),
    ("REPORT_VERB", "Huyện ủy đã ban hành ", "đã ban hành "),
    ("REPORT_ISSUER", "Ban Thường vụ Huyện ủy đã ban hành Kế hoạch", "Ban Thường vụ Huyện ủy đã ban hành "),
    ("BODY_WORDS", "ĐẢNG ỦY XÃ THẠNH MỸ", "ĐẢNG ỦY "),
    ("CENTRAL_WORDS", "Bộ Chính trị", "Bộ Chính trị"),
    ("LOCAL_BODY", "HUYỆN ỦY TAM ĐƯỜNG", "ỦY"),
    ("CAPITALISED", "Tuy Phong: triển khai", "Tuy Phong"),
    ("CUE", "Căn cứ Luật", "Căn cứ"),
    ("CUE_OPENING", "1. Thực hiện Kết luận", "1. Thực hiện"),
    ("CUE_OPENING", "Kế hoạch nêu rõ, thực hiện", "Kế hoạch nêu rõ, thực hiện"),
    ("CUE_AT_END", " và triển khai thực hiện nghiêm ", "triển khai thực hiện nghiêm "),
    ("VERB_BEFORE", "ban hành kế hoạch thực hiện ", "ban hành kế hoạch thực hiện "),
    ("PLAN_CARRIES_OUT", "Kế hoạch nêu rõ, thực hiện Nghị quyết", "Kế hoạch nêu rõ, thực hiện"),
    ("BODY_HEADING", "I. MỤC ĐÍCH", "I. M"),
    ("LINK_GAP", " về thực hiện ", " về thực hiện "),
    ("LIST_GAP", " và ", " và "),
    ("AMENDED_BY", " được sửa đổi, bổ sung bởi ", "sửa đổi, bổ sung bởi "),
    ("COORDINATION", " và các ", "và các "),
    ("ISSUED_BEFORE", ", Thủ tướng ra ", " ra "),
    ("SENTENCE_NEXT", "Theo", "T"),
    ("CLAUSE_LINE", "\n- Căn cứ Luật", "\n"),
    ("UNICODE_VIET_LETTER", "Đảng", "Đ"),
    ("LEGACY_LINE", "Ngh\xde quyÕt", "Ngh\xde quyÕt"),
    ("HIGH_LATIN1", "quyÕt", "Õ"),
    ("WORD", "quyết 35", "quyết"),
    ("TONE_MARKS", "e\u0301", "\u0301"),
    ("LINE", "abc\nd", "abc\n"),
    # links: what a news text says of the directives it names
    ("NUMBER_WITHOUT_SYMBOL", "Kế hoạch số 155, ngày 07/7/2019", " số 155"),
    ("SO_NUMBER", "Kế hoạch số 192 của UBND", "số 1"),
    ("OTHER_PARTY_BODY", "Ban Thường vụ Đảng ủy Khối Doanh nghiệp", "Đảng ủy Khối"),
    ("BASIS_CUE", "Tại hội nghị, đại biểu được quán triệt Chỉ thị", "quán triệt"),
    ("MAIN_CLAUSE", "…, Huyện ủy Hải Hậu đã xây dựng kế hoạch", "đã xây dựng"),
    ("AFTER_ISSUING", "Sau khi Bộ Chính trị ban hành", "Sau khi "),
    ("ISSUED_LIST", "Ban Thường vụ Thành ủy Thủ Đức đã xây dựng và ban hành:", None),
    ("ENUMERATED", "\n1. ", "1. "),
    ("BARE_CITY_ISSUER", "Ban Chấp hành Đảng bộ Thành phố", None),
    ("CITY_WORD", "Đảng bộ thành phố Tây Ninh", "thành phố "),
    ("LIST_MARK_TYPED", "của Ban Tổ chức Trung ương, Hướng dẫn (mật) số ", ", Hướng dẫn (mật) số "),
]


def patterns() -> dict[str, re.Pattern]:
    return {name: value for name, value in vars(rx).items() if isinstance(value, re.Pattern) and not name.startswith("_")}


@pytest.mark.parametrize("name,text,expected", EXAMPLES, ids=[f"{n}:{t[:30]}" for n, t, _ in EXAMPLES])
def test_example(name, text, expected):
    found = getattr(rx, name).search(text)
    assert found is not None, f"{name} finds nothing in {text!r}"
    if expected is not None:
        assert found.group(0) == expected


def test_syllable_and_level_words():
    assert rx.SYLLABLE.fullmatch("nghiêng") and rx.SYLLABLE.fullmatch("quyêt")
    assert [level for p, level in rx.LEVEL_WORDS if p.search("Huyện ủy Tam Đường")][0] == "district"


def test_every_pattern_has_an_example():
    missing = sorted(set(patterns()) - {name for name, _, _ in EXAMPLES} - {"SYLLABLE"})
    assert not missing, f"patterns without an example in EXAMPLES: {missing}"


def test_star_import_and_all():
    namespace: dict = {}
    exec("from vbgraph.ingest.regexes import *", namespace)
    assert set(rx.__all__) <= set(namespace)
    assert set(patterns()) <= set(rx.__all__), sorted(set(patterns()) - set(rx.__all__))


# Patterns left outside regexes.py on purpose: the readers' own (read.py), the place
# names (places.py) and issuer-code levels (identity.py), and ones built from a table.
OUTSIDE = {"read.py", "places.py", "identity.py", "regexes.py"}
BUILT_FROM_TABLES = {("normalize.py", "_NEEDS_TRANSLATE"), ("normalize.py", "_ANY_SPECIAL"), ("normalize.py", "_SPECIAL_RUNS")}


def test_no_module_level_pattern_outside_regexes():
    found = []
    for path in sorted(INGEST.glob("*.py")):
        if path.name in OUTSIDE:
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and "re.compile(" in ast.unparse(node.value):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
                if not any((path.name, n) in BUILT_FROM_TABLES for n in names):
                    found.append(f"{path.name}: {names}")
    assert not found, f"patterns belong in regexes.py: {found}"
