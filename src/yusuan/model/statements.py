"""项目经费情况说明: the narrative account of a project, as Shanghai 部门预算 print it.

A heading ``人民调解项目经费情况说明`` (or ``项目经费情况说明`` alone, the project named only in the
text) and seven numbered parts: 项目概述 (or 概况), 立项依据, 实施主体, 实施方案, 实施周期,
年度预算安排 and 绩效目标. Texts are kept as printed; the 年度预算安排 amount is what the text states.
"""
from __future__ import annotations

from dataclasses import dataclass

from .money import Amount
from .provenance import Provenance


@dataclass(frozen=True)
class ProjectStatement:
    """One project's 项目经费情况说明.

    name: the project's name as the heading prints it before 项目经费情况说明 ("" when the heading
        names none: the name is then only in the overview).
    overview, basis, implementer, plan, period, budget_text, target: the seven parts' texts as
        printed ("" for a part not printed; `missing` lists those).
    annual_amount: the amount the 年度预算安排 states (one figure, or the sum of its quarterly or
        monthly figures ``第一季度用款计划158.05万元…``); None when it states none.
    """

    name: str
    overview: str
    basis: str
    implementer: str
    plan: str
    period: str
    budget_text: str
    target: str
    annual_amount: Amount | None
    provenance: Provenance
    budget_provenance: Provenance | None = None
    missing: tuple[str, ...] = ()  # the parts' printed names (立项依据 …) the statement lacks
