"""Golden tables for the extractor: text in, expected fields out, one line per case.

Each table runs through one helper. A row names what it pins; a regression row
(under "regressions") says which mistake it keeps out. Fields are named in a
short string ("type number relation") and read by ``fields``: ``kind`` and ``id``
of a document, ``relation``/``cue``/``via_alias``/``id`` of a citation, any other
name from its ``ref``, and four computed ones: ``mentions`` (how many),
``forms`` and ``heads`` (each mention's form, and its first ten characters) and
``symbol_text`` (the symbol as output: None for a directive named without one).

Every text here is the project's own synthetic writing.
"""
from __future__ import annotations

import unicodedata

import pytest

from vbgraph.ingest import extract_text

HEADER = "HUYỆN ỦY TAM ĐƯỜNG\nSố 102 - KH/HU\nTam Đường, ngày 26 tháng 01 năm 2022\n\nKẾ HOẠCH\n"

_OWN = {"kind", "id", "relation", "cue", "via_alias"}  # attributes of the document or citation itself
_COMPUTED = {
    "mentions": lambda c: len(c.mentions),
    "forms": lambda c: tuple(m.form for m in c.mentions),
    "heads": lambda c: tuple(m.text[:10] for m in c.mentions),
    "symbol_text": lambda c: c.ref.symbol_text(),
}


def fields(item, names: str) -> tuple:
    """The named fields of a citation or a document, in the order named."""
    out = []
    for name in names.split():
        if name in _COMPUTED:
            out.append(_COMPUTED[name](item))
        else:
            out.append(getattr(item if name in _OWN else item.ref, name))
    return tuple(out)


def cites(text: str) -> list[tuple]:
    """(type, number, issuer_code, date, year) of each citation, in text order."""
    return [fields(c, "type number issuer_code date year") for c in extract_text(text).citations]


def one(text: str):
    found = extract_text(text).citations
    assert len(found) == 1, [c.ref for c in found]
    return found[0]


def row(id: str, *values, marks=()):
    return pytest.param(*values, id=id, marks=marks)


# ---------------------------------------------------------------- citation forms
FORMS = [
    # Party style
    ("Nghị quyết số 35-NQ/TW của Bộ Chính trị", ("NQ", "35", "TW", None, None)),
    ("Kết luận số 224- KL/TU của Tỉnh ủy", ("KL", "224", "TU", None, None)),
    ("Kế hoạch số 58 - KH/HU của Huyện ủy", ("KH", "58", "HU", None, None)),
    ("Kế hoạch số 06-KH/BTGDVTU về tuyên truyền", ("KH", "06", "BTGDVTU", None, None)),
    ("Chương trình hành động số 05-CTr/TU của Tỉnh ủy", ("CTr", "05", "TU", None, None)),
    ("Quy định số 11-QĐ/TW của Bộ Chính trị", ("QĐi", "11", "TW", None, None)),
    ("Đề án số 17 - ĐA/TU của Tỉnh ủy", ("ĐA", "17", "TU", None, None)),
    ("Kết luận 01-KL/TW ngày 18/5/2021", ("KL", "01", "TW", "2021-05-18", 2021)),
    # State style
    ("Kế hoạch số 132/KH-ĐUK về công tác", ("KH", "132", "ĐUK", None, None)),
    ("Nghị định số 13/2023/NĐ-CP của Chính phủ", ("NĐ", "13", "CP", None, 2023)),
    ("Công văn số 326/UBND-KGVX của UBND tỉnh", ("CV", "326", "UBND-KGVX", None, None)),
    ("Luật số 36/2018/QH14 được thông qua", ("L", "36", "QH14", None, 2018)),
    ("Luật Quy hoạch số 21/2017/QH14 có hiệu lực", ("L", "21", "QH14", None, 2017)),
    ("Thông tư liên tịch số 12/2010/TTLT-BKHĐT-BTC hướng dẫn", ("TT", "12", "BKHĐT-BTC", None, 2010)),
    ("Chỉ thị số 17/CT-TTg của Thủ tướng", ("CT", "17", "TTg", None, None)),
    ("Công văn số 5388/CT-CS gửi các đơn vị", ("CV", "5388", "CT-CS", None, None)),
    ("Tờ trình số 68/TTr- SDTTG ngày 25/11/2025", ("TTr", "68", "SDTTG", "2025-11-25", 2025)),
    ("Quyết định số 20/2020/QĐ- TTg ngày 22/7/2020", ("QĐ", "20", "TTg", "2020-07-22", 2020)),
    ("Quyết định số 4347/QĐ-BVHTT&DL ngày 14/11/2025", ("QĐ", "4347", "BVHTT&DL", "2025-11-14", 2025)),
    ("văn bản số 87/TB-VPCP thông báo", ("TB", "87", "VPCP", None, None)),
    # year given in words
    ("Nghị quyết 68-NQ/TW năm 2025 của Bộ Chính trị", ("NQ", "68", "TW", None, 2025)),
    # a consolidated text: the symbol's type decides over the reprinted heading word
    ("Thông tư số 09/VBHN-BCT ngày 1/2/2025", ("VBHN", "09", "BCT", "2025-02-01", 2025)),
    # a dash for the first slash
    ("Nghị quyết 19-2017/NQ-CP của Chính phủ", ("NQ", "19", "CP", None, 2017)),
]


