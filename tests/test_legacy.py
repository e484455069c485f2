"""ingest.legacy: TCVN3 / VNI detection and conversion.

Legacy text is made here by encoding our own Vietnamese sentences with the
table of ``ingest/data/legacy_vn.csv`` in reverse (``ingest.legacy.encode_legacy``).
"""
from __future__ import annotations

import unicodedata

import pytest

from vbgraph.ingest.legacy import convert_legacy, detect_legacy, encode_legacy, legacy_share, legacy_table, vietnamese_score

PARAGRAPH = (
    "Thực hiện Nghị quyết số 12-NQ/TU ngày 5 tháng 3 năm 2021 của Ban Thường vụ Tỉnh ủy về "
    "đẩy mạnh chuyển đổi số, Đảng ủy xã xây dựng kế hoạch triển khai với những nội dung sau đây: "
    "tăng cường sự lãnh đạo của cấp ủy, nâng cao nhận thức của cán bộ, đảng viên và nhân dân."
)


def vietnamese_letters() -> set[str]:
    """The 134 letters with diacritics: 12 vowels x 6 tones, less the plain ASCII ones, and đ; both cases."""
    tones = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
    lower = {unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưy" for t in tones} | {"đ"}
    lower = {c for c in lower if not c.isascii()}
    return lower | {c.upper() for c in lower}


def test_tables_cover_every_vietnamese_letter():
    letters = vietnamese_letters()
    assert len(letters) == 134
    assert set(legacy_table("vni")) == letters
    assert {c for c in letters if c.islower()} <= set(legacy_table("tcvn3"))


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_every_table_entry_converts_back(encoding):
    for letter, legacy in legacy_table(encoding).items():
        assert convert_legacy(legacy, encoding) == letter, (letter, legacy)


# (case, text, expected detection); one line per case.
DETECT_CASES = [
    ("tcvn3 paragraph", encode_legacy(PARAGRAPH, "tcvn3"), "tcvn3"),
    ("vni paragraph", encode_legacy(PARAGRAPH, "vni"), "vni"),
    ("tcvn3 short title", encode_legacy("Kế hoạch thực hiện Nghị quyết của Tỉnh ủy", "tcvn3"), "tcvn3"),
    ("vni short title", encode_legacy("Kế hoạch thực hiện Nghị quyết của Tỉnh ủy", "vni"), "vni"),
    ("unicode paragraph", PARAGRAPH, None),
    ("unicode decomposed (NFD)", unicodedata.normalize("NFD", PARAGRAPH), None),
    ("ascii only", "Ke hoach so 12-KH/TU ngay 5/3/2021", None),
    ("english", "The committee adopted the resolution on digital transformation.", None),
    ("french accents", "Le comité a adopté la résolution à l'unanimité après un débat très animé.", None),
    ("empty", "", None),
]


@pytest.mark.parametrize("case,text,expected", DETECT_CASES, ids=[c[0] for c in DETECT_CASES])
def test_detect_legacy(case, text, expected):
    assert detect_legacy(text) == expected


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_convert_paragraph_round_trip(encoding):
    expected = PARAGRAPH if encoding == "vni" else _tcvn3_visible(PARAGRAPH)
    assert convert_legacy(encode_legacy(PARAGRAPH, encoding), encoding) == expected


def test_convert_leaves_unicode_lines_alone():
    """A portal page with a Unicode menu line and a legacy (VNI) body line."""
    text = "Trang chủ | Giới thiệu | Tin tức\n" + encode_legacy(PARAGRAPH, "vni") + "\n"
    assert convert_legacy(text, "vni") == "Trang chủ | Giới thiệu | Tin tức\n" + PARAGRAPH + "\n"


def test_convert_unknown_encoding_names_the_allowed_ones():
    with pytest.raises(ValueError, match="tcvn3, vni"):
        convert_legacy("abc", "viscii")


@pytest.mark.parametrize(
    "text,low,high",
    [
        (PARAGRAPH, 0.95, 1.0),
        (encode_legacy(PARAGRAPH, "tcvn3"), 0.0, 0.7),
        ("", 0.0, 0.0),
    ],
)
def test_vietnamese_score(text, low, high):
    assert low <= vietnamese_score(text) <= high


def test_legacy_share_high_for_mojibake_low_for_unicode():
    assert legacy_share(encode_legacy(PARAGRAPH, "tcvn3")) > 0.3
    assert legacy_share(encode_legacy(PARAGRAPH, "vni")) > 0.3
    assert legacy_share(PARAGRAPH) == 0.0


def _tcvn3_visible(text: str) -> str:
    """What TCVN3 can keep of ``text``: toned capitals become lowercase."""
    table = legacy_table("tcvn3")
    return "".join(c.lower() if c.isupper() and c not in table and c.lower() in table else c for c in text)
