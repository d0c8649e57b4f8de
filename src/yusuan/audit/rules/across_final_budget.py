"""决算 against the 预算 of its year: the 年初预算数 it prints, and its execution rates on that basis."""
from __future__ import annotations

from ...model import Amount, MoneyUnit
from ..across_kit import which
from ..catalog import NotApplicable, rule
from ..claims.checks import check_percent
from ..compare import check_equal
from ..final_budget_kit import budget_figures, require_budget
from ..findings import Severity

W = MoneyUnit.WAN_YUAN


@rule("across.final_initial_budget", family="across", title="决算的年初预算数与同年预算公开一致、完成率可复算", severity=Severity.ERROR)
def check(d, ctx):
    """给出同一单位同一年度的预算公开文件时，决算说明逐项“年初预算为B万元”（按“类（类）款（款）项（项）”找预算
    《一般公共预算支出表》同名的项，总体一句对合计行）和决算《“三公”经费支出决算表》各项“预算数”，应等于预算
    公开时所印的数；年初预算数与预算公开的不同时，说明中“完成年初预算的R%”再按预算公开的数复算：决算数 ÷
    预算公开数。

    为什么：年初预算数就是年初公开的预算；两处不一，要么决算抄错，要么预算在年中调整而说明未讲（见
    across.final_adjustment_explained），完成率也就失去了基数。
    容差：同一数字两处印刷，格式相同时应完全一致，元与万元换算时按末位半个单位；完成率按印刷位数四舍五入。
    例：规划和自然资源局2024年决算“城乡社区管理事务（款）行政运行（项）…年初预算为1,115.48万元，支出决算为
    1,092.80万元，完成年初预算的97.97%”，2024年预算该项1,115.48万元，一致；预算若印1,125.48万元，报错误，
    并按1,092.80÷1,125.48=97.10%指出完成率不符。
    """
    budget = require_budget(ctx)
    figures = budget_figures(d, budget)
    if not figures:
        raise NotApplicable("决算中没有能与预算对应的年初预算数")
    for f in figures:
        found = check_equal("across.final_initial_budget", expected=f.published, actual=f.stated, unit=W,
                            subject=f"{which(d)}{f.what}应等于{which(budget)}{f.published_where}",
                            locations=[f.here, f.there])
        if found is None:
            continue
        yield found
        if f.rate is not None and f.published.value:
            rate, places, actual = f.rate
            wrong = check_percent("across.final_initial_budget", stated=rate, places=places, part=actual,
                                  whole=Amount(f.published.to(W), W, f.published.places), locations=[f.here, f.there],
                                  subject=f"{which(d)}{f.what[:-5]}的完成率“{rate}%”按预算公开的年初预算数复算")
            if wrong:
                yield wrong
