"""Graph commands of the `vbgraph` CLI: ingest, search, cascade, chain, coverage, stats,
load neo4j, export. Each parses its options and calls `graph` library functions.
Settings come from `app.config` (options override the environment)."""
from __future__ import annotations

import csv
import io
import json
import sys
from typing import Any

import click

from vbgraph import graph
from vbgraph.app.config import default, load_config
from vbgraph.app.synth import generate, write_corpus
from vbgraph.graph import queries
from vbgraph.graph.build import ingest
from vbgraph.graph.errors import Ambiguous, GraphError
from vbgraph.graph.export import write_citations, write_gexf, write_graphml, write_neo4j_admin
from vbgraph.graph.neo4j_backend import Neo4jBackend, load
from vbgraph.graph.store import Store
from vbgraph.ingest.errors import quote_path
from vbgraph.ingest.parallel import default_jobs

__all__ = ["COMMANDS"]

FORMATS = ("table", "csv", "json")


def _config(ctx_opts: dict[str, Any]):
    return load_config(**{k: v for k, v in ctx_opts.items() if v is not None})


def _backend(store: str | None, backend: str | None, *, write: bool = False):
    cfg = _config({"store": store, "backend": backend})
    try:
        return graph.open_backend(cfg, read_only=not write and cfg.backend == "sqlite")
    except graph.GraphError as err:
        raise click.ClickException(str(err)) from err


def _resolve(backend, query: str, pick: int | None = None):
    """The directive a query names; several candidates without ``--pick`` are listed and exit 2."""
    try:
        return queries.resolve(backend, query, pick=pick)
    except Ambiguous as err:
        click.echo(f"{err}:", err=True)
        for i, row in enumerate(err.candidates, 1):
            click.echo(f"  {i}. {row.plain_label}  ({row.id})", err=True)
        raise SystemExit(2) from err
    except GraphError as err:
        raise click.ClickException(str(err)) from err


def _pick_opt(f):
    return click.option("--pick", type=int, help="Which of several matching directives (1 = first listed).")(f)


def _emit(rows: list[dict], fmt: str) -> None:
    """Print rows (dicts with the same keys) as an aligned table, CSV or JSON."""
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if not rows:
        if fmt == "table":
            click.echo("(no rows)")
        return
    keys = list(rows[0])
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=keys)
        w.writeheader()
        w.writerows(rows)
        click.echo(buf.getvalue(), nl=False)
        return
    cells = [[("" if r[k] is None else str(r[k])) for k in keys] for r in rows]
    widths = [min(60, max(len(k), *(len(c[i]) for c in cells))) for i, k in enumerate(keys)]
    click.echo("  ".join(k.ljust(w) for k, w in zip(keys, widths)).rstrip())
    for c in cells:
        click.echo("  ".join(v[:w].ljust(w) for v, w in zip(c, widths)).rstrip())


def _row_dict(r) -> dict:
    return {"id": r.id, "symbol": r.symbol, "type": r.type, "number": r.number, "level": r.level, "province": r.province,
            "district": r.district, "commune": r.commune, "date": r.date, "status": r.status,
            "homonyms": r.homonyms, "title": r.title}


def _store_opts(f):
    f = click.option("--backend", type=click.Choice(["sqlite", "neo4j"]), help="Backend (default: VBGRAPH_BACKEND or sqlite).")(f)
    f = click.option("--store", type=click.Path(dir_okay=False), help=f"SQLite store (default: VBGRAPH_STORE or {default('store')}).")(f)
    return f


