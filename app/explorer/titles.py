"""Titles staff can read: a directive's own title from its text's header, else the
subject phrase ("về …") the citing texts gave, cleaned of boilerplate.

>>> text = "TỈNH ỦY\\nSố 61-KH/TU\\n\\nKẾ HOẠCH\\nTHỰC HIỆN NGHỊ QUYẾT SỐ 35-NQ/TW\\nVỀ BẢO VỆ NỀN TẢNG\\n\\nCăn cứ …"
>>> header_title(text)
'Thực hiện nghị quyết số 35-NQ/TW về bảo vệ nền tảng'
>>> subject_title("về thực hiện Kế hoạch 61-KH/TU, Ban Thường vụ Huyện ủy ban hành kế hoạch thực hiện như sau: I")
'Thực hiện Kế hoạch 61-KH/TU'
>>> subject_title(None)
''
"""
from __future__ import annotations

import re

__all__ = ["header_title", "subject_title", "title_of"]

# The heading line that names the document type, alone or followed by the title's first words.
_HEADING = re.compile(
    r"""^\s*(?:NGHỊ\s+QUYẾT|QUYẾT\s+ĐỊNH|KẾ\s+HOẠCH|CHỈ\s+THỊ|KẾT\s+LUẬN|THÔNG\s+BÁO|HƯỚNG\s+DẪN|BÁO\s+CÁO
          |THÔNG\s+TƯ|NGHỊ\s+ĐỊNH|LUẬT|QUY\s+ĐỊNH|QUY\s+CHẾ|CHƯƠNG\s+TRÌNH(?:\s+HÀNH\s+ĐỘNG)?|ĐỀ\s+ÁN|TỜ\s+TRÌNH
          |CÔNG\s+VĂN|PHÁP\s+LỆNH)\b[ \t]*(?P<rest>[^\n]*)$""",
    re.VERBOSE | re.MULTILINE,
)
# A line that starts the body: the title ends before it.
_BODY = re.compile(r"^\s*(?:Căn cứ|Xét|Theo|Thực hiện|Kính gửi|Số:|I\.|1\.|Điều\s+1|Phần)\b", re.IGNORECASE)
# Where a subject phrase turns into the citing text's own words.
_BOILERPLATE = re.compile(
    r"""\s*(?:,?\s*như\s+sau\b|,?\s*(?:Ban\s+Thường\s+vụ|Ban\s+Chấp\s+hành|Thường\s+trực|Ủy\s+ban\s+nhân\s+dân|UBND)\b
          |\s+ban\s+hành\s+(?:kế\s+hoạch|chương\s+trình|quyết\s+định)|:|;|\.\s|\s+cụ\s+thể\b)""",
    re.VERBOSE | re.IGNORECASE,
)
# The signer's or issuer's line in capitals that follows a title without a blank line.
_ISSUER_LINE = re.compile(
    r"""^\s*(?:CHỦ\s+TỊCH|ỦY\s+BAN\s+NHÂN\s+DÂN|UỶ\s+BAN\s+NHÂN\s+DÂN|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG
          |BAN\s+THƯỜNG\s+VỤ|BAN\s+CHẤP\s+HÀNH|BAN\s+BÍ\s+THƯ|BỘ\s+CHÍNH\s+TRỊ|CHÍNH\s+PHỦ\s*$|QUỐC\s+HỘI\s*$)""",
    re.VERBOSE,
)
_MAX = 220


def _sentence_case(text: str) -> str:
    """An all-capitals title in sentence case; symbols (words with digits or slashes) kept."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return text
    words = [w if re.search(r"[\d/]", w) else w.lower() for w in text.split()]
    return " ".join(words)


def _finish(text: str) -> str:
    text = " ".join(text.split()).strip(" ,;:.-–")
    if len(text) > _MAX:
        text = text[: _MAX].rsplit(" ", 1)[0] + " …"
    return text[:1].upper() + text[1:]


def header_title(text: str | None, *, head: int = 4000) -> str:
    """The title under the type heading ("QUYẾT ĐỊNH" …) in the first ``head`` characters, or ""."""
    if not text:
        return ""
    part = text[:head]
    m = _HEADING.search(part)
    if not m:
        return ""
    lines = [m["rest"]] if m["rest"].strip() else []
    for line in part[m.end():].splitlines()[1:]:
        if not line.strip():
            if lines:
                break
            continue
        if lines and (_BODY.match(line) or _ISSUER_LINE.match(line)):
            break
        if _BODY.match(line) and not lines and not line.strip().lower().startswith(("thực hiện", "theo")):
            return ""
        lines.append(line)
        if len(lines) >= 6:
            break
    title = " ".join(lines)
    title = re.sub(r"^\s*(?:V/v|Về việc)\s*", "", title, flags=re.IGNORECASE)
    return _finish(_sentence_case(title)) if title.strip() else ""


def subject_title(phrase: str | None) -> str:
    """A subject phrase from a citing sentence ("về …"), cut where the citing text's own words begin."""
    if not phrase:
        return ""
    text = " ".join(phrase.split())
    text = re.sub(r"^(?:về\s+việc|về|v/v)\s+", "", text, flags=re.IGNORECASE)
    m = _BOILERPLATE.search(text)
    if m and m.start() > 8:
        text = text[: m.start()]
    return _finish(text)


def title_of(own_title: str | None, source_text: str | None = None) -> str:
    """The best title: the header's when the directive's text is known, else its cleaned subject phrase."""
    return header_title(source_text) or subject_title(own_title)
