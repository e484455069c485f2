"""Files → :class:`~ingest.models.RawText`: the first stage of the pipeline.

Reads ``.txt``/``.md`` (UTF-8, UTF-16 with or without BOM, Windows-1258, UTF-8
with some Windows-1258 lines, and the legacy font encodings TCVN3 and VNI, see
:mod:`ingest.legacy`), ``.html``/``.htm`` (portal boilerplate stripped with
trafilatura), ``.docx`` (its ``document.xml`` streamed through lxml's
``iterparse``, paragraphs and table cells as python-docx gives them) and ``.pdf``
(pypdf, text layer only; encrypted files are read when their password is empty).
Every failure is a :class:`~ingest.errors.ReadError` that names the file and the
reason. :class:`~ingest.models.ReadLimits` bounds what one file may cost (size,
unpacked bytes, XML elements or pages, characters, seconds), checked while reading.

Text files are returned as decoded, never edited, because offsets point into
them; :func:`boilerplate_spans` tells which lines are portal chrome
("Đang online: 17", "Đăng nhập") so that later stages can skip them.
"""
from __future__ import annotations

import codecs
import hashlib
import io
import logging
import os
import re
import time
import unicodedata
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from .errors import AccessError, ReadError, quote_path
from .files import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, too_large
from .legacy import convert_legacy, detect_legacy, legacy_share, vietnamese_score
from .models import RawText, ReadLimits

__all__ = [
    "SUPPORTED_SUFFIXES",
    "BOILERPLATE_PATTERNS",
    "read_file",
    "read_bytes",
    "boilerplate_spans",
]


# File suffix (or a ``fmt`` argument) → RawText.format.
_FORMATS = {"txt": "txt", "md": "txt", "html": "html", "htm": "html", "docx": "docx", "pdf": "pdf"}


# ---------------------------------------------------------------------------
# Decoding thresholds
# ---------------------------------------------------------------------------

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Magic numbers of binary files that sometimes carry a text suffix.
_SIGNATURES = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a zip archive (docx/xlsx?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE file (old .doc/.xls?)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)

# Control characters that never occur in text (tab, newlines and form feed excepted).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # C1 controls are left out: double-encoded UTF-8 has them
_MAX_CONTROL_SHARE = 0.005

# A Windows-1258 (or other 8-bit) reading must make this share of words Vietnamese syllables.
_MIN_VIETNAMESE = 0.5
# Vowels with a diacritic (NFC): a reading without any is not shown to be Vietnamese.
_VIETNAMESE_LETTER = re.compile(r"[àáâãèéêìíòóôõùúýăđĩũơưạ-ỹ]", re.IGNORECASE)
# Text that decodes as UTF-8 but for at most this share of bytes is UTF-8 with a few broken bytes.
_MAX_BAD_UTF8_SHARE = 0.001
# Legacy mojibake left in this share of words (or more) means "could not convert".
_MAX_LEGACY_SHARE = 0.3
_MIN_WORDS_FOR_LEGACY_ERROR = 20

# UTF-8 that was read as cp1252 and saved again ("double-encoded"): "Ã¡" for "á", "á»‹" for "ị",
# "Ä‘" for "đ", "Æ°" for "ư". Such lines are repaired by encoding them back. Only sequences of
# lowercase letters count: "XÃ…" (a form's blank after "XÃ") is genuine uppercase Vietnamese.
_DOUBLE_UTF8 = re.compile(r"á[º»]|Ä[\u0090\u2018]|Æ[°¡¯\u00a0]|Ã[\u00a0-\u00bd]")
_MIN_DOUBLE_UTF8 = 3
# cp1252's characters for bytes 0x80–0x9F, back to those bytes (as Latin-1 characters).
_CP1252_TO_BYTE = {ord(bytes([b]).decode("cp1252")): b for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}

# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)

# ---------------------------------------------------------------------------
# Boilerplate lines of Vietnamese web portals (NukeViet, Joomla, thuvienphapluat …).
# Each pattern matches one whole line (NFC, case-insensitive) after an optional
# bullet ("• ", "- ", "| ", "## "); the label itself must start with a capital,
# so that a wrapped body line such as "đăng nhập hệ thống." is never boilerplate.
# ---------------------------------------------------------------------------

_SP = r"[ \t\u00a0\r]"  # a space inside one line (``\s`` would cross lines)
_BULLET = rf"{_SP}*(?:(?:[•·*|>–-]|\#{{1,6}}){_SP}*)?(?=(?-i:[A-ZĐÝ©]))"
_END = rf"[ \t\u00a0\r:]*"