@pytest.mark.parametrize("text,expected", FORMS, ids=[t[:32] for t, _ in FORMS])
def test_citation_forms(text, expected):
    assert cites(text)[0] == expected


# ---------------------------------------------------------------- dates
DATES = [
    row("slashes", "Kết luận số 9-KL/TU ngày 18/10/2021 của Tỉnh ủy", "2021-10-18"),
    row("dashes after a comma", "Kết luận số 9-KL/TU, ngày 18-5-2021 của Tỉnh ủy", "2021-05-18"),
    row("in words", "Kết luận số 9-KL/TU ngày 26 tháng 01 năm 2022 của Tỉnh ủy", "2022-01-26"),
    row("dots", "Kết luận số 9-KL/TU ngày 18.5.2021", "2021-05-18"),
    row("after the issuer", "Kết luận số 9-KL/TU của Tỉnh ủy ngày 03/02/2020", "2020-02-03"),
    row("month 13 is not a date", "Kết luận số 9-KL/TU ngày 12/13/2020", None),
    row("day 31 of February is not a date (was kept as '2020-02-31')", "Kết luận số 9-KL/TU ngày 31/02/2020", None),
]


@pytest.mark.parametrize("text,date", DATES)
def test_dates(text, date):
    assert one(text).ref.date == date


# ---------------------------------------------------------------- texts that cite nothing
NOT_CITED = [
    row("article and clause", "Theo Điều 5, khoản 2 của văn bản này."),
    row("blank form number", "Quyết định số /2025/QĐ-UBND ngày tháng năm 2025"),
    row("phone and house numbers", "Điện thoại: 0213/3876 543, số nhà 12/3 đường Trần Phú."),
    row("bare dates", "Ngày 18/10/2021 và 20/11/2022 là hai mốc."),
    row("form template number", "Tờ khai theo mẫu số 01/NDAN ban hành kèm theo."),
    row("short form alone", "Các cấp ủy quán triệt Kết luận 224 và Đề án 17."),
    row("plenum with several resolutions and no subject", "Thực hiện Nghị quyết Trung ương 7 khóa XII."),
    row("congress without ordinal", "Phấn đấu thực hiện thắng lợi Nghị quyết Đại hội Đảng các cấp."),
    row("own number in the body", HEADER + "Kế hoạch số 102-KH/HU này được gửi các chi bộ.\n"),
]


@pytest.mark.parametrize("text", NOT_CITED)
def test_not_cited(text):
    assert extract_text(text).citations == ()


# ---------------------------------------------------------------- citations: text in, chosen fields of each out
_KL224 = "Kết luận số 224-KL/TU ngày 18/10/2021. Các cấp ủy quán triệt Kết luận 224 và Kế hoạch này."
_PREAMBLE = (HEADER + "Thực hiện Kết luận số 224-KL/TU ngày 18/10/2021 của Tỉnh ủy và Kế hoạch số 61-KH/TU "
             "ngày 22/12/2021 của Ban Thường vụ Tỉnh ủy về thực hiện Kết luận số 224-KL/TU;\n\n"
             "I. MỤC ĐÍCH\n\nTiếp tục quán triệt Nghị quyết số 35-NQ/TW của Bộ Chính trị.\n")
_CAN_CU = ("ỦY BAN NHÂN DÂN TỈNH GIA LAI\n\nSố: 1/QĐ-UBND\n\nQUYẾT ĐỊNH\n"
           "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n"
           "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ; Nghị định số 92/2017/NĐ-CP;\n"
           "Theo đề nghị của Sở tại Tờ trình số 113/TTr-SCT.\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Nội dung.\n")
_MERGED_PROVINCE = ("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\n\nSố: 6/CT-UBND\n\nQuảng Trị, ngày 25 tháng 11 năm 2025\n\nCHỈ THỊ\n"
                    "Thực hiện Kế hoạch số 134-KH/TU ngày 29/12/2023 của Ban Thường vụ Tỉnh ủy.\n")
