"""Header rows rebuilt from the columns' header paths, with the merges a publication prints.

`Column.label` holds a column's header path joined by ``/`` (``本年收入/一般公共预算``); the code
and name columns (the *stub*) are not columns of the model, so their headers come from the table
kind, as the Shanxi publication prints them. A header shorter than the deepest one spans down to
the last header row; neighbours sharing a header above their own span it across.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import TableKind as K
from ..text.folding import fold

CODE, LABEL = "code", "label"
CODE_KUAN, CODE_XIANG = "code_kuan", "code_xiang"  # Shanghai prints a code over 类 款 项 cells
INCOME, EXPENDITURE = "income", "expenditure"

_CODED = ((CODE, "项目/科目编码"), (LABEL, "项目/科目名称"))
_ITEM = ((LABEL, "项目"),)
_TWO_SIDED_ITEM: dict[str | None, tuple[tuple[str, str], ...]] = {INCOME: _ITEM, EXPENDITURE: _ITEM}
# The stub columns per kind (and per side for two-sided tables): (key, header path).
STUBS: dict[K, dict[str | None, tuple[tuple[str, str], ...]]] = {
    K.INCOME_EXPENDITURE_SUMMARY: _TWO_SIDED_ITEM,
    K.FISCAL_SUMMARY: _TWO_SIDED_ITEM,
    K.INCOME_SUMMARY: {None: _CODED},
    K.EXPENDITURE_SUMMARY: {None: _CODED},
    K.GENERAL_EXPENDITURE: {None: _CODED},
    K.GENERAL_BASIC_ECONOMIC: {None: ((LABEL, "部门预算支出经济科目名称"),)},
    K.FUND_INCOME: {None: ((CODE, "项目/收入科目编码"), (LABEL, "项目/科目名称"))},
    K.FUND_EXPENDITURE: {None: ((CODE, "科目编码"), (LABEL, "科目名称"))},
    K.STATE_CAPITAL: {
        INCOME: ((CODE, "收入科目编码"), (LABEL, "科目名称")),
        EXPENDITURE: ((CODE, "科目编码"), (LABEL, "科目名称")),
    },
    K.STATE_CAPITAL_EXPENDITURE: {None: ((CODE, "科目编码"), (LABEL, "科目名称"))},
    K.THREE_PUBLIC: {None: _ITEM},
    K.AGENCY_RUNNING: {None: ((LABEL, "单位名称"),)},
    K.THREE_PUBLIC_AND_RUNNING: {None: _ITEM},
    K.PROJECTS: {None: ((LABEL, "项目名称"),)},
    K.PROJECTS_CARRYOVER: {None: ((LABEL, "项目名称"),)},
}


_FUNCTION_SPLIT = ((CODE, "功能分类科目编码/类"), (CODE_KUAN, "功能分类科目编码/款"),
                   (CODE_XIANG, "功能分类科目编码/项"), (LABEL, "功能分类科目名称"))
# Shanghai's stubs where they differ: codes split 类/款/项 (the economic table 类/款 only), and
# the 三公 table's single row without a label.
SHANGHAI_STUBS: dict[K, tuple[tuple[str, str], ...]] = {
    **dict.fromkeys((K.INCOME_SUMMARY, K.EXPENDITURE_SUMMARY, K.GENERAL_EXPENDITURE, K.FUND_EXPENDITURE,
                     K.STATE_CAPITAL_EXPENDITURE), _FUNCTION_SPLIT),
    K.GENERAL_BASIC_ECONOMIC: ((CODE, "部门预算经济分类科目编码/类"), (CODE_KUAN, "部门预算经济分类科目编码/款"),
                               (LABEL, "经济分类科目名称")),
    K.THREE_PUBLIC_AND_RUNNING: (),
}


# The titles Shanghai prints for the kinds above (``收入预算总表`` where Shanxi prints ``预算收入总表``),
# as recognize/tables/shanghai.py reads them; kept here as render data so render does not import the reader.
SHANGHAI_TITLES: dict[K, str] = {
    K.INCOME_SUMMARY: r"收入预算总表",
    K.EXPENDITURE_SUMMARY: r"支出预算总表",
    K.GENERAL_EXPENDITURE: r"一般公共预算支出功能分类预算表",
    K.FUND_EXPENDITURE: r"政府性基金预算支出功能分类预算表",
    K.STATE_CAPITAL_EXPENDITURE: r"国有资本经营预算支出功能分类预算表",
    K.GENERAL_BASIC_ECONOMIC: r"基本支出.{0,6}经济分类预算表",
    K.THREE_PUBLIC_AND_RUNNING: r"三公.{0,2}经费和机关运行经费(预算)?表",
}


def is_shanghai(kind: K, title: str) -> bool:
    """Whether a table is printed in Shanghai's form: its title is the one Shanghai prints for its kind."""
    return kind in SHANGHAI_TITLES and re.search(SHANGHAI_TITLES[kind], fold(title)) is not None


# The two-sided summary tables print the same stubs in both forms, but Shanghai's, like its others,
# carry 编制部门 above them (“2025年部门财务收支预算总表”, “…财政拨款收支预算总表”).
_SHANGHAI_SUMMARY = re.compile(r"(财务|财政拨款)收支预算总表")


def names_compiler(kind: K, title: str) -> bool:
    """Whether the table prints 编制部门/编制单位 (Shanghai) rather than 部门名称 above it."""
    return is_shanghai(kind, title) or bool(_SHANGHAI_SUMMARY.search(fold(title)))


def code_part(code: str | None, key: str) -> str:
    """The cell of a split code: 类 ``208``, 款 ``05``, 项 ``01`` (a 类 row prints 类 only)."""
    start, end = {CODE: (0, 3), CODE_KUAN: (3, 5), CODE_XIANG: (5, 7)}[key]
    return (code or "")[start:end]


def stub_columns(kind: K, side: str | None, has_codes: bool, shanghai: bool = False) -> tuple[tuple[str, str], ...]:
    """The stub (key, header path) of a table kind's side; a generic table names its rows 项目."""
    if shanghai and kind in SHANGHAI_STUBS:
        return SHANGHAI_STUBS[kind]
    known = STUBS.get(kind)
    if known is not None:
        return known.get(side, _ITEM)
    return (_CODED if has_codes else _ITEM)


@dataclass(frozen=True)
class HeaderCell:
    """One printed header cell: its text and the grid area it covers (0-based)."""

    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1


def header_cells(paths: list[tuple[str, ...]]) -> tuple[int, tuple[HeaderCell, ...]]:
    """(depth, cells) for columns with these header paths."""
    depth = max((len(p) for p in paths), default=0)
    cells: list[HeaderCell] = []
    for level in range(depth):
        col = 0
        while col < len(paths):
            path = paths[col]
            if len(path) <= level:
                col += 1  # covered by this column's header spanning down from above
                continue
            leaf = level == len(path) - 1
            span = 1
            while not leaf and col + span < len(paths) and _shares(paths[col + span], path, level):
                span += 1
            cells.append(HeaderCell(level, col, path[level], depth - level if leaf else 1, span))
            col += span
    return depth, tuple(cells)


def _shares(other: tuple[str, ...], path: tuple[str, ...], level: int) -> bool:
    """Whether `other` sits under the same (non-leaf) header as `path` at `level`."""
    return len(other) > level + 1 and other[: level + 1] == path[: level + 1]
