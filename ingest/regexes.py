"""Every pattern of the extractor, built from small named pieces and compiled once.

Patterns run on the normalised text (see ``normalize.py``): dashes are '-', spaces
are ' ', Đ is U+0110. Type words come from ``data/types.csv`` through ``tables.py``.
"""
from __future__ import annotations

import re
from functools import cache

from . import tables

__all__ = [
    "SYMBOL",
    "SYMBOL_START",
    "DASHED",
    "glued_before",
    "TYPE_WORD",
    "DATE_AFTER",
    "DATE_ANY",
    "DATE_LEAD",
    "SHORT_FORM",
    "ALIAS",
    "CONGRESS",
    "CONGRESS_MORE",
    "HEADER_NUMBER",
    "PLACE_DATE_LINE",
    "type_word_regex",
]

# ---------------------------------------------------------------- pieces
_SP = r"[ ]{0,3}"                # spaces allowed inside a symbol: "224- KL/TU", "58 - KH/HU"
_UP = r"A-ZĐÂĂÊÔƠƯ"               # capitals that occur in symbol codes
_NUM = r"\d{1,5}"
_YEAR = r"(?:19[4-9]\d|20[0-4]\d)"

# Party style: "35-NQ/TW", "224- KL/TU", "06-KH/BTGDVTU", "05-CTr/TU", "11-QĐ/TW".
_PARTY = (
    rf"(?P<p_num>{_NUM}){_SP}-{_SP}"
    rf"(?P<p_type>[{_UP}][{_UP}a-z]{{0,4}}){_SP}/{_SP}"
    rf"(?P<p_iss>[{_UP}][{_UP}0-9]{{0,13}}(?:-[{_UP}][{_UP}0-9]{{0,10}})?)"
)
# State style: "132/KH-ĐUK", "13/2023/NĐ-CP", "326/UBND-KGVX", "36/2018/QH14",
# "12/2010/TTLT-BKHĐT-BTC", "17/CT-TTg", "2428/BXD-QLN".
_STATE_PART = rf"[{_UP}][{_UP}a-z0-9&]{{0,11}}(?:\.\d{{1,3}})?"  # "CCTKV.05-TTKT3"
_STATE = (
    rf"(?P<s_num>{_NUM}){_SP}(?:/{_SP}(?:(?P<s_year>{_YEAR}){_SP}/{_SP})?|-{_SP}(?P<s_year2>{_YEAR}){_SP}/{_SP})"
    rf"(?P<s_code>{_STATE_PART}(?:-[ ]?[{_UP}][{_UP}0-9&]{{1,11}}g?(?![a-z])|-{_STATE_PART}|/(?=[{_UP}]{{2}}){_STATE_PART}(?=-)){{0,4}})"
)
# A symbol, not glued to a longer token on either side. A footnote mark glued
# after it ("146/2006/NĐ-CP[15]", "35-NQ/TW¹") is left outside the match.
# The pattern starts with a digit (no look-behind) so that the engine can skip to
# digits quickly; callers check the character before the match with ``glued_before``.
SYMBOL = re.compile(
    rf"(?:{_PARTY}|{_STATE})(?![\w/]|-[{_UP}\d])"
)
# An old symbol with no type part, taken only after a type word: "326-CP", "60-SL", "4-HĐBT".
DASHED = re.compile(rf"(?P<d_num>{_NUM})-(?P<d_code>[{_UP}][{_UP}]{{0,7}})(?![\w/-])")
# Where a symbol may start: digits, then '-' or '/', then a capital or a year and '/'
# (not a date, so far fewer candidates). Scanning
# for this first and matching SYMBOL only there is several times faster than searching.
SYMBOL_START = re.compile(rf"[0-9]{{1,5}}[ ]{{0,3}}(?:[-/][ ]{{0,3}}[{_UP}]|[-/][ ]{{0,3}}(?:19|20)\d\d[ ]{{0,3}}/)")
_GLUE = re.compile(r"[\w/.-]")


