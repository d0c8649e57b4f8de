"""收支总表 and 财政拨款收支总表: 本年合计 = Σ items, 总计 = 本年合计 + 结转, per side and column."""
from __future__ import annotations

import re

from ...model import Disclosure, Row, RowRole, Table
from ..catalog import NotApplicable, rule
from ..findings import Severity
from ..tablekit import K, find_row, side_rows, sum_columns

IN, EX = "income", "expenditure"
SUBTOTAL = {IN: ("本年收入合计", "本年收入小计"), EX: ("本年支出合计", "本年支出小计")}
TOTAL = {IN: ("收入总计",), EX: ("支出总计",)}
CARRY = {IN: ("上年结转", "上年财政拨款结转", "上年结转结余"), EX: ("年终结转", "年末结转", "年终结转结余")}
# A 决算 adds opening and closing balances (each a line of its own, all of them count).
# 西安 prints its own lines between 本年合计 and 总计: 上年实户资金余额, 用事业基金弥补收支差额 and, on the
# expenditure side, 结转下年 and 未安排支出的实户资金.
FINAL_CARRY = {IN: ("使用非财政拨款结余", "年初结转和结余", "年初财政拨款结转和结余", "上年实户资金余额",
                    "用事业基金弥补收支差额"),
               EX: ("结余分配", "年末结转和结余", "年末财政拨款结转和结余", "结转下年", "未安排支出的实户资金")}


def _subtotal(t: Table, side: str) -> Row | None:
    return next((r for r in side_rows(t, side) if r.role is RowRole.SUBTOTAL), None) or find_row(t, *SUBTOTAL[side], side=side)


def _total(t: Table, side: str) -> Row | None:
    return find_row(t, *TOTAL[side], side=side) or t.total_row(side)


# A line under a heading, numbered 1. 2. (（1）) — Shanghai's 1.一般公共预算资金 under 一、财政拨款收入.
_NESTED = re.compile(r"^\s*([0-9０-９]+\s*[.．、]|[（(][0-9０-９]+[)）])")
_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+\s*、")
_PAREN_ORDINAL = re.compile(r"^\s*[（(][一二三四五六七八九十]+[)）]")


_OF_WHICH = re.compile(r"^\s*其中")


def nested(r: Row) -> bool:
    return bool(_NESTED.match(r.label))


def of_which(r: Row) -> bool:
    """A 其中： line restates part of the line above it: never a term of a sum beside it."""
    return bool(_OF_WHICH.match(r.label))


def _nesting(r: Row) -> str:
    """The numbering style of a nested line: 1、/1. or （1）— 西安 prints （1） under 1、 under 一、."""
    return "paren" if r.label.lstrip().startswith(("(", "（")) else "digit"


def first_level(rows: list[Row]) -> list[Row]:
    """The nested lines under a heading at the first level only (1、财政拨款, not its （1）…; no 其中： lines),
    stopping at the first top-level line."""
    out: list[Row] = []
    for r in rows:
        if of_which(r):
            continue
        if not nested(r):
            break
        if not out or _nesting(r) == _nesting(out[0]):
            out.append(r)
    return out


def _items_before(t: Table, side: str, stop: Row) -> list[Row]:
    """The top-level lines above `stop`: items and headings, not the lines numbered under a heading
    (1. or （1）, and （一） where 一、 headings are printed: 重庆's 一、本年支出 over （一）一般公共服务支出)."""
    rows = side_rows(t, side)[: side_rows(t, side).index(stop)]
    headed = any(_HEADING.match(r.label) for r in rows)
    out: list[Row] = []
    for i, r in enumerate(rows):
        if r.role not in (RowRole.ITEM, RowRole.GROUP) or nested(r) or of_which(r) or (headed and _PAREN_ORDINAL.match(r.label)):
            continue
        # a heading printed without a figure (西安 2019: 一、部门预算 blank over 1、财政拨款 3,643.37): its lines count
        out.extend(x for x in (first_level(rows[i + 1:]) if r.role is RowRole.GROUP and not _figures(r) else [r])
                   if all(x is not y for y in out))  # 西安 prints the heading once per pane: its lines count once
    return out


def _figures(r: Row) -> bool:
    return any(v.amount is not None for v in r.values)


def _items_after(t: Table, side: str, head: Row) -> list[Row]:
    """The top-level lines under a total printed first (重庆's 合计 over 一、一般公共预算资金 …)."""
    rows = side_rows(t, side)
    return [r for r in rows[rows.index(head) + 1:]
            if r.role in (RowRole.ITEM, RowRole.GROUP) and not nested(r) and not of_which(r)]


