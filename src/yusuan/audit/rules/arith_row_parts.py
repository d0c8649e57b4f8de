"""Row identities across columns: each row's total column = the sum of its part columns.

One rule per table family, made by `_row_rule`: the identities differ by table, and a reviewer
reads them per table (收入总表 合计 = 各资金来源; 支出表 合计 = 基本 + 项目; …).
"""
from __future__ import annotations

from ...model import Disclosure
from ...text.folding import fold
from ..catalog import NotApplicable, rule
from ..compare import check_sum
from ..findings import Severity
from ..tablekit import FISCAL_SOURCES, K, cell, col_label, has_column, side_rows, tables, unnamed_parts, where

_SOURCES = (*FISCAL_SOURCES, "special_account", "unit_funds")
_BASIC_PARTS = ("personnel", "operating")
# Beside 基本支出 and 项目支出 under 合计 (广州, 泉州, 苏州 支出总表): 事业单位经营支出, 对附属单位补助支出, 上缴上级支出.
_OTHER_USES = ("unit_operating", "subsidy_to_units", "remit_upward")
# Shanghai's income table: 财政拨款收入 (all fiscal money in one column), 事业收入, 事业单位经营收入, 其他收入.
_INCOME = (*_SOURCES, "fiscal", "business_income", "operating_income", "other_income")


def _grand(t, whole: str) -> bool:
    """The total column is the grand total (总计, or 合计 beside no 本年 column), not 本年收入合计."""
    label = col_label(t, whole)
    return "本年" not in label and not any("本年" in c.label for c in t.columns if c.key != whole)


def _total_in_code_column(t, side):
    """西安's 合计 printed across 单位编码 and 单位名称, read into the code's column: a row without a name."""
    return next((r for r in side_rows(t, side) if not r.label and not r.code and (v := r.value("unit_code"))
                 and fold(v.text) in ("合计", "总计")), None)


def _total_row_includes(t, side, whole: str, parts: list[str], extra: list[str]) -> bool:
    """Whether the table's total row adds up with the `extra` columns and not without them: the table itself
    says which of the two identities it prints."""
    row = t.total_row(side) or _total_in_code_column(t, side)
    if row is None:
        return False
    def holds(cols: list[str]) -> bool:
        f = check_sum("probe", total=row.amount(whole), parts=[row.amount(c) for c in cols], unit=t.unit,
                      subject="", locations=[])
        return f is None or f.severity is not Severity.ERROR  # rounding is no difference here
    return not holds(parts) and holds([*parts, *extra])


def _row_rule(id: str, title: str, kinds: tuple, side: str | None, parts: tuple[str, ...], doc: str,
              whole: str = "total", unnamed: bool = False, grand_parts: tuple[str, ...] = ()):
    def check(d: Disclosure, ctx):
        seen = False
        for t in tables(d, kinds):
            present = [p for p in parts if has_column(t, p, side)]
            extra = [p for p in grand_parts if has_column(t, p, side)]
            if extra and _grand(t, whole) and _total_row_includes(t, side, whole, present, extra):
                present += extra  # 总计 = 本年收入 + 上年结转结余 (泉州, 广州), as the table's own total row adds up
            if "basic" in parts and "basic" not in present and all(has_column(t, p, side) for p in _BASIC_PARTS):
                present += _BASIC_PARTS  # 基本支出 printed only as its 人员经费 and 公用经费 columns
            if present and unnamed:
                present += unnamed_parts(t, whole, side)
            if not has_column(t, whole, side) or not present:
                continue
            seen = True
            names = " + ".join(col_label(t, p) for p in present)
            for r in side_rows(t, side):
                f = check_sum(id, total=r.amount(whole), parts=[r.amount(p) for p in present], unit=t.unit,
                              subject=f"{where(t, r, whole)}应等于{names}", locations=[cell(t, r, whole)])
                if f:
                    yield f
        if not seen:
            raise NotApplicable(f"没有可检查“{title}”的表格")

    check.__doc__ = doc
    check.__name__ = id.split(".")[1]
    return rule(id, family="arith", title=title, severity=Severity.ERROR)(check)


_row_rule("arith.income_row_sources", "收入总表：合计不等于各资金来源之和", (K.INCOME_SUMMARY,), None, (*_INCOME, "upper_subsidy", "subordinate_remit"),
          """收入总表每一行的“本年收入合计”应等于一般公共预算、政府性基金、国有资本经营预算、财政专户管理资金、
          单位资金各列之和（“上年结转”列不在本年收入合计内）；上海的表为财政拨款收入、事业收入、事业单位经营收入、
          其他收入各列之和；表中没有“本年收入”列、且表的合计行本身表明合计（总计）含上年结转结余时（泉州、广州），
          上年结转结余也计入（西安还有“上年实户资金余额”“用事业基金弥补收支差额”两列，同样按合计行判断；
          “合计”印在单位编码栏时也是合计行）。
          容差：该行各印刷数四舍五入误差之和，以内为尾差提示，超出上限为错误（见文首“容差”）。
          例：合计行3922.42 = 一般公共预算3008.67 + 政府性基金913.75。""", grand_parts=("carry_over", "cash_balance", "fund_offset"))
