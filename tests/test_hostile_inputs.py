"""Issue 12, one case at a time: unreadable folders and files, symlinks out of the corpus,
bombs and big files, misleading messages, markup in documents, secrets and Neo4j keys.

Unreadability is simulated in-process (tests run as root, for whom ``chmod 000``
changes nothing) by making ``os.scandir`` or ``open`` of the walk and the hash
raise ``PermissionError``; ``tests/test_hostile.py`` does it for real, running
the CLI as an unprivileged user.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from vbgraph.app.cli import cli
from vbgraph.graph.build import ingest
from vbgraph.graph.store import Store
from vbgraph.ingest import extract_paths, files
from vbgraph.ingest.errors import AccessError, ReadError

PLAN = ("HUYỆN ỦY TAM ĐƯỜNG\nSố {n} - KH/HU\nTam Đường, ngày 26 tháng 01 năm 2022\n\nKẾ HOẠCH\n"
        "Thực hiện Kết luận số 224-KL/TU ngày 18/10/2021 của Tỉnh ủy.\n")


def corpus(root: Path) -> Path:
    for i, rel in enumerate(("a.txt", "sub/b.txt", "sub/c.txt", "other/d.txt"), start=100):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(PLAN.format(n=i), encoding="utf-8")
    return root


def rows(store: Store) -> dict[str, list]:
    return {t: sorted(store._q(f"SELECT * FROM {t}"), key=repr) for t in ("files", "edges")}


def deny_scandir(monkeypatch, folder: Path) -> None:
    real = os.scandir

    def scandir(path="."):
        if os.path.realpath(path) == os.path.realpath(folder):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(files.os, "scandir", scandir)


def deny_open(monkeypatch, target: Path) -> None:
    import builtins

    real = builtins.open

    def fake_open(path, *args, **kwargs):
        if os.path.realpath(path) == os.path.realpath(target):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)


# ------------------------------------------------------------------ 1. unreadable folders and files


def test_unreadable_folder_is_a_failure_and_its_stored_files_stay(tmp_path, monkeypatch):
    root = corpus(tmp_path / "c")
    store = Store(tmp_path / "s.sqlite")
    assert ingest([root], store, progress=False).added == 4
    before = rows(store)
    deny_scandir(monkeypatch, root / "sub")
    summary = ingest([root], store, progress=False)
    assert (summary.removed, summary.unchanged, summary.failed) == (0, 2, 1)
    assert summary.failures[0].path == str((root / "sub").resolve())
    assert "Permission denied" in summary.failures[0].reason
    assert rows(store) == before


def test_unreadable_file_is_a_failure_and_its_stored_data_stays(tmp_path, monkeypatch):
    root = corpus(tmp_path / "c")
    store = Store(tmp_path / "s.sqlite")
    ingest([root], store, progress=False)
    before = rows(store)
    (root / "sub" / "b.txt").write_text(PLAN.format(n=555), encoding="utf-8")  # changed, then out of reach
    deny_open(monkeypatch, root / "sub" / "b.txt")
    summary = ingest([root], store, progress=False)
    assert [(Path(f.path).name, f.reason) for f in summary.failures] == [("b.txt", "cannot read: Permission denied")]
    assert summary.removed == 0 and rows(store) == before


def test_a_file_really_gone_is_still_withdrawn(tmp_path, monkeypatch):
    root = corpus(tmp_path / "c")
    store = Store(tmp_path / "s.sqlite")
    ingest([root], store, progress=False)
    (root / "other" / "d.txt").unlink()
    deny_scandir(monkeypatch, root / "sub")
    summary = ingest([root], store, progress=False)
    assert summary.removed == 1 and summary.failed == 1
    assert not any(p.endswith("d.txt") for p in store.file_hashes())


def test_extract_lists_an_unreadable_folder(tmp_path, monkeypatch):
    root = corpus(tmp_path / "c")
    deny_scandir(monkeypatch, root / "sub")
    got = list(extract_paths([root]))
    errors = [g for g in got if isinstance(g, ReadError)]
    assert [type(e) for e in errors] == [AccessError] and errors[0].path.endswith("sub")
    assert sorted(g.source for g in got if not isinstance(g, ReadError)) == ["a.txt", "d.txt"]


def test_symlinks_leaving_the_folder_are_not_followed_unless_asked(tmp_path):
    root = corpus(tmp_path / "c")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(PLAN.format(n=999), encoding="utf-8")
    (root / "leak.txt").symlink_to(outside / "secret.txt")
    (root / "leakdir").symlink_to(outside)
    (root / "inside.txt").symlink_to(root / "a.txt")
    (root / "loop").symlink_to(root)
    names = sorted(p.name for p in files.walk(root))
    assert names == ["a.txt", "b.txt", "c.txt", "d.txt", "inside.txt"]
    followed = sorted(p.name for p in files.walk(root, follow_symlinks=True))
    assert followed == ["a.txt", "b.txt", "c.txt", "d.txt", "inside.txt", "leak.txt", "secret.txt"]
    store = Store(tmp_path / "s.sqlite")
    assert ingest([root], store, progress=False).added == 5
    assert not any("999" in (d or "") for _, d in store._q("SELECT path, doc FROM files"))


def test_one_walk_for_extract_and_ingest():
    import inspect

    from vbgraph.graph import build
    from vbgraph.ingest import pipeline, read

    assert "rglob" not in inspect.getsource(build) and "os.walk" not in inspect.getsource(read)
    assert "iter_paths" in inspect.getsource(pipeline.extract_paths) and "walk(" in inspect.getsource(build._walk)


# ------------------------------------------------------------------ 3. messages and exit status


def test_ingest_exits_1_when_an_input_failed_and_quotes_names(tmp_path):
    root = corpus(tmp_path / "c")
    (root / "bad\nvbgraph: forged line\x1b[31m.txt").write_bytes(b"")
    result = CliRunner().invoke(cli, ["ingest", str(root), "--store", str(tmp_path / "s.sqlite"), "--quiet"])
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "\x1b" not in result.stderr
    assert "/bad\\nvbgraph: forged line\\x1b[31m.txt'" in lines[0] and "empty file" in lines[0]
    result = CliRunner().invoke(cli, ["extract", str(root)])
    assert result.exit_code == 1 and "\x1b" not in result.stderr
    assert sum("cannot read" in line for line in result.stderr.splitlines()) == 1


# ------------------------------------------------------------------ 2. bombs and big files


def docx_bytes(build) -> bytes:
    import io

    import docx

    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def python_docx_lines(data: bytes) -> list[str]:
    """The reference: what python-docx's object model gives, cells merged across read once."""
    import io

    import docx

    def lines(container):
        for block in container.iter_inner_content():
            if hasattr(block, "rows"):
                seen = set()
                for row in block.rows:
                    for cell in row.cells:
                        if cell._tc not in seen:
                            seen.add(cell._tc)
                            yield from lines(cell)
            else:
                yield block.text

    return list(lines(docx.Document(io.BytesIO(data))))


