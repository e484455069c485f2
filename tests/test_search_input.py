"""Odd search input: wildcards, punctuation, huge texts, bad depths — a clear message, never every row or a traceback."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest

from vbgraph.graph import queries
from vbgraph.graph.errors import QueryError

CLI = [sys.executable, "-c", "from vbgraph.app.cli import main; main()"]


@pytest.mark.parametrize("text", ["%", "_", "!!!", "%%%_", "\\", "--"])
def test_text_without_letters_or_digits_is_refused(tiny_store, text):
    with pytest.raises(QueryError, match="letter or digit"):
        queries.search(tiny_store, text)


@pytest.mark.parametrize("text", ["35%", "nq_35", "' OR 1=1 --", "Kế hoạch % 61"])
def test_wildcards_inside_a_text_do_not_match_everything(tiny_store, text):
    every = tiny_store.con.execute("SELECT count(*) FROM directives").fetchone()[0]
    assert len(queries.search(tiny_store, text)) < every


@pytest.mark.parametrize("text", ["x" * 100_000, "a " * 5_000, "Nghị quyết " * 1_000])
def test_huge_search_text_is_refused_quickly(tiny_store, text):
    started = time.perf_counter()
    with pytest.raises(QueryError, match="too long"):
        queries.search(tiny_store, text)
    assert time.perf_counter() - started < 1


def test_a_long_but_allowed_text_still_searches(tiny_store):
    assert [r.symbol for r in queries.search(tiny_store, "Kế hoạch 61 " + "Lai Châu " * 10)] == ["61-KH/TU"]


def test_cli_errors_are_one_line(tmp_path, tiny_dicts):
    from vbgraph.graph.build import ingest_dicts
    from vbgraph.graph.store import Store

    path = tmp_path / "s.sqlite"
    store = Store(path)
    ingest_dicts(tiny_dicts, store)
    store.close()
    for args in (["cascade", "35-NQ/TW", "--max-depth", "-1"], ["search", "a " * 5000], ["cascade", "%"]):
        done = subprocess.run([*CLI, *args, "--store", str(path)], capture_output=True, text=True, timeout=60)
        assert done.returncode != 0, args
        assert "Traceback" not in done.stderr, (args, done.stderr[-500:])
        assert done.stderr.strip(), args