_row_rule("arith.expenditure_row_basic_project", "支出表：合计不等于基本支出与项目支出之和",
          (K.EXPENDITURE_SUMMARY, K.GENERAL_EXPENDITURE, K.FUND_EXPENDITURE, K.STATE_CAPITAL,
           K.STATE_CAPITAL_EXPENDITURE), None, ("basic", "project", "reserve", "next_year_carry", *_OTHER_USES),
          """支出总表、一般公共预算支出表、政府性基金预算支出表、国有资本经营预算支出部分，每一行的“合计”
          应等于“基本支出”与“项目支出”之和；表头另列“单位预留机动经费”“结转下年资金”（江苏）或其他与“合计”
          同属一个表头的金额列时，也计入合计。容差：三个印刷数的四舍五入误差之和（万元两位小数为±0.015），
          以内为尾差提示，超出上限为错误（见文首“容差”）。
          例：“2081005 社会福利事业单位”合计814.48 = 基本支出259.60 + 项目支出554.88。""", unnamed=True)
_row_rule("arith.economic_row_personnel_operating", "经济科目表：合计不等于人员经费与公用经费之和",
          (K.GENERAL_BASIC_ECONOMIC,), None, ("personnel", "operating"),
          """一般公共预算基本支出分经济科目表每一行的“合计”应等于“人员经费”与“公用经费”之和。
          容差：该行印刷数四舍五入误差之和，以内为尾差提示，超出上限为错误（见文首“容差”）。
          例：合计行1099.45 与 人员经费938.80 + 公用经费160.64 = 1099.44 相差0.01万元，属尾差，记为提示。""")
_row_rule("arith.summary_row_current_carryover", "收支总表：支出合计不等于当年预算安排与上年结转安排之和",
          (K.INCOME_EXPENDITURE_SUMMARY,), "expenditure", ("current_year", "carry_over"),
          """收支总表支出方每一行的“合计”应等于“当年预算安排”与“上年结转安排”之和。
          容差：该行印刷数四舍五入误差之和，以内为尾差提示，超出上限为错误（见文首“容差”）。
          例：“二十五、其他支出”合计1402.82 = 当年预算安排913.75 + 上年结转安排489.07。""")
_row_rule("arith.fiscal_row_sources", "财政拨款收支总表：小计不等于一般公共预算、政府性基金、国有资本经营之和",
          (K.FISCAL_SUMMARY,), "expenditure", FISCAL_SOURCES,
          """财政拨款收支总表支出方每一行的“小计”应等于一般公共预算、政府性基金预算、国有资本经营预算三列之和。
          容差：该行印刷数四舍五入误差之和，以内为尾差提示，超出上限为错误（见文首“容差”）。
          例：“本年支出合计”小计4411.49 = 一般公共预算3008.67 + 政府性基金预算1402.82。""")
_row_rule("arith.three_public_row_sources", "“三公”经费表：合计不等于各资金来源之和",
          (K.THREE_PUBLIC, K.THREE_PUBLIC_AND_RUNNING), None, FISCAL_SOURCES,
          """“三公”经费表每一行的“合计”应等于一般公共预算、政府性基金预算、国有资本经营预算各列之和。
          容差：该行印刷数四舍五入误差之和，以内为尾差提示，超出上限为错误（见文首“容差”）。
          例：“公务接待费”合计0.80 = 一般公共预算0.80。""")
_row_rule("arith.three_public_row_meetings", "“三公”经费、会议费、培训费表：合计不等于三者之和",
          (K.THREE_PUBLIC,), None, ("total", "meeting", "training"),
          """表头把“三公”经费与会议费、培训费并列在“合计”之下时（江苏），每一行的“合计”应等于“三公”经费小计、
          会议费、培训费之和。容差：该行印刷数四舍五入误差之和，以内为尾差提示，超出上限为错误（见文首“容差”）。
          例：合计1656.86 = “三公”经费675.10 + 会议费884.16 + 培训费97.60。""", whole="grand_total")
_row_rule("arith.agency_row_sources", "机关运行经费表：合计不等于各资金来源之和", (K.AGENCY_RUNNING,), None, FISCAL_SOURCES,
          """机关运行经费表每一行（部门合计及各单位）的“合计”应等于一般公共预算、政府性基金预算、
          国有资本经营预算各列之和。容差：该行印刷数四舍五入误差之和，以内为尾差提示，超出上限为错误（见文首“容差”）。
          例：“阳泉市民政局”合计27.56 = 一般公共预算27.56。""")
_row_rule("arith.project_row_sources", "项目支出表：合计不等于各资金来源之和",
          (K.PROJECTS, K.PROJECTS_CARRYOVER), None, (*_SOURCES, "other_income", "business_income"),
          """项目支出表（本年、上年结转）每一行的“合计”应等于一般公共预算、政府性基金预算、国有资本经营预算、
          财政专户管理资金、单位资金各列之和。容差：该行印刷数四舍五入误差之和，以内为尾差提示，超出上限为错误（见文首“容差”）。
          例：“阳泉市社会福利院”合计954.37 = 一般公共预算471.97 + 政府性基金预算482.40。""")
