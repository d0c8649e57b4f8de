"""部门 = Σ 单位: each standard table's totals in the department against the sum of its units'."""
from __future__ import annotations

from ...model import TableKind
from ..across_kit import require_all_units, same_total, total_rows, which
from ..catalog import NotApplicable, rule
from ..compare import check_sum, money
from ..findings import Severity
from ..tablekit import cell, where

# Tables checked elsewhere (三公 and 机关运行经费: across.unit_three_public) or not sums of units.
SKIPPED = {TableKind.GENERIC, TableKind.THREE_PUBLIC, TableKind.AGENCY_RUNNING, TableKind.THREE_PUBLIC_AND_RUNNING}


def sums(d, units):
    """(department table, total row, column, [(unit, table, row)]) for every total cell all units print."""
    for t in d.tables:
        if t.kind in SKIPPED or t is not d.table(t.kind):
            continue
        theirs = [(u, u.table(t.kind)) for u in units]
        if any(ut is None for _, ut in theirs):
            continue
        for r in total_rows(t):
            rows = [(u, ut, same_total(ut, r)) for u, ut in theirs]
            if any(ur is None for _, _, ur in rows):
                continue
            for v in r.values:
                if v.amount is None or any(ut.column(v.column) is None for _, ut, _ in rows):
                    continue  # a column a unit does not print is not a zero
                yield t, r, v.column, rows


@rule("across.unit_table_sums", family="across", title="部门各表合计等于所属单位之和", severity=Severity.ERROR)
def check(d, ctx):
    """所属预算单位（含本部/本级）全部公开时，部门公开文件每张标准表（收支总表、收入总表、支出总表、财政拨款
    收支总表、一般公共预算支出表、基本支出经济分类表等）合计行的每一金额列，应等于各单位同一张表合计行
    同一列之和。只比较部门与各单位都印出的列；单位未全部公开时不核对（见 across.units_published）。

    为什么：部门预算是本部和所属单位预算的汇总；合计对不上，说明部门汇总漏了单位、或单位表与部门表
    不是同一版数字。
    容差：各印刷数四舍五入误差之和（元与万元换算后），以内为尾差提示，超出上限为错误。
    例：普陀区人民政府办公室2025年部门预算列出本部和“不单列预算，并入本部”的交流服务中心；本部单位预算
    《收入预算总表》合计91,016,775.35元，部门合计91,016,775.35元，一致。
    """
    units = require_all_units(ctx)
    found = False
    for t, r, column, rows in sums(d, units):
        found = True
        parts = [ur.amount(column) for _, _, ur in rows]
        shown = " + ".join(f"{which(u)}{money(p.value) if p else '0'}" for (u, _, _), p in zip(rows, parts))
        f = check_sum("across.unit_table_sums", total=r.amount(column), parts=parts, unit=t.unit,
                      subject=f"{which(d)}{where(t, r, column)}应等于所属单位同一格之和（{shown}）",
                      locations=[cell(t, r, column), *(cell(ut, ur, column) for _, ut, ur in rows)])
        if f:
            yield f
    if not found:
        raise NotApplicable("部门与所属单位没有共同的表格合计")
