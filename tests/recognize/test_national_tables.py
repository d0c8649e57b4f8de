"""The national table set by meaning: titles and headers as cities print them, read without a profile of
their own. Each case is a table shape seen in ../shared/corpus/cities (the file named in its comment)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from yusuan.model import MoneyUnit, RowRole, TableKind as K

from test_tables_inline import only, read  # the inline-document helpers

# (title as printed, header and data rows, the kind it is) — all in 万元.
TITLES = [
    ("收支总体情况表", K.INCOME_EXPENDITURE_SUMMARY),  # 广州 gd-gz-14641e5b p6
    ("2026年部门收支总体情况表", K.INCOME_EXPENDITURE_SUMMARY),  # 重庆 cq-015b6829 p9
    ("2022年部门综合预算收支总表", K.INCOME_EXPENDITURE_SUMMARY),  # 西安 sn-xa-05218864 p36
    ("2026年预算单位财务收支预算总表", K.INCOME_EXPENDITURE_SUMMARY),  # 上海 sh-55b77dc5 p7
    ("收入支出决算总表", K.INCOME_EXPENDITURE_SUMMARY),  # 国家信访局 central-ca5db9ed p7
    ("财政拨款收支总体情况表", K.FISCAL_SUMMARY),
    ("财政拨款收入支出决算总表", K.FISCAL_SUMMARY),
    ("收入总体情况表", K.INCOME_SUMMARY),
    ("收入决算表", K.INCOME_SUMMARY),
    ("本年支出总体情况表", K.EXPENDITURE_SUMMARY),
    ("一般公共预算支出情况表（按功能分类科目）", K.GENERAL_EXPENDITURE),
    ("2026年度一般公共预算拨款支出预算表", K.GENERAL_EXPENDITURE),  # 泉州 fj-qz-09bdaf86 p12
    ("一般公共预算基本支出情况表（按经济分类科目）", K.GENERAL_BASIC_ECONOMIC),
    ("2026年度一般公共预算支出经济分类情况表", K.GENERAL_ECONOMIC),
    ("部门综合预算一般公共预算基本支出明细表（按支出功能分类科目）", K.GENERAL_BASIC_FUNCTION),
    ("一般公共预算项目支出情况表（按经济分类科目）", K.GENERAL_PROJECT_ECONOMIC),
    ("政府性基金预算支出情况表", K.FUND_EXPENDITURE),
    ("部门综合预算政府性基金收支表（不含上年结转）", K.FUND_SUMMARY),
    ("国有资本经营预算支出情况表", K.STATE_CAPITAL_EXPENDITURE),
    ("部门预算基本支出预算表", K.BASIC_EXPENDITURE),
    ("部门预算项目支出及其他支出预算表", K.PROJECTS),
    ("部门综合预算专项业务经费支出表（不含上年结转）", K.PROJECTS),
    ("部门综合预算财政拨款上年结转资金支出表", K.CARRYOVER_EXPENDITURE),
    ("2026年财政拨款“三公”经费支出情况表", K.THREE_PUBLIC),
    ("培训费明细表", K.MEETING_TRAINING),
    ("2026年政府采购预算明细表", K.PROCUREMENT),
    ("财政拨款基本支出表（经济科目）", K.FISCAL_BASIC_ECONOMIC),
    ("一般公共预算机关运行经费支出预算表", K.AGENCY_RUNNING),
]


@pytest.mark.parametrize("title,kind", TITLES, ids=[t for t, _ in TITLES])
def test_a_city_title_names_its_national_kind(title, kind):
    from yusuan.recognize.tables.profiles.national import NATIONAL
    from yusuan.recognize.tables.templates import template_for_title
    from yusuan.text.folding import fold

    found = template_for_title(fold(title), (NATIONAL,))
    assert found is not None and found[1].kind is kind


def test_guangzhou_income_table_by_units_under_two_header_rows():
    # 广州 gd-gz-14641e5b p8: sources grouped under 财政拨款收入 / 财政专户拨款收入 / 其他资金收入
    t = only(read(
        "收入总体情况表", "单位名称：广州市科学技术局|单位：万元",
        "单位名称|合计|财政拨款收入|||财政专户拨款收入|其他资金收入|上年结转结余",
        "||一般公共预算|政府性基金预算|国有资本经营预算|教育收费|事业收入|",
        "合计|163,539.07|163,539.07|0.00|0.00|0.00|0.00|0.00",
        "广州市科学技术局|152,056.81|152,056.81|0.00|0.00|0.00|0.00|0.00",
    ))
    assert t.kind is K.INCOME_SUMMARY and t.profile == "national"
    assert [c.key for c in t.columns][:4] == ["total", "general_public", "gov_fund", "state_capital"]
    assert t.rows[0].role is RowRole.TOTAL and t.rows[0].number("general_public") == Decimal("163539.07")


def test_an_earlier_years_pane_is_last_year_not_this_years_total():
    # 重庆 cq-015b6829 p15: 2025年预算数 beside 2026年预算数 (总计 / 基本支出 / 项目支出)
    t = only(read(
        "2026年一般公共预算支出情况表", "单位：万元",
        "科目编码|科目名称|2025年预算数|2026年预算数||",
        "|||总计|基本支出|项目支出",
        "201|一般公共服务支出|15,635.80|18,417.70|9,018.47|9,399.23",
    ))
    assert t.kind is K.GENERAL_EXPENDITURE
    assert [c.key for c in t.columns] == ["last_year_total", "total", "basic", "project"]
    row = t.rows[0]
    assert (row.code, row.number("total"), row.number("last_year_total")) == ("201", Decimal("18417.70"), Decimal("15635.80"))


def test_a_final_accounts_three_public_table_keeps_budget_and_actual_apart():
    # 国家信访局 central-ca5db9ed p15: 预算数 pane and 决算数 pane of the same six columns, caption under the title
    t = only(read(
        "一般公共预算财政拨款“三公”经费支出决算表", "公开09表", "部门：国家信访局|金额单位：万元",
        "预算数||决算数|", "合计|因公出国（境）费|合计|因公出国（境）费", "76.43|30.00|46.21|4.69",
    ))
    assert (t.kind, t.caption) == (K.THREE_PUBLIC, "公开09表")
    assert [c.key for c in t.columns] == ["budget_total", "budget_abroad", "total", "abroad"]
    assert t.rows[0].number("total") == Decimal("46.21")


def test_a_code_printed_in_brackets_in_the_name_cell_is_the_rows_code():
    # 广州 gd-gz-14641e5b p13: [201]一般公共服务支出
    t = only(read(
        "一般公共预算支出情况表（按功能分类科目）", "单位：万元",
        "功能科目名称|一般公共预算支出||", "|小计|其中：基本支出|项目支出",
        "[201]一般公共服务支出|20.00|0.00|20.00",
    ))
    assert (t.rows[0].code, t.rows[0].label) == ("201", "一般公共服务支出")


def test_rows_of_a_contents_grid_are_not_tables():
    # 西安 sn-xa-05218864 p35: 表N | title | 是否空表 | 理由, each row shaped like a numbered title
    claim = read(
        "报表|报表名称|是否空表|公开空表理由",
        "表1|2022年部门综合预算收支总表||", "表9|2022年部门综合预算政府性基金收支表|是|不涉及",
        "表10|2022年部门综合预算专项业务经费支出表||",
    )
    assert claim.items == ()


def test_a_title_wrapped_before_its_qualifier_is_one_title():
    # 西安 sn-xa-1c078368 p66
    t = only(read(
        "2022年部门综合预算政府采购（资产配置、购买服务）", "预算表（不含上年结转）", "金额单位：万元",
        "序号|采购项目|数量|预算金额", "1|合计||9493.70",
    ))
    assert t.kind is K.PROCUREMENT and t.title.endswith("预算表（不含上年结转）")


def test_a_unit_wrapped_in_a_narrow_cell_is_read_whole():
    # ``单位：万`` / ``元``: the unit line wrapped over two lines made a table in 元 with no rows (issue 17, item 6)
    for preamble in (("单位：万", "元"), ("部门名称：某局|单位：万", "元")):
        t = only(read("2026年部门支出总体情况表", *preamble, "科目编码|科目名称|合计|基本支出|项目支出",
                      "201|一般公共服务支出|10.00|10.00|", "合计||10.00|10.00|"))
        assert (t.unit, len(t.rows), t.entity) == (MoneyUnit.WAN_YUAN, 2, "某局" if len(preamble[0]) > 6 else None)
