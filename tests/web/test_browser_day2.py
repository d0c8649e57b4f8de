"""The reviewer's day, part two, in a real browser (Debian's Chromium driven by Playwright), at
desktop and phone (390 px) widths: deleting a wrong upload (confirmed, on the record); the
bureau's checklist workbook refused; a filter with no match; 部门与单位 telling the truth; tables
readable on a phone (the web app's and the built HTML's); accepting all findings like one, back
where the reviewer was, with a confirmation; the document folded by section; demo mode.
Screenshots go to $YUSUAN_SCREENSHOTS (or tmp)."""
from __future__ import annotations

import re

import pytest
import test_browser
from test_browser import SAMPLES, free_port, pytestmark, serving, upload  # noqa: F401  (pytestmark: the same skip)

server, page, shots = test_browser.server, test_browser.page, test_browser.shots

REFERENCE = SAMPLES / "yangquan-civil-affairs-2025-dept-budget.txt"
PDF = SAMPLES / "pdf"
CHECKLIST = SAMPLES / "checklists" / "putuo-justice-2026-dept-budget.review.xlsx"
LISTING = ("部门,单位\n上海市普陀区人民政府办公室,上海市普陀区人民政府办公室\n"
           "上海市普陀区人民政府办公室,上海市普陀区人民政府外事办公室\n"
           "上海市普陀区规划和自然资源局,\n上海市普陀区人民政府万里街道办事处,\n阳泉市民政局,\n")


def phone_page(page):
    return page.context.browser.new_page(viewport={"width": 390, "height": 844}, locale="zh-CN",
                                         device_scale_factor=2, is_mobile=True, has_touch=True)


def doc_href(page, server, text: str) -> str:
    page.goto(server + "/")
    return server + page.locator("#documents a", has_text=text).first.get_attribute("href")


@pytest.fixture(scope="module")
def reference(page, server):
    upload(page, server, REFERENCE)
    return doc_href(page, server, "阳泉市民政局")


def test_the_bureaus_checklist_is_refused_with_a_clear_message(page, server, shots):
    upload(page, server, CHECKLIST)
    msg = page.inner_text("#doc-list p.msg.error")
    assert "公开情况检查表" in msg and "不是部门（单位）预算或决算公开文件" in msg
    assert "未识别" not in page.inner_text("#documents")
    page.screenshot(path=str(shots / "30-checklist-refused.png"))


def test_a_filter_with_no_match_says_so(page, server, reference):
    page.goto(server + "/")
    page.fill(".filters input[name=q]", "没有这个部门")
    page.wait_for_function("() => document.querySelector('#doc-list').innerText.includes('没有符合筛选条件的文档')")
    assert "还没有文档" not in page.inner_text("#doc-list")


def test_accept_all_like_this_one_keeps_the_place_and_confirms(page, reference, shots):
    page.goto(reference)
    like = page.locator("#accept-form > .finding button.like").last  # far down the findings panel
    count = int(like.get_attribute("data-count"))
    card = like.locator("xpath=ancestor::div[contains(@class,'finding')]")
    message = card.locator(".msg").inner_text()
    like.scroll_into_view_if_needed()
    panel_before = page.evaluate("document.getElementById('findings-panel').scrollTop")
    window_before = page.evaluate("window.scrollY")
    accepted_before = accepted_count(page)
    asked = []
    page.once("dialog", lambda d: (asked.append(d.message), d.accept()))
    with page.expect_navigation():
        like.click()
    assert f"同一规则、同一原因的 {count} 条发现" in asked[0]
    toast = page.locator("#toast")
    assert toast.is_visible() and f"已将 {count} 条发现标记为误报" in toast.inner_text()
    assert accepted_count(page) == accepted_before + count
    panel_after = page.evaluate("document.getElementById('findings-panel').scrollTop")
    most = page.evaluate("(p => p.scrollHeight - p.clientHeight)(document.getElementById('findings-panel'))")
    assert panel_before + window_before > 0
    assert abs(panel_after - min(panel_before, most)) <= 2, "back where the reviewer was in the panel"
    assert abs(page.evaluate("window.scrollY") - window_before) <= 2, "and on the page"
    page.screenshot(path=str(shots / "31-accepted-all-like-this.png"))
    assert message not in page.locator("#findings .finding .msg").all_inner_texts()


