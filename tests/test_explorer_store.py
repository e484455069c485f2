"""A small synthetic store for the explorer's tests (texts written here, never from /work/shared),
and tests of the read-only backend and the shaping functions on it.

``build_store(folder)`` writes six short fictional directive texts, ingests extraction
dicts for them with ``graph.build.ingest_dicts`` and records one unreadable file.
The cascade under 35-NQ/TW:

    35-NQ/TW (Trung ương, chỉ được trích dẫn)
    ├── 61-KH/TU Lai Châu (2021) ── 102-KH/HU Tam Đường (2022; also mentions 35-NQ/TW)
    │                            └─ 45-KH/HU Than Uyên (2022) ── 12-KH/ĐU xã Mường Kim (2022)
    ├── 61-KH/TU Sơn La (2021)      (same symbol as Lai Châu's: homonyms)
    ├── 20-CT/TU Sơn La (2023)
    └╌╌ 08-BC/TU Lai Châu (2023)    (only mentions 35-NQ/TW: refers_to)
"""
from __future__ import annotations

import hashlib
import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

NQ35 = "vn/national/tw/nq/2018/35"

# (file, document fields, text, citations: (symbol fields, relation, cue, mention text))
_DOCS = [
    (
        "lc-61-kh-tu.txt",
        dict(type="KH", number="61", issuer_code="TU", year=2021, date="2021-12-22", province="Lai Châu",
             level="province", issuer="Tỉnh ủy Lai Châu",
             title="thực hiện Nghị quyết 35-NQ/TW về bảo vệ nền tảng tư tưởng của Đảng"),
        "TỈNH ỦY LAI CHÂU\nSố 61-KH/TU\nLai Châu, ngày 22 tháng 12 năm 2021\n\nKẾ HOẠCH\n"
        "Thực hiện Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị về tăng cường bảo vệ "
        "nền tảng tư tưởng của Đảng.\n\nI. MỤC ĐÍCH, YÊU CẦU\nCác cấp ủy quán triệt sâu sắc nội dung "
        "Nghị quyết 35-NQ/TW trong toàn Đảng bộ tỉnh.\n",
        [(dict(type="NQ", number="35", issuer_code="TW", year=2018, date="2018-10-22", level="central",
               issuer="Bộ Chính trị"), "implements", "Thực hiện", "Nghị quyết số 35-NQ/TW")],
    ),
    (
        "tdg-102-kh-hu.txt",
        dict(type="KH", number="102", issuer_code="HU", year=2022, date="2022-03-10", province="Lai Châu",
             district="Tam Đường", level="district", issuer="Huyện ủy Tam Đường",
             title="thực hiện Kế hoạch 61-KH/TU của Tỉnh ủy"),
        "HUYỆN ỦY TAM ĐƯỜNG\nSố 102-KH/HU\nTam Đường, ngày 10 tháng 3 năm 2022\n\nKẾ HOẠCH\n"
        "Thực hiện Kế hoạch số 61-KH/TU ngày 21/12/2021 của Tỉnh ủy Lai Châu về thực hiện Nghị quyết "
        "35-NQ/TW của Bộ Chính trị.\n\nCác chi bộ tổ chức học tập chuyên đề <bảo vệ nền tảng>.\n",
        [
            (dict(type="KH", number="61", issuer_code="TU", year=2021, date="2021-12-21", province="Lai Châu",
                  level="province"), "implements", "Thực hiện", "Kế hoạch số 61-KH/TU"),
            (dict(type="NQ", number="35", issuer_code="TW", year=2018, level="central"), "refers_to", "về thực hiện",
             "Nghị quyết 35-NQ/TW"),
        ],
    ),
    (
        "tu-45-kh-hu.txt",
        dict(type="KH", number="45", issuer_code="HU", year=2022, date="2022-04-05", province="Lai Châu",
             district="Than Uyên", level="district", issuer="Huyện ủy Than Uyên",
             title="triển khai Kế hoạch 61-KH/TU"),
        "HUYỆN ỦY THAN UYÊN\nSố 45-KH/HU\nThan Uyên, ngày 5 tháng 4 năm 2022\n\nKẾ HOẠCH\n"
        "Triển khai thực hiện Kế hoạch số 61-KH/TU của Tỉnh ủy Lai Châu.\n",
        [(dict(type="KH", number="61", issuer_code="TU", year=2021, province="Lai Châu", level="province"),
          "implements", "Triển khai thực hiện", "Kế hoạch số 61-KH/TU")],
    ),
    (
        "mk-12-kh-du.txt",
        dict(type="KH", number="12", issuer_code="ĐU", year=2022, date="2022-06-01", province="Lai Châu",
             district="Than Uyên", commune="Mường Kim", level="commune", issuer="Đảng ủy xã Mường Kim",
             title="thực hiện Kế hoạch 45-KH/HU"),
        "ĐẢNG ỦY XÃ MƯỜNG KIM\nSố 12-KH/ĐU\nMường Kim, ngày 1 tháng 6 năm 2022\n\nKẾ HOẠCH\n"
        "Thực hiện Kế hoạch số 45-KH/HU của Huyện ủy Than Uyên.\n",
        [(dict(type="KH", number="45", issuer_code="HU", year=2022, province="Lai Châu", district="Than Uyên",
               level="district"), "implements", "Thực hiện", "Kế hoạch số 45-KH/HU")],
    ),
    (
        "sl-61-kh-tu.txt",
        dict(type="KH", number="61", issuer_code="TU", year=2021, date="2021-11-15", province="Sơn La",
             level="province", issuer="Tỉnh ủy Sơn La", title="thực hiện Nghị quyết 35-NQ/TW"),
        "TỈNH ỦY SƠN LA\nSố 61-KH/TU\nSơn La, ngày 15 tháng 11 năm 2021\n\nKẾ HOẠCH\n"
        "Thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị.\n",
        [(dict(type="NQ", number="35", issuer_code="TW", year=2018, level="central"), "implements", "Thực hiện",
          "Nghị quyết số 35-NQ/TW")],
    ),
    (
        "sl-20-ct-tu.txt",
        dict(type="CT", number="20", issuer_code="TU", year=2023, date="2023-02-01", province="Sơn La",
             level="province", issuer="Tỉnh ủy Sơn La", title="tăng cường thực hiện Nghị quyết 35-NQ/TW"),
        "TỈNH ỦY SƠN LA\nSố 20-CT/TU\nSơn La, ngày 1 tháng 2 năm 2023\n\nCHỈ THỊ\n"
        "Tiếp tục thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị.\n",
        [(dict(type="NQ", number="35", issuer_code="TW", year=2018, level="central"), "implements",
          "Tiếp tục thực hiện", "Nghị quyết số 35-NQ/TW")],
    ),
    (
        "lc-08-bc-tu.txt",
        dict(type="BC", number="08", issuer_code="TU", year=2023, date="2023-05-04", province="Lai Châu",
             level="province", issuer="Tỉnh ủy Lai Châu", title="sơ kết công tác tư tưởng"),
        "TỈNH ỦY LAI CHÂU\nSố 08-BC/TU\nLai Châu, ngày 4 tháng 5 năm 2023\n\nBÁO CÁO\n"
        "Sơ kết công tác tư tưởng, trong đó có kết quả theo Nghị quyết số 35-NQ/TW của Bộ Chính trị.\n",
        [(dict(type="NQ", number="35", issuer_code="TW", year=2018, level="central"), "refers_to", "theo",
          "Nghị quyết số 35-NQ/TW")],
    ),
]