# A visitor counter, one or several on a line: "Đang online: 17", "Hôm nay: 968",
# "Đang truy cập : 25 | Tổng lượt truy cập : 1.234.567", "Tất cả: 465,023".
_COUNTER_LABEL = r"""
    (?:đang\ (?:online|truy\ cập|xem)|trực\ tuyến|online|khách|thành\ viên|máy\ chủ\ tìm\ kiếm
    |hôm\ nay|hôm\ qua|trong\ tuần|tuần\ này|tuần\ trước|trong\ tháng|tháng\ này|tháng\ trước
    |trong\ năm|năm\ nay|tất\ cả|tổng\ cộng|tổng\ số(?:\ lượt\ truy\ cập)?|tổng\ (?:lượt\ )?truy\ cập
    |(?:số\ )?lượt\ (?:truy\ cập|xem)|lượt\ người\ xem)
"""
VISITOR_COUNTER = rf"""
    {_BULLET}(?:{_COUNTER_LABEL}{_SP}*[:：]{_SP}*\d[\d.,]*(?:{_SP}|[|/–-])*)+{_END}
"""

# Headings of sidebars and related-article boxes: "Thống kê truy cập", "Thông tin mới nhất",
# "Tin liên quan", "## Xem thêm", "Những tin cũ hơn".
SIDEBAR_HEADING = rf"""
    {_BULLET}(?:
        thống\ kê\ (?:lượt\ )?truy\ cập|bộ\ đếm(?:\ truy\ cập)?|số\ lượt\ truy\ cập|lượt\ truy\ cập
        |(?:thông\ )?tin\ mới(?:\ nhất)?|tin\ (?:xem|đọc)\ nhiều(?:\ nhất)?|tin\ nổi\ bật|tin\ tiêu\ điểm
        |tin\ liên\ quan|bài\ viết\ liên\ quan|(?:các\ )?tin\ khác|tin\ cùng\ chuyên\ mục
        |những\ tin\ (?:mới|cũ)\ hơn|xem\ thêm|xem\ tiếp|thăm\ dò\ ý\ kiến|liên\ kết\ website
        |thư\ viện\ (?:ảnh|video)
    ){_END}
"""

# Login widgets: "Đăng nhập", "Quên mật khẩu?", "Hãy đăng nhập hoặc đăng ký Thành viên ...",
# "Bạn đã không sử dụng Site, Bấm vào đây để duy trì trạng thái đăng nhập. Thời gian chờ: 60 giây".
# ("Đăng ký" alone is left out: it is also the title of registration forms in annexes.)
LOGIN = rf"""
    {_BULLET}(?:
        đăng\ nhập|đăng\ xuất|quên\ mật\ khẩu\??|tên\ đăng\ nhập|mật\ khẩu|ghi\ nhớ\ đăng\ nhập
        |hãy\ đăng\ nhập\ hoặc\ đăng\ ký\ thành\ viên.*
        |bạn\ đã\ không\ sử\ dụng\ site.*
        |thời\ gian\ chờ{_SP}*:{_SP}*\d+{_SP}*giây
    ){_END}
"""

# Article rating widgets: "Tổng số điểm của bài viết là: 0 trong 0 đánh giá",
# "Click để đánh giá bài viết", "Đánh giá bài viết" (not "Đánh giá" alone: a real heading).
RATING = rf"""
    {_BULLET}(?:
        tổng\ số\ điểm\ của\ bài\ viết\ là{_SP}*:?{_SP}*[\d.,]+{_SP}*trong{_SP}*[\d.,]+{_SP}*đánh\ giá\.?
        |(?:click|nhấp|bấm)\ (?:vào\ )?để\ đánh\ giá(?:\ bài\ viết)?
        |đánh\ giá\ bài\ viết|bình\ chọn\ bài\ viết
    ){_END}
"""

# Reader comments: "Ý kiến bạn đọc", "Gửi ý kiến", "Bình luận (3)", "Chưa có bình luận nào".
COMMENTS = rf"""
    {_BULLET}(?:
        ý\ kiến\ (?:bạn\ đọc|của\ bạn)|gửi\ (?:ý\ kiến|bình\ luận|phản\ hồi)(?:\ của\ bạn)?
        |viết\ bình\ luận(?:\ của\ bạn)?|bình\ luận(?:{_SP}*\(\d+\))?|chưa\ có\ (?:bình\ luận|ý\ kiến).*
        |mã\ (?:bảo\ mật|xác\ nhận|an\ toàn)
    ){_END}
"""

# Share and print buttons, one or several on a line: "Chia sẻ", "Facebook Zalo", "In bài viết | Gửi email".
_SHARE_WORD = r"""
    (?:chia\ sẻ(?:\ bài\ viết)?|share|tweet|like|facebook|zalo|twitter|e-?mail|in\ bài(?:\ viết)?
    |in\ trang|bản\ in|gửi\ (?:e-?mail|bài\ viết|cho\ bạn\ bè)|lưu\ bài\ viết|quay\ lại|trở\ về
    |(?:về|lên)\ đầu\ trang|đầu\ trang)
"""
SHARE = rf"""
    {_BULLET}{_SHARE_WORD}(?:(?:{_SP}|[|/·•:])+{_SHARE_WORD})*{_END}
"""

