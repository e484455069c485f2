"""Every pattern of the extractor, built from small named pieces and compiled once.

Patterns run on the normalised text (see ``normalize.py``): dashes are '-', spaces
are ' ', Đ is U+0110. Each public constant says in its comment what it matches,
with an example; ``tests/test_regexes.py`` runs every example. Type words come
from ``data/types.csv`` through ``tables.py``.

Sections follow the stages: normalise, find (symbols, dates, type words, the words
around a symbol, well-known names, congresses), document, locate, resolve, and the
legacy-font detector of the read stage.

Left outside, on purpose: the portal boilerplate of ``read.py`` (one reader's
concern, tested there), the place-name patterns of ``places.py`` and the issuer-code
levels of ``identity.py`` (their own tables), and one-off splits such as ``[ ]*,[ ]*``.
"""
from __future__ import annotations

import re
from functools import cache

from . import tables

__all__ = [
    "type_word_regex", "glued_before", "ALIAS", "AMENDED_BY", "BEFORE_SYMBOL", "BLANK_LINE", "BLANK_NUMBER",
    "BODY_HEADING", "BODY_WORDS", "CAPITALISED", "CENTRAL_WORDS", "CLAUSE_LINE", "CODE_HEAD", "COMBINING_RUN",
    "CONGRESS", "CONGRESS_MORE", "COORDINATION", "CUE", "CUE_AT_END", "CUE_OPENING", "CYRILLIC",
    "CYRILLIC_TOKEN", "DASHED", "DATE_AFTER", "DATE_AFTER_EN", "DATE_ANY", "DATE_LEAD", "DATE_LEADS",
    "DROPPED", "FIRST_CUE", "HEADER_NUMBER", "HEADER_STOP", "HEADING", "HIGH_LATIN1", "INFOBOX",
    "ISSUED_BEFORE", "ISSUER_BEFORE", "ISSUER_END", "ISSUER_ISSUED", "ISSUER_LEAD", "ISSUER_LINE_START",
    "KINH_GUI", "KINH_GUI_LINE", "LATINISH", "LEAD_END", "LEGACY_LINE", "LEVEL_WORDS", "LINE", "LINK_GAP",
    "LISTED_NUMBER", "LIST_GAP", "LOCAL_BODY", "MONTHS", "MOTTO", "NAME_BEFORE_SO", "NEEDS_EDIT",
    "NUMBER_NEXT", "ORDINALS", "PARAGRAPH_BREAK", "PARAGRAPH_BREAK_SPLIT", "PLACE_BLANK_DATE", "PLACE_DATE_LINE", "PLACE_DATE_LINE_EN",
    "PLAN_CARRIES_OUT", "PREAMBLE_ISSUER", "REFERENCE_ENTRY", "REPORT_ISSUER", "REPORT_VERB", "SENTENCE_NEXT",
    "SHORT_FORM", "SYLLABLE", "SYMBOL", "SYMBOL_DASH", "SYMBOL_SLASH", "SYMBOL_START", "TERM_EXACT", "TITLE_AFTER", "TITLE_THEN_SO",
    "TOKEN_REST", "TONE_MARKS", "TRAILING_TERM", "TU_CENTRAL", "UNICODE_VIET_LETTER", "VERB_BEFORE", "WORD",
    "YEAR_AFTER", "ZERO_WIDTH", "AFTER_ISSUING", "BASIS_CUE", "ENUMERATED", "ISSUED_LIST", "LIST_MARK_TYPED",
    "MAIN_CLAUSE", "NUMBER_WITHOUT_SYMBOL", "OTHER_PARTY_BODY", "SO_NUMBER", "BARE_CITY_ISSUER", "CITY_WORD",
    "TITLE_ORDINAL", "DATELINE",
]

# ================================================================ pieces
_SP = r"[ ]{0,3}"                # spaces allowed inside a symbol: "224- KL/TU", "58 - KH/HU"
_UP = r"A-ZĐÂĂÊÔƠƯ"               # capitals that occur in symbol codes
_NUM = r"\d{1,5}"                 # a directive's number: "35", "1234"
_YEAR = r"(?:19[4-9]\d|20[0-4]\d)"  # a year in a symbol: 1940–2049
_CAPS = r"A-ZĐÀ-Ỹ"                # Vietnamese capitals (a sentence or a name starts with one)
_ZW = r"\u200b-\u200d\u2060\ufeff\u00ad"          # zero-width spaces and joiners, BOM, soft hyphen
_MARKS = r"\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff"  # combining marks (decomposed tone marks)
_CYR = r"\u0400-\u04ff"                            # Cyrillic


def _words(*phrases: str) -> str:
    """An alternation of phrases whose spaces match one space: "kế hoạch" → "kế[ ]hoạch"."""
    return "|".join(p.replace(" ", "[ ]") for p in phrases)