FAILED = ("hong.pdf", "không đọc được: tệp PDF hỏng (synthetic)")


def _sentence(text: str, start: int) -> tuple[int, int]:
    lo = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start)) + 1
    hi = text.find("\n", start)
    return lo, (hi if hi >= 0 else len(text))


def _symbol(fields: dict) -> str:
    return f"{fields['number']}-{fields['type']}/{fields['issuer_code']}"


def extraction_dicts(folder: Path) -> list[dict]:
    """The extraction dicts of the synthetic texts, written into ``folder``."""
    out = []
    for name, doc, text, cites in _DOCS:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        citations = []
        for fields, relation, cue, mention in cites:
            fields = {**fields, "symbol": _symbol(fields)}
            start = text.index(mention)
            lo, hi = _sentence(text, start)
            citations.append({
                **fields, "relation": relation, "cue": cue,
                "mentions": [{"start": start, "end": start + len(mention), "text": mention, "form": "full"}],
                "evidence": {"sentence": text[lo:hi], "start": lo, "end": hi},
            })
        out.append({
            "source": name, "path": str(path), "sha256": hashlib.sha256(text.encode()).hexdigest(),
            "chars": len(text), "document": {**doc, "symbol": _symbol(doc), "kind": "original"}, "citations": citations, "links": [],
        })
    return out


def build_store(folder: Path) -> Path:
    """Write the texts and a store ``folder/store.sqlite`` built from them; return the store path."""
    from vbgraph.graph.build import ingest_dicts
    from vbgraph.graph.store import Store

    folder.mkdir(parents=True, exist_ok=True)
    store_path = folder / "store.sqlite"
    store = Store(store_path)
    try:
        ingest_dicts(extraction_dicts(folder), store)
        with store.transaction() as con:
            store.put_failure(con, str(folder / FAILED[0]), FAILED[0], None, FAILED[1])
    finally:
        store.close()
    return store_path


@pytest.fixture(scope="session")
def store_path(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("explorer-store"))


@pytest.fixture()
def ro_backend(store_path):
    from vbgraph.app.explorer.backend import open_read_only

    backend = open_read_only({"backend": "sqlite", "store": str(store_path)})
    yield backend
    backend.close()


# ---------------------------------------------------------------- the store and the read-only backend


