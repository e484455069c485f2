"""The graph commands of the CLI, on a synthetic corpus ingested with its ground truth."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from vbgraph.app.cli_graph import COMMANDS
from vbgraph.app.config import SETTINGS
from vbgraph.graph.build import ingest_dicts
from vbgraph.graph.store import Store


@pytest.fixture()
def store_path(tmp_path, tiny_dicts):
    path = tmp_path / "g.sqlite"
    store = Store(path)
    ingest_dicts(tiny_dicts, store)
    store.close()
    return str(path)


def run(*args):
    from vbgraph.app.cli import cli

    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result


def test_commands_are_registered():
    from vbgraph.app.cli import cli

    names = {c.name for c in COMMANDS}
    assert {"ingest", "search", "cascade", "chain", "coverage", "load", "export"} <= names <= set(cli.commands)


def test_cascade_table_csv_json(store_path):
    table = run("cascade", "Nghị quyết 35", "--store", store_path)
    assert table.exit_code == 0 and "102-KH/HU" in table.stdout and table.stdout.startswith("depth")
    rows = list(csv.DictReader(io.StringIO(run("cascade", "35-NQ/TW", "--store", store_path, "--format", "csv").stdout)))
    assert [(r["symbol"], r["depth"]) for r in rows] == [("61-KH/TU", "1"), ("61-KH/TU", "1"), ("102-KH/HU", "2")]
    got = json.loads(run("cascade", "NQ 35", "--store", store_path, "--format", "json", "--level", "district").stdout)
    assert [r["symbol"] for r in got] == ["102-KH/HU"]


def test_chain_coverage_search(store_path):
    chain = json.loads(run("chain", "102-KH/HU", "--store", store_path, "--format", "json").stdout)
    assert [r["symbol"] for r in chain] == ["102-KH/HU", "61-KH/TU", "35-NQ/TW"]
    cov = json.loads(run("coverage", "35-NQ/TW", "--store", store_path, "--format", "json").stdout)
    assert {r["province"] for r in cov if r["covered"] and r["district"] is None} == {"Lai Châu", "Sơn La"}
    found = list(csv.DictReader(io.StringIO(run("search", "61-KH/TU", "--store", store_path, "--format", "csv").stdout)))
    assert [r["symbol"] for r in found] == ["61-KH/TU", "61-KH/TU"]
    assert found[0]["label"] == "Kế hoạch 61-KH/TU · TU Lai Châu · 2021"


def test_an_ambiguous_phrase_lists_candidates_and_exits_2(store_path):
    for command in ("cascade", "chain", "coverage"):
        result = run(command, "Kế hoạch 61", "--store", store_path)
        assert result.exit_code == 2, command
        assert "1. Kế hoạch 61-KH/TU · TU Lai Châu · 2021" in result.output
    picked = json.loads(run("cascade", "Kế hoạch 61", "--pick", "1", "--store", store_path, "--format", "json").stdout)
    assert [r["symbol"] for r in picked] == ["102-KH/HU"]


def test_every_type_word_finds_its_directives(tmp_path):
    from vbgraph.graph import queries
    from vbgraph.graph.build import ingest_dicts
    from vbgraph.graph.store import Store

    store = Store(":memory:")
    qdi = {"type": "QĐi", "number": "368", "issuer_code": "TW", "year": 2025, "symbol": "368-QĐ/TW", "relation": "refers_to"}
    ingest_dicts([{"source": "a.txt", "path": "a.txt", "sha256": "a", "document": {"kind": "other"}, "citations": [qdi]}], store)
    for phrase in ("368-QĐ/TW", "Quy định 368", "QĐ 368", "QĐi 368", "Quyết định 368"):
        assert [r.number for r in queries.search(store, phrase)] == ["368"], phrase


def test_unknown_query_fails_with_a_message(store_path):
    result = CliRunner().invoke(__import__("vbgraph.app.cli", fromlist=["cli"]).cli, ["cascade", "Nghị quyết 9999", "--store", store_path])
    assert result.exit_code != 0 and "no directive matches" in result.output


def test_export_commands(store_path, tmp_path):
    assert run("export", "graphml", str(tmp_path / "g.graphml"), "--store", store_path).exit_code == 0
    assert (tmp_path / "g.graphml").exists()
    assert run("export", "neo4j-admin", str(tmp_path / "csv"), "--store", store_path).exit_code == 0
    assert (tmp_path / "csv" / "directives.csv").exists()


def test_docs_cover_every_setting_and_graph_command():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[1] / "docs" / "graph.md").read_text(encoding="utf-8")
    for s in SETTINGS:
        assert s.env in doc, f"docs/graph.md does not mention {s.env}"
    for c in COMMANDS:
        assert f"vbgraph {c.name}" in doc, f"docs/graph.md does not mention `vbgraph {c.name}`"
