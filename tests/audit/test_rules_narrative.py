"""Narrative rules: what the 情况说明 states, recomputed from the tables and from its own figures."""
from __future__ import annotations

from decimal import Decimal

from builders import K, disclosure, group, item, section, subtotal, table, total, two_sided

from yusuan.audit import Severity, audit


def run(rule: str, d):
    """The findings of one rule; a crash fails the test rather than hiding as a finding."""
    rep = audit(d, only={rule})
    assert all(o.status != "crashed" for o in rep.outcomes), [o.error for o in rep.outcomes]
    return rep.by_rule(rule)


def severities(findings):
    return [f.severity for f in findings]


SUMMARY = two_sided(
    K.INCOME_EXPENDITURE_SUMMARY, "amount", "total current_year carry_over",
    [subtotal("本年收入合计", "3922.42"), item("上年结转", "489.07"), total("收入总计", "4411.49")],
    [subtotal("本年支出合计", "4411.49", "3922.42", "489.07"), total("支出总计", "4411.49", "3922.42", "489.07")],
    id="t01")
INCOME = table(K.INCOME_SUMMARY, "total general_public gov_fund state_capital carry_over",
               [total("合计", "3922.42", "3008.67", "913.75", "", "489.07")], id="t02")
SPENDING = table(K.EXPENDITURE_SUMMARY, "total basic project",
                 [total("合计", "4411. 49", "1099. 45", "3312. 04")], id="t03")
FISCAL = two_sided(
    K.FISCAL_SUMMARY, "amount", "total general_public gov_fund state_capital",
    [item("一、一般公共预算", "3008.67"), subtotal("本年收入合计", "3922.42"), group("上年财政拨款结转", "489.07"),
     total("收入总计", "4411.49")],
    [item("八、社会保障和就业支出", "2895.74", "2895.74"), item("二十五、其他支出", "1402.82", "", "1402.82"),
     total("支出总计", "4411.49", "3008.67", "1402.82")], id="t04")
GENERAL = table(K.GENERAL_EXPENDITURE, "total basic project", [
    total("合计", "3008.67", "1099.45", "1909.22"),
    item("201", "一般公共服务支出", "1.47", "1.47", ""),
    item("208", "社会保障和就业支出", "2895.74", "986.52", "1909.22"),
    item("210", "卫生健康支出", "39.06", "39.06", ""),
    item("221", "住房保障支出", "72.40", "72.40", "")], id="t05")
ECONOMIC = table(K.GENERAL_BASIC_ECONOMIC, "total personnel operating", [
    total("合计", "1099.45", "938.80", "160.64"),
    item("基本工资", "900.00", "900.00", ""), item("离休费", "38.80", "38.80", ""),
    item("办公费", "100.64", "", "100.64"), item("取暖费", "60.00", "", "60.00")], id="t06")
THREE = table(K.THREE_PUBLIC, "total general_public", [
    item("因公出国（境）费", "", ""), item("公务接待费", "0.80", "0.80"),
    group("公务用车购置及运行费", "18.50", "18.50"), item("①公务用车购置费", "", ""),
    item("②公务用车运行维护费", "18.50", "18.50"), total("合计", "19.30", "19.30")], id="t10")
RUNNING = table(K.AGENCY_RUNNING, "total general_public", [
    total("部门合计", "40.68", "40.68"), item("阳泉市民政局", "27.56", "27.56"),
    item("阳泉市城乡居民最低生活保障管理中心", "13.12", "13.12")], id="t11")
PROJECTS = table(K.PROJECTS, "total general_public", [total("阳泉市民政局", "2822.97", "1909.22")], id="t12")


def doc(*sections, tables=(SUMMARY, INCOME, SPENDING, FISCAL, GENERAL, ECONOMIC, THREE, RUNNING, PROJECTS)):
    return disclosure(*tables, sections=tuple(sections))


OPENING = ("2025年度阳泉市民政局预算收入总计4,411.49万元，其中：本年收入3,922.42万元，上年结转489.07万元，"
           "比上年增加934.33万元，增长26.87%；本年部门预算支出总计4,411.49万元，其中：本年预算安排3,922.42万元，"
           "上年结转489.07万元。")


# --- narrative.summary_totals ------------------------------------------------------------------

