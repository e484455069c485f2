"""The `vbgraph` command line: a click group; each command module only parses input
and calls `ingest` / `graph` library functions."""
from __future__ import annotations

import click

__all__ = ["main", "cli"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="vbgraph")
def cli() -> None:
    """vbgraph: a knowledge graph of Vietnamese directive citations."""


def _register() -> None:
    """Attach the commands of each command module that exists."""
    import importlib

    for name in ("app.cli_extract", "app.cli_graph", "app.cli_serve"):
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as err:
            if err.name != name:
                raise
            continue
        for command in getattr(module, "COMMANDS", ()):
            cli.add_command(command)


_register()


def main() -> None:
    """Entry point of the `vbgraph` script."""
    cli()
