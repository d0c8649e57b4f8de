"""“三公”经费 items against the economic table; 机关运行经费 against 公用经费."""
from __future__ import annotations

import re
from decimal import Decimal
from functools import partial

from ...model import Amount, Disclosure, MoneyUnit, Row, Table
from ...text.numbers import parse_amount
from ..catalog import NotApplicable, rule
from ..compare import check_sum, judge
from ..context import AuditContext
from ..findings import Finding, Severity
from ..tablekit import K, cell, has_column, key, where
from .arith_three_public import KINDS, three_public_items

# 三公 item → the economic items (部门预算经济分类 款) that carry it in the basic-expenditure table.
ECONOMIC = {"reception": ("公务接待费",), "running": ("公务用车运行维护费",), "abroad": ("因公出国境费用", "因公出国境费")}


@rule("cross.three_public_vs_economic", family="cross", title="“三公”经费与经济科目表同名科目不一致", severity=Severity.WARNING)
def three_public_vs_economic(d: Disclosure, ctx: AuditContext):
    """“三公”经费表的公务接待费、公务用车运行维护费、因公出国（境）费，与一般公共预算基本支出分经济科目表
    同名经济科目比较。经济科目表只含基本支出，而“三公”经费还可能由项目支出安排，所以“三公”经费较多不是错误：
    只记为提示（差额应来自项目支出，表中未列出）；“三公”经费少于基本支出中的同名科目则前后矛盾，记为警告。
    两表单位不同（万元、元）时换算后比较。
    例：“②公务用车运行维护费”18.50，经济科目表“公务用车运行维护费”18.00，差0.50万元应由项目支出安排，记为提示
    （重庆经信委：因公出国（境）费207.50万元，基本支出中仅8万元）；表注写明“公务用车运行维护费含项目支出安排
    0.50万元”时，差额已有交代，不报告；“三公”经费表印17.50而经济科目表印18.00，记为警告。"""
    tp = next((t for t in d.tables if t.kind in KINDS), None)
    if tp is None:
        raise NotApplicable("缺少“三公”经费表")
    eco = ctx.require(K.GENERAL_BASIC_ECONOMIC)
    items = three_public_items(tp)
    if len(items) != 1:
        raise NotApplicable("“三公”经费表分多个单位列示，无法与部门经济科目表整体比较")
    out: list[Finding] = []
    for item, names in ECONOMIC.items():
        if item not in items[0]:
            continue
        row, col = items[0][item]
        matched = [r for r in eco.rows if key(r.label) in {key(n) for n in names}]
        if not matched:
            continue
        stated = project_share(tp, names)
        compare = partial(check_sum, "cross.three_public_vs_economic", total=row.amount(col),
                          parts=[r.amount("total") for r in matched] + ([stated] if stated else []), unit=tp.unit,
                          subject=f"{where(tp, row, col)}与《{eco.title}》“{matched[0].label}”不一致",
                          locations=[cell(tp, row, col), cell(eco, matched[0], "total")])
        f = compare(beyond=Severity.WARNING, because="“三公”经费含基本支出安排的部分，不应少于基本支出中的同名科目，请核对。")
        if f and f.actual is not None and f.expected is not None and f.actual > f.expected:
            f = compare(beyond=Severity.INFO, because="基本支出与“三公”经费的差额应来自项目支出安排，表中未列出，无法核对。")
        if f:
            out.append(f)
    return out


def project_share(tp: Table, names: tuple[str, ...]) -> Amount | None:
    """The part of an item the table's note says projects pay (“注：公务用车运行维护费含项目支出安排0.50万元”)."""
    wanted = {key(n) for n in names}
    for note in tp.notes:
        for m in _SHARE.finditer(note):
            if key(m.group(1)) in wanted:
                return parse_amount(m.group(2), MoneyUnit(m.group(3)))
    return None


_SHARE = re.compile(r"([^，。：；、]+?)含项目支出安排([\d,]+(?:\.\d+)?)(万元|元)")


def agency_running_cell(d: Disclosure) -> tuple[Table, Row, str] | None:
    """The department's 机关运行经费: the 机关运行经费表's 合计, or the combined table's column."""
    t = d.table(K.AGENCY_RUNNING)
    if t is not None and (total := t.total_row()) is not None:
        return t, total, "total"
    combined = d.table(K.THREE_PUBLIC_AND_RUNNING)
    if combined is not None and has_column(combined, "agency_running"):
        rows = [r for r in combined.rows if r.amount("agency_running") is not None]
        if len(rows) == 1:
            return combined, rows[0], "agency_running"
    return None


@rule("cross.agency_running_vs_operating", family="cross", title="机关运行经费超过公用经费", severity=Severity.WARNING)
def agency_running_vs_operating(d: Disclosure, ctx: AuditContext):
    """机关运行经费是行政单位和参公事业单位的公用经费，不应大于一般公共预算基本支出分经济科目表的
    “公用经费”合计（后者还包括其他事业单位的公用经费）。大于且超出两数的舍入误差时记为警告，请核对口径；
    两表单位不同（万元、元）时换算后比较，万元两位小数的数只精确到±50元。
    例：机关运行经费40.68万元，公用经费160.64万元，合理；上海某表机关运行经费213.28万元，公用经费2,132,777.54元，
    差额在万元的舍入误差以内，不报告。"""
    found = agency_running_cell(d)
    if found is None:
        raise NotApplicable("缺少机关运行经费")
    ar, at, acol = found
    eco = ctx.require(K.GENERAL_BASIC_ECONOMIC)
    et = eco.total_row()
    if et is None:
        raise NotApplicable("经济科目表缺少合计行")
    if eco.column("operating") is None:
        raise NotApplicable("经济科目表没有“公用经费”列")
    a, b = at.amount(acol), et.amount("operating")
    if a is None:
        return []
    unit = eco.unit
    room = a.tolerance * a.unit.in_yuan / unit.in_yuan + (b.tolerance if b else 0)
    op = b.to(unit) if b else Decimal(0)
    if a.to(unit) - op <= room:
        return []
    f = judge("cross.agency_running_vs_operating", expected=op, actual=a.to(unit), tolerance=room, unit=unit,
              beyond=Severity.WARNING, locations=[cell(ar, at, acol), cell(eco, et, "operating")],
              subject=f"{where(ar, at, acol)}不应大于《{eco.title}》公用经费合计",
              because="机关运行经费应是公用经费的一部分，请核对。")
    return [f] if f else []
