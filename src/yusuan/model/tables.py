"""Typed tables: the standard budget tables as rows of codes, names and amounts per column.

A table is region-neutral: what a column *means* is its `key` (e.g. ``general_public``), what it
*printed* is its `label`. Rules read keys; people read labels. Two-sided tables (收支总表) carry
each printed line as up to two rows, one per `side`, both pointing at the same source line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Iterator

from .money import Amount, MoneyUnit
from .provenance import Provenance


class TableKind(str, Enum):
    """What a table is, whatever its printed title (Chinese name in `title_zh`)."""

    INCOME_EXPENDITURE_SUMMARY = "income_expenditure_summary"
    INCOME_SUMMARY = "income_summary"
    EXPENDITURE_SUMMARY = "expenditure_summary"
    FISCAL_SUMMARY = "fiscal_appropriation_summary"
    GENERAL_EXPENDITURE = "general_budget_expenditure"
    GENERAL_BASIC_ECONOMIC = "general_budget_basic_economic"
    FUND_INCOME = "gov_fund_income"
    FUND_EXPENDITURE = "gov_fund_expenditure"
    STATE_CAPITAL = "state_capital"
    STATE_CAPITAL_EXPENDITURE = "state_capital_expenditure"
    THREE_PUBLIC = "three_public"
    AGENCY_RUNNING = "agency_running"
    THREE_PUBLIC_AND_RUNNING = "three_public_and_running"
    PROJECTS = "projects"
    PROJECTS_CARRYOVER = "projects_carryover"
    FISCAL_EXPENDITURE = "fiscal_expenditure"
    FISCAL_BASIC_ECONOMIC = "fiscal_basic_economic"
    PROCUREMENT = "procurement"
    # Kinds cities and provinces print beside the national core (recognize/tables/national.py).
    GENERAL_ECONOMIC = "general_budget_economic"
    GENERAL_BASIC_FUNCTION = "general_budget_basic_function"
    GENERAL_PROJECT_ECONOMIC = "general_budget_project_economic"
    BASIC_EXPENDITURE = "basic_expenditure"
    FUND_SUMMARY = "gov_fund_summary"
    CARRYOVER_EXPENDITURE = "carryover_expenditure"
    MEETING_TRAINING = "meeting_training"
    GENERIC = "generic"

    @property
    def title_zh(self) -> str:
        return TABLE_KIND_ZH[self]


TABLE_KIND_ZH = {
    TableKind.INCOME_EXPENDITURE_SUMMARY: "收支总表",
    TableKind.INCOME_SUMMARY: "收入总表",
    TableKind.EXPENDITURE_SUMMARY: "支出总表",
    TableKind.FISCAL_SUMMARY: "财政拨款收支总表",
    TableKind.GENERAL_EXPENDITURE: "一般公共预算支出表",
    TableKind.GENERAL_BASIC_ECONOMIC: "一般公共预算基本支出分经济科目表",
    TableKind.FUND_INCOME: "政府性基金预算收入表",
    TableKind.FUND_EXPENDITURE: "政府性基金预算支出表",
    TableKind.STATE_CAPITAL: "国有资本经营预算收支表",
    TableKind.STATE_CAPITAL_EXPENDITURE: "国有资本经营预算支出表",
    TableKind.THREE_PUBLIC: "“三公”经费表",
    TableKind.AGENCY_RUNNING: "机关运行经费表",
    TableKind.THREE_PUBLIC_AND_RUNNING: "“三公”经费和机关运行经费表",
    TableKind.PROJECTS: "项目支出表（本年）",
    TableKind.PROJECTS_CARRYOVER: "项目支出表（上年结转）",
    TableKind.FISCAL_EXPENDITURE: "财政拨款支出表",
    TableKind.FISCAL_BASIC_ECONOMIC: "财政拨款基本支出表",
    TableKind.PROCUREMENT: "政府采购预算表",
    TableKind.GENERAL_ECONOMIC: "一般公共预算支出分经济科目表",
    TableKind.GENERAL_BASIC_FUNCTION: "一般公共预算基本支出表（按功能分类）",
    TableKind.GENERAL_PROJECT_ECONOMIC: "一般公共预算项目支出分经济科目表",
    TableKind.BASIC_EXPENDITURE: "基本支出预算表",
    TableKind.FUND_SUMMARY: "政府性基金预算收支表",
    TableKind.CARRYOVER_EXPENDITURE: "财政拨款结转资金支出表",
    TableKind.MEETING_TRAINING: "会议费、培训费表",
    TableKind.GENERIC: "其他表格",
}


class RowRole(str, Enum):
    """What a row is within its table."""

    ITEM = "item"  # an ordinary line: a subject, an economic item, a project
    TOTAL = "total"  # the table's grand total (合计, 收入总计, 部门合计)
    SUBTOTAL = "subtotal"  # a partial total (本年收入合计, 本年支出合计)
    GROUP = "group"  # a heading that sums the rows under it (a unit in the project table, 工资福利支出)
    SECTION = "section"  # a heading row without its own sum (上年财政拨款结转 breakdown heading)


class ColumnKind(str, Enum):
    AMOUNT = "amount"
    TEXT = "text"


# A header naming a count, not money (采购 数量, 会议 人数 天数, a 决算's 行次): its figures are no amounts.
_COUNT_HEADER = re.compile(r"(数量|人数|天数|次数|个数|行次|序号)$")


@dataclass(frozen=True)
class Column:
    """A column: `key` says what it means, `label` what was printed (header levels joined by /)."""

    key: str
    label: str
    kind: ColumnKind = ColumnKind.AMOUNT
    side: str | None = None  # "income" / "expenditure" in two-sided tables

    @property
    def counts(self) -> bool:
        """A text column whose header names a count (数量): its figures are counts, never amounts."""
        return self.kind is ColumnKind.TEXT and bool(_COUNT_HEADER.search("".join(self.label.split())))


@dataclass(frozen=True)
class Value:
    """One printed cell of a row: its column key, the exact text and, for amounts, the amount."""

    column: str
    text: str
    amount: Amount | None
    provenance: Provenance


@dataclass(frozen=True)
class Row:
    """A table row.

    index: 0-based position in the table.
    role: item, total, subtotal, group or section.
    label: the row's name as printed (科目名称, 项目名称, 单位名称), whitespace of wrapping removed.
    code: the classification code as digits (``2080201``), or None.
    side: "income"/"expenditure" for two-sided tables, else None.
    values: the printed non-empty cells other than code and label; an absent column means empty.
    provenance: where the row starts (its first source line); `lines` lists every line it spans.
    """

    index: int
    role: RowRole
    label: str
    code: str | None
    values: tuple[Value, ...]
    provenance: Provenance
    side: str | None = None
    lines: tuple[int, ...] = ()

    def value(self, column: str) -> Value | None:
        for v in self.values:
            if v.column == column:
                return v
        return None

    def amount(self, column: str) -> Amount | None:
        v = self.value(column)
        return v.amount if v else None

    def number(self, column: str) -> Decimal:
        """The amount in `column`, empty read as zero (the tables print zero as empty)."""
        a = self.amount(column)
        return a.value if a else Decimal(0)

    def text(self, column: str) -> str:
        v = self.value(column)
        return v.text if v else ""


@dataclass(frozen=True)
class Table:
    """A recognised table.

    id: stable id within the disclosure (``t01`` …, in reading order).
    kind: what the table is.
    title: the printed title.
    caption: the label printed above it (``预算公开表1``), if any.
    unit: the printed money unit (单位：万元).
    entity: the printed 部门名称/单位名称, if any.
    columns / rows: the grid, typed.
    notes: printed notes (``注：本表无数据``).
    provenance: where the title is.
    profile: the recognition profile that read it (``national``, ``jiangsu-12`` …; ``generic`` by header only).
    not_budget: why a generic table is no budget table, by its own words (项目绩效表: a 绩效自评表 or
        绩效指标表; 不含金额的列表: a 目录 printing no figure); "" for a budget table, typed or not.
    """

    id: str
    kind: TableKind
    title: str
    unit: MoneyUnit
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    provenance: Provenance
    caption: str | None = None
    entity: str | None = None
    notes: tuple[str, ...] = field(default=())
    profile: str = ""
    not_budget: str = ""

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)

    def amount_columns(self, side: str | None = None) -> tuple[Column, ...]:
        return tuple(
            c for c in self.columns if c.kind is ColumnKind.AMOUNT and (side is None or c.side == side)
        )

    def rows_by_role(self, role: RowRole) -> Iterator[Row]:
        return (r for r in self.rows if r.role is role)

    def coded_rows(self) -> dict[str, Row]:
        """Rows with a classification code, by code (the first one where a code repeats)."""
        out: dict[str, Row] = {}
        for r in self.rows:
            if r.code and r.code not in out:
                out[r.code] = r
        return out

    def total_row(self, side: str | None = None) -> Row | None:
        return next(
            (r for r in self.rows if r.role is RowRole.TOTAL and (side is None or r.side == side)), None
        )

    @property
    def is_empty(self) -> bool:
        return all(not r.values for r in self.rows)

    def to_dataframe(self):  # -> pandas.DataFrame
        """The table as a DataFrame: one row per row, amounts as Decimal (object dtype)."""
        import pandas as pd

        records = []
        for r in self.rows:
            rec: dict[str, object] = {"role": r.role.value, "side": r.side, "code": r.code, "label": r.label}
            for c in self.columns:
                v = r.value(c.key)
                rec[c.key] = (v.amount.value if v and v.amount else None) if c.kind is ColumnKind.AMOUNT else (
                    v.text if v else None
                )
            rec["line"] = r.provenance.line
            records.append(rec)
        columns = ["role", "side", "code", "label", *[c.key for c in self.columns], "line"]
        return pd.DataFrame.from_records(records, columns=columns)
