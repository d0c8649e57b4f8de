"""The national table set, by meaning: what the Ministry of Finance makes every 部门预算 and 部门决算
publish, under whatever title a province, city or county prints it.

Titles vary (收支总表, 收支预算总表, 部门收支总体情况表, 2026年部门综合预算收支总表, 收入支出决算总表; 表一,
公开01表, 预算01表 before or above), so each kind is known by the words its title cannot do without,
tried from the most specific kind to the most general (财政拨款收支总表 before 收支总表, 一般公共预算基本支出
before 一般公共预算支出). Headers vary as much; the column vocabulary below is shared by every kind, each
pattern searched in the folded header path (``功能分类科目/科目编码``, ``本年收入/一般公共预算``).

This set is read after the regional profiles (which know their region's own wording) and before the
generic fallback. A regional profile is an extension of this one: aliases and extras.
"""
from __future__ import annotations

from typing import Any

from ....model import ColumnKind, MoneyUnit, TableKind as K
from ..templates import (
    CODE, CODE_KUAN, CODE_XIANG, EXPENDITURE as EX, INCOME as IN, LABEL, ColumnSpec as C, TableTemplate, TemplateSet,
)

_TEXT = ColumnKind.TEXT
# Who a row is (a unit's code is not a classification code), its code in one cell or over 类 款 项, its name.
_WHO = (C("unit_code", r"(单位|部门)(编码|代码)$", _TEXT), C("seq", r"^序号$", _TEXT))
# Text columns no spec names (规格型号, 备注, 资金性质, 政府经济分类科目代码 …) are kept as text, never as amounts;
# so are a code's 类 / 款 / 项 under a header that does not say 编码 (西安 2021: 部门预算支出 / 类 款).
_TEXT_HEADERS = (r"序号|行次|名称$|代码$|编码|类别$|性质$|备注$|说明$|简介$|内容$|型号$|时间$|目录$|方式$|形式$|数量$|人数$|天数$"
                 r"|是否|绩效|目标|/[类款项]$")
_CODES = (C(CODE, r"编码(/类)?$|代码$|^类$|科目/类$"), C(CODE_KUAN, r"(编码/|^|科目/)款$"),
          C(CODE_XIANG, r"(编码/|^|科目/)项$"))
_NAME = r"名称$|(^|/)项目$|(^|/)科目$|功能科目$|经济科目$|资金使用单位|^项目/|^科目/(?!.*编码)"
_LABEL = C(LABEL, _NAME)
# Earlier years printed beside this year's (2025年预算数 | 2026年预算数): see `headers.relative_years`.
_LAST_YEAR = C("last_year", r"^上年(预算|决算)?数?$")
_CHANGE = C("change", r"增减|变化|增长|比上年", _TEXT)
_TOTAL = r"(^|/)(总计|合计|小计|预算数?|金额|预算金额|本年预算|决算数|本年支出合计|项目金额)$"
_SPENDING = (
    C("basic", r"基本支出(/小计|/合计)?$"), C("personnel", r"人员(经费|类)(支出)?$"), C("operating", r"公用经费(支出)?$"),
    C("project", r"项目支出$|专项业务经费(支出)?$|项目金额$"), C("unit_operating", r"经营支出$"),
    C("subsidy_to_units", r"对附属单位补助支出$"), C("remit_upward", r"上缴上级支出$"),
)
_SOURCES = (
    C("general_public", r"一般公共预算|(^|/)公共预算拨款(/小计)?$"), C("gov_fund", r"政府性基金"), C("state_capital", r"国有资本"),
    C("special_account", r"财政专户"), C("unit_funds", r"单位资金"), C("carry_over", r"上年结转|结转结余"),
    # 西安's 收入总表 and 支出总表 add two sources of their own beside 上年结转.
    C("cash_balance", r"实户资金余额"), C("fund_offset", r"用事业基金弥补"),
    C("fiscal", r"(财政|预算)拨款(收入)?$|本级财政"), C("business_income", r"^(?!.*经营).*事业收入$"),
    C("operating_income", r"经营(服务)?收入$"), C("upper_subsidy", r"上级补助"),
    C("subordinate_remit", r"附属单位上缴"), C("other_income", r"其[他它](资金|收入)?$|其[他它]资金收入/|其[他它]收入"),
)
_ROWS = (*_WHO, *_CODES, _LABEL, _LAST_YEAR, C("total", _TOTAL), *_SPENDING, *_SOURCES, _CHANGE)
_THREE_PUBLIC = (
    *_WHO, *_CODES, _LABEL, _LAST_YEAR, C("total", r"(^|/)(合计|小计|总计|预算数|三公.*(合计|小计|预算数))$"),
    C("abroad", r"出国"), C("vehicles", r"购置及运行(维护)?费(/小计)?$"), C("vehicle_purchase", r"购置(费)?$"),
    C("vehicle_running", r"运行(维护)?费$"), C("reception", r"接待"), C("meeting", r"会议费$"), C("amount", r"金额$"),
    C("training", r"培训费$"), C("agency_running", r"机关运行经费|行政经费"), *_SOURCES[:3], _CHANGE,
)
_SIDES = (
    # a 决算's 行次 column (1 … 31) numbers the lines: text, never the income side's amount
    C(LABEL, _NAME, side=IN), C("line_number", r"行次$", _TEXT, side=IN), C("amount", r".", side=IN),
    C(LABEL, r"^支出/(支出)?功能分?类?科目|" + _NAME, side=EX), C("total", _TOTAL, side=EX),
    # Xi'an prints the expenditure three ways side by side: by function, by 部门预算 and 政府预算 economic class.
    C("label_dept_economic", r"部门预算支出经济", _TEXT, side=EX), C("dept_economic", r"预算数$", side=EX),
    C("label_gov_economic", r"政府预算支出经济", _TEXT, side=EX), C("gov_economic", r"预算数$", side=EX),
    C("current_year", r"当年|本年(?!预算$)", side=EX), C("carry_over", r"结转", side=EX),
    *(C(c.key, c.pattern, side=EX) for c in (*_SPENDING, *_SOURCES[:3])),
)
_TWO_SIDED: dict[str, Any] = dict(two_sided=True, totals=("收入总计", "支出总计", "合计", "总计", "收入合计", "支出合计"),
                  subtotals=("本年收入合计", "本年支出合计", "本年收入", "本年支出"), rules=("numbered_items",))
