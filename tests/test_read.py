"""ingest.read: files → RawText, and boilerplate_spans.

Every input is made here from our own sentences: encodings through Python's
codecs (and the legacy tables reversed, see ingest.legacy.encode_legacy), docx with
python-docx, PDFs by hand.
"""
from __future__ import annotations

import codecs
import hashlib
import io
import unicodedata
from pathlib import Path

import pytest

from hostile_cases import cp1258_bytes

from vbgraph.ingest.errors import ReadError
from vbgraph.ingest.files import SUPPORTED_SUFFIXES, iter_paths
from vbgraph.ingest.read import boilerplate_spans, read_bytes, read_file
from vbgraph.ingest.legacy import encode_legacy
from tests.test_legacy import PARAGRAPH, vietnamese_letters

SHARED = Path(__file__).resolve().parents[2] / "shared"

TITLE = "Kế hoạch số 25-KH/HU về việc thực hiện Nghị quyết của Đảng ủy"


def double_utf8(text: str) -> str:
    """UTF-8 bytes read as cp1252, undefined bytes kept as C1 controls (as Windows does)."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8"))


def scrambled_legacy(text: str) -> str:
    """``text`` in an 8-bit font we have no table for: each accented letter → some Latin-1 letter."""
    letters = sorted(vietnamese_letters())
    table = {c: chr(0xC0 + (i * 7) % 64) for i, c in enumerate(letters)}
    return "".join(table.get(c, c) for c in text)


SCRAMBLED_LEGACY = scrambled_legacy(PARAGRAPH)


def read(tmp_path: Path, name: str, data: bytes, **kwargs):
    """Write ``data`` to ``tmp_path/name`` and read it back."""
    path = tmp_path / name
    path.write_bytes(data)
    return read_file(path, **kwargs)


# ---------------------------------------------------------------------------
# Plain text: encodings
# ---------------------------------------------------------------------------


# (case, bytes, expected text after NFC, expected encoding); one line per case.
ENCODING_CASES = [
    ("utf-8", PARAGRAPH.encode("utf-8"), PARAGRAPH, "utf-8"),
    ("utf-8 with BOM", codecs.BOM_UTF8 + PARAGRAPH.encode("utf-8"), PARAGRAPH, "utf-8-sig"),
    ("utf-16 LE with BOM", codecs.BOM_UTF16_LE + PARAGRAPH.encode("utf-16-le"), PARAGRAPH, "utf-16-le"),
    ("utf-16 BE with BOM", codecs.BOM_UTF16_BE + PARAGRAPH.encode("utf-16-be"), PARAGRAPH, "utf-16-be"),
    ("cp1258 decomposed tones", cp1258_bytes(PARAGRAPH), PARAGRAPH, "cp1258"),
    ("cp1258 short title", cp1258_bytes(TITLE), TITLE, "cp1258"),
    ("tcvn3 bytes", encode_legacy(PARAGRAPH, "tcvn3").encode("latin-1"), PARAGRAPH, "cp1252+tcvn3"),
    ("vni bytes", encode_legacy(PARAGRAPH, "vni").encode("latin-1"), PARAGRAPH, "cp1252+vni"),
    ("tcvn3 mojibake saved as utf-8", encode_legacy(PARAGRAPH, "tcvn3").encode("utf-8"), PARAGRAPH, "utf-8+tcvn3"),
    ("vni mojibake saved as utf-8", encode_legacy(PARAGRAPH, "vni").encode("utf-8"), PARAGRAPH, "utf-8+vni"),
    ("double-encoded utf-8", double_utf8(PARAGRAPH).encode(), PARAGRAPH, "utf-8+double-utf-8-repaired"),
    ("XÃ before an ellipsis is no mojibake", ("ỦY BAN NHÂN DÂN\nXÃ…..\n" * 3 + PARAGRAPH).encode(), ("ỦY BAN NHÂN DÂN\nXÃ…..\n" * 3 + PARAGRAPH), "utf-8"),
    ("utf-8, one broken byte", PARAGRAPH.encode("utf-8")[:-3] + b"\xff" + PARAGRAPH.encode()[-2:], None, "utf-8+replace"),
]


@pytest.mark.parametrize("case,data,expected,encoding", ENCODING_CASES, ids=[c[0] for c in ENCODING_CASES])
def test_txt_encodings(tmp_path, case, data, expected, encoding):
    raw = read(tmp_path, "vb.txt", data)
    assert raw.encoding == encoding
    if expected is not None:
        # TCVN3 has no toned capitals; PARAGRAPH has none that it would lose.
        assert unicodedata.normalize("NFC", raw.text) == expected
    assert (raw.source, raw.format, raw.sha256) == ("vb.txt", "txt", hashlib.sha256(data).hexdigest())
    assert raw.path == str(tmp_path / "vb.txt")


def test_cp1258_text_is_returned_decomposed_as_read(tmp_path):
    """The normaliser composes later; offsets must point into the text as decoded."""
    text = "Nghị quyết của Ban Thường vụ"
    raw = read(tmp_path, "a.txt", cp1258_bytes(text))
    assert raw.encoding == "cp1258"
    assert "\u0323" in raw.text and unicodedata.normalize("NFC", raw.text) == text


def test_md_reads_as_txt_and_keeps_the_text_unchanged(tmp_path):
    text = "# Tin tức\r\n\r\nĐang online: 17\r\n" + TITLE + "\r\n"
    raw = read(tmp_path, "tin.md", text.encode())
    assert (raw.text, raw.format) == (text, "txt")


# ---------------------------------------------------------------------------
# Errors: each names the file
# ---------------------------------------------------------------------------

# (case, file name, bytes, read_file kwargs, expected part of the reason); one line per case.
ERROR_CASES = [
    ("empty", "a.txt", b"", {}, "empty file"),
    ("only whitespace", "a.txt", b" \n\t\n", {}, "only whitespace"),
    ("NUL bytes", "a.txt", b"abc\x00def\x00" * 10, {}, "binary content"),
    ("png named .txt", "a.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), {}, "binary content: a PNG"),
    ("control characters", "a.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 20 + b"abc", {}, "control characters"),
    ("over the size limit", "a.txt", TITLE.encode() * 10, {"max_bytes": 50}, "too large"),
    ("unknown encoding (KOI8-R)", "a.txt", "Привет, это проверка кодировки текста".encode("koi8_r"), {}, "unknown encoding"),
    ("double-encoded utf-8, bytes lost", "a.txt", PARAGRAPH.encode().decode("cp1252", "replace").encode(), {}, "cannot be repaired"),
    ("legacy text that cannot be converted", "a.txt", SCRAMBLED_LEGACY.encode(), {}, "cannot be converted"),
    ("unsupported suffix", "a.doc", b"x", {}, "unsupported format '.doc'"),
    ("corrupt docx", "a.docx", b"PK\x03\x04 this is not a real archive", {}, "corrupt docx"),
    ("docx that is no zip", "a.docx", b"plain text", {}, "corrupt docx"),
    ("corrupt pdf", "a.pdf", b"%PDF-1.4\n1 0 obj garbage", {}, "corrupt pdf"),
    ("pdf without header", "a.pdf", b"hello", {}, "no %PDF header"),
]


@pytest.mark.parametrize("case,name,data,kwargs,reason", ERROR_CASES, ids=[c[0] for c in ERROR_CASES])
def test_read_errors_name_the_file(tmp_path, case, name, data, kwargs, reason):
    with pytest.raises(ReadError) as info:
        read(tmp_path, name, data, **kwargs)
    assert reason in info.value.reason
    assert str(tmp_path / name) in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read_file(tmp_path / "none.txt")


def test_size_is_checked_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 1000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read before the size check"))
    monkeypatch.setattr("builtins.open", lambda *a, **k: pytest.fail("opened before the size check"))
    with pytest.raises(ReadError, match="too large: 1,000 bytes"):
        read_file(path, max_bytes=999)


def test_read_bytes_format_from_source_or_argument():
    assert read_bytes(TITLE.encode(), source="x.md").format == "txt"
    assert read_bytes(b"<p>" + TITLE.encode() + b"</p>", source="x", fmt="html").format == "html"
    with pytest.raises(ReadError, match="x: unsupported format"):
        read_bytes(b"abc", source="x")


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------

BODY_1 = "Thực hiện Kế hoạch số 25-KH/HU của Ban Thường vụ Huyện ủy, Đảng ủy xã đã tổ chức hội nghị quán triệt cho toàn thể cán bộ, đảng viên."
BODY_2 = "Hội nghị thống nhất giao cho các chi bộ xây dựng chương trình hành động cụ thể, hoàn thành trước ngày 30 tháng 6 năm 2022."

PORTAL_PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="{{charset}}"><title>Tin hoạt động</title></head><body>
<div id="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li></ul></div>
<div id="left"><h3>Thống kê truy cập</h3><ul><li>Đang online: 23</li><li>Hôm nay: 411</li></ul>
<a href="/dang-nhap">Đăng nhập</a></div>
<div id="content"><article><h1>Đảng ủy xã quán triệt kế hoạch của Huyện ủy</h1>
<p>{BODY_1}</p>
<p>{BODY_2}</p>
<p>Tổng số điểm của bài viết là: 0 trong 0 đánh giá</p>
<p>Click để đánh giá bài viết</p>
</article>
<div class="comment"><h3>Ý kiến bạn đọc</h3><p>Bạn đã không sử dụng Site, Bấm vào đây để duy trì trạng thái đăng nhập. Thời gian chờ: 60 giây</p></div>
<div class="share"><a href="#">Chia sẻ</a> <a href="#">Facebook</a></div></div>
<footer><p>Bản quyền thuộc Đảng ủy xã. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></footer>
</body></html>"""