_NEWS_LEAD = "Ban Bí thư ra Quy định số 50-QĐ/TW. Theo 50-QĐ/TW, các cấp thực hiện."
_GENERAL_NEWS = "Sáng nay, hội nghị bàn về Nghị quyết số 57-NQ/TW của Bộ Chính trị."
_AMENDMENT = ("ỦY BAN NHÂN DÂN TỈNH GIA LAI\n\nSố: 2/QĐ-UBND\n\nQUYẾT ĐỊNH\n"
              "Căn cứ Luật Ban hành văn bản số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15;\n"
              "Căn cứ Nghị quyết số 7/2025/NQ-CP của Chính phủ về chính sách theo Kết luận số 183-KL/TW;\n\nQUYẾT ĐỊNH:\n")
_AMENDING_LAW = ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15; Luật Sửa đổi, bổ sung một số điều "
                 "Luật Ban hành văn bản quy phạm pháp luật số 87/2025/QH15;")
_ENGLISH = ("THE GOVERNMENT\n\nNo. 306/2025/ND-CP\n\nHanoi, November 25, 2025\n\nDECREE\n\n"
            "Pursuant to the Law on Securities No. 54/2019/QH14, as amended by the Law No. 56/2024/QH15;\n"
            "Pursuant to Decree No. 156/2020/ND-CP dated December 31, 2020;\n\nArticle 1.\n")
_CARRIES_OUT = ("Ngày 14/4/2025, Ban Chỉ đạo đã ký ban hành Kế hoạch số 47-KH/BCĐ về sắp xếp đơn vị hành chính. "
                "Kế hoạch nêu rõ, thực hiện Nghị quyết số 60-NQ/TW ngày 12/4/2025 của Ban Chấp hành Trung ương.")
_LETTER_ARGUES = ("BỘ TÀI CHÍNH\n\nSố: 14/TCT-CS\n\nHà Nội, ngày 04 tháng 05 năm 2013\n\nKính gửi:\n\n- Cục Thuế tỉnh A.\n\n"
                  "Thực hiện Công văn số 577/CT-THNVDT ngày 23/4/2013 của Cục Thuế, Tổng cục Thuế có ý kiến như sau:\n\n"
                  "Tại Nghị định số 120/2010/NĐ-CP quy định việc miễn.\n\n"
                  "Căn cứ quy định nêu trên, Tổng cục đồng ý với Công văn số 1752/CT-THNVDT ngày 07/12/2012.\n")

# Cascades in news: lists of bases, plans issued under them, plans without symbols (issue 10).
_COLISTED = ("Bám sát Chỉ thị số 9-CT/TW ngày 2/3/2021 của Bộ Chính trị và Kế hoạch số 77-KH/TU ngày 5/4/2021 của "
             "Ban Thường vụ Tỉnh ủy Lai Châu về tổ chức hội nghị, Huyện ủy Tam Đường đã xây dựng kế hoạch.")
_ENUMERATED = ("Thực hiện Chỉ thị số 9-CT/TW ngày 2/3/2021 của Bộ Chính trị, Ban Thường vụ Huyện ủy Tam Đường đã xây dựng "
               "và ban hành:\n1. Kế hoạch số 80-KH/HU ngày 5/4/2021 về hội nghị.\n2. Kế hoạch số 81-KH/HU ngày 5/4/2021 về tuyên truyền.")
_BASIS_THEN_ISSUED = ("Thực hiện Chỉ thị số 9-CT/TW ngày 2/3/2021 của Bộ Chính trị; Kế hoạch số 70-KH/ĐUK ngày 3/3/2021 về đại hội. "
                      "Ngày 5/4/2021, Ban Thường vụ Đảng ủy Khối đã ban hành Kế hoạch số 12-KH/ĐUK về đại hội.")
_AFTER_ISSUING = ("Tin tức địa phương\n\nSau khi Bộ Chính trị ban hành Chỉ thị số 9-CT/TW ngày 2/3/2021, Ban Thường vụ Tỉnh ủy "
                  "Lai Châu ban hành Kế hoạch số 77-KH/TU, Ban Thường vụ Huyện ủy Tam Đường đã ban hành Kế hoạch số 80-KH/HU ngày 6/4/2021.")
_NO_SYMBOL = ("Thực hiện Chỉ thị số 9-CT/TW ngày 2/3/2021 của Bộ Chính trị và Kế hoạch số 155, ngày 07/7/2021 của Thành ủy "
              "Hà Nội về đại hội, Đảng ủy Khối xây dựng kế hoạch.")
