"""决算 说明's totals against the tables: 收入支出总计, 本年收入合计, 本年支出合计 (基本/项目), 财政拨款收入支出
总计, 一般公共预算财政拨款支出 and its share of 本年支出合计."""
from __future__ import annotations

import re

from ...text.folding import fold
from ..catalog import NotApplicable, rule
from ..claims.checks import against_cell, at, check_percent
from ..final_kit import EX, IN, final_section, row_named
from ..findings import Severity
from ..stage import require_final
from ..tablekit import K, cell

# (section title, subject pattern of the stated amount, table kind, row label(s), side, column)
CHECKS = (
    ("收入支出决算总体情况说明", r"收入支出总计$", K.INCOME_EXPENDITURE_SUMMARY, ("总计",), EX, "total"),
    ("收入决算情况说明", r"本年收入合计$", K.INCOME_EXPENDITURE_SUMMARY, ("本年收入合计",), IN, "amount"),
    ("收入决算情况说明", r"财政拨款收入$", K.INCOME_SUMMARY, ("合计",), None, "fiscal"),
    ("支出决算情况说明", r"本年支出合计$", K.EXPENDITURE_SUMMARY, ("合计",), None, "total"),
    ("支出决算情况说明", r"基本支出$", K.EXPENDITURE_SUMMARY, ("合计",), None, "basic"),
    ("支出决算情况说明", r"项目支出$", K.EXPENDITURE_SUMMARY, ("合计",), None, "project"),
    ("财政拨款收入支出决算总体情况说明", r"收入支出总计$", K.FISCAL_SUMMARY, ("总计",), EX, "total"),
    ("一般公共预算财政拨款支出决算总体情况", r"一般公共预算财政拨款支出$", K.GENERAL_EXPENDITURE, ("合计",), None, "total"),
)
_SHARE_OF_SPENDING = re.compile(r"占本年支出合计的")


@rule("final.narrative_totals", family="final", title="决算说明的总数与表不一致", severity=Severity.ERROR)
def check(d, ctx):
    """决算说明前几部分的总数应与表一致：收入支出总计 = 《收入支出决算总表》总计；本年收入合计、财政拨款收入 =
    收入支出决算总表、《收入决算表》合计；本年支出合计、基本支出、项目支出 = 《支出决算表》合计行；财政拨款收入支出
    总计 = 《财政拨款收入支出决算总表》总计；一般公共预算财政拨款支出 = 《一般公共预算财政拨款支出决算表》合计，
    其“占本年支出合计的x%”应等于它除以《支出决算表》的本年支出合计。

    为什么：这些是读者最先读到的数字，必须与表格一致。
    容差：同一数字两处印刷，按末位半个单位；比重按印刷位数四舍五入并计入金额的舍入。
    例：“本年支出合计9759.38万元，其中：基本支出5377.64万元”，《支出决算表》合计行9759.38、5377.64，一致。
    """
    require_final(d)
    seen = False
    for title, subject, kind, labels, side, column in CHECKS:
        sf, t = final_section(d, title), ctx.table(kind)
        if sf is None or t is None or (row := row_named(t, *labels, side=side)) is None:
            continue
        a = next((a for a in sf.amounts() if re.search(subject, fold(a.subject))), None)
        if a is None:
            continue
        seen = True
        f = against_cell("final.narrative_totals", a, t, row, column, f"《{t.title}》“{row.label}”")
        if f:
            yield f
    yield from _general_share(d, ctx)
    if not seen:
        raise NotApplicable("说明中没有可与表核对的总数")


def _general_share(d, ctx):
    sf, spending = final_section(d, "一般公共预算财政拨款支出决算总体情况"), ctx.table(K.EXPENDITURE_SUMMARY)
    total = row_named(spending, "合计") if spending else None
    if sf is None or total is None or total.amount("total") is None:
        return
    for share in sf.shares:
        if share.of is not None and _SHARE_OF_SPENDING.search(share.sentence.text[share.of.end:share.start + 12]):
            f = check_percent("final.narrative_totals", stated=share.value, places=share.places, part=share.of.amount,
                              whole=total.amount("total"), subject=f"说明中“{share.of.label}占本年支出合计的{share.value}%”",
                              locations=(at(share.sentence, share.start), cell(spending, total, "total")))
            if f:
                yield f
