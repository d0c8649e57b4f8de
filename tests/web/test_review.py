"""The reviewer's pages without a browser, on SQLite and PostgreSQL: the page picture of a finding
(boxed, cached, 304 on a second ask), source lines of a text file, accepting several findings with
one reason and undoing, filters in the URL, the home search with an empty year."""
import io
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
WANLI = SAMPLES / "pdf" / "putuo-wanli-2025-dept-budget.pdf"


@pytest.fixture
def site(make_app, reference_path):
    """A browser-like client (session cookie, CSRF token from the page) with two documents."""
    app = make_app()
    up = TestClient(app)
    ids = {}
    for key, path in (("txt", reference_path), ("pdf", WANLI)):
        r = up.post("/api/documents", files={"files": (path.name, path.read_bytes())})
        ids[key] = r.json()["documents"][0]["id"]
    client = TestClient(app)
    client.ids = ids
    return client


def token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def fingerprints(html: str) -> list[str]:
    return re.findall(r'data-fp="([0-9a-f]{16})"', html)


def test_home_search_with_an_empty_year_is_not_an_error(site):
    r = site.get("/", params={"q": "阳泉", "year": "", "level": "", "template": ""})
    assert r.status_code == 200 and "阳泉市民政局" in r.text and "万里" not in r.text
    assert "阳泉市民政局" in site.get("/", params={"year": "2025"}).text
    assert "阳泉市民政局" not in site.get("/", params={"year": "2024"}).text


def test_the_page_picture_of_a_finding_is_boxed_and_cached(site):
    from PIL import Image

    doc = site.ids["pdf"]
    page = site.get(f"/documents/{doc}", params={"q": "计划生育事务"}).text
    fp = fingerprints(page)[0]
    panel = site.get(f"/documents/{doc}/findings/{fp}/source").text
    assert "第 7 / 31 页" in panel and "红框" in panel
    src = re.search(r'src="([^"]+\.png[^"]*)"', panel).group(1).replace("&amp;", "&")
    box = [float(x) for x in re.search(r'data-box="([^"]+)"', panel).group(1).split(",")]
    r = site.get(src)
    assert r.status_code == 200 and r.headers["content-type"] == "image/png"
    img = Image.open(io.BytesIO(r.content)).convert("RGB")
    top = int(box[1] * 1.5) - 3
    assert sum(img.getpixel((x, top)) == (220, 0, 0) for x in range(int(box[0] * 1.5), int(box[2] * 1.5))) > 100
    again = site.get(src, headers={"If-None-Match": r.headers["etag"]})
    assert again.status_code == 304 and not again.content
    plain = site.get(f"/documents/{doc}/pages/8.png")  # turning pages: any page, no box
    assert plain.status_code == 200 and plain.headers["etag"] != r.headers["etag"]
    assert site.get(f"/documents/{doc}/pages/99.png").status_code == 404
    assert site.get(f"/documents/{site.ids['txt']}/pages/1.png").status_code == 404


def test_a_text_source_shows_the_lines_around_a_finding(site):
    doc = site.ids["txt"]
    fp = fingerprints(site.get(f"/documents/{doc}", params={"q": "下降(增长)"}).text)[0]
    panel = site.get(f"/documents/{doc}/findings/{fp}/source").text
    marked = re.findall(r'<tr class="marked"><th>(\d+)</th>', panel)
    assert marked == ["589"] and "下降(增长)" in panel
    assert site.get(f"/documents/{doc}/findings/0000000000000000/source").status_code == 404


def test_accept_several_with_one_reason_then_undo(site):
    doc = site.ids["txt"]
    page = site.get(f"/documents/{doc}", params={"severity": "warning"}).text
    picks = re.findall(r'name="fp" value="([0-9a-f,]+)"', page)
    before = site.get(f"/api/documents/{doc}").json()["counts"]["warning"]
    r = site.post(f"/documents/{doc}/acceptances", data={
        "csrf_token": token(page), "fp": picks[:2], "reason": "名称简写，已核实", "back": f"/documents/{doc}?severity=warning"},
        follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/documents/{doc}?severity=warning"
    accepted = [fp for p in picks[:2] for fp in p.split(",")]
    assert site.get(f"/api/documents/{doc}").json()["counts"]["warning"] == before - len(accepted)
    tab = site.get(f"/documents/{doc}", params={"tab": "accepted"}).text
    assert tab.count("理由：名称简写，已核实") == 2 and "本机用户" in tab and "北京时间" in tab
    assert "已接受（%d）" % len(accepted) in tab

    r = site.post(f"/documents/{doc}/acceptances/undo", data={"csrf_token": token(tab), "fp": picks[0],
                  "back": "https://elsewhere.example/"}, follow_redirects=False)
    assert r.headers["location"] == f"/documents/{doc}"  # never sent off the site
    assert site.get(f"/api/documents/{doc}").json()["counts"]["warning"] == before - len(accepted) + len(picks[0].split(","))

    one = site.post(f"/documents/{doc}/acceptances", data={
        "csrf_token": token(tab), "one": f"7|{picks[2]}", "reason-7": "单条理由", "reason": ""}, follow_redirects=False)
    assert one.status_code == 303
    assert "理由：单条理由" in site.get(f"/documents/{doc}", params={"tab": "accepted"}).text
    nothing = site.post(f"/documents/{doc}/acceptances", data={"csrf_token": token(tab), "reason": "x"})
    assert nothing.status_code == 400 and "勾选" in nothing.text
    # a browser page (it sends Origin) with a forged token; programs without Origin need none (docs/api.md)
    forged = site.post(f"/documents/{doc}/acceptances", data={"fp": picks[3], "csrf_token": "forged"},
                       headers={"Origin": "http://testserver"})
    assert forged.status_code == 403


def test_filters_live_in_the_url_and_speak_chinese(site):
    doc = site.ids["txt"]
    everything = site.get(f"/documents/{doc}").text
    searched = site.get(f"/documents/{doc}", params={"q": "绩效目标表 年度资金"}).text
    assert 0 < len(fingerprints(searched)) < len(fingerprints(everything))
    assert 'value="绩效目标表 年度资金"' in searched
    grouped = site.get(f"/documents/{doc}", params={"group": "checklist"}).text
    assert '<h3 class="group">项目说明/绩效目标表</h3>' in grouped
    rounding = site.get(f"/documents/{doc}", params={"rounding": "1"}).text
    assert "“total”列" not in rounding and "“本年收入/合计”列" in rounding  # printed labels, not column keys
    assert re.search(r'href="#t02-r\d+-c\d+"', rounding) and '-total"' not in rounding  # anchors: columns by position
    partial = site.get(f"/documents/{doc}", params={"q": "尾差"}, headers={"HX-Request": "true", "HX-Target": "findings"})
    assert partial.text.lstrip().startswith("<div id=\"findings\">") or 'id="findings"' in partial.text[:300]
