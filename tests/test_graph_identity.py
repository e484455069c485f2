"""Identity across documents (issue 9): one node per real directive, nothing merged that is two.

Every case is a hand-made extraction dict (synthetic phrases); each test names the rule it pins.
"""
from __future__ import annotations

import itertools
import json

import pytest

from vbgraph.graph.build import canonical_id, ingest_dicts
from vbgraph.graph.export import write_citations
from vbgraph.graph.store import Store
from vbgraph.ingest.identity import directive_id, level_of_code, symbol_series


def cite(type, number, code, *, relation="refers_to", start=0, text=None, **fields) -> dict:
    return {"type": type, "number": number, "issuer_code": code, "relation": relation,
            "mentions": [{"start": start, "end": start + 8, "text": text or f"{type} {number}"}], **fields}


def text(name, citations, *, kind="other", **doc) -> dict:
    return {"source": name, "path": name, "sha256": name + json.dumps(citations, sort_keys=True),
            "document": {"kind": kind, **doc}, "citations": citations, "links": []}


def store_of(dicts) -> Store:
    store = Store(":memory:")
    ingest_dicts(dicts, store)
    return store


def node_of(store: Store, path: str, number: str) -> set[str]:
    return {r["id"] for r in store.citations() if r["source"] == path and r["number"] == number}


# ---------------------------------------------------------------- ids
@pytest.mark.parametrize("fields, expected", [
    # a date beats a contradicting "năm YYYY"
    ({"type": "NQ", "number": "57", "issuer_code": "TW", "year": 2025, "date": "2024-12-22", "id": "vn/national/tw/nq/2025/57"},
     "vn/national/tw/nq/2024/57"),
    # the year in the symbol beats both
    ({"type": "QĐ", "number": "12", "issuer_code": "TTg", "year": 2016, "symbol": "12/2017/QĐ-TTg"}, "vn/national/ttg/qd/2017/12"),
    # the administrative series is its own
    ({"type": "QĐ", "number": "12", "issuer_code": "TTg", "date": "2017-01-06", "symbol": "12/QĐ-TTg"},
     "vn/national/ttg/qd/2017-hc/12"),
    # types with one series keep plain periods
    ({"type": "KH", "number": "12", "issuer_code": "UBND", "date": "2017-01-06", "symbol": "12/KH-UBND", "province": "Lai Châu"},
     "vn/lai-chau/ubnd/kh/2017/12"),
    # a numberless document given a congress-shaped id is its own text's
    ({"type": "KH", "number": None, "issuer_code": "HU", "id": "vn/~p-txt/hu/kh/dai-hoi/_"}, "vn/~p-txt/hu/kh/_/_"),
])
def test_identity_rules_of_the_graph(fields, expected):
    assert canonical_id(fields, "p.txt") == expected


def test_congress_ids_only_for_congresses():
    assert directive_id("NQ", None, "TW", congress="XIII") == "vn/national/tw/nq/dai-hoi/xiii"
    assert "dai-hoi" not in directive_id("NQ", None, "HU", scope="x.txt")


@pytest.mark.parametrize("code", ["HĐBT", "HĐNN7", "TCHQ-GSQL", "TCT-CS", "TCCP", "UBPLTP15", "C06-P2", "QP"])
def test_central_bodies_of_past_and_present(code):
    assert level_of_code(code) == "central"


def test_series_told_by_the_symbol():
    assert symbol_series("QĐ", "38/2025/QĐ-TTg") == "normative"
    assert symbol_series("QĐ", "38/QĐ-TTg") == "administrative"
    assert symbol_series("CT", "27/CT-TTg") is None


def test_two_series_of_one_number_never_merge():
    s = store_of([
        text("a.txt", [cite("QĐ", "38", "TTg", year=2025, symbol="38/2025/QĐ-TTg", date="2025-10-13")]),
        text("b.txt", [cite("QĐ", "38", "TTg", year=2025, symbol="38/QĐ-TTg", date="2025-01-06")]),
        text("c.txt", [cite("QĐ", "38", "TTg", symbol="38/QĐ-TTg", id="vn/national/ttg/qd/_/38")]),
    ])
    a, b, c = (node_of(s, p, "38") for p in ("a.txt", "b.txt", "c.txt"))
    assert a != b
    assert c == b  # a yearless administrative symbol fits only the administrative one


