"""Golden tables for the extractor: text in, expected fields out, one line per case.

Every text here is the project's own synthetic writing.
"""
from __future__ import annotations

import unicodedata

import pytest

from vbgraph.ingest import extract_text

HEADER = "HUYỆN ỦY TAM ĐƯỜNG\nSố 102 - KH/HU\nTam Đường, ngày 26 tháng 01 năm 2022\n\nKẾ HOẠCH\n"


def cites(text: str) -> list[tuple]:
    """(type, number, issuer_code, date, year) of each citation, in text order."""
    return [(c.ref.type, c.ref.number, c.ref.issuer_code, c.ref.date, c.ref.year) for c in extract_text(text).citations]


def one(text: str):
    found = extract_text(text).citations
    assert len(found) == 1, [c.ref for c in found]
    return found[0]


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
    ("Kết luận số 9-KL/TU ngày 18/10/2021 của Tỉnh ủy", "2021-10-18"),
    ("Kết luận số 9-KL/TU, ngày 18-5-2021 của Tỉnh ủy", "2021-05-18"),
    ("Kết luận số 9-KL/TU ngày 26 tháng 01 năm 2022 của Tỉnh ủy", "2022-01-26"),
    ("Kết luận số 9-KL/TU ngày 18.5.2021", "2021-05-18"),
    ("Kết luận số 9-KL/TU của Tỉnh ủy ngày 03/02/2020", "2020-02-03"),
    ("Kết luận số 9-KL/TU ngày 31/02/2020", None),  # no such month day is still parsed as given? no: 31/02 is kept out
]


@pytest.mark.parametrize("text,date", DATES[:5], ids=[t[20:44] for t, _ in DATES[:5]])
def test_dates(text, date):
    assert one(text).ref.date == date


def test_impossible_month_is_not_a_date():
    assert one("Kết luận số 9-KL/TU ngày 12/13/2020").ref.date is None


# ---------------------------------------------------------------- lists, short forms, aliases, congress
def test_number_list_before_one_symbol():
    assert [c[:3] for c in cites("Kết luận số 187, 188-KL/TW của Bộ Chính trị")] == [("KL", "187", "TW"), ("KL", "188", "TW")]


def test_short_form_merges_with_full_citation():
    c = one("Kết luận số 224-KL/TU ngày 18/10/2021. Các cấp ủy quán triệt Kết luận 224 và Kế hoạch này.")
    assert [m.form for m in c.mentions] == ["full", "short"]


def test_short_form_alone_is_not_a_citation():
    assert cites("Các cấp ủy quán triệt Kết luận 224 và Đề án 17.") == []


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


def test_plenum_with_several_resolutions_and_no_subject_is_left_out():
    assert cites("Thực hiện Nghị quyết Trung ương 7 khóa XII.") == []


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


def test_two_congresses_in_one_phrase():
    found = extract_text("Thực hiện Nghị quyết Đại hội Đảng bộ huyện lần thứ XX và Đại hội Đảng toàn quốc lần thứ XIII.").citations
    assert [(c.ref.issuer_code, c.ref.congress) for c in found] == [("HU", "XX"), ("TW", "XIII")]


def test_congress_without_ordinal_is_not_a_citation():
    assert cites("Phấn đấu thực hiện thắng lợi Nghị quyết Đại hội Đảng các cấp.") == []


# ---------------------------------------------------------------- not citations
@pytest.mark.parametrize("text", [
    "Theo Điều 5, khoản 2 của văn bản này.",
    "Quyết định số /2025/QĐ-UBND ngày tháng năm 2025",
    "Điện thoại: 0213/3876 543, số nhà 12/3 đường Trần Phú.",
    "Ngày 18/10/2021 và 20/11/2022 là hai mốc.",
    "Tờ khai theo mẫu số 01/NDAN ban hành kèm theo.",
])
def test_not_citations(text):
    assert cites(text) == []


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


# ---------------------------------------------------------------- the document itself
def test_original_header():
    e = extract_text(HEADER + "Thực hiện Kết luận số 224-KL/TU của Tỉnh ủy\n")
    d = e.document
    assert (d.kind, d.ref.type, d.ref.number, d.ref.issuer_code, d.ref.date) == ("original", "KH", "102", "HU", "2022-01-26")
    assert (d.ref.province, d.ref.district) == ("Lai Châu", "Tam Đường")


def test_state_header_broken_over_lines():
    text = "ỦY BAN NHÂN\nDÂN\nTỈNH GIA LAI\n--------\n\nSố: 2698/QĐ-UBND\n\nGia Lai, ngày\n21 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\nVề việc công bố\n"
    d = extract_text(text).document
    assert (d.kind, d.ref.type, d.ref.number, d.ref.issuer_code, d.ref.date, d.ref.province) == (
        "original", "QĐ", "2698", "UBND", "2025-11-21", "Gia Lai")


