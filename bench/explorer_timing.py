"""How long the explorer's pages take to compute on a 100k-directive synthetic store.

Times what a page does on each run, without the browser: the ``graph.queries``
calls plus the explorer's shaping (``app.explorer.shape``: tables, CSV/JSON,
the bounded DOT picture). Streamlit caches these results, so this is the cost of a
first visit; a repeat visit is a cache hit.

* search: ``search`` + the results table + homonym notes, for typical queries;
* directive page: ``directive`` + the metadata and four edge tables (+ ``source``);
* cascade view: unfiltered ``cascade`` (filter options) + filtered ``cascade`` +
  counts, tree table, CSV, JSON and the 200-box DOT, for the largest central roots.

The store is built once (``app.synth`` + ``graph.build.ingest_dicts``) and reused:

    .venv/bin/python bench/explorer_timing.py                     # var/bench-explorer-100k.sqlite
    .venv/bin/python bench/explorer_timing.py --n 10000 --samples 10
"""
from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEARCHES = ("Nghị quyết 35", "35-NQ/TW", "NQ 35", "Kết luận 24 Lai Châu", "Kế hoạch 61", "61-KH/TU",
            "bảo vệ nền tảng tư tưởng", "chuyển đổi số", "KH 102 Tam Đường", "Chỉ thị 05")


def build(path: Path, n: int, seed: int) -> float:
    """Build the synthetic store at ``path``; return the seconds it took."""
    from vbgraph.graph.build import ingest_dicts
    from vbgraph.graph.store import Store
    from vbgraph.app.synth import iter_docs

    path.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    store = Store(path)
    try:
        ingest_dicts((d.to_dict() for d in iter_docs(n, seed=seed) if d.has_text), store, batch=5000)
    finally:
        store.close()
    return time.perf_counter() - t0


def timed(fn, *args) -> float:
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


def summary(values: list[float]) -> dict:
    values = sorted(values)
    pick = lambda q: values[min(len(values) - 1, int(round(q * (len(values) - 1))))]  # noqa: E731
    return {"n": len(values), "p50_ms": round(pick(0.5) * 1000, 1), "p95_ms": round(pick(0.95) * 1000, 1),
            "max_ms": round(values[-1] * 1000, 1), "mean_ms": round(statistics.mean(values) * 1000, 1)}


def search_page(backend, text: str) -> None:
    from vbgraph.app.explorer import shape
    from vbgraph.graph import queries

    rows = queries.search(backend, text, limit=50)
    shape.directive_frame(rows)
    shape.homonym_notes(rows)


from vbgraph.ingest.errors import ReadError  # noqa: E402


def directive_page(backend, id: str) -> None:
    from vbgraph.app.explorer import shape
    from vbgraph.graph import queries

    d = queries.directive(backend, id)
    shape.metadata_frame(d)
    shape.conflict_notes(d)
    for edges in (d.implements, d.implemented_by, d.refers_to, d.referred_by):
        shape.edge_frame(edges)
    try:
        queries.source(backend, id)
    except ReadError:  # the synthetic store's texts are not written to disk
        pass


def cascade_view(backend, id: str, **filters) -> int:
    """What the cascade page computes on a visit: without filters one ``cascade`` (it also
    gives the filter options); with filters a second, filtered one and the bridged tree."""
    from vbgraph.app.explorer import shape
    from vbgraph.graph import queries

    root = queries.directive(backend, id).row
    full = queries.cascade(backend, id)
    shape.filter_options(full)
    rows, parents = full, None
    if filters:
        rows = queries.cascade(backend, id, **filters)
        parents = shape.bridge_parents(full, {c.row.id for c in rows}, id)
    frame = shape.cascade_frame(rows, root)
    shape.cascade_counts(rows)
    shape.cascade_csv(frame)
    shape.cascade_json(root, rows, filters)
    shape.cascade_dot(root, rows, parents=parents, max_nodes=200)
    return len(full)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000, help="directives in the synthetic store")
    ap.add_argument("--store", default=None, help="store path (default var/bench-explorer-<n>.sqlite)")
    ap.add_argument("--samples", type=int, default=30, help="ids per page kind")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "explorer_timing.json"))
    args = ap.parse_args()

    from vbgraph.app.explorer.backend import open_read_only

    store = Path(args.store or ROOT / "var" / f"bench-explorer-{args.n // 1000}k.sqlite")
    build_s = None
    if not store.exists():
        print(f"building {store} ({args.n} directives)…", flush=True)
        build_s = build(store, args.n, args.seed)
    backend = open_read_only({"backend": "sqlite", "store": str(store)})
    sample_db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)  # to pick ids; the pages use graph.queries
    counts = {
        "directives": sample_db.execute("SELECT count(*) FROM directives").fetchone()[0],
        "edges": sample_db.execute("SELECT count(*) FROM edges").fetchone()[0],
    }
    rng = random.Random(args.seed)

    def ids(level: str, k: int, biggest: bool = False) -> list[str]:
        if biggest:
            got = sample_db.execute(
                "SELECT dst FROM edges WHERE relation = 'implements' AND dst IN "
                "(SELECT id FROM directives WHERE level = ?) GROUP BY dst ORDER BY count(*) DESC LIMIT ?",
                (level, k)).fetchall()
        else:
            got = sample_db.execute("SELECT id FROM directives WHERE level = ? ORDER BY random() LIMIT ?",
                                    (level, k)).fetchall()
        return [r[0] for r in got]

    # The first traversal loads the in-memory graph once per process: report it apart.
    first = ids("central", 1)[0]
    from vbgraph.graph import queries

    load_s = timed(queries.cascade, backend, first)

    results: dict = {"store": str(store), "counts": counts, "build_s": build_s and round(build_s, 1),
                     "first_traversal_load_ms": round(load_s * 1000, 1)}
    results["search"] = summary([timed(search_page, backend, t) for t in SEARCHES for _ in range(3)])
    sample = ids("central", args.samples // 3, biggest=True) + ids("province", args.samples // 3) + \
        ids("district", args.samples // 3)
    rng.shuffle(sample)
    results["directive"] = summary([timed(directive_page, backend, i) for i in sample])
    roots = ids("central", args.samples, biggest=True)
    for name, filters in (("cascade", {}), ("cascade_filtered", {"levels": ["province", "district"]})):
        sizes, lat = [], []
        for i in roots:
            t0 = time.perf_counter()
            sizes.append(cascade_view(backend, i, **filters))
            lat.append(time.perf_counter() - t0)
        results[name] = summary(lat)
        results[name]["rows_max"] = max(sizes)
        results[name]["rows_mean"] = round(statistics.mean(sizes), 1)
    print(json.dumps(results, ensure_ascii=False, indent=1))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
