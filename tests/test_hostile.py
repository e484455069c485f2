"""The hostile corpus of issue 12: `vbgraph ingest` twice around injected faults.

A synthetic corpus (``app.synth``) is ingested; then a subfolder and a file are
made unreadable for real (``chmod 000``, the CLI run as the unprivileged user
``nobody`` through ``setpriv`` when the tests run as root: root reads anything),
the unreadable file's content is changed underneath, a file is deleted, and
hostile inputs are added: zip bombs in .docx clothing, a 3 GB sparse text, a
text over the character limit, encrypted PDFs, UTF-16 without BOM, UTF-8 with
Windows-1258 lines, a name carrying a newline and an escape code, a symlink to
``/etc/passwd``. The second run must list each failure on one line with its
reason, exit 1, keep every stored row of the unreadable folder and file, withdraw
only the deleted file, and stay under 500 MB (the child's peak RSS, VmHWM). The heaviest inputs are then ingested one by one, each measured.

Figures go to standard output (``pytest -s``) and to docs/reliability.md.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from hostile_cases import cp1258_bytes, docx_bomb, pdf
from vbgraph.app.synth import generate, write_corpus

ROOT = Path(__file__).resolve().parents[1]
LIMIT_KB = 500 * 1024
NOBODY = 65534
AS_NOBODY = os.geteuid() == 0 and shutil.which("setpriv") is not None
PLAN = ("HUYỆN ỦY TAM ĐƯỜNG\nSố {n} - KH/HU\nTam Đường, ngày 26 tháng 01 năm 2022\n\nKẾ HOẠCH\n"
        "Thực hiện Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị về công tác cán bộ.\n")


# The child writes its own peak RSS (VmHWM of /proc/self/status) when it exits: getrusage and
# wait4 would report at least the parent's size, since a forked child's high-water mark starts
# at the parent's and survives exec.
_CHILD = """import atexit, os, sys
def _peak():
    with open("/proc/self/status") as f, open(os.environ["VBGRAPH_TEST_HWM"], "w") as out:
        out.write(next(line.split()[1] for line in f if line.startswith("VmHWM:")))
