"""决算 against the 预算 of its year: a 年初预算数 that differs from the published 预算 is explained."""
from __future__ import annotations

import re

from ...model import MoneyUnit
from ..across_kit import which
from ..catalog import NotApplicable, rule
from ..compare import money
from ..final_budget_kit import budget_figures, require_budget
from ..findings import Finding, Severity

W = MoneyUnit.WAN_YUAN
_EXPLAINED = re.compile(r"预算调整|调整预算|调整后|追加|调减|调增|预算变动")


def _room(a) -> object:
    """Half the last printed place, in 万元."""
    return a.tolerance * a.unit.in_yuan / W.in_yuan


@rule("across.final_adjustment_explained", family="across", title="决算年初预算数与预算公开不同时说明预算调整", severity=Severity.WARNING)
def check(d, ctx):
    """给出同一单位同一年度的预算公开文件时，决算所印的年初预算数（说明逐项的“年初预算为”、“三公”经费表的
    预算数）与预算公开的数不同，决算说明中应有预算调整的说明（“预算调整”“调整预算”“追加”“调减”等）；
    没有任何这样的说明时报警告，列出不同的各项。

    为什么：年中调整预算是常事，但公开的决算应让读者知道基数为何与年初公开的不同。
    容差：按末位半个单位（元与万元换算时）；相同格式印刷的同一数字须完全一致。
    例：预算“三公”经费公务接待费印3.00万元，决算“三公”经费表预算数印2.85万元，说明中没有任何预算调整的说明，
    报警告。
    """
    budget = require_budget(ctx)
    figures = budget_figures(d, budget)
    if not figures:
        raise NotApplicable("决算中没有能与预算对应的年初预算数")
    differ = [f for f in figures if abs(f.stated.to(W) - f.published.to(W)) > _room(f.stated) + _room(f.published)]
    if not differ or any(_EXPLAINED.search(p.text) for s in d.sections for p in s.paragraphs):
        return
    listed = "；".join(f"{f.what}{money(f.stated.to(W))}万元，预算公开{money(f.published.to(W))}万元" for f in differ[:5])
    more = f"等{len(differ)}项" if len(differ) > 5 else ""
    yield Finding("across.final_adjustment_explained", Severity.WARNING,
                  f"{which(d)}所印年初预算数与{which(budget)}不同（{listed}{more}），但决算说明中没有预算调整的说明。",
                  tuple(x for f in differ[:5] for x in (f.here, f.there)))
