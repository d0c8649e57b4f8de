"""Each form's 年度 amount against the project's amount in the project tables."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ..catalog import rule
from ..claims.names import SURENESS_ZH
from ..claims.projects import matches, year_amount
from ..compare import fmt, gap, money
from ..findings import Finding, Location, Severity
from .target_funding import targets, where


def _rows(m) -> str:
    return "+".join(f"{r.amount}" for r in m.rows)


def _names(m) -> str:
    return "、".join(dict.fromkeys(f"{r.unit}“{r.row.label}”" for r in m.rows))


@rule("target.amount_matches_project", family="target", title="绩效目标表年度资金与项目支出表不一致", severity=Severity.ERROR)
def check(d, ctx):
    """每张绩效目标表的年度资金总额（元）÷10000，应等于项目支出表（本年或上年结转）中同一实施单位下
    同名项目的金额（万元）。一个项目在表中可能分成几行（按资金来源分列），则取这几行之和；名称可能略有
    不同（“遗属补助”与“遗属补贴”），则按名称相似度匹配，并在结论中说明匹配把握：名称完全相同 / 名称相近 /
    匹配不确定（同名项目分属不同单位）。

    为什么：绩效目标是为这笔钱设定的，目标表的金额与预算表不同，说明其中之一不是批复数。
    容差：项目表金额以万元印两位小数，每行±0.005万元（50元）；以内四舍五入一致即为相同，
    仅行合计的尾差为提示；超出时，匹配确定为错误，匹配不确定为警告。
    例：“院内水电气经费”年度资金205,000元=20.50万元，项目支出表阳泉市社会福利院下同名两行4.00+16.00=20.00万元，
    相差0.50万元，报错误。
    """
    targets(d)
    for t, m in ctx.memo("target.matches", lambda: matches(d)):
        amount = year_amount(t)
        if m is None:
            continue
        if amount is None:
            yield Finding("target.amount_matches_project", Severity.INFO,
                          f"绩效目标表“{t.project_name}”未能读出年度资金总额，无法与项目支出表{_names(m)}（{_rows(m)}万元）核对。",
                          (where(t),))
            continue
        locs = (where(t, t.funding_year), *(Location.of_value(r.table, r.row, "total") for r in m.rows))
        sure = SURENESS_ZH[m.sureness]
        diff = amount - m.total
        if m.agrees:
            if len(m.rows) == 1 and amount.quantize(Decimal("0.01"), ROUND_HALF_UP) == m.total or diff == 0:
                continue
            yield Finding("target.amount_matches_project", Severity.INFO,
                          f"绩效目标表“{t.project_name}”年度资金{money(amount)}万元与项目支出表{_names(m)}"
                          f"（{_rows(m)}={money(m.total)}万元）相差{gap(diff)}万元，在四舍五入容差以内，属尾差（{sure}）。",
                          locs, expected=m.total, actual=amount, difference=diff, tolerance=m.tolerance, unit="万元")
            continue
        sev = Severity.ERROR if m.sureness != "ambiguous" else Severity.WARNING
        yield Finding("target.amount_matches_project", sev,
                      f"绩效目标表“{t.project_name}”（{t.implementing_unit}）年度资金{fmt(t.funding_year.total.value)}元"
                      f"={money(amount)}万元，项目支出表{_names(m)}为{_rows(m)}={money(m.total)}万元，相差{gap(diff)}万元"
                      f"（匹配把握：{sure}）。", locs, expected=m.total, actual=amount, difference=diff,
                      tolerance=m.tolerance, unit="万元")
