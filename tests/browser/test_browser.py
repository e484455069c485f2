"""The explorer in a real browser: `streamlit run` on a free localhost port, driven by
Debian's chromium through Playwright (never `playwright install`).

Each store is walked as a user would: search → directive → cascade (filtered through
the URL) → chain → coverage → corpus. On every page the test waits until Streamlit has
drawn it (the app container, the page's heading, no script run in progress), then
fails on an exception box, traceback text, a server path or a JavaScript error.
Every request that does not go to localhost is **blocked and counted**: the count
must be 0 (the explorer works offline). Screenshots go to tests/artifacts/
(git-ignored).

Stores: the synthetic store of tests/test_explorer_store.py (always); the seeds and a
300-file random subset of the real corpus (fixed seed) when ../shared is present.
"""
from __future__ import annotations

import os
import random
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
SHARED = ROOT.parent / "shared"
CHROMIUM = os.environ.get("VBGRAPH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
NQ35 = "vn/national/tw/nq/2018/35"
HU102 = "vn/lai-chau.tam-duong/hu/kh/2022/102"
REAL_SUBSET, REAL_SEED = 300, 13
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}

sys.path.insert(0, str(ROOT / "tests"))

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() or shutil.which("chromium")),
    reason=f"chromium is not installed at {CHROMIUM} (apt-get install chromium, or `make tools`)",
)
needs_shared = pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason=f"{SHARED} is absent")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"streamlit did not answer at {url} within {timeout}s")


class Server:
    """``streamlit run`` of the explorer on one store, on a free localhost port."""

    def __init__(self, store: Path, log: Path):
        from vbgraph.app.cli_serve import streamlit_command

        self.store = store
        self.url = f"http://127.0.0.1:{_free_port()}"
        env = {**os.environ, "VBGRAPH_STORE": str(store), "VBGRAPH_BACKEND": "sqlite"}
        self.log = open(log, "w+")
        port = int(self.url.rsplit(":", 1)[1])
        self.proc = subprocess.Popen(streamlit_command(port, "127.0.0.1"), cwd=ROOT, env=env, stdout=self.log,
                                     stderr=subprocess.STDOUT)
        _wait_healthy(self.url, self.proc)

    def close(self) -> str:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.seek(0)
        text = self.log.read()
        self.log.close()
        return text


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _serve(store: Path, tmp: Path):
    server = Server(store, tmp / "streamlit.log")
    try:
        yield server
    finally:
        text = server.close()
        if "Traceback" in text:
            print(text)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    from test_explorer_store import build_store

    yield from _serve(build_store(tmp_path_factory.mktemp("browser-store")), tmp_path_factory.mktemp("log"))


def _ingest(paths: list[Path], store: Path) -> Path:
    cli = shutil.which("vbgraph", path=str(Path(sys.executable).parent)) or "vbgraph"
    cmd = [cli, "ingest", "--quiet", "--store", str(store), *map(str, paths)]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    return store


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory):
    return _ingest([SHARED / "corpus" / "seeds"], tmp_path_factory.mktemp("seeds") / "seeds.sqlite")


@pytest.fixture(scope="session")
def real_store(tmp_path_factory):
    """A store of 300 texts of the real corpus, picked at random with a fixed seed."""
    files = sorted(p for p in (SHARED / "corpus" / "real").rglob("*.txt"))
    picked = random.Random(REAL_SEED).sample(files, min(REAL_SUBSET, len(files)))
    return _ingest(picked, tmp_path_factory.mktemp("real") / "real.sqlite")


class Walk:
    """One browser context that blocks and counts non-local requests, and checks each page it draws."""

    def __init__(self, browser, name: str):
        self.name = name
        self.blocked: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.context.route("**/*", self._route)

    def _route(self, route):
        host = urlparse(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def visit(self, url: str, heading: str, shot: str, action=None) -> str:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page = self.context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        try:
            page.goto(url)
            drawn(page, heading)
            if action:
                action(page)
                drawn(page, heading)
            page.screenshot(path=str(ARTIFACTS / f"{self.name}-{shot}.png"), full_page=True)
            body = page.inner_text("body")
            assert page.locator('[data-testid="stException"]').count() == 0, f"exception box on {url}"
            assert "Traceback" not in body, f"traceback text on {url}"
            assert str(ROOT) not in body and "/work/" not in body and "/tmp/" not in body, f"server path on {url}"
            assert not errors, f"JavaScript errors on {url}: {errors}"
            return body
        finally:
            page.close()

    def close(self) -> None:
        self.context.close()
        assert not self.blocked, f"{len(self.blocked)} non-local requests: {self.blocked[:5]}"


def drawn(page, heading: str, timeout: float = 60_000) -> None:
    """Wait until Streamlit has drawn ``heading`` and finished running the script.

    ``stApp`` carries ``data-test-script-state`` (``initial`` → ``running`` → ``notRunning``);
    the status widget shows while a run is in progress.
    """
    page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=timeout)
    page.get_by_role("heading", name=heading).first.wait_for(timeout=timeout)
    done = """() => document.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]')
                    && !document.querySelector('[data-testid="stStatusWidget"]')"""
    page.wait_for_function(done, timeout=timeout)
    page.wait_for_timeout(400)  # let late elements (charts, data grids, graphviz) paint
    page.wait_for_function(done, timeout=timeout)


