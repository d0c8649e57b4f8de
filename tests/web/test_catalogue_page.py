"""The catalogue page: counts per classification and year, one year's list, and a form that imports
a bureau's official list, which the page then shows and exports as it was imported."""
from __future__ import annotations

import csv
import io

import pytest
from test_orgs import Browser  # form posts carry the page's CSRF token

OFFICIAL = "科目编码,科目名称\n20113,商贸事务\n2011301,行政运行\n2011308,招商引资\n"


@pytest.fixture
def web(make_app, store_config, monkeypatch):
    monkeypatch.setenv("YUSUAN_DATA_DIR", str(store_config.data_dir))
    return Browser(make_app())


def test_the_page_counts_and_lists_a_year_in_chinese(web):
    page = web.get("/catalogue").text
    assert "科目目录" in page and 'href="/catalogue"' in page and "支出功能分类" in page
    assert "尚未导入本地目录" in page
    year = web.get("/catalogue?year=2017&kind=function").text
    assert "<td>210</td><td>医疗卫生与计划生育支出</td>" in year and "<td>210</td><td>卫生健康支出</td>" not in year
    assert "<td>210</td><td>卫生健康支出</td>" in web.get("/catalogue?year=2025").text


def test_a_list_imported_by_the_form_is_shown_and_exported_as_imported(web):
    r = web.post("/catalogue/import", data={"year": "2026"},
                 files={"list": ("2026年科目.csv", OFFICIAL.encode("utf-8"), "text/csv")})
    assert r.status_code == 200 and "已导入 3 个科目（2026年）" in r.text
    assert "招商引资" in web.get("/catalogue").text
    exported = web.get("/catalogue.csv")
    assert exported.status_code == 200
    rows = list(csv.DictReader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert [(r["科目编码"], r["科目名称"]) for r in rows] == [("20113", "商贸事务"), ("2011301", "行政运行"),
                                                         ("2011308", "招商引资")]


def test_a_file_without_codes_is_a_chinese_message(web):
    r = web.post("/catalogue/import", files={"list": ("x.csv", "甲,乙\n1,2\n".encode("utf-8"), "text/csv")})
    assert r.status_code == 200 and "没有找到科目" in r.text