def test_summary_totals_agree_with_the_summary_table():
    assert run("narrative.summary_totals", doc(section("s3.1", "部门预算收支数据变动情况及原因", OPENING))) == ()


def test_summary_totals_reports_a_carry_over_misstated_in_the_spending_clause():
    text = OPENING.replace("本年预算安排3,922.42万元，上年结转489.07万元", "本年预算安排3,922.42万元，上年结转498.07万元")
    (f,) = run("narrative.summary_totals", doc(section("s3.1", "部门预算收支数据变动情况及原因", text)))
    assert f.severity is Severity.ERROR and f.actual == Decimal("498.07") and f.expected == Decimal("489.07")
    assert f.locations[0].section == "s3.1" and f.locations[1].column == "carry_over"


# --- narrative.income_sources / expenditure_split ------------------------------------------------

INCOME_TEXT = ("2025年度阳泉市民政局预算收入4,411.49万元，主要包括一般公共预算拨款收入3,008.67万元，占68.20%；"
               "政府性基金预算拨款收入913.75万元，占20.71%；国有资本经营预算拨款收入0万元，占0%；"
               "上年结转489.07万元，占11.09%。")


def test_income_sources_agree_with_the_income_table():
    assert run("narrative.income_sources", doc(section("s3.2", "收入预算情况说明", INCOME_TEXT))) == ()


def test_income_sources_reports_a_source_that_differs():
    text = INCOME_TEXT.replace("913.75万元", "931.75万元")
    (f,) = run("narrative.income_sources", doc(section("s3.2", "收入预算情况说明", text)))
    assert f.severity is Severity.ERROR and f.locations[1].column == "gov_fund"


SPENDING_TEXT = "2025年度阳泉市民政局支出预算4411.49万元，其中：基本支出1099.45万元，占24.92%；项目支出3312.04万元，占75.08%。"


def test_expenditure_split_agrees_with_a_table_printed_with_spaces():
    assert run("narrative.expenditure_split", doc(section("s3.3", "支出预算情况说明", SPENDING_TEXT))) == ()


def test_expenditure_split_reports_a_wrong_basic_expenditure():
    text = SPENDING_TEXT.replace("基本支出1099.45", "基本支出1199.45")
    (f,) = run("narrative.expenditure_split", doc(section("s3.3", "支出预算情况说明", text)))
    assert f.difference == Decimal("100.00") and f.locations[1].column == "basic"


# --- narrative.share_recomputed / shares_total ---------------------------------------------------

def test_shares_recomputed_are_silent_when_correctly_rounded():
    d = doc(section("s3.2", "收入预算情况说明", INCOME_TEXT), section("s3.3", "支出预算情况说明", SPENDING_TEXT))
    assert run("narrative.share_recomputed", d) == ()


def test_a_share_off_by_a_tenth_is_an_error_and_names_the_whole():
    text = SPENDING_TEXT.replace("占24.92%", "占24.82%")
    (f,) = run("narrative.share_recomputed", doc(section("s3.3", "支出预算情况说明", text)))
    assert f.severity is Severity.ERROR and f.expected == Decimal("24.92") and f.actual == Decimal("24.82")
    assert "支出预算" in f.message


def test_a_share_explained_by_the_rounding_of_small_amounts_is_information():
    # 0.01 ÷ 3.00 = 0.33 %, but 0.01 may be anything from 0.005 to 0.015: 0.5 % is possible
    text = "“三公”经费预算3.00万元，其中：公务接待费0.01万元，占0.5%。"
    (f,) = run("narrative.share_recomputed", doc(section("s3.7", "“三公”经费增减变动原因说明", text)))
    assert f.severity is Severity.INFO and "尾差" in f.message
    (g,) = run("narrative.share_recomputed", doc(section("s3.7", "“三公”经费增减变动原因说明", text.replace("0.5%", "5.0%"))))
    assert g.severity is Severity.ERROR


STRUCTURE = ("2025年度阳泉市民政局一般公共预算当年支出3,008.67万元,主要用于以下方面：一般公共服务支出1.47万元，占0.05%；"
             "社会保障和就业支出2,895.74万元，占96.25%；卫生健康支出39.06万元，占1.30%；住房保障支出72.40万元，占2.41%等。")


