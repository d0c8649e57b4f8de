"""项目支出绩效目标表 from the book's forms; amounts in 元 as the forms print them."""
from __future__ import annotations

from ...model import Amount, Funding, Indicator, MoneyUnit, PerformanceTarget, TextField
from ..book import FundingSplit, TargetForm
from .context import Ctx

SCOPES = {"实施期": "period", "年度": "year"}


def _amount(v) -> Amount:
    places = 0 if v == v.to_integral_value() else 2
    return Amount(v.quantize(1) if places == 0 else v, MoneyUnit.YUAN, places)


def _funding(ctx: Ctx, f: FundingSplit, tid: str) -> Funding:
    return Funding(_amount(f.total), _amount(f.central), _amount(f.provincial), _amount(f.local),
                   _amount(f.self_raised), _amount(f.other), ctx.prov(tid))


def target_form(ctx: Ctx, form: TargetForm, index: int) -> PerformanceTarget:
    tid = f"pt{index:02d}"
    p = ctx.prov(tid)
    dept = ctx.book.department
    code, _, name = form.competent_department.partition("-")
    return PerformanceTarget(
        id=tid,
        title="预算部门（单位）项目支出绩效目标表",
        project_name=form.project_name,
        funding_period=_funding(ctx, form.funding_period, tid),
        funding_year=_funding(ctx, form.funding_year, tid),
        provenance=p,
        year_label=f"{dept.year}年度",
        competent_department=name if name else form.competent_department,
        department_code=code if name else "",
        implementing_unit=form.unit,
        attribute=form.attribute,
        period=form.period,
        texts=tuple(TextField(label, text, p) for label, text in form.texts),
        goal_period=form.goal_period,
        goal_year=form.goal_year,
        indicators=tuple(Indicator(SCOPES.get(i.scope, i.scope), i.level1, i.level2, i.name, i.value, p) for i in form.indicators),
    )


def target_forms(ctx: Ctx) -> tuple[PerformanceTarget, ...]:
    return tuple(target_form(ctx, f, i) for i, f in enumerate(ctx.book.targets, 1))
