"""Narrative findings that were false on the cities corpus (issue 18), each with the page's words and figures;
the real slips next to them still found."""
from __future__ import annotations

from builders import K, disclosure, group, item, section, table, total
from test_rules_narrative import run

from yusuan.model import Column, ColumnKind

A, T = ColumnKind.AMOUNT, ColumnKind.TEXT

# central-ca5db9ed.pdf (国家信访局 2024 决算) page 12, 一般公共预算财政拨款基本支出决算表: three panes side by side,
# read one row per line (人员经费 in the row's own code, name and figure; 公用经费 in the columns after).
PANES = (Column("total", "人员经费/决算数", A), Column("text4", "公用经费/科目代码", T),
         Column("text5", "公用经费/科目名称", T), Column("col6", "公用经费/决算数", A))
CENTRAL_BASIC = table(K.GENERAL_BASIC_ECONOMIC, PANES, [
    group("301", "工资福利支出", "6,982.75", "302", "商品和服务支出", "2,239.41"),
    item("30101", "基本工资", "1,857.40", "30201", "办公费", "83.92"),
    item("30106", "伙食补助费", "", "30204", "手续费", "0.66"),
    item("30399", "其他对个人和家庭的补助", "34.04", "30212", "因公出国（境）费用", ""),
    item("人员经费合计", "7,967.72", "公用经费合计"),
], title="一般公共预算财政拨款基本支出决算表")


def central(personnel: str, operating: str):
    text = (f"国家信访局 2024 年度财政拨款基本支出 10234.37 万元，其中：人员经费 7967.72 万元，主要包括：{personnel}；"
            f"公用经费 2266.65 万元，主要包括：{operating}。")
    return disclosure(CENTRAL_BASIC, sections=(section("s3.6", "一般公共预算财政拨款基本支出决算情况说明", text),))


def test_basic_items_read_from_the_panes_of_a_final_accounts_table():
    """Page 24 lists 基本工资 … 其他对个人和家庭的补助支出 and 办公费、手续费: each has a figure in its pane (the closing
    支出 is no other item). Read as one pane, every one of the 50 listed items was “not in the table”."""
    assert [f for f in run("narrative.basic_items", central("基本工资、其他对个人和家庭的补助支出", "办公费、手续费"))
            if f.severity.value == "warning"] == []


def test_basic_items_listed_but_blank_in_the_final_accounts_table_are_still_found():
    """Page 24 lists 伙食补助费 and 因公出国（境）费用; page 12 prints both rows without a figure: true findings."""
    found = [f.message for f in run("narrative.basic_items", central("基本工资、伙食补助费", "办公费、因公出国（境）费用"))
             if f.severity.value == "warning"]
    assert len(found) == 2 and "伙食补助费" in found[0] and "因公出国（境）费用" in found[1]


def test_basic_items_of_a_table_whose_parts_are_not_read_are_not_judged():
    unread = table(K.GENERAL_BASIC_ECONOMIC, "total", [total("合计", "10,234.37"), item("30101", "基本工资", "1,857.40")],
                   title="一般公共预算财政拨款基本支出决算表")
    text = "基本支出 10234.37 万元，其中：人员经费 7967.72 万元，主要包括：基本工资、津贴补贴。"
    d = disclosure(unread, sections=(section("s3.6", "一般公共预算财政拨款基本支出决算情况说明", text),))
    assert run("narrative.basic_items", d) == ()


# sn-xa-1c078368.pdf (西安市交通运输局 2022) page 18: the economic classes stated after the 一般公共预算 total are
# no 类 of the function table; before, each was “not found among the table's classes”.
XIAN_ECONOMIC = ("2022 年本部门一般公共预算当年支出 3,008.67 万元，其中：工资福利支出 17067.93 万元，较上年减少了 9101.61 万元。"
                 "商品服务支出 10772.49 万元，较上年增加了 5299.97 万元。机关工资福利支出 2243.55 万元。")


def test_general_structure_judges_function_classes_only():
    from test_rules_narrative import STRUCTURE, doc

    d = doc(section("s3.5.2", "一般公共预算当年支出结构情况", XIAN_ECONOMIC))
    assert run("narrative.general_structure", d) == ()
    # a 类 the table lacks, stated among them, is still found
    d = doc(section("s3.5.2", "一般公共预算当年支出结构情况", STRUCTURE.replace("住房保障支出", "教育支出")))
    (f,) = run("narrative.general_structure", d)
    assert "教育支出" in f.message and f.severity.value == "warning"


def test_a_count_in_a_projects_own_target_is_no_count_of_target_forms():
    """central-ca5db9ed.pdf page 45, under “（二）项目绩效目标”: “与 31 个省级信访数据中心…保持互联互通” counts data
    centres, not forms (the document prints none): no finding. A count of projects still is judged."""
    from test_rules_target import FORMS
    from test_rules_target import doc as target_doc

    text = ("一是确保信访信息系统和网络安全稳定运行；二是做好全国信访数据中心值守、日常巡检、设备维保等工作，"
            "与 31 个省级信访数据中心和新疆生产建设兵团信访数据中心保持互联互通和进行正常的数据交换。")
    assert run("target.stated_count", target_doc(sections=(section("s5.2", "项目绩效目标", text, level=3),))) == ()
    claim = "2025年阳泉市民政局纳入绩效目标管理的二级项目3个，共计金额31.92万元。"
    (f,) = run("target.stated_count", target_doc(*FORMS, sections=(section("s3.10.2", "项目绩效目标", claim, level=4),)))
    assert f.actual == 3


def test_final_balance_reads_the_income_figures_beside_a_line_number_column():
    """central-ca5db9ed.pdf page 10, 财政拨款收入支出决算总表 (项目 | 行次 | 金额): 本年收入合计 19,572.91 + 年初财政拨款
    结转和结余 1,154.62 − 年末 6,993.74 = 13,733.79, printed 本年支出合计 13,733.80 — rounding. Read without the
    金额 column the income side was missing and 13,733.80 was “off by 20,727.54”."""
    from dataclasses import replace

    from builders import subtotal, two_sided
    from yusuan.model import Stage

    def fiscal(closing: str):
        t = two_sided(K.FISCAL_SUMMARY, (("col2", "收入/行次"), ("col3", "收入/金额")), "total general_public",
                      [subtotal("本年收入合计", "27", "19,572.91"), item("年初财政拨款结转和结余", "28", "1,154.62"),
                       total("总计", "32", "20,727.53")],
                      [subtotal("本年支出合计", "13,733.80", "13,733.80"), item("年末财政拨款结转和结余", closing, closing),
                       total("总计", "20,727.53", "20,727.53")], title="财政拨款收入支出决算总表")
        d = disclosure(t, template="shanghai-final-9")
        return replace(d, meta=replace(d.meta, stage=Stage.FINAL_ACCOUNTS, year=2024))

    assert [f for f in run("final.balance", fiscal("6,993.74")) if f.severity.value != "info"] == []
    (f,) = run("final.balance", fiscal("6,893.74"))
    assert f.severity.value == "error"