BOILERPLATE_WORDS = ["Trang chủ", "Đang online", "Hôm nay", "Đăng nhập", "Tổng số điểm", "Click để", "Ý kiến bạn đọc",
                     "duy trì trạng thái", "Chia sẻ", "Facebook", "Bản quyền"]


HTML_ENCODINGS = [
    ("utf-8", lambda s: s.encode("utf-8"), "utf-8"),
    ("windows-1258", cp1258_bytes, "cp1258"),
    # a UTF-8 portal showing an article typed in .VnTime: its paragraphs are TCVN3 mojibake, where
    # "ư" is the soft hyphen U+00AD that HTML parsers drop (so conversion happens before extraction)
    ("utf-8", lambda s: s.replace(BODY_1, encode_legacy(BODY_1, "tcvn3")).replace(BODY_2, encode_legacy(BODY_2, "tcvn3")).encode(), "utf-8+tcvn3"),
    # the same typed in VNI-Times
    ("utf-8", lambda s: s.replace(BODY_1, encode_legacy(BODY_1, "vni")).replace(BODY_2, encode_legacy(BODY_2, "vni")).encode(), "utf-8+vni"),
]


@pytest.mark.parametrize("charset,encode,encoding", HTML_ENCODINGS, ids=[e[2] for e in HTML_ENCODINGS])
def test_html_body_kept_boilerplate_removed(tmp_path, charset, encode, encoding):
    raw = read(tmp_path, "tin.html", encode(PORTAL_PAGE.format(charset=charset)))
    text = unicodedata.normalize("NFC", raw.text)
    assert raw.format == "html"
    assert raw.encoding == encoding
    assert f"{BODY_1}\n\n{BODY_2}" in text
    assert [w for w in BOILERPLATE_WORDS if w in text] == []


