"""Identity and incremental build of the graph, on the project's own synthetic dicts and texts."""
from __future__ import annotations

import json

import pytest

from vbgraph.graph import queries
from vbgraph.graph.build import file_rows, ingest, ingest_dicts
from vbgraph.graph.store import Store
from vbgraph.app.synth import generate, write_corpus

NQ35 = {"type": "NQ", "number": "35", "issuer_code": "TW", "year": 2018, "date": "2018-10-22", "symbol": "35-NQ/TW"}


def cite(fields: dict, relation: str = "implements", **extra) -> dict:
    return {**fields, "relation": relation, "cue": "Thực hiện" if relation == "implements" else None,
            "mentions": [{"start": 10, "end": 20, "text": fields.get("symbol") or "x"}], **extra}


def doc(name: str, fields: dict | None, citations=(), sha: str | None = None, links=()) -> dict:
    document = {"kind": "original", **fields} if fields else {"kind": "other"}
    return {"source": name, "path": name, "sha256": sha or name, "document": document,
            "citations": list(citations), "links": list(links)}


def plan(province, number, date, *, district=None, code="TU", type="KH"):
    return {"type": type, "number": number, "issuer_code": code, "date": date, "year": int(date[:4]),
            "province": province, "district": district, "symbol": f"{number}-{type}/{code}"}


LC61 = plan("Lai Châu", "61", "2021-12-22")
SL61 = plan("Sơn La", "61", "2021-11-02")


@pytest.fixture()
def store():
    s = Store(":memory:")
    yield s
    s.close()


def ids(store: Store) -> set[str]:
    return {r[0] for r in store._q("SELECT id FROM directives")}


def test_two_provinces_61_kh_tu_stay_two_nodes(store):
    ingest_dicts([doc("lc.txt", LC61, [cite(NQ35)]), doc("sl.txt", SL61, [cite(NQ35)])], store)
    found = queries.search(store, "61-KH/TU")
    assert sorted(r.id for r in found) == ["vn/lai-chau/tu/kh/2021/61", "vn/son-la/tu/kh/2021/61"]
    assert {r.homonyms for r in found} == {2}
    assert len([i for i in ids(store) if i.endswith("/nq/2018/35")]) == 1


def test_01_kl_tw_of_2016_and_2021_stay_two(store):
    kl16 = {"type": "KL", "number": "01", "issuer_code": "TW", "date": "2016-04-06", "year": 2016, "symbol": "01-KL/TW"}
    kl21 = {**kl16, "date": "2021-05-18", "year": 2021}
    ingest_dicts([doc("a.txt", LC61, [cite(kl16, "refers_to")]), doc("b.txt", SL61, [cite(kl21, "refers_to")])], store)
    assert {"vn/national/tw/kl/2016/1", "vn/national/tw/kl/2021/1"} <= ids(store)
    assert all(r.homonyms == 2 for r in queries.search(store, "Kết luận 01"))


def test_second_ingest_changes_no_count(store):
    dicts = [doc("lc.txt", LC61, [cite(NQ35)]), doc("sl.txt", SL61, [cite(NQ35)])]
    ingest_dicts(dicts, store)
    before = store.counts()
    summary = ingest_dicts(dicts, store)
    assert store.counts() == before
    assert (summary.added, summary.changed, summary.unchanged) == (0, 0, 2)


def test_stub_becomes_the_document_when_its_text_arrives(store):
    td = plan("Lai Châu", "102", "2022-01-26", district="Tam Đường", code="HU")
    ingest_dicts([doc("td.txt", td, [cite({**LC61, "title": "thực hiện Nghị quyết 35"})])], store)
    assert store.row("vn/lai-chau/tu/kh/2021/61").status == "cited-only"
    n_before = store.counts()["directives"]
    ingest_dicts([doc("lc.txt", LC61, [cite(NQ35)])], store)
    row = store.row("vn/lai-chau/tu/kh/2021/61")
    assert row.status == "document" and row.title == "thực hiện Nghị quyết 35"  # metadata of the mention kept
    assert store.counts()["directives"] == n_before + 1  # only 35-NQ/TW is new: no duplicate of 61
    detail = queries.directive(store, row.id)
    assert [e.other.symbol for e in detail.implemented_by] == ["102-KH/HU"]


def test_changed_file_loses_its_old_edges(store):
    ingest_dicts([doc("lc.txt", LC61, [cite(NQ35)], sha="v1")], store)
    kl = {"type": "KL", "number": "224", "issuer_code": "TU", "province": "Lai Châu", "year": 2021,
          "date": "2021-10-18", "symbol": "224-KL/TU"}
    summary = ingest_dicts([doc("lc.txt", LC61, [cite(kl)], sha="v2")], store)
    assert summary.changed == 1
    assert "vn/national/tw/nq/2018/35" not in ids(store)  # the stub only the old version named is gone
    up = queries.directive(store, "vn/lai-chau/tu/kh/2021/61").implements
    assert [e.other.symbol for e in up] == ["224-KL/TU"]