_BLOC = ("Thực hiện Chỉ thị số 9-CT/TW ngày 2/3/2021 của Bộ Chính trị; Kế hoạch số 81-KH/ĐUK ngày 15/8/2021; Hướng dẫn "
         "số 23-HD/ĐUK của Đảng ủy Khối Doanh nghiệp Trung ương về đại hội.")
_DOMINANT = ("Huyện ủy Thoại Sơn tổ chức hội nghị quán triệt Chỉ thị số 9-CT/TW của Bộ Chính trị; Kế hoạch số 94-KH/TU "
             "của Tỉnh ủy về đại hội.")
_CENTRE_LEAD = ("Huyện ủy Hải Hậu triển khai Chỉ thị số 9-CT/TW ngày 2/3/2021 của Bộ Chính trị\n\nBám sát Chỉ thị số 9-CT/TW "
                "của Bộ Chính trị và Kế hoạch số 157-KH/TU ngày 5/4/2021 của Ban Thường vụ Tỉnh ủy, Huyện ủy Hải Hậu đã xây dựng kế hoạch.")
_BODY_TASK = ("Lãnh đạo Bộ yêu cầu tiếp tục thực hiện nghiêm túc Chỉ thị số 11-CT/TW ngày 20/12/2016 của Ban Bí thư, "
              "Điện số 499/ĐK về cao điểm.")

CITED = [
    # lists and short forms
    row("number list before one symbol", "Kết luận số 187, 188-KL/TW của Bộ Chính trị",
        "type number issuer_code", [("KL", "187", "TW"), ("KL", "188", "TW")]),
    row("short form merges with full citation", _KL224, "forms", [(("full", "short"),)]),
    row("two congresses in one phrase",
        "Thực hiện Nghị quyết Đại hội Đảng bộ huyện lần thứ XX và Đại hội Đảng toàn quốc lần thứ XIII.",
        "issuer_code congress", [("HU", "XX"), ("TW", "XIII")]),
    # relations
    row("preamble implements, body refers", _PREAMBLE,
        "number relation cue", [("224", "implements", "thực hiện"), ("61", "implements", "thực hiện"), ("35", "refers_to", None)]),
    row("each can cu line implements", _CAN_CU,
        "number relation", [("72", "implements"), ("63", "implements"), ("92", "implements"), ("113", "refers_to")]),
    row("general news refers", _GENERAL_NEWS, "relation", [("refers_to",)]),
    # jurisdiction
    row("local citation takes the document province",
        HEADER + "Thực hiện Kế hoạch số 61-KH/TU của Ban Thường vụ Tỉnh ủy; Kế hoạch số 71-KH/HU của Huyện ủy.\n",
        "number province district", [("61", "Lai Châu", None), ("71", "Lai Châu", "Tam Đường")]),
    row("named province wins over the document",
        HEADER + "Thực hiện Kết luận số 9-KL/TU ngày 1/2/2021 của Ban Chấp hành Đảng bộ tỉnh Lào Cai.\n",
        "province", [("Lào Cai",)]),
    row("central citation has no province", HEADER + "Thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị.\n",
        "province level", [(None, "central")]),
    row("pre-reform citation in a merged province keeps no province", _MERGED_PROVINCE, "province", [(None,)]),
    row("English translation", _ENGLISH, "type number relation date",
        [("L", "54", "implements", None), ("L", "56", "implements", None), ("NĐ", "156", "implements", "2020-12-31")]),
    # regressions (each names what it pins)
    # an issuing sentence in a news lead is the report's own directive, not a citation of it
    row("news lead cites nothing", _NEWS_LEAD, "type", []),
    # a later "50-QĐ/TW" with no type word is the same Quy định (QĐi), not a second QĐ
    row("bare symbol merges with its typed mention",
        HEADER + "Ban Bí thư ra Quy định số 50-QĐ/TW. Theo 50-QĐ/TW, các cấp thực hiện.\n",
        "type number mentions", [("QĐi", "50", 2)]),
    # "Ngày 12/3/2012, ..." opening the sentence dates the citation that follows
    row("date that opens the sentence",
        HEADER + "\nNgày 12/3/2012, Văn phòng Chính phủ đã có văn bản số 87/TB-VPCP thông báo kết luận.\n",
        "type date", [("TB", "2012-03-12")]),
    # "của <issuer> tại Tờ trình" names the issuer before the symbol
    row("issuer named before a submission",
        HEADER + "Theo đề nghị của Ban Tuyên giáo Huyện ủy tại Tờ trình số 5/TTr-BTGHU.\n",
        "issuer province", [("Ban Tuyên giáo Huyện ủy", "Lai Châu")]),
    # "được sửa đổi, bổ sung bởi" inside a Căn cứ line still implements; "theo" further on only refers
    row("amendment inside a legal basis implements", _AMENDMENT,
        "number relation", [("64", "implements"), ("87", "implements"), ("7", "implements"), ("183", "refers_to")]),
    # 'pháp luật' is not a type word, and the outermost 'Luật' heads a title that names another law
    row("title of an amending law and phap luat", _AMENDING_LAW,
        "type number heads", [("L", "64", ("Luật Ban h",)), ("L", "87", ("Luật Sửa đ",))]),
    # a bibliography line "Issuer (date). "Title số …"" gives issuer, date and place
    row("reference list entry gives date and place",
        'Tham khảo\n\n- Ủy ban nhân dân tỉnh Thanh Hóa (ngày 22 tháng 1 năm 2024). "Phương án số 25/PA-UBND tổng thể"',
        "type date province", [("PA", "2024-01-22", "Thanh Hóa")]),
    # a report's second sentence "thực hiện …" says what the reported plan carries out
    row("report sentence saying what the plan carries out", _CARRIES_OUT,
        "number relation", [("60", "implements")]),
    # "Hướng dẫn … 7886/HD-BNV" and later "Công văn … 7886/HD-BNV" are one directive
    row("a type word that contradicts the symbol elsewhere merges",
        HEADER + "Theo Hướng dẫn số 7886/HD-BNV ngày 14/9/2025 của Bộ Nội vụ. Thực hiện Công văn số 7886/HD-BNV.\n",
        "type number issuer_code mentions", [("HD", "7886", "BNV", 2)]),
    # a letter's later "Căn cứ quy định nêu trên" argues; only the opening "Thực hiện" implements
    row("a letter's later can cu argues and does not implement", _LETTER_ARGUES,
        "number relation", [("577", "implements"), ("120", "refers_to"), ("1752", "refers_to")]),
    # cascades in news (issue 10)
    row("a plan named by number and issuer without its symbol", _NO_SYMBOL,
        "type number issuer_code symbol_text province level",
        [("CT", "9", "TW", "9-CT/TW", None, "central"), ("KH", "155", "TU", None, "Hà Nội", "province")]),
    row("Party committees of blocs are level other", _BLOC,
        "number level province", [("9", "central", None), ("81", "other", None), ("23", "other", None)]),
    row("a bare Tinh uy takes the one province the article's places lie in", _DOMINANT,
        "number province district", [("9", None, None), ("94", "An Giang", None)]),
    row("a bare Dang bo Thanh pho is the one city below a province the article names",
        "Thực hiện Chỉ thị số 9-CT/TW ngày 2/3/2021 của Bộ Chính trị; Kế hoạch số 19-KH/TU ngày 5/4/2021 của Ban Chấp hành "
        "Đảng bộ Thành phố về đại hội trong Đảng bộ thành phố Tây Ninh, tiến tới Đại hội Đảng bộ tỉnh Tây Ninh, đã tổ chức đại hội.",
        "number level province district", [("9", "central", None, None), ("19", "district", "Tây Ninh", "Tây Ninh")]),
    row("a report issued after a basis sentence without main clause carries its items out", _BASIS_THEN_ISSUED,
        "number relation", [("9", "implements"), ("70", "implements")]),
    row("a report issued after the centre's act carries it out", _AFTER_ISSUING,
        "number relation cue", [("9", "implements", "sau khi"), ("80", "refers_to", None)]),
]


