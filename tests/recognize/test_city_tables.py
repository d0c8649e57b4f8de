"""One disclosure from each city and province in samples/cities, read with no profile of its own: every
printed table typed to its national kind, one table per printed table however many pages it spans.

The lists were written from the documents' own contents pages and checked page by page against poppler's
text of the PDF (`pdftotext -f N -l N -layout`: a reader other than ours), which the second test repeats:
each table's title is printed on the page its table starts on. Tables continued on later pages under the
same title are one table (西安 prints its title on every page; 长沙 repeats 财政拨款收支总体情况表 on p16).
The 国家信访局 决算's 绩效自评表 and 绩效评价 tables are not budget tables: they stay generic, and are listed.
"""
from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

import pytest

from yusuan.ingest import read_disclosure
from yusuan.model import TableKind as K
from yusuan.text.folding import fold

CITIES = Path(__file__).resolve().parents[2] / "samples" / "cities"

PRINTED = {
    "central-ca5db9ed.pdf": (  # 国家信访局 2024 决算: the national nine, then performance self-evaluations
        (7, K.INCOME_EXPENDITURE_SUMMARY), (8, K.INCOME_SUMMARY), (9, K.EXPENDITURE_SUMMARY),
        (10, K.FISCAL_SUMMARY), (11, K.GENERAL_EXPENDITURE), (12, K.GENERAL_BASIC_ECONOMIC),
        (13, K.FUND_EXPENDITURE), (14, K.STATE_CAPITAL_EXPENDITURE), (15, K.THREE_PUBLIC), (30, K.GENERIC),
        (32, K.GENERIC), (34, K.GENERIC), (35, K.GENERIC), (46, K.GENERIC), (48, K.GENERIC),
    ),
    "cq-54c6fc73.pdf": (  # 中共重庆市委宣传部 2026
        (8, K.INCOME_EXPENDITURE_SUMMARY), (9, K.INCOME_SUMMARY), (12, K.EXPENDITURE_SUMMARY),
        (15, K.FISCAL_SUMMARY), (16, K.GENERAL_EXPENDITURE), (19, K.GENERAL_BASIC_ECONOMIC),
        (22, K.FUND_EXPENDITURE), (23, K.THREE_PUBLIC), (24, K.PROCUREMENT),
    ),
    "fj-qz-09bdaf86.pdf": (  # 泉州市市场监管综合监测与技术保障中心 2026 单位预算
        (8, K.INCOME_EXPENDITURE_SUMMARY), (9, K.INCOME_SUMMARY), (10, K.EXPENDITURE_SUMMARY),
        (11, K.FISCAL_SUMMARY), (12, K.GENERAL_EXPENDITURE), (13, K.FUND_EXPENDITURE),
        (14, K.STATE_CAPITAL_EXPENDITURE), (15, K.GENERAL_ECONOMIC), (16, K.GENERAL_BASIC_ECONOMIC),
        (17, K.THREE_PUBLIC),
    ),
    "gd-gz-31f741e2.pdf": (  # 广州市信访局 2026
        (5, K.INCOME_EXPENDITURE_SUMMARY), (7, K.INCOME_SUMMARY), (8, K.EXPENDITURE_SUMMARY), (9, K.FISCAL_SUMMARY),
        (11, K.GENERAL_EXPENDITURE), (12, K.GENERAL_BASIC_ECONOMIC), (14, K.GENERAL_PROJECT_ECONOMIC),
        (15, K.THREE_PUBLIC), (16, K.FUND_EXPENDITURE), (17, K.STATE_CAPITAL_EXPENDITURE),
        (18, K.BASIC_EXPENDITURE), (19, K.PROJECTS),
    ),
    "gd-zh-5a7c56a2.pdf": (  # 珠海市政府投资交通市政项目工务中心 2026
        (4, K.INCOME_EXPENDITURE_SUMMARY), (6, K.INCOME_SUMMARY), (7, K.EXPENDITURE_SUMMARY), (8, K.FISCAL_SUMMARY),
        (10, K.GENERAL_EXPENDITURE), (11, K.GENERAL_BASIC_ECONOMIC), (12, K.GENERAL_PROJECT_ECONOMIC),
        (14, K.THREE_PUBLIC), (15, K.FUND_EXPENDITURE), (16, K.STATE_CAPITAL_EXPENDITURE),
        (17, K.BASIC_EXPENDITURE), (18, K.PROJECTS),
    ),
    "hn-cs-74cd21a2.pdf": (  # 长沙职业教育基地综合协调办公室 2026: p16 and p19 continue p15 and p18
        (12, K.INCOME_EXPENDITURE_SUMMARY), (13, K.INCOME_SUMMARY), (14, K.EXPENDITURE_SUMMARY),
        (15, K.FISCAL_SUMMARY), (17, K.GENERAL_EXPENDITURE), (18, K.GENERAL_BASIC_ECONOMIC),
        (20, K.THREE_PUBLIC), (21, K.FUND_EXPENDITURE),
    ),
    "js-sz-ac8160cd.pdf": (  # 苏州市审计局 2026
        (9, K.INCOME_EXPENDITURE_SUMMARY), (10, K.INCOME_SUMMARY), (11, K.EXPENDITURE_SUMMARY),
        (12, K.FISCAL_SUMMARY), (14, K.FISCAL_EXPENDITURE), (15, K.FISCAL_BASIC_ECONOMIC),
        (16, K.GENERAL_EXPENDITURE), (17, K.GENERAL_BASIC_ECONOMIC), (18, K.THREE_PUBLIC), (19, K.FUND_EXPENDITURE),
        (20, K.STATE_CAPITAL_EXPENDITURE), (21, K.AGENCY_RUNNING), (22, K.PROCUREMENT),
    ),
    "js-wx-89d2aca7.pdf": (  # 无锡市应急管理综合行政执法监督局 2026 单位预算
        (6, K.INCOME_EXPENDITURE_SUMMARY), (7, K.INCOME_SUMMARY), (8, K.EXPENDITURE_SUMMARY), (9, K.FISCAL_SUMMARY),
        (11, K.FISCAL_EXPENDITURE), (12, K.FISCAL_BASIC_ECONOMIC), (13, K.GENERAL_EXPENDITURE),
        (14, K.GENERAL_BASIC_ECONOMIC), (15, K.THREE_PUBLIC), (16, K.FUND_EXPENDITURE),
        (17, K.STATE_CAPITAL_EXPENDITURE), (18, K.AGENCY_RUNNING), (19, K.PROCUREMENT),
    ),
    "sh-c9ea3a0d.pdf": (  # 上海市中医文献馆 2026 单位预算
        (7, K.INCOME_EXPENDITURE_SUMMARY), (8, K.INCOME_SUMMARY), (9, K.EXPENDITURE_SUMMARY),
        (10, K.FISCAL_SUMMARY), (11, K.GENERAL_EXPENDITURE), (12, K.FUND_EXPENDITURE),
        (13, K.STATE_CAPITAL_EXPENDITURE), (14, K.GENERAL_BASIC_ECONOMIC), (16, K.THREE_PUBLIC_AND_RUNNING),
    ),
    "sn-xa-abb39910.pdf": (  # 中共西安市委宣传部 2021: each table's title printed again on every page it spans
        (16, K.INCOME_EXPENDITURE_SUMMARY), (19, K.INCOME_SUMMARY), (20, K.EXPENDITURE_SUMMARY),
        (21, K.FISCAL_SUMMARY), (24, K.GENERAL_EXPENDITURE), (26, K.GENERAL_ECONOMIC),
        (28, K.GENERAL_BASIC_FUNCTION), (30, K.GENERAL_BASIC_ECONOMIC), (32, K.FUND_SUMMARY), (34, K.PROJECTS),
        (38, K.CARRYOVER_EXPENDITURE), (39, K.PROCUREMENT), (41, K.THREE_PUBLIC),
    ),
}