def _fmt_opt(f):
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="Output format.")(f)


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--store", type=click.Path(dir_okay=False), help=f"SQLite store (default: VBGRAPH_STORE or {default('store')}).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--follow-symlinks", is_flag=True, help="Follow symbolic links that leave the folders given.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes that extract files (default: all cores); the store is the same.")
def ingest_cmd(paths: tuple[str, ...], store: str | None, quiet: bool, follow_symlinks: bool, jobs: int | None) -> None:
    """Build or update the graph store from files and folders (incremental).

    A file or folder that cannot be read gets one line on standard error naming it
    and the reason; the run goes on, and the exit status is 1 when any input failed.
    """

    cfg = _config({"store": store})
    try:
        summary = ingest(paths, Store(cfg.store), progress=not quiet, follow_symlinks=follow_symlinks,
                         jobs=jobs or default_jobs())
    except GraphError as err:
        raise click.ClickException(str(err)) from err
    click.echo(str(summary))
    for f in summary.failures:
        click.echo(f"unreadable: {quote_path(f.path)}: {f.reason}", err=True)
    if summary.failures:
        sys.exit(1)


@click.command("search")
@click.argument("text")
@click.option("--limit", type=int, default=50, show_default=True)
@_store_opts
@_fmt_opt
def search_cmd(text: str, limit: int, store, backend, fmt: str) -> None:
    """Directives matching a symbol ("35-NQ/TW"), type and number ("Nghị quyết 35") or title words,
    most cited first, each with a plain label telling homonyms apart (issuer, year)."""

    rows = queries.search(_backend(store, backend), text, limit=limit)
    _emit([{"n": i, "label": r.plain_label, **_row_dict(r)} for i, r in enumerate(rows, 1)], fmt)


@click.command("cascade")
@click.argument("query")
@click.option("--follow-refers", is_flag=True, help="Also follow refers_to edges.")
@click.option("--type", "types", multiple=True, help="Keep only these types (NQ, KH …); repeatable.")
@click.option("--level", "levels", multiple=True, type=click.Choice(["central", "province", "district", "commune"]))
@click.option("--province", "provinces", multiple=True, help="Keep only these provinces; repeatable.")
@click.option("--from", "year_from", type=int, help="First year kept.")
@click.option("--to", "year_to", type=int, help="Last year kept.")
@click.option("--max-depth", type=click.IntRange(min=1), help="Levels below the directive to follow (at least 1).")
@_pick_opt
@_store_opts
@_fmt_opt
def cascade_cmd(query, follow_refers, types, levels, provinces, year_from, year_to, max_depth, pick, store, backend, fmt) -> None:
    """Everything implementing a directive, transitively (QUERY: "Nghị quyết 35", "35-NQ/TW" or an id).

    A QUERY several directives match lists them and exits 2; choose with --pick N or an id."""

    b = _backend(store, backend)
    root = _resolve(b, query, pick)
    rows = queries.cascade(b, root.id, follow_refers=follow_refers, types=types, levels=levels, provinces=provinces,
                           year_from=year_from, year_to=year_to, max_depth=max_depth)
    click.echo(f"cascade of {root.label} ({root.id}): {len(rows)} directives", err=True)
    _emit([{"depth": c.depth, **_row_dict(c.row), "parent": c.parent_id, "relation": c.relation} for c in rows], fmt)


@click.command("chain")
@click.argument("query")
@_pick_opt
@_store_opts
@_fmt_opt
def chain_cmd(query, pick, store, backend, fmt) -> None:
    """Each path from a directive up to the roots it implements."""
    b = _backend(store, backend)
    start = _resolve(b, query, pick)
    rows = [{"path": i + 1, "step": j, **_row_dict(r)}
            for i, path in enumerate(queries.chain(b, start.id)) for j, r in enumerate(path)]
    _emit(rows, fmt)


@click.command("coverage")
@click.argument("query")
@click.option("--missing", is_flag=True, help="Only provinces without an implementing directive.")
@_pick_opt
@_store_opts
@_fmt_opt
def coverage_cmd(query, missing, pick, store, backend, fmt) -> None:
    """Which provinces (and districts) have implemented a directive, and the lag in days."""
    b = _backend(store, backend)
    root = _resolve(b, query, pick)
    cov = queries.coverage(b, root.id)
    click.echo(f"coverage of {root.label} ({root.id}), {cov.era} units: {len(cov.covered)} provinces covered, "
               f"{len(cov.missing)} without", err=True)
    rows = [{"province": r.province, "district": r.district, "covered": r.covered, "lag_days": r.lag_days,
             "formed_from": ", ".join(r.formed_from) or None,
             "directives": "; ".join(d.label for d in r.directives)}
            for r in cov.rows if not (missing and (r.covered or r.district))]
    _emit(rows, fmt)


