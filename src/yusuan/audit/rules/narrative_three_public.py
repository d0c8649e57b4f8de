"""“三公”经费增减变动原因说明: the total and each item against the 三公 table."""
from __future__ import annotations

from decimal import Decimal

from ...model import Amount, TableKind
from ..catalog import NotApplicable, rule
from ..claims import find_section
from ..claims.checks import against_amount, against_cell
from ..findings import Location, Severity
from ..tablekit import find_row

ROWS = {
    "三公经费": ("合计",),
    "因公出国（境）费": ("因公出国（境）费", "因公出国(境)费"),
    "公务接待费": ("公务接待费",),
    "公务用车购置及运行费": ("公务用车购置及运行费",),
    "公务用车购置费": ("公务用车购置费",),
    "公务用车运行维护费": ("公务用车运行维护费",),
}


@rule("narrative.three_public", family="narrative", title="说明中的“三公”经费与“三公”经费表不一致", severity=Severity.ERROR)
def check(d, ctx):
    """“三公”经费说明中的总额及每一项（因公出国（境）费、公务接待费、公务用车购置及运行费、
    公务用车购置费、公务用车运行维护费）与《“三公”经费支出预算表》对应行“合计”列比对。
    解释原因时顺带提到的金额（“主要原因是：……批复公务接待费0.8万元”）不比对。表印成空表（没有任何金额）时
    按各项为0比对：说明写明了金额，空表与说明必有一处错。

    为什么：“三公”经费受社会关注最多，说明与表不符最容易引起质疑。
    容差：同一数字两处印刷，按末位半个单位（0.8与0.80视为相同）。
    例：“公务接待费0.80万元”对应三公经费表“公务接待费”0.80。
    """
    sf = find_section(d, "三公")
    if sf is None:
        raise NotApplicable("说明中没有“三公”经费一节")
    t = ctx.table(TableKind.THREE_PUBLIC) or ctx.require(TableKind.THREE_PUBLIC_AND_RUNNING)
    blank = not any(v.amount is not None for r in t.rows for v in r.values)
    for a in sf.amounts():
        labels = ROWS.get(a.key or "")
        row = find_row(t, *labels, contains=a.key != "三公经费") if labels else None
        if row is not None:
            yield against_cell("narrative.three_public", a, t, row, "total", f"《{t.title}》“{row.label}”行")
        elif labels and blank and a.amount.value:  # a table printed blank states 0 for every item
            yield against_amount("narrative.three_public", a, Amount(Decimal(0), a.amount.unit, a.amount.places),
                                 f"《{t.title}》（表中未列任何金额，按0计）", (Location.of_table(t),))
