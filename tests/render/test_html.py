"""HTML: one self-contained page with navigation, every table, the narrative, targets and charts."""
from __future__ import annotations

import re

import pytest

from yusuan.render.html import ECHARTS, publication_html


@pytest.fixture(scope="module")
def page(reference):
    return publication_html(reference)


def test_page_is_self_contained_and_offline(page):
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"(https?:)?//", page)
    assert ECHARTS.read_text(encoding="utf-8")[:200] in page  # the vendored ECharts, inlined


def test_every_navigation_link_has_its_target(page):
    ids = set(re.findall(r'id="([^"]+)"', page))
    links = re.findall(r'href="#([^"]+)"', page)
    assert links and set(links) <= ids


def test_tables_narrative_and_targets_are_all_there(reference, page):
    for t in reference.tables:
        assert f">{t.title}<" in page
    assert "4411.49" in page and "4411. 49" not in page
    assert page.count('class="target"') == len(reference.targets)
    assert "主要原因是：2025年按照市级财政预算安排" in page


def test_charts_are_echarts_options_from_the_tables(page):
    assert page.count('data-chart="three_public"') == 2  # the overview and where the text names it
    assert '"三公经费分布图"' in page and '"18.50"' in page
    assert "year_over_year" not in page  # the Shanxi tables print no last-year figures


def test_referencing_the_script_instead_of_inlining(reference):
    page = publication_html(reference, echarts_src="static/vendor/echarts-5.6.0.min.js")
    assert '<script src="static/vendor/echarts-5.6.0.min.js"></script>' in page
    assert len(page) < 1_000_000