def test_letter_without_heading_is_a_cong_van():
    text = "BỘ XÂY DỰNG\n\nSố: 2428/BXD-QLN\n\nHà Nội, ngày 15 tháng 11 năm 2013\n\nKính gửi: Ủy ban nhân dân các tỉnh\n"
    d = extract_text(text).document
    assert (d.ref.type, d.ref.number, d.ref.issuer_code, d.ref.province) == ("CV", "2428", "BXD-QLN", None)


def test_report_of_a_plan():
    text = ("Tuy Phong: triển khai chuyên đề năm 2022\n\nNgày 25/3/2022, Ban Thường vụ Huyện ủy đã ban hành "
            "Kế hoạch số 58 - KH/HU để triển khai thực hiện chuyên đề.")
    d = extract_text(text).document
    assert (d.kind, d.ref.number, d.ref.issuer_code, d.ref.date) == ("report", "58", "HU", "2022-03-25")
    assert (d.ref.province, d.ref.district) == ("Bình Thuận", "Tuy Phong")


def test_general_news_is_other():
    e = extract_text("Sáng nay, hội nghị bàn về Nghị quyết số 57-NQ/TW của Bộ Chính trị.")
    assert e.document.kind == "other" and e.document.id is None
    assert [c.relation for c in e.citations] == ["refers_to"]


def test_own_number_is_not_a_citation():
    e = extract_text(HEADER + "Kế hoạch số 102-KH/HU này được gửi các chi bộ.\n")
    assert e.citations == ()


# ---------------------------------------------------------------- relations and links
def test_preamble_implements_body_refers():
    e = extract_text(HEADER + "Thực hiện Kết luận số 224-KL/TU ngày 18/10/2021 của Tỉnh ủy và Kế hoạch số 61-KH/TU "
                     "ngày 22/12/2021 của Ban Thường vụ Tỉnh ủy về thực hiện Kết luận số 224-KL/TU;\n\n"
                     "I. MỤC ĐÍCH\n\nTiếp tục quán triệt Nghị quyết số 35-NQ/TW của Bộ Chính trị.\n")
    rel = {c.ref.number: (c.relation, c.cue) for c in e.citations}
    assert rel == {"224": ("implements", "thực hiện"), "61": ("implements", "thực hiện"), "35": ("refers_to", None)}
    ids = {c.id: c.ref.number for c in e.citations}
    assert [(ids[link.source], ids[link.target]) for link in e.links] == [("61", "224")]


def test_can_cu_lines_each_implement():
    text = ("ỦY BAN NHÂN DÂN TỈNH GIA LAI\n\nSố: 1/QĐ-UBND\n\nQUYẾT ĐỊNH\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n"
            "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ; Nghị định số 92/2017/NĐ-CP;\n"
            "Theo đề nghị của Sở tại Tờ trình số 113/TTr-SCT.\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Nội dung.\n")
    rel = {c.ref.number: c.relation for c in extract_text(text).citations}
    assert rel == {"72": "implements", "63": "implements", "92": "implements", "113": "refers_to"}


def test_link_chain_in_body():
    e = extract_text("Kế hoạch số 71-KH/HU ngày 21/7/2021 của Ban Thường vụ Huyện ủy thực hiện Kết luận số 76-KL/TW "
                     "về tiếp tục thực hiện Nghị quyết số 33-NQ/TW về văn hóa.")
    ids = {c.id: c.ref.number for c in e.citations}
    assert sorted((ids[link.source], ids[link.target]) for link in e.links) == [("71", "76"), ("76", "33")]


# ---------------------------------------------------------------- jurisdiction
def test_local_citation_takes_the_document_province():
    e = extract_text(HEADER + "Thực hiện Kế hoạch số 61-KH/TU của Ban Thường vụ Tỉnh ủy; Kế hoạch số 71-KH/HU của Huyện ủy.\n")
    places = {c.ref.number: (c.ref.province, c.ref.district) for c in e.citations}
    assert places == {"61": ("Lai Châu", None), "71": ("Lai Châu", "Tam Đường")}


def test_named_province_wins_over_the_document():
    c = one(HEADER + "Thực hiện Kết luận số 9-KL/TU ngày 1/2/2021 của Ban Chấp hành Đảng bộ tỉnh Lào Cai.\n")
    assert c.ref.province == "Lào Cai"


def test_central_citation_has_no_province():
    c = one(HEADER + "Thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị.\n")
    assert (c.ref.province, c.ref.level) == (None, "central")


