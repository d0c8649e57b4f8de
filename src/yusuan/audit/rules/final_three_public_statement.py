"""决算 “三公”经费说明 against the 三公 table's 预算数 and 决算数."""
from __future__ import annotations

from decimal import Decimal

from ...model import Amount
from ..catalog import NotApplicable, rule
from ..claims import narrative
from ..claims.checks import against_cell, at, check_percent
from ..claims.final import item_statements, printed
from ..claims.figures import StatedAmount
from ..claims.sentences import section_sentences
from ..findings import Finding, Location, Severity
from ..stage import require_final
from ..tablekit import K, cell, has_column

# stated subject key -> the 三公 table's 决算数 column
ITEMS = {"因公出国（境）费": "abroad", "公务用车购置及运行费": "vehicles", "公务接待费": "reception",
         "公务用车购置费": "vehicle_purchase", "公务用车运行维护费": "vehicle_running"}


def _stated(amount: Amount, sentence, subject: str) -> StatedAmount:
    return StatedAmount(text=f"{amount}", amount=amount, subject=subject, key=None, sentence=sentence, start=0, end=0)


@rule("final.three_public_statement", family="final", title="决算说明的“三公”经费与表不一致", severity=Severity.ERROR)
def check(d, ctx):
    """决算说明中“三公”经费的“年初预算为B万元，支出决算为A万元，完成预算的R%”应与《财政拨款“三公”经费支出
    决算表》合计的预算数、决算数一致，R应等于A÷B；“决算数小于（大于）预算数”应与A、B的大小一致，不等时应说明
    原因；其后分项（因公出国（境）费、公务用车购置及运行维护费、公务接待费）的决算数应等于表中同项的决算数。

    为什么：预算数与决算数同在一张表里，最容易把预算数当成支出说（旧版规则把预算数2.85当成支出与分项相加）。
    容差：金额按末位半个单位；完成率按印刷位数四舍五入并计入金额的舍入。
    例：“年初预算为2.85万元，支出决算为0.39万元，完成预算的13.68%”，表中合计预算数2.85、决算数0.39，一致。
    表印成空表时，说明写明的预算数、决算数不为0即是错误（空表与“年初预算为0.95万元”必有一处错）。
    """
    require_final(d)
    t = next((t for t in ctx.tables_of(K.THREE_PUBLIC) if has_column(t, "total_budget")), None)
    if t is None:
        raise NotApplicable("没有列出预算数的“三公”经费表")
    row = next((r for r in t.rows if r.values), None)
    sections = [s for s in d.sections if "三公" in s.title]
    if not sections:
        raise NotApplicable("说明中没有“三公”经费一节")
    if row is None:  # the table printed blank: the statement must state no spending either
        yield from _blank(t, sections)
        return
    for sec in sections:
        sts = item_statements(section_sentences(sec))
        if sts:
            yield from _total(t, row, sts[0])
            break
    for sf in narrative(sections):
        for a in sf.amounts():
            col = ITEMS.get(a.key or "")
            if col and has_column(t, col):
                f = against_cell("final.three_public_statement", a, t, row, col, f"《{t.title}》“{t.column(col).label}”")
                if f:
                    yield f


def _blank(t, sections):
    """Each non-zero amount the statement gives against a 三公 table that prints none."""
    for sec in sections:
        for st in item_statements(section_sentences(sec))[:1]:
            for stated, what in ((st.budget, "年初预算为"), (st.actual, "支出决算为")):
                if stated is not None and stated.value:
                    yield Finding("final.three_public_statement", Severity.ERROR,
                                  f"《{t.title}》是空表（未列任何预算数、决算数），说明却写“{what}{stated}”："
                                  "表与说明必有一处错。", (at(st.sentence), Location.of_table(t)),
                                  expected=Decimal(0), actual=stated.value, difference=stated.value, unit="万元")


def _total(t, row, st):
    if st.budget is not None:
        f = against_cell("final.three_public_statement", _stated(st.budget, st.sentence, "年初预算为"), t, row,
                         "total_budget", f"《{t.title}》合计的预算数")
        if f:
            yield f
    if st.actual is not None:
        f = against_cell("final.three_public_statement", _stated(st.actual, st.sentence, "支出决算为"), t, row,
                         "total", f"《{t.title}》合计的决算数")
        if f:
            yield f
    budget, actual = row.amount("total_budget"), row.amount("total")
    cells = (cell(t, row, "total"), cell(t, row, "total_budget"))  # what the rate and the direction are judged by
    if st.rate is not None and budget is not None and actual is not None and budget.value:
        f = check_percent("final.three_public_statement", stated=st.rate, places=st.rate_places, part=actual,
                          whole=budget, subject=f"说明中“三公”经费“完成预算的{st.rate}%”（表中决算数÷预算数）",
                          locations=(printed(st, "rate"), *cells))
        if f:
            yield f
    if budget is not None and actual is not None and st.direction is not None:
        sign = (actual.value > budget.value) - (actual.value < budget.value)
        if sign != st.direction:
            yield Finding("final.three_public_statement", Severity.ERROR,
                          f"说明中“{st.direction_text}”与表不符：“三公”经费决算数{actual}、预算数{budget}。", (printed(st, "direction"), *cells))
        elif sign != 0 and not st.reason:
            yield Finding("final.three_public_statement", Severity.WARNING,
                          "说明中“三公”经费决算数与预算数不等，但未说明原因。", (at(st.sentence),))
