"""In a real browser (Debian's Chromium driven by Playwright): upload, see a marked cell, accept a
finding, compare two years of the 万里街道 budget. Screenshots go to $YUSUAN_SCREENSHOTS (or tmp)."""
from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"), reason="Debian chromium not installed"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from yusuan.store import StoreConfig
    from yusuan.web import WebConfig, create_app

    data = tmp_path_factory.mktemp("web-data")
    with serving(create_app(WebConfig(store=StoreConfig(data_dir=data, database_url=f"sqlite:///{data}/b.db")))) as url:
        yield url


@contextlib.contextmanager
def serving(app):
    """The app served by uvicorn on a free port in a thread, until the block ends."""
    import uvicorn

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
        )
        pg = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
        pg.set_default_timeout(60_000)
        yield pg
        browser.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    d = Path(os.environ.get("YUSUAN_SCREENSHOTS") or tmp_path_factory.mktemp("shots"))
    d.mkdir(parents=True, exist_ok=True)
    return d


def upload(page, server, *paths: Path) -> None:
    page.goto(server + "/")
    page.set_input_files("#upload input[type=file]", [str(p) for p in paths])
    page.click("#upload button[type=submit]")
    page.wait_for_selector("#doc-list p.msg", timeout=120_000)


def test_upload_the_reference_and_see_a_marked_cell(page, server, shots):
    upload(page, server, SAMPLES / "yangquan-civil-affairs-2025-dept-budget.txt")
    assert "已保存" in page.inner_text("#doc-list")
    page.screenshot(path=str(shots / "01-list.png"))
    page.click("text=阳泉市民政局")
    page.wait_for_selector("table.grid[data-table=t02]", state="attached")  # folded to its title
    assert "2025年预算收入总表" in page.inner_text("body")
    page.click("button[data-fold=open]")  # the tables are folded to their titles
    marked = page.locator("td.error, td.warning")
    assert marked.count() > 0, "an offending cell must be marked"
    marked.first.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "02-document.png"))
    assert page.locator(".finding.error").count() > 0


def test_accept_a_finding(page, server, shots):
    page.goto(server + "/documents/1")
    before = page.locator(".finding.accepted").count()
    first = page.locator(".finding.error").first
    first.locator("input.reason").fill("已与编制单位核实")
    page.once("dialog", lambda d: d.accept())  # the confirmation
    first.locator("button[name=one]").click()
    page.wait_for_load_state("networkidle")
    page.click("#tab-accepted")
    page.wait_for_selector(".finding.accepted")
    assert page.locator(".finding.accepted").count() == before + 1
    assert "已接受" in page.inner_text("#findings")
    page.locator(".finding.accepted").first.screenshot(path=str(shots / "03-accepted.png"))


def test_compare_two_years_of_the_street_office(page, server, shots):
    upload(page, server, SAMPLES / "pdf" / "putuo-wanli-2024-dept-budget.pdf", SAMPLES / "pdf" / "putuo-wanli-2025-dept-budget.pdf")
    text = page.inner_text("#doc-list")
    assert text.count("万里街道") >= 2, text
    page.goto(server + "/compare")
    options = page.locator("#cmp-a option")
    labels = [options.nth(i).inner_text() for i in range(options.count())]
    y2024 = next(i for i, t in enumerate(labels) if "万里" in t and "2024" in t)
    y2025 = next(i for i, t in enumerate(labels) if "万里" in t and "2025" in t)
    page.select_option("#cmp-a", index=y2024)
    page.select_option("#cmp-b", index=y2025)
    page.click("form.filters button")
    page.wait_for_selector("table.compare")
    body = page.inner_text("body")
    assert "2024" in body and "2025" in body and "增减" in body
    page.screenshot(path=str(shots / "04-compare.png"), full_page=False)
