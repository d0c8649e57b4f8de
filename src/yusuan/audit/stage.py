"""The document's stage (预算 or 决算) as rules need it.

A 决算 (final accounts) states what was spent, against the year's budget: income and spending per
subject need not agree (spending may use 年初结转和结余, income may be left as 年末结转和结余), the
summary tables carry opening and closing balances, and the 三公 table prints 预算数 beside 决算数.
Budget identities that do not hold for it ask `is_final` and step aside (NotApplicable); the 决算's
own identities live in the ``final.*`` rules.
"""
from __future__ import annotations

from ..model import Disclosure, Stage
from .catalog import NotApplicable


def is_final(d: Disclosure) -> bool:
    return d.meta.stage is Stage.FINAL_ACCOUNTS


def require_final(d: Disclosure) -> None:
    """NotApplicable unless the document is a 决算."""
    if not is_final(d):
        raise NotApplicable("不是决算公开文件")


def budget_only(d: Disclosure, why: str) -> None:
    """NotApplicable for a 决算: the identity checked is a budget's (`why` says what differs)."""
    if is_final(d):
        raise NotApplicable(f"决算不适用：{why}")