def test_removed_file_is_withdrawn(tmp_path, store):
    (tmp_path / "lc.txt").write_text("Lai Châu", encoding="utf-8")
    (tmp_path / "sl.txt").write_text("Sơn La", encoding="utf-8")
    by_name = {"lc.txt": doc("lc.txt", LC61, [cite(NQ35)]), "sl.txt": doc("sl.txt", SL61, [cite(NQ35)])}

    def extract(path):
        return by_name[path.rsplit("/", 1)[-1]]

    ingest([tmp_path], store, extract=extract, progress=False)
    (tmp_path / "sl.txt").unlink()
    summary = ingest([tmp_path], store, extract=extract, progress=False)
    assert summary.removed == 1 and summary.unchanged == 1
    assert "vn/son-la/tu/kh/2021/61" not in ids(store)
    assert [r.id for r in queries.search(store, "61-KH/TU")] == ["vn/lai-chau/tu/kh/2021/61"]


def test_unknown_province_is_scoped_to_the_citing_file(store):
    kh57 = {"type": "KH", "number": "57", "issuer_code": "TU", "year": 2023, "symbol": "57-KH/TU"}
    other = {**plan("Hà Giang", "57", "2023-03-01")}
    ingest_dicts([doc("004.txt", None, [cite(kh57, "refers_to")]), doc("hg.txt", other, []),
                  doc("x.txt", None, [cite(kh57, "refers_to")])], store)
    found = sorted(r.id for r in queries.search(store, "57-KH/TU"))
    assert found == ["vn/ha-giang/tu/kh/2023/57", "vn/~004-txt/tu/kh/2023/57", "vn/~x-txt/tu/kh/2023/57"]


def test_ids_are_the_extractors_and_computed_only_where_it_gives_none():
    """Ids are computed once, by the extractor; build computes one only for a dict without an id."""
    given = "vn/lai-chau/tu/kh/2021/61"
    x = doc("d.txt", {**LC61, "id": given}, [
        cite({"type": "NQ", "number": "35", "issuer_code": "TW"}, id="vn/national/tw/nq/2018/35"),  # the id, not …/_/35
        cite({"type": "KH", "number": "9", "issuer_code": "TU", "year": 2020}, "refers_to"),  # no id
        cite({"type": "KH", "number": "7", "issuer_code": "HU", "year": 2020}, "refers_to", id="vn/~d-txt/hu/kh/2020/7"),
    ], links=[{"source": given, "target": "vn/national/tw/nq/2018/35", "relation": "implements"}])
    row, edges = file_rows(x, "d.txt", "h")
    assert row["doc_id"] == given
    assert [e["dst"] for e in edges if e["via"] == "citation"] == [
        "vn/national/tw/nq/2018/35", "vn/~d-txt/tu/kh/2020/9", "vn/~d-txt/hu/kh/2020/7"]
    assert [e["candidates"] for e in edges if e["via"] == "citation"] == [None, None, None]  # graph.resolve sets them


def test_yearless_mention_attaches_to_a_unique_match_else_is_ambiguous(store):
    bare = {"type": "KL", "number": "21", "issuer_code": "TW", "symbol": "21-KL/TW"}
    kl21 = {**bare, "year": 2021, "date": "2021-10-25"}
    ingest_dicts([doc("a.txt", LC61, [cite(kl21, "refers_to")]), doc("b.txt", SL61, [cite(bare, "refers_to")])], store)
    assert "vn/national/tw/kl/_/21" not in ids(store)
    assert queries.most_cited(store, limit=1)[0][1] == 2
    other = {**bare, "year": 2012, "date": "2012-01-20"}
    ingest_dicts([doc("c.txt", plan("Hà Nam", "5", "2013-01-01"), [cite(other, "refers_to")])], store)
    edge = [e for e in queries.directive(store, "vn/national/tw/kl/_/21").referred_by]
    assert edge and edge[0].candidates == ("vn/national/tw/kl/2012/21", "vn/national/tw/kl/2021/21")


def test_term_only_mention_matches_the_year_in_that_term(store):
    kl16 = {"type": "KL", "number": "01", "issuer_code": "TW", "year": 2016, "date": "2016-04-06", "symbol": "01-KL/TW"}
    kl21 = {**kl16, "year": 2021, "date": "2021-05-18"}
    termed = {"type": "KL", "number": "1", "issuer_code": "TW", "term": "XIII", "symbol": "01-KL/TW"}
    ingest_dicts([doc("a.txt", LC61, [cite(kl16, "refers_to"), cite(kl21, "refers_to")]),
                  doc("b.txt", SL61, [cite(termed, "refers_to")])], store)
    assert dict(queries.most_cited(store, limit=5)[0:1])  # no crash
    assert store.row("vn/national/tw/kl/kxiii/1") is None
    counts = {r.id: n for r, n in queries.most_cited(store, limit=5)}
    assert counts["vn/national/tw/kl/2021/1"] == 2 and counts["vn/national/tw/kl/2016/1"] == 1