@click.command("stats")
@_store_opts
@_fmt_opt
def stats_cmd(store, backend, fmt) -> None:
    """Counts of documents, directives, edges and failed files."""
    s = queries.stats(_backend(store, backend))
    rows = [{"what": f"{group}:{k}", "count": v} for group, d in
            (("documents", s.documents), ("directives", s.directives), ("edges", s.edges)) for k, v in d.items()]
    rows += [{"what": "files", "count": s.files}, {"what": "failed", "count": s.failed}]
    _emit(rows, fmt)


@click.group("load")
def load_group() -> None:
    """Load the graph store into another database."""


@load_group.command("neo4j")
@click.option("--store", type=click.Path(dir_okay=False), help="SQLite store to load from.")
@click.option("--batch", type=int, default=10_000, show_default=True, help="Rows per UNWIND batch.")
def load_neo4j_cmd(store, batch) -> None:
    """Write the graph to Neo4j 5 (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD); idempotent."""
    cfg = _config({"store": store})
    try:
        src = Store(cfg.store, read_only=True)
        backend = Neo4jBackend.connect(cfg.neo4j_uri, cfg.neo4j_user, cfg.neo4j_password, database=cfg.neo4j_database)
        sent = load(src, backend, batch=batch)
    except GraphError as err:
        raise click.ClickException(str(err)) from err
    click.echo(", ".join(f"{k}={v}" for k, v in sent.items()))


@click.group("export")
def export_group() -> None:
    """Write the graph to files."""


@export_group.command("neo4j-admin")
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--store", type=click.Path(dir_okay=False))
def export_admin_cmd(folder, store) -> None:
    """CSV files (and import.sh) for `neo4j-admin database import full`."""
    counts = write_neo4j_admin(_backend(store, "sqlite"), folder)
    click.echo(", ".join(f"{k}={v}" for k, v in counts.items()))


@export_group.command("graphml")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--store", type=click.Path(dir_okay=False))
def export_graphml_cmd(file, store) -> None:
    """GraphML (for Gephi, yEd, Cytoscape)."""
    click.echo(str(write_graphml(_backend(store, "sqlite"), file)))


@export_group.command("gexf")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--store", type=click.Path(dir_okay=False))
def export_gexf_cmd(file, store) -> None:
    """GEXF (Gephi)."""
    click.echo(str(write_gexf(_backend(store, "sqlite"), file)))


@export_group.command("citations")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--store", type=click.Path(dir_okay=False))
def export_citations_cmd(file, store) -> None:
    """JSON Lines, one row per (citing file, cited directive): source, source_id, id, type, number,
    issuer_code, symbol, relation (implements / refers_to / reports), start, end."""

    click.echo(f"{write_citations(_backend(store, 'sqlite'), file)} citations in {file}")


@click.command("synth")
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("-n", "count", type=int, default=300, show_default=True, help="Directives to generate.")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--province-share", type=(float, float), default=(0.3, 1.0), show_default=True,
              help="Share of provinces implementing each central directive (drawn between the two).")
@click.option("--new-era-share", type=float, default=0.1, show_default=True,
              help="Share of central directives issued after 1 July 2025 (34 provinces, no districts).")
def synth_cmd(folder, count, seed, province_share, new_era_share) -> None:
    """Write a synthetic corpus (.txt files and truth.jsonl) shaped like Vietnam's hierarchy."""
    corpus = generate(count, seed=seed, province_share=province_share, new_era_share=new_era_share)
    paths = write_corpus(corpus, folder)
    click.echo(f"{len(paths)} files in {folder}", err=True)


COMMANDS = [ingest_cmd, search_cmd, cascade_cmd, chain_cmd, coverage_cmd, stats_cmd, load_group, export_group, synth_cmd]

if __name__ == "__main__":  # pragma: no cover
    sys.exit(click.Group(commands=COMMANDS)())
