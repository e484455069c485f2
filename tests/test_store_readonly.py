"""A store on a read-only volume answers queries; writes to it fail with one line.

The read-only volume is a read-only bind mount of a temporary folder (this needs root
and ``mount``; elsewhere the test is skipped with the reason)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from vbgraph.graph import queries
from vbgraph.graph.build import ingest_dicts
from vbgraph.graph.errors import StoreError
from vbgraph.graph.store import Store

from conftest import make_tiny_dicts

CLI = [sys.executable, "-c", "from vbgraph.app.cli import main; main()"]


@pytest.fixture
def read_only_store(tmp_path: Path):
    src, ro = tmp_path / "src", tmp_path / "ro"
    src.mkdir(), ro.mkdir()
    store = Store(src / "s.sqlite")
    ingest_dicts(make_tiny_dicts(), store)
    store.close()
    if not shutil.which("mount"):
        pytest.skip("no mount command: cannot make a read-only volume")
    bind = subprocess.run(["mount", "--bind", str(src), str(ro)], capture_output=True, text=True)
    if bind.returncode:
        pytest.skip(f"cannot bind-mount here ({bind.stderr.strip()}): no read-only volume to test on")
    try:
        remount = subprocess.run(["mount", "-o", "remount,ro,bind", str(ro)], capture_output=True, text=True)
        if remount.returncode:
            pytest.skip(f"cannot remount read-only ({remount.stderr.strip()})")
        yield ro / "s.sqlite"
    finally:
        subprocess.run(["umount", "-l", str(ro)], capture_output=True)


def test_queries_on_a_read_only_volume(read_only_store: Path) -> None:
    store = Store(read_only_store, read_only=True)
    try:
        rows = queries.search(store, "35-NQ/TW")
        assert rows and rows[0].symbol == "35-NQ/TW"
        assert queries.cascade(store, rows[0].id)
    finally:
        store.close()


def test_cli_query_and_refused_write_on_a_read_only_volume(read_only_store: Path, tmp_path: Path) -> None:
    found = subprocess.run([*CLI, "search", "35-NQ/TW", "--store", str(read_only_store)], capture_output=True, text=True)
    assert found.returncode == 0 and "35-NQ/TW" in found.stdout, found.stderr
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị", encoding="utf-8")
    write = subprocess.run([*CLI, "ingest", str(folder), "--store", str(read_only_store), "--quiet"], capture_output=True, text=True)
    assert write.returncode != 0
    assert "Traceback" not in write.stderr and len(write.stderr.strip().splitlines()) == 1, write.stderr
    assert str(read_only_store) in write.stderr


def test_a_refused_write_keeps_what_was_stored(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite")
    ingest_dicts(make_tiny_dicts(), store)
    before = store.con.execute("SELECT count(*) FROM directives").fetchone()
    with pytest.raises(StoreError, match="cannot write the graph store"):
        with store.transaction() as con:
            con.execute("DELETE FROM directives")
            con.execute("INSERT INTO no_such_table VALUES (1)")
    assert store.con.execute("SELECT count(*) FROM directives").fetchone() == before