@pytest.mark.parametrize("text,names,expected", CITED)
def test_citations(text, names, expected):
    assert [fields(c, names) for c in extract_text(text).citations] == expected


# ---------------------------------------------------------------- the document itself
_STATE_HEADER = ("ỦY BAN NHÂN\nDÂN\nTỈNH GIA LAI\n--------\n\nSố: 2698/QĐ-UBND\n\nGia Lai, ngày\n21 tháng 11 năm 2025\n\n"
                 "QUYẾT ĐỊNH\nVề việc công bố\n")
_LETTER = "BỘ XÂY DỰNG\n\nSố: 2428/BXD-QLN\n\nHà Nội, ngày 15 tháng 11 năm 2013\n\nKính gửi: Ủy ban nhân dân các tỉnh\n"
_REPORT = ("Tuy Phong: triển khai chuyên đề năm 2022\n\nNgày 25/3/2022, Ban Thường vụ Huyện ủy đã ban hành "
           "Kế hoạch số 58 - KH/HU để triển khai thực hiện chuyên đề.")
_REPORT_PARENTHESIS = ("Ngày 14/4/2025, Ban Chỉ đạo về tổng kết Nghị quyết số 18-NQ/TW (ngày 25/10/2017 của Ban Chấp hành "
                       "Trung ương) đã ký ban hành Kế hoạch số 47-KH/BCĐ về sắp xếp đơn vị hành chính.")