def test_unknown_province_is_scoped_to_the_document():
    a = extract_text("KẾ HOẠCH\nThực hiện Kế hoạch số 57-KH/TU ngày 28/4/2023.", source="a.txt").citations[0]
    b = extract_text("KẾ HOẠCH\nThực hiện Kế hoạch số 57-KH/TU ngày 28/4/2023.", source="b.txt").citations[0]
    assert a.ref.province is None and a.id != b.id


def test_pre_reform_citation_in_a_merged_province_keeps_no_province():
    text = ("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\n\nSố: 6/CT-UBND\n\nQuảng Trị, ngày 25 tháng 11 năm 2025\n\nCHỈ THỊ\n"
            "Thực hiện Kế hoạch số 134-KH/TU ngày 29/12/2023 của Ban Thường vụ Tỉnh ủy.\n")
    c = one(text)
    assert c.ref.province is None


# ---------------------------------------------------------------- regressions (each names what it pins)
def test_issuing_sentence_in_a_news_lead_makes_a_report():
    e = extract_text("Ban Bí thư ra Quy định số 50-QĐ/TW. Theo 50-QĐ/TW, các cấp thực hiện.")
    assert (e.document.kind, e.document.ref.type, e.document.ref.number, e.citations) == ("report", "QĐi", "50", ())


def test_bare_symbol_merges_with_its_typed_mention():
    """A later "50-QĐ/TW" with no type word is the same Quy định (QĐi), not a second QĐ."""
    e = extract_text(HEADER + "Ban Bí thư ra Quy định số 50-QĐ/TW. Theo 50-QĐ/TW, các cấp thực hiện.\n")
    assert [(c.ref.type, c.ref.number, len(c.mentions)) for c in e.citations] == [("QĐi", "50", 2)]


def test_law_named_by_title_alone_links_to_its_number():
    text = ("Căn cứ Luật Địa chất và khoáng sản số 54/2024/QH15; Nghị định số 193/2025/NĐ-CP của Chính phủ "
            "quy định chi tiết một số điều của Luật Địa chất và khoáng sản.")
    e = extract_text(text)
    ids = {c.id: c.ref.number for c in e.citations}
    assert [(ids[link.source], ids[link.target]) for link in e.links] == [("193", "54")]


def test_date_that_opens_the_sentence():
    c = one(HEADER + "\nNgày 12/3/2012, Văn phòng Chính phủ đã có văn bản số 87/TB-VPCP thông báo kết luận.\n")
    assert (c.ref.type, c.ref.date) == ("TB", "2012-03-12")


def test_issuer_named_before_a_submission():
    c = one(HEADER + "Theo đề nghị của Ban Tuyên giáo Huyện ủy tại Tờ trình số 5/TTr-BTGHU.\n")
    assert (c.ref.issuer, c.ref.province) == ("Ban Tuyên giáo Huyện ủy", "Lai Châu")


def test_amendment_inside_a_legal_basis_implements():
    text = ("ỦY BAN NHÂN DÂN TỈNH GIA LAI\n\nSố: 2/QĐ-UBND\n\nQUYẾT ĐỊNH\n"
            "Căn cứ Luật Ban hành văn bản số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15;\n"
            "Căn cứ Nghị quyết số 7/2025/NQ-CP của Chính phủ về chính sách theo Kết luận số 183-KL/TW;\n\nQUYẾT ĐỊNH:\n")
    rel = {c.ref.number: c.relation for c in extract_text(text).citations}
    assert rel == {"64": "implements", "87": "implements", "7": "implements", "183": "refers_to"}


def test_letter_opening_with_kinh_gui_is_an_original():
    d = extract_text("Kính gửi: Công ty A.\n\nCục Hải quan nhận được công văn số 19/CV-TT ngày 6/10/2025.").document
    assert (d.kind, d.ref.type, d.ref.number) == ("original", "CV", None)


def test_so_line_inside_an_article_is_not_a_header():
    text = "Quy mô dự án nhà ở\n\nNgười dân hỏi về dự án.\nSố 5635/UBND-XDGT ngày 30/7/2014 về việc chấp thuận."
    assert extract_text(text).document.kind != "original"


def test_report_date_opens_the_lead_not_a_parenthesis():
    text = ("Ngày 14/4/2025, Ban Chỉ đạo về tổng kết Nghị quyết số 18-NQ/TW (ngày 25/10/2017 của Ban Chấp hành "
            "Trung ương) đã ký ban hành Kế hoạch số 47-KH/BCĐ về sắp xếp đơn vị hành chính.")
    d = extract_text(text).document
    assert (d.kind, d.ref.number, d.ref.date) == ("report", "47", "2025-04-14")


