"""Code-tree sums in coded tables: 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类 — per amount column."""
from __future__ import annotations

from ...model import Disclosure, RowRole
from ..catalog import NotApplicable, rule
from ..context import AuditContext
from ..findings import Severity
from ..tablekit import CODED, children, classes, side_rows, sum_columns, tables


def _tree(d: Disclosure, rule_id: str, length: int, parts_zh: str):
    seen = False
    for t in tables(d, CODED):
        for r in t.rows:
            kids = children(t, r) if r.code and len(r.code) == length else []
            if not kids:
                continue
            seen = True
            yield from sum_columns(rule_id, t, r, kids, f"{parts_zh}（{len(kids)}行）之和")
    if not seen:
        raise NotApplicable("没有带科目编码层级的表格")


@rule("arith.class_sum", family="arith", title="类的金额不等于其下各款之和", severity=Severity.ERROR)
def class_sum(d: Disclosure, ctx: AuditContext):
    """每个“类”级科目（3位编码）的每一金额列，应等于表中其下各“款”（5位编码）之和。

    适用于带科目编码的表：收入总表、支出总表、一般公共预算支出表、政府性基金预算收入/支出表、
    国有资本经营预算表。容差：各项印刷数的四舍五入误差之和（每个两位小数的万元数±0.005），
    容差以内记为提示（尾差），超出上限记为错误（见文首“容差”）。某类下没有款级行时不检查该类。
    例：《支出总表》“208 社会保障和就业支出”合计2895.74，而20802、20805、20810、20811、20820
    之和为2895.75，相差0.01万元，在容差以内，记为尾差提示。"""
    return _tree(d, "arith.class_sum", 3, "其下各款")


@rule("arith.section_sum", family="arith", title="款的金额不等于其下各项之和", severity=Severity.ERROR)
def section_sum(d: Disclosure, ctx: AuditContext):
    """每个“款”级科目（5位编码）的每一金额列，应等于表中其下各“项”（7位编码）之和。

    同一表内上下级科目必须加总一致，这是科目表最基本的勾稽关系。容差同“类 = Σ 款”：
    差额不超过各印刷数四舍五入误差之和记为尾差提示，超出记为错误。
    例：《收入总表》“20802 民政管理事务”470.32，应等于2080201行政运行157.60 + 2080202一般行政管理事务
    65.00 + 2080299其他民政管理事务支出247.72 = 470.32。"""
    return _tree(d, "arith.section_sum", 5, "其下各项")


@rule("arith.total_of_classes", family="arith", title="合计不等于各类之和", severity=Severity.ERROR)
def total_of_classes(d: Disclosure, ctx: AuditContext):
    """带科目编码的表，其“合计”行每一金额列应等于各“类”级科目行之和。

    合计行整行缺失时，该表不适用本规则（由完整性规则另行报告）。容差：各类与合计的四舍五入误差之和，
    以内为尾差提示，超出上限为错误（见文首“容差”）。
    例：《一般公共预算支出表》合计3008.67 = 201类1.47 + 208类2895.74 + 210类39.06 + 221类72.40。"""
    seen = False
    for t in tables(d, CODED):
        for side in {r.side for r in t.rows}:
            total = next((r for r in side_rows(t, side) if r.role is RowRole.TOTAL), None)
            tops = classes(t, side)
            if total is None or not tops:
                continue
            seen = True
            yield from sum_columns("arith.total_of_classes", t, total, tops, f"各类科目（{len(tops)}行）之和")
    if not seen:
        raise NotApplicable("没有同时有合计行和类级科目的表格")