def test_shares_adding_to_100_01_are_rounding():
    (f,) = run("narrative.shares_total", doc(section("s3.5.2", "一般公共预算当年支出结构情况", STRUCTURE)))
    assert f.severity is Severity.INFO and f.actual == Decimal("100.01")


def test_shares_adding_to_101_are_an_error_but_a_partial_list_is_not_judged():
    text = SPENDING_TEXT.replace("占75.08%", "占76.08%")
    (f,) = run("narrative.shares_total", doc(section("s3.3", "支出预算情况说明", text)))
    assert f.severity is Severity.ERROR
    partial = "支出预算4411.49万元，其中：基本支出1099.45万元，占24.92%；其他略。"
    assert run("narrative.shares_total", doc(section("s3.3", "支出预算情况说明", partial))) == ()


# --- narrative.fiscal_totals ---------------------------------------------------------------------

FISCAL_TEXT = ("2025年度阳泉市民政局财政拨款收支总预算4,411.49万元。其中：一般公共预算拨款3,008.67万元，"
               "政府性基金预算拨款1,402.82万元，国有资本经营预算拨款0万元。其中：当年拨款收入3,922.42万元，"
               "上年结转收入489.07万元。支出包括：社会保障和就业支出2,895.74万元、其他支出1,402.82万元等。")


def test_fiscal_totals_agree():
    assert run("narrative.fiscal_totals", doc(section("s3.4", "财政拨款收支预算总体情况说明", FISCAL_TEXT))) == ()


def test_fiscal_totals_reports_a_class_amount_and_the_fund_total():
    text = FISCAL_TEXT.replace("其他支出1,402.82", "其他支出1,420.82").replace("政府性基金预算拨款1,402.82", "政府性基金预算拨款913.75")
    found = run("narrative.fiscal_totals", doc(section("s3.4", "财政拨款收支预算总体情况说明", text)))
    assert sorted(f.actual for f in found) == [Decimal("913.75"), Decimal("1420.82")]


# --- narrative.general_total / general_structure ---------------------------------------------

def test_general_total_and_structure_agree():
    d = doc(section("s3.5.2", "一般公共预算当年支出结构情况", STRUCTURE))
    assert run("narrative.general_total", d) == () and run("narrative.general_structure", d) == ()


def test_general_total_reports_a_wrong_total():
    d = doc(section("s3.5.1", "一般公共预算当年支出规模变化情况", "一般公共预算当年支出3,080.67万元,比上年增加330.11万元。"))
    (f,) = run("narrative.general_total", d)
    assert f.expected == Decimal("3008.67")


def test_general_structure_reports_a_wrong_class_and_an_unknown_class():
    text = STRUCTURE.replace("卫生健康支出39.06", "卫生健康支出93.06").replace("住房保障支出", "教育支出")
    found = run("narrative.general_structure", doc(section("s3.5.2", "一般公共预算当年支出结构情况", text)))
    assert sorted(f.severity.value for f in found) == ["error", "warning"]


# --- narrative.basic_split / basic_items -----------------------------------------------------------

BASIC = ("2025年度阳泉市民政局一般公共预算安排基本支出1,099.45万元，其中：",
         "人员经费938.80万元，主要包括：基本工资、离休费等；",
         "公用经费160.64万元，主要包括：办公费、取暖费等。")


def test_basic_split_and_items_agree():
    d = doc(section("s3.6", "一般公共预算基本支出情况说明", *BASIC))
    assert run("narrative.basic_split", d) == () and run("narrative.basic_items", d) == ()


def test_basic_split_reports_personnel_funds():
    d = doc(section("s3.6", "一般公共预算基本支出情况说明", BASIC[0], BASIC[1].replace("938.80", "983.80"), BASIC[2]))
    (f,) = run("narrative.basic_split", d)
    assert f.locations[1].column == "personnel"


def test_basic_items_reports_an_item_the_table_lacks_and_notes_one_not_listed():
    d = doc(section("s3.6", "一般公共预算基本支出情况说明", BASIC[0], BASIC[1],
                    "公用经费160.64万元，主要包括：办公费、会议费等。"))
    found = run("narrative.basic_items", d)
    assert [(f.severity.value, "会议费" in f.message, "取暖费" in f.message) for f in found] == [
        ("warning", True, False), ("info", False, True)]


