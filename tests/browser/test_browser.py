"""The explorer in a real browser: `streamlit run` on a free localhost port against the
synthetic store of tests/test_explorer_store.py, driven by Debian's chromium through
Playwright (never `playwright install`). Screenshots go to tests/artifacts/ (git-ignored).

Each page is checked only once Streamlit has drawn it: the app container exists, the
page's heading is shown, no script run is in progress and no exception box is shown.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = os.environ.get("VBGRAPH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
NQ35 = "vn/national/tw/nq/2018/35"
HU102 = "vn/lai-chau.tam-duong/hu/kh/2022/102"

sys.path.insert(0, str(ROOT / "tests"))

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() or shutil.which("chromium")),
    reason=f"chromium is not installed at {CHROMIUM} (apt-get install chromium, or `make tools`)",
)


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


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from vbgraph.app.cli_serve import streamlit_command
    from test_explorer_store import build_store

    store = build_store(tmp_path_factory.mktemp("browser-store"))
    port = _free_port()
    env = {**os.environ, "VBGRAPH_STORE": str(store), "VBGRAPH_BACKEND": "sqlite"}
    log = open(tmp_path_factory.mktemp("log") / "streamlit.log", "w+")
    proc = subprocess.Popen(streamlit_command(port, "127.0.0.1"), cwd=ROOT, env=env, stdout=log,
                            stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.seek(0)
        text = log.read()
        log.close()
        if "Traceback" in text:
            print(text)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


def drawn(page, heading: str, timeout: float = 30_000) -> None:
    """Wait until Streamlit has drawn ``heading`` and finished running the script.

    ``stApp`` carries ``data-test-script-state`` (``initial`` → ``running`` → ``notRunning``);
    the status widget shows while a run is in progress.
    """
    page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=timeout)
    page.get_by_role("heading", name=heading).first.wait_for(timeout=timeout)
    done = """() => document.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]')
                    && !document.querySelector('[data-testid="stStatusWidget"]')"""
    page.wait_for_function(done, timeout=timeout)
    page.wait_for_timeout(500)  # let late elements (charts, data grids, graphviz) paint
    page.wait_for_function(done, timeout=timeout)


def visit(browser, url: str, heading: str, shot: str, action=None):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1360, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(url)
        drawn(page, heading)
        if action:
            action(page)
        page.screenshot(path=str(ARTIFACTS / shot), full_page=True)
        assert page.locator('[data-testid="stException"]').count() == 0, f"exception shown on {url}"
        assert not errors, f"JavaScript errors on {url}: {errors}"
        return page.inner_text("body")
    finally:
        page.close()


def test_search_page(server, browser):
    body = visit(browser, f"{server}/?q={quote('Nghị quyết 35')}", "Tìm kiếm văn bản", "search.png")
    assert "1 kết quả" in body


def test_search_page_homonyms(server, browser):
    body = visit(browser, f"{server}/?q={quote('61-KH/TU')}", "Tìm kiếm văn bản", "search-homonyms.png")
    assert "có ở 2 văn bản khác nhau" in body


def test_directive_page(server, browser):
    body = visit(browser, f"{server}/van-ban?id={quote(NQ35, safe='')}", "Nghị quyết 35-NQ/TW", "directive.png")
    assert "Được thực hiện bởi (3)" in body


def test_directive_page_source_text(server, browser):
    def open_source(page):
        page.get_by_role("tab", name="Văn bản gốc").click()
        page.locator("mark.vb-cite:visible").first.wait_for(timeout=10_000)

    visit(browser, f"{server}/van-ban?id={quote(HU102, safe='')}", "Kế hoạch 102-KH/HU", "directive-source.png",
          open_source)


def test_cascade_page(server, browser):
    def open_picture(page):
        page.get_by_role("tab", name="Sơ đồ").click()
        page.locator("[data-testid=\"stGraphVizChart\"] svg:visible").first.wait_for(timeout=15_000)

    body = visit(browser, f"{server}/cay-thuc-hien?id={quote(NQ35, safe='')}", "Cây thực hiện 35-NQ/TW",
                 "cascade.png", open_picture)
    assert "Tải CSV" in body and "Tải JSON" in body


def test_chain_coverage_and_corpus_pages(server, browser):
    body = visit(browser, f"{server}/chuoi?id={quote(HU102, safe='')}", "Chuỗi thực hiện 102-KH/HU", "chain.png")
    assert "102-KH/HU → 61-KH/TU → 35-NQ/TW" in body.replace("\n", " ")
    visit(browser, f"{server}/do-phu?id={quote(NQ35, safe='')}", "Độ phủ 35-NQ/TW", "coverage.png")
    visit(browser, f"{server}/kho-du-lieu", "Kho dữ liệu", "corpus.png")