# ================================================================ normalize
# A base character with its combining marks, zero-width marks among them (those are
# dropped so that the marks still compose with the base): "e\u0302\u0301" (ế, decomposed).
COMBINING_RUN = re.compile(rf"[^{_ZW}](?:[{_ZW}]*[{_MARKS}])+", re.DOTALL)
# One zero-width mark: "\u200b".
ZERO_WIDTH = re.compile(rf"[{_ZW}]")
# Characters dropped outright, in runs: "\u200b\u00ad".
DROPPED = re.compile(rf"[{_ZW}]+")
# Any character that needs composing or dropping: "\u0301", "\ufeff".
NEEDS_EDIT = re.compile(rf"[{_MARKS}{_ZW}]")
# A Cyrillic letter: "К".
CYRILLIC = re.compile(rf"[{_CYR}]")
# A symbol-like token that mixes Cyrillic with digits, Latin capitals, '/' or '-': "12-КН/ТU".
# Zero-width marks inside a token do not split it (they are dropped later).
CYRILLIC_TOKEN = re.compile(rf"[0-9A-ZĐ/\-{_CYR}{_ZW}]*[{_CYR}][0-9A-ZĐa-z/\-{_CYR}{_ZW}]*")
# A Latin capital, digit or slash (what makes a Cyrillic token part of a symbol): "1", "/".
LATINISH = re.compile(r"[0-9A-ZĐ/]")
# Two or more line breaks in a row: a paragraph break, kept in the flat view: "\n\n".
PARAGRAPH_BREAK = re.compile(r"\n\n+")
# The same, captured, to split a text into paragraphs and the breaks between them: "\n\n\n".
PARAGRAPH_BREAK_SPLIT = re.compile(r"(\n\n+)")
# "TƯ" (or "TỨ") written for "TW" after the slash of a Party symbol, with the slash (a
# pattern that opens with a literal character is scanned for fast): "/TƯ" of "35-NQ/TƯ".
TU_CENTRAL = re.compile(r"/T[ƯỨ](?![A-Za-zÀ-ỹ])")

# ================================================================ find: symbols
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
# A symbol, not glued to a longer token on either side: "35-NQ/TW", "13/2023/NĐ-CP". A
# footnote mark glued after it ("146/2006/NĐ-CP[15]", "35-NQ/TW¹") is left outside the match.
# The pattern starts with a digit (no look-behind) so that the engine can skip to
# digits quickly; callers check the character before the match with ``glued_before``.
SYMBOL = re.compile(
    rf"(?:{_PARTY}|{_STATE})(?![\w/]|-[{_UP}\d])"
)
# An old symbol with no type part, taken only after a type word: "326-CP", "60-SL", "4-HĐBT".
DASHED = re.compile(rf"(?P<d_num>{_NUM})-(?P<d_code>[{_UP}][{_UP}]{{0,7}})(?![\w/-])")
# Where a symbol may start: digits, then '-' or '/', then a capital or a year and '/'
# (not a date, so far fewer candidates): "35-N", "13/2023/". Scanning for this first and
# matching SYMBOL only there is several times faster than searching.
SYMBOL_START = re.compile(rf"[0-9]{{1,5}}[ ]{{0,3}}(?:[-/][ ]{{0,3}}[{_UP}]|[-/][ ]{{0,3}}(?:19|20)\d\d[ ]{{0,3}}/)")
# The same places found from their separator, one pattern per separator: "/2023/" of
# "số 13/2023/NĐ-CP", "- K" of "số 58 - KH/HU" (digits and up to three spaces before it).
# A pattern that starts with one literal character is scanned for at C speed (as
# ``str.find``), ten times faster than one that starts with a class such as ``[0-9]``
# or ``[-/]``; ``find.symbol_starts`` merges the two and steps back over the digits.
_AFTER_SEPARATOR = rf"[ ]{{0,3}}(?:[{_UP}]|(?:19|20)\d\d[ ]{{0,3}}/)"
SYMBOL_SLASH = re.compile(rf"/(?:(?<=[0-9]/)|(?<=[0-9][ ]/)|(?<=[0-9][ ]{{2}}/)|(?<=[0-9][ ]{{3}}/)){_AFTER_SEPARATOR}")
SYMBOL_DASH = re.compile(rf"-(?:(?<=[0-9]-)|(?<=[0-9][ ]-)|(?<=[0-9][ ]{{2}}-)|(?<=[0-9][ ]{{3}}-)){_AFTER_SEPARATOR}")
# A character that glues a match to the token before it: the "A" of "A12/QĐ".
_GLUE = re.compile(r"[\w/.-]")
# The rest of a token, to skip a glued match whole: "12/QĐ-X" of "A12/QĐ-X".
TOKEN_REST = re.compile(r"[\w/.-]*")
# A State code's first part and the rest: "KH-UBND" → ("KH", "UBND"), "NĐ-CP" → ("NĐ", "CP").
CODE_HEAD = re.compile(r"([^-/]+)[-/](.*)")
# The blank number of a header's "Số …" line, and the code after it: "Số: /2025/QĐ-UBND",
# "Số:      -KH/TU" → year 2025, code "QĐ-UBND"; code "KH/TU".
BLANK_NUMBER = re.compile(r"[ .…_]*(?:/[ ]*(?P<year>(?:19|20)\d\d)[ ]*)?[/-][ ]*(?P<code>[A-ZĐ][A-Za-zĐ0-9/-]*)")


def glued_before(text: str, pos: int) -> bool:
    """Whether the character before ``pos`` glues a match to a longer token ("A12/QĐ").

    >>> glued_before("A12/QĐ", 1), glued_before("số 12/QĐ", 3)
    (True, False)
    """
    return pos > 0 and _GLUE.match(text, pos - 1) is not None