def glued_before(text: str, pos: int) -> bool:
    """Whether the character before ``pos`` glues a match to a longer token ("A12/QĐ")."""
    return pos > 0 and _GLUE.match(text, pos - 1) is not None

# ---------------------------------------------------------------- dates
# "ngày 18/10/2021", "ngày 18-5-2021", "ngày 26 tháng 01 năm 2022", "ngày 18.5.2021".
_DSP = r"[ ]?"
_DMY_NUMERIC = rf"(?P<d>\d{{1,2}}){_DSP}[/.-]{_DSP}(?P<m>\d{{1,2}}){_DSP}[/.-]{_DSP}(?P<y>(?:19|20)\d\d)"
_DMY_WORDS = r"(?P<d2>\d{1,2})[ ]+tháng[ ]+(?P<m2>\d{1,2})[ ,]+năm[ ]+(?P<y2>(?:19|20)\d\d)"
DATE_ANY = re.compile(rf"(?:{_DMY_NUMERIC}|{_DMY_WORDS})")
# A date right after a symbol: ", ngày 21/7/2021", " ban hành ngày …", " (18/10/2021)".
DATE_AFTER = re.compile(
    rf"[ ,(]{{0,3}}(?:được[ ]+)?(?:ban[ ]+hành[ ]+)?(?:ngày|ngay)?[ \n]{{0,2}}(?:{_DMY_NUMERIC}|{_DMY_WORDS})",
    re.IGNORECASE,
)
# English translations: "dated December 31, 2020".
MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"), 1)}
DATE_AFTER_EN = re.compile(
    r"[ ,]{0,3}dated[ ]+(?P<mon>" + "|".join(MONTHS) + r")[ ]+(?P<d3>\d{1,2}),?[ ]+(?P<y3>(?:19|20)\d\d)", re.IGNORECASE
)
# "Ngày 25/3/2022", "ngày 26 tháng 01 năm 2022" (numeric dates of a lead may use '/', '-' or '.').
DATE_LEAD = re.compile(rf"(?:Ngày|ngày|Hôm nay)[ ]+(?:{_DMY_NUMERIC}|{_DMY_WORDS})")
# "năm 2025" right after a symbol or a short form.
YEAR_AFTER = re.compile(rf"[ ,]{{0,2}}năm[ ]+(?P<year>{_YEAR})\b")
# ", khóa XII", " (khóa XIII)", "khoá XI" — a Party term right after an issuer.
TERM_EXACT = re.compile(rf"[ ,(]{{0,3}}kh(?:óa|oá|oa)[ ]+(?P<term>[IVX]{{1,5}})\b\)?", re.IGNORECASE)

@cache
def type_word_regex() -> re.Pattern:
    """Any type word, matched on lower-cased text ("nghị quyết", "thông tư liên tịch").

    >>> bool(type_word_regex().fullmatch("thông tư liên tịch"))
    True
    """
    words = sorted(tables.type_words(), key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace(r"\ ", "[ \n]+") for w in words)
    return re.compile(rf"(?<!\w)(?P<tw>{alternatives})(?!\w)")


# A short form: "Kết luận 224", "Đề án số 17", "Nghị quyết 35" (no symbol after it).
SHORT_FORM = re.compile(rf"[ \n]{{1,3}}(?:số[ ]{{1,2}})?(?P<num>{_NUM})(?![\d/.,]\d|[\w/-])", re.IGNORECASE)

