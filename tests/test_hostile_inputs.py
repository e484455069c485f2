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