# ================================================================ find: dates
# "18/10/2021", "18-5-2021", "18.5.2021", "26 tháng 01 năm 2022".
_DSP = r"[ ]?"
_DMY_NUMERIC = rf"(?P<d>\d{{1,2}}){_DSP}[/.-]{_DSP}(?P<m>\d{{1,2}}){_DSP}[/.-]{_DSP}(?P<y>(?:19|20)\d\d)"
_DMY_WORDS = r"(?P<d2>\d{1,2})[ ]+tháng[ ]+(?P<m2>\d{1,2})[ ,]+năm[ ]+(?P<y2>(?:19|20)\d\d)"
# A news text's dateline: a line that is only a date (and a time or a weekday), or a lead that
# opens on the part of the day of today's event: "18/09/2019 - 07:33", "Thứ Hai, 14/10/2024
# 07:30 (GMT+07:00)", "Sáng 20/9/2024 Đảng bộ xã …". A lead opening on "Ngày …" may narrate the past.
DATELINE = re.compile(
    r"^[ ]*(?:(?P<daypart>Sáng|Chiều|Tối|Trưa)(?:[ ]+nay)?[ ]+(?:ngày[ ]+)?\(?"
    r"|(?:Thứ[ ]+\w+|Chủ[ ]+nhật|Cập[ ]+nhật|Đăng[ ]+ngày|Ngày[ ]+đăng)[ ,:|-]*)?"
    rf"{_DMY_NUMERIC}"
    r"(?(daypart)|(?:[ ,|-]*\d{1,2}:\d\d(?::\d\d)?[ ]*(?:\([^)\n]{0,12}\)|[AP]M)?)?[ ]*$)",
    re.MULTILINE,
)
# Any date: "ngày 18/10/2021", "ngày 26 tháng 01 năm 2022".
DATE_ANY = re.compile(rf"(?:{_DMY_NUMERIC}|{_DMY_WORDS})")
# A date right after a symbol: ", ngày 21/7/2021", " ban hành ngày …", " (18/10/2021)".
DATE_AFTER = re.compile(
    rf"[ ,(]{{0,3}}(?:được[ ]+)?(?:ban[ ]+hành[ ]+)?(?:ngày|ngay)?[ \n]{{0,2}}(?:{_DMY_NUMERIC}|{_DMY_WORDS})",
    re.IGNORECASE,
)
# English month names, for translations.
MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"), 1)}
# English translations: " dated December 31, 2020".
DATE_AFTER_EN = re.compile(
    r"[ ,]{0,3}dated[ ]+(?P<mon>" + "|".join(MONTHS) + r")[ ]+(?P<d3>\d{1,2}),?[ ]+(?P<y3>(?:19|20)\d\d)", re.IGNORECASE
)
# The date that opens a lead: "Ngày 25/3/2022", "ngày 26 tháng 01 năm 2022" (numeric dates may use '/', '-' or '.').
DATE_LEAD = re.compile(rf"(?:Ngày|ngày|Hôm nay)[ ]+(?:{_DMY_NUMERIC}|{_DMY_WORDS})")
# A sentence that opens on a date and says who issued what, up to the citation (the
# date is the citation's): "Ngày 12/3/2012, Văn phòng Chính phủ đã có văn bản ".
DATE_LEADS = re.compile(
    r"(?:^|(?<=[.;\n]))(?:[ ]*\[\d{1,3}\])*[^.;\n\d]{0,25}?[Nn]gày[ ]+"
    rf"(?:{_DMY_NUMERIC}|{_DMY_WORDS})"
    r"[ ]*,(?:[^.;\n]{0,120}?(?:ban[ ]hành|thông[ ]qua|ký|ra|có|theo)[ ][^.;\n\d]{0,40}|[ ]*)$"
)
# " năm 2025" right after a symbol or a short form.
YEAR_AFTER = re.compile(rf"[ ,]{{0,2}}năm[ ]+(?P<year>{_YEAR})\b")
# ", khóa XII", " (khóa XIII)", "khoá XI": a Party term right after an issuer.
TERM_EXACT = re.compile(rf"[ ,(]{{0,3}}kh(?:óa|oá|oa)[ ]+(?P<term>[IVX]{{1,5}})\b\)?", re.IGNORECASE)
# A Party term that ends an issuer phrase or follows it: "Bộ Chính trị khóa XII", " (khóa XIII)".
TRAILING_TERM = re.compile(r"[ ]*\(?[ ]*kh(?:óa|oá|oa)[ ]+(?P<term>[IVX]{1,5})\b[ ]*\)?", re.IGNORECASE)


# ================================================================ find: type words and short forms
@cache
def type_word_regex() -> re.Pattern:
    """Any type word, matched on lower-cased text ("nghị quyết", "thông tư liên tịch").

    >>> bool(type_word_regex().fullmatch("thông tư liên tịch"))
    True
    """
    words = sorted(tables.type_words(), key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace(r"\ ", "[ \n]+") for w in words)
    return re.compile(rf"(?<!\w)(?P<tw>{alternatives})(?!\w)")


# A short form after its type word: " 224" of "Kết luận 224", " số 17" of "Đề án số 17"
# (no symbol after the number).
SHORT_FORM = re.compile(rf"[ \n]{{1,3}}(?:số[ ]{{1,2}})?(?P<num>{_NUM})(?![\d/.,]\d|[\w/-])", re.IGNORECASE)
# A number after a type word with no symbol after it: " số 192" of "Kế hoạch số 192 của UBND
# thành phố Hải Phòng", " số 155" of "Kế hoạch số 155, ngày 07/7/2019" (not " số 155-KH/HU",
# " số 12/2020/NĐ-CP", " số 3.5").
NUMBER_WITHOUT_SYMBOL = re.compile(
    rf"[ ]+số[ ]+(?P<num>{_NUM})(?![\d/.]\d|[\w/]|[ ]{{0,3}}[-–][ ]{{0,3}}[{_UP}\d]|[ ]{{0,3}}/)"
)
# Where to look for one: "số 192" (a type word must stand right before it).
SO_NUMBER = re.compile(r"số[ ]+\d")
# What may stand between a type word and its symbol, with the numbers listed before it:
# " số 187, " of "Kết luận số 187, 188-KL/TW" (list "187, ").
BEFORE_SYMBOL = re.compile(r"^[ \n]*(?:số|Số|SỐ|No\.?|NO\.?|no\.)?[ \n]*[:.]?[ \n]*(?P<list>(?:\d{1,5}[ ]*(?:,|;|và)[ ]*)*)$")
# A number listed before a symbol: "187" of "187, ".
LISTED_NUMBER = re.compile(r"\d{1,5}")
# "<type word> <Title words> số " before a symbol: a named law or resolution with its
# number: " Tổ chức chính quyền địa phương số " of "Luật Tổ chức … số 72/2025/QH15".
TITLE_THEN_SO = re.compile(rf"^[ ][{_CAPS}a-zà-ỹđ][^;.:\n()“”\"\d/]{{0,140}}?[ ](?:số|No\.?)[ ]*:?[ ]*$")
# The " số " that ends such a title: " số " of "Luật Nhà ở số ".
NAME_BEFORE_SO = re.compile(r"[ ](?:số|No\.?)[ ]*:?[ ]*$")
# A number after a law's title (so the title is no mention by name): " số 27" of "Luật Nhà ở số 27/2023/QH15".
NUMBER_NEXT = re.compile(r"[ ]*(?:số|no\.?)[ ]*:?[ ]*\d")

