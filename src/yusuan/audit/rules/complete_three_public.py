"""“三公”经费表 states every item, even when it is zero."""
from __future__ import annotations

import re

from ...model import Column, Disclosure, Table
from ..catalog import NotApplicable, rule
from ..context import AuditContext
from ..findings import Finding, Location, Severity
from .arith_three_public import COLUMNS, KINDS, by_columns, item_of, three_public_items as items_of

# A column of another year's block or of the change between years (2025年预算数 beside 2026年预算数, 增减变化情况).
_OTHER_BLOCK = re.compile(r"增减|变化|(\d{4})年")

ITEMS = (("abroad", "因公出国（境）费"), ("reception", "公务接待费"), ("vehicles", "公务用车购置及运行费"),
         ("purchase", "①公务用车购置费"), ("running", "②公务用车运行维护费"), ("total", "合计"))


@rule("complete.three_public_items", family="complete", title="“三公”经费各项未列全", severity=Severity.WARNING)
def three_public_items(d: Disclosure, ctx: AuditContext):
    """“三公”经费表应列全因公出国（境）费、公务接待费、公务用车购置及运行费（含①公务用车购置费、
    ②公务用车运行维护费）和合计，即使某项为零或空也应列出该行（上海的表以列列出各项，检查各列）。缺少记为警告。
    以列列出时按印出的表头判断（“2026年预算数/合计”“一般公共预算拨款安排的“三公”经费预算/小计”“其中：公务用车
    购置”），不看上年或增减变化栏。
    例：本年没有因公出国（境）安排，表中仍列“因公出国（境）费”一行、金额为空，符合要求。"""
    tables = [t for t in d.tables if t.kind in KINDS]
    if not tables:
        raise NotApplicable("缺少“三公”经费表")
    for t in tables:
        what = "一列" if by_columns(t) else "一行"
        listed = set().union(*items_of(t)) if not by_columns(t) else _printed_columns(d, t)
        for name, label in ITEMS:
            if name not in listed:
                yield Finding(rule="complete.three_public_items", severity=Severity.WARNING,
                              locations=(Location.of_table(t),),
                              message=f"《{t.title}》未列出“{label}”{what}（为零也应列出）。")


def _printed_columns(d: Disclosure, t: Table) -> set[str]:
    """The items the table's header prints for this year, whatever key the reader gave the column."""
    listed = {name for name, col in COLUMNS.items() if t.column(col) is not None}
    for c in t.columns:
        if not c.key.startswith(("last_year", "change")) and not _other_block(d, c):
            # the deepest header naming an item: 小计 under 公务用车购置及运行维护费 is the 车 item
            listed.update(next(([n] for part in reversed(c.label.split("/")) if (n := item_of(part))), []))
    return listed


def _other_block(d: Disclosure, c: Column) -> bool:
    m = _OTHER_BLOCK.search(c.label.split("/")[0])
    return m is not None and (m.group(1) is None or d.meta.year is None or int(m.group(1)) != d.meta.year)
