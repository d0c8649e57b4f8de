"""Reading typed tables for rules: rows by printed label, code trees, group members, cell pointers.

Column keys are the recogniser's (recognize/tables/shanxi.py): total, amount, general_public,
gov_fund, state_capital, special_account, unit_funds, carry_over, current_year, basic, project,
personnel, operating.
"""
from __future__ import annotations

import re

from functools import lru_cache
from typing import Iterable, Iterator, cast

from ..model import Amount, ColumnKind, Disclosure, Row, RowRole, Table, TableKind
from .findings import Location
from .table_index import index

K = TableKind
FISCAL_SOURCES = ("general_public", "gov_fund", "state_capital")
SOURCE_ZH = {
    "general_public": "一般公共预算", "gov_fund": "政府性基金预算", "state_capital": "国有资本经营预算",
    "special_account": "财政专户管理资金", "unit_funds": "单位资金", "carry_over": "上年结转",
}
# Tables whose rows carry function or revenue codes, with the 类 → 款 → 项 tree.
CODED = (K.INCOME_SUMMARY, K.EXPENDITURE_SUMMARY, K.GENERAL_EXPENDITURE, K.FUND_INCOME,
         K.FUND_EXPENDITURE, K.STATE_CAPITAL, K.STATE_CAPITAL_EXPENDITURE, K.FISCAL_EXPENDITURE)
# Tables whose codes the code rules check: the economic table too, where it prints codes (Shanghai:
# 301 → 30101); its sums are the economic rules', not the code-tree rules'.
CODE_TABLES = (*CODED, K.GENERAL_BASIC_ECONOMIC, K.FISCAL_BASIC_ECONOMIC)
# Economic tables of basic expenditure (一般公共预算 and, in Jiangsu, 财政拨款 too).
ECONOMIC = (K.GENERAL_BASIC_ECONOMIC, K.FISCAL_BASIC_ECONOMIC)
EXPENDITURE, EXPENDITURE_FUNCTION = "expenditure", "expenditure_function"


def unnamed_parts(t: Table, whole: str, side: str | None = None) -> list[str]:
    """Amount columns the profile has no name for (``colN``, kept as printed) that the header puts
    beside `whole` under the same heading: parts of it as much as the named ones are (a province's
    extra column under 合计)."""
    w = t.column(whole) if side is None else next((c for c in t.columns if c.key == whole and c.side == side), None)
    if w is None:
        return []
    parent = w.label.rsplit("/", 1)[0] if "/" in w.label else ""
    return [c.key for c in t.columns if c.key.startswith("col") and c.kind is ColumnKind.AMOUNT
            and c.side == w.side and (c.label.rsplit("/", 1)[0] if "/" in c.label else "") == parent]


def function_side(t: Table) -> str | None:
    """The side of a two-sided summary listing expenditure by function class: its own side where the
    table prints the function and the use side by side (Jiangsu), else the expenditure side — unless
    that side is by use (支出用途: 基本支出, 项目支出), which lists no classes."""
    if any(c.side == EXPENDITURE_FUNCTION for c in t.columns):
        return EXPENDITURE_FUNCTION
    if any(c.side == EXPENDITURE and "用途" in c.label for c in t.columns):
        return None
    return EXPENDITURE


@lru_cache(maxsize=8192)
def key(label: str) -> str:
    """A printed label folded for comparison, ordinal (一、 ① (一)) and punctuation removed."""
    from ..reference.names import fold_name, strip_ordinal

    return fold_name(strip_ordinal(label.strip().lstrip("①②③④⑤⑥⑦⑧⑨⑩")))


def col_label(t: Table, column: str) -> str:
    c = t.column(column)
    if not (c and c.label):
        return SOURCE_ZH.get(column, column) or column
    path = c.label.split("/")
    # a 小计 column is named by what it totals: “三公”经费/小计 → “三公”经费小计
    return (path[-2] + path[-1] if len(path) > 1 and path[-1] in ("小计", "合计") else path[-1]) or column


def amount_keys(t: Table, side: str | None = None) -> tuple[str, ...]:
    return tuple(c.key for c in t.columns if c.kind is ColumnKind.AMOUNT and c.key and (side is None or c.side == side))


def main_column(t: Table, side: str | None) -> str | None:
    """The column that holds a row's amount: ``total`` where there is one, else the side's first."""
    cols = t.amount_columns(side) or t.amount_columns()
    keys = [c.key for c in cols]
    return "total" if "total" in keys else (keys[0] if keys else None)


def has_column(t: Table, column: str, side: str | None = None) -> bool:
    return any(c.key == column and (side is None or c.side == side) for c in t.columns)


def side_rows(t: Table, side: str | None) -> list[Row]:
    """The rows of one side (all rows for None), in table order. A list the caller may not change."""
    return index(t).side(side).rows


def find_row(t: Table, *labels: str, side: str | None = None, contains: bool = False) -> Row | None:
    """The first row (of a side) whose folded label is one of `labels` (or contains one)."""
    keys = [key(x) for x in labels]
    for r in side_rows(t, side):
        k = key(r.label)
        if k in keys or (contains and any(x in k for x in keys)):
            return r
    return None


def code_rows(t: Table) -> dict[str, Row]:
    return t.coded_rows()