# ================================================================ find: the words around a symbol
# Words that end an issuer phrase: "… của Tỉnh ủy về …", "… của Bộ Chính trị thực hiện …".
_ISSUER_STOP_WORDS = _words(
    "về", "v/v", "ngày", "thực hiện", "triển khai", "nhằm", "để", "theo", "tại", "trong", "đã", "với", "được", "đến",
    "vừa", "quy định", "qui định", "sửa đổi", "bổ sung", "ban hành", "hướng dẫn", "phê duyệt", "thông qua", "công bố",
    "khi", "là", "có", "gửi", "cho",
)
# Type words that end an issuer phrase after "và" (column ``ends_issuer`` of ``data/types.csv``):
# "Kế hoạch", "Nghị quyết".
_ISSUER_ENDING_TYPES = _words(*sorted(tables.issuer_ending_words(), key=len, reverse=True))
# The phrase that introduces an issuer after a citation: " của ", ", do ", " (của ".
ISSUER_LEAD = re.compile(r"[ ,]{0,2}(?:\(|[ ]-[ ])?(?:của|do)[ \n]+")
# The first place where an issuer phrase stops: a punctuation mark, a stop word, or "và"
# before a lower-case word or another type word: " về" of "Ban Thường vụ Tỉnh ủy về …".
ISSUER_END = re.compile(
    rf"[ ]*(?:[(,;:.)“”\"\n]|[ ](?i:{_ISSUER_STOP_WORDS})\b|[ ]và[ ](?:[a-zđà-ỹ]|(?:{_ISSUER_ENDING_TYPES})\b))"
)
# An issuer named before a citation that a proposal cites: "của Giám đốc Sở Nội vụ tại " of
# "theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số …".
ISSUER_BEFORE = re.compile(r"(?:của|Của)[ ]+(?P<issuer>[^,.;:()\n“”\"]{2,90}?)[ ]+tại[ ]*$")
# A body that issues the citation that follows: "HĐND tỉnh Lai Châu đã ban hành " of
# "…, HĐND tỉnh Lai Châu đã ban hành Nghị quyết số …".
ISSUER_ISSUED = re.compile(
    r"(?:^|[,;.][ ]*|\n)(?P<issuer>(?:Ban|Bộ|Thủ|Chính|Quốc|Ủy|ủy|Uỷ|uỷ|UBND|HĐND|Hội|Tỉnh|Huyện|Thành|Quận|Thị|Đảng|Sở|Văn)[ ][^,.;:()\n“”\"]{2,80}?)"
    r"[ ]+(?:đã[ ]+|vừa[ ]+)?(?:ký[ ]+)?(?:ban[ ]hành|thông[ ]qua|ra|có|công[ ]bố)[ ]+$"
)
# An entry of a reference list, before its citation: 'Ủy ban nhân dân tỉnh Thanh Hóa (ngày 22
# tháng 1 năm 2024). "' of '… (ngày 22 tháng 1 năm 2024). "Phương án số …'.
REFERENCE_ENTRY = re.compile(
    rf"(?P<issuer>[{_CAPS}][^().\n“”\"]{{2,80}}?)[ ]*\((?:ngày[ ]+)?"
    rf"(?:{_DMY_NUMERIC}|{_DMY_WORDS})"
    r"\)\.[ ]*[\"“]?$"
)
# The subject after a citation: " về tăng cường công tác …", " về việc ban hành …".
TITLE_AFTER = re.compile(r"[ ,]{0,2}(?:về[ ]+(?:việc[ ]+)?)(?P<title>[“\"]?[^\n;“”\"]{3,200}?)(?=[“”\";\n]|\.[ \n]|$)")

# ================================================================ find: well-known names
# "Nghị quyết Trung ương 4 khóa XII", "Nghị quyết Trung ương 4 (khóa XII)",
# "Kết luận Hội nghị Trung ương 4 khóa XIII", "Nghị quyết Hội nghị lần thứ tư Ban Chấp
# hành Trung ương Đảng khóa XII", "Nghị quyết TW4 khóa XII" (runs on lower-cased text).
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

# ================================================================ find: congress resolutions
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
# A further congress in the same phrase: " và Đại hội Đảng toàn quốc lần thứ XIII" of
# "… lần thứ XX và Đại hội Đảng toàn quốc lần thứ XIII".
CONGRESS_MORE = re.compile(rf"[ ]*(?:,|và|;)[ ]*(?:nghị[ ]quyết[ ]+)?{_CONGRESS_BODY}", re.IGNORECASE)
# A congress's or a term's ordinal inside a title, which tells homonyms apart: "tiến tới Đại
# hội đại biểu toàn quốc lần thứ XIV của Đảng" (the 2024 35-CT/TW, not the 2019 one, "… XIII").
TITLE_ORDINAL = re.compile(r"(?:lần[ ]+thứ|khóa|khoá|Đại[ ]+hội)[ ]+(?P<ord>(?-i:[IVXL]{1,6}))\b", re.IGNORECASE)