# Site footers: "Bản quyền thuộc Huyện ủy ...", "Copyright © 2020 ...", "© 2021 Tỉnh ủy ...",
# "Chịu trách nhiệm chính: ...", "Giấy phép thiết lập trang thông tin điện tử số 12/GP-TTĐT ...",
# "Ghi rõ nguồn ... khi phát hành lại", "Thiết kế bởi ...". A permit cited in a body
# ("Giấy phép thăm dò số 01/GP-UBND") is not a footer.
FOOTER = rf"""
    {_BULLET}(?:
        bản\ quyền{_SP}*(?:thuộc|©|\(c\))[^|\n]*|copyright[^|\n]*|©{_SP}*\d{{4}}[^|\n]*
        |(?:người\ )?chịu\ trách\ nhiệm\ (?:chính|nội\ dung|xuất\ bản){_SP}*:[^|\n]*
        |giấy\ phép[^|\n]*(?:thông\ tin\ điện\ tử|trang\ tin|cổng\ thông\ tin)[^|\n]*/GP[^|\n]*
        |[^|\n]*ghi\ rõ\ nguồn[^|\n]*(?:phát\ hành\ lại|trích\ dẫn|sử\ dụng\ lại)[^|\n]*
        |(?:thiết\ kế|phát\ triển)(?:\ và\ phát\ triển)?\ bởi[^|\n]*
    ){_END}
"""

BOILERPLATE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("visitor_counter", VISITOR_COUNTER),
    ("sidebar_heading", SIDEBAR_HEADING),
    ("login", LOGIN),
    ("rating", RATING),
    ("comments", COMMENTS),
    ("share", SHARE),
    ("footer", FOOTER),
)

# Every pattern at once, one line at a time; the group name tells which one matched.
_BOILERPLATE_LINE = re.compile(
    "^(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in BOILERPLATE_PATTERNS) + ")$",
    re.IGNORECASE | re.VERBOSE | re.MULTILINE,
)


# ---------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------


def read_file(path: str | os.PathLike, *, max_bytes: int | None = None, limits: ReadLimits | None = None) -> RawText:
    """Read one file into a :class:`RawText`; the size is checked before reading.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "kh.txt"
    >>> _ = p.write_bytes("Kế hoạch số 12-KH/HU".encode("utf-8"))
    >>> raw = read_file(p)
    >>> raw.text, raw.source, raw.encoding, raw.format
    ('Kế hoạch số 12-KH/HU', 'kh.txt', 'utf-8', 'txt')
    """
    limits = limits or ReadLimits()
    max_bytes = limits.max_bytes if max_bytes is None else max_bytes
    name = str(path)
    fmt = _format_of(Path(path).suffix, name)
    try:
        st = os.stat(path)
    except FileNotFoundError as err:
        raise ReadError(name, "no such file") from err
    except OSError as err:
        raise AccessError(name, f"cannot stat: {err.strerror or type(err).__name__}") from err
    if not os.path.isfile(path):
        raise ReadError(name, "not a regular file")
    if st.st_size > max_bytes:
        raise ReadError(name, too_large(st.st_size, max_bytes))
    data = _read_at_most(path, max_bytes + 1)
    if len(data) > max_bytes:  # the file grew since os.stat
        raise ReadError(name, too_large(len(data), max_bytes))
    return read_bytes(data, source=Path(path).name, path=name, fmt=fmt, limits=limits)


def read_bytes(data: bytes, *, source: str, path: str = "", fmt: str | None = None,
               limits: ReadLimits | None = None) -> RawText:
    """Decode the bytes of one file; ``fmt`` (txt, md, html, htm, docx, pdf) defaults to the suffix.

    >>> read_bytes("Số 1-KH/HU".encode("utf-16"), source="a.txt").text
    'Số 1-KH/HU'
    >>> read_bytes(b"<p>Ngh\\xf2\\xeca quy\\xea\\xect s\\xf4\\xec 1</p>", source="a.html").encoding
    'cp1258'
    """
    name = path or source
    fmt = _format_of(fmt if fmt is not None else Path(path or source).suffix, name)
    if not data:
        raise ReadError(name, "empty file")
    budget = _Budget(limits or ReadLimits(), name)
    text, encoding = _READERS[fmt](data, name, budget)
    budget.check_chars(len(text))
    text, encoding = _fix_legacy(text, encoding, name)
    if not text.strip():
        raise ReadError(name, _NO_TEXT[fmt])
    sha = hashlib.sha256(data).hexdigest()
    return RawText(text, source=source, path=path, sha256=sha, encoding=encoding, format=_FORMATS[fmt])


