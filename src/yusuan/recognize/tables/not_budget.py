"""A table that is no budget table, known by its own words: a project's performance form or a list
that prints no money.

Disclosures print more than the budget tables: a 决算 adds each project's 绩效自评表 (年初预算数,
执行率, 分值, 得分) and its 绩效评价 tables (一级指标 … 指标值, 综合评价得分情况表); a 预算 may add a
绩效目标表 the targets reader did not take, or a 政府购买服务指导性目录 printed as a grid (代码, 一级目录 …
四级目录). Such a table stays generic and is
kept as printed, but it is not a budget table the reader failed to type: it says why (Table.not_budget),
so the reading health counts it apart and no rule takes it for a missing budget table.
"""
from __future__ import annotations

import re

from ...sources.raw import RawLine
from ...text.folding import fold
from ..numbers import is_amount_text

PERFORMANCE = "项目绩效表"
NO_MONEY = "不含金额的列表"

# A performance form's title, and the words of its grid: the indicator tree and the score.
_PERFORMANCE_TITLE = re.compile(r"绩效|评价得分|得分情况")
_PERFORMANCE_WORDS = frozenset({"一级指标", "二级指标", "三级指标", "指标值", "目标值", "年度指标值", "实际完成值",
                                "分值", "得分", "得分率", "执行率"})
# Words a budget table's title or header cannot do without (a table of money, whatever it lists).
_BUDGET_WORDS = re.compile(r"预算|决算|经费|收支|收入|支出|拨款|采购|金额|合计|万元")


def _words(lines: tuple[RawLine, ...]) -> set[str]:
    return {fold(c) for ln in lines for c in ln.cells if c.strip()}


def not_budget(title: str, grid: tuple[RawLine, ...], header: tuple[RawLine, ...]) -> str:
    """Why the generic table titled `title` is no budget table ("" when nothing says so): its title or at
    least two of its cells name a performance form, or it prints no figure and neither its title nor its
    header names money."""
    words = _words(grid)
    if _PERFORMANCE_TITLE.search(fold(title)) or len(words & _PERFORMANCE_WORDS) >= 2:
        return PERFORMANCE
    named = fold(title) + "".join(_words(header))
    if not any(is_amount_text(w) for w in words) and not _BUDGET_WORDS.search(named):
        return NO_MONEY
    return ""