def children(t: Table, parent: Row) -> list[Row]:
    """The rows one code level below `parent` (款 under a 类, 项 under a 款), on its side."""
    if not parent.code:
        return []
    return index(t).side(parent.side).children(parent)


def classes(t: Table, side: str | None = None) -> list[Row]:
    """The 类 rows (3-digit codes)."""
    return [r for r in side_rows(t, side) if r.code and len(r.code) == 3]


def members(t: Table, head: Row, role: RowRole = RowRole.ITEM) -> list[Row]:
    """The rows of `role` after a GROUP row up to the next group or total: what it sums."""
    out: list[Row] = []
    side = index(t).side(head.side)
    start = side.position.get(id(head))
    for r in side.rows[start + 1:] if start is not None else ():
        if r.role in (RowRole.GROUP, RowRole.TOTAL, RowRole.SUBTOTAL) and r.role is not role:
            break
        if r.role is role:
            out.append(r)
    return out


def amounts(rows: Iterable[Row], column: str) -> list[Amount | None]:
    return [r.amount(column) for r in rows]


def cell(t: Table, r: Row, column: str) -> Location:
    return Location.of_value(t, r, column)


def where(t: Table, r: Row, column: str | None = None) -> str:
    """《表》“208 社会保障和就业支出”行“一般公共预算”列 — for messages."""
    name = " ".join(x for x in (r.code, r.label) if x)
    col = f"“{col_label(t, column)}”列" if column else ""
    return f"《{t.title}》“{name}”行{col}" if name else f"《{t.title}》{col}"


def tables(d: Disclosure, kinds: Iterable[TableKind]) -> Iterator[Table]:
    wanted = set(kinds)
    return (t for t in d.tables if t.kind in wanted)


def agree(rule_id: str, a: tuple[Table, Row, str], b: tuple[Table, Row, str], *, beyond=None, because: str = "",
          what: str = ""):
    """Two cells that print the same figure (two tables, or two places of one): a Finding or None.

    `a` is taken as the expected side; both cells are the finding's locations.
    """
    from .compare import check_equal
    from .findings import Severity

    (ta, ra, ca), (tb, rb, cb) = a, b
    if ta.column(ca) is None or tb.column(cb) is None:
        return None  # a column not printed is not a zero (Jiangsu's function tables print one 金额 column)
    subject = what or f"{where(tb, rb, cb)}应与{where(ta, ra, ca)}一致"
    return check_equal(rule_id, expected=ra.amount(ca), actual=rb.amount(cb), unit=tb.unit, subject=subject,
                       locations=[cell(ta, ra, ca), cell(tb, rb, cb)], beyond=beyond or Severity.ERROR,
                       because=because, hidden=hidden_roundings(a, b))


def leaves(t: Table, r: Row, column: str) -> list[Row]:
    """The printed figures an aggregate cell stands for: the leaf rows under it with a figure in
    `column` ([] for a leaf row). 类/款 by code, a group by its members, a total by its side's items."""
    memo = index(t).memo
    held = memo.get(("leaves", id(r), column))
    if held is None:
        held = memo["leaves", id(r), column] = _leaves(t, r, column)
    return list(cast("list[Row]", held))  # what _leaves stored under this key


def _leaves(t: Table, r: Row, column: str) -> list[Row]:
    side = index(t).side(r.side)
    if r.code or (side.by_parent and r.role in (RowRole.TOTAL, RowRole.SUBTOTAL)):
        found = side.leaves_under(r.code or "", exclude=r.code)
    elif r.role is RowRole.GROUP:
        found = members(t, r)
    elif r.role in (RowRole.TOTAL, RowRole.SUBTOTAL):
        found = [x for x in side_rows(t, r.side) if x.role is RowRole.ITEM]
    else:
        found = []
    return [x for x in found if (a := x.amount(column)) is not None and a.value != 0]


def hidden_roundings(*cells: tuple[Table, Row, str]) -> int:
    """How many roundings may lie behind totals that tables reach by different sums.

    One table may print a total as the rounding of its true value, another as the sum of its n
    rounded figures: their difference holds up to n roundings. The largest n of the cells compared.
    """
    return max((len(leaves(t, r, col)) for t, r, col in cells if r.amount(col) is not None), default=0)


_NESTED_PANE_LINE = re.compile(r"^\s*([(（]|其中)")


def _pane_parts(t: Table, parts: list[Row], col: str) -> list[Row]:
    """A pane printed beside the rows with labels of its own (西安: 部门预算支出经济分类 beside the function classes,
    its “1、人员经费和公用经费支出” over “(1)工资福利支出”): its column sums the pane's top lines, not every row."""
    label = f"label_{col}"
    if t.column(label) is None:
        return parts
    return [r for r in parts if r.text(label).strip() and not _NESTED_PANE_LINE.match(r.text(label))]


def sum_columns(rule_id: str, t: Table, head: Row, parts: list[Row], what: str):
    """`head` = Σ `parts` in every amount column of head's side: the findings (rounding-aware).

    what: the parts in words, for the message (``其下各款（5行）之和``)."""
    from .compare import check_sum

    for col in amount_keys(t, head.side):
        rows = _pane_parts(t, parts, col)
        f = check_sum(rule_id, total=head.amount(col), parts=[r.amount(col) for r in rows], unit=t.unit,
                      subject=f"{where(t, head, col)}应等于{what}", locations=[cell(t, head, col)])
        if f:
            yield f