def test_conflicting_values_are_kept_not_overwritten(store):
    ingest_dicts([doc("a.txt", LC61, [cite({**NQ35, "title": "về A"}, "refers_to")]),
                  doc("b.txt", SL61, [cite({**NQ35, "title": "về B"}, "refers_to")])], store)
    detail = queries.directive(store, "vn/national/tw/nq/2018/35")
    assert detail.conflicts["title"] == ("về A", "về B")
    assert detail.row.title == "về A"


def test_unreadable_file_is_recorded_and_the_rest_untouched(tmp_path, store):
    from vbgraph.ingest.errors import ReadError

    (tmp_path / "ok.txt").write_text("x", encoding="utf-8")
    (tmp_path / "bad.pdf").write_bytes(b"%PDF broken")

    def extract(path):
        if path.endswith(".pdf"):
            raise ReadError(path, "encrypted PDF")
        return doc("ok.txt", LC61, [cite(NQ35)])

    summary = ingest([tmp_path], store, extract=extract, progress=False)
    assert summary.failed == 1 and summary.added == 1
    assert [(f.path.rsplit("/", 1)[-1], f.reason) for f in queries.failures(store)] == [("bad.pdf", "encrypted PDF")]
    assert queries.stats(store).directives == {"cited-only": 1, "document": 1}


def test_synthetic_texts_ingest_with_a_truth_extractor(tmp_path, store):
    corpus = generate(120, seed=3)
    write_corpus(corpus, tmp_path)
    truth = {json.loads(line)["source"]: json.loads(line) for line in (tmp_path / "truth.jsonl").open(encoding="utf-8")}
    summary = ingest([tmp_path], store, extract=lambda p: truth[p.rsplit("/", 1)[-1]], progress=False)
    assert summary.added == len(truth)
    assert ids(store) == set(corpus.directives) | {c["id"] for d in corpus.docs for c in d.citations}
    first = ingest([tmp_path], store, extract=lambda p: truth[p.rsplit("/", 1)[-1]], progress=False)
    assert first.unchanged == len(truth)
    text = (tmp_path / corpus.docs[1].source).read_text(encoding="utf-8")
    assert "KẾ HOẠCH" in text and "ngày" in text and corpus.docs[1].fields["symbol"] in text


def test_a_crash_half_way_loses_nothing_and_a_rerun_completes(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(name, encoding="utf-8")
    fields = {"a.txt": LC61, "b.txt": SL61, "c.txt": plan("Hà Nam", "7", "2022-02-02")}
    calls = []

    def flaky(path):
        name = path.rsplit("/", 1)[-1]
        calls.append(name)
        if name == "b.txt" and calls.count("b.txt") == 1:
            raise RuntimeError("extractor bug")
        return doc(name, fields[name], [cite(NQ35)])

    store = Store(tmp_path / "g.sqlite")
    with pytest.raises(RuntimeError):
        ingest([folder], store, extract=flaky, progress=False)
    store.close()
    store = Store(tmp_path / "g.sqlite")  # as after a crash: a new process
    assert set(store.file_hashes()) == {str(folder / "a.txt")}
    summary = ingest([folder], store, extract=flaky, progress=False)
    assert (summary.added, summary.unchanged) == (2, 1)
    assert store.row("vn/lai-chau/tu/kh/2021/61").status == "document"
    assert len(queries.cascade(store, "vn/national/tw/nq/2018/35")) == 3


def test_a_report_credits_its_directive_only_with_what_it_carries_out():
    """Regression (issue 10): the directive a news text reports appeared to cite everything the
    article mentions; only what it implements is its edge, the rest is the article's (src '')."""
    doc = {"kind": "report", "type": "KH", "number": "77", "issuer_code": "TU", "year": 2021, "province": "Lai Châu"}
    x = {"source": "r.txt", "document": doc, "links": [], "citations": [
        {"type": "CT", "number": "9", "issuer_code": "TW", "year": 2021, "relation": "implements"},
        {"type": "NĐ", "number": "13", "issuer_code": "CP", "year": 2023, "relation": "refers_to"}]}
    _, edges = file_rows(x, "r.txt", "h")
    assert sorted((e["dst"].split("/")[-1], bool(e["src"]), e["relation"]) for e in edges) == [
        ("13", False, "refers_to"), ("9", True, "implements")]
