"""Vietnamese labels of the explorer, as data: levels, relations, statuses, types, columns.

>>> LEVEL_LABELS["district"], RELATION_LABELS["implements"]
('Huyện', 'Thực hiện')
>>> type_label("NQ"), type_label("XYZ"), type_label(None)
('Nghị quyết', 'XYZ', '')
"""
from __future__ import annotations

import functools

from vbgraph.ingest.tables import type_names

__all__ = [
    "LEVEL_LABELS",
    "LEVEL_ORDER",
    "RELATION_LABELS",
    "STATUS_LABELS",
    "KIND_LABELS",
    "COLUMNS",
    "level_label",
    "type_label",
]

LEVEL_ORDER = ("central", "province", "district", "commune", None)

LEVEL_LABELS = {
    "central": "Trung ương",
    "province": "Tỉnh",
    "district": "Huyện",
    "commune": "Xã",
    None: "Chưa rõ",
}

# Colours of the levels in the cascade picture and charts (top to bottom: dark to light).
LEVEL_COLORS = {
    "central": "#b02a37",
    "province": "#e8590c",
    "district": "#1971c2",
    "commune": "#2f9e44",
    None: "#868e96",
}

RELATION_LABELS = {
    "implements": "Thực hiện",
    "refers_to": "Đề cập",
}

STATUS_LABELS = {
    "document": "Có văn bản",
    "cited-only": "Chỉ được trích dẫn",
}

KIND_LABELS = {
    "original": "Văn bản chỉ đạo",
    "report": "Báo cáo",
    "other": "Khác",
}

# Column headers of every table the explorer shows or exports.
COLUMNS = {
    "id": "Mã định danh",
    "type": "Loại",
    "symbol": "Số hiệu",
    "level": "Cấp",
    "jurisdiction": "Địa bàn",
    "province": "Tỉnh/thành",
    "district": "Huyện",
    "date": "Ngày",
    "year": "Năm",
    "term": "Nhiệm kỳ",
    "title": "Trích yếu",
    "status": "Trạng thái",
    "homonyms": "Cùng số hiệu",
    "link": "Mở",
    "relation": "Quan hệ",
    "cue": "Từ khóa",
    "mentions": "Số lần nhắc",
    "sentence": "Câu làm chứng",
    "source": "Tệp nguồn",
    "depth": "Độ sâu",
    "parent": "Văn bản cấp trên",
    "tree": "Cây",
    "covered": "Có văn bản thực hiện",
    "lag": "Độ trễ (ngày)",
    "directives": "Văn bản thực hiện",
    "citations": "Số tệp trích dẫn",
    "path": "Tệp",
    "reason": "Lý do",
    "count": "Số lượng",
}


def level_label(level: str | None) -> str:
    """The Vietnamese name of a level (``None`` or unknown: "Chưa rõ").

    >>> level_label("commune"), level_label("xyz")
    ('Xã', 'Chưa rõ')
    """
    return LEVEL_LABELS.get(level, LEVEL_LABELS[None])


def type_label(code: str | None) -> str:
    """The type word of an abbreviation (any case; from the extractor's type table), or the
    abbreviation itself when unknown.

    >>> type_label("NQ"), type_label("qđi"), type_label("XYZ"), type_label(None)
    ('Nghị quyết', 'Quy định', 'XYZ', '')
    """
    if not code:
        return ""
    return _type_names_upper().get(code.upper(), code)


@functools.cache
def _type_names_upper() -> dict[str, str]:
    return {code.upper(): name for code, name in type_names().items()}