# ================================================================ document: the head of an original
# The number line of a header: "Số 102 - KH/HU", "Số: 617/KH-UBND", "Số: /2025/QĐ-UBND".
HEADER_NUMBER = re.compile(
    rf"(?m)^[ *#_|]*(?:Số|SỐ|So|No\.)[ ]*[:.]?[ ]*(?=[ .…_]*[\d/-]|$)(?P<rest>[^\n|]{{0,60}})"
)
# The heading word of an original, alone on its line: "KẾ HOẠCH", "QUYẾT ĐỊNH:".
HEADING = re.compile(rf"(?m)^[ *#_]*(?P<word>[{_CAPS}][{_CAPS} ]{{3,40}}?)[ *_:]*$")
# The national or Party motto of a header: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM".
MOTTO = re.compile(r"CỘNG H(?:ÒA|OÀ)[ \n]+XÃ|Cộng h(?:òa|oà) xã|ĐẢNG CỘNG SẢN|Đảng Cộng sản Việt Nam|Độc lập[ ]*-[ ]*Tự do|ĐỘC LẬP")
# A letter's recipients line: "Kính gửi: Sở Nội vụ" (at a line start, after bullets or emphasis).
KINH_GUI = re.compile(r"(?m)^[ *_]*Kính[ ]+gửi")
# The same, also at the start of a table cell: "| Kính gửi: …".
KINH_GUI_LINE = re.compile(r"(?m)^[ *_|]*Kính[ ]+gửi")
# "Tam Đường, ngày 26 tháng 01 năm 2022", "Hà Nội, ngày 5/3/2025".
PLACE_DATE_LINE = re.compile(
    rf"(?m)(?:^|\|)[ *_]*(?P<place>[A-ZĐÀ-Ỹ][^\n,|/]{{1,40}}?)[ ]*,[ ]*(?:ngày|Ngày|NGÀY)[ ]+(?P<d>\d{{1,2}})[ ]*(?:tháng|THÁNG|/|-)[ ]*(?P<m>\d{{1,2}})[ ]*(?:năm|NĂM|/|-)[ ]*(?P<y>(?:19|20)\d\d)"
)
# English translations: "Hanoi, November 25, 2025".
PLACE_DATE_LINE_EN = re.compile(
    r"(?m)^[ *_]*(?P<place>[A-Z][A-Za-z ]{1,30}),[ ]*(?P<mon>" + "|".join(m.capitalize() for m in MONTHS) + r")[ ]+(?P<d3>\d{1,2}),[ ]*(?P<y3>(?:19|20)\d\d)"
)
# A place-and-date line with the day left blank: "Hà Nội, ngày  tháng  năm 2025".
PLACE_BLANK_DATE = re.compile(
    r"(?m)^[ *_]*(?P<place>[A-ZĐÀ-Ỹ][^\n,/]{1,40}?)[ ]*,[ ]*ngày[ .…]*tháng[ .…]*năm[ ]+(?P<y>(?:19|20)\d\d)",
    re.IGNORECASE,
)
# Where an issuing body's name starts inside a header block: "HUYỆN ỦY " of "ĐẢNG BỘ TỈNH LAI CHÂU HUYỆN ỦY TAM ĐƯỜNG".
ISSUER_LINE_START = re.compile(
    r"(?:ĐẢNG BỘ|BAN CHẤP HÀNH|BAN THƯỜNG VỤ|HUYỆN [ỦU]Y|TỈNH [ỦU]Y|THÀNH [ỦU]Y|QUẬN [ỦU]Y|THỊ [ỦU]Y|ĐẢNG [ỦU]Y|"
    r"[ỦU]Y BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND|SỞ |BỘ |VĂN PHÒNG|CHÍNH PHỦ|QUỐC HỘI|THỦ TƯỚNG|BAN )"
)
# What ends the issuing-body block of a header: the motto, a rule ("---", "___", "*"), a blank line.
HEADER_STOP = re.compile(r"CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN|Độc lập|-{3,}|\*|\n\n|_{3,}")
# The first cue that opens a line of an original's preamble: "Thực hiện Kết luận …",
# "- Căn cứ Luật …", "THỰC HIỆN …".
FIRST_CUE = re.compile(r"(?m)^[ \-*]*(?:Thực hiện|Căn cứ|Triển khai|Để|Quán triệt|THỰC HIỆN|CĂN CỨ)")
# The issuer an original with no number line names in its preamble: "Ban Thường vụ
# Huyện ủy xây dựng " of "… Ban Thường vụ Huyện ủy xây dựng Kế hoạch thực hiện như sau".
PREAMBLE_ISSUER = re.compile(
    r"(?P<issuer>(?:Ban[ ]Thường[ ]vụ|Ban[ ]Chấp[ ]hành|Thường[ ]trực)[ ](?:Huyện|Tỉnh|Thành|Quận|Thị)[ ][ủu]y|"
    r"(?:Huyện|Tỉnh|Thành|Quận|Thị|Đảng)[ ][ủu]y(?:[ ]Khối)?|Ủy[ ]ban[ ]nhân[ ]dân[ ](?:tỉnh|huyện|xã|thành[ ]phố|phường))"
    r"[^,.;\n]{0,40}?[ ](?:ban[ ]hành|xây[ ]dựng)[ ]"
)
# A blank line (spaces allowed on it): "\n  \n".
BLANK_LINE = re.compile(r"\n[ ]*\n")