# --- narrative.three_public / agency_running ------------------------------------------------------

THREE_TEXT = ("2025年阳泉市民政局财政拨款安排的“三公”经费预算19.30万元比2024年增加 1.18万元，主要原因是：批复公务接待费0.8万元。",
              "其中：因公出国（境）费0万元，与上年预算数相同；公务接待费0.80万元，与上年相比预算数增加0.80万元；"
              "公务用车购置及运行费18.50万元，与上年相比预算数增加0.38万元，主要原因是：批复运行维护费，"
              "公务用车运行维护费18.50万元，与上年相比预算数增加0.38万元；公务用车购置费0万元，与上年预算数相同。")


def test_three_public_agrees_and_ignores_amounts_inside_reasons():
    assert run("narrative.three_public", doc(section("s3.7", "“三公”经费增减变动原因说明", *THREE_TEXT))) == ()


def test_three_public_reports_a_wrong_reception_amount():
    d = doc(section("s3.7", "“三公”经费增减变动原因说明", THREE_TEXT[0], THREE_TEXT[1].replace("公务接待费0.80万元", "公务接待费0.08万元")))
    (f,) = run("narrative.three_public", d)
    assert f.locations[1].row_label == "公务接待费"


RUNNING_TEXT = ("本部门2025年所属阳泉市民政局、阳泉市城乡居民最低生活保障管理中心2家行政、参公单位机关运行经费财政拨款预算"
                "40.68万元，比2024年预算40.72万元减少0.04万元，下降0.098%，原因是人员流动。")


def test_agency_running_agrees():
    assert run("narrative.agency_running", doc(section("s3.8", "机关运行经费增减变动原因说明", RUNNING_TEXT))) == ()


def test_agency_running_reports_a_different_amount():
    text = RUNNING_TEXT.replace("预算40.68万元", "预算46.08万元")
    (f,) = run("narrative.agency_running", doc(section("s3.8", "机关运行经费增减变动原因说明", text)))
    assert f.expected == Decimal("40.68")


# --- narrative.parts_sum ---------------------------------------------------------------------------

def test_parts_sum_rounding_is_information():
    (f,) = run("narrative.parts_sum", doc(section("s3.6", "一般公共预算基本支出情况说明", *BASIC)))
    assert f.severity is Severity.INFO and f.difference == Decimal("0.01")


def test_parts_sum_reports_procurement_that_does_not_add_up():
    text = "2025年阳泉市民政局政府采购预算总额700.00万元。其中：政府采购货物预算67.29万元、政府采购工程预算23.00万元、政府采购服务预算690.71万元。"
    (f,) = run("narrative.parts_sum", doc(section("s3.9", "政府采购情况", text)))
    assert f.severity is Severity.ERROR and f.expected == Decimal("781.00")
    assert run("narrative.parts_sum", doc(section("s3.9", "政府采购情况", text.replace("690.71", "609.71")))) == ()


# --- changes -----------------------------------------------------------------------------------------

def test_change_implied_by_amount_and_rate_agrees():
    assert run("narrative.change_implied", doc(section("s3.1", "部门预算收支数据变动情况及原因", OPENING))) == ()


def test_change_implied_reports_a_rate_that_does_not_fit_the_amount():
    text = OPENING.replace("增长26.87%", "增长62.87%")
    (f,) = run("narrative.change_implied", doc(section("s3.1", "部门预算收支数据变动情况及原因", text)))
    assert f.severity is Severity.ERROR and f.expected == Decimal("26.87")


def test_nothing_in_either_year_is_no_impossible_last_year():
    # 泉州 fj-qz-09bdaf86: “2026年预算安排0.00万元，比上年增加0.00万元，增长0%” — zero both years, no error
    text = "因公出国（境）费2026年预算安排0.00万元，比上年增加0.00万元，增长0%。"
    assert [f for f in run("narrative.change_implied", doc(section("s3.6", "“三公”经费预算情况说明", text)))
            if f.severity is Severity.ERROR] == []
    wrong = "因公出国（境）费2026年预算安排0.00万元，比上年增加5.00万元，增长10%。"
    assert [f.severity for f in run("narrative.change_implied", doc(section("s3.6", "“三公”经费预算情况说明", wrong)))] == [Severity.ERROR]