def _applicable(d: Disclosure, kind: K) -> Table:
    t = d.table(kind)
    if t is None:
        raise NotApplicable(f"缺少{kind.title_zh}")
    return t


def _subtotal_rule(id: str, kind: K, side: str, title: str, doc: str):
    def check(d: Disclosure, ctx):
        t = _applicable(d, kind)
        sub = _subtotal(t, side)
        if sub is None:
            raise NotApplicable(f"{kind.title_zh}没有{SUBTOTAL[side][0]}行")
        items = _items_before(t, side, sub)
        yield from sum_columns(id, t, sub, items, f"其上各项（{len(items)}行）之和")

    check.__doc__, check.__name__ = doc, id.split(".")[1]
    return rule(id, family="arith", title=title, severity=Severity.ERROR)(check)


def _total_rule(id: str, kind: K, side: str, title: str, doc: str):
    def check(d: Disclosure, ctx):
        t = _applicable(d, kind)
        total, sub = _total(t, side), _subtotal(t, side)
        if total is None:
            raise NotApplicable(f"{kind.title_zh}缺少总计行")
        if sub is None:  # no 本年合计 line (Shanghai): the total sums the top-level lines
            parts = _items_before(t, side, total) or _items_after(t, side, total)
        else:
            carry = find_row(t, *CARRY[side], side=side)
            balances = [r for label in FINAL_CARRY[side] if (r := find_row(t, label, side=side))]
            parts = [sub] + ([carry] if carry else []) + balances
        yield from sum_columns(id, t, total, parts, " + ".join(r.label for r in parts))

    check.__doc__, check.__name__ = doc, id.split(".")[1]
    return rule(id, family="arith", title=title, severity=Severity.ERROR)(check)


_subtotal_rule("arith.summary_income_subtotal", K.INCOME_EXPENDITURE_SUMMARY, IN, "收支总表：本年收入合计不等于各收入项目之和",
               """收支总表收入方“本年收入合计”应等于其上各收入项目（一般公共预算、政府性基金预算、国有资本经营预算、
               财政专户管理资金、单位资金等）之和。容差：各印刷数四舍五入误差之和，以内为尾差提示，超出上限为错误（见文首“容差”）。
               例：本年收入合计3922.42 = 一、一般公共预算3008.67 + 二、政府性基金预算913.75。""")
_total_rule("arith.summary_income_total", K.INCOME_EXPENDITURE_SUMMARY, IN, "收支总表：收入总计不等于本年收入合计与上年结转之和",
            """收支总表收入方“收入总计”应等于“本年收入合计”加“上年结转”；没有本年收入合计行时（上海），
            应等于各一级收入项目之和（“1.一般公共预算资金”等下级行不重复计入；重庆把“合计”印在各项之上，
            即为其下各项之和）。容差：三个印刷数四舍五入误差之和，
            以内为尾差提示，超出上限为错误（见文首“容差”）。
            例：收入总计4411.49 = 本年收入合计3922.42 + 上年结转489.07。""")
_subtotal_rule("arith.summary_expenditure_subtotal", K.INCOME_EXPENDITURE_SUMMARY, EX, "收支总表：本年支出合计不等于各支出功能类之和",
               """收支总表支出方“本年支出合计”的每一金额列（合计、当年预算安排、上年结转安排）应等于其上各支出功能
               分类“类”级行（一、一般公共服务支出 …）之和。容差：各印刷数四舍五入误差之和，以内为尾差提示，超出上限为错误（见文首“容差”）。
               例：本年支出合计4411.49 = 1.47 + 2895.74 + 39.06 + 72.40 + 1402.82。""")
_total_rule("arith.summary_expenditure_total", K.INCOME_EXPENDITURE_SUMMARY, EX, "收支总表：支出总计不等于本年支出合计与年终结转之和",
            """收支总表支出方“支出总计”每一金额列应等于“本年支出合计”加“年终结转”（预算表中年终结转通常为空）；
            没有本年支出合计行时（上海），应等于各类支出之和。
            容差：印刷数四舍五入误差之和，以内为尾差提示，超出上限为错误（见文首“容差”）。
            例：支出总计4411.49 = 本年支出合计4411.49 + 年终结转0。""")
_subtotal_rule("arith.fiscal_income_subtotal", K.FISCAL_SUMMARY, IN, "财政拨款收支总表：本年收入合计不等于各收入项目之和",
               """财政拨款收支总表收入方“本年收入合计”应等于其上一般公共预算、政府性基金预算、国有资本经营预算
               各行之和（不含其下“上年财政拨款结转”的分项）。容差：印刷数四舍五入误差之和，以内为尾差提示，超出上限为错误（见文首“容差”）。
               例：本年收入合计3922.42 = 3008.67 + 913.75。""")