# ================================================================ document: the lead of a report
# An encyclopaedia's infobox, not news: "| ---".
INFOBOX = re.compile(r"\|[ ]*-{3,}")
# The end of a lead's sentence: a line break, or ". " before a capital: ". T" of "… 2022. Theo đó".
LEAD_END = re.compile(rf"\n|[.!?](?=[ ]+[{_CAPS}])")
# The verb that reports an issuing, right before the citation: "đã ban hành ", "vừa ký ban hành ", "phê duyệt ".
REPORT_VERB = re.compile(
    r"(?:đã[ ]+)?(?:ký[ ]+)?(?:ban[ ]+hành|ra|xây[ ]+dựng|phê[ ]+duyệt|có|triển[ ]+khai)[ ]+$", re.IGNORECASE
)
# The body that issued a reported directive, in the words before it: "Ban Thường vụ Huyện ủy
# đã ban hành " of "Ban Thường vụ Huyện ủy đã ban hành Kế hoạch số 58 - KH/HU".
REPORT_ISSUER = re.compile(
    r"(?P<issuer>(?:Ban[ ]Thường[ ]vụ|Ban[ ]Chấp[ ]hành|Thường[ ]trực|Ủy[ ]ban[ ]nhân[ ]dân|UBND|HĐND|Đảng[ ]ủy|Huyện[ ]ủy|Tỉnh[ ]ủy|Thành[ ]ủy|Quận[ ]ủy|Thị[ ]ủy|Ban|Bộ|Sở)[^,.;\n]{0,80}?)[ ]+(?:đã[ ]+)?(?:ký[ ]+)?(?:ban[ ]hành|xây[ ]dựng|có|ra)[ ]",
)

# ================================================================ locate: levels and places of issuing bodies
# The body words that open an issuing-body line, before its place: "ĐẢNG ỦY " of "ĐẢNG ỦY XÃ THẠNH MỸ".
BODY_WORDS = re.compile(
    r"^(?:ĐẢNG BỘ|ĐẢNG [ỦU]Y|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|[ỦU]Y BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)[ ]+", re.IGNORECASE
)
# A Party committee of a bloc, an agency, the armed forces or an enterprise (level "other"):
# "Đảng ủy Khối các Cơ quan tỉnh", "Đảng ủy Công an tỉnh", "Đảng ủy NHPT" (an acronym).
OTHER_PARTY_BODY = re.compile(
    r"Đảng[ ][ủu]y[ ](?:Khối|khối|Công[ ]an|Quân[ ]sự|Quân[ ]khu|Bộ[ ]đội|Biên[ ]phòng|Ngân[ ]hàng|Tập[ ]đoàn|"
    r"Tổng[ ]công[ ]ty|Công[ ]ty|Cơ[ ]quan|các[ ]cơ[ ]quan|Trường|Bệnh[ ]viện|[A-ZĐ]{2,}\b)"
)
# A city's Party committee named without the city: "Ban Chấp hành Đảng bộ Thành phố", "Thành ủy".
BARE_CITY_ISSUER = re.compile(r"^(?:Ban[ ](?:Chấp[ ]hành|Thường[ ]vụ)[ ])?(?:Đảng[ ]bộ[ ][Tt]hành[ ]phố|Thành[ ][ủu]y)$")
# A city named with its unit word: "thành phố Tây Ninh", "Thành ủy Thủ Đức".
CITY_WORD = re.compile(r"(?:[Tt]hành[ ]phố|Thành[ ][ủu]y|TP\.?)[ ]")
# Words of a central issuer: "Bộ Chính trị", "Ban Bí thư", "Chính phủ", "Bộ Tài chính".
CENTRAL_WORDS = re.compile(r"Trung ương|Bộ Chính trị|Ban Bí thư|Chính phủ|Quốc hội|Thủ tướng|^Bộ ", re.IGNORECASE)
# Words that tell a local issuer's level, the first that matches wins:
# "Huyện ủy Tam Đường" (district), "Tỉnh ủy" (province), "Đảng ủy xã" (commune).
LEVEL_WORDS = (
    (re.compile(r"huyện|quận|thị xã|thị ủy", re.IGNORECASE), "district"),
    (re.compile(r"tỉnh|thành ủy|thành phố|\bTP\b|Hội đồng nhân dân|HĐND|Ủy ban nhân dân|UBND", re.IGNORECASE), "province"),
    (re.compile(r"\bxã\b|phường|thị trấn", re.IGNORECASE), "commune"),
)
# A local body in a header's issuing-body lines: "ỦY BAN NHÂN DÂN", "HUYỆN ỦY", "SỞ ".
LOCAL_BODY = re.compile(r"ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND|[ỦU]Y\b|ĐẢNG BỘ|SỞ ", re.IGNORECASE)
# Two or three capitalised words, a place named without its unit word: "Tuy Phong".
CAPITALISED = re.compile(rf"(?<!\w)[{_CAPS}][a-zà-ỹđ]+(?:[ ][{_CAPS}][a-zà-ỹđ]+){{1,2}}")