def rich_document(document) -> None:
    from docx.enum.text import WD_BREAK

    document.add_heading("KẾ HOẠCH số 12-KH/HU", 1)
    p = document.add_paragraph("Thực hiện Nghị quyết số 35-NQ/TW\tngày 22/10/2018")
    p.add_run().add_break()
    p.add_run("sau ngắt dòng").add_break(WD_BREAK.PAGE)
    p.add_run("sau ngắt trang")
    table = document.add_table(rows=3, cols=3)
    for r in range(3):
        for c in range(3):
            table.cell(r, c).text = f"ô {r}{c}"
    table.cell(0, 0).merge(table.cell(0, 1))  # across
    table.cell(1, 2).merge(table.cell(2, 2))  # down
    inner = table.cell(2, 0).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "lồng 1", "lồng 2"
    document.add_paragraph("Cuối văn bản.")


def test_streamed_docx_reads_as_python_docx_does(tmp_path):
    from vbgraph.ingest.read import read_bytes

    data = docx_bytes(rich_document)
    assert read_bytes(data, source="a.docx").text.split("\n") == "\n".join(python_docx_lines(data)).split("\n")


def test_docx_bombs_stop_at_a_limit_while_streaming(tmp_path):
    from hostile_cases import docx_bomb

    from vbgraph.ingest.models import ReadLimits
    from vbgraph.ingest.read import read_file

    big = docx_bomb(tmp_path / "unpacked.docx", paragraphs=2_000_000)  # 150 MB of XML in ~0.2 MB
    assert big.stat().st_size < 1_000_000
    with pytest.raises(ReadError, match="max_unpacked"):
        read_file(big)
    flat = docx_bomb(tmp_path / "flat.docx", paragraphs=300_000, unit="<w:p/>")
    with pytest.raises(ReadError, match="max_elements"):
        read_file(flat, limits=ReadLimits(max_elements=100_000))
    with pytest.raises(ReadError, match="max_seconds"):
        read_file(flat, limits=ReadLimits(max_seconds=0))
    text = docx_bomb(tmp_path / "text.docx", paragraphs=20_000)
    with pytest.raises(ReadError, match="max_chars"):
        read_file(text, limits=ReadLimits(max_chars=100_000))


