"""Build and query synthetic graphs of 10k, 100k and 1M directives (about 5 citations each).

Prints, per size: build time, peak memory (max RSS of the process that built and
queried; each size runs in its own process), store size, the rustworkx graph load
time, and p50/p95 latency of ``cascade`` (central roots and provincial plans) and
``chain`` (district and commune plans) with both traversal engines.

    .venv/bin/python bench/graph_scale.py                 # 10k, 100k, 1M
    .venv/bin/python bench/graph_scale.py --sizes 10000   # one size
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def _time(fn, args_list) -> tuple[float, float, float]:
    lat = []
    sizes = []
    for args in args_list:
        t = time.perf_counter()
        out = fn(*args)
        lat.append((time.perf_counter() - t) * 1000)
        sizes.append(len(out))
    return _pct(lat, 0.5), _pct(lat, 0.95), statistics.mean(sizes) if sizes else 0


def run_one(n: int, samples: int, seed: int, keep: str | None = None) -> dict:
    from vbgraph.graph import queries
    from vbgraph.graph.build import ingest_dicts
    from vbgraph.graph.store import Store
    from vbgraph.app.synth import iter_docs

    folder = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="vbgraph-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / f"bench-{n}.sqlite"
    reuse = keep and db.exists()
    store = Store(db)
    t0 = time.perf_counter()
    if not reuse:
        docs = (d.to_dict() for d in iter_docs(n, seed=seed) if d.has_text)
        ingest_dicts(docs, store, batch=5000)
    build_s = time.perf_counter() - t0 if not reuse else float("nan")
    counts = store.counts()
    rss_build = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    store.load_graph()
    load_s = time.perf_counter() - t0

    rng = random.Random(seed)

    def pick(level: str) -> list[tuple[str]]:
        ids = [r["id"] for r in store.directives() if r["level"] == level]
        return [(i,) for i in rng.sample(ids, min(samples, len(ids)))]

    central, province = pick("central"), pick("province")
    lower = pick("commune")[: samples // 2] + pick("district")[: samples // 2]
    out = {"n": n, "directives": counts["directives"], "edges": counts["edges"], "files": counts["files"],
           "build_s": round(build_s, 1), "graph_load_s": round(load_s, 2),
           "store_mb": round(sum(p.stat().st_size for p in folder.iterdir()) / 2**20)}
    for engine in ("rustworkx", "sql"):
        store.traversal = engine
        for label, ids in (("cascade_central", central), ("cascade_province", province)):
            p50, p95, size = _time(lambda i: queries.cascade(store, i), ids)
            out[f"{engine}.{label}"] = {"p50_ms": round(p50, 1), "p95_ms": round(p95, 1), "mean_rows": round(size)}
        p50, p95, size = _time(lambda i: queries.chain(store, i), lower)
        out[f"{engine}.chain"] = {"p50_ms": round(p50, 1), "p95_ms": round(p95, 1), "mean_paths": round(size, 2)}
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    out["peak_rss_after_build_mb"] = round(rss_build)
    store.close()
    if not keep:
        for p in folder.iterdir():
            p.unlink()
        folder.rmdir()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--samples", type=int, default=100, help="queries per kind")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", help="Keep the stores in this folder and reuse them (queries only) on the next run.")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "graph_scale.jsonl"))
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.samples, args.seed, args.keep)))
        return
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    for n in args.sizes:
        got = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--samples", str(args.samples), "--seed", str(args.seed)]
            + (["--keep", args.keep] if args.keep else []),
            capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        row = json.loads(got.stdout.strip().splitlines()[-1])
        with open(args.out, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(row) + "\n")
        print(f"{n:>9,} directives={row['directives']:,} edges={row['edges']:,} build={row['build_s']}s "
              f"load={row['graph_load_s']}s peak={row['peak_rss_mb']}MB store={row['store_mb']}MB")
        for key, val in row.items():
            if isinstance(val, dict):
                print(f"          {key:<28} " + " ".join(f"{k}={v}" for k, v in val.items()))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
