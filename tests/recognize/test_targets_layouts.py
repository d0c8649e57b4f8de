"""Regression tests named after the layout cases the reference's forms print.

Line numbers are the reference text file's; each case quotes the printed cells it is about.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from yusuan.recognize.claims import Context
from yusuan.recognize.targets import read_forms


@pytest.fixture(scope="module")
def forms(reference_raw):
    return {f.target.id: f for f in read_forms(reference_raw.lines, Context(reference_raw.file))}


def _form(forms, n: int):
    return forms[f"pt{n:02d}"]


def _at(form, line: int, scope: str):
    return next(i for i in form.target.indicators if i.provenance.line == line and i.scope == scope)


def _issues(form, code: str) -> list:
    return [i for i in form.issues if i.code == code]


def _value(amount) -> Decimal | None:
    return amount.value if amount is not None else None


def test_title_with_ascii_and_full_width_parentheses(forms):
    assert _form(forms, 1).target.title == "阳泉市市级预算部门（单位）项目支出绩效目标表"
    assert _form(forms, 11).target.title == "阳泉市市级预算部门(单位)项目支出绩效目标表"


def test_year_line_in_any_bracket_or_none(forms):
    assert _form(forms, 1).target.year_label == "2025年度"  # （2025年度）
    assert _form(forms, 2).target.year_label == "2025年度"  # (2025年度)
    bare = _form(forms, 28)  # `2025年度` followed by empty cells, no brackets
    assert bare.target.year_label == "2025年度"
    assert dict(bare.placements)[1534] == "year"


def test_funding_columns_shifted_by_one_or_two(forms):
    # `¦项目资金 （元）¦实施期资金总额：¦¦205000¦年度资金总额：¦¦205000` starts in column 1
    assert _value(_form(forms, 8).target.funding_period.total) == Decimal(205000)
    # `项目资金（元）¦¦实施期资金总额：¦¦500,000¦¦年度资金总额：¦¦500,000`
    assert _value(_form(forms, 22).target.funding_year.total) == Decimal(500000)


def test_header_row_without_performance_label_and_stray_label_in_grid(forms):
    loan = _form(forms, 10)  # `¦一级指标¦…` header; `绩效指标¦成本指标¦利息¦16万元` at line 943
    interest = _at(loan, 943, "period")
    assert (interest.level1, interest.level2, interest.name, interest.value) == ("产出指标", "成本指标", "利息", "16万元")
    assert not any("绩效指标" in (i.name, i.value) for i in loan.target.indicators)


def test_year_half_shifted_right(forms):
    loan = _form(forms, 10)  # `¦¦时效指标¦还款时间¦当年完成¦¦¦时效指标¦还款时间¦当年完成`
    year = _at(loan, 942, "year")
    assert (year.level2, year.name, year.value) == ("时效指标", "还款时间", "当年完成")


def test_row_missing_level1_shifted_left(forms):
    rescue = _form(forms, 3)  # `¦可持续影响¦保障农村留守儿童、困境¦不断提高¦可持续影响¦…`
    row = _at(rescue, 709, "period")
    assert (row.level1, row.level2, row.name, row.value) == ("效益指标", "可持续影响", "保障农村留守儿童、困境", "不断提高")
    guard = _form(forms, 6)  # `¦成本指标¦工资标准¦2850元¦成本指标¦…` under 产出指标
    assert (_at(guard, 811, "year").level1, _at(guard, 811, "year").level2) == ("产出指标", "成本指标")


def test_rows_starting_in_column_zero(forms):
    rescue = _form(forms, 3)
    # `困难群众基本生活救助、¦不断完善¦困难群众基本生¦不断完善`: 一级/二级 carried from line 709
    period, year = _at(rescue, 710, "period"), _at(rescue, 710, "year")
    assert (period.level2, period.name, period.value) == ("可持续影响", "困难群众基本生活救助、", "不断完善")
    assert (year.name, year.value) == ("困难群众基本生", "不断完善")
    # `救助政策知晓率¦≥90%¦救助政策知晓率¦≥90%` under the 满意度指标 row above it
    last = _at(rescue, 712, "year")
    assert (last.level1, last.level2, last.name, last.value) == ("满意度指标", "服务对象满意度", "救助政策知晓率", "≥90%")


def test_variant_with_function_class_attribute_and_foreign_funding_labels(forms):
    variant = _form(forms, 14)  # `项目属性¦¦201-一般公共服务¦¦101-民政¦1年`, funding by 财政拨款/财政专户
    target = variant.target
    assert (target.attribute, target.period) == ("201-一般公共服务 101-民政", "1年")
    assert [i.message for i in _issues(variant, "ingest.target_inferred_label")] == ["项目期未印标签，按“1年”格式识别。"]
    assert not _issues(variant, "ingest.target_unplaced_cell")
    # `项目资金(元)¦¦201943.3¦财政拨款¦201943.3` … `¦¦0¦债券(债务)¦0`: no 资金总额 label, no standard source
    assert target.funding_period.total is None and target.funding_year.total is None
    printed = [("财政拨款", "201943.3"), ("其他小类财政拨款", "0"), ("财政专户收入", "0"),
               ("其他(非)财政专户", "201943.3"), ("债券(债务)", "0")]
    for funding in (target.funding_period, target.funding_year):
        assert [(ln.label, ln.amount.value) for ln in funding.lines] == [(k, Decimal(v)) for k, v in printed]
        assert [ln.provenance.line for ln in funding.lines] == [1060, 1061, 1062, 1063, 1064]
        assert all(a is None for _, a in funding.sources())
    assert target.funding_year.lines[0].amount.places == 1
    assert not _issues(variant, "ingest.target_unplaced_amount")
    (untotalled,) = _issues(variant, "ingest.target_total_not_printed")
    assert untotalled.severity == "warning" and "实施期资金总额、年度资金总额" in untotalled.message
    (shared,) = _issues(variant, "ingest.target_funding_label_shared")
    assert shared.provenance.line == 1060 and "债券(债务)" in shared.message
    assert not _issues(variant, "ingest.target_missing_part")  # the funding is there, under its own labels


def test_standard_forms_print_no_funding_lines(forms):
    assert [f.target.id for f in forms.values() if f.target.funding_period.lines or f.target.funding_year.lines] == ["pt14"]


def test_form_continuing_over_page_break(forms):
    burial = _form(forms, 32)  # blank lines 1714-1716, then `效益指标¦¦开展留守儿童¦150元/格位/年…`
    after_break = _at(burial, 1717, "period")
    assert (after_break.level1, after_break.name, after_break.value) == ("效益指标", "开展留守儿童", "150元/格位/年")
    assert _at(burial, 1723, "year").name == "志愿者家属满意度"
    assert burial.target.end_line == 1724
    # blank lines between 实施期目标 and 总体目标 (1471-1473) do not end a form either
    assert _form(forms, 26).target.goal_period.startswith("我单位预计建设部署新核系统1套")


def test_project_name_on_unlabelled_line(forms):
    inferred = [f for f in forms.values() if any("项目名称未印标签" in i.message for i in f.issues)]
    assert [f.target.id for f in inferred] == ["pt31"]
    office = inferred[0].target
    assert office.project_name == "各项工作经费"  # `¦¦各项工作经费¦` right after the year line
    assert (office.department_code, office.competent_department) == ("064", "阳泉市民政局")  # no label
    assert office.implementing_unit == "阳泉市民政局"
    assert office.period == "99年"  # `项目日期` with its value on the next line `¦¦¦99年`
    assert office.text("项目概况").startswith("做好民政各项业务工作")  # unlabelled text row
    assert office.funding_year.total is None and office.funding_year.central is None  # labels, no amounts
    assert _value(office.funding_period.provincial) == 0  # printed as `省财政补助`
    assert _value(office.funding_period.local) == Decimal(345000)  # `市和县（区）财政资金`


def test_wrapped_funding_labels_with_fragment_lines(forms):
    nursing = _form(forms, 38)  # `省级财政资¦¦金¦` … `¦金¦¦0¦¦金¦¦1,620,000¦`
    for funding in (nursing.target.funding_period, nursing.target.funding_year):
        assert [_value(a) for _, a in funding.sources()] == [0, Decimal(1620000), 0, 0, None]
    stray = _issues(nursing, "ingest.target_unplaced_amount")
    assert [i.provenance.line for i in stray] == [1909, 1911]  # extra zeros in the 实施期 column
    # `市县（区）财政资 金` wrapped inside its cell
    assert _value(_form(forms, 1).target.funding_period.local) == Decimal(500000)


def test_html_remnants_in_year_column(forms):
    platform = _form(forms, 43)  # `社会效益 <td>养老服务信息化</td> <td>不断提升</td>`
    year = _at(platform, 2114, "year")
    assert (year.level2, year.name, year.value) == ("社会效益", "养老服务信息化", "不断提升")
    assert len(_issues(platform, "ingest.target_html_remnant")) == 4


def test_goal_heading_printed_as_performance_goal(forms):
    burial = _form(forms, 32)  # `实施期目标¦¦¦¦¦绩效目标¦¦` and one goal text in the 年度 column
    assert burial.target.goal_period == ""
    assert burial.target.goal_year.startswith("为全市人民提供遗体接送")


def test_goal_without_label(forms):
    moving = _form(forms, 36)  # the 总体目标 text printed alone at line 1851
    assert moving.target.goal_period.startswith("依据阳泉市殡仪馆迁建项目建设资金")
    assert dict(moving.placements)[1851] == "goal"


def test_levels_carried_down_for_both_columns(forms):
    first = _form(forms, 1)  # `¦¦¦水、电等其他运转支出¦≥5次¦¦水、电等其他运¦≥5次`
    for scope in ("period", "year"):
        row = _at(first, 629, scope)
        assert (row.level1, row.level2) == ("产出指标", "数量指标")
    # `¦¦质量指标¦接受康复…¦有所改善¦¦接受康复…¦有所改善¦`: the 年度 二级 cell is empty
    assert _at(_form(forms, 17), 1174, "year").level2 == "质量指标"


def test_level1_inferred_from_level2_when_not_printed(forms):
    tail = _form(forms, 14)  # `¦¦经济效益¦¦¦经济效益¦¦` right after 成本指标 rows of 产出指标
    assert _at(tail, 1078, "period").level1 == "效益指标"
    assert any(i.provenance.line == 1077 for i in _issues(tail, "ingest.target_inferred_level1"))


def test_same_project_printed_twice(forms):
    first, second = _form(forms, 1), _form(forms, 2)
    assert first.target.project_name == second.target.project_name
    assert first.target.end_line == 648  # no footer: ends at the 生态效益 row before the next title
    assert [i.level2 for i in second.target.indicators_for("period")] == ["可持续影响", "服务对象满意度"]


def test_year_only_row(forms):
    home_care = _form(forms, 42)  # `¦¦¦¦¦¦¦居家照护人数¦1300人`
    assert [i.scope for i in home_care.target.indicators if i.provenance.line == 2068] == ["year"]
    assert _at(home_care, 2068, "year").value == "1300人"


def test_target_value_printed_under_indicator_name(forms):
    fine = _form(forms, 28)  # `¦满意度指标¦服务对象满意度¦≥90%¦¦服务对象满意度¦≥90%¦`
    row = _at(fine, 1563, "period")
    assert (row.name, row.value) == ("", "≥90%")


def test_empty_department_reported(forms):
    fine = _form(forms, 28)  # `主管部门及代码¦¦¦¦实施单位¦¦阳泉市民政局¦`
    assert fine.target.department_code == "" and fine.target.competent_department == ""
    assert fine.target.implementing_unit == "阳泉市民政局"
    assert _issues(fine, "ingest.target_empty_field")