# ---------------------------------------------------------------- resolution
TITLE_A = "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
TITLE_B = "tăng cường công tác bảo vệ rừng đầu nguồn"


def corpus() -> list[dict]:
    """Two dated homonyms (1951 and 2016) and yearless mentions told apart by title or date."""
    return [
        text("old.txt", [cite("CT", "5", "TW", year=1951, date="1951-05-12", title=TITLE_B)]),
        text("new.txt", [cite("CT", "5", "TW", year=2016, date="2016-05-15", title=TITLE_A)]),
        text("t1.txt", [cite("CT", "5", "TW", title="đẩy mạnh học tập và làm theo tư tưởng Hồ Chí Minh")]),
        text("t2.txt", [cite("CT", "5", "TW", title="bảo vệ rừng đầu nguồn")]),
        text("t3.txt", [cite("CT", "5", "TW")]),  # nothing tells
        text("t4.txt", [cite("CT", "5", "TW")], kind="original", type="KH", number="9", issuer_code="TU",
             province="Lai Châu", date="1960-02-01"),  # written before the 2016 one existed
    ]


def test_yearless_mentions_attach_by_title_and_date():
    s = store_of(corpus())
    assert node_of(s, "t1.txt", "5") == {"vn/national/tw/ct/2016/5"}
    assert node_of(s, "t2.txt", "5") == {"vn/national/tw/ct/1951/5"}
    assert node_of(s, "t4.txt", "5") == {"vn/national/tw/ct/1951/5"}


def test_what_several_fit_stays_ambiguous_with_its_candidates():
    s = store_of(corpus())
    assert node_of(s, "t3.txt", "5") == {"vn/national/tw/ct/_/5"}
    edge = [e for e in s.q_directive("vn/national/tw/ct/_/5").mentioned_in if e.path == "t3.txt"][0]
    assert edge.candidates == ("vn/national/tw/ct/1951/5", "vn/national/tw/ct/2016/5")


def test_a_term_fits_only_its_years():
    s = store_of(corpus() + [text("t5.txt", [cite("CT", "5", "TW", term="XII", id="vn/national/tw/ct/kxii/5")])])
    assert node_of(s, "t5.txt", "5") == {"vn/national/tw/ct/2016/5"}


@pytest.mark.parametrize("order", list(itertools.permutations(range(4)))[::5])
def test_same_store_whatever_the_ingest_order(order):
    dicts = corpus()
    base = [r for r in store_of(dicts).citations()]
    batches = [dicts[:2], dicts[2:3], dicts[3:5], dicts[5:]]
    s = Store(":memory:")
    for i in order:
        ingest_dicts(batches[i], s)
    assert sorted(map(json.dumps, s.citations())) == sorted(map(json.dumps, base))


def test_a_new_text_settles_an_old_ambiguity():
    s = store_of(corpus()[:1] + [text("t9.txt", [cite("CT", "5", "TW", title="chống tham nhũng lãng phí")])])
    assert node_of(s, "t9.txt", "5") == {"vn/national/tw/ct/1951/5"}  # the one dated directive
    ingest_dicts([text("late.txt", [cite("CT", "5", "TW", year=2016, date="2016-05-15", title=TITLE_A)])], s)
    assert node_of(s, "t9.txt", "5") == {"vn/national/tw/ct/_/5"}  # now two fit, neither by title


def dated_homonyms() -> list[dict]:
    """35-CT/TW of 2019 (towards the XIII congress) and of 2024 (towards the XIV), both dated."""
    return [
        text("a19.txt", [cite("CT", "35", "TW", year=2019, date="2019-05-30", title=CONGRESS_TITLE + "XIII của Đảng")]),
        text("a24.txt", [cite("CT", "35", "TW", year=2024, date="2024-06-14", title=CONGRESS_TITLE + "XIV của Đảng")]),
    ]


CONGRESS_TITLE = "đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ "


