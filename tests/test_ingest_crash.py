"""Ingest survives SIGKILL at any moment, re-runs change nothing, unreadable files are skipped.

A small synthetic corpus (``app.synth``, texts written from templates) is
ingested once without interruption: the reference store. Then, for several
seeded tries, ``vbgraph ingest`` runs in a child process that is killed with
SIGKILL (after a random number of files has been committed, or at a random
time since launch: imports, store creation, extraction, the final flush), then
re-run to completion; the store must equal the reference row for row (the
``directives.n`` row numbers and the ``meta`` write counter aside).

``VBGRAPH_KILL_TRIES`` sets the number of tries (default 6).
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vbgraph.graph.build import ingest
from vbgraph.graph.store import Store
from vbgraph.app.synth import generate, write_corpus

ROOT = Path(__file__).resolve().parents[1]
TRIES = int(os.environ.get("VBGRAPH_KILL_TRIES", "6"))
SEED = 20240611

# The child: `vbgraph ingest` when the CLI has it, else graph.build called directly.
_DIRECT = (
    "import sys\n"
    "from vbgraph.graph.build import ingest\n"
    "from vbgraph.graph.store import Store\n"
    "print(ingest([sys.argv[1]], Store(sys.argv[2]), progress=False))\n"
)


def _has_cli_ingest() -> bool:
    try:
        from vbgraph.app.cli import cli
    except Exception:  # the CLI is optional here; the direct child covers the same code
        return False
    return "ingest" in getattr(cli, "commands", {})


def _command(folder: Path, store: Path) -> list[str]:
    if _has_cli_ingest():
        return [sys.executable, "-c", "from vbgraph.app.cli import main; main()", "ingest", str(folder), "--store", str(store), "--quiet"]
    return [sys.executable, "-c", _DIRECT, str(folder), str(store)]


def _spawn(folder: Path, store: Path) -> subprocess.Popen:
    return subprocess.Popen(_command(folder, store), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _run(folder: Path, store: Path) -> str:
    proc = _spawn(folder, store)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, f"ingest failed ({proc.returncode}):\n{out}\n{err}"
    return out


# ---------------------------------------------------------------- store dumps


def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def dump(path: Path, folder: Path, *, with_n: bool = False) -> dict[str, list[tuple]]:
    """Sorted rows of the content tables, file paths made relative to ``folder``."""
    prefix = str(folder.resolve()) + os.sep

    def rel(row):
        return tuple(v.removeprefix(prefix) if isinstance(v, str) else v for v in row)

    con = _connect_ro(path)
    try:
        directive_cols = [r[1] for r in con.execute("PRAGMA table_info(directives)") if with_n or r[1] != "n"]
        out = {
            "files": sorted(rel(r) for r in con.execute("SELECT * FROM files")),
            "edges": sorted((rel(r) for r in con.execute("SELECT * FROM edges")), key=repr),
            "directives": sorted((rel(r) for r in con.execute(f"SELECT {', '.join(directive_cols)} FROM directives")), key=repr),
            "dirty": sorted(con.execute("SELECT * FROM dirty")),
            "jurisdictions": [con.execute("SELECT count(*) FROM jurisdictions").fetchone()],
            "succession": [con.execute("SELECT count(*) FROM succession").fetchone()],
        }
    finally:
        con.close()
    return out


def _files_committed(path: Path) -> int:
    try:
        con = _connect_ro(path)
        try:
            return con.execute("SELECT count(*) FROM files").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:  # not created yet, or its schema not yet written
        return -1


def _no_duplicates(d: dict) -> None:
    for table in ("files", "edges", "directives"):
        assert len(d[table]) == len(set(d[table])), f"duplicate rows in {table}"


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    paths = write_corpus(generate(40, seed=7), folder)
    assert 25 <= len(paths) <= 60
    return folder


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> tuple[Path, float]:
    store = tmp_path_factory.mktemp("ref") / "ref.sqlite"
    t0 = time.monotonic()
    _run(corpus, store)
    return store, time.monotonic() - t0


# ---------------------------------------------------------------- tests


def test_reference_store_is_whole(corpus, reference):
    store, _ = reference
    d = dump(store, corpus)
    n_files = len(list(corpus.glob("*.txt")))
    assert len(d["files"]) == n_files and all(r[3] == "ok" for r in d["files"])
    assert d["edges"] and d["directives"] and not d["dirty"]
    _no_duplicates(d)


def _kill_and_resume(corpus: Path, store: Path, rng: random.Random, n_files: int, seconds: float) -> dict:
    """Kill 1–3 runs at random points, then run to completion; what happened."""
    kills = []
    for _ in range(rng.randint(1, 3)):
        by_files = rng.random() < 0.6
        target = rng.randint(0, n_files - 1)
        delay = rng.uniform(0, seconds)
        proc = _spawn(corpus, store)
        t0 = time.monotonic()
        while proc.poll() is None:
            if by_files and _files_committed(store) >= target:
                time.sleep(rng.uniform(0, 0.03))
                break
            if not by_files and time.monotonic() - t0 >= delay:
                break
            time.sleep(0.002)
        finished = proc.poll() is not None
        if not finished:
            proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        kills.append(("finished first" if finished else "killed", _files_committed(store)))
    _run(corpus, store)
    return {"kills": kills}


def test_sigkill_at_random_moments_then_rerun_equals_uninterrupted(corpus, reference, tmp_path):
    ref_store, seconds = reference
    expected = dump(ref_store, corpus)
    n_files = len(expected["files"])
    rng = random.Random(SEED)
    results = []
    for k in range(TRIES):
        store = tmp_path / f"try{k}.sqlite"
        info = _kill_and_resume(corpus, store, rng, n_files, seconds)
        got = dump(store, corpus)
        _no_duplicates(got)
        results.append(info)
        for table in expected:
            assert got[table] == expected[table], f"try {k} ({info}): table {table} differs from the uninterrupted run"
    killed = [c for r in results for what, c in r["kills"] if what == "killed"]
    print(f"\nkill-and-resume: {TRIES} tries, {len(killed)} kills, files committed at each kill: {killed}")
    assert killed, "no run was killed before it finished; the tries tested nothing"


def test_second_ingest_changes_nothing(corpus, reference, tmp_path):
    store_path = tmp_path / "again.sqlite"
    shutil.copy(reference[0], store_path)
    for ext in ("-wal", "-shm"):
        if Path(str(reference[0]) + ext).exists():
            shutil.copy(str(reference[0]) + ext, str(store_path) + ext)
    before = dump(store_path, corpus, with_n=True)
    store = Store(store_path)
    summary = ingest([corpus], store, progress=False)
    store.close()
    assert (summary.added, summary.changed, summary.removed, summary.failed) == (0, 0, 0, 0)
    assert summary.unchanged == len(before["files"])
    assert dump(store_path, corpus, with_n=True) == before


# A PNG header and bytes that decode as nothing textual.
_BINARY = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@pytest.mark.parametrize(
    "name, content, reason_words",
    [
        ("empty.txt", b"", ("empty",)),
        ("blank.txt", b" \n\t\n  ", ("empty",)),
        ("image.txt", _BINARY, ("binary",)),
        ("nul.txt", b"Ngh\xe1\xbb\x8b quy\xe1\xba\xbft\x00\x00\x00" * 20, ("binary",)),
        ("broken.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 8, ("pdf",)),
        ("broken.docx", b"PK\x03\x04" + bytes(range(256)) * 8, ("docx",)),
    ],
)
def test_unreadable_file_is_reported_and_the_rest_is_stored(corpus, reference, tmp_path, name, content, reason_words):
    folder = tmp_path / "mixed"
    shutil.copytree(corpus, folder)
    (folder / name).write_bytes(content)
    store_path = tmp_path / "mixed.sqlite"
    store = Store(store_path)
    summary = ingest([folder], store, progress=False)
    store.close()
    assert [Path(f.path).name for f in summary.failures] == [name]
    reason = summary.failures[0].reason.lower()
    assert any(w in reason for w in reason_words), reason
    got = dump(store_path, folder)
    expected = dump(reference[0], corpus)
    failed = [r for r in got["files"] if r[3] == "failed"]
    assert [r[0] for r in failed] == [name] and failed[0][4] == summary.failures[0].reason
    assert [r for r in got["files"] if r[3] != "failed"] == expected["files"]
    for table in ("edges", "directives", "dirty"):
        assert got[table] == expected[table], table
