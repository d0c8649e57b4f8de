"""项目经费情况说明: each project's 年度预算安排 against the tables (Shanghai 部门预算, part 七)."""
from __future__ import annotations

from decimal import Decimal

from ...model import Disclosure, MoneyUnit, ProjectStatement, TableKind
from ..catalog import NotApplicable, rule
from ..claims.names import SURENESS_ZH
from ..claims.projects import project_rows
from ..claims.statements import StatementMatch, statement_matches
from ..compare import fmt
from ..context import AuditContext
from ..findings import Finding, Location, Severity

W = MoneyUnit.WAN_YUAN
RULE = "narrative.project_statement_amount"


def title_of(s: ProjectStatement) -> str:
    return f"“{s.name}”项目经费情况说明" if s.name else "项目经费情况说明"


def at(s: ProjectStatement) -> Location:
    return Location.of_provenance(s.budget_provenance or s.provenance, section="项目经费情况说明", row_label=s.name)


def statements(d: Disclosure) -> tuple[ProjectStatement, ...]:
    if not d.project_statements:
        raise NotApplicable("文件中没有项目经费情况说明")
    return d.project_statements


@rule(RULE, family="narrative", title="项目经费情况说明的预算安排与项目支出表不一致", severity=Severity.ERROR)
def check(d: Disclosure, ctx: AuditContext):
    """每个项目经费情况说明中“年度预算安排”所列金额（一个数，或按季度、月份所列用款计划之和），应等于项目
    支出表中同名项目的金额（一个项目分几行列示时取其和）；没有项目支出表时与同名绩效目标表的年度资金核对；
    两者都没有时，不应超过支出总表的项目支出合计。名称可能略有不同，按名称相似度匹配（标题未写项目名称时，
    按项目概述中出现的项目名称匹配），并在结论中说明匹配把握。

    为什么：情况说明是对同一笔预算的说明，金额与预算表不同，说明其中之一不是批复数。
    容差：双方按印刷位数的舍入误差之和，以内一致。超出时，名称完全相同为错误，名称相近为警告。
    例：“人民调解”年度预算安排795万元，项目支出表“人民调解”两行500.00 + 295.00 = 795.00万元，一致。
    """
    found = statement_matches(d) if statements(d) else []
    has_projects = bool(project_rows(d)) or bool(d.targets)
    for s, m in found:
        if s.annual_amount is None:
            continue  # complete.project_statement_parts says the amount is not stated
        if m is not None:
            f = _compare(s, m)
        elif has_projects:
            f = Finding(RULE, Severity.WARNING, f"{title_of(s)}所说项目在项目支出表和绩效目标表中都找不到名称相同或相近的项目，"
                        f"年度预算安排{s.annual_amount}无法核对。", (at(s),))
        else:
            f = _within_project_total(d, s)
        if f:
            yield f


def _compare(s: ProjectStatement, m: StatementMatch) -> Finding | None:
    said = s.annual_amount.to(W)  # type: ignore[union-attr]
    tol = m.tolerance + s.annual_amount.tolerance * s.annual_amount.unit.in_yuan / W.in_yuan  # type: ignore[union-attr]
    diff = said - m.total
    if abs(diff) <= tol:
        return None
    locs: tuple[Location, ...]
    if m.form is not None:
        where, locs = f"绩效目标表“{m.form.project_name}”年度资金{fmt(m.total)}万元", (at(s), Location.of_provenance(
            m.form.funding_year.provenance or m.form.provenance, target=m.form.id, row_label=m.form.project_name))
    else:
        rows = "+".join(fmt(r.amount) for r in m.rows)
        where = f"项目支出表“{m.rows[0].row.label}”{rows}={fmt(m.total)}万元"
        locs = (at(s), *(Location.of_value(r.table, r.row, "total") for r in m.rows))
    sev = Severity.ERROR if m.sureness == "exact" else Severity.WARNING
    return Finding(RULE, sev, f"{title_of(s)}的年度预算安排为{fmt(said)}万元，{where}，相差{fmt(diff)}万元"
                   f"（匹配把握：{SURENESS_ZH.get(m.sureness, '名称相近')}）。", locs,
                   expected=m.total, actual=said, difference=diff, tolerance=tol, unit="万元")


def _within_project_total(d: Disclosure, s: ProjectStatement) -> Finding | None:
    t = d.table(TableKind.EXPENDITURE_SUMMARY)
    total = t.total_row() if t else None
    cap = total.amount("project") if total else None
    if cap is None:
        return None
    said, limit = s.annual_amount.to(W), cap.to(W)  # type: ignore[union-attr]
    if said <= limit + cap.tolerance * cap.unit.in_yuan / W.in_yuan:
        return None
    return Finding(RULE, Severity.ERROR, f"{title_of(s)}的年度预算安排为{fmt(said)}万元，超过支出总表项目支出合计"
                   f"{fmt(limit)}万元。", (at(s), Location.of_value(t, total, "project")),  # type: ignore[arg-type]
                   expected=limit, actual=said, difference=said - limit, tolerance=Decimal(0), unit="万元")
