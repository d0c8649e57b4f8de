"""The generic fallback: the Ministry of Finance's core tables recognised by what their headers mean.

A table whose title fits no regional template (``部门预算收支情况表``, a retitled or mistyped
title) is still one of the core tables if every printed header has a meaning in that table's
template here and its defining columns are present. Templates are tried in order, the most
specific first; the one giving meaning to most columns wins (ties: the earlier). Anything else
stays a generic table and is reported.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...model import MoneyUnit, TableKind as K
from ...sources.raw import RawLine
from .headers import Layout, read_header
from .templates import (
    FISCAL,
    CODE, CODE_KUAN, CODE_XIANG, CODE_PARTS, EXPENDITURE as EX, INCOME as IN, LABEL, ColumnSpec as C, TableTemplate,
    TemplateSet,
)

_CODES = (C(CODE, r"编码(/类)?$|代码$"), C(CODE_KUAN, r"编码/款$"), C(CODE_XIANG, r"编码/项$"))
_NAME = r"(^|/)项目$|名称$"
_TWO_SIDED = dict(two_sided=True, totals=("收入总计", "支出总计", "合计", "总计"),
                  subtotals=("本年收入合计", "本年支出合计"))


def _functional(total: str) -> tuple[C, ...]:
    return (*_CODES, C(LABEL, _NAME), C("total", total), C("basic", r"基本支出$"), C("project", r"项目支出$"))


@dataclass(frozen=True)
class CoreTemplate:
    """A core table by header meaning: its template and the keys it cannot be without."""

    template: TableTemplate
    defining: frozenset[tuple[str, str | None]]  # (key, side)


def _core(template: TableTemplate, *defining: tuple[str, str | None]) -> CoreTemplate:
    return CoreTemplate(template, frozenset(defining))


CORE = (
    _core(TableTemplate(K.FISCAL_SUMMARY, (), (
        C(LABEL, _NAME, side=IN), C("amount", r".", side=IN), C(LABEL, _NAME, side=EX),
        C("total", r"小计$|合计$", side=EX), *(C(c.key, c.pattern, side=EX) for c in FISCAL),
    ), groups=("上年财政拨款结转",), **_TWO_SIDED), ("amount", IN), ("total", EX), ("general_public", EX)),  # type: ignore[arg-type]
    _core(TableTemplate(K.INCOME_EXPENDITURE_SUMMARY, (), (
        C(LABEL, _NAME, side=IN), C("amount", r".", side=IN), C(LABEL, _NAME, side=EX),
        C("total", r"合计$|小计$|预算数$|金额$", side=EX), C("current_year", r"当年|本年", side=EX),
        C("carry_over", r"结转", side=EX),
    ), rules=("numbered_items",), **_TWO_SIDED), ("amount", IN), ("total", EX)),  # type: ignore[arg-type]
    _core(TableTemplate(K.GENERAL_BASIC_ECONOMIC, (), (
        *_CODES, C(LABEL, _NAME), C("total", r"合计$"), C("personnel", r"人员经费$"), C("operating", r"公用经费$"),
    ), rules=("code_levels", "economic_classes")), ("personnel", None), ("operating", None)),
    _core(TableTemplate(K.INCOME_SUMMARY, (), (
        *_CODES, C(LABEL, _NAME), C("total", r"合计$"), *FISCAL, C("fiscal", r"财政拨款收入?$"),
        C("special_account", r"财政专户"), C("unit_funds", r"单位资金"), C("carry_over", r"上年结转"),
        C("business_income", r"^(?!.*经营).*事业收入$"), C("operating_income", r"经营收入$"),
        C("other_income", r"其他收入$"),
    ), rules=("code_levels",)), ("total", None), (CODE, None)),
    _core(TableTemplate(K.GENERAL_EXPENDITURE, (), _functional(r"一般公共预算.*合计$"), rules=("code_levels",)),
          ("total", None), ("basic", None)),
    _core(TableTemplate(K.FUND_EXPENDITURE, (), _functional(r"政府性基金.*合计$"), rules=("code_levels",)),
          ("total", None), ("basic", None)),
    _core(TableTemplate(K.EXPENDITURE_SUMMARY, (), _functional(r"合计$"), rules=("code_levels",)),
          ("total", None), ("basic", None), ("project", None)),
)
GENERIC_SET = TemplateSet(name="generic", region="", default_unit=MoneyUnit.YUAN,
                          templates=tuple(c.template for c in CORE))


def _score(core: CoreTemplate, layout: Layout) -> int | None:
    """Columns given a meaning, or None if a printed header has none or a defining column is missing."""
    printed = [c for c in layout.columns if c.label]
    if not printed or any(not c.key for c in printed):
        return None
    keys = {(c.key, c.side) for c in printed}
    amounts = [c for c in printed if c.key not in (*CODE_PARTS, LABEL)]
    if not core.defining <= keys or len(amounts) < 2:  # 合计 alone means too little
        return None
    return len(printed)


def by_meaning(grid: tuple[RawLine, ...]) -> tuple[TableTemplate, Layout, int] | None:
    """The core table the grid's headers mean (template, layout, first data row), or None."""
    best: tuple[int, TableTemplate, Layout, int] | None = None
    for core in CORE:
        layout, first = read_header(grid, core.template)
        score = _score(core, layout)
        if score is not None and (best is None or score > best[0]):
            best = (score, core.template, layout, first)
    return best[1:] if best else None
