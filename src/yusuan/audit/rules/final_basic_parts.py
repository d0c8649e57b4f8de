"""决算 基本支出表: 人员经费合计 = Σ its pane's classes, 公用经费合计 likewise; together = the 一般公共预算
财政拨款支出决算表's 基本支出."""
from __future__ import annotations

from ...model import RowRole
from ..catalog import NotApplicable, rule
from ..compare import check_sum
from ..economic_split import by_columns, part_total
from ..findings import Severity
from ..stage import require_final
from ..tablekit import K, cell, where


def _classes_above(t, subtotal):
    """The 类 rows (3-digit codes) of the pane the subtotal closes."""
    rows, out = list(t.rows), []
    for r in reversed(rows[: rows.index(subtotal)]):
        if r.role is RowRole.SUBTOTAL:
            break
        if r.code and len(r.code) == 3:
            out.append(r)
    return out[::-1]


@rule("final.basic_parts", family="final", title="决算：人员经费、公用经费与其科目或基本支出不一致", severity=Severity.ERROR)
def check(d, ctx):
    """《一般公共预算财政拨款基本支出决算表》分左右两栏：左栏“人员经费合计”应等于其上各类（301 工资福利支出、
    303 对个人和家庭的补助）之和，右栏“公用经费合计”应等于其上各类（302 商品和服务支出、310 资本性支出 …）
    之和；两者之和应等于《一般公共预算财政拨款支出决算表》合计行的“基本支出”。

    为什么：决算的人员经费与公用经费只在此表划分，说明和“三公”经费都以它为准。
    容差：印刷数四舍五入误差之和，以内为尾差提示，超出上限为错误。
    例：人员经费合计4884.09 = 301 工资福利支出4816.14 + 303 对个人和家庭的补助67.96（差0.01为尾差）。
    """
    require_final(d)
    t = ctx.require(K.GENERAL_BASIC_ECONOMIC)
    if by_columns(t):
        raise NotApplicable("基本支出表按人员经费、公用经费分列，由 arith 规则核对")
    totals = [part_total(t, p) for p in ("personnel", "operating")]
    for found in totals:
        if found is None:
            continue
        row, col = found
        classes = _classes_above(t, row)
        if classes:
            f = check_sum("final.basic_parts", total=row.amount(col), parts=[r.amount("total") for r in classes],
                          unit=t.unit, subject=f"{where(t, row, col)}应等于{'、'.join(r.code for r in classes)}各类之和",
                          locations=[cell(t, row, col)])
            if f:
                yield f
    general = ctx.table(K.GENERAL_EXPENDITURE)
    g_total = general.total_row() if general else None
    if g_total is not None and all(totals) and g_total.amount("basic") is not None:
        parts = [r.amount(c) for r, c in totals]
        f = check_sum("final.basic_parts", total=g_total.amount("basic"), parts=parts, unit=general.unit,
                      subject=f"{where(general, g_total, 'basic')}应等于《{t.title}》人员经费合计与公用经费合计之和",
                      locations=[cell(general, g_total, "basic"), *(cell(t, r, c) for r, c in totals)])
        if f:
            yield f