DOCUMENTS = [
    row("original header", HEADER + "Thực hiện Kết luận số 224-KL/TU của Tỉnh ủy\n",
        "kind type number issuer_code date province district",
        ("original", "KH", "102", "HU", "2022-01-26", "Lai Châu", "Tam Đường")),
    row("state header broken over lines", _STATE_HEADER,
        "kind type number issuer_code date province", ("original", "QĐ", "2698", "UBND", "2025-11-21", "Gia Lai")),
    row("letter without heading is a cong van", _LETTER,
        "type number issuer_code province", ("CV", "2428", "BXD-QLN", None)),
    row("report of a plan", _REPORT,
        "kind number issuer_code date province district", ("report", "58", "HU", "2022-03-25", "Bình Thuận", "Tuy Phong")),
    row("general news is other", _GENERAL_NEWS, "kind id", ("other", None)),
    row("English translation", _ENGLISH, "type number date", ("NĐ", "306", "2025-11-25")),
    # regressions (each names what it pins)
    # an issuing sentence in a news lead makes the text a report on that directive
    row("issuing sentence in a news lead makes a report", _NEWS_LEAD, "kind type number", ("report", "QĐi", "50")),
    # a letter that opens with "Kính gửi" is an original Công văn, even with no symbol of its own
    row("letter opening with kinh gui is an original",
        "Kính gửi: Công ty A.\n\nCục Hải quan nhận được công văn số 19/CV-TT ngày 6/10/2025.",
        "kind type number", ("original", "CV", None)),
    # the report's date is the one opening the lead, not the one in a parenthesis
    row("report date opens the lead, not a parenthesis", _REPORT_PARENTHESIS,
        "kind number date", ("report", "47", "2025-04-14")),
    # "Quyết định số 326-CP": an old-style symbol right after a type word
    row("old style symbol after a type word",
        "Ngày 29 tháng 12 năm 1978, Hội đồng Chính phủ ban hành Quyết định số 326-CP về việc lập huyện.",
        "kind type number issuer_code date", ("report", "QĐ", "326", "CP", "1978-12-29")),
    row("report sentence saying what the plan carries out", _CARRIES_OUT, "kind", ("report",)),
    # a lead about the centre's act, then local plans: no report of the central directive (issue 10)
    row("a lead on the centre's act before local plans is no report of it", _CENTRE_LEAD, "kind", ("other",)),
    row("the local plan issued after the centre's act is the one reported", _AFTER_ISSUING,
        "kind number province", ("report", "77", "Lai Châu")),
]


@pytest.mark.parametrize("text,names,expected", DOCUMENTS)
def test_document(text, names, expected):
    assert fields(extract_text(text).document, names) == expected


# ---------------------------------------------------------------- identity from the extractor (issue 9)
_UBND = "UBND TỈNH LAI CHÂU\nSố: 12/KH-UBND\nLai Châu, ngày 5 tháng 3 năm 2024\n\nKẾ HOẠCH\n"
IDS = [
    # mentions of one key with different years are two citations, each with its own date
    row("one key written with two years is two citations",
        _UBND + "Căn cứ Nghị định số 22/2015/NĐ-CP ngày 16/02/2015 của Chính phủ về quản lý; Nghị định số "
        "22/2023/NĐ-CP ngày 12/5/2023 của Chính phủ sửa đổi Nghị định 22.\n",
        [("vn/national/cp/nd/2015/22", "2015-02-16"), ("vn/national/cp/nd/2023/22", "2023-05-12")]),
    # the document's own type, number and issuer of another year or province is a citation
    row("own number of another year is a citation",
        _UBND + "Thực hiện Kế hoạch số 12/KH-UBND ngày 3/1/2023 của UBND tỉnh Lai Châu về chuyển đổi số.\n",
        [("vn/lai-chau/ubnd/kh/2023/12", "2023-01-03")]),
    row("own number of another province is a citation",
        _UBND + "Thực hiện Kế hoạch số 12/KH-UBND ngày 3/1/2024 của UBND tỉnh Điện Biên về chuyển đổi số.\n",
        [("vn/dien-bien/ubnd/kh/2024/12", "2024-01-03")]),
    row("the document naming itself is no citation", _UBND + "Kế hoạch số 12/KH-UBND được gửi các sở.\n", []),
    # the date's year beats a contradicting "năm YYYY"; an administrative symbol keeps its series
    row("a date beats a contradicting year in the id",
        _UBND + "Thực hiện Nghị quyết số 57-NQ/TW năm 2025 ngày 22 tháng 12 năm 2024 của Bộ Chính trị.\n",
        [("vn/national/tw/nq/2024/57", "2024-12-22")]),
    # a body's level from its name when its code is a local one's ("ĐU" of Đảng ủy Chính phủ)
    row("Dang uy Chinh phu is central",
        _UBND + "Thực hiện Báo cáo số 21-BC/ĐU ngày 3/1/2024 của Đảng ủy Chính phủ.\n",
        [("vn/national/du/bc/2024/21", "2024-01-03")]),
    row("an administrative symbol's series in the id",
        _UBND + "Căn cứ Quyết định số 12/QĐ-TTg ngày 6/1/2017 của Thủ tướng Chính phủ.\n",
        [("vn/national/ttg/qd/2017-hc/12", "2017-01-06")]),
]


