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

``--browser STORE`` instead times the pages in headless Chromium (``browser_timings``):
from navigation to drawn for every page, and each cascade level filter from the click
to the page drawn again, median of 5 after the first load:

    .venv/bin/python bench/explorer_timing.py --browser var/real.sqlite
    .venv/bin/python bench/explorer_timing.py --browser var/bench-explorer-100k.sqlite
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


# ---------------------------------------------------------------- in the browser

_IDLE = """() => document.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]')
                 && !document.querySelector('[data-testid="stStatusWidget"]')"""
_FILTERED = "() => document.body.innerText.includes('Bộ lọc giữ')"


def _drawn(page, heading: str, timeout: float = 120_000) -> None:
    """Streamlit has drawn ``heading`` and no script run is in progress."""
    page.get_by_role("heading", name=heading).first.wait_for(timeout=timeout)
    page.wait_for_function(_IDLE, timeout=timeout)


def _median(times: list[float]) -> dict:
    return {"first_ms": round(times[0] * 1000), "median_ms": round(statistics.median(times[1:]) * 1000)}


def browser_timings(store: Path, repeats: int = 5) -> dict:
    """Navigation → drawn for each page, and each cascade level filter, in headless Chromium.

    Each page is loaded once (the first load fills the caches), then ``repeats`` times;
    the median of the repeats is reported. Every load is a new browser tab and so a new
    Streamlit session, as when a user opens a link. The root is the most-cited directive
    with the largest cascade; the chain starts at its deepest row. A filter is timed from
    the click on a level in the sidebar to the page drawn again (and back, clearing it).
    """
    import os
    import subprocess
    from urllib.parse import quote

    from playwright.sync_api import sync_playwright

    from vbgraph.app.cli_serve import streamlit_command
    from vbgraph.app.explorer.backend import open_read_only
    from vbgraph.app.explorer.labels import level_label
    from vbgraph.graph import queries

    sys.path.insert(0, str(ROOT / "tests" / "browser"))
    from test_browser import CHROMIUM, CHROMIUM_ARGS, _free_port, _wait_healthy

    backend = open_read_only({"backend": "sqlite", "store": str(store)})
    root, rows = max(((r, queries.cascade(backend, r.id)) for r, _ in queries.most_cited(backend, limit=30)),
                     key=lambda pair: len(pair[1]))
    deepest = max(rows, key=lambda c: c.depth).row
    levels = [lv for lv in ("province", "district", "commune", "central") if any(c.row.level == lv for c in rows)]
    port = _free_port()
    env = {**os.environ, "VBGRAPH_STORE": str(store), "VBGRAPH_BACKEND": "sqlite"}
    proc = subprocess.Popen(streamlit_command(port, "127.0.0.1"), cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    pages = {
        "search": (f"{url}/?q={quote(root.label)}", "Tìm kiếm văn bản"),
        "directive": (f"{url}/van-ban?id={quote(root.id, safe='')}", root.label),
        "cascade (tree)": (f"{url}/cay-thuc-hien?id={quote(root.id, safe='')}", f"Cây thực hiện {root.label}"),
        "cascade (table)": (f"{url}/cay-thuc-hien?id={quote(root.id, safe='')}&xem={quote('Bảng')}",
                            f"Cây thực hiện {root.label}"),
        "chain": (f"{url}/chuoi?id={quote(deepest.id, safe='')}", f"Chuỗi thực hiện {deepest.label}"),
        "coverage": (f"{url}/do-phu?id={quote(root.id, safe='')}", f"Độ phủ {root.label}"),
        "corpus": (f"{url}/kho-du-lieu", "Kho dữ liệu"),
    }
    out: dict = {"store": str(store), "root": root.label, "cascade_rows": len(rows), "pages": {}, "filters": {}}
    try:
        _wait_healthy(url, proc)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            ctx = browser.new_context(viewport={"width": 1400, "height": 900})
            ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith(url) else r.abort())
            for name, (link, heading) in pages.items():
                times = []
                for _ in range(repeats + 1):
                    page = ctx.new_page()
                    t0 = time.perf_counter()
                    page.goto(link)
                    _drawn(page, heading)
                    times.append(time.perf_counter() - t0)
                    page.close()
                out["pages"][name] = _median(times)
            page = ctx.new_page()
            page.goto(pages["cascade (tree)"][0])
            _drawn(page, pages["cascade (tree)"][1])
            box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
            for lv in levels[:2]:
                on, off = [], []
                for _ in range(repeats + 1):
                    box.click()
                    option = page.get_by_role("option", name=level_label(lv), exact=True)
                    option.wait_for()
                    t0 = time.perf_counter()
                    option.click()
                    page.wait_for_function(_FILTERED)
                    page.wait_for_function(_IDLE)
                    on.append(time.perf_counter() - t0)
                    page.keyboard.press("Escape")
                    box.locator("input").click()
                    t0 = time.perf_counter()
                    page.keyboard.press("Backspace")
                    page.wait_for_function(f"() => !({_FILTERED})()")
                    page.wait_for_function(_IDLE)
                    off.append(time.perf_counter() - t0)
                    page.keyboard.press("Escape")
                out["filters"][f"level {level_label(lv)} on"] = _median(on)
                out["filters"][f"level {level_label(lv)} off"] = _median(off)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000, help="directives in the synthetic store")
    ap.add_argument("--store", default=None, help="store path (default var/bench-explorer-<n>.sqlite)")
    ap.add_argument("--samples", type=int, default=30, help="ids per page kind")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "explorer_timing.json"))
    ap.add_argument("--browser", metavar="STORE", help="only the browser timings, on this existing store")
    ap.add_argument("--repeats", type=int, default=5, help="browser loads per page after the first")
    args = ap.parse_args()
    if args.browser:
        result = browser_timings(Path(args.browser), args.repeats)
        print(json.dumps(result, ensure_ascii=False, indent=1))
        out = Path(args.out).with_name(f"explorer_browser_{Path(args.browser).stem}.json")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
        return

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