_total_rule("arith.fiscal_income_total", K.FISCAL_SUMMARY, IN, "财政拨款收支总表：收入总计不等于本年收入合计与上年财政拨款结转之和",
            """财政拨款收支总表收入方“收入总计”应等于“本年收入合计”加“上年财政拨款结转”；没有本年收入合计行时
            （上海），应等于各收入项目之和。容差：印刷数四舍五入
            误差之和，以内为尾差提示，超出上限为错误（见文首“容差”）。
            例：收入总计4411.49 = 本年收入合计3922.42 + 上年财政拨款结转489.07。""")
_subtotal_rule("arith.fiscal_expenditure_subtotal", K.FISCAL_SUMMARY, EX, "财政拨款收支总表：本年支出合计不等于各支出功能类之和",
               """财政拨款收支总表支出方“本年支出合计”的每一金额列（小计、一般公共预算、政府性基金预算、国有资本
               经营预算）应等于其上各支出功能分类“类”级行之和。容差：印刷数四舍五入误差之和，以内为尾差提示，超出上限为错误（见文首“容差”）。
               例：政府性基金预算列本年支出合计1402.82 = 二十五、其他支出1402.82。""")
_total_rule("arith.fiscal_expenditure_total", K.FISCAL_SUMMARY, EX, "财政拨款收支总表：支出总计不等于本年支出合计与年终结转之和",
            """财政拨款收支总表支出方“支出总计”每一金额列应等于“本年支出合计”加“年终结转”；没有本年支出合计行时
            （上海），应等于各类支出之和。容差：印刷数四舍五入
            误差之和，以内为尾差提示，超出上限为错误（见文首“容差”）。
            例：支出总计一般公共预算列3008.67 = 本年支出合计3008.67 + 年终结转0。""")


@rule("arith.fiscal_carryover_breakdown", family="arith", title="财政拨款收支总表：上年财政拨款结转不等于各资金来源之和",
      severity=Severity.ERROR)
def fiscal_carryover_breakdown(d: Disclosure, ctx):
    """财政拨款收支总表收入方“上年财政拨款结转”应等于其下按资金来源列出的一般公共预算、政府性基金预算、
    国有资本经营预算结转之和。容差：印刷数四舍五入误差之和，以内为尾差提示，超出上限为错误（见文首“容差”）。
    例：上年财政拨款结转489.07 = 一、一般公共预算0 + 二、政府性基金预算489.07 + 三、国有资本经营预算0。"""
    t = _applicable(d, K.FISCAL_SUMMARY)
    head = find_row(t, "上年财政拨款结转", side=IN)
    if head is None:
        raise NotApplicable("财政拨款收支总表没有“上年财政拨款结转”行")
    rows = side_rows(t, IN)
    parts = []
    total = find_row(t, *TOTAL[IN], side=IN)
    for r in rows[rows.index(head) + 1:]:
        if r.role in (RowRole.TOTAL, RowRole.SUBTOTAL) or r is total:
            break
        parts.append(r)
    if not parts:
        raise NotApplicable("上年财政拨款结转没有分项")
    yield from sum_columns("arith.fiscal_carryover_breakdown", t, head, parts, f"其下各资金来源（{len(parts)}行）之和")


@rule("arith.summary_source_groups", family="arith", title="收支总表：收入大项不等于其下各项之和", severity=Severity.ERROR)
def summary_source_groups(d: Disclosure, ctx):
    """收支总表和财政拨款收支总表收入方的分组行（如上海的“一、财政拨款收入”），每一金额列应等于其下以
    1. 2. 3. 编号的各行之和（只计第一层：西安“1、财政拨款”下的“（1）一般公共预算拨款”和“其中：”行不重复计入；
    山西的“上年财政拨款结转”由专门规则检查）。容差：印刷数四舍五入误差之和，
    以内为尾差提示，超出上限为错误（见文首“容差”）。
    例：“一、财政拨款收入”91,016,775.35元 = 1.一般公共预算资金91,016,775.35 + 2.政府性基金0 + 3.国有资本经营预算0。"""
    seen = False
    for t in (t for t in d.tables if t.kind in (K.INCOME_EXPENDITURE_SUMMARY, K.FISCAL_SUMMARY)):
        rows = side_rows(t, IN)
        for i, g in enumerate(rows):
            if g.role is not RowRole.GROUP or "结转" in g.label or not _figures(g):
                continue  # a heading printed without a figure sums nothing
            parts = first_level(rows[i + 1:])
            if parts:
                seen = True
                yield from sum_columns("arith.summary_source_groups", t, g, parts, f"其下各项（{len(parts)}行）之和")
    if not seen:
        raise NotApplicable("收支总表收入方没有分组行")