@lru_cache(maxsize=None)
def _read(name: str):
    return read_disclosure(CITIES / name)


@pytest.mark.parametrize("name", sorted(PRINTED))
def test_every_printed_table_is_one_table_of_its_kind(name):
    d = _read(name)
    assert tuple((t.provenance.page, t.kind) for t in d.tables) == PRINTED[name]


@pytest.mark.parametrize("name", sorted(PRINTED))
def test_amounts_are_numbers_in_the_printed_unit(name):
    d = _read(name)
    typed = [t for t in d.tables if t.kind is not K.GENERIC]
    kept_as_text = [(t.provenance.page, v.text) for t in typed for r in t.rows for v in r.values
                    if v.amount is None and v.text.replace(",", "").replace(".", "").isdigit() and "." in v.text]
    assert kept_as_text == []
    assert all(v.amount.unit is t.unit for t in typed for r in t.rows for v in r.values if v.amount)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (CI installs it via .ci/apt-packages)")
@pytest.mark.parametrize("name", sorted(PRINTED))
def test_each_title_is_printed_on_the_page_its_table_starts(name):
    for t in _read(name).tables:
        page = subprocess.run(["pdftotext", "-f", str(t.provenance.page), "-l", str(t.provenance.page), "-layout",
                               str(CITIES / name), "-"], capture_output=True, text=True, check=True).stdout
        assert fold(t.title)[:12] in fold(page), (t.provenance.page, t.title)
