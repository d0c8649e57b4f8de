"""“三公”经费 items against the economic table; 机关运行经费 against 公用经费."""
from __future__ import annotations

from ...model import Disclosure
from ..catalog import NotApplicable, rule
from ..compare import check_sum
from ..context import AuditContext
from ..findings import Finding, Severity
from ..tablekit import K, cell, key, where
from .arith_three_public import KINDS, three_public_rows

# 三公 item → the economic items (部门预算经济分类 款) that carry it in the basic-expenditure table.
ECONOMIC = {"reception": ("公务接待费",), "running": ("公务用车运行维护费",), "abroad": ("因公出国境费用", "因公出国境费")}


@rule("cross.three_public_vs_economic", family="cross", title="“三公”经费与经济科目表同名科目", severity=Severity.WARNING)
def three_public_vs_economic(d: Disclosure, ctx: AuditContext):
    """“三公”经费表的公务接待费、公务用车运行维护费、因公出国（境）费，与一般公共预算基本支出分经济科目表
    同名经济科目比较。经济科目表只含基本支出，而“三公”经费还可能由项目支出安排，所以差额不一定是错误：
    基本支出中的数大于“三公”经费表时记为警告（“三公”经费表漏列），小于时记为警告并说明差额应来自项目支出，
    请核对。
    例：“②公务用车运行维护费”18.50，经济科目表“公务用车运行维护费”18.00，差0.50万元应由项目支出安排，记为警告。"""
    tp = next((t for t in d.tables if t.kind in KINDS), None)
    if tp is None:
        raise NotApplicable("缺少“三公”经费表")
    eco = ctx.require(K.GENERAL_BASIC_ECONOMIC)
    rows = three_public_rows(tp)
    out: list[Finding] = []
    for item, names in ECONOMIC.items():
        if item not in rows:
            continue
        matched = [r for r in eco.rows if key(r.label) in {key(n) for n in names}]
        if not matched:
            continue
        f = check_sum("cross.three_public_vs_economic", total=rows[item].amount("total"),
                      parts=[r.amount("total") for r in matched], unit=tp.unit, beyond=Severity.WARNING,
                      subject=f"{where(tp, rows[item], 'total')}与《{eco.title}》“{matched[0].label}”不一致",
                      because="基本支出与“三公”经费的差额应来自项目支出安排，请核对。",
                      locations=[cell(tp, rows[item], "total"), cell(eco, matched[0], "total")])
        if f:
            out.append(f)
    return out


@rule("cross.agency_running_vs_operating", family="cross", title="机关运行经费 ≤ 公用经费", severity=Severity.WARNING)
def agency_running_vs_operating(d: Disclosure, ctx: AuditContext):
    """机关运行经费是行政单位和参公事业单位的公用经费，不应大于一般公共预算基本支出分经济科目表的
    “公用经费”合计（后者还包括其他事业单位的公用经费）。大于时记为警告，请核对口径。
    例：机关运行经费40.68万元，公用经费160.64万元，合理。"""
    ar = ctx.require(K.AGENCY_RUNNING)
    eco = ctx.require(K.GENERAL_BASIC_ECONOMIC)
    at, et = ar.total_row(), eco.total_row()
    if at is None or et is None:
        raise NotApplicable("缺少合计行")
    a, b = at.amount("total"), et.amount("operating")
    if a is None or a.value <= (b.value if b else 0):
        return []
    op = b.value if b else 0
    return [Finding(rule="cross.agency_running_vs_operating", severity=Severity.WARNING,
                    message=(f"{where(ar, at, 'total')}为{a}，大于《{eco.title}》公用经费合计{op}{eco.unit.value}，"
                             f"机关运行经费应是公用经费的一部分，请核对。"),
                    locations=(cell(ar, at, "total"), cell(eco, et, "operating")),
                    expected=op, actual=a.value, difference=a.value - op, unit=a.unit.value)]