class _Budget:
    """The limits of one file's reading and the clock they started on."""

    def __init__(self, limits: ReadLimits, name: str):
        self.limits, self.name = limits, name
        self.deadline = time.monotonic() + limits.max_seconds

    def check_time(self, what: str) -> None:
        if time.monotonic() > self.deadline:
            raise ReadError(self.name, f"too slow to read: over {self.limits.max_seconds:g} s ({what}; max_seconds)")

    def check_chars(self, n: int) -> None:
        if n > self.limits.max_chars:
            raise ReadError(self.name, f"too much text: over {self.limits.max_chars:,} characters (max_chars)")


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text`` that is portal boilerplate, in order.

    The line's newline is not part of its span. See ``BOILERPLATE_PATTERNS``.

    >>> text = "Thống kê truy cập\\n  • Đang online: 17\\nKế hoạch số 5-KH/TU\\nĐăng nhập"
    >>> [text[s:e] for s, e in boilerplate_spans(text)]
    ['Thống kê truy cập', '  • Đang online: 17', 'Đăng nhập']
    """
    if unicodedata.is_normalized("NFC", text):
        return [(m.start(), m.end() - m.group().endswith("\r")) for m in _BOILERPLATE_LINE.finditer(text)]
    spans, start = [], 0
    for line in text.split("\n"):  # decomposed text: match each line's NFC form
        if _is_boilerplate(line):
            spans.append((start, start + len(line) - line.endswith("\r")))
        start += len(line) + 1
    return spans


# ---------------------------------------------------------------------------
# Formats
# ---------------------------------------------------------------------------


def _read_txt(data: bytes, name: str, budget: _Budget) -> tuple[str, str]:
    if len(data) > 4 * budget.limits.max_chars:  # no encoding takes more than 4 bytes a character
        budget.check_chars(len(data))
    return _decode(data, name, max_chars=budget.limits.max_chars)


def _read_html(data: bytes, name: str, budget: _Budget) -> tuple[str, str]:
    html, encoding = _decode_html(data, name, max_chars=budget.limits.max_chars)
    # Legacy text is converted in the source: HTML parsers drop U+00AD, which is TCVN3's "ư".
    legacy = detect_legacy(_html_plain_text(html))
    if legacy is not None:
        html, encoding = convert_legacy(html, legacy), f"{encoding}+{legacy}"
    budget.check_time("HTML decoded")
    # trafilatura's time grows faster than the page (8 s for 1 MB of paragraphs, 48 s for 5 MB):
    # a larger page is read with the plain converter, whose time grows with it.
    text = (_html_main_text(html) if len(html) <= _MAX_TRAFILATURA_CHARS else "") or _html_plain_text(html)
    paragraphs = [p.strip() for p in text.splitlines()]
    return "\n\n".join(p for p in paragraphs if p and not _is_boilerplate(p)), encoding


def _read_docx(data: bytes, name: str, budget: _Budget) -> tuple[str, str]:
    if not data.startswith(b"PK"):
        raise ReadError(name, "corrupt docx: not a zip archive")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            lines = list(_docx_stream_lines(archive, name, budget))
    except ReadError:
        raise
    except Exception as err:  # zipfile, zlib and lxml raise their own error types alike
        raise ReadError(name, f"corrupt docx: {type(err).__name__}: {err}") from err
    return "\n".join(lines), "unicode"


def _read_pdf(data: bytes, name: str, budget: _Budget) -> tuple[str, str]:
    import pypdf

    if b"%PDF-" not in data[:1024]:
        raise ReadError(name, "corrupt pdf: no %PDF header")
    with _PdfWarnings(name) as warned:
        try:
            reader = pypdf.PdfReader(io.BytesIO(data))
            _decrypt(reader, name)
            pages, chars = [], 0
            for i, page in enumerate(reader.pages):
                if i >= budget.limits.max_elements:
                    raise ReadError(name, f"too many pages: over {budget.limits.max_elements:,} (max_elements)")
                budget.check_time(f"{i} pages read")
                pages.append(page.extract_text() or "")
                chars += len(pages[-1])
                budget.check_chars(chars)
        except ReadError:
            raise
        except Exception as err:  # pypdf raises many error types for broken files
            raise ReadError(name, f"corrupt pdf: {type(err).__name__}: {err}") from err
    if warned.count:
        _log.warning("%s: %d warning(s) from pypdf while reading, the first: %s",
                     quote_path(name), warned.count, warned.first)
    if not any(p.strip() for p in pages):
        raise ReadError(name, "scanned PDF: no text layer")
    return "\n\n".join(pages), "unicode"


def _decrypt(reader, name: str) -> None:
    """Open an encrypted PDF with the empty password (most "protected" official PDFs
    only forbid printing or copying), else fail naming it encrypted."""
    import pypdf

    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except pypdf.errors.DependencyError as err:
        raise ReadError(name, f"encrypted PDF whose cipher cannot be read here: {err}") from err
    if not opened:
        raise ReadError(name, "encrypted PDF: it needs a password")


class _PdfWarnings(logging.Handler):
    """While open, pypdf's log lines are counted here instead of printed without a file name."""

    def __init__(self, name: str):
        super().__init__(logging.WARNING)
        self.name_, self.count, self.first = name, 0, ""

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        self.first = self.first or " ".join(record.getMessage().split())[:200]

    def __enter__(self) -> "_PdfWarnings":
        import warnings

        self._logger = logging.getLogger("pypdf")
        self._saved = self._logger.propagate
        self._logger.addHandler(self)
        self._logger.propagate = False
        self._warnings = warnings.catch_warnings()
        self._warnings.__enter__()
        warnings.simplefilter("ignore")
        return self

    def __exit__(self, *exc) -> None:
        self._warnings.__exit__(*exc)
        self._logger.removeHandler(self)
        self._logger.propagate = self._saved


