"""`vbgraph extract PATH…`: JSON Lines as ../shared/eval/CONTRACT.md says."""
from __future__ import annotations

import json
import sys
from functools import partial

import click

from vbgraph.ingest import Extraction, extract_paths
from vbgraph.ingest.errors import ReadError, quote_path
from vbgraph.ingest.parallel import default_jobs

__all__ = ["COMMANDS", "extract"]


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--compact/--full", default=False, help="Leave out mentions and evidence (smaller output).")
@click.option("--follow-symlinks", is_flag=True, help="Follow symbolic links that leave the folders given.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes that extract files (default: all cores); output order is the same.")
def extract(paths: tuple[str, ...], compact: bool, follow_symlinks: bool, jobs: int | None) -> None:
    """Print one JSON object per document found under PATHS (files or folders).

    A file that cannot be read gets one line on standard error naming it and the
    reason; the run goes on, and the exit status is 1 when any input failed.
    """
    failed = 0
    out = sys.stdout
    lines = partial(_json_line, compact=compact)  # made in the workers
    for item in extract_paths(paths, follow_symlinks=follow_symlinks, jobs=jobs or default_jobs(), then=lines):
        if isinstance(item, ReadError):
            failed += 1
            click.echo(f"vbgraph: cannot read {quote_path(item.path)}: {item.reason}", err=True)
            continue
        out.write(item)
    if failed:
        click.echo(f"vbgraph: {failed} input(s) could not be read", err=True)
        sys.exit(1)


def _json_line(extraction: Extraction, compact: bool) -> str:
    row = extraction.to_dict()
    if compact:
        for citation in row["citations"]:
            citation.pop("mentions", None)
            citation.pop("evidence", None)
    return json.dumps(row, ensure_ascii=False) + "\n"


COMMANDS = [extract]
