"""The `vbgraph` command line: a click group; each command module only parses input
and calls `ingest` / `graph` library functions."""
from __future__ import annotations

import click

from vbgraph.app import cli_extract, cli_graph, cli_serve
from vbgraph.graph.errors import GraphError
from vbgraph.ingest.errors import IngestError

__all__ = ["main", "cli"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="vbgraph")
def cli() -> None:
    """vbgraph: a knowledge graph of Vietnamese directive citations."""


def _register() -> None:
    """Attach the commands of each command module."""
    for module in (cli_extract, cli_graph, cli_serve):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    """Entry point of the `vbgraph` script: an error of the library is one line, never a traceback."""
    try:
        cli()
    except (GraphError, IngestError) as err:
        click.echo(f"Error: {err}", err=True)
        raise SystemExit(1) from None
