"""Shanghai 编制说明: the opening totals (收入预算, 财政拨款收入, 支出预算, 财政拨款支出预算 by source)
against the 财务收支预算总表 and the 财政拨款收支预算总表."""
from __future__ import annotations

import re

from ...model import Disclosure, TableKind
from ..catalog import NotApplicable, rule
from ..context import AuditContext
from ..findings import Location, Severity
from ..tablekit import col_label, find_row
from .narrative_shanghai_items import NUMBER, paragraphs, stated_vs_table, wan

S, F = TableKind.INCOME_EXPENDITURE_SUMMARY, TableKind.FISCAL_SUMMARY
# (what the sentence calls it, its pattern, table, side, row labels, column) — first mention of each.
_TOTALS = (
    ("收入预算", r"(?<![拨款])收入预算", S, "income", ("收入总计",), "amount"),
    ("财政拨款收入", r"财政拨款收入", S, "income", ("一、财政拨款收入", "财政拨款收入"), "amount"),
    ("事业收入", r"(?<!经营)事业收入", S, "income", ("二、事业收入", "事业收入"), "amount"),
    ("事业单位经营收入", r"事业单位经营收入", S, "income", ("三、事业单位经营收入", "事业单位经营收入"), "amount"),
    ("其他收入", r"其他收入", S, "income", ("四、其他收入", "其他收入"), "amount"),
    ("支出预算", r"(?<![拨款])支出预算", S, "expenditure", ("支出总计",), "total"),
    ("财政拨款支出预算", r"财政拨款支出预算", F, "expenditure", ("支出总计",), "total"),
    ("一般公共预算拨款支出预算", r"一般公共预算拨款支出预算", F, "expenditure", ("支出总计",), "general_public"),
    ("政府性基金拨款支出预算", r"政府性基金(?:预算)?拨款支出预算", F, "expenditure", ("支出总计",), "gov_fund"),
    ("国有资本经营预算拨款支出预算", r"国有资本经营预算拨款支出预算", F, "expenditure", ("支出总计",), "state_capital"),
)


@rule("narrative.shanghai_totals", family="narrative", title="编制说明的收支总数与收支总表不一致",
      severity=Severity.ERROR)
def check(d: Disclosure, ctx: AuditContext):
    """上海格式的部门（单位）预算编制说明开头复述总数：“收入预算9628.22万元，其中：财政拨款收入9628.22万元……；
    事业收入0万元；其他收入0万元”“支出预算9628.22万元，其中：财政拨款支出预算9628.22万元……一般公共预算拨款
    支出预算9628.22万元；政府性基金拨款支出预算0万元”。收入各项与《财务收支预算总表》收入方对应行、支出预算与
    其支出总计比对；财政拨款支出预算及其分来源与《财政拨款收支预算总表》支出总计行的对应列比对。每项只比对第一次
    出现的本年金额（“比2025年预算增加793.14万元”之类的增减额不比）。

    为什么：这几句是编制说明最先读到的数字；复述表中总数时写错（“财政拨款收入0.3万元”对表中2,961.68万元）
    读者无从察觉。
    容差：表数（元）按四舍五入折成说明的万元位数后应相同；差额在两处印刷的舍入之内为尾差提示，超出为错误。
    例：说明“收入预算9628.22万元”，表中收入总计96,282,213.44元，折合9628.22万元，一致。
    """
    said = list(paragraphs(d, "编制说明"))
    if not said:
        raise NotApplicable("说明中没有预算编制说明一节")
    seen = False
    for name, word, kind, side, labels, column in _TOTALS:
        t = ctx.table(kind)
        row = find_row(t, *labels, side=side) if t is not None else None
        pattern = re.compile(word + NUMBER + "万元")
        hit = next(((s, m) for s in said if (m := pattern.search(s.text))), None)
        cell = row.amount(column) if row is not None else None
        if t is None or row is None or hit is None or cell is None:
            continue  # a cell not read as a figure (120258,600) is not judged: the summary always prints one
        seen = True
        s, m = hit
        stated = wan(m.group(1))
        f = stated_vs_table("narrative.shanghai_totals", stated, cell,
                            f"说明中“{name}{stated}”应与《{t.title}》“{row.label}”行“{col_label(t, column)}”列一致",
                            (s.at(m), Location.of_value(t, row, column)))
        if f:
            yield f
    if not seen:
        raise NotApplicable("编制说明中没有复述收支总数")
