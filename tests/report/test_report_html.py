"""HTML page: self-contained, tables as printed, offending cells marked and linked both ways, escaped."""
from __future__ import annotations

import re

from html_page import page as _page
from report_sample import SENTENCE, sample

from yusuan.report import render_html


def _number_of(html: str, rule: str) -> str:
    """The number of the finding of `rule` (kept in a data attribute: the page shows its title, not its id)."""
    return re.search(rf'id="f(\d+)" data-rule="{re.escape(rule)}"', html).group(1)


def test_self_contained_and_every_internal_link_resolves():
    d, report = sample()
    html = render_html(report, d)
    page = _page(html)
    assert page.external == [] and "<link" not in html and "<script" not in html
    assert html.startswith("<!DOCTYPE html>") and 'lang="zh-CN"' in html and "<style>" in html
    assert set(page.hrefs) <= set(page.ids), set(page.hrefs) - set(page.ids)


def test_offending_cell_marked_and_linked_both_ways():
    d, report = sample()
    html = render_html(report, d)
    page = _page(html)
    n = _number_of(html, "arith.column_total")
    cell = page.ids["t02-r0-total"]
    assert cell["tag"] == "td" and "mark-error" in cell["class"]
    cell_html = re.search(r'<td id="t02-r0-total"[^>]*>(.*?)</td>', html).group(1)
    assert cell_html.startswith("2895.74") and f'href="#f{n}"' in cell_html
    finding_html = re.search(rf'<li class="finding error" id="f{n}".*?</li>', html, re.S).group(0)
    assert 'href="#t02-r0-total"' in finding_html
    # an info on another cell is coloured as info; a row-level warning marks the row's label
    assert "mark-info" in page.ids["t02-r1-general_public"]["class"]
    assert "mark-warning" in page.ids["t02-r3"]["class"]
    assert "mark" not in page.ids["t02-r2-total"]["class"]  # untouched cells stay plain


def test_tables_rendered_as_printed():
    d, report = sample()
    html = render_html(report, d)
    head = re.search(r'<section class="table" id="t02">.*?</thead>', html, re.S).group(0)
    assert '<div class="ttitle">2025年预算收入总表' in head and "单位：万元" in head
    assert '<th colspan="2">本年收入</th>' in head and '<th rowspan="2">上年结转</th>' in head
    assert '<th rowspan="2">科目编码</th>' in head
    assert '<td id="t02-r3-code" class="code">2080201</td>' in html
    # the two-sided summary table keeps income and expenditure side by side under their headers
    summary = re.search(r'<section class="table" id="t01">.*?</section>', html, re.S).group(0)
    assert '<th colspan="2">收入</th>' in summary and '<th colspan="3">支出</th>' in summary


def test_text_is_escaped():
    d, report = sample()
    html = render_html(report, d)
    assert "<b>粗体</b>" not in html and "&lt;b&gt;粗体&lt;/b&gt;" in html
    assert "城乡低保&lt;资金&gt;" in html and "城乡低保<资金>" not in html


def test_narrative_sentence_quoted_and_target_findings_under_the_form():
    d, report = sample()
    html = render_html(report, d)
    page = _page(html)
    quote = next(i for i, a in page.ids.items() if a["tag"] == "blockquote")
    assert "mark-error" in page.ids[quote]["class"]
    assert re.search(rf'<blockquote id="{quote}"[^>]*>{re.escape(SENTENCE)}', html)
    target = re.search(r'<section class="target" id="pt01">.*?</section>', html, re.S).group(0)
    n = _number_of(html, "target.funding_sum")
    assert f'href="#f{n}"' in target and "资金来源之和不等于资金总额" in target


def test_summary_counts_and_accepted_marking():
    d, report = sample()
    _, accepted = sample(frozenset({report.findings[0].fingerprint}))
    html = render_html(accepted, d)
    assert "错误 1 条，警告 3 条，提示 1 条，已接受 1 条" in html
    assert "mark-accepted" in _page(html).ids["t02-r0-total"]["class"]
    n = _number_of(html, "arith.column_total")
    assert re.search(rf'<li class="finding accepted" id="f{n}"', html)