_log = logging.getLogger("vbgraph.ingest")


_READERS = {"txt": _read_txt, "md": _read_txt, "html": _read_html, "htm": _read_html, "docx": _read_docx, "pdf": _read_pdf}
_NO_TEXT = {
    "txt": "empty file (only whitespace)",
    "md": "empty file (only whitespace)",
    "html": "no text in HTML",
    "htm": "no text in HTML",
    "docx": "no text in docx",
    "pdf": "scanned PDF: no text layer",
}


# ---------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------


def _decode(data: bytes, name: str, *, max_chars: int | None = None) -> tuple[str, str]:
    """Bytes → (text, encoding): BOM, UTF-8, then the best 8-bit Vietnamese reading
    (a byte a character: over ``max_chars`` bytes, it is not tried)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_bom(data, bom, encoding, name)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _decode_bom(data, b"", utf16, name)
    _check_not_binary(data, name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if max_chars is not None and len(data) > max_chars:
            raise ReadError(name, f"too much text: over {max_chars:,} characters (max_chars) in an 8-bit encoding") from None
        return _decode_8bit(data, name)
    _check_controls(text, name)
    return text, "utf-8"


def _decode_bom(data: bytes, bom: bytes, encoding: str, name: str) -> tuple[str, str]:
    try:
        text = data[len(bom):].decode(encoding.removesuffix("-sig"))
    except UnicodeDecodeError as err:
        raise ReadError(name, f"invalid {encoding} after its byte-order mark at byte {err.start + len(bom)}") from err
    _check_controls(text, name)
    return text, encoding


# UTF-16 without a byte-order mark: in a sample of 2-byte units, at least this share has a NUL
# high byte (ASCII letters, digits, spaces) and almost none a NUL low byte.
_UTF16_NUL_SHARE = 0.2
_UTF16_SAMPLE = 65_536


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when ``data`` looks like UTF-16 text without a BOM, else None.

    >>> _utf16_without_bom("Số 1-KH/HU".encode("utf-16-le")), _utf16_without_bom(b"plain")
    ('utf-16-le', None)
    """
    sample = data[: _UTF16_SAMPLE]
    if len(data) % 2 or len(sample) < 8 or b"\x00" not in sample:
        return None
    units = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for zeros, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= _UTF16_NUL_SHARE * units and other <= 0.01 * units:
            text = _try_decode(data, encoding)
            if text is not None and _latin_share(text[: _UTF16_SAMPLE]) >= 0.95:
                return encoding
    return None


def _latin_share(text: str) -> float:
    """Share of characters a Vietnamese or English text is written in (Latin, combining marks, punctuation)."""
    latin = sum(1 for c in text if c < "\u0250" or "\u0300" <= c < "\u0370" or "\u1e00" <= c < "\u1f00"
                or "\u2000" <= c < "\u2070")
    return latin / max(1, len(text))


_PARTLY_LEGACY_SCORE = 0.4  # a conversion that makes this share of words Vietnamese shows legacy text