def test_html_without_charset_is_guessed_and_tiny_pages_still_read(tmp_path):
    raw = read(tmp_path, "a.htm", f"<html><body><p>{TITLE}</p></body></html>".encode())
    assert raw.text == TITLE


def test_html_without_text(tmp_path):
    with pytest.raises(ReadError, match="no text in HTML"):
        read(tmp_path, "a.html", b"<html><body><script>var a = 1;</script></body></html>")


# ---------------------------------------------------------------------------
# docx and pdf
# ---------------------------------------------------------------------------


def make_docx() -> bytes:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "ĐẢNG BỘ HUYỆN X\nSố 25-KH/HU"
    table.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "X, ngày 3 tháng 4 năm 2022"
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph(BODY_1)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_paragraphs_and_cells_in_order(tmp_path):
    raw = read(tmp_path, "kh.docx", make_docx())
    assert raw.format == "docx"
    assert raw.text.split("\n") == [
        "ĐẢNG BỘ HUYỆN X", "Số 25-KH/HU", "ĐẢNG CỘNG SẢN VIỆT NAM", "X, ngày 3 tháng 4 năm 2022", "KẾ HOẠCH", BODY_1,
    ]


def minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a Helvetica text layer (ASCII lines), offsets computed."""
    stream = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
    ]
    out, offsets = "%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode("latin-1")


def test_pdf_text_layer(tmp_path):
    raw = read(tmp_path, "nq.pdf", minimal_pdf(["Nghi quyet so 35-NQ/TW", "cua Bo Chinh tri"]))
    assert raw.format == "pdf"
    assert "Nghi quyet so 35-NQ/TW" in raw.text and "cua Bo Chinh tri" in raw.text


def test_scanned_pdf_without_text_layer(tmp_path):
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=612, height=792)
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ReadError, match="scanned PDF: no text layer") as info:
        read(tmp_path, "scan.pdf", out.getvalue())
    assert "scan.pdf" in str(info.value)


# ---------------------------------------------------------------------------
# iter_paths
# ---------------------------------------------------------------------------


def test_iter_paths_walks_folders_sorted_and_keeps_named_files(tmp_path):
    for name in ("b/2.txt", "b/1.HTML", "a.pdf", "z.md", "meta.jsonl", ".hidden.txt", ".git/x.txt", "c/d.docx", "img.png"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path, tmp_path / "img.png"])]
    assert found == ["a.pdf", "b/1.HTML", "b/2.txt", "c/d.docx", "img.png"]  # a folder's .md is no directive
    assert [p.name for p in iter_paths([tmp_path / "z.md"])] == ["z.md"]  # read when named
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".md", ".html", ".htm", ".docx", ".pdf"}


def test_iter_paths_missing_path_and_single_string(tmp_path):
    with pytest.raises(ReadError, match="no such file or folder"):
        list(iter_paths([tmp_path / "none"]))
    with pytest.raises(TypeError, match="iterable of paths"):
        list(iter_paths(str(tmp_path)))


# ---------------------------------------------------------------------------
# boilerplate_spans
# ---------------------------------------------------------------------------

# (line, is boilerplate); one line per case; a regression case names what it pins.
BOILERPLATE_CASES = [
    ("Thống kê truy cập", True),
    ("  • Đang online: 23", True),
    ("Đang online: 23 / Hôm nay: 411 / Tất cả: 1.234.567", True),
    ("Trong tuần: 5,120", True),
    ("Đăng nhập", True),
    ("Quên mật khẩu?", True),
    ("Bạn đã không sử dụng Site, Bấm vào đây để duy trì trạng thái đăng nhập. Thời gian chờ: 60 giây", True),
    ("Hãy đăng nhập hoặc đăng ký Thành viên để xem toàn văn", True),
    ("Tổng số điểm của bài viết là: 12 trong 3 đánh giá", True),
    ("Click để đánh giá bài viết", True),
    ("  Ý kiến bạn đọc", True),
    ("Chia sẻ | Facebook | Zalo", True),
    ("In bài viết", True),
    ("## Xem thêm", True),
    ("Tin liên quan:", True),
    ("Bản quyền thuộc Ban Tuyên giáo Tỉnh ủy", True),
    ("Copyright © 2022 Huyện ủy", True),
    ("Giấy phép thiết lập trang thông tin điện tử số 12/GP-TTĐT ngày 1/2/2020", True),
    # not boilerplate
    (TITLE, False),
    ("## Đánh giá", False),  # a real section heading
    ("đăng ký.", False),  # a body line wrapped after "đăng ký"
    ("đăng nhập", False),  # lowercase: a wrapped body line
    ("ĐĂNG KÝ", False),  # the title of a registration form in an annex
    ("Tổng số điểm tối đa cho tất cả các tiêu chí là 100 điểm.", False),  # scoring rules in a directive
    ("Giấy phép thăm dò số 01/GP-UBND ngày 12/01/2007 của UBND thành phố", False),  # a cited permit
    ("Bản quyền tác giả", False),
    ("Hôm nay, Ban Thường vụ Tỉnh ủy tổ chức hội nghị", False),
    ("Email: ........................", False),  # a blank in a form
]


@pytest.mark.parametrize("line,expected", BOILERPLATE_CASES, ids=[c[0][:40] for c in BOILERPLATE_CASES])
def test_boilerplate_line(line, expected):
    text = f"{TITLE}\n{line}\n{BODY_1}"
    spans = boilerplate_spans(text)
    assert spans == ([(len(TITLE) + 1, len(TITLE) + 1 + len(line))] if expected else [])


def test_boilerplate_spans_point_into_crlf_and_decomposed_text():
    text = unicodedata.normalize("NFD", f"Thống kê truy cập\r\n  • Đang online: 17\r\n{TITLE}\r\nĐăng nhập")
    assert [text[s:e] for s, e in boilerplate_spans(text)] == [
        unicodedata.normalize("NFD", line) for line in ("Thống kê truy cập", "  • Đang online: 17", "Đăng nhập")
    ]


# ---------------------------------------------------------------------------
# The real corpus
# ---------------------------------------------------------------------------


@pytest.mark.skipif(not (SHARED / "corpus" / "real").is_dir(), reason=f"no shared corpus at {SHARED}/corpus/real")
def test_real_corpus_reads_with_few_read_errors():
    paths = list(iter_paths([SHARED / "corpus" / "real"]))
    failures = []
    for path in paths:
        try:
            read_file(path)
        except ReadError as err:
            failures.append(str(err))
    assert paths
    assert len(failures) < 0.01 * len(paths), failures[:20]

