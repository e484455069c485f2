"""Checks against ../shared (read-only): the seeds' grade and a crash-free run over the
real corpus. Skipped, with a message, when ../shared is absent."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from vbgraph.app.cli import cli
from vbgraph.ingest import extract_paths
from vbgraph.ingest.errors import ReadError
from vbgraph.ingest.files import iter_paths

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason=f"{SHARED} is absent: corpus checks skipped")


@needs_shared
def test_seeds_grade_one_on_every_line(tmp_path):
    seeds = sorted(str(p) for p in (SHARED / "corpus" / "seeds").glob("*.txt"))
    result = CliRunner().invoke(cli, ["extract", *seeds])
    assert result.exit_code == 0, result.output
    pred = tmp_path / "out.jsonl"
    pred.write_text(result.stdout, encoding="utf-8")
    graded = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(SHARED / "eval" / "seeds.gold.jsonl"),
         "--pred", str(pred), "--json"], capture_output=True, text=True, check=True)
    summary = json.loads(graded.stdout)
    summary.pop("documents_missing_from_output")
    assert summary == {k: 1.0 for k in summary}


@needs_shared
def test_real_corpus_runs_without_a_crash():
    root = SHARED / "corpus" / "real"
    files = list(iter_paths([root]))
    assert len(files) >= 2579
    done = failed = 0
    for item in extract_paths([root]):
        if isinstance(item, ReadError):
            failed += 1
        else:
            done += 1
            for c in item.citations:  # offsets stay inside the text
                assert all(0 <= m.start < m.end <= item.chars for m in c.mentions)
    assert done + failed == len(files)
    assert failed <= len(files) // 100
