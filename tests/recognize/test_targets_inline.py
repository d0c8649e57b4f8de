"""Small inline 绩效目标表 in the text form (one row per line, tab-separated cells)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from yusuan.model import MoneyUnit
from yusuan.recognize.claims import Context
from yusuan.recognize.targets import read_forms, recognize_targets
from yusuan.sources.text import read_text

TITLE = "阳泉市市级预算部门（单位）项目支出绩效目标表"
MINIMAL = f"""\
{TITLE}
（2025年度）
项目名称\t\t遗属补助\t\t\t
主管部门及代码\t\t064-阳泉市民政局\t\t实施单位\t阳泉市救助管理站
项目资金（元）\t实施期资金总额：\t19,240\t年度资金总额：\t19240
\t市县（区）财政资 金\t19,240\t市县（区）财政资金\t19240
总体目标\t保障遗属生活\t\t保障遗属生活
绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t二级指标\t三级指标\t指标值
\t产出指标\t数量指标\t人员数量\t1人\t数量指标\t人员数量\t1人
负责人：\t\t经办人：\t\t联系电话：\t\t填报日期：\t20250122171414
"""


def _lines(text: str):
    return read_text(Path("inline.txt"), data=text.encode("utf-8")).lines


def _recognize(text: str):
    return recognize_targets(_lines(text), Context("inline.txt"))


def test_minimal_form_reads_every_part():
    claim = _recognize(MINIMAL)
    (target,) = claim.items
    assert target.id == "pt01" and target.title == TITLE and target.year_label == "2025年度"
    assert target.project_name == "遗属补助"
    assert (target.department_code, target.competent_department) == ("064", "阳泉市民政局")
    assert target.implementing_unit == "阳泉市救助管理站"
    assert target.funding_period.total.value == Decimal(19240)
    assert target.funding_year.local.value == Decimal(19240)
    assert (target.goal_period, target.goal_year) == ("保障遗属生活", "保障遗属生活")
    (period,) = target.indicators_for("period")
    assert (period.level1, period.level2, period.name, period.value) == ("产出指标", "数量指标", "人员数量", "1人")
    assert period.provenance.line == 9 and period.provenance.file == "inline.txt"
    assert claim.consumed == frozenset(range(1, 11))
    assert claim.issues == ()


def test_empty_cell_is_none_printed_zero_is_zero_amount_in_yuan():
    text = MINIMAL.replace(
        "\t市县（区）财政资 金",
        "\t其中：中央财政资金\t0\t其中：中央财政资金\t0\n\t其他资金\t\t其他资金\t\n\t市县（区）财政资 金",
    )
    (target,) = _recognize(text).items
    central = target.funding_period.central
    assert (central.value, central.unit, central.places) == (Decimal(0), MoneyUnit.YUAN, 0)
    assert target.funding_year.central.value == 0
    assert target.funding_period.other is None and target.funding_year.other is None
    assert target.funding_period.provincial is None  # not printed at all


def test_funding_in_wan_yuan_when_the_label_says_so():
    (target,) = _recognize(MINIMAL.replace("项目资金（元）", "项目资金（万元）")).items
    assert target.funding_period.total.unit is MoneyUnit.WAN_YUAN


def test_levels_carried_down_and_reset_by_a_new_level1():
    rows = (
        "\t\t\t取暖补贴\t4480元\t\t取暖补贴\t4480元\n"
        "\t效益指标\t社会效益\t维持遗属基本生活\t基本保障\t社会效益\t维持遗属基本生\t基本保障\n"
        "\t满意度指标\t\t遗属满意度\t≥98%\t\t遗属满意度\t≥98%\n"
    )
    text = MINIMAL.replace("负责人：", rows + "负责人：")
    (target,) = _recognize(text).items
    year = target.indicators_for("year")
    assert [(i.level1, i.level2, i.name) for i in year] == [
        ("产出指标", "数量指标", "人员数量"),
        ("产出指标", "数量指标", "取暖补贴"),
        ("效益指标", "社会效益", "维持遗属基本生"),
        ("满意度指标", "", "遗属满意度"),  # a new 一级 does not inherit the old 二级
    ]


def test_shifted_row_is_read_by_sequence_and_reported_as_info():
    shifted = "可持续影响\t流浪乞讨救助政策持续性\t长期\t可持续影响\t流浪乞讨救助政\t长期\t\t\n"
    claim = _recognize(MINIMAL.replace("负责人：", shifted + "负责人："))
    last = claim.items[0].indicators_for("year")[-1]
    assert (last.level1, last.level2, last.name, last.value) == ("效益指标", "可持续影响", "流浪乞讨救助政", "长期")
    codes = {(i.code, i.severity) for i in claim.issues}
    assert ("ingest.target_shifted_row", "info") in codes
    assert ("ingest.target_inferred_level1", "info") in codes


def test_line_that_fits_nowhere_is_reported_not_dropped():
    text = MINIMAL.replace("项目资金（元）", "附注\t本表仅供示例\n项目资金（元）")
    claim = _recognize(text)
    (issue,) = [i for i in claim.issues if i.code == "ingest.target_unplaced_line"]
    assert issue.provenance.line == 5 and issue.text == "附注\t本表仅供示例"
    assert "未能归入" in issue.message and issue.severity == "warning"
    assert 5 in claim.consumed
    (form,) = read_forms(_lines(text), Context("inline.txt"))
    assert dict(form.placements)[5] == "unplaced"


def test_narrative_after_a_form_is_left_for_prose():
    text = MINIMAL + "\n十一、国有资产占有使用情况\n\n1、车辆情况：\n"
    claim = _recognize(text)
    assert max(claim.consumed) == 10


def test_form_without_footer_ends_at_its_last_grid_row():
    text = MINIMAL.replace("负责人：\t\t经办人：\t\t联系电话：\t\t填报日期：\t20250122171414\n", "")
    claim = _recognize(text + "\n十一、国有资产占有使用情况\n")
    assert claim.items[0].end_line == 9
    assert max(claim.consumed) == 9


def test_two_forms_get_ids_in_reading_order():
    second = MINIMAL.replace("遗属补助", "救助人员生活费").replace("（2025年度）", "(2025年度)")
    claim = _recognize(MINIMAL + "\n" + second.replace("（单位）", "(单位)"))
    assert [(t.id, t.project_name) for t in claim.items] == [("pt01", "遗属补助"), ("pt02", "救助人员生活费")]


def test_document_without_forms_claims_nothing():
    claim = _recognize("第一部分 部门概况\n\n一、主要职责\n（项目绩效目标表公开情况见附件）\n")
    assert claim.items == () and claim.consumed == frozenset() and claim.issues == ()


def test_project_period_printed_on_the_line_below_its_label():
    text = MINIMAL.replace("项目资金（元）", "项目属性\t经常性项目（长期开展）\t\t项目日期\n\t\t\t99年\n项目资金（元）")
    (target,) = _recognize(text).items
    assert (target.attribute, target.period) == ("经常性项目（长期开展）", "99年")


def test_empty_project_period_is_reported():
    text = MINIMAL.replace("项目资金（元）", "项目属性\t一次性项目（1年结束）\t\t项目期\n项目资金（元）")
    claim = _recognize(text)
    assert claim.items[0].period == ""
    assert any(i.code == "ingest.target_empty_field" and "项目期" in i.message for i in claim.issues)


def test_repeated_project_name_is_reported_not_overwritten():
    text = MINIMAL.replace("主管部门及代码", "项目名称\t\t救助人员生活费\n主管部门及代码")
    claim = _recognize(text)
    assert claim.items[0].project_name == "遗属补助"
    (issue,) = [i for i in claim.issues if "重复出现" in i.message]
    assert "救助人员生活费" in issue.message and issue.provenance.line == 4


def test_stray_text_in_funding_block_is_reported_not_taken_for_a_wrapped_label():
    text = MINIMAL.replace("\t市县（区）财政资 金", "\t备注\t见附件\t\n\t市县（区）财政资 金")
    claim = _recognize(text)
    assert [i.provenance.line for i in claim.issues if i.code == "ingest.target_unplaced_line"] == [6]
