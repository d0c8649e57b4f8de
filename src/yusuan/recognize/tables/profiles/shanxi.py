"""The Shanxi table set (13 tables), as data. Titles and headers as printed in 山西 disclosures."""
from __future__ import annotations

from ....model import ColumnKind, MoneyUnit, TableKind as K
from ..templates import (
    CODE, EXPENDITURE as EX, FISCAL, INCOME as IN, LABEL, ColumnSpec as C, TableTemplate, TemplateSet,
)

_LABEL = r"(^|/)项目$|名称$"
_CODE = r"编码$|代码$"
_BASIC_PROJECT = (
    C(CODE, _CODE), C(LABEL, _LABEL), C("total", r"合计$"), C("basic", r"基本支出$"), C("project", r"项目支出$"),
)
_TWO_SIDED_TOTALS = dict(
    two_sided=True, totals=("收入总计", "支出总计", "合计", "总计"), subtotals=("本年收入合计", "本年支出合计"),
)

SHANXI_13 = TemplateSet(
    name="shanxi-13",
    region="山西",
    default_unit=MoneyUnit.WAN_YUAN,
    templates=(
        TableTemplate(
            K.FISCAL_SUMMARY, (r"财政拨款收支总表",),
            (
                C(LABEL, _LABEL, side=IN), C("amount", r".", side=IN),
                C(LABEL, _LABEL, side=EX), C("total", r"小计$|合计$|金额$", side=EX),
                *(C(c.key, c.pattern, side=EX) for c in FISCAL),
            ),
            groups=("上年财政拨款结转",), **_TWO_SIDED_TOTALS,  # type: ignore[arg-type]
        ),
        TableTemplate(
            K.INCOME_EXPENDITURE_SUMMARY, (r"收支总表",),
            (
                C(LABEL, _LABEL, side=IN), C("amount", r".", side=IN),
                C(LABEL, _LABEL, side=EX), C("total", r"合计$|小计$", side=EX),
                C("current_year", r"当年|本年", side=EX), C("carry_over", r"结转", side=EX),
            ),
            **_TWO_SIDED_TOTALS,  # type: ignore[arg-type]
        ),
        TableTemplate(
            K.INCOME_SUMMARY, (r"收入总表",),
            (
                C(CODE, _CODE), C(LABEL, _LABEL), C("total", r"合计$"), *FISCAL,
                C("special_account", r"财政专户"), C("unit_funds", r"单位资金"), C("carry_over", r"上年结转"),
            ),
            rules=("code_levels",),
        ),
        TableTemplate(K.EXPENDITURE_SUMMARY, (r"支出总表",), _BASIC_PROJECT, rules=("code_levels",)),
        TableTemplate(
            K.GENERAL_EXPENDITURE, (r"一般公共预算支出(预算)?表",), _BASIC_PROJECT, rules=("code_levels",),
        ),
        TableTemplate(
            K.GENERAL_BASIC_ECONOMIC, (r"基本支出分?经济科目表",),
            (
                C("gov_economic_name", r"政府预算.*名称$", ColumnKind.TEXT), C(LABEL, _LABEL),
                C("total", r"合计$"), C("personnel", r"人员经费"), C("operating", r"公用经费"),
            ),
            rules=("economic_classes",),
        ),
        TableTemplate(
            K.FUND_INCOME, (r"政府性基金预算收入(预算)?表",),
            (C(CODE, _CODE), C(LABEL, _LABEL), C("amount", r"预算$|预算数$|金额$|合计$")),
            rules=("code_levels",),
        ),
        TableTemplate(
            K.FUND_EXPENDITURE, (r"政府性基金预算支出(预算)?表",), _BASIC_PROJECT, rules=("code_levels",),
        ),
        TableTemplate(
            K.STATE_CAPITAL, (r"国有资本经营预算收支(预算)?表",),
            (
                C(CODE, _CODE, side=IN), C(LABEL, _LABEL, side=IN), C("amount", r".", side=IN),
                *(C(c.key, c.pattern, side=EX) for c in _BASIC_PROJECT),
            ),
            **_TWO_SIDED_TOTALS,  # type: ignore[arg-type]
            rules=("code_levels",),
        ),
        TableTemplate(
            K.THREE_PUBLIC, (r"^(?!.*机关运行).*三公.{0,2}经费(支出)?(预算)?表",),
            (C(LABEL, _LABEL), C("total", r"合计$"), *FISCAL),
            rules=("sub_items",),
        ),
        TableTemplate(
            K.AGENCY_RUNNING, (r"^(?!.*三公).*机关运行经费(支出)?(预算)?表",),
            (C(LABEL, _LABEL), C("total", r"合计$"), *FISCAL),
            totals=("合计", "部门合计", "总计"),
        ),
        TableTemplate(
            K.PROJECTS, (r"项目支出(预算)?表\(本年(预算)?\)",),
            (
                C(LABEL, _LABEL), C("total", r"合计$"), *FISCAL,
                C("special_account", r"财政专户"), C("unit_funds", r"单位资金"),
            ),
            rules=("unit_groups",),
        ),
        TableTemplate(
            K.PROJECTS_CARRYOVER, (r"项目支出(预算)?表\(上年结转\)",),
            (C(LABEL, _LABEL), C("total", r"合计$"), *FISCAL),
            rules=("unit_groups",),
        ),
    ),
)

PROFILE = SHANXI_13
