"""The reviewer's day in a real browser (Debian's Chromium driven by Playwright): the printed page
beside a finding with its place boxed, page turning and zoom; accepting false alarms with a reason
and taking one back; searching findings with the filters in the URL; the phone layout (390 px).
Screenshots go to $YUSUAN_SCREENSHOTS (or tmp)."""
from __future__ import annotations

import io
import re

import pytest
import test_browser
from test_browser import CHROMIUM, SAMPLES, pytestmark, upload  # noqa: F401  (pytestmark: the same skip)

# test_browser's fixtures, by assignment (pytest finds them by name; an imported name a test's
# parameter shadows reads as an unused import redefined).
server, page, shots = test_browser.server, test_browser.page, test_browser.shots

WANLI_2025 = SAMPLES / "pdf" / "putuo-wanli-2025-dept-budget.pdf"
REFERENCE = SAMPLES / "yangquan-civil-affairs-2025-dept-budget.txt"


@pytest.fixture(scope="module")
def docs(page, server):
    """The Wanli street office's 2025 PDF and the Yangquan reference text, uploaded once."""
    upload(page, server, WANLI_2025, REFERENCE)
    links = page.locator("#documents a")
    ids = {links.nth(i).inner_text(): links.nth(i).get_attribute("href") for i in range(links.count())}
    return {"pdf": server + next(h for t, h in ids.items() if "万里" in t),
            "txt": server + next(h for t, h in ids.items() if "民政局" in t)}


def red_pixels(png: bytes, box: tuple[float, ...], scale: float) -> int:
    """How many pure-red outline pixels lie on the box's top edge in the page picture."""
    from PIL import Image

    img = Image.open(io.BytesIO(png)).convert("RGB")
    y = int(box[1] * scale) - 3
    xs = range(int(box[0] * scale), int(box[2] * scale))
    return sum(img.getpixel((x, yy)) == (220, 0, 0) for x in xs for yy in (y - 1, y, y + 1))


def open_source(page, finding) -> None:
    finding.locator("button", has_text="查看原").click()
    page.wait_for_selector(".source-panel")


def test_the_page_beside_a_finding_is_shown_with_its_place_boxed(page, docs, shots):
    page.goto(docs["pdf"])
    finding = page.locator(".finding", has_text="计划生育事务").first
    open_source(page, finding)
    img = page.locator(".source-panel img.page-img")
    page.wait_for_function("() => { const i = document.querySelector('img.page-img'); return i && i.complete && i.naturalWidth > 0; }")
    assert "第 7 / 31 页" in page.inner_text(".source-bar")
    box = tuple(float(x) for x in img.get_attribute("data-box").split(","))
    png = page.request.get(img.evaluate("i => i.src")).body()
    assert red_pixels(png, box, 1.5) > (box[2] - box[0]) * 1.5, "the finding's line must be outlined in red"
    page.locator(".source-panel").screenshot(path=str(shots / "10-page-beside-finding.png"))
    page.screenshot(path=str(shots / "11-document-with-page.png"))

    page.click(".source-bar button[aria-label=下一页]")
    page.wait_for_selector(".source-panel[data-page='8']")
    assert "第 8 / 31 页" in page.inner_text(".source-bar")
    assert "/pages/8.png" in page.locator("img.page-img").get_attribute("src")
    page.click(".source-bar button[aria-label=上一页]")
    page.wait_for_selector(".source-panel[data-page='7']")

    page.click(".source-bar button:has-text('放大')")
    page.wait_for_selector(".page-view.zoom-2 img.page-img")
    page.wait_for_function("() => document.querySelector('img.page-img').naturalWidth > 0")
    frame = page.locator(".page-view")
    assert frame.evaluate("f => f.scrollWidth > f.clientWidth * 1.5"), "zoomed in, the page is wider than its frame"
    assert frame.evaluate("f => f.scrollTop > 0"), "the boxed place is scrolled into view"
    page.locator(".source-panel").screenshot(path=str(shots / "12-page-zoomed.png"))