def test_size_is_checked_before_reading_and_hashing_streams(tmp_path, monkeypatch):
    from vbgraph.ingest.read import read_file

    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:
        f.truncate(3_000_000_000)  # sparse: 3 GB that costs no disk
    with pytest.raises(ReadError, match="too large: 3,000,000,000 bytes"):
        read_file(huge)
    with pytest.raises(ReadError, match="too large"):
        files.sha256_of(huge)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("a whole file read into memory"))
    store = Store(tmp_path / "s.sqlite")
    summary = ingest([huge], store, progress=False)
    assert summary.failed == 1 and "too large" in summary.failures[0].reason


@pytest.mark.parametrize("password, algorithm, outcome", [
    ("", "AES-128", "read"),
    ("", "AES-256", "read"),
    ("", "RC4-128", "read"),
    ("secret", "AES-256", "encrypted PDF: it needs a password"),
])
def test_encrypted_pdfs_are_read_with_the_empty_password_else_named_encrypted(password, algorithm, outcome):
    from hostile_cases import pdf

    from vbgraph.ingest.read import read_bytes

    data = pdf(["Nghi quyet so 35-NQ/TW"], password=password, algorithm=algorithm)
    if outcome == "read":
        assert "35-NQ/TW" in read_bytes(data, source="a.pdf").text
    else:
        with pytest.raises(ReadError, match=outcome):
            read_bytes(data, source="a.pdf")


def test_pypdf_warnings_name_the_file(caplog, capsys):
    from hostile_cases import pdf

    from vbgraph.ingest.read import read_bytes

    import re

    data = pdf(["Nghi quyet so 35-NQ/TW"])
    broken = re.sub(rb"startxref\s+(\d+)", lambda m: b"startxref\n%d" % (int(m.group(1)) + 7), data)  # pypdf warns
    with caplog.at_level("WARNING"):
        assert "35-NQ/TW" in read_bytes(broken, source="weird\nname.pdf").text
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]
    ours = [r.getMessage() for r in caplog.records if r.name == "vbgraph.ingest"]
    assert len(ours) == 1 and ours[0].startswith("'weird\\nname.pdf': 2 warning(s) from pypdf"), ours
    assert "incorrect startxref pointer" in ours[0] and "\n" not in ours[0]


PLAN_TEXT = "Kế hoạch số 12-KH/HU\nThực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị về công tác cán bộ\n" * 20


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(encoding):
    from vbgraph.ingest.read import read_bytes

    raw = read_bytes(PLAN_TEXT.encode(encoding), source="a.txt")
    assert (raw.text, raw.encoding) == (PLAN_TEXT, encoding)


def test_utf8_with_some_cp1258_lines_is_decoded_line_by_line():
    import unicodedata

    from hostile_cases import cp1258_bytes

    from vbgraph.ingest.read import read_bytes

    pasted = "Nghị quyết về phát triển kinh tế xã hội của tỉnh đến năm 2030\n" * 8
    raw = read_bytes(PLAN_TEXT.encode() + cp1258_bytes(pasted), source="a.txt")
    assert raw.encoding == "utf-8+cp1258-lines"
    assert unicodedata.normalize("NFC", raw.text) == PLAN_TEXT + pasted


# ------------------------------------------------------------------ 4. markup from documents in the explorer

IMAGE = "![x](http://host.invalid/x.png)"
HOSTILE_SENTENCE = f"Thực hiện {IMAGE} <img src=http://host.invalid/y.png> [link](http://host.invalid/) $x$ :red[đỏ]"


@pytest.fixture()
def hostile_store(tmp_path):
    from vbgraph.graph.build import ingest_dicts

    path = tmp_path / "hostile.sqlite"
    store = Store(path)
    nq = {"type": "NQ", "number": "35", "issuer_code": "TW", "year": 2018, "symbol": "35-NQ/TW", "title": IMAGE}
    kh = {"kind": "original", "type": "KH", "number": "61", "issuer_code": "TU", "year": 2021, "province": "Lai Châu",
          "symbol": "61-KH/TU", "title": IMAGE, "issuer": IMAGE}
    cite = {**nq, "relation": "implements", "cue": "Thực hiện `x`",
            "mentions": [{"start": 0, "end": 9, "text": "35-NQ/TW"}],
            "evidence": {"sentence": HOSTILE_SENTENCE, "start": 0, "end": 20}}
    ingest_dicts([{"source": f"{IMAGE}.txt", "path": str(tmp_path / f"{IMAGE}.txt"), "sha256": "1",
                   "document": kh, "citations": [cite], "links": []}], store)
    store.close()
    return path