def _decode_8bit(data: bytes, name: str) -> tuple[str, str]:
    """Not UTF-8: Windows-1258, legacy TCVN3/VNI read as cp1252, or UTF-8 with a few broken bytes."""
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    good = sum(1 for c in lenient if ord(c) > 0x7F) - bad
    if bad <= max(4, len(data) * _MAX_BAD_UTF8_SHARE) and good >= 10 * bad:
        return lenient, "utf-8+replace"
    mixed = _decode_mixed_lines(data)
    if mixed is not None:
        _check_controls(mixed, name)
        return mixed, "utf-8+cp1258-lines"
    candidates = []
    cp1258 = _try_decode(data, "cp1258")
    if cp1258 is not None and _looks_vietnamese(cp1258):
        candidates.append((vietnamese_score(unicodedata.normalize("NFC", cp1258)), cp1258, "cp1258"))
    western, western_name = _western(data)
    legacy = detect_legacy(western)
    if legacy is not None:
        converted = convert_legacy(western, legacy)
        candidates.append((vietnamese_score(converted), converted, f"{western_name}+{legacy}"))
    if not candidates:
        sample = western[:50_000]
        partly = max(vietnamese_score(convert_legacy(sample, enc)) for enc in ("tcvn3", "vni"))
        if partly >= _PARTLY_LEGACY_SCORE:  # legacy-font words, but too few of them convert to Vietnamese
            raise ReadError(name, f"legacy font text (TCVN3/VNI) that cannot be converted reliably: only {partly:.0%} "
                                  "of its words become Vietnamese (mixed-language text?)")
        raise ReadError(name, "unknown encoding: not UTF-8, and neither Windows-1258 nor TCVN3/VNI gives Vietnamese text")
    _, text, encoding = max(candidates, key=lambda c: c[0])
    _check_controls(text, name)
    return text, encoding


# UTF-8 with some lines in Windows-1258 (a paragraph pasted from an old file): at least this
# share of the lines with non-ASCII bytes must be valid UTF-8.
_MIN_UTF8_LINE_SHARE = 0.5


def _decode_mixed_lines(data: bytes) -> str | None:
    """Each line decoded as UTF-8, else as Windows-1258 when that reads as Vietnamese,
    else as UTF-8 with replacement characters; None when most lines are not UTF-8.

    >>> import unicodedata
    >>> unicodedata.normalize("NFC", _decode_mixed_lines("Kế hoạch\\n".encode() + b"S\\xf4\\xec 35"))
    'Kế hoạch\\nSố 35'
    """
    lines = data.split(b"\n")
    wide = [line for line in lines if not line.isascii()]
    utf8 = sum(1 for line in wide if _try_decode(line, "utf-8") is not None)
    if not wide or utf8 < _MIN_UTF8_LINE_SHARE * len(wide) or utf8 == len(wide):
        return None
    out = []
    for line in lines:
        text = _try_decode(line, "utf-8")
        if text is None:
            legacy = _try_decode(line, "cp1258")
            vietnamese = legacy is not None and _VIETNAMESE_LETTER.search(unicodedata.normalize("NFC", legacy))
            text = legacy if vietnamese else line.decode("utf-8", errors="replace")
        out.append(text)
    return "\n".join(out)


