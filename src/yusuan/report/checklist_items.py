"""The reviewer's checklist (公开情况检查表) as data, and where each finding belongs on it.

The items follow the order reviewers work through a publication (timeliness aside): cover,
contents, duties, organisation, glossary, the parts of the 情况说明, every table of the template in
publication order, the project forms, and a last row for what fits nowhere else. A finding goes to
the item of its main location (see checklist_place).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Disclosure, TableKind
from ..templates import template

OTHER = "other"


@dataclass(frozen=True)
class Item:
    """One checklist row. `headings`: words of a narrative heading that place a section here."""

    key: str
    title: str
    content: str
    headings: tuple[str, ...] = ()


FRONT = (
    Item("cover", "封面", "封面载明部门（单位）名称、预算年度和“部门预算”字样，与正文一致。", ("封面",)),
    Item("contents", "目录", "目录完整，所列各部分和各张表格在正文中均能找到。", ("目录",)),
    Item("duties", "职能职责（部门职责）", "公开部门主要职能职责，表述完整。", ("职责", "职能")),
    Item("organisation", "机构设置", "公开内设机构和所属预算单位，单位名称、数量与报表一致。", ("机构设置",)),
    Item("glossary", "名词解释", "对专业性较强的名词作出解释。", ("名词解释",)),
)
NARRATIVE = (
    Item("n.overall", "编制说明：收支总体情况", "收支总额、构成及比上年增减变化和原因，与收支总表一致。",
         ("收支总体", "收支数据", "收支预算总体情况", "编制说明")),
    Item("n.income", "编制说明：收入预算", "收入总额、各来源金额和占比，与收入总表一致。", ("收入预算", "收入情况")),
    Item("n.expenditure", "编制说明：支出预算", "支出总额、基本支出和项目支出金额及占比，与支出总表一致。",
         ("支出预算情况", "支出情况说明")),
    Item("n.fiscal", "编制说明：财政拨款收支", "财政拨款收支总额、构成及增减，与财政拨款收支总表一致。", ("财政拨款",)),
    Item("n.general", "编制说明：一般公共预算支出", "一般公共预算支出规模、结构、增减变化及原因，与一般公共预算支出表一致。",
         ("一般公共预算",)),
    Item("n.basic", "编制说明：基本支出", "基本支出中人员经费、公用经费金额及构成，与基本支出经济科目表一致。", ("基本支出",)),
    Item("n.three_public", "编制说明：“三公”经费", "“三公”经费总额及各项金额、增减变化和原因，与“三公”经费表一致。",
         ("三公",)),
    Item("n.running", "编制说明：机关运行经费", "机关运行经费金额、增减变化和原因，与机关运行经费表一致。", ("机关运行",)),
    Item("n.procurement", "编制说明：政府采购", "政府采购预算总额及货物、工程、服务金额，分项之和等于总额。", ("政府采购",)),
    Item("n.assets", "编制说明：国有资产占有使用", "车辆、房屋、大型设备等国有资产情况，数字前后一致。", ("国有资产",)),
    Item("n.performance", "编制说明：绩效目标", "绩效管理情况，项目个数、金额、覆盖面与绩效目标表一致。", ("绩效",)),
    Item("n.other", "编制说明：其他说明", "其他需要说明的事项，无未填写的模板文字。", ("其他",)),
)
# A project's own statement has seven parts (项目概述 … 绩效目标): their headings place a finding with the
# projects even where the statement's own heading is not among the section's parents.
TARGETS = Item("targets", "项目说明/绩效目标表", "逐项公开项目绩效目标表，资金来源合计正确、年度金额与项目支出表一致，指标完整。",
               ("项目经费", "项目说明", "绩效目标表", "项目概述", "立项依据", "实施主体", "实施方案", "实施周期"))
OTHER_ITEM = Item(OTHER, "其他问题", "不属于以上各项的问题，及文件读取中未能归位的内容。")

TABLE_CONTENT = {
    TableKind.INCOME_EXPENDITURE_SUMMARY: "收入总计等于支出总计，本年收入合计加上年结转等于收入总计，各合计正确。",
    TableKind.INCOME_SUMMARY: "各科目本年收入之和及上年结转正确，类、款、项逐级汇总正确，与收支总表一致。",
    TableKind.EXPENDITURE_SUMMARY: "合计等于基本支出加项目支出，类、款、项逐级汇总正确，与收入总表科目一致。",
    TableKind.FISCAL_SUMMARY: "财政拨款收入总计等于支出总计，各来源与收支总表、收入总表一致。",
    TableKind.GENERAL_EXPENDITURE: "一般公共预算支出与收入总表一般公共预算列逐科目一致，基本加项目等于合计。",
    TableKind.GENERAL_BASIC_ECONOMIC: "人员经费加公用经费等于合计，经济科目逐级汇总正确，合计等于一般公共预算基本支出。",
    TableKind.FUND_INCOME: "政府性基金收入合计与支出表一致；无数据的空表有说明。",
    TableKind.FUND_EXPENDITURE: "政府性基金支出合计与收入一致，科目逐级汇总正确；无数据的空表有说明。",
    TableKind.STATE_CAPITAL: "国有资本经营预算收支合计正确；无数据的空表有说明。",
    TableKind.STATE_CAPITAL_EXPENDITURE: "国有资本经营预算支出合计正确；无数据的空表有说明。",
    TableKind.THREE_PUBLIC: "“三公”经费合计等于因公出国（境）、公务用车购置及运行、公务接待之和，各项均列示。",
    TableKind.AGENCY_RUNNING: "机关运行经费各单位之和等于合计，与行政（参公）单位公用经费一致。",
    TableKind.THREE_PUBLIC_AND_RUNNING: "“三公”经费各项之和等于合计，机关运行经费列示完整。",
    TableKind.PROJECTS: "各单位小计等于所属项目之和，合计正确，与支出总表项目支出衔接。",
    TableKind.PROJECTS_CARRYOVER: "上年结转项目金额之和正确，与支出总表项目支出衔接。",
    TableKind.FISCAL_EXPENDITURE: "财政拨款支出类、款、项逐级汇总正确，合计与财政拨款收支总表一致。",
    TableKind.FISCAL_BASIC_ECONOMIC: "财政拨款基本支出经济科目逐级汇总正确，合计与支出总表基本支出一致。",
    TableKind.PROCUREMENT: "政府采购预算各品目之和等于合计，货物、工程、服务分类列示。",
}


def table_items(d: Disclosure) -> tuple[Item, ...]:
    """One item per table of the template (publication order), then any other table kind found."""
    required = list(template(d.meta.template).tables)
    kinds = required + [t.kind for t in d.tables if t.kind not in required]
    kinds = list(dict.fromkeys(kinds))
    titles = {t.kind: t.title for t in reversed(d.tables)}  # the first table of a kind names it
    return tuple(
        Item(f"table.{k.value}", f"{_label(i, k, required)}：{titles.get(k, k.title_zh)}",
             TABLE_CONTENT.get(k, "表格完整，合计正确。"))
        for i, k in enumerate(kinds, 1)
    )


def _label(i: int, kind: TableKind, required: list[TableKind]) -> str:
    return f"表{i}" if kind in required else "其他表格"


def checklist(d: Disclosure) -> tuple[Item, ...]:
    return (*FRONT, *NARRATIVE, *table_items(d), TARGETS, OTHER_ITEM)