atexit.register(_peak)
from vbgraph.app.cli import main
main()
"""


def run_ingest(paths: list[Path], store: Path) -> tuple[int, str, str, int, float]:
    """`vbgraph ingest` in a child (as nobody when we are root): exit status, out, err, peak RSS (KB), seconds."""
    hwm = store.parent / "peak-rss.kb"
    cmd = [sys.executable, "-c", _CHILD, "ingest", *map(str, paths), "--store", str(store), "--quiet"]
    if AS_NOBODY:
        cmd = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *cmd]
    t0 = time.monotonic()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "HOME": "/tmp", "VBGRAPH_TEST_HWM": str(hwm)})
    seconds = time.monotonic() - t0
    peak = int(hwm.read_text())
    hwm.unlink()
    return proc.returncode, proc.stdout, proc.stderr, peak, seconds


def stored(store: Path) -> dict[str, tuple]:
    """path → (its files row, its sorted edges) of every stored file."""
    con = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        edges: dict[str, list] = {}
        for row in con.execute("SELECT * FROM edges"):
            edges.setdefault(row[0], []).append(row)
        return {r[0]: (r, sorted(edges.get(r[0], []), key=repr)) for r in con.execute("SELECT * FROM files")}
    finally:
        con.close()


def hostile_inputs(folder: Path) -> dict[str, str]:
    """Write the hostile inputs; name → words its failure reason must hold ('' = must be read)."""
    folder.mkdir()
    cases: dict[str, str] = {}
    docx_bomb(folder / "bomb-unpacked.docx", paragraphs=3_000_000, unit="<w:p><w:r><w:t>x</w:t></w:r></w:p>")
    cases["bomb-unpacked.docx"] = "max_unpacked"
    docx_bomb(folder / "bomb-elements.docx", paragraphs=4_100_000, unit="<w:p/>")
    cases["bomb-elements.docx"] = "max_elements"
    docx_bomb(folder / "bomb-text.docx", paragraphs=260_000)
    cases["bomb-text.docx"] = "max_chars"
    with open(folder / "sparse-3gb.txt", "wb") as f:
        f.truncate(3_000_000_000)
    cases["sparse-3gb.txt"] = "too large"
    (folder / "over-chars.txt").write_text("Nghị quyết số 35-NQ/TW về công tác cán bộ. " * 190_000, encoding="utf-8")
    cases["over-chars.txt"] = "max_chars"
    (folder / "empty-password.pdf").write_bytes(pdf(["Nghi quyet so 35-NQ/TW"], password="", algorithm="AES-256"))
    cases["empty-password.pdf"] = ""
    (folder / "locked.pdf").write_bytes(pdf(["Nghi quyet so 35-NQ/TW"], password="secret"))
    cases["locked.pdf"] = "encrypted PDF"
    (folder / "utf16-no-bom.txt").write_bytes(PLAN.format(n=701).encode("utf-16-le"))
    cases["utf16-no-bom.txt"] = ""
    mixed = PLAN.format(n=702).encode() * 3 + cp1258_bytes("Nghị quyết về phát triển kinh tế xã hội của tỉnh\n" * 4)
    (folder / "mixed-cp1258.txt").write_bytes(mixed)
    cases["mixed-cp1258.txt"] = ""
    (folder / "forged\nvbgraph: all good\x1b[2J.txt").write_bytes(b"")
    cases["forged\nvbgraph: all good\x1b[2J.txt"] = "empty file"
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    return cases


@pytest.mark.skipif(sys.platform != "linux", reason="/proc/self/status and setpriv are Linux's")
def test_hostile_corpus_loses_nothing_and_stays_under_500_mb():
    base = Path(tempfile.mkdtemp(prefix="vbgraph-hostile-"))
    try:
        _hostile_corpus(base)
    finally:
        for dirpath, dirnames, _ in os.walk(base):
            for d in dirnames:
                os.chmod(os.path.join(dirpath, d), 0o755)
        shutil.rmtree(base, ignore_errors=True)


def _hostile_corpus(base: Path) -> None:
    os.chmod(base, 0o755)
    corpus, store = base / "corpus", base / "store.sqlite"
    write_corpus(generate(16, seed=3), corpus / "good")
    write_corpus(generate(10, seed=5), corpus / "locked")
    (corpus / "good" / "truth.jsonl").unlink(missing_ok=True)
    if AS_NOBODY:
        for dirpath, _, names in os.walk(base):
            os.chown(dirpath, NOBODY, NOBODY)
            for n in names:
                os.chown(os.path.join(dirpath, n), NOBODY, NOBODY)

    rc, out, err, rss1, secs1 = run_ingest([corpus], store)
    assert rc == 0, err
    before = stored(store)
    assert len(before) >= 20 and all(row[3] == "ok" for row, _ in before.values())

    # Faults: a folder and a changed file out of reach, a file really gone, hostile inputs.
    good = sorted((corpus / "good").glob("*.txt"))
    unreadable, deleted = good[0], good[1]
    unreadable.write_text(PLAN.format(n=999), encoding="utf-8")
    os.chmod(unreadable, 0)
    os.chmod(corpus / "locked", 0)
    deleted.unlink()
    cases = hostile_inputs(corpus / "hostile")
    if AS_NOBODY:
        for p in (corpus / "hostile").iterdir():
            os.lchown(p, NOBODY, NOBODY)
        os.chown(corpus / "hostile", NOBODY, NOBODY)

    rc, out, err, rss2, secs2 = run_ingest([corpus], store)
    after = stored(store)
    assert rc == 1, (out, err)

    # Nothing stored is lost: every file but the deleted one keeps its row and edges untouched.
    gone = str(deleted.resolve())
    assert gone in before and gone not in after
    lost = [p for p in before if p != gone and after.get(p) != before[p]]
    assert not lost, lost
    assert "1 removed" in out

    # Each failure on its own line, names quoted, no escape code reaching the terminal.
    lines = err.splitlines()
    assert "\x1b" not in err and all(line.startswith("unreadable: ") for line in lines), lines
    expect_fail = {n: w for n, w in cases.items() if w}
    reasons = {"locked": "cannot list folder: Permission denied", unreadable.name: "cannot read: Permission denied"}
    for name, words in expect_fail.items():
        reasons[repr(name)[1:-1] if not name.isprintable() else name] = words
    assert len(lines) == len(reasons), lines
    for shown, words in reasons.items():
        assert any(shown in line and words in line for line in lines), (shown, words, lines)
    read_ok = {n for n, w in cases.items() if not w}
    hostile_rows = {Path(p).name: row for p, (row, _) in after.items() if "/hostile/" in p}
    assert {n for n in read_ok if hostile_rows.get(n, ("",) * 4)[3] == "ok"} == read_ok
    assert "passwd.txt" not in hostile_rows and not any("root:" in str(r) for r in hostile_rows.values())

    assert rss1 < LIMIT_KB and rss2 < LIMIT_KB, (rss1, rss2)

    # The heaviest inputs one by one: each under the limit.
    worst = []
    scratch = base / "scratch.sqlite"
    os.chmod(corpus / "locked", 0o755)
    for name in ("bomb-unpacked.docx", "bomb-elements.docx", "bomb-text.docx", "sparse-3gb.txt", "over-chars.txt"):
        path = corpus / "hostile" / name
        _, _, one_err, rss, secs = run_ingest([path], scratch)
        assert rss < LIMIT_KB, (name, rss)
        worst.append((rss, secs, name, path.stat().st_size))
    print(f"\nhostile corpus: first run {len(before)} files {secs1:.1f} s {rss1 / 1024:.0f} MB; "
          f"second run {len(cases) + 4} faults {secs2:.1f} s {rss2 / 1024:.0f} MB; 0 losses")
    for rss, secs, name, size in sorted(worst, reverse=True):
        print(f"  {name}: {size:,} bytes on disk, {secs:.1f} s, peak {rss / 1024:.0f} MB")