def _id(id: str) -> str:
    return quote(id, safe="")


def walk_store(browser, url: str, store: Path, name: str) -> None:
    """search → directive → cascade (filtered) → chain → coverage → corpus, on the most cited directive
    that something implements, and the deepest directive of its cascade."""
    from vbgraph.app.explorer.backend import open_read_only
    from vbgraph.app.explorer.labels import level_label
    from vbgraph.graph import queries

    backend = open_read_only({"backend": "sqlite", "store": str(store)})
    root, rows = None, []
    for row, _ in queries.most_cited(backend, limit=50):
        rows = queries.cascade(backend, row.id)
        if rows:
            root = row
            break
    assert root is not None, "no directive with implementers in this store"
    deepest = max(rows, key=lambda c: c.depth).row
    level = max((c.row.level for c in rows if c.row.level), key=lambda lv: sum(c.row.level == lv for c in rows))

    walk = Walk(browser, name)
    try:
        walk.visit(f"{url}/?q={quote(root.label)}", "Tìm kiếm văn bản", "1-search")
        walk.visit(f"{url}/van-ban?id={_id(root.id)}", root.label, "2-directive")
        body = walk.visit(f"{url}/cay-thuc-hien?id={_id(root.id)}&cap={quote(level_label(level))}",
                          f"Cây thực hiện {root.label}", "3-cascade-filtered")
        assert "Bộ lọc giữ" in body or len({c.row.level for c in rows}) == 1
        walk.visit(f"{url}/chuoi?id={_id(deepest.id)}", f"Chuỗi thực hiện {deepest.label}", "4-chain")
        walk.visit(f"{url}/do-phu?id={_id(root.id)}", f"Độ phủ {root.label}", "5-coverage")
        walk.visit(f"{url}/kho-du-lieu", "Kho dữ liệu", "6-corpus")
        for bad in ("chuoi?id=khong-ton-tai", "do-phu?id=%27%20OR%201%3D1%20--"):
            walk.visit(f"{url}/{bad}", "Chuỗi thực hiện" if bad.startswith("chuoi") else "Độ phủ", "7-bad-id")
        body = walk.visit(f"{url}/?q={quote('bảo vệ ' * 600)}", "Tìm kiếm văn bản", "8-huge-search")
        assert "từ đầu" in body
    finally:
        walk.close()


# ---------------------------------------------------------------- the synthetic store


def test_walk_synthetic_store(synthetic, browser):
    walk_store(browser, synthetic.url, synthetic.store, "synthetic")


def test_search_homonyms_and_source_text(synthetic, browser):
    walk = Walk(browser, "synthetic")
    try:
        body = walk.visit(f"{synthetic.url}/?q={quote('61-KH/TU')}", "Tìm kiếm văn bản", "search-homonyms")
        assert "có ở 2 văn bản khác nhau" in body and "chọn một dòng" in body

        def open_text(page):
            page.get_by_role("tab", name="Toàn văn").click()
            page.locator("mark.vb-cite:visible").first.wait_for(timeout=10_000)

        walk.visit(f"{synthetic.url}/van-ban?id={_id(HU102)}", "Kế hoạch 102-KH/HU", "directive-source", open_text)
    finally:
        walk.close()


def test_cascade_views_and_filter_in_the_url(synthetic, browser):
    walk = Walk(browser, "synthetic")
    try:
        def open_branch(page):
            page.locator("details summary", has_text="Mường Kim").first.wait_for(timeout=10_000)

        body = walk.visit(f"{synthetic.url}/cay-thuc-hien?id={_id(NQ35)}", "Cây thực hiện 35-NQ/TW", "cascade-tree",
                          open_branch)
        assert "Tải Excel" in body

        def picture(page):
            page.locator('[data-testid="stGraphVizChart"] svg').first.wait_for(timeout=15_000)

        walk.visit(f"{synthetic.url}/cay-thuc-hien?id={_id(NQ35)}&xem={quote('Sơ đồ')}&tinh={quote('Lai Châu')}",
                   "Cây thực hiện 35-NQ/TW", "cascade-picture", picture)
    finally:
        walk.close()


# ---------------------------------------------------------------- ../shared: seeds and real corpus


@needs_shared
def test_walk_seeds_store(seeds_store, browser, tmp_path):
    for server in _serve(seeds_store, tmp_path):
        walk_store(browser, server.url, seeds_store, "seeds")


@needs_shared
def test_walk_real_corpus_store(real_store, browser, tmp_path):
    for server in _serve(real_store, tmp_path):
        walk_store(browser, server.url, real_store, "real")
