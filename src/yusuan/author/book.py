"""The budget book: what a department's finance office fills in, as immutable records.

Amounts are exact Decimal 元 (to the fen). Every record keeps `where` (sheet or file, row) so
that a later check can point the user at the cell that caused it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..templates import template as _template

# The vocabularies a book uses, as the user types them (also the XLSX validation lists).
UNIT_KINDS = ("行政", "参公", "事业")
NATURES = ("人员经费", "公用经费", "项目支出")
SOURCES = ("一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金")
FISCAL_SOURCES = SOURCES[:3]
PERIODS = ("本年", "上年结转")
PROJECT_CATEGORIES = ("其他运转类", "特定目标类")
TEMPLATES = ("shanxi-13", "shanghai-9")  # internal codes, never shown to users
TEMPLATE_ZH = {code: _template(code).name_zh for code in TEMPLATES}  # shanxi-13 → 山西13表, as the web app shows
TEMPLATE_CHOICES = tuple(TEMPLATE_ZH.values())  # what the 模板 drop-down offers


def template_code(text: str) -> str | None:
    """The template a book's 模板 cell names: its Chinese name (上海9表) or its code; None if neither."""
    t = text.strip()
    if t in TEMPLATE_ZH:
        return t
    return next((code for code, zh in TEMPLATE_ZH.items() if zh == t), None)
PRESENTATION_UNITS = ("万元", "元")
LEVELS = ("部门", "单位")  # 部门预算 (the department with its units) or 单位预算 (one unit)
# Column keys of the tables for each source (what the audit reads).
SOURCE_KEYS = {
    "一般公共预算": "general_public", "政府性基金预算": "gov_fund", "国有资本经营预算": "state_capital",
    "财政专户管理资金": "special_account", "单位资金": "unit_funds",
}


@dataclass(frozen=True)
class Where:
    """A cell of the book: sheet (XLSX) or file (folder), 1-based row, column header."""

    sheet: str
    row: int | None = None
    column: str | None = None

    def describe(self) -> str:
        parts = [f"“{self.sheet}”"]
        if self.row is not None:
            parts.append(f"第{self.row}行")
        if self.column:
            parts.append(f"“{self.column}”列")
        return " ".join(parts)


@dataclass(frozen=True)
class Department:
    name: str
    code: str  # 主管部门代码 (064)
    year: int
    template: str
    unit: str  # presentation unit 万元/元
    region: str = ""
    offices: tuple[str, ...] = ()  # 内设机构
    level: str = "部门"  # 部门 / 单位: Shanghai titles say 部门… or 预算单位…


@dataclass(frozen=True)
class Unit:
    """A budget unit (预算单位) with its kind (行政/参公/事业)."""

    name: str
    kind: str
    where: Where


@dataclass(frozen=True)
class IncomeLine:
    """Income by source; `revenue_code` names the 收入科目 for government fund income."""

    source: str
    period: str
    amount: Decimal
    where: Where
    revenue_code: str = ""


@dataclass(frozen=True)
class ExpenditureLine:
    """One budgeted amount: who spends it, on what function, of which economic nature, from where."""

    unit: str
    function_code: str  # 项 (7 digits)
    nature: str  # 人员经费 / 公用经费 / 项目支出
    dept_economic: str  # 部门预算经济分类 款 (5 digits)
    gov_economic: str  # 政府预算经济分类 款 (5 digits)
    source: str
    period: str
    amount: Decimal
    where: Where
    project: str = ""  # project id, for 项目支出

    @property
    def is_basic(self) -> bool:
        return self.nature != "项目支出"


@dataclass(frozen=True)
class Project:
    """A project as the project tables print it (one row); two projects may share a name."""

    id: str
    unit: str
    name: str
    category: str  # 其他运转类 / 特定目标类
    where: Where


@dataclass(frozen=True)
class FundingSplit:
    """项目资金 in 元 by source of a target form: 中央/省级/市县/自筹/其他."""

    central: Decimal = Decimal(0)
    provincial: Decimal = Decimal(0)
    local: Decimal = Decimal(0)
    self_raised: Decimal = Decimal(0)
    other: Decimal = Decimal(0)

    @property
    def total(self) -> Decimal:
        return self.central + self.provincial + self.local + self.self_raised + self.other


@dataclass(frozen=True)
class IndicatorLine:
    scope: str  # 实施期 / 年度
    level1: str
    level2: str
    name: str
    value: str


@dataclass(frozen=True)
class TargetForm:
    """A 项目支出绩效目标表 for the projects of one unit with one name (its 年度 amount is theirs)."""

    unit: str
    project_name: str
    competent_department: str
    attribute: str
    period: str
    funding_period: FundingSplit
    funding_year: FundingSplit
    texts: tuple[tuple[str, str], ...]  # (项目概况 …, text)
    goal_period: str
    goal_year: str
    indicators: tuple[IndicatorLine, ...]
    where: Where


@dataclass(frozen=True)
class Book:
    department: Department
    units: tuple[Unit, ...]
    income: tuple[IncomeLine, ...]
    lines: tuple[ExpenditureLine, ...]
    projects: tuple[Project, ...] = ()
    targets: tuple[TargetForm, ...] = ()
    texts: dict[str, str] = field(default_factory=dict)  # 职责, reasons, notes: by key
    last_year: dict[str, Decimal] = field(default_factory=dict)  # 上年数 in 元, by key
    procurement: dict[str, Decimal] = field(default_factory=dict)  # 货物/工程/服务 in 元
    assets: dict[str, str] = field(default_factory=dict)  # 车辆/房屋/设备 figures as typed
    glossary: tuple[tuple[str, str], ...] = ()
    # Shanghai 编制说明 speaks of each 项: what it is for, and last year's execution (元) if given
    item_purposes: dict[str, str] = field(default_factory=dict)
    item_last_year: dict[str, Decimal] = field(default_factory=dict)

    def unit(self, name: str) -> Unit | None:
        return next((u for u in self.units if u.name == name), None)

    def project(self, pid: str) -> Project | None:
        return next((p for p in self.projects if p.id == pid), None)
