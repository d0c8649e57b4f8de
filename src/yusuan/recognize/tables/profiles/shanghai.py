"""The Shanghai table set (9 tables), as data. Titles and headers as printed in 上海 (普陀区) disclosures.

The 部门 and 单位 variants print the same tables (``2025年部门收入预算总表`` /
``2025年预算单位收入预算总表``). Amounts are in 元 except the 三公 table (万元); each table's own
``单位：`` line decides. Function and economic codes are split over 类 款 项 columns (``208 05 01``);
the row reader joins them with `reference.codes.parse_code`.

Column keys are the Shanxi ones where the meaning is the same (total, general_public, gov_fund,
state_capital, basic, project, personnel, operating, amount). Shanghai-only columns:

- 收入预算总表: ``fiscal`` 财政拨款收入 (= 一般公共预算 + 政府性基金 + 国有资本经营, not split here),
  ``business_income`` 事业收入, ``operating_income`` 事业单位经营收入, ``other_income`` 其他收入.
- “三公”经费和机关运行经费预算表 (one data row, no label; the row is the table's TOTAL):
  ``total`` 三公合计, ``abroad`` 因公出国(境)费, ``reception`` 公务接待费, ``vehicles`` 公务用车购置及运行费
  (小计), ``vehicle_purchase`` 购置费, ``vehicle_running`` 运行费, ``agency_running`` 机关运行经费预算数.
"""
from __future__ import annotations

from ....model import MoneyUnit, TableKind as K
from ..templates import (
    FISCAL,
    CODE, CODE_KUAN, CODE_XIANG, EXPENDITURE as EX, INCOME as IN, LABEL, ColumnSpec as C, TableTemplate, TemplateSet,
)

# 类 款 项: the three cells under 科目编码 (the economic table prints 类 款 only).
_CODES = (C(CODE, r"编码/类$|编码$|代码$"), C(CODE_KUAN, r"编码/款$"), C(CODE_XIANG, r"编码/项$"))  # or joined codes
_NAME = r"名称$"
_BASIC_PROJECT = (*_CODES, C(LABEL, _NAME), C("total", r"合计$"), C("basic", r"基本支出$"), C("project", r"项目支出$"))
_TWO_SIDED = dict(two_sided=True, totals=("收入总计", "支出总计", "合计", "总计"))
# ``一、财政拨款收入`` heads ``1. 一般公共预算资金`` …; ``一、…支出`` lines are items.
_SUMMARY_RULES = ("numbered_items",)

SHANGHAI_9 = TemplateSet(
    name="shanghai-9",
    region="上海",
    default_unit=MoneyUnit.YUAN,
    templates=(
        TableTemplate(
            K.FISCAL_SUMMARY, (r"财政拨款收支预算总表",),
            (
                C(LABEL, r"(^|/)项目$", side=IN), C("amount", r".", side=IN),
                C(LABEL, r"(^|/)项目$", side=EX), C("total", r"合计$", side=EX),
                *(C(c.key, c.pattern, side=EX) for c in FISCAL),
            ),
            **_TWO_SIDED,  # type: ignore[arg-type]
        ),
        TableTemplate(
            K.INCOME_EXPENDITURE_SUMMARY, (r"财务收支预算总表",),
            (
                C(LABEL, r"(^|/)项目$", side=IN), C("amount", r".", side=IN),
                C(LABEL, r"(^|/)项目$", side=EX), C("total", r"预算数$|合计$", side=EX),
                # 单位 variant (社会福利院 2024): 预算数 split into 合计 / 基本支出 (人员经费 公用经费) / 项目支出
                C("personnel", r"人员经费$", side=EX), C("operating", r"公用经费$", side=EX),
                C("project", r"项目支出$", side=EX),
            ),
            rules=_SUMMARY_RULES, **_TWO_SIDED,  # type: ignore[arg-type]
        ),
        TableTemplate(
            K.INCOME_SUMMARY, (r"收入预算总表",),
            (
                *_CODES, C(LABEL, _NAME), C("total", r"合计$"), C("fiscal", r"财政拨款收入?$"),
                C("business_income", r"^(?!.*经营).*事业收入$"), C("operating_income", r"经营收入$"),
                C("other_income", r"其他收入$"),
            ),
            rules=("code_levels",),
        ),
        TableTemplate(K.EXPENDITURE_SUMMARY, (r"支出预算总表",), _BASIC_PROJECT, rules=("code_levels",)),
        TableTemplate(
            K.GENERAL_EXPENDITURE, (r"一般公共预算支出功能分类预算表",), _BASIC_PROJECT, rules=("code_levels",),
        ),
        TableTemplate(
            K.FUND_EXPENDITURE, (r"政府性基金预算支出功能分类预算表",), _BASIC_PROJECT, rules=("code_levels",),
        ),
        TableTemplate(
            K.STATE_CAPITAL_EXPENDITURE, (r"国有资本经营预算支出功能分类预算表",), _BASIC_PROJECT,
            rules=("code_levels",),
        ),
        TableTemplate(
            K.GENERAL_BASIC_ECONOMIC, (r"基本支出.{0,6}经济分类预算表",),
            (*_CODES, C(LABEL, _NAME), C("total", r"合计$"), C("personnel", r"人员经费$"),
             C("operating", r"公用经费$")),
            rules=("code_levels",),
        ),
        TableTemplate(
            K.THREE_PUBLIC_AND_RUNNING, (r"三公.{0,2}经费和机关运行经费(预算)?表",),
            (
                C("total", r"三公.*/合计$"), C("abroad", r"出国"), C("reception", r"接待费$"),
                C("vehicles", r"购置及运行费(/小计)?$"), C("vehicle_purchase", r"/购置费$"),
                C("vehicle_running", r"/运行(维护)?费$"), C("agency_running", r"机关运行经费"),
            ),
            rules=("unlabelled_total",), default_unit=MoneyUnit.WAN_YUAN,  # printed in 万元 among 元 tables
        ),
    ),
)

PROFILE = SHANGHAI_9