def test_a_table_cell_is_boxed_on_its_own_page(page, docs):
    page.goto(docs["pdf"] + "?rounding=1&q=城乡社区支出")
    finding = page.locator(".finding", has_text="收入预算总表").first
    open_source(page, finding)
    img = page.locator("img.page-img")
    assert "第 12 / 31 页" in page.inner_text(".source-bar")
    x0, top, x1, bottom = (float(x) for x in img.get_attribute("data-box").split(","))
    assert x1 - x0 < 200 and bottom - top < 40, "a cell, not the whole row or page"


def test_text_sources_show_the_lines_around_a_finding(page, docs, shots):
    page.goto(docs["txt"] + "?q=下降(增长)")
    open_source(page, page.locator(".finding").first)
    marked = page.locator(".source-panel tr.marked")
    assert marked.count() == 1 and "下降(增长)" in marked.inner_text()
    assert page.locator(".source-panel tr").count() >= 5, "lines either side are shown"
    page.locator(".source-panel").screenshot(path=str(shots / "13-source-lines.png"))


def count_in_tab(page, tab: str) -> int:
    return int(re.search(r"（(\d+)）", page.inner_text(f".tabs a:has-text('{tab}')")).group(1))


def test_accept_several_with_a_reason_then_undo_one(page, docs, shots):
    page.goto(docs["txt"])
    open_before, accepted_before = count_in_tab(page, "待处理"), count_in_tab(page, "已接受")
    picks = page.locator(".finding.warning input.pick")
    picks.nth(0).check()
    picks.nth(1).check()
    assert "已选 2 条" in page.inner_text(".batchbar")
    page.fill(".batchbar input[name=reason]", "单位名称简称，经核实无误")
    page.once("dialog", lambda d: d.accept())
    page.click("#accept-selected")
    page.wait_for_load_state("networkidle")
    assert count_in_tab(page, "已接受") >= accepted_before + 2
    assert count_in_tab(page, "待处理") <= open_before - 2

    page.click("#tab-accepted")
    page.wait_for_url(re.compile(r"tab=accepted"))
    card = page.locator(".finding.accepted", has_text="单位名称简称").first
    text = card.inner_text()
    assert "理由：单位名称简称，经核实无误" in text and "本机用户" in text and "北京时间" in text
    card.screenshot(path=str(shots / "14-accepted-card.png"))
    accepted = count_in_tab(page, "已接受")
    page.once("dialog", lambda d: d.accept())
    card.locator("button", has_text="撤销接受").click()
    page.wait_for_load_state("networkidle")
    assert count_in_tab(page, "已接受") < accepted
    assert "tab=accepted" in page.url, "undo returns to the list it came from"

    page.goto(docs["txt"])
    cancelled = count_in_tab(page, "已接受")
    page.locator(".finding.error input.pick").first.check()
    page.once("dialog", lambda d: d.dismiss())  # a reviewer who changes their mind accepts nothing
    page.click("#accept-selected")
    page.wait_for_timeout(300)
    assert count_in_tab(page, "已接受") == cancelled


def test_search_findings_with_filters_in_the_url(page, docs, shots):
    page.goto(docs["txt"])
    total = page.locator("#findings .finding").count()
    page.fill("#finding-filters input[type=search]", "绩效目标表")
    page.wait_for_url(re.compile(r"q=%E7%BB%A9"))
    page.wait_for_function(f"() => document.querySelectorAll('#findings .finding').length < {total}")
    shown = page.locator("#findings .finding")
    assert 0 < shown.count() < total
    assert all("绩效目标表" in shown.nth(i).inner_text() for i in range(shown.count()))
    page.select_option("#finding-filters select[name=group]", "checklist")
    page.wait_for_url(re.compile(r"group=checklist"))
    headings = page.locator("#findings h3.group").all_inner_texts()
    assert "项目说明/绩效目标表" in headings, headings
    page.screenshot(path=str(shots / "15-search.png"))
    shared = page.url
    page.go_back()
    page.wait_for_url(lambda url: "group=checklist" not in url)
    page.goto(shared)  # a shared link opens the same view
    assert page.input_value("#finding-filters input[type=search]") == "绩效目标表"
    assert page.locator("#finding-filters select[name=group]").input_value() == "checklist"