# ---------------------------------------------------------------- aliases
# "Nghị quyết Trung ương 4 khóa XII", "Nghị quyết Trung ương 4 (khóa XII)",
# "Kết luận Hội nghị Trung ương 4 khóa XIII", "Nghị quyết Hội nghị lần thứ tư Ban Chấp
# hành Trung ương Đảng khóa XII", "Nghị quyết TW4 khóa XII", "Nghị quyết số 04 Trung ương".
_ORDINAL_WORDS = (
    "nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười|mười một|mười hai|mười ba|mười bốn|mười lăm|mười sáu|mười bảy|mười tám"
)
ALIAS = re.compile(  # runs on lower-cased text
    rf"(?P<tw>nghị[ ]quyết|kết[ ]luận)[ ]+(?:của[ ]+)?"
    rf"(?:hội[ ]nghị[ ]+(?:lần[ ]thứ[ ]+)?(?P<ord1>\d{{1,2}}|{_ORDINAL_WORDS})[ ]+|lần[ ]thứ[ ]+(?P<ord1b>\d{{1,2}}|{_ORDINAL_WORDS})[ ]+|hội[ ]nghị[ ]+)?"
    rf"(?:ban[ ]chấp[ ]hành[ ]+)?(?:trung[ ]ương|tw|tư|t\.ư)[ ]*(?:đảng[ ]+)?"
    rf"(?:(?:lần[ ]thứ[ ]+)?(?P<ord2>\d{{1,2}}|{_ORDINAL_WORDS})[ ]*)?"
    rf"[,(\- ]*(?:khóa|khoá)[ ]+(?P<khoa>[ivx]{{1,5}}(?:[ ]*,[ ]*[ivx]{{1,5}})*)\b\)?"
)
ORDINALS = {  # "lần thứ tư" is the fourth plenum
    "nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
    "mười": 10, "mười một": 11, "mười hai": 12, "mười ba": 13, "mười bốn": 14, "mười lăm": 15,
    "mười sáu": 16, "mười bảy": 17, "mười tám": 18,
}

# ---------------------------------------------------------------- congress resolutions
# "Nghị quyết Đại hội XIII của Đảng", "Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII",
# "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX", "Nghị quyết Đại hội XX Đảng bộ tỉnh",
# "Nghị quyết Đại hội đại biểu Đảng bộ huyện lần thứ XXIII, nhiệm kỳ 2020 - 2025".
_CONGRESS_BODY = (
    rf"đại[ ]hội[ ]+(?:đại[ ]biểu[ ]+)?"
    rf"(?:(?P<ord_a>[IVX]{{1,6}})\b[ ]*)?"
    rf"(?P<body>(?:của[ ]+)?(?:đảng[ ]+(?:bộ[ ]+)?(?:toàn[ ]quốc|cộng[ ]sản[ ]việt[ ]nam|tỉnh|thành[ ]phố|huyện|quận|thị[ ]xã|xã|phường|thị[ ]trấn|khối)?|toàn[ ]quốc)?)"
    rf"[ ]*(?P<place>(?-i:(?:[A-ZĐ][a-zà-ỹđ]+[ ]?){{0,3}}))"
    rf"(?:[ ]*(?:lần[ ]thứ[ ]+)?(?P<ord_b>[IVX]{{1,6}})\b)?"
    rf"(?:[ ,(]*(?:nhiệm[ ]kỳ|giai[ ]đoạn)[ ]+(?P<period>(?:19|20)\d\d[ ]?-[ ]?(?:19|20)\d\d))?"
)
CONGRESS = re.compile(rf"(?P<tw>nghị[ ]quyết)[ ]+(?:của[ ]+)?{_CONGRESS_BODY}", re.IGNORECASE)
# A further congress in the same phrase: "… lần thứ XX và Đại hội Đảng toàn quốc lần thứ XIII".
CONGRESS_MORE = re.compile(rf"[ ]*(?:,|và|;)[ ]*(?:nghị[ ]quyết[ ]+)?{_CONGRESS_BODY}", re.IGNORECASE)

