"""“三公”经费表 states every item, even when it is zero."""
from __future__ import annotations

from ...model import Disclosure
from ..catalog import NotApplicable, rule
from ..context import AuditContext
from ..findings import Finding, Location, Severity
from .arith_three_public import COLUMNS, KINDS, by_columns, three_public_items as items_of

ITEMS = (("abroad", "因公出国（境）费"), ("reception", "公务接待费"), ("vehicles", "公务用车购置及运行费"),
         ("purchase", "①公务用车购置费"), ("running", "②公务用车运行维护费"), ("total", "合计"))


@rule("complete.three_public_items", family="complete", title="“三公”经费各项未列全", severity=Severity.WARNING)
def three_public_items(d: Disclosure, ctx: AuditContext):
    """“三公”经费表应列全因公出国（境）费、公务接待费、公务用车购置及运行费（含①公务用车购置费、
    ②公务用车运行维护费）和合计，即使某项为零或空也应列出该行（上海的表以列列出各项，检查各列）。缺少记为警告。
    例：本年没有因公出国（境）安排，表中仍列“因公出国（境）费”一行、金额为空，符合要求。"""
    tables = [t for t in d.tables if t.kind in KINDS]
    if not tables:
        raise NotApplicable("缺少“三公”经费表")
    for t in tables:
        what = "一列" if by_columns(t) else "一行"
        listed = set().union(*items_of(t)) if not by_columns(t) else \
            {name for name, col in COLUMNS.items() if t.column(col) is not None}
        for name, label in ITEMS:
            if name not in listed:
                yield Finding(rule="complete.three_public_items", severity=Severity.WARNING,
                              locations=(Location.of_table(t),),
                              message=f"《{t.title}》未列出“{label}”{what}（为零也应列出）。")
