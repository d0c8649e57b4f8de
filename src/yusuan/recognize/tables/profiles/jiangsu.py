"""The Jiangsu provincial table set (12 tables), as data. Titles and headers as printed in 江苏省
省级部门预算公开 (2017–2018: 公开01表 … 公开12表, or 一、… 十二、 before the title).

What differs from Shanxi and Shanghai, said here once:

- 收支预算总表 prints the expenditure twice, by function (功能分类) and by use (支出用途: 基本支出,
  项目支出, 单位预留机动经费), side by side; the function columns are their own side
  (``expenditure_function``) and the totals (当年支出小计, 支出合计) stand under 支出用途.
- 收入预算总表 lists the sources as rows, named over two or three columns (``一般公共预算资金 | 小计``,
  ``| 公共财政拨款(补助)资金``) under one merged 项目名称 header.
- 支出预算总表 is one row of figures: 合计 = 基本支出 + 项目支出 + 单位预留机动经费 (+ 结转下年资金).
- Function and economic tables print one 金额 column; 财政拨款 and 一般公共预算 variants of each.
- “三公”经费、会议费、培训费 table: one row; 合计 = “三公”经费小计 + 会议费 + 培训费.
- 政府采购预算表: an outline over columns (品目大类 → 专项名称 → 经济科目 → 采购物品名称).
"""
from __future__ import annotations

from ....model import ColumnKind, MoneyUnit, TableKind as K
from ..templates import (
    CODE, EXPENDITURE as EX, EXPENDITURE_FUNCTION as EXF, INCOME as IN, LABEL, ColumnSpec as C, TableTemplate,
    TemplateSet,
)

_CODE = r"编码$|代码$"
_NAME = r"名称$"
_AMOUNT = r"金额$|合计$"
_CODED = (C(CODE, _CODE), C(LABEL, _NAME), C("total", _AMOUNT))
_TOTALS = ("收入合计", "支出合计", "收入总计", "支出总计", "合计", "总计")
_SUMMARY = dict(two_sided=True, totals=_TOTALS, subtotals=("当年收入小计", "当年支出小计", "本年收入合计", "本年支出合计"))
_T = TableTemplate

JIANGSU_12 = TemplateSet(
    name="jiangsu-12",
    region="江苏",
    default_unit=MoneyUnit.WAN_YUAN,
    templates=(
        _T(K.FISCAL_SUMMARY, (r"财政拨款收支(预算)?总表",), (
            C(LABEL, _NAME, side=IN), C("amount", r"金额$", side=IN), C(LABEL, _NAME, side=EX), C("total", r"金额$", side=EX),
        ), **_SUMMARY),  # type: ignore[arg-type]
        _T(K.INCOME_EXPENDITURE_SUMMARY, (r"收支(预算)?总表",), (
            C(LABEL, _NAME, side=IN), C("amount", r"金额$", side=IN),
            C(LABEL, _NAME, side=EXF), C("total", r"金额$", side=EXF),
            C(LABEL, _NAME, side=EX), C("total", r"金额$", side=EX),
        ), rules=("numbered_items",), **_SUMMARY),  # type: ignore[arg-type]
        _T(K.INCOME_SUMMARY, (r"收入(预算)?总表",), (C(LABEL, _NAME), C("total", _AMOUNT)),
           totals=("收入总计", "合计", "总计"), rules=("marked_groups",)),
        _T(K.EXPENDITURE_SUMMARY, (r"支出(预算)?总表",), (
            C("total", r"^合计$"), C("basic", r"基本支出$"), C("project", r"项目支出$"),
            C("reserve", r"预留机动经费$"), C("next_year_carry", r"结转下年"),
        ), rules=("unlabelled_total",)),
        _T(K.FUND_EXPENDITURE, (r"政府性基金.{0,8}支出(预算)?表",), _CODED, rules=("code_levels",)),
        _T(K.FISCAL_BASIC_ECONOMIC, (r"财政拨款基本支出(预算)?表",), _CODED, rules=("code_levels",)),
        _T(K.FISCAL_EXPENDITURE, (r"财政拨款支出(预算)?表",), _CODED, rules=("code_levels",)),
        _T(K.GENERAL_BASIC_ECONOMIC, (r"一般公共预算基本支出(预算)?表",), _CODED, rules=("code_levels",)),
        _T(K.AGENCY_RUNNING, (r"机关运行经费",), (C(CODE, _CODE), C(LABEL, _NAME), C("total", r"机关运行经费|金额$")),
           rules=("code_levels",)),
        _T(K.THREE_PUBLIC, (r"三公",), (
            C("grand_total", r"^合计$"), C("total", r"^[^/]*三公[^/]*/(小计|合计)$"), C("abroad", r"出国"),
            C("vehicles", r"购置及运行(维护)?费(/小计)?$"), C("vehicle_purchase", r"/(公务用车)?购置费$"),
            C("vehicle_running", r"/(公务用车)?运行(维护)?费$"), C("reception", r"接待费$"),
            C("meeting", r"会议费$"), C("training", r"培训费$"),
        ), rules=("unlabelled_total",)),
        _T(K.GENERAL_EXPENDITURE, (r"一般公共预算支出(预算)?表",), _CODED, rules=("code_levels",)),
        _T(K.PROCUREMENT, (r"政府采购",), (
            C(LABEL, r"品目大类$"), C("label_project", r"专项名称$", ColumnKind.TEXT),
            C("label_economic", r"经济科目$", ColumnKind.TEXT), C("label_item", r"物品名称$", ColumnKind.TEXT),
            C("procurement_method", r"组织形式$", ColumnKind.TEXT), C("total", r"总计$|合计$|金额$"),
        )),
    ),
)

PROFILE = JIANGSU_12