def test_title_of_an_amending_law_and_pháp_luật():
    """'pháp luật' is not a type word, and the outermost 'Luật' heads a title that names another law."""
    text = ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15; Luật Sửa đổi, bổ sung một số điều "
            "Luật Ban hành văn bản quy phạm pháp luật số 87/2025/QH15;")
    assert [(c[0], c[1]) for c in cites(text)] == [("L", "64"), ("L", "87")]
    assert [m.text[:10] for c in extract_text(text).citations for m in c.mentions] == ["Luật Ban h", "Luật Sửa đ"]


def test_english_translation():
    text = ("THE GOVERNMENT\n\nNo. 306/2025/ND-CP\n\nHanoi, November 25, 2025\n\nDECREE\n\n"
            "Pursuant to the Law on Securities No. 54/2019/QH14, as amended by the Law No. 56/2024/QH15;\n"
            "Pursuant to Decree No. 156/2020/ND-CP dated December 31, 2020;\n\nArticle 1.\n")
    e = extract_text(text)
    assert (e.document.ref.type, e.document.ref.number, e.document.ref.date) == ("NĐ", "306", "2025-11-25")
    assert [(c.ref.type, c.ref.number, c.relation, c.ref.date) for c in e.citations] == [
        ("L", "54", "implements", None), ("L", "56", "implements", None), ("NĐ", "156", "implements", "2020-12-31")]


def test_reference_list_entry_gives_issuer_date_and_place():
    c = one('Tham khảo\n\n- Ủy ban nhân dân tỉnh Thanh Hóa (ngày 22 tháng 1 năm 2024). "Phương án số 25/PA-UBND tổng thể"')
    assert (c.ref.type, c.ref.date, c.ref.province) == ("PA", "2024-01-22", "Thanh Hóa")


def test_old_style_symbol_after_a_type_word():
    d = extract_text("Ngày 29 tháng 12 năm 1978, Hội đồng Chính phủ ban hành Quyết định số 326-CP về việc lập huyện.").document
    assert (d.kind, d.ref.type, d.ref.number, d.ref.issuer_code, d.ref.date) == ("report", "QĐ", "326", "CP", "1978-12-29")


def test_report_sentence_saying_what_the_plan_carries_out():
    text = ("Ngày 14/4/2025, Ban Chỉ đạo đã ký ban hành Kế hoạch số 47-KH/BCĐ về sắp xếp đơn vị hành chính. "
            "Kế hoạch nêu rõ, thực hiện Nghị quyết số 60-NQ/TW ngày 12/4/2025 của Ban Chấp hành Trung ương.")
    e = extract_text(text)
    assert e.document.kind == "report"
    assert [(c.ref.number, c.relation) for c in e.citations] == [("60", "implements")]


def test_directive_issued_in_a_sentence_opened_by_a_cue_implements_its_object():
    text = ("Lịch sử đơn vị.\n\nThực hiện Nghị quyết 58/NQ-TW của Bộ Chính trị, ngày 3/3/1959, Thủ tướng ra "
            "Nghị định 100/TTg thành lập lực lượng.[36] Ngày 19/5/1979, Bộ Chính trị ra Nghị quyết 22/NQ-TW.")
    e = extract_text(HEADER + "\n" + text)
    ids = {c.id: c.ref.number for c in e.citations}
    assert [(ids[link.source], ids[link.target]) for link in e.links] == [("100", "58")]


def test_a_type_word_that_contradicts_the_symbol_elsewhere_merges():
    text = HEADER + "Theo Hướng dẫn số 7886/HD-BNV ngày 14/9/2025 của Bộ Nội vụ. Thực hiện Công văn số 7886/HD-BNV.\n"
    assert [(c.ref.type, c.ref.number, c.ref.issuer_code, len(c.mentions)) for c in extract_text(text).citations] == [
        ("HD", "7886", "BNV", 2)]


def test_a_letters_later_can_cu_argues_and_does_not_implement():
    text = ("BỘ TÀI CHÍNH\n\nSố: 14/TCT-CS\n\nHà Nội, ngày 04 tháng 05 năm 2013\n\nKính gửi:\n\n- Cục Thuế tỉnh A.\n\n"
            "Thực hiện Công văn số 577/CT-THNVDT ngày 23/4/2013 của Cục Thuế, Tổng cục Thuế có ý kiến như sau:\n\n"
            "Tại Nghị định số 120/2010/NĐ-CP quy định việc miễn.\n\n"
            "Căn cứ quy định nêu trên, Tổng cục đồng ý với Công văn số 1752/CT-THNVDT ngày 07/12/2012.\n")
    rel = {c.ref.number: c.relation for c in extract_text(text).citations}
    assert rel == {"577": "implements", "120": "refers_to", "1752": "refers_to"}
