"""--jobs: files extracted in worker processes give the output and the store of one process.

Issue 11: the order of `vbgraph extract`'s lines and the resulting store do not depend on
the number of workers; a worker's crash on one file is that file's failure.
"""
from __future__ import annotations

import os
import pickle
import signal
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from vbgraph.app.cli import cli
from vbgraph.graph.build import ingest
from vbgraph.graph.store import Store
from vbgraph.ingest.errors import AccessError, CrashError, ReadError
from vbgraph.ingest.parallel import map_in_order

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
CORPORA = [p for p in (SHARED / "seeds", SHARED / "cascades", ROOT / "data" / "sample") if p.is_dir()]


def _run(*args: str):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _dump(path: Path) -> list[str]:
    """Every table of a store, row by row (``iterdump``: schema and INSERTs in rowid order)."""
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


@pytest.fixture()
def corpus(tmp_path) -> Path:
    """The shared texts and the sample, plus an empty and a binary file (two failures)."""
    root = tmp_path / "corpus"
    for src in CORPORA:
        for f in sorted(src.iterdir()):
            if f.is_file():
                (root / src.name).mkdir(parents=True, exist_ok=True)
                (root / src.name / f.name).write_bytes(f.read_bytes())
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 4)
    return root


def test_extract_output_is_the_same_with_two_jobs(corpus):
    one = _run("extract", "--jobs", "1", str(corpus))
    two = _run("extract", "--jobs", "2", str(corpus))
    assert one == two
    assert one[0] == 1 and one[1].count("\n") > 20  # the two bad files failed, the rest printed


def test_ingest_store_is_the_same_with_two_jobs(corpus, tmp_path):
    runs = []
    for jobs in ("1", "2"):
        store = tmp_path / f"jobs{jobs}.sqlite"
        code, out, err = _run("ingest", str(corpus), "--store", str(store), "--quiet", "--jobs", jobs)
        runs.append((code, out.replace(str(store), "STORE"), err))
    assert runs[0] == runs[1]
    assert _dump(tmp_path / "jobs1.sqlite") == _dump(tmp_path / "jobs2.sqlite")


def _odd(arg: str) -> str:
    if arg == "raise":
        raise ValueError("a bug")
    if arg == "unreadable":
        raise ReadError(arg, "binary content")
    if arg == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    return arg.upper()


def test_a_crash_is_that_files_failure_and_the_run_goes_on():
    items = [(i, a) for i, a in enumerate(["a", "raise", "b", "die", "unreadable", None, "c"] + ["d"] * 30)]
    got = list(map_in_order(_odd, items, jobs=2, chunk=3))
    assert [k for k, _ in got] == list(range(len(items)))
    values = [v for _, v in got]
    assert values[0] == "A" and values[2] == "B" and values[6] == "C" and values[7:] == ["D"] * 30
    assert values[5] is None
    assert isinstance(values[1], CrashError) and "ValueError: a bug" in values[1].reason
    assert isinstance(values[3], CrashError) and "died" in values[3].reason and values[3].path == "die"
    assert type(values[4]) is ReadError and values[4].reason == "binary content"


def test_in_one_process_an_exception_propagates():
    with pytest.raises(ValueError):
        list(map_in_order(_odd, [(0, "raise")], jobs=1))
    with pytest.raises(ValueError):
        list(map_in_order(_odd, [], jobs=0))


def test_ingest_records_a_crash_without_its_hash_and_tries_again(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(name, encoding="utf-8")
    doc = {"document": {"kind": "other"}, "citations": [], "links": []}

    def extract(path: str):
        if path.endswith("b.txt") and not (tmp_path / "fixed").exists():
            os.kill(os.getpid(), signal.SIGKILL)
        return {"source": Path(path).name, **doc}

    store = Store(tmp_path / "g.sqlite")
    summary = ingest([folder], store, extract=extract, progress=False, jobs=2)
    assert (summary.added, summary.failed) == (2, 1) and summary.failures[0].path.endswith("b.txt")
    (tmp_path / "fixed").touch()
    summary = ingest([folder], store, extract=extract, progress=False, jobs=2)
    assert (summary.changed, summary.unchanged, summary.failed) == (1, 2, 0)  # b.txt, stored now


@pytest.mark.parametrize("err", [ReadError("a b.txt", "binary content"), AccessError("/x", "cannot read"),
                                 CrashError("c.txt", "the extractor failed: KeyError: 1")])
def test_read_errors_cross_process_boundaries(err):
    back = pickle.loads(pickle.dumps(err))
    assert (type(back), back.path, back.reason, str(back)) == (type(err), err.path, err.reason, str(err))
