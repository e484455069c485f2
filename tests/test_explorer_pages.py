"""Every page of the explorer through Streamlit's ``AppTest``, on the synthetic store of
``test_explorer_store.py``: rendering, the search box, query-param navigation, the
cascade filters and downloads, coverage, corpus."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from test_explorer_store import NQ35, store_path  # noqa: F401  (the session fixture)

MAIN = Path(__file__).resolve().parents[1] / "app" / "explorer" / "main.py"
LC61 = "vn/lai-chau/tu/kh/2021/61"
HU102 = "vn/lai-chau.tam-duong/hu/kh/2022/102"


@pytest.fixture()
def app(store_path, monkeypatch):  # noqa: F811
    """A factory: ``app(page, **query_params)`` runs the explorer on one page."""
    monkeypatch.setenv("VBGRAPH_STORE", str(store_path))
    monkeypatch.setenv("VBGRAPH_BACKEND", "sqlite")

    def run(page: str | None = None, **params: str) -> AppTest:
        at = AppTest.from_file(str(MAIN), default_timeout=60)
        at.run()  # registers the pages of st.navigation
        if page:
            at.switch_page(f"views/{page}.py")
        at.query_params.update(params)
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        return at

    return run


@pytest.fixture()
def downloads(monkeypatch):
    """Records what each download button would serve: label → (file name, bytes)."""
    from streamlit.elements.widgets.button import ButtonMixin

    got: dict[str, tuple[str, bytes]] = {}
    original = ButtonMixin.download_button

    def spy(self, label, data, file_name=None, *args, **kwargs):
        got[label] = (file_name, data)
        return original(self, label, data, file_name, *args, **kwargs)

    monkeypatch.setattr(ButtonMixin, "download_button", spy)
    return got


def data_of(download: tuple[str, object]) -> bytes:
    """The bytes a download button serves (its data may be a function called on click)."""
    data = download[1]
    return data() if callable(data) else data


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def frames(at: AppTest, column: str, without: str = "") -> list:
    """The tables (as DataFrames) that have ``column`` (and not ``without``), in page order."""
    out = [d.value for d in at.dataframe]
    return [f for f in out if column in f.columns and (not without or without not in f.columns)]


def texts(at: AppTest) -> str:
    return "\n".join(
        [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
        + [w.value for w in at.warning] + [e.value for e in at.error]
    )


# ---------------------------------------------------------------- Tìm kiếm


def test_search_page_without_query_shows_examples(app):
    at = app()
    assert at.title[0].value == "Tìm kiếm văn bản"
    assert "Nghị quyết 35" in texts(at)
    assert not at.dataframe


@pytest.mark.parametrize("query", ["Nghị quyết 35", "35-NQ/TW", "NQ 35"])
def test_search_finds_the_resolution_in_all_its_spellings(app, query):
    at = app(q=query)
    frame = at.dataframe[0].value
    assert frame.iloc[0]["Số hiệu"] == "35-NQ/TW"
    assert set(frame.columns) >= {"Loại", "Số hiệu", "Cấp", "Địa bàn", "Ngày"}
    assert frame.iloc[0]["Cấp"] == "Trung ương"
    citing = frames(at, "Quan hệ")[0]  # the directives citing the first result, on the search page itself
    assert sorted(citing["Số hiệu"]) == ["08-BC/TU", "102-KH/HU", "20-CT/TU", "61-KH/TU", "61-KH/TU"]
    assert set(citing[citing["Cấp"] == "Huyện"]["Số hiệu"]) == {"102-KH/HU"}


def test_search_box_updates_the_url_and_flags_homonyms(app):
    at = app()
    at.text_input(key="search-q").input("61-KH/TU").run()
    assert at.query_params["q"] == "61-KH/TU"
    frame = at.dataframe[0].value
    assert sorted(frame["Địa bàn"]) == ["Lai Châu", "Sơn La"]
    assert any("có ở 2 văn bản khác nhau" in i.value for i in at.info)


def test_search_of_a_homonym_opens_nothing_until_one_is_picked(app):
    at = app(q="61-KH/TU")
    frame = at.dataframe[0].value
    assert all(" · " in label and "Tỉnh ủy" in label for label in frame["Văn bản"])  # type+symbol · issuer · year
    assert not at.get("page_link") and not at.subheader
    assert any("chọn một dòng" in c.value for c in at.caption)


def test_search_suggests_near_misses(app):
    at = app(q="61-KH/XYZ")
    assert any("Không tìm thấy" in w.value for w in at.warning)
    assert any("Có phải bạn muốn tìm" in m.value and "61-KH/TU" in m.value for m in at.markdown)


def test_huge_searches_and_malformed_ids_are_messages(app):
    at = app(q="bảo vệ " * 700)
    assert any("từ đầu" in i.value for i in at.info)
    for page, bad in (("chain", "khong-ton-tai"), ("coverage", "' OR 1=1 --"), ("directive", "vn/<script>")):
        at = app(page, id=bad)
        assert at.error and ("không phải mã định danh" in at.error[0].value or "Không có văn bản" in at.error[0].value)
        assert "Traceback" not in at.error[0].value and "/" + "work" not in at.error[0].value


def test_search_with_place_words(app):
    frame = app(q="Kế hoạch 102 Tam Đường").dataframe[0].value
    assert frame.iloc[0]["Số hiệu"] == "102-KH/HU"


def test_search_without_result_says_so(app):
    at = app(q="Quyết định 9999-QĐ/XYZ")
    assert any("Không tìm thấy" in w.value for w in at.warning)


def test_search_links_carry_the_directive_id(app):
    at = app(q="102-KH/HU")
    links = at.get("page_link")
    assert links and all(HU102 in (link.proto.query_string or "") or HU102.replace("/", "%2F") in
                         (link.proto.query_string or "") for link in links)
    assert at.dataframe[0].value.iloc[0]["Mở"].startswith("van-ban?id=vn%2Flai-chau.tam-duong")


# ---------------------------------------------------------------- Văn bản


def test_directive_page_shows_both_directions_with_counts(app):
    at = app("directive", id=NQ35)
    assert at.title[0].value == "Nghị quyết 35-NQ/TW"
    assert metrics(at) == {"Thực hiện": "0", "Được thực hiện bởi": "3", "Đề cập": "0", "Được đề cập bởi": "2"}
    labels = [t.label for t in at.tabs]
    assert labels == ["Được thực hiện bởi (3)", "Được đề cập bởi (2)", "Toàn văn"]  # no empty tab, none first
    down = at.dataframe(key="edges-implemented_by").value
    assert sorted(down["Địa bàn"]) == ["Lai Châu", "Sơn La", "Sơn La"]
    assert set(down["Từ khóa"]) == {"Thực hiện", "Tiếp tục thực hiện"}
    assert all("35-NQ/TW" in s for s in down["Trích đoạn"])
    assert set(down["Cơ quan ban hành"]) == {"Tỉnh ủy Lai Châu", "Tỉnh ủy Sơn La"}
    assert set(down["Quan hệ"]) == {"Thực hiện"}
    assert "Thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị" in set(down["Trích yếu"])  # from the header
    assert any("trực tiếp" in c.value for c in at.caption)  # what each count counts


def test_directive_page_exports_every_relation(app, downloads):
    at = app("directive", id=NQ35)
    assert [b.label for b in at.get("download_button")] == ["Tải CSV", "Tải JSON", "Tải Excel"]
    rows = list(csv.DictReader(io.StringIO(data_of(downloads["Tải CSV"]).decode("utf-8-sig"))))
    assert len(rows) == 5 and {r["Quan hệ"] for r in rows} == {"Thực hiện", "Đề cập"}
    assert "Mã định danh" not in rows[0] and "Mở" not in rows[0]
    assert all(r["Năm"].isdigit() and "/" in r["Ngày"] for r in rows)
    assert not any("None" in v or "nan" == v for r in rows for v in r.values())
    doc = json.loads(data_of(downloads["Tải JSON"]))
    assert {d["Số hiệu"] for d in doc} >= {"61-KH/TU", "20-CT/TU", "08-BC/TU"}
    xlsx = data_of(downloads["Tải Excel"])
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(xlsx)).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Số hiệu", "Loại", "Cơ quan ban hành"] and sheet.max_row == 6


def test_directive_page_highlights_the_evidence_in_the_source_text(app):
    at = app("directive", id=HU102)
    up = at.dataframe(key="edges-implements").value
    assert list(up["Số hiệu"]) == ["61-KH/TU"] and list(up["Từ khóa"]) == ["Thực hiện"]
    html = "\n".join(h.proto.body for h in at.get("html"))
    assert '<mark class="vb-cite vb-ev" title="Kế hoạch số 61-KH/TU">Kế hoạch số 61-KH/TU</mark>' in html
    assert "&lt;bảo vệ nền tảng&gt;" in html  # the source text is escaped


def test_directive_page_shows_conflicting_values(app):
    at = app("directive", id=LC61)
    assert any("Ngày ban hành" in w.value and "21/12/2021" in w.value for w in at.warning)
    meta = at.dataframe[0].value
    date_row = meta[meta["Trường"] == "Ngày ban hành"].iloc[0]
    assert "21/12/2021" in date_row["Giá trị khác trong các văn bản"]
    assert any("có ở 2 văn bản khác nhau" in i.value for i in at.info)


def test_directive_page_without_id_offers_a_picker(app):
    at = app("directive")
    at.text_input(key="directive-pick").input("102-KH/HU").run()
    assert at.title[0].value == "Kế hoạch 102-KH/HU"
    assert at.query_params["id"] == HU102


@pytest.mark.parametrize("page,title", [
    ("directive", "Văn bản"), ("cascade", "Cây thực hiện"), ("chain", "Chuỗi thực hiện"), ("coverage", "Độ phủ"),
])
def test_pages_name_an_unknown_id(app, page, title):
    at = app(page, id="vn/national/tw/nq/1900/1")
    assert not at.exception
    assert at.title[0].value == title
    assert at.error and "Không có văn bản" in at.error[0].value


# ---------------------------------------------------------------- Cây thực hiện


def test_cascade_page_counts_levels(app):
    at = app("cascade", id=NQ35)
    assert at.title[0].value == "Cây thực hiện 35-NQ/TW"
    assert metrics(at) == {"Tổng": "6", "Tỉnh": "3", "Huyện": "2", "Xã": "1"}
    html = "\n".join(h.proto.body for h in at.get("html"))
    assert '<details open><summary><span class="vb-lv"' in html  # the tree, levels open
    assert "Lai Châu <span class=\"vb-n\">2</span>" in html and "Mường Kim <span class=\"vb-n\">1</span>" in html
    assert html.index("Lai Châu") < html.index("Sơn La")
    assert not at.get("graphviz_chart")  # hidden views are not drawn


def test_cascade_table_and_small_picture(app):
    at = app("cascade", id=NQ35, xem="Bảng")
    tree = frames(at, "Thực hiện văn bản")[0]
    assert {"Cơ quan ban hành", "Ngày", "Trích yếu", "Quan hệ", "Trích đoạn", "Thực hiện văn bản"} <= set(tree.columns)
    row = tree[tree["Số hiệu"] == "12-KH/ĐU"].iloc[0]
    assert row["Thực hiện văn bản"] == "45-KH/HU" and "45-KH/HU" in row["Trích đoạn"]
    at = app("cascade", id=NQ35, xem="Sơ đồ")
    assert at.get("graphviz_chart")[0].proto.spec.startswith("digraph cascade")
    assert "Chưa rõ" in "\n".join(h.proto.body for h in at.get("html"))  # the legend is complete


@pytest.mark.parametrize(
    "param, value, expected",
    [
        ("cap", "Huyện", {"Tổng": "2", "Tỉnh": "0", "Huyện": "2", "Xã": "0"}),
        ("tinh", "Sơn La", {"Tổng": "2", "Tỉnh": "2", "Huyện": "0", "Xã": "0"}),
        ("loai", "Chỉ thị (CT)", {"Tổng": "1", "Tỉnh": "1", "Huyện": "0", "Xã": "0"}),
    ],
)
def test_cascade_filters_from_the_url(app, param, value, expected):
    """Filters are bound to the URL by their Vietnamese labels (``?cap=Huyện&tinh=Sơn La``), so a view can be shared."""
    at = app("cascade", id=NQ35, **{param: value})
    assert metrics(at) == expected


@pytest.mark.parametrize(
    "widget, value, expected",
    [
        ("cap", ["district"], {"Tổng": "2", "Tỉnh": "0", "Huyện": "2", "Xã": "0"}),
        ("tinh", ["Sơn La"], {"Tổng": "2", "Tỉnh": "2", "Huyện": "0", "Xã": "0"}),
    ],
)
def test_cascade_filters(app, widget, value, expected):
    at = app("cascade", id=NQ35)
    at.multiselect(key=widget).set_value(value).run()
    assert not at.exception
    assert metrics(at) == expected


def test_cascade_year_range_and_depth(app):
    at = app("cascade", id=NQ35)
    at.slider(key="nam").set_value((2023, 2023)).run()
    assert metrics(at)["Tổng"] == "1"
    at.slider(key="nam").set_value((2021, 2023)).run()
    at.number_input(key="bac").set_value(1).run()
    assert metrics(at)["Tổng"] == "3"


def test_cascade_follow_refers_to(app):
    at = app("cascade", id=NQ35, xem="Bảng")
    at.toggle(key="de-cap").set_value(True).run()
    assert metrics(at)["Tổng"] == "7"
    tree = frames(at, "Thực hiện văn bản")[0]
    assert "08-BC/TU" in set(tree["Số hiệu"]) and "Đề cập" in set(tree["Quan hệ"])


def test_cascade_downloads_follow_the_filters(app, downloads):
    at = app("cascade", id=NQ35)
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Tải CSV", "Tải JSON", "Tải Excel"]
    at.multiselect(key="cap").set_value(["district", "commune"]).run()
    name, _ = downloads["Tải CSV"]
    assert name == "cay-thuc-hien-35-NQ-TW.csv"
    rows = list(csv.DictReader(io.StringIO(data_of(downloads["Tải CSV"]).decode("utf-8-sig"))))
    assert sorted(r["Số hiệu"] for r in rows) == ["102-KH/HU", "12-KH/ĐU", "45-KH/HU"]
    assert {r["Năm"] for r in rows} == {"2022"} and "Mã định danh" not in rows[0]
    doc = json.loads(data_of(downloads["Tải JSON"]))
    assert len(doc) == 3 and doc[0]["Ngày"].count("/") == 2
    at.download_button(key="cascade-dl-csv").click().run()
    assert not at.exception


def test_cascade_of_a_leaf(app):
    at = app("cascade", id="vn/lai-chau.than-uyen.muong-kim/du/kh/2022/12")
    assert any("Chưa có văn bản nào thực hiện" in i.value for i in at.info)


# ---------------------------------------------------------------- Chuỗi


def test_chain_page_goes_up_to_the_central_root(app):
    at = app("chain", id=HU102)
    assert at.title[0].value == "Chuỗi thực hiện 102-KH/HU"
    line = next(m.value for m in at.markdown if m.value.startswith("1. "))
    assert set(at.dataframe[0].value["Số hiệu"]) == {"102-KH/HU", "61-KH/TU", "35-NQ/TW"}
    assert re.findall(r"\[([^\]]+)\]", line) == ["102-KH/HU", "61-KH/TU", "35-NQ/TW"]
    assert "rankdir=BT" in at.get("graphviz_chart")[0].proto.spec


def test_chain_page_of_a_root(app):
    at = app("chain", id=NQ35)
    assert any("gốc của chuỗi" in i.value for i in at.info)


# ---------------------------------------------------------------- Độ phủ


def test_coverage_page(app, downloads):
    at = app("coverage", id=NQ35)
    assert at.title[0].value == "Độ phủ 35-NQ/TW"
    assert metrics(at)["Tỉnh/thành có văn bản thực hiện (bản đồ 63 tỉnh/thành (trước 1/7/2025))"] == "2/63"
    charts = at.get("vega_lite_chart")
    assert len(charts) == 2 and all("mercator" in c.proto.spec or "bin" in c.proto.spec for c in charts)
    assert '"tickMinStep": 1' in charts[1].proto.spec or '"tickMinStep":1' in charts[1].proto.spec
    provinces = frames(at, "Tỉnh/thành", without="Huyện")[0]
    assert len(provinces) == 63 and list(provinces["Tỉnh/thành"][:3]) == ["An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu"]
    at.radio(key="phu").set_value("Có").run()
    assert sorted(frames(at, "Tỉnh/thành", without="Huyện")[0]["Tỉnh/thành"]) == ["Lai Châu", "Sơn La"]
    districts = frames(at, "Huyện")[0]
    covered = set(districts[districts["Có văn bản thực hiện"] == "Có"]["Huyện"])
    assert covered == {"Tam Đường", "Than Uyên"}
    rows = list(csv.DictReader(io.StringIO(data_of(downloads["Tải CSV"]).decode("utf-8-sig"))))
    assert not any(v in ("None", "nan") or v.endswith(".0") for r in rows for v in r.values())
    assert any("bản đồ hành chính" in c.value for c in at.caption)


# ---------------------------------------------------------------- Kho dữ liệu


def test_corpus_page(app):
    at = app("corpus")
    assert at.title[0].value == "Kho dữ liệu"
    m = metrics(at)
    assert m["Tệp đã nạp"] == "8" and m["Tệp không đọc được"] == "1"
    top = frames(at, "Số tệp trích dẫn")[0]
    assert top.iloc[0]["Số hiệu"] == "35-NQ/TW" and top.iloc[0]["Số tệp trích dẫn"] == 5
    stubs = frames(at, "Số tệp trích dẫn")[1]
    assert list(stubs["Số hiệu"]) == ["35-NQ/TW"]
    failed = frames(at, "Tệp")[0]
    assert list(failed["Tệp"].map(lambda p: Path(p).name)) == ["hong.pdf"]


def test_missing_store_is_reported_not_created(tmp_path, monkeypatch):
    monkeypatch.setenv("VBGRAPH_STORE", str(tmp_path / "none.sqlite"))
    at = AppTest.from_file(str(MAIN), default_timeout=60).run()
    assert not at.exception and "vbgraph ingest" in at.error[0].value
    assert not (tmp_path / "none.sqlite").exists()
