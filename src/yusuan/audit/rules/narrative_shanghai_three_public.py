"""Shanghai 其他相关情况说明: the 三公 and 机关运行经费 sentences against the combined table's columns."""
from __future__ import annotations

import re

from ...model import Disclosure, Row, Table, TableKind
from ..catalog import NotApplicable, rule
from ..context import AuditContext
from ..findings import Location, Severity
from ..tablekit import col_label
from .narrative_shanghai_items import NUMBER, paragraphs, stated_vs_table, wan

# What the 三公 paragraphs state (first mention of each) → the column of the combined table.
_THREE_PUBLIC = (
    ("total", "“三公”经费预算数", re.compile(r"“三公”经费预算数?为?" + NUMBER + "万元")),
    ("abroad", "因公出国（境）费", re.compile(r"因公出国[（(]境[）)]费" + NUMBER + "万元")),
    ("vehicles", "公务用车购置及运行费", re.compile(r"公务用车购置及运行费" + NUMBER + "万元")),
    ("vehicle_purchase", "公务用车购置费", re.compile(r"公务用车购置费" + NUMBER + "万元")),
    ("vehicle_running", "公务用车运行费", re.compile(r"公务用车运行(?:维护)?费" + NUMBER + "万元")),
    ("reception", "公务接待费", re.compile(r"公务接待费" + NUMBER + "万元")),
)
_RUNNING = re.compile(r"机关运行经费(?:预算)?(?:数)?为?" + NUMBER + "万元")
_NO_RUNNING = re.compile(r"无机关运行经费")


def _combined(ctx: AuditContext) -> tuple[Table, Row | None]:
    """The combined table and its one row of figures; a table printed blank (no figure anywhere, not
    even a total row) is (table, None): every amount it shows is 0, to be compared all the same."""
    t = ctx.require(TableKind.THREE_PUBLIC_AND_RUNNING)
    row = t.total_row()
    if row is None and any(v.amount is not None for r in t.rows for v in r.values):
        raise NotApplicable(f"{t.title}没有合计行")
    return t, row


def _where(t: Table, row: Row | None, column: str) -> Location:
    return Location.of_value(t, row, column) if row is not None else Location.of_table(t)


def _against(t: Table, row: Row | None, column: str) -> str:
    """How the stated figure's counterpart is named: the column, or the blank table."""
    if row is None:
        return f"《{t.title}》（表中未列任何金额，按0计）"
    return f"《{t.title}》“{col_label(t, column)}”列"


@rule("narrative.shanghai_three_public", family="narrative", title="说明中的“三公”经费与“三公”经费和机关运行经费预算表不一致",
      severity=Severity.ERROR)
def three_public(d: Disclosure, ctx: AuditContext):
    """上海格式的“三公”经费预算情况说明写明总数及因公出国（境）费、公务用车购置及运行费（其中购置费、运行费）、
    公务接待费，各与《“三公”经费和机关运行经费预算表》（一行数字，按列列示，单位万元）的对应列比对。
    只比对每项第一次出现的本年金额；“比2024年预算减少10万元”之类的增减额不在此比对。
    表印成空表（没有任何金额，连合计行也没有）时按各列为0比对：说明写明了金额，空表与说明必有一处错。
    为什么：“三公”经费是最受关注的数字，说明与表须一致。
    容差：同一数额两处印刷，按表数四舍五入到说明的位数后应相同（6.4与6.40相同）；否则为错误。
    例：“公务接待费1.35万元”对应表中“公务接待费”列1.35。"""
    t, row = _combined(ctx)
    said = list(paragraphs(d, "三公"))
    if not said:
        raise NotApplicable("说明中没有“三公”经费一节")
    for column, name, pattern in _THREE_PUBLIC:
        hit = next(((s, m) for s in said if (m := pattern.search(s.text))), None)
        if hit is None:
            continue
        s, m = hit
        stated = wan(m.group(1))
        f = stated_vs_table("narrative.shanghai_three_public", stated, row.amount(column) if row else None,
                            f"说明中“{name}{stated}”应与{_against(t, row, column)}一致",
                            (s.at(m), _where(t, row, column)))
        if f:
            yield f


@rule("narrative.shanghai_agency_running", family="narrative", title="说明中的机关运行经费与“三公”经费和机关运行经费预算表不一致",
      severity=Severity.ERROR)
def agency_running(d: Disclosure, ctx: AuditContext):
    """上海格式的机关运行经费预算说明（“机关运行经费预算为464.64万元”，或“无机关运行经费”即为0）与
    《“三公”经费和机关运行经费预算表》的“机关运行经费预算数”列比对。
    为什么：机关运行经费是单独公开的控制数，说明与表须一致。
    容差：表数四舍五入到说明的位数后应相同；否则为错误。
    例：说明“机关运行经费预算为464.64万元”，表中机关运行经费预算数464.64，一致。"""
    t, row = _combined(ctx)
    said = list(paragraphs(d, "机关运行经费"))
    hit = next(((s, m) for s in said if (m := _RUNNING.search(s.text) or _NO_RUNNING.search(s.text))), None)
    if hit is None:
        raise NotApplicable("说明中没有机关运行经费金额")
    s, m = hit
    stated = wan(m.group(1) if m.re is _RUNNING else "0")
    what = f"“机关运行经费{stated}”" if m.re is _RUNNING else "“无机关运行经费”"
    f = stated_vs_table("narrative.shanghai_agency_running", stated, row.amount("agency_running") if row else None,
                        f"说明中{what}应与{_against(t, row, 'agency_running')}一致",
                        (s.at(m), _where(t, row, "agency_running")))
    if f:
        yield f
