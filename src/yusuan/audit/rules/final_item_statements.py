"""决算 说明, item by item: 年初预算为 B，支出决算为 A，完成年初预算的 R%。决算数小于预算数的主要原因：…"""
from __future__ import annotations

import re

from ...model import Stage
from ..catalog import NotApplicable, rule
from ..claims.checks import against_cell, at, check_percent
from ..claims.final import ItemStatement, item_statements, printed
from ..claims.figures import StatedAmount
from ..claims.sentences import section_sentences
from ..final_kit import code_of, item_row
from ..findings import Finding, Severity
from ..tablekit import K

WORDS = {-1: "小于", 1: "大于", 0: "等于（持平）"}
# The overall statement goes on to the items (…完成年初预算的91.14%。其中：1.…（项）。), which give the reasons.
_BREAKDOWN = re.compile(r"[。，,；;]\s*其中[：:]")


def _statements(d):
    """(section, statement, item text before it) for every budget-vs-actual statement outside the 三公 part."""
    for sec in d.sections:
        if "三公" in sec.title:
            continue
        sents = section_sentences(sec)
        if not sents:
            continue
        text = "".join(s.text for s in sents)
        for st in item_statements(sents):
            start = text.find(st.text)
            yield sec, st, sec.title + text[:max(start, 0)][-80:]


def _as_stated(st: ItemStatement) -> StatedAmount:
    return StatedAmount(text=f"{st.actual}", amount=st.actual, subject="支出决算为", key=None,  # type: ignore[arg-type]
                        sentence=st.sentence, start=st.offset_of("actual"), end=st.offset_of("actual"))


def _judge(st: ItemStatement):
    where = (at(st.sentence),)
    if st.budget is not None and st.actual is not None and st.rate is not None and st.budget.value:
        f = check_percent("final.item_statements", stated=st.rate, places=st.rate_places, part=st.actual,
                          whole=st.budget, subject=f"说明中“完成年初预算的{st.rate}%”（决算数÷预算数）",
                          locations=(printed(st, "rate"),))
        if f:
            yield f
    if st.budget is None or st.actual is None:
        return
    sign = (st.actual.value > st.budget.value) - (st.actual.value < st.budget.value)
    if st.direction is not None and st.direction != sign:
        yield Finding("final.item_statements", Severity.ERROR,
                      f"说明中“{st.direction_text}”与数字不符：决算数{st.actual}{WORDS[sign]}预算数{st.budget}。",
                      (printed(st, "direction"),))
    if sign != 0 and not st.reason and not _BREAKDOWN.search(st.text):
        yield Finding("final.item_statements", Severity.WARNING,
                      f"说明中决算数{st.actual}与预算数{st.budget}不等，但未说明原因。", where)


@rule("final.item_statements", family="final", title="决算说明：某项的预算数、决算数、完成率或原因有误", severity=Severity.ERROR)
def check(d, ctx):
    """决算说明逐项写“年初预算为B万元，支出决算为A万元，完成年初预算的R%。决算数小于（大于、等于）预算数的
    主要原因：……”。逐句核对：完成率R应等于A÷B；“大于/小于/等于/持平”应与A、B的大小一致；A≠B时应说明原因
    （缺原因为警告；总体一句以“其中：”引出各项、由各项说明原因的不算缺）；A应等于《一般公共预算财政拨款支出决算表》同一科目（按“类（类）款（款）项（项）”的项名
    找到的行）的合计，找不到该科目为警告；总体一句的A应等于该表合计；各项预算数、决算数之和应等于总体的预算数、决算数。

    为什么：这是决算说明的核心内容，审核人员逐项比对表格与文字。
    容差：完成率按印刷位数四舍五入并计入金额的舍入；金额同一数字两处印刷，按末位半个单位。
    例：“年初预算为452.40万元，支出决算为446.11万元，完成年初预算的98.61%。决算数小于预算数的主要原因：……”正确；
    把“小于”改成“大于”，报错误。
    """
    if d.meta.stage is not Stage.FINAL_ACCOUNTS:
        raise NotApplicable("不是决算公开文件")
    table = ctx.table(K.GENERAL_EXPENDITURE)
    statements = list(_statements(d))
    if not statements:
        raise NotApplicable("说明中没有逐项的预算数、决算数")
    overall, items = None, []
    for _section, st, before in statements:
        yield from _judge(st)
        if table is None or st.actual is None:
            continue
        if "（项）" not in before[-60:] and overall is None:
            overall = st
            total = table.total_row()
            if total is not None:
                f = against_cell("final.item_statements", _as_stated(st), table, total, "total", f"《{table.title}》合计")
                if f:
                    yield f
            continue
        items.append(st)
        row = item_row(table, before)
        if row is None:
            yield Finding("final.item_statements", Severity.WARNING,
                          f"说明所列科目“{_named(before)}”在《{table.title}》中找不到同名的项，请核对科目名称。", (at(st.sentence),))
        else:
            f = against_cell("final.item_statements", _as_stated(st), table, row, "total", f"《{table.title}》“{code_of(table, row)} {row.label}”行")
            if f:
                yield f
    if overall is not None and items:
        yield from _sums(overall, items)


def _sums(overall: ItemStatement, items: list[ItemStatement]):
    from ..compare import check_sum

    for what, head, parts in (("预算数", overall.budget, [i.budget for i in items]),
                              ("决算数", overall.actual, [i.actual for i in items])):
        f = check_sum("final.item_statements", total=head, parts=parts, unit=head.unit if head else None,  # type: ignore[arg-type]
                      subject=f"说明中总体的{what}{head}应等于各项{what}之和", locations=(at(overall.sentence),))
        if f:
            yield f


def _named(before: str) -> str:
    """The 类（类）款（款）项（项） path the statement follows, for messages."""
    import re

    m = re.findall(r"[^。：:；;\d、]*[（(]项[）)]", before)
    return m[-1].strip() if m else before[-40:]