_CODED = ("code_levels",)


_ROW_TOTALS = ("合计", "总计", "部门合计", "单位合计")


def _t(kind: K, titles: str, columns: tuple[C, ...] = _ROWS, **kw: Any) -> TableTemplate:
    kw.setdefault("totals", _ROW_TOTALS)
    return TableTemplate(kind, (titles,), columns, text_columns=_TEXT_HEADERS, **kw)


NATIONAL = TemplateSet(
    name="national",
    region="全国",
    default_unit=MoneyUnit.WAN_YUAN,
    templates=(
        _t(K.THREE_PUBLIC_AND_RUNNING, r"三公.{0,12}(和|及|、)机关运行|机关运行.{0,6}(和|及|、).{0,4}三公", _THREE_PUBLIC,
           rules=("unlabelled_total", "sub_items")),
        _t(K.THREE_PUBLIC, r"三公", _THREE_PUBLIC, rules=("unlabelled_total", "sub_items")),
        _t(K.AGENCY_RUNNING, r"机关运行", (*_ROWS[:-1], C("agency_running", r"机关运行经费"), _CHANGE), rules=_CODED),
        _t(K.MEETING_TRAINING, r"^(会议费|培训费)", _THREE_PUBLIC),
        _t(K.PROCUREMENT, r"政府采购", (
            *_WHO, *_CODES, C(LABEL, r"^采购项目$|品目大类$|(^|/)项目$|名称$"),
            C("label_item", r"采购(目录|品目名称)$", _TEXT), C("procurement_method", r"组织形式$|采购方式", _TEXT),
            C("total", _TOTAL + r"|采购预算$"), *_SOURCES,
        )),
        _t(K.CARRYOVER_EXPENDITURE, r"结转资金支出", rules=_CODED),
        _t(K.PROJECTS_CARRYOVER, r"项目支出.*[(（]上年结转[)）]", rules=("unit_groups",)),
        _t(K.GENERAL_PROJECT_ECONOMIC, r"一般公共预算.{0,4}项目支出.*经济", rules=_CODED),
        _t(K.PROJECTS, r"项目支出|专项业务经费|专项资金.{0,6}支出表", rules=("unit_groups",)),
        _t(K.FUND_INCOME, r"政府性基金.{0,8}收入(预算)?表"),
        _t(K.FUND_SUMMARY, r"政府性基金.{0,12}收支", _SIDES, **_TWO_SIDED),
        _t(K.FUND_EXPENDITURE, r"政府性基金.{0,12}支出", rules=_CODED),
        _t(K.STATE_CAPITAL, r"国有资本经营.{0,8}收支", _SIDES, **_TWO_SIDED),
        _t(K.STATE_CAPITAL_EXPENDITURE, r"国有资本经营.{0,12}支出", rules=_CODED),
        _t(K.GENERAL_BASIC_FUNCTION, r"一般公共预算.{0,8}基本支出.*功能", rules=_CODED),
        _t(K.GENERAL_BASIC_ECONOMIC, r"一般公共预算.{0,8}基本支出", rules=("code_levels", "economic_classes")),
        _t(K.GENERAL_ECONOMIC, r"一般公共预算.{0,8}支出.*经济", rules=("code_levels", "economic_classes")),
        _t(K.GENERAL_EXPENDITURE, r"一般公共预算.{0,8}支出", rules=_CODED),
        _t(K.FISCAL_SUMMARY, r"财政拨款.{0,2}(收支|收入支出)", _SIDES, groups=("上年财政拨款结转",),
           **_TWO_SIDED),
        _t(K.FISCAL_BASIC_ECONOMIC, r"财政拨款.{0,2}基本支出", rules=("code_levels", "economic_classes")),
        _t(K.FISCAL_EXPENDITURE, r"财政拨款.{0,2}支出", rules=_CODED),
        _t(K.BASIC_EXPENDITURE, r"(部门|单位)预算基本支出", rules=("code_levels", "economic_classes")),
        _t(K.INCOME_EXPENDITURE_SUMMARY, r"收支|收入支出", _SIDES, **_TWO_SIDED),
        _t(K.INCOME_SUMMARY, r"收入(预算|决算)?(总|表$)", rules=("code_levels", "marked_groups")),
        _t(K.EXPENDITURE_SUMMARY, r"支出(预算|决算)?(总|表$)", rules=_CODED),
    ),
)

PROFILE = NATIONAL