# ================================================================ resolve: cues
# Cue words: what makes a sentence carry out what it names.
_CUE_TAIL = _words("cụ thể h[oó]á?", "quán triệt", "trên cơ sở", "pursuant to")
_CUE_WORD = rf"{_words('thực hiện', 'căn cứ')}|triển[ ]khai(?:[ ]thực[ ]hiện)?|{_CUE_TAIL}"
# The subject of a report's sentence that says what the plan carries out, and its verb:
# "Kế hoạch nêu rõ, thực hiện …", "Kế hoạch này nhằm triển khai …".
_PLAN_SUBJECT = _words(*tables.plan_words())  # "Kế hoạch", "Chương trình", … (column ``plan`` of ``data/types.csv``)
_PLAN_SAYS = _words("nêu rõ", "đề ra", "xác định", "yêu cầu", "nhằm", "được ban hành nhằm", "ban hành nhằm")
# A cue word anywhere: "thực hiện", "Căn cứ", "cụ thể hóa".
CUE = re.compile(rf"(?<!\w)({_words('thực hiện', 'căn cứ', 'triển khai')}|{_CUE_TAIL})(?!\w)", re.IGNORECASE)
# A cue that opens a sentence (after bullets or numbering): "- Căn cứ", "1. Thực hiện",
# "Để tiếp tục triển khai thực hiện", "Kế hoạch nêu rõ, thực hiện".
CUE_OPENING = re.compile(
    r"[ \-+*•–\d.)a-zđ]{0,6}?"
    rf"(?:(?:{_PLAN_SUBJECT})(?:[ ]này)?(?:[ ](?:{_PLAN_SAYS}))?[ ,]+)?"
    rf"(?:Để[ ]+|để[ ]+)?(?:tiếp[ ]tục[ ]+)?(?P<cue>{_CUE_WORD})(?!\w)",
    re.IGNORECASE,
)
# A cue that ends the gap before a citation: "; Căn cứ ", " và triển khai thực hiện nghiêm ".
CUE_AT_END = re.compile(
    rf"(?<!\w)({_CUE_WORD})"
    r"(?:[ ]+(?:nghiêm(?:[ ]túc)?|có[ ]hiệu[ ]quả|tốt|các|đầy[ ]đủ))*[ ,:]*$",
    re.IGNORECASE,
)
# A verb earlier in the sentence that still governs the cue: "ban hành kế hoạch thực hiện ".
VERB_BEFORE = re.compile(r"(?:ban[ ]hành|xây[ ]dựng|có)[^.;]{0,80}(?:thực[ ]hiện|triển[ ]khai|cụ[ ]thể[ ]h[oó]á?)[ ]*$", re.IGNORECASE)
# In a report, a later sentence that says what the plan carries out: "Kế hoạch nêu rõ, thực hiện"
# of "Kế hoạch nêu rõ, thực hiện Nghị quyết số 60-NQ/TW" (callers check that a sentence starts there).
PLAN_CARRIES_OUT = re.compile(
    rf"(?:{_PLAN_SUBJECT})(?:[ ]này)?"
    rf"(?:[ ](?:{_PLAN_SAYS}))?[ ,]+"
    r"(?:để[ ]+)?(?:tiếp[ ]tục[ ]+)?(?:triển[ ]khai[ ]|thực[ ]hiện|cụ[ ]thể[ ]h[oó]á)"
)
# Where the body of an original begins: "I. MỤC ĐÍCH", "1. …", "Điều 1", "QUYẾT ĐỊNH:".
BODY_HEADING = re.compile(
    r"(?m)^[ *#_]*(?:(?:I|1|A)[ ]*[.\-:)–][ ]*\S|(?:Điều|ĐIỀU)[ ]+1\b|(?:QUYẾT[ ]ĐỊNH|QUYẾT[ ]NGHỊ|KẾT[ ]LUẬN|CHỈ[ ]THỊ|NGHỊ[ ]QUYẾT)[ ]*:|PHẦN[ ]+(?:I|THỨ[ ]NHẤT)\b|Phần[ ]+I\b)"
)

# ================================================================ resolve: links and lists
# "X … (về) (việc) (tiếp tục) thực hiện Y": the gap between X's tail and Y:
# " về thực hiện " of "Kế hoạch số 61-KH/TU … về thực hiện Kết luận số 224-KL/TU".
LINK_GAP = re.compile(
    r"^[ ,\n]*(?:\((?:[^()]{0,60})\)[ ,]*)?(?:(?:của|do)[ ][^.;:\n]{0,80}?[ ,]*)?"
    r"(?:,[ ][A-ZĐÀ-Ỹ][^.;:,\n]{0,60}?[ ]+)?"  # an apposition: "của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"
    r"(?:về[ ]+)?(?:việc[ ]+)?(?:(?:phê[ ]duyệt|ban[ ]hành)[ ]+)?(?:(?:kế[ ]hoạch|chương[ ]trình|đề[ ]án)(?:[ ]hành[ ]động)?[ ]+)?"
    r"(?:(?:tiếp[ ]tục|đẩy[ ]mạnh|tăng[ ]cường)[ ]+)?(?:(?:tổ[ ]chức|triển[ ]khai)[ ]+)?"
    r"(?:(?:thực[ ]hiện|triển[ ]khai|cụ[ ]thể[ ]h[oó]á?|sơ[ ]kết|tổng[ ]kết)"
    r"(?:[ ](?:một[ ]số|các)[ ]điều(?:[ ]của)?)?"
    r"|(?:(?:quy|qui)[ ]định[ ]chi[ ]tiết|hướng[ ]dẫn)(?:[^.;()\n]{0,90}?[ ](?:thi[ ]hành|thực[ ]hiện|của|theo))?)"
    r"[ \n]*(?:có[ ]hiệu[ ]quả[ ]+)?$",
    re.IGNORECASE,
)
# The gap of a list that a running "về thực hiện" covers: " và " of "X về thực hiện Y và Z".
LIST_GAP = re.compile(r"^[ ,;]*(?:và|cùng)?[ ]*$")
# An amendment that is part of the basis: " được sửa đổi, bổ sung bởi " of
# "… số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15".
AMENDED_BY = re.compile(r"(?:sửa[ ]đổi|bổ[ ]sung|thay[ ]thế|amended)[^.;]{0,30}?[ ](?:bởi|tại|theo|by)[ ]*(?:các[ ]+|the[ ]+)?$", re.IGNORECASE)
# Two citations joined as a list: ", ", "; ", " và ", " và các ".
COORDINATION = re.compile(r"(?:[,;:]|(?<!\w)(?:và|cùng[ ]với|hoặc|and|or))[ \n]*(?:các[ ]+|the[ ]+)?(?:số[ ]*)?$", re.IGNORECASE)
# The verb of a directive issued in a sentence that opens with a cue: " ra " of
# "Thực hiện Nghị quyết 58/NQ-TW …, Thủ tướng ra Nghị định 100/TTg".
ISSUED_BEFORE = re.compile(r"(?:ban[ ]hành|[ ]ra|ký|đã[ ]có)[ ]+$", re.IGNORECASE)