def accepted_count(page) -> int:
    return int(re.search(r"（(\d+)）", page.inner_text("#tab-accepted")).group(1))


def test_the_document_page_folds_by_section(page, reference, shots):
    page.goto(reference)
    folded = page.evaluate("document.documentElement.scrollHeight")
    page.click("button[data-fold=open]")
    unfolded = page.evaluate("document.documentElement.scrollHeight")
    assert folded * 3 < unfolded and folded < 5000, (folded, unfolded)
    page.click("button[data-fold=close]")
    links = page.locator(".finding .meta a[href^='#t']")
    target = next(h for h in (links.nth(i).get_attribute("href") for i in range(links.count()))
                  if not page.evaluate(f"document.getElementById('{h[1:]}').closest('details').open"))
    page.locator(f".finding .meta a[href='{target}']").first.click()
    assert page.evaluate(f"document.getElementById('{target[1:]}').closest('details').open")
    assert page.locator(target).is_visible()
    page.screenshot(path=str(shots / "32-document-folded.png"))


def test_delete_a_wrong_upload_with_confirmation_and_a_record(page, server, shots):
    upload(page, server, PDF / "putuo-wanli-2024-dept-budget.pdf")
    href = doc_href(page, server, "万里街道")
    page.goto(href)
    page.click("#delete-doc summary")
    page.fill("#delete-doc input[name=reason]", "上传错了年度")
    page.once("dialog", lambda d: d.dismiss())  # changed their mind: nothing deleted
    page.click("#delete-doc button[type=submit]")
    page.wait_for_timeout(300)
    assert page.url == href
    asked = []
    page.once("dialog", lambda d: (asked.append(d.message), d.accept()))
    with page.expect_navigation():
        page.click("#delete-doc button[type=submit]")
    assert "万里街道" in asked[0] and "不可恢复" in asked[0]
    assert "已删除 上海市普陀区人民政府万里街道办事处 2024（第1版" in page.inner_text("p.msg.ok")
    assert "万里街道" not in page.inner_text("#documents")
    page.screenshot(path=str(shots / "33-deleted.png"))
    page.click("text=删除记录")
    row = page.locator("#deletions tbody tr").first.inner_text()
    assert "本机用户" in row and "上传错了年度" in row and "万里街道" in row and "2024" in row
    page.screenshot(path=str(shots / "34-deletions.png"))


def test_orgs_tell_the_truth_at_desktop_and_phone_widths(page, server, shots, tmp_path):
    listing = tmp_path / "名录.csv"
    listing.write_text(LISTING, encoding="utf-8")
    page.goto(server + "/orgs")
    page.set_input_files("input[name=list]", str(listing))
    page.click("form[action='/orgs/list'] button")
    assert "已导入单位名录：4 个部门，所属单位 2 个。" in page.inner_text("p.msg.ok")
    page.set_input_files("form[action='/orgs/upload'] input[accept]", [str(PDF / "putuo-govoffice-2025-dept-budget.pdf"),
                                                                       str(PDF / "putuo-govoffice-2025-unit-budget.pdf")])
    page.click("form[action='/orgs/upload']:has(input[accept]) button")
    page.wait_for_selector("#org-status", timeout=120_000)
    office = page.locator("#org-status tr", has_text="上海市普陀区人民政府办公室").locator("td[data-column='2025-budget']")
    text = office.inner_text()
    assert "部门：已上传" in text and "单位：已上传 1/2" in text and "需复核" in text, text
    plan = page.locator("#org-status tr", has_text="规划和自然资源局").locator("td[data-column='2025-budget']")
    assert plan.inner_text().strip() == "未上传"
    assert "未公开" not in page.inner_text("#org-status")
    page.screenshot(path=str(shots / "35-orgs.png"), full_page=True)
    phone = phone_page(page)
    try:
        phone.goto(server + "/orgs")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        cell = phone.locator("#org-status td.status").first.bounding_box()
        assert cell["width"] >= 200, "a status cell is wide enough to read (the table scrolls sideways)"
        phone.locator("#org-status").scroll_into_view_if_needed()
        phone.screenshot(path=str(shots / "36-phone-orgs.png"))
    finally:
        phone.close()


