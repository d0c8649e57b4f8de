"""A table's 上年数 column against last year's publication: the same table kind and row, this year's column."""
from __future__ import annotations

from ..across_kit import require_previous, which
from ..catalog import NotApplicable, rule
from ..compare import check_equal
from ..findings import Severity
from ..tablekit import cell, key, main_column, where


def last_year_columns(t):
    """(上年数 column, the column that printed it last year: ``last_year_total`` → ``total``; a lone
    ``last_year`` → the table's main column)."""
    for c in t.amount_columns():
        if c.key.startswith("last_year_"):
            yield c.key, c.key.removeprefix("last_year_")
        elif c.key == "last_year":
            yield c.key, None


def same_row(t, r):
    """The row of `t` that is `r`: by classification code, else by side and name."""
    if r.code:
        return t.coded_rows().get(r.code)
    k = key(r.label)
    return next((x for x in t.rows if x.side == r.side and not x.code and k and key(x.label) == k), None)


@rule("across.last_year_columns", family="across", title="表中上年数与上年公开的表一致", severity=Severity.WARNING)
def check(d, ctx):
    """给出同一单位上一年的公开文件时，本年各表“上年预算数/上年数”列的每一行，应等于上年文件同一张表
    （同一表种）同一行（按科目编码，无编码按名称）本年数列所印的数。

    为什么：上年数是从上年公开的预算抄来的；抄错、用了调整后的数或执行数，同比增减也就不对。上年预算可能在
    年中调整，因此只报警告。
    容差：两处印刷格式相同时应完全一致；元与万元换算时按末位半个单位。
    例：本年《收支总表》“收入总计”上年数15,621.11万元，上年《收支总表》“收入总计”本年数15,621.11万元，一致；
    若上年数印作15,612.11万元，报警告。
    """
    prev = require_previous(ctx)
    found = False
    for t in d.tables:
        then = prev.table(t.kind)
        cols = list(last_year_columns(t))
        if then is None or not cols:
            continue
        for r in t.rows:
            pr = same_row(then, r)
            if pr is None:
                continue
            for mine, theirs in cols:
                column = theirs or main_column(then, pr.side)
                if r.amount(mine) is None or column is None or then.column(column) is None:
                    continue
                found = True
                f = check_equal("across.last_year_columns", expected=pr.amount(column), actual=r.amount(mine),
                                unit=t.unit, beyond=Severity.WARNING,
                                subject=f"{which(d)}{where(t, r, mine)}应等于{which(prev)}{where(then, pr, column)}",
                                locations=[cell(t, r, mine), cell(then, pr, column)])
                if f:
                    yield f
    if not found:
        raise NotApplicable("没有能与上年表格对应的上年数列")