def test_a_news_dateline_bounds_what_it_cites():
    """Rule 3: a news text of 2019 cannot cite the 2024 directive, nor can the plans it links."""
    plan = cite("KH", "94", "TU", id="vn/~n-txt/tu/kh/_/94")
    x = text("n.txt", [cite("CT", "35", "TW", id="vn/national/tw/ct/_/35"), plan])
    x.update(text_date="2019-09-18", links=[{"source": plan["id"], "target": "vn/national/tw/ct/_/35"}])
    s = store_of(dated_homonyms() + [x])
    assert node_of(s, "n.txt", "35") == {"vn/national/tw/ct/2019/35"}
    assert [e.other.id for e in s.q_directive("vn/national/tw/ct/2019/35").implemented_by] == ["vn/~n-txt/tu/kh/_/94"]


def test_a_plan_carries_out_the_latest_homonym_before_its_date():
    """Rule 5: a plan of 13/9/2024 carrying out a yearless 35-CT/TW carries out the 2024 one."""
    plan = cite("KH", "220", "HU", year=2024, date="2024-09-13", id="vn/~m-txt/hu/kh/2024/220")
    x = text("m.txt", [cite("CT", "35", "TW", id="vn/national/tw/ct/_/35"), plan])
    x["links"] = [{"source": plan["id"], "target": "vn/national/tw/ct/_/35"}]
    s = store_of(dated_homonyms() + [x])
    assert [e.other.id for e in s.q_directive("vn/national/tw/ct/2024/35").implemented_by] == ["vn/~m-txt/hu/kh/2024/220"]
    assert node_of(s, "m.txt", "35") == {"vn/national/tw/ct/2024/35"}  # the file's citation follows its link


def test_a_title_naming_another_congress_is_another_directive():
    """Rule 4: "… lần thứ XIV" is not the directive whose titles say "… lần thứ XIII"."""
    s = store_of(dated_homonyms() + [text("t.txt", [cite("CT", "35", "TW", title=CONGRESS_TITLE + "XIV của Đảng")])])
    assert node_of(s, "t.txt", "35") == {"vn/national/tw/ct/2024/35"}


def test_a_news_citation_without_a_bound_stays_ambiguous():
    s = store_of(dated_homonyms() + [text("u.txt", [cite("CT", "35", "TW")])])
    assert node_of(s, "u.txt", "35") == {"vn/national/tw/ct/_/35"}


# ---------------------------------------------------------------- citations kept, export
def test_news_citations_and_reports_are_rows(tmp_path):
    s = store_of([
        text("news.txt", [cite("NQ", "35", "TW", year=2018, start=40)]),
        text("report.txt", [cite("NQ", "35", "TW", year=2018, start=10)], kind="report",
             type="KH", number="61", issuer_code="TU", province="Lai Châu", date="2021-12-22"),
        text("doc.txt", [cite("NQ", "35", "TW", year=2018, relation="implements", start=7)], kind="original",
             type="KH", number="61", issuer_code="TU", province="Sơn La", date="2021-11-02"),
    ])
    rows = list(s.citations())
    got = {(r["source"], r["id"], r["relation"], r["source_id"]) for r in rows}
    assert ("news.txt", "vn/national/tw/nq/2018/35", "refers_to", None) in got
    assert ("report.txt", "vn/lai-chau/tu/kh/2021/61", "reports", None) in got
    assert ("doc.txt", "vn/national/tw/nq/2018/35", "implements", "vn/son-la/tu/kh/2021/61") in got
    assert not any(r["source"] == "doc.txt" and r["id"] == "vn/son-la/tu/kh/2021/61" for r in rows)  # own header
    assert write_citations(s, tmp_path / "c.jsonl") == len(rows)
    first = json.loads((tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert set(first) == {"source", "source_id", "id", "type", "number", "issuer_code", "symbol", "relation", "start", "end"}
    news = [e for e in s.q_directive("vn/national/tw/nq/2018/35").mentioned_in if e.path == "news.txt"]
    assert news and news[0].relation == "refers_to"


def test_two_directives_of_one_key_in_one_text_are_two_edges():
    c = cite("NĐ", "22", "CP", year=2015, date="2015-02-16", symbol="22/2015/NĐ-CP")
    c["mentions"] = [{"start": 0, "end": 20, "text": "Nghị định số 22/2015/NĐ-CP"},
                     {"start": 50, "end": 70, "text": "Nghị định số 22/2023/NĐ-CP"}]
    s = store_of([text("both.txt", [c])])
    assert node_of(s, "both.txt", "22") == {"vn/national/cp/nd/2015/22", "vn/national/cp/nd/2023/22"}