def test_an_organisations_page_lists_its_publications_and_reconciles_its_units(page, server, shots):
    """After the 部门与单位 test: the 区府办's 部门预算 and 单位预算 of 2025 are uploaded."""
    page.goto(server + "/orgs")
    page.click("#org-status a:has-text('上海市普陀区人民政府办公室')")
    page.wait_for_selector("#org-publications")
    row = page.locator("#org-publications tr[data-column='2025-budget']").inner_text()
    assert row.count("上海市普陀区人民政府办公室") == 2 and "预算" in row
    recon = page.locator("table.recon[data-column='2025-budget']")
    assert recon.locator("tbody tr").count() >= 10 and recon.locator("tr.off").count() == 0
    assert "名录中未上传的单位：上海市普陀区人民政府外事办公室" in page.inner_text("main")
    cross = page.inner_text("#cross-findings")
    assert "跨文件核对：所属单位 2025年单位预算（上海市普陀区人民政府办公室）" in cross
    assert "跨文件核对：所属部门 2025年部门预算" in cross
    page.screenshot(path=str(shots / "40-organisation.png"), full_page=True)
    phone = phone_page(page)
    try:
        phone.goto(page.url)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        recon_box = phone.locator("table.recon").first.bounding_box()
        assert recon_box["width"] > 390, "the reconciliation table keeps its columns and scrolls sideways"
        label = phone.locator("table.recon tbody tr").first.locator("td").nth(1).bounding_box()
        assert label["width"] >= 150, "the total's name is not squeezed to a character a line"
        phone.screenshot(path=str(shots / "41-phone-organisation.png"))
    finally:
        phone.close()


def test_phone_tables_keep_the_name_column_readable(page, reference, shots):
    phone = phone_page(page)
    try:
        phone.goto(reference)
        phone.click("button[data-fold=open]")
        table = phone.locator("table.grid[data-table=t02]")
        table.scroll_into_view_if_needed()
        name = table.locator("tbody tr").first.locator("td").nth(1).bounding_box()
        assert name["width"] >= 100, name
        frame = table.locator("xpath=..")
        assert frame.evaluate("f => f.scrollWidth > f.clientWidth"), "the table scrolls sideways instead"
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        phone.screenshot(path=str(shots / "37-phone-table.png"))
    finally:
        phone.close()


def test_the_built_html_on_a_phone_keeps_digits_apart(page, shots, tmp_path):
    from yusuan.author import build_disclosure
    from yusuan.render import render

    (html,) = render(build_disclosure(SAMPLES.parent / "src" / "yusuan" / "author" / "samples" / "yangquan-2025.xlsx"),
                     ["html"], tmp_path)
    phone = phone_page(page)
    try:
        phone.goto(html.as_uri())
        overflowing = phone.evaluate("""() => [...document.querySelectorAll('td.amount')]
            .filter(td => td.textContent.trim() && td.scrollWidth > td.clientWidth + 1).map(td => td.textContent)""")
        assert overflowing == [], overflowing[:5]
        phone.locator(".table-block").first.scroll_into_view_if_needed()
        phone.screenshot(path=str(shots / "38-phone-built-html.png"))
    finally:
        phone.close()


def test_demo_mode_has_its_banner_and_its_own_store(page, shots, tmp_path):
    from yusuan.store import StoreConfig
    from yusuan.web import WebConfig, create_app

    config = StoreConfig(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path}/real.db")
    with serving(create_app(WebConfig(store=config, demo=True))) as url:
        page.goto(url + "/")
        assert "演示模式" in page.inner_text("#demo-banner") and "阳泉市民政局" in page.inner_text("#documents")
        page.screenshot(path=str(shots / "39-demo.png"))
        phone = phone_page(page)
        try:
            phone.goto(url + "/")
            banner = phone.locator("#demo-banner").bounding_box()
            assert banner["x"] >= 0 and banner["x"] + banner["width"] <= 390
        finally:
            phone.close()
    with serving(create_app(WebConfig(store=config))) as url:
        page.goto(url + "/")
        assert page.locator("#demo-banner").count() == 0 and "还没有文档" in page.inner_text("#doc-list")
