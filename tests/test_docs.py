"""The README covers every command and every setting (house style: docs cover the interface)."""
from __future__ import annotations

from pathlib import Path

import click
import pytest

from vbgraph.app.cli import cli
from vbgraph.app.config import SETTINGS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "vbgraph") -> list[str]:
    names = []
    for name, command in group.commands.items():
        names.append(f"{prefix} {name}")
        if isinstance(command, click.Group):
            names.extend(_commands(command, f"{prefix} {name}"))
    return names


def test_readme_names_every_command():
    missing = [name for name in _commands(cli) if f"`{name}" not in README]
    assert not missing, f"README does not document: {missing}"


def test_readme_names_every_setting():
    missing = [s.env for s in SETTINGS if f"`{s.env}`" not in README]
    assert not missing, f"README does not document: {missing}"


def _settings_table(text: str) -> dict[str, str]:
    """env var → the default column's first `code` (or '—') of every settings-table row."""
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[1].startswith("`") and cells[1].strip("`") in {s.env for s in SETTINGS}:
            default = cells[2]
            rows[cells[1].strip("`")] = default.split("`")[1] if default.startswith("`") else "—"
    return rows


@pytest.mark.parametrize("doc", ["README.md", "docs/graph.md"])
def test_settings_tables_give_the_defaults_of_config(doc):
    table = _settings_table((ROOT / doc).read_text(encoding="utf-8"))
    assert set(table) == {s.env for s in SETTINGS}, f"{doc}: settings table rows differ from app/config.py"
    for s in SETTINGS:
        expected = "—" if s.default is None else str(s.default)
        assert table[s.env] == expected, f"{doc}: {s.env} default {table[s.env]!r}, app/config.py says {expected!r}"