# ---------------------------------------------------------------- the document itself
# The number line of a header: "Số 102 - KH/HU", "Số: 617/KH-UBND", "Số: /2025/QĐ-UBND".
HEADER_NUMBER = re.compile(
    rf"(?m)^[ *#_|]*(?:Số|SỐ|So|No\.)[ ]*[:.]?[ ]*(?=[ .…_]*[\d/-]|$)(?P<rest>[^\n|]{{0,60}})"
)
# "Tam Đường, ngày 26 tháng 01 năm 2022", "Hà Nội, ngày  tháng  năm 2025".
PLACE_DATE_LINE = re.compile(
    rf"(?m)(?:^|\|)[ *_]*(?P<place>[A-ZĐÀ-Ỹ][^\n,|/]{{1,40}}?)[ ]*,[ ]*(?:ngày|Ngày|NGÀY)[ ]+(?P<d>\d{{1,2}})[ ]*(?:tháng|THÁNG|/|-)[ ]*(?P<m>\d{{1,2}})[ ]*(?:năm|NĂM|/|-)[ ]*(?P<y>(?:19|20)\d\d)"
)
# English translations: "Hanoi, November 25, 2025".
PLACE_DATE_LINE_EN = re.compile(
    r"(?m)^[ *_]*(?P<place>[A-Z][A-Za-z ]{1,30}),[ ]*(?P<mon>" + "|".join(m.capitalize() for m in MONTHS) + r")[ ]+(?P<d3>\d{1,2}),[ ]*(?P<y3>(?:19|20)\d\d)"
)
# A place-and-date line with the day left blank ("Hà Nội, ngày  tháng  năm 2025").
PLACE_BLANK_DATE = re.compile(
    r"(?m)^[ *_]*(?P<place>[A-ZĐÀ-Ỹ][^\n,/]{1,40}?)[ ]*,[ ]*ngày[ .…]*tháng[ .…]*năm[ ]+(?P<y>(?:19|20)\d\d)",
    re.IGNORECASE,
)
# The body that issued a reported directive, in the words before it: "Ban Thường vụ
# Huyện ủy đã ban hành Kế hoạch số 58 - KH/HU" → issuer "Ban Thường vụ Huyện ủy".
REPORT_ISSUER = re.compile(
    r"(?P<issuer>(?:Ban[ ]Thường[ ]vụ|Ban[ ]Chấp[ ]hành|Thường[ ]trực|Ủy[ ]ban[ ]nhân[ ]dân|UBND|HĐND|Đảng[ ]ủy|Huyện[ ]ủy|Tỉnh[ ]ủy|Thành[ ]ủy|Quận[ ]ủy|Thị[ ]ủy|Ban|Bộ|Sở)[^,.;\n]{0,80}?)[ ]+(?:đã[ ]+)?(?:ký[ ]+)?(?:ban[ ]hành|xây[ ]dựng|có|ra)[ ]",
)
# The issuer an original with no number line names in its preamble: "… Ban Thường vụ
# Huyện ủy xây dựng Kế hoạch thực hiện như sau" → "Ban Thường vụ Huyện ủy".
PREAMBLE_ISSUER = re.compile(
    r"(?P<issuer>(?:Ban[ ]Thường[ ]vụ|Ban[ ]Chấp[ ]hành|Thường[ ]trực)[ ](?:Huyện|Tỉnh|Thành|Quận|Thị)[ ][ủu]y|"
    r"(?:Huyện|Tỉnh|Thành|Quận|Thị|Đảng)[ ][ủu]y(?:[ ]Khối)?|Ủy[ ]ban[ ]nhân[ ]dân[ ](?:tỉnh|huyện|xã|thành[ ]phố|phường))"
    r"[^,.;\n]{0,40}?[ ](?:ban[ ]hành|xây[ ]dựng)[ ]"
)
# The recipients line of a letter, at the start of a line: "Kính gửi: Sở Nội vụ", "**Kính gửi**".
KINH_GUI_LINE = re.compile(r"(?m)^[ *_|]*Kính[ ]+gửi")
# A blank line (spaces allowed on it): "…các huyện\n\nThực hiện …".
BLANK_LINE = re.compile(r"\n[ ]*\n")
# The first cue that opens a line of an original's preamble: "Thực hiện Kết luận …",
# "- Căn cứ Luật …", "THỰC HIỆN …".
FIRST_CUE = re.compile(r"(?m)^[ \-*]*(?:Thực hiện|Căn cứ|Triển khai|Để|Quán triệt|THỰC HIỆN|CĂN CỨ)")
