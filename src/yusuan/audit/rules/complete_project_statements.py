"""项目经费情况说明: every part printed, and the 年度预算安排 states an amount."""
from __future__ import annotations

from ...model import Disclosure
from ..catalog import rule
from ..context import AuditContext
from ..findings import Finding, Severity
from .narrative_project_statements import at, title_of

RULE = "complete.project_statement_parts"


@rule(RULE, family="complete", title="项目经费情况说明缺少应有的部分或未列明预算金额", severity=Severity.WARNING)
def check(d: Disclosure, ctx: AuditContext):
    """每个项目经费情况说明应有项目概述、立项依据、实施主体、实施方案、实施周期、年度预算安排、绩效目标七个
    部分，且“年度预算安排”应写明金额（全年一个数，或按季度、月份列出用款计划）。

    为什么：上海部门预算公开要求逐项说明重点项目；缺少一部分，或预算安排只写“按时拨付资金”而无金额，
    读者就无法知道这笔钱有多少、怎样用。
    容差：无。部分名称按标题开头匹配（“项目概况”视同“项目概述”）。
    例：“区政府督查及建议提案工作业务经费”的年度预算安排写“结合区政府重点工作推进情况，根据合同条款，
    按时拨付资金。”，没有金额，报警告。
    """
    for s in d.project_statements:  # none printed: nothing to check (only Shanghai prints them)
        if s.missing:
            yield Finding(RULE, Severity.WARNING, f"{title_of(s)}缺少{'、'.join(s.missing)}。", (at(s),))
        if s.budget_text and s.annual_amount is None:
            yield Finding(RULE, Severity.WARNING, f"{title_of(s)}的年度预算安排未列明金额：“{s.budget_text[:60]}”。",
                          (at(s),))