@pytest.mark.parametrize("text,expected", IDS)
def test_ids(text, expected):
    assert [(c.id, c.ref.date) for c in extract_text(text, source="a.txt").citations] == expected


# ---------------------------------------------------------------- the citing text's own date (bound of what it cites)
TEXT_DATES = [
    row("an original's date", HEADER + "Thực hiện Kết luận số 224-KL/TU của Tỉnh ủy\n", "2022-01-26"),
    row("a news dateline on its own line", "Huyện ủy họp bàn đại hội\n\n18/09/2019 - 07:33\n\nHuyện ủy vừa tổ chức "
        "hội nghị quán triệt Chỉ thị số 35-CT/TW của Bộ Chính trị.", "2019-09-18"),
    row("a lead opening on the part of the day", "Sáng 20/9/2024 Đảng bộ xã tổ chức hội nghị quán triệt Chỉ thị "
        "số 35-CT/TW của Bộ Chính trị.", "2024-09-20"),
    # a lead opening on "Ngày …" may narrate the past: no bound
    row("a lead narrating a past date gives none", "Ngày 5/3/2019, Tỉnh ủy đã ban hành nhiều văn bản về công tác cán bộ.",
        None),
]


@pytest.mark.parametrize("text,date", TEXT_DATES)
def test_text_date(text, date):
    e = extract_text(text)
    assert (e.text_date, e.to_dict()["text_date"]) == (date, date)


def test_so_line_inside_an_article_is_not_a_header():
    """Regression: a "Số …" line in the middle of an article made the page an original."""
    text = "Quy mô dự án nhà ở\n\nNgười dân hỏi về dự án.\nSố 5635/UBND-XDGT ngày 30/7/2014 về việc chấp thuận."
    assert extract_text(text).document.kind != "original"


# ---------------------------------------------------------------- links: (source number, target number) in order
LINKS = [
    row("plan on a conclusion, in the preamble", _PREAMBLE, [("61", "224")]),
    row("chain in the body",
        "Kế hoạch số 71-KH/HU ngày 21/7/2021 của Ban Thường vụ Huyện ủy thực hiện Kết luận số 76-KL/TW "
        "về tiếp tục thực hiện Nghị quyết số 33-NQ/TW về văn hóa.",
        [("71", "76"), ("76", "33")]),
    # regression: a law named later by its title alone is the numbered law cited before
    row("law named by title alone links to its number",
        "Căn cứ Luật Địa chất và khoáng sản số 54/2024/QH15; Nghị định số 193/2025/NĐ-CP của Chính phủ "
        "quy định chi tiết một số điều của Luật Địa chất và khoáng sản.",
        [("193", "54")]),
    # regression: a directive issued in a sentence opened by "Thực hiện" implements that sentence's object only
    row("directive issued in a sentence opened by a cue implements its object",
        HEADER + "\nLịch sử đơn vị.\n\nThực hiện Nghị quyết 58/NQ-TW của Bộ Chính trị, ngày 3/3/1959, Thủ tướng ra "
        "Nghị định 100/TTg thành lập lực lượng.[36] Ngày 19/5/1979, Bộ Chính trị ra Nghị quyết 22/NQ-TW.",
        [("100", "58")]),
    # cascades in news (issue 10): each later item of a list of bases, issued below its head, carries it out
    row("a plan co-listed with the central directive", _COLISTED, [("77", "9")]),
    row("a plan without symbol co-listed with the central directive", _NO_SYMBOL, [("155", "9")]),
    row("plans enumerated under an issuing line", _ENUMERATED, [("80", "9"), ("81", "9")]),
    row("a basis sentence without main clause, then the plan issued: the basis items", _BASIS_THEN_ISSUED, [("70", "9")]),
    row("after the centre's act, a district plan issued in the same sentence", _AFTER_ISSUING, [("80", "9")]),
    # regression: a body task listing a body the text does not place is no list of bases
    row("a task listing directives of unplaced bodies links nothing", _BODY_TASK, []),
    # regression: an original's preamble lists what it carries out itself, not a cascade
    row("an original's list of bases links nothing",
        HEADER + "Thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị; Kế hoạch số 61-KH/TU của Ban Thường vụ Tỉnh ủy.\n", []),
]