def test_reading_notes_fold_and_rounding_hides(page, docs):
    page.goto(docs["txt"])
    notes = page.locator("details.notes")
    assert notes.count() >= 1 and "读取提示" in notes.first.inner_text()
    assert not notes.first.locator(".finding").first.is_visible(), "folded until opened"
    notes.first.locator("summary").click()
    assert notes.first.locator(".finding").first.is_visible()
    cards = page.locator("#findings .finding .msg")
    assert not any("属尾差" in t for t in cards.all_inner_texts())
    page.click("#show-rounding")
    page.wait_for_url(re.compile(r"rounding=1"))
    assert any("属尾差" in t for t in cards.all_inner_texts())


def no_overlap(boxes: list[dict]) -> bool:
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"] and \
               a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]:
                return False
    return True


def test_phone_layout_has_no_overflow_or_overlap(page, docs, server, shots):
    phone = page.context.browser.new_page(viewport={"width": 390, "height": 844}, locale="zh-CN",
                                          device_scale_factor=2, is_mobile=True, has_touch=True)
    try:
        for url, name in ((server + "/", "16-phone-home.png"), (docs["pdf"], "17-phone-document.png")):
            phone.goto(url)
            assert phone.evaluate("document.documentElement.scrollWidth") <= 390, f"{url} scrolls sideways"
            header = [phone.locator("header.top > *").nth(i).bounding_box()
                      for i in range(phone.locator("header.top > *").count())]
            assert no_overlap(header) and all(b["x"] + b["width"] <= 390 for b in header)
            phone.screenshot(path=str(shots / name))
        blocks = [phone.locator(sel).bounding_box() for sel in ("h1", ".docmeta", "#findings-panel", ".layout > div")]
        assert no_overlap(blocks), blocks
        assert all(b["x"] >= 0 and b["x"] + b["width"] <= 390 for b in blocks), blocks
        filters = phone.locator("#finding-filters > *")
        fboxes = [filters.nth(i).bounding_box() for i in range(filters.count())]
        assert no_overlap([b for b in fboxes if b]) and all(b["x"] + b["width"] <= 390 for b in fboxes if b)
        open_source(phone, phone.locator(".finding").first)
        phone.wait_for_function("() => document.querySelector('img.page-img').naturalWidth > 0")
        panel = phone.locator(".source-panel").bounding_box()
        assert panel["x"] >= 0 and panel["x"] + panel["width"] <= 390
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        phone.locator(".finding").first.screenshot(path=str(shots / "18-phone-page-beside.png"))
    finally:
        phone.close()


def test_home_search_without_a_year(page, server):
    page.goto(server + "/")
    with page.expect_response(lambda r: "/?q=" in r.url) as resp:
        page.fill(".filters input[name=q]", "万里")
    assert resp.value.status == 200
    page.wait_for_function("() => !document.querySelector('#doc-list').innerText.includes('民政局')")
    assert "万里" in page.inner_text("#doc-list")


def test_a_marked_cell_leads_to_its_finding_even_when_hidden_as_rounding(page, docs):
    page.goto(docs["pdf"])
    page.click("button[data-fold=open]")  # t02 has only rounding notes: folded until opened
    link = page.locator("table[data-table=t02] td.info a").first
    target = link.get_attribute("href")
    assert page.locator(target).count() == 0  # rounding is hidden by default
    link.click()
    page.wait_for_url(re.compile(r"rounding=1"))
    assert page.locator(target).count() == 1 and "属尾差" in page.locator(target).inner_text()
