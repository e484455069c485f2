"""`vbgraph serve`: run the Streamlit explorer on a store (read-only).

The store path reaches the app through ``VBGRAPH_STORE`` (``app.config``); with
``VBGRAPH_BACKEND=neo4j`` the explorer queries Neo4j instead and ``--store`` is unused.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from vbgraph.app.config import default, load_config
from vbgraph.graph.neo4j_backend import redact

__all__ = ["COMMANDS", "serve", "streamlit_command"]

MAIN = Path(__file__).with_name("explorer") / "main.py"


def streamlit_command(port: int, address: str, headless: bool = True) -> list[str]:
    """The ``streamlit run`` command line of the explorer (no telemetry, nothing fetched).

    >>> cmd = streamlit_command(8501, "localhost")
    >>> cmd[1:4], "--server.port=8501" in cmd, "--browser.gatherUsageStats=false" in cmd
    (['-m', 'streamlit', 'run'], True, True)
    """
    return [
        sys.executable, "-m", "streamlit", "run", str(MAIN),
        f"--server.port={port}",
        f"--server.address={address}",
        f"--server.headless={'true' if headless else 'false'}",
        "--browser.gatherUsageStats=false",
        "--global.developmentMode=false",
        "--client.toolbarMode=minimal",
    ]


@click.command("serve")
@click.option("--store", type=click.Path(dir_okay=False), default=None,
              help=f"SQLite graph store to explore (default: VBGRAPH_STORE or {default('store')}). Opened read-only.")
@click.option("--port", type=click.IntRange(1, 65535), default=8501, show_default=True, help="Port to listen on.")
@click.option("--address", default="localhost", show_default=True, help="Address to listen on (0.0.0.0: all).")
@click.option("--open/--no-open", "open_browser", default=False, show_default=True,
              help="Open a browser tab when the server is up.")
def serve(store: str | None, port: int, address: str, open_browser: bool) -> None:
    """Serve the explorer (Streamlit) at http://ADDRESS:PORT on a graph store."""
    config = load_config(store=store)
    env = dict(os.environ)
    if config.backend == "sqlite":
        path = Path(config.store)
        if not path.is_file():
            raise click.UsageError(f"no graph store at {path}; build one with `vbgraph ingest <folder> --store {path}`")
        env["VBGRAPH_STORE"] = str(path.resolve())
    click.echo(f"vbgraph explorer: http://{address}:{port} ({config.backend}: "
               f"{env.get('VBGRAPH_STORE') if config.backend == 'sqlite' else redact(config.neo4j_uri or '')})")
    cmd = streamlit_command(port, address, headless=not open_browser)
    # Become the Streamlit process, so that a signal to `vbgraph serve` (Ctrl-C, kill, a
    # supervisor) stops the server itself rather than leaving it orphaned.
    os.execve(cmd[0], cmd, env)


COMMANDS = [serve]