@pytest.mark.parametrize("text,expected", LINKS)
def test_links(text, expected):
    e = extract_text(text)
    number = {c.id: c.ref.number for c in e.citations}
    assert [(number[link.source], number[link.target]) for link in e.links] == expected


# ---------------------------------------------------------------- well-known names and congresses
@pytest.mark.parametrize("phrase,number,date", [
    ("Nghị quyết Trung ương 4 khóa XII về xây dựng, chỉnh đốn Đảng", "04", "2016-10-30"),
    ("Nghị quyết Trung ương 4 (khóa XII) về xây dựng, chỉnh đốn Đảng", "04", "2016-10-30"),
    ("Kết luận Hội nghị Trung ương 4 khóa XIII về xây dựng, chỉnh đốn Đảng", "21", "2021-10-25"),
    ("Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII về suy thoái", "04", "2016-10-30"),
    ("Nghị quyết Hội nghị lần thứ chín Ban Chấp hành Trung ương Đảng (Khóa XI) về văn hóa", "33", "2014-06-09"),
    ("Nghị quyết Hội nghị lần thứ năm Ban Chấp hành Trung ương khóa XII về kinh tế tư nhân", "10", "2017-06-03"),
])
def test_well_known_names(phrase, number, date):
    c = one("Tiếp tục thực hiện " + phrase + ".")
    assert (c.ref.number, c.ref.issuer_code, c.ref.date) == (number, "TW", date)
    assert c.via_alias


@pytest.mark.parametrize("phrase,code,congress", [
    ("Nghị quyết Đại hội XIII của Đảng", "TW", "XIII"),
    ("Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII", "TW", "XIII"),
    ("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX", "TU", "XX"),
    ("Nghị quyết Đại hội XXIII Đảng bộ huyện", "HU", "XXIII"),
    ("Nghị quyết Đại hội Đảng bộ tỉnh, nhiệm kỳ 2020 - 2025", "TU", "2020-2025"),
])
def test_congress_resolutions(phrase, code, congress):
    c = one("Góp phần thực hiện " + phrase + " đã đề ra.")
    assert (c.ref.type, c.ref.number, c.ref.issuer_code, c.ref.congress) == ("NQ", None, code, congress)


# ---------------------------------------------------------------- normalisation
NORMALISED = [
    ("Ð for Đ", "Nghị định số 146/2006/NÐ-CP", ("NĐ", "146", "CP")),
    ("en dash", "Kết luận số 224–KL/TU", ("KL", "224", "TU")),
    ("NFD", unicodedata.normalize("NFD", "Kết luận số 224-KL/TU của Tỉnh ủy"), ("KL", "224", "TU")),
    ("broken line", "Nghị định số\n78/2025/NĐ-CP quy định", ("NĐ", "78", "CP")),
    ("footnote mark", "Nghị định số 146/2006/NĐ-CP[15] quy định", ("NĐ", "146", "CP")),
    ("Cyrillic", "Kế hoạch số 12-КН/ТU", ("KH", "12", "TU")),
    ("TƯ", "Nghị quyết số 35-NQ/TƯ của Bộ Chính trị", ("NQ", "35", "TW")),
    ("no-break space", "Nghị quyết số\u00a035-NQ/TW", ("NQ", "35", "TW")),
    ("zero-width", "Nghị quyết số 35\u200b-NQ/TW", ("NQ", "35", "TW")),
]


@pytest.mark.parametrize("name,text,expected", NORMALISED, ids=[n for n, _, _ in NORMALISED])
def test_normalisation(name, text, expected):
    c = one(text)
    assert (c.ref.type, c.ref.number, c.ref.issuer_code) == expected
    for m in c.mentions:  # offsets point into the original text
        assert text[m.start:m.end] == m.text
        assert m.text.strip()


# ---------------------------------------------------------------- what a table cannot say
def test_unknown_province_is_scoped_to_the_document():
    """The same local citation in two files of unknown province is two directives."""
    a = extract_text("KẾ HOẠCH\nThực hiện Kế hoạch số 57-KH/TU ngày 28/4/2023.", source="a.txt").citations[0]
    b = extract_text("KẾ HOẠCH\nThực hiện Kế hoạch số 57-KH/TU ngày 28/4/2023.", source="b.txt").citations[0]
    assert a.ref.province is None and a.id != b.id