def test_store_has_the_synthetic_cascade(ro_backend):
    from vbgraph.graph import queries

    rows = queries.cascade(ro_backend, NQ35)
    assert sorted(c.row.label for c in rows) == ["102-KH/HU", "12-KH/ĐU", "20-CT/TU", "45-KH/HU", "61-KH/TU", "61-KH/TU"]


def test_explorer_backend_refuses_writes_and_leaves_the_file_unchanged(store_path, ro_backend):
    from vbgraph.graph import queries

    before = store_path.read_bytes()
    queries.search(ro_backend, "Nghị quyết 35")
    queries.directive(ro_backend, NQ35)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        ro_backend.con.execute("CREATE TABLE x(a)")
    assert store_path.read_bytes() == before


def test_explorer_backend_does_not_create_a_missing_store(tmp_path):
    from vbgraph.app.explorer.backend import open_read_only

    with pytest.raises(FileNotFoundError, match="vbgraph ingest"):
        open_read_only({"backend": "sqlite", "store": str(tmp_path / "none.sqlite")})
    assert not (tmp_path / "none.sqlite").exists()


# ---------------------------------------------------------------- shaping on real query rows


def test_search_frame_flags_homonyms(ro_backend):
    from vbgraph.app.explorer import shape
    from vbgraph.graph import queries

    rows = queries.search(ro_backend, "61-KH/TU")
    frame = shape.directive_frame(rows)
    assert set(frame["Địa bàn"]) >= {"Lai Châu", "Sơn La"}
    assert shape.homonym_notes(rows) == ["Số hiệu 61-KH/TU có ở 2 văn bản khác nhau (khác nhiệm kỳ, năm hoặc địa bàn)."]


def test_cascade_frame_counts_csv_json_and_dot(ro_backend):
    import json

    from vbgraph.app.explorer import shape
    from vbgraph.graph import queries

    root = queries.directive(ro_backend, NQ35).row
    rows = queries.cascade(ro_backend, NQ35)
    frame = shape.cascade_frame(rows, root)
    assert shape.cascade_counts(rows) == {"Tỉnh": 3, "Huyện": 2, "Xã": 1}
    csv = shape.cascade_csv(frame).decode("utf-8-sig")
    assert csv.splitlines()[0].startswith("Số hiệu,Loại,Cấp,Địa bàn,Ngày")
    assert "Tam Đường, Lai Châu" in csv
    doc = json.loads(shape.cascade_json(root, rows, {"levels": ["district"]}))
    assert doc["root"]["id"] == NQ35 and len(doc["rows"]) == 6 and doc["filters"] == {"levels": ["district"]}
    dot, drawn, rest = shape.cascade_dot(root, rows)
    assert (drawn, rest) == (6, 0) and "rankdir=TB" in dot
    dot, drawn, rest = shape.cascade_dot(root, rows, max_nodes=4)
    assert (drawn, rest) == (3, 3) and dot.count(" [label=") == 4 and "+ 3 văn bản bên dưới" in dot


def test_filtered_cascade_bridges_to_the_nearest_shown_ancestor(ro_backend):
    from vbgraph.app.explorer import shape
    from vbgraph.graph import queries

    full = queries.cascade(ro_backend, NQ35)
    communes = queries.cascade(ro_backend, NQ35, levels=["commune"])
    kept = {c.row.id for c in communes}
    assert shape.bridge_parents(full, kept, NQ35) == {c.row.id: NQ35 for c in communes}


def test_source_text_is_highlighted(ro_backend):
    from vbgraph.app.explorer import shape
    from vbgraph.graph import queries

    d = queries.directive(ro_backend, "vn/lai-chau.tam-duong/hu/kh/2022/102")
    src = queries.source(ro_backend, d.row.id)
    edge = d.implements[0]
    out = shape.highlight_html(src.text, src.spans, focus=(edge.start, edge.end), window=200)
    assert '<mark class="vb-cite vb-ev" title="Kế hoạch số 61-KH/TU">Kế hoạch số 61-KH/TU</mark>' in out
    assert "&lt;bảo vệ nền tảng&gt;" in shape.highlight_html(src.text, src.spans)


def test_coverage_frames_have_coordinates(ro_backend):
    from vbgraph.app.explorer import geo, shape
    from vbgraph.graph import queries

    cov = queries.coverage(ro_backend, NQ35)
    provinces, districts = shape.coverage_frames(cov, geo.centroid_for(cov.era))
    covered = provinces[provinces["Có văn bản thực hiện"] == "Có"]
    assert set(covered["Tỉnh/thành"]) == {"Lai Châu", "Sơn La"}
    assert provinces["lat"].notna().mean() > 0.9
    assert shape.coverage_map(provinces, districts).to_dict()["layer"]
    assert shape.lag_chart(provinces, districts).to_dict()["mark"]["type"] == "bar"


if __name__ == "__main__":  # build a store by hand: python tests/test_explorer_store.py FOLDER
    print(build_store(Path(sys.argv[1])))