# ================================================================ links: what a news text says of the directives it names
# A cue before the head of a list of bases, anywhere before it in the sentence: "quán triệt" of
# "Tại hội nghị, đại biểu được quán triệt, triển khai những nội dung cơ bản, gồm: Chỉ thị …",
# "Bám sát" of "Bám sát Chỉ thị số 35-CT/TW … và Kế hoạch số 157-KH/TU …".
BASIS_CUE = re.compile(
    rf"(?<!\w)(?:{_words('thực hiện', 'căn cứ', 'triển khai', 'quán triệt', 'bám sát', 'cụ thể hóa', 'cụ thể hoá', 'học tập')})(?!\w)",
    re.IGNORECASE,
)
# A main clause inside a list's gap: the list of bases has ended ("…, Huyện ủy Hải Hậu đã xây dựng kế hoạch").
MAIN_CLAUSE = re.compile(
    r"(?<!\w)(?:đã|vừa|sẽ)[ ](?:[^ ,;.]+[ ]){0,3}?(?:ban[ ]hành|xây[ ]dựng|tổ[ ]chức|triển[ ]khai)(?!\w)|ban[ ]hành[ ]*:",
    re.IGNORECASE,
)
# A list mark, then the type word of an item whose symbol alone was taken: ", Hướng dẫn (mật) số "
# of "…, Hướng dẫn (mật) số 03-HD/HU".
LIST_MARK_TYPED = re.compile(r"(?:[,;:]|(?<!\w)và)[ ]*[A-ZĐ][^,;:.()]{0,30}?(?:[ ]*\([^()]{0,20}\))?[ ]+số[ ]*:?[ ]*$")
# A sentence that opens by telling what was issued before: "Sau khi Bộ Chính trị ban hành Nghị quyết …, ".
AFTER_ISSUING = re.compile(r"[ \-+*•–]{0,3}(?:Sau[ ]khi|Ngay[ ]sau[ ]khi|Tiếp[ ]theo[ ]việc)[ ]", re.IGNORECASE)
# A line that issues the enumerated directives below it: "Ban Thường vụ Thành ủy Thủ Đức đã xây
# dựng và ban hành:" (its body in ``issuer``), then lines "1. Kế hoạch số …", "2. Kế hoạch số …".
ISSUED_LIST = re.compile(
    r"(?:(?P<issuer>(?:Ban|Bộ|Tỉnh|Huyện|Thành|Quận|Thị|Đảng|Ủy|Uỷ|UBND|HĐND|Sở)[ ][^,.;:()\n“”\"]{2,80}?)[ ]+)?"
    r"(?:đã[ ]+|vừa[ ]+)?(?:xây[ ]dựng[ ]và[ ]+)?(?:ký[ ]+)?ban[ ]hành(?:[ ]các[ ]văn[ ]bản(?:[ ]sau)?)?[ ]*:[ ]*$"
)
# The number that opens an enumerated line, up to its directive: "1. " of "1. Kế hoạch số 411-KH/TU".
ENUMERATED = re.compile(r"[ \-+*]*\d{1,2}[.)][ ]*$")

# ================================================================ resolve: sentences
# What may follow a full stop that ends a sentence: a capital, a digit, a bullet or a footnote mark "[".
SENTENCE_NEXT = re.compile(rf"[{_CAPS}0-9\-–•+*\[]")
# A line break that opens a new clause of a preamble even inside a sentence: "\nCăn cứ", "\n- Thực hiện".
CLAUSE_LINE = re.compile(
    r"\n(?=[ \-+*•]*(?:Căn[ ]cứ|Thực[ ]hiện|Triển[ ]khai|Xét|Theo|Để|Quán[ ]triệt|Tiếp[ ]tục|Nơi[ ]nhận|Kính[ ]gửi|Trên[ ]cơ[ ]sở|CĂN[ ]CỨ|THỰC[ ]HIỆN|Pursuant)\b)"
)

# ================================================================ read: legacy-font text (legacy.py)
# Letters that only Unicode Vietnamese has (ă đ ĩ ũ ơ ư, the precomposed U+1EA0–U+1EF9
# block, and the combining tone marks of decomposed text); a line containing one is
# already Unicode: the "Đ" of "Đảng".
UNICODE_VIET_LETTER = re.compile(
    r"[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9"
    r"\u0300\u0301\u0303\u0309\u0323]"
)
# A whole line without any of those letters, one that may be legacy text: "Ngh\xde quyÕt".
LEGACY_LINE = re.compile(r"^[^\n" + UNICODE_VIET_LETTER.pattern[1:-1] + r"]*$", re.MULTILINE)
# Latin-1 characters from the upper half (every legacy sequence has one): the "Õ" of "quyÕt".
HIGH_LATIN1 = re.compile(r"[\u00a1-\u00ff]")
# A word: a run of letters (no digits, no underscore): "quyết", "quyÕt".
WORD = re.compile(r"[^\W\d_]+")
# The five tone marks as combining characters (NFD): "\u0301".
TONE_MARKS = re.compile(r"[\u0300\u0301\u0303\u0309\u0323]")
# One syllable, tone marks removed, lowercase: onset + nucleus + coda,
# e.g. "nghiêng" = ngh + iê + ng, "quyêt" = qu + yê + t, "đang" = đ + a + ng.
_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
_NUCLEUS = (
    r"(?:iêu|yêu|oai|oay|oeo|uây|uôi|uya|uyê|uyu|ươi|ươu"
    r"|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê"
    r"|[aăâeêioôơuưy])"
)
_CODA = r"(?:ch|ng|nh|[cmnpt])?"
SYLLABLE = re.compile(rf"{_ONSET}{_NUCLEUS}{_CODA}")
# One line with its line break (the line-wise conversion keeps them): "abc\n".
LINE = re.compile(r"[^\n]*\n?")