def _decode_html(data: bytes, name: str, *, max_chars: int | None = None) -> tuple[str, str]:
    """Honour a BOM, then ``<meta charset>``, then guess as for text."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return _decode(data, name, max_chars=max_chars)
    m = _META_CHARSET.search(data[:4096])
    if m:
        declared = _codec_name(m.group(1).decode("ascii", "replace"))
        if declared is not None:
            text = _try_decode(data, declared)
            if text is not None:
                return text, declared
    return _decode(data, name, max_chars=max_chars)


def _fix_legacy(text: str, encoding: str, name: str) -> tuple[str, str]:
    """Repair double-encoded UTF-8 and convert TCVN3/VNI mojibake that a decoding left in the text."""
    if len(_DOUBLE_UTF8.findall(text, 0, 50_000)) >= _MIN_DOUBLE_UTF8:
        return _repair_double_utf8(text, name), f"{encoding}+double-utf-8-repaired"
    if "+" in encoding and encoding.rsplit("+", 1)[1] in ("tcvn3", "vni"):
        return _check_converted(text, encoding, name), encoding
    legacy = detect_legacy(text)
    if legacy is not None:
        encoding = f"{encoding}+{legacy}"
        return _check_converted(convert_legacy(text, legacy), encoding, name), encoding
    if _legacy_leftover(text):
        raise ReadError(name, "legacy font text (TCVN3/VNI-like mojibake) that cannot be converted")
    return text, encoding


def _repair_double_utf8(text: str, name: str) -> str:
    """Each line with "Ã¡"-like sequences encoded back to bytes and decoded as UTF-8."""
    lines = text.split("\n")
    broken = 0
    for i, line in enumerate(lines):
        if _DOUBLE_UTF8.search(line):
            try:
                lines[i] = line.translate(_CP1252_TO_BYTE).encode("latin-1").decode("utf-8")
            except UnicodeError:
                broken += not _has_unicode_vietnamese(line)  # a Unicode line is left as it is
    if broken:
        raise ReadError(name, f"UTF-8 read as cp1252 (mojibake like 'Ã¡') that cannot be repaired: {broken} lines")
    return "\n".join(lines)


def _has_unicode_vietnamese(line: str) -> bool:
    return any("\u1ea0" <= c <= "\u1ef9" or c in "ăđơưĂĐƠƯ" for c in line)


def _check_converted(text: str, encoding: str, name: str) -> str:
    if _legacy_leftover(text):
        raise ReadError(name, f"legacy text ({encoding}) could not be converted: mojibake remains")
    return text


def _legacy_leftover(text: str) -> bool:
    sample = text[:50_000]
    return legacy_share(sample) >= _MAX_LEGACY_SHARE and len(sample.split()) >= _MIN_WORDS_FOR_LEGACY_ERROR


def _looks_vietnamese(text: str) -> bool:
    nfc = unicodedata.normalize("NFC", text)
    return (
        _VIETNAMESE_LETTER.search(nfc) is not None
        and _control_share(nfc) < _MAX_CONTROL_SHARE
        and vietnamese_score(nfc) >= _MIN_VIETNAMESE
    )


def _western(data: bytes) -> tuple[str, str]:
    text = _try_decode(data, "cp1252")
    return (text, "cp1252") if text is not None else (data.decode("latin-1"), "latin-1")


def _check_not_binary(data: bytes, name: str) -> None:
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            raise ReadError(name, f"binary content: {what}, not text")
    if b"\x00" in data:
        raise ReadError(name, "binary content: NUL bytes, not text")


def _check_controls(text: str, name: str) -> None:
    if _control_share(text[:100_000]) >= _MAX_CONTROL_SHARE:
        raise ReadError(name, "binary content: control characters, not text")


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(1, len(text))


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _codec_name(label: str) -> str | None:
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1258" if name == "cp1258" else name


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------


_MAX_TRAFILATURA_CHARS = 1_000_000


def _html_main_text(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, favor_recall=True, include_tables=True) or ""


class _PlainText(HTMLParser):
    """A plain HTML-to-text converter: block elements become line breaks, chrome is dropped."""

    SKIP = {"script", "style", "noscript", "template", "nav", "header", "footer", "form", "button", "select", "iframe", "svg"}
    BLOCK = {
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
        "table", "ul", "ol", "blockquote", "pre", "dd", "dt", "hr", "td", "th", "main", "aside",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def _html_plain_text(html: str) -> str:
    parser = _PlainText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


# ---------------------------------------------------------------------------
# docx
# ---------------------------------------------------------------------------


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
# Inner content of a run as python-docx reads it (``CT_R.text``): w:t, tabs, breaks, hyphens.
_RUN_TEXT = {_W + "tab": "\t", _W + "ptab": "\t", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
# Elements holding paragraphs and tables read as text: the body and table cells (w:tc).
_CONTAINERS = (_W + "body", _W + "tc")


class _Counted(io.RawIOBase):
    """A zip member read through a counter: more than ``limit`` unpacked bytes is a ReadError."""

    def __init__(self, member, limit: int, name: str):
        self.member, self.limit, self.name, self.total = member, limit, name, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        chunk = self.member.read(min(len(buffer), 1 << 16))
        self.total += len(chunk)
        if self.total > self.limit:
            raise ReadError(self.name, f"docx unpacks to over {self.limit:,} bytes (max_unpacked): a zip bomb?")
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _docx_part(archive: zipfile.ZipFile, name: str, budget: _Budget) -> zipfile.ZipInfo:
    """The zip member of the main document (``word/document.xml`` unless the package says otherwise)."""
    if len(archive.infolist()) > 10_000:
        raise ReadError(name, f"corrupt docx: {len(archive.infolist()):,} zip members")
    target = "word/document.xml"
    try:
        rels = archive.getinfo("_rels/.rels")
    except KeyError:
        rels = None
    if rels is not None and rels.file_size <= 1_000_000:
        from lxml import etree

        with archive.open(rels) as f:
            root = etree.fromstring(f.read(1_000_001), etree.XMLParser(resolve_entities=False, no_network=True))
        for rel in root:
            if rel.get("Type") == _OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
                target = rel.get("Target", target).lstrip("/")
    try:
        info = archive.getinfo(target)
    except KeyError:
        raise ReadError(name, f"corrupt docx: no {target} in the archive") from None
    if info.file_size > budget.limits.max_unpacked:
        raise ReadError(name, f"docx unpacks to {info.file_size:,} bytes, over {budget.limits.max_unpacked:,} "
                              "(max_unpacked): a zip bomb?")
    return info


def _docx_stream_lines(archive: zipfile.ZipFile, name: str, budget: _Budget) -> Iterator[str]:
    """Paragraph texts of the body and of table cells, in document order, as python-docx
    gives them (a cell merged down from the row above is read once), streamed: each
    element is dropped once read, so memory does not grow with the document."""
    from lxml import etree

    limits = budget.limits
    info = _docx_part(archive, name, budget)
    tags = _count_start_tags(archive, info, name, budget)
    if tags > limits.max_elements:
        raise ReadError(name, f"docx has {tags:,} XML elements, over {limits.max_elements:,} (max_elements)")
    with archive.open(info) as member:
        source = io.BufferedReader(_Counted(member, limits.max_unpacked, name), 1 << 16)
        events = etree.iterparse(source, events=("start", "end"), resolve_entities=False, no_network=True,
                                 load_dtd=False, huge_tree=False)
        # One frame per open element: [tag, reads-as-text, merged-from-above]
        stack: list[list] = []
        line: list[str] | None = None
        elements = chars = 0
        for event, el in events:
            if event == "start":
                elements += 1
                if elements > limits.max_elements:
                    raise ReadError(name, f"docx has over {limits.max_elements:,} XML elements (max_elements)")
                if elements % 20_000 == 0:
                    budget.check_time(f"{elements:,} XML elements read")
                parent = stack[-1] if stack else None
                stack.append([el.tag, _reads_as_text(el.tag, parent), False])
                if el.tag == _W + "p" and stack[-1][1]:
                    line = []
                continue
            tag, live, _ = stack.pop()
            parent = stack[-1] if stack else None
            if line is not None and parent is not None and _in_run_of_paragraph(stack):
                piece = (el.text or "") if tag == _W + "t" else _RUN_TEXT.get(tag)
                if tag == _W + "br":
                    piece = "\n" if el.get(_W + "type", "textWrapping") == "textWrapping" else ""
                if piece:
                    line.append(piece)
            elif tag == _W + "vMerge" and len(stack) >= 2 and stack[-2][0] == _W + "tc":
                stack[-2][2] = el.get(_W + "val", "continue") == "continue"
            if tag == _W + "p" and live and line is not None:
                text = "".join(line)
                chars += len(text) + 1
                budget.check_chars(chars)
                yield text
                line = None
            el.clear()
            while el.getprevious() is not None:
                del el.getparent()[0]


def _count_start_tags(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, budget: _Budget) -> int:
    """Start tags of a zip member ('<' not followed by '/', '?' or '!'), counted on the
    unpacked bytes at C speed before any parsing: an element bomb stops here in a second."""
    counted = _Counted(archive.open(info), budget.limits.max_unpacked, name)
    total, last = 0, b""
    while chunk := counted.read(1 << 20):
        data = last + chunk
        total += data.count(b"<") - data.count(b"</") - data.count(b"<?") - data.count(b"<!")
        last = data[-1:]
        if last == b"<":  # its next byte is in the next chunk: count it there
            total -= 1
        else:
            last = b""
        budget.check_time("XML elements counted")
    return total


def _reads_as_text(tag: str, parent: list | None) -> bool:
    """Whether an element is read the way python-docx reads a document: paragraphs and
    tables in the body or in a cell, rows of such tables, cells of such rows (a cell
    merged down from the row above excepted)."""
    if parent is None:
        return False
    ptag, plive, merged = parent
    if tag == _W + "body":
        return True
    if tag in (_W + "p", _W + "tbl"):
        return plive and ptag in _CONTAINERS and not merged
    if tag == _W + "tr":
        return plive and ptag == _W + "tbl"
    if tag == _W + "tc":
        return plive and ptag == _W + "tr"
    return False


def _in_run_of_paragraph(stack: list[list]) -> bool:
    """The element just closed is inner content of a run (w:r) of the paragraph being read,
    directly or through a w:hyperlink."""
    if len(stack) < 2 or stack[-1][0] != _W + "r":
        return False
    up = stack[-2]
    if up[0] == _W + "p":
        return up[1]
    return up[0] == _W + "hyperlink" and len(stack) >= 3 and stack[-3][0] == _W + "p" and stack[-3][1]


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------


def _format_of(suffix_or_fmt: str, name: str) -> str:
    key = suffix_or_fmt.lower().lstrip(".")
    if key not in _FORMATS:
        allowed = ", ".join(SUPPORTED_SUFFIXES)
        raise ReadError(name, f"unsupported format {suffix_or_fmt or '(no suffix)'!r}; allowed: {allowed}")
    return key


def _read_at_most(path: str | os.PathLike, size: int) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(size)
    except OSError as err:
        raise AccessError(str(path), f"cannot read: {err.strerror or type(err).__name__}") from err


def _is_boilerplate(line: str) -> bool:
    return "\n" not in line and _BOILERPLATE_LINE.fullmatch(unicodedata.normalize("NFC", line)) is not None
