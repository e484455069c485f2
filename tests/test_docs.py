"""The README covers every command and every setting (house style: docs cover the interface)."""
from __future__ import annotations

from pathlib import Path

import click

from vbgraph.app.cli import cli
from vbgraph.app.config import SETTINGS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


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
