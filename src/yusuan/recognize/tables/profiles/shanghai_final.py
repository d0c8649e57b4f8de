"""The Shanghai 决算 (final accounts) table set, as data. Titles and headers as printed in 上海 (普陀区)
部门决算 publications (2024): nine tables in 万元, codes in one 功能分类科目编码 column.

The kinds are the budget kinds of the same meaning, so rules about a kind read either stage; what a
决算 table adds has its own column keys:

- 决算数 is the table's main figure (``amount`` on the income side, ``total`` elsewhere), so rules
  comparing tables compare actual with actual.
- 收入决算表: ``total`` 本年收入合计, ``fiscal`` 财政拨款收入, ``superior_subsidy`` 上级补助收入,
  ``business_income`` 事业收入, ``operating_income`` 经营收入, ``affiliated_income`` 附属单位上缴收入,
  ``other_income`` 其他收入.
- 支出决算表: ``total`` 本年支出合计, ``basic``, ``project``, ``to_superior`` 上缴上级支出,
  ``operating_expenditure`` 经营支出, ``to_affiliated`` 对附属单位补助支出.
- 收入支出决算总表 / 财政拨款收入支出决算总表: rows 年初(财政拨款)结转和结余 and 年末(财政拨款)结转和结余
  (with their 一、二、三 breakdown rows), 使用非财政拨款结余, 结余分配; 本年收入合计 / 本年支出合计 are
  SUBTOTAL rows, 总计 the TOTAL.
- 基本支出决算表: two panes of 编码 | 名称 | 决算数 side by side (``panes=2``, read left pane then
  right); 人员经费合计 / 公用经费合计 are SUBTOTAL rows; the figure is ``total``.
- “三公”经费支出决算表: one row; each item has a 预算数 and a 决算数 column: ``<item>_budget`` and
  ``<item>`` (total, abroad, vehicles, vehicle_purchase, vehicle_running, reception).
- 政府性基金 / 国有资本经营 收入支出决算表: ``opening`` 年初结转和结余, ``income`` 本年收入, ``total``
  本年支出合计, ``basic``, ``project``, ``closing`` 年末结转和结余.
"""
from __future__ import annotations

from ....model import ColumnKind, MoneyUnit, TableKind as K
from ..templates import (
    CODE, EXPENDITURE as EX, INCOME as IN, LABEL, ColumnSpec as C, FISCAL, TableTemplate, TemplateSet,
)

# 上海 prints 功能分类科目编码; the national 决算 form (中央部门) prints 项目/科目代码 over 科目名称.
_CODE = C(CODE, r"(编码|代码)(/合计)?$")
# The national form numbers its summaries' lines (行次 1 … 31 | 32 …) and heads their figures 金额:
# the line numbers are text, never the side's amount.
_LINE = r"行次$"
_NAME = r"名称$"
_ITEM = r"(^|/)项目$"
OPENING, CLOSING = "opening", "closing"
# Each 三公 item's two columns: 预算数 (``<key>_budget``) and 决算数 (``<key>``).
THREE_PUBLIC_ITEMS = (
    ("total", r"合计"), ("abroad", r"出国[^/]*"), ("vehicles", r"小计"), ("vehicle_purchase", r"购置费"),
    ("vehicle_running", r"运行维护费"), ("reception", r"接待费"),
)
_SUMMARY = dict(two_sided=True, totals=("总计", "收入总计", "支出总计"), subtotals=("本年收入合计", "本年支出合计"))
# The carry-over rows and what they break down into (一、一般公共预算财政拨款 … under 年初…结转和结余).
CARRY_OVER_GROUPS = ("年初结转和结余", "年末结转和结余", "年初财政拨款结转和结余", "年末财政拨款结转和结余")
_FUND = (
    _CODE, C(LABEL, _NAME), C(OPENING, r"^(项目/)?年初结转和结余"), C("income", r"本年收入"),
    C("total", r"本年支出/(合计|小计)$"), C("basic", r"本年支出/基本支出$"), C("project", r"本年支出/项目支出$"),
    C(CLOSING, r"年末结转和结余"),
)