def rendered_html(at) -> str:
    """Every text element of the page as a browser would get it from Streamlit's Markdown."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
    values = [e.value for kind in ("markdown", "caption", "title", "subheader", "info", "warning", "error")
              for e in getattr(at, kind)]
    return "\n".join(parser.render(v) for v in values)


@pytest.mark.parametrize("page", ["directive", "chain", "cascade", "coverage"])
def test_document_text_reaches_the_explorer_as_text(hostile_store, monkeypatch, page):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("VBGRAPH_STORE", str(hostile_store))
    monkeypatch.setenv("VBGRAPH_BACKEND", "sqlite")
    main = Path(__file__).resolve().parents[1] / "app" / "explorer" / "main.py"
    at = AppTest.from_file(str(main), default_timeout=60)
    at.run()
    at.switch_page(f"views/{page}.py")
    at.query_params.update({"id": "vn/lai-chau/tu/kh/2021/61" if page in ("directive", "chain")
                            else "vn/national/tw/nq/2018/35"})
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    html = rendered_html(at)
    assert "<img" not in html and 'href="http' not in html, html
    if page == "directive":
        assert "![x](http://host.invalid/x.png)" in html  # shown, as text
        assert "&lt;img src=http://host.invalid/y.png&gt;" in html


# ------------------------------------------------------------------ 5. deployment


def test_no_password_in_the_neo4j_connection_error():
    from vbgraph.graph.errors import BackendError
    from vbgraph.graph.neo4j_backend import Neo4jBackend

    with pytest.raises(BackendError) as info:
        Neo4jBackend.connect("bolt://neo4j:s3cret-pw@127.0.0.1:1", "neo4j", "s3cret-pw")
    message = str(info.value)
    assert "s3cret-pw" not in message and "bolt://***@127.0.0.1:1" in message
    assert info.value.__cause__ is None and info.value.__suppress_context__
    result = CliRunner().invoke(cli, ["load", "neo4j", "--store", "/nonexistent/x.sqlite"],
                                env={"NEO4J_URI": "bolt://u:s3cret-pw@127.0.0.1:1", "NEO4J_PASSWORD": "s3cret-pw"})
    assert result.exit_code != 0 and "s3cret-pw" not in result.output


def test_a_citation_and_a_link_between_one_pair_stay_two_relationships_in_neo4j():
    from vbgraph.graph import cypher
    from vbgraph.graph.build import ingest_dicts
    from vbgraph.graph.neo4j_backend import Neo4jBackend, load

    a = {"type": "KH", "number": "61", "issuer_code": "TU", "year": 2021, "province": "Lai Châu"}
    b = {"type": "NQ", "number": "35", "issuer_code": "TW", "year": 2018}
    store = Store(":memory:")
    ingest_dicts([{"source": "x.txt", "path": "x.txt", "sha256": "1", "document": {"kind": "original", **a, "id": "A"},
                   "citations": [{**b, "id": "B", "relation": "implements", "cue": "Thực hiện"}],
                   "links": [{"source": "A", "target": "B", "relation": "implements"}]}], store)
    assert sorted(v for (v,) in store._q("SELECT via FROM edges")) == ["citation", "link"]

    class Driver:  # MERGE keyed as Cypher keys it: (type, start, end, the properties in the pattern)
        def __init__(self):
            self.rels = set()

        def execute_query(self, query, parameters_=None, database_=None):
            for relation, statement in cypher.MERGE_EDGES.items():
                if query == statement:
                    key = statement.split("{", 3)[3].split("}")[0]  # "path: row.path, via: row.via"
                    fields = [part.split(".")[1] for part in key.split(", ")]
                    self.rels |= {(relation, r["src"], r["dst"], *(r[f] for f in fields)) for r in parameters_["rows"]}
            return ([{"deleted": 0}], None, [])

    driver = Driver()
    load(store, Neo4jBackend(driver))
    edges = store._q("SELECT relation, src, dst, path, via FROM edges WHERE src != ''")
    assert len(driver.rels) == len(set(edges)) == len(edges)


def test_compose_binds_to_localhost_and_keeps_the_password_off_command_lines():
    import re

    text = (Path(__file__).resolve().parents[1] / "docker-compose.yml").read_text(encoding="utf-8")
    ports = re.findall(r'^\s+- "([^"]+:\d+:\d+)"', text, re.MULTILINE)
    assert ports and all(p.startswith("${VBGRAPH_BIND:-127.0.0.1}:") for p in ports), ports
    (health,) = [line for line in text.splitlines() if line.strip().startswith("test:")]
    assert "PASSWORD" not in health and " -p " not in health
    assert "proxy" in text and "login" in text
