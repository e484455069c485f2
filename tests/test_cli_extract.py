"""`vbgraph extract`: JSON Lines on stdout, one line per unreadable file on stderr, exit 1 when any failed."""
from __future__ import annotations

import json

from click.testing import CliRunner

from vbgraph.app.cli import cli

PLAN = "HUYỆN ỦY TAM ĐƯỜNG\nSố 102 - KH/HU\nTam Đường, ngày 26 tháng 01 năm 2022\n\nKẾ HOẠCH\nThực hiện Kết luận số 224-KL/TU.\n"


def test_extract_reports_bad_files_and_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (tmp_path / "b.txt").write_text(PLAN.replace("102", "103"), encoding="utf-16")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["source"] for r in rows) == ["a.txt", "b.txt"]
    assert {r["document"]["number"] for r in rows} == {"102", "103"}
    errors = [line for line in result.stderr.splitlines() if "cannot read" in line]
    assert len(errors) == 2 and any("empty.txt" in e for e in errors) and any("blob.txt" in e for e in errors)


def test_extract_contract_fields(tmp_path):
    (tmp_path / "a.txt").write_text(PLAN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "a.txt")])
    assert result.exit_code == 0
    row = json.loads(result.stdout)
    assert set(row) >= {"source", "document", "citations", "links"}
    assert set(row["document"]) >= {"kind", "type", "number", "year", "issuer_code", "issuer", "date",
                                     "province", "district", "commune", "congress", "id"}
    (c,) = row["citations"]
    assert set(c) >= {"type", "number", "year", "issuer_code", "date", "issuer", "province", "district", "commune",
                      "congress", "relation", "cue", "id", "mentions"}
    m = c["mentions"][0]
    assert PLAN[m["start"]:m["end"]] == m["text"]