def _three_public_columns() -> tuple[C, ...]:
    out = []
    for key, item in THREE_PUBLIC_ITEMS:
        out += [C(f"{key}_budget", rf"{item}/预算数$"), C(key, rf"{item}/决算数$")]
    return tuple(out)


SHANGHAI_FINAL_9 = TemplateSet(
    name="shanghai-final-9",
    region="上海",
    default_unit=MoneyUnit.WAN_YUAN,
    templates=(
        TableTemplate(
            K.FISCAL_SUMMARY, (r"财政拨款收入支出决算总表",),
            (
                C(LABEL, _ITEM, side=IN), C("line_number", _LINE, ColumnKind.TEXT, side=IN),
                C("amount", r"决算数$|金额$", side=IN),
                C(LABEL, _ITEM, side=EX), C("line_number", _LINE, ColumnKind.TEXT, side=EX),
                C("total", r"合计$|决算数$|金额$", side=EX),
                *(C(c.key, c.pattern, side=EX) for c in FISCAL),
            ),
            groups=CARRY_OVER_GROUPS, **_SUMMARY,  # type: ignore[arg-type]
        ),
        TableTemplate(
            K.INCOME_EXPENDITURE_SUMMARY, (r"^收入支出决算总表$",),
            (
                C(LABEL, _ITEM, side=IN), C("amount", r"决算数$", side=IN),
                C(LABEL, _ITEM, side=EX), C("total", r"决算数$", side=EX),
            ),
            **_SUMMARY,  # type: ignore[arg-type]
        ),
        TableTemplate(
            K.INCOME_SUMMARY, (r"^收入决算表$",),
            (
                _CODE, C(LABEL, _NAME), C("total", r"本年收入合计$"), C("fiscal", r"财政拨款收入$"),
                C("superior_subsidy", r"上级补助收入$"), C("business_income", r"^事业收入$"),
                C("operating_income", r"^经营收入$"), C("affiliated_income", r"附属单位上缴收入$"),
                C("other_income", r"其他收入$"),
            ),
            rules=("code_levels",),
        ),
        TableTemplate(
            K.EXPENDITURE_SUMMARY, (r"^支出决算表$",),
            (
                _CODE, C(LABEL, _NAME), C("total", r"本年支出合计$"), C("basic", r"基本支出$"),
                C("project", r"项目支出$"), C("to_superior", r"上缴上级支出$"),
                C("operating_expenditure", r"^经营支出$"), C("to_affiliated", r"对附属单位补助支出$"),
            ),
            rules=("code_levels",),
        ),
        TableTemplate(
            K.GENERAL_EXPENDITURE, (r"一般公共预算财政拨款支出决算表",),
            (_CODE, C(LABEL, _NAME), C("total", r"合计$|本年支出/小计$"), C("basic", r"基本支出$"),
             C("project", r"项目支出$")),
            rules=("code_levels",),
        ),
        TableTemplate(
            K.GENERAL_BASIC_ECONOMIC, (r"一般公共预算财政拨款基本支出决算表",),
            (_CODE, C(LABEL, _NAME), C("total", r"决算数$")),
            subtotals=("人员经费合计", "公用经费合计"), rules=("code_levels",), panes=2,
        ),
        TableTemplate(
            K.THREE_PUBLIC, (r"三公.{0,2}经费支出决算表",), _three_public_columns(), rules=("unlabelled_total",),
        ),
        TableTemplate(
            K.FUND_EXPENDITURE, (r"政府性基金预算财政拨款收入支出决算表",), _FUND, rules=("code_levels",),
        ),
        TableTemplate(
            K.STATE_CAPITAL_EXPENDITURE, (r"国有资本经营预算财政拨款收入支出决算表",), _FUND,
            rules=("code_levels",),
        ),
    ),
)

PROFILE = SHANGHAI_FINAL_9