def test_change_quoted_reports_the_agency_running_rate():
    text = RUNNING_TEXT.replace("下降0.098%", "下降(增长)0.001%")
    (f,) = run("narrative.change_quoted", doc(section("s3.8", "机关运行经费增减变动原因说明", text)))
    assert f.severity is Severity.ERROR and f.expected == Decimal("0.098") and f.actual == Decimal("0.001")
    assert run("narrative.change_quoted", doc(section("s3.8", "机关运行经费增减变动原因说明", RUNNING_TEXT))) == ()


def test_change_quoted_reports_a_wrong_difference():
    text = RUNNING_TEXT.replace("减少0.04万元", "减少0.40万元")
    found = run("narrative.change_quoted", doc(section("s3.8", "机关运行经费增减变动原因说明", text)))
    assert [f.expected for f in found if f.unit == "万元"] == [Decimal("-0.04")]


def test_change_direction_reports_increase_written_for_a_decrease():
    text = RUNNING_TEXT.replace("减少0.04万元，下降0.098%", "增加0.04万元，增长0.098%")
    found = run("narrative.change_direction", doc(section("s3.8", "机关运行经费增减变动原因说明", text)))
    assert found and all(f.severity is Severity.ERROR for f in found)
    assert run("narrative.change_direction", doc(section("s3.8", "机关运行经费增减变动原因说明", RUNNING_TEXT))) == ()


def test_change_direction_reports_opposite_amount_and_rate():
    text = OPENING.replace("增长26.87%", "下降26.87%")
    (f,) = run("narrative.change_direction", doc(section("s3.1", "部门预算收支数据变动情况及原因", text)))
    assert "方向相反" in f.message


def test_change_parts_add_up_for_three_public():
    assert run("narrative.change_parts", doc(section("s3.7", "“三公”经费增减变动原因说明", *THREE_TEXT))) == ()


def test_change_parts_reports_a_total_change_that_is_not_the_items():
    d = doc(section("s3.7", "“三公”经费增减变动原因说明", THREE_TEXT[0].replace("增加 1.18万元", "增加 1.81万元"), THREE_TEXT[1]))
    (f,) = run("narrative.change_parts", d)
    assert f.expected == Decimal("1.18") and f.actual == Decimal("1.81")


# --- narrative.overall_target -----------------------------------------------------------------------

OVERALL = "2025年编报部门整体支出绩效目标，涉及部门预算资金3922.42万元，其中基本支出1099.45万元，项目支出2822.97万元；机关及下属预算单位5个。"


def test_overall_target_agrees():
    assert run("narrative.overall_target", doc(section("s3.10.1", "整体绩效目标", OVERALL, level=4))) == ()


def test_overall_target_reports_project_funds_including_carry_over():
    text = OVERALL.replace("项目支出2822.97", "项目支出3312.04")
    (f,) = run("narrative.overall_target", doc(section("s3.10.1", "整体绩效目标", text, level=4)))
    assert f.expected == Decimal("2822.97") and f.locations[1].table == "t12"


# --- narrative.change_vs_last_year ------------------------------------------------------------------

def test_change_against_last_years_publication():
    from dataclasses import replace as copy

    now = doc(section("s3.8", "机关运行经费增减变动原因说明", RUNNING_TEXT))
    then = doc(section("s3.8", "机关运行经费增减变动原因说明", "机关运行经费财政拨款预算40.72万元。"))
    rep = audit(now, only={"narrative.change_vs_last_year"}, previous=then)
    assert rep.by_rule("narrative.change_vs_last_year") == ()
    other = copy(then, sections=(section("s3.8", "机关运行经费增减变动原因说明", "机关运行经费财政拨款预算41.72万元。"),))
    (f,) = audit(now, only={"narrative.change_vs_last_year"}, previous=other).by_rule("narrative.change_vs_last_year")
    assert f.severity is Severity.WARNING and f.expected == Decimal("41.72") and f.actual == Decimal("40.72")
    assert [o.status for o in audit(now, only={"narrative.change_vs_last_year"}).outcomes] == ["not_applicable"]
