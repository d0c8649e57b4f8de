"""项目支出绩效目标表: one form per project, with its funding and its indicator tree."""
from __future__ import annotations

from dataclasses import dataclass

from .money import Amount
from .provenance import Provenance


@dataclass(frozen=True)
class FundingLine:
    """A funding source printed under a label outside the standard five (财政拨款, 财政专户收入 …)."""

    label: str
    amount: Amount | None
    provenance: Provenance | None = None


@dataclass(frozen=True)
class Funding:
    """项目资金 for one period (实施期 or 年度): the total and each source, as printed.

    None means the cell was left empty; zero means a printed 0.
    """

    total: Amount | None = None
    central: Amount | None = None  # 中央财政资金
    provincial: Amount | None = None  # 省级财政资金
    local: Amount | None = None  # 市县（区）财政资金
    self_raised: Amount | None = None  # 单位自筹
    other: Amount | None = None  # 其他资金
    provenance: Provenance | None = None
    lines: tuple[FundingLine, ...] = ()  # sources printed under other labels, as printed

    SOURCES = ("central", "provincial", "local", "self_raised", "other")

    @property
    def amount(self) -> Amount | None:
        """The period's amount: the printed total; in the variant that prints a source's name where
        the total's label stands (``项目资金(元)¦¦201943.3¦财政拨款¦201943.3``, splits on the lines
        below), the amount printed on the 项目资金 line itself."""
        if self.total is not None:
            return self.total
        first = self.lines[0] if self.lines else None
        on_label_line = (first is not None and first.provenance is not None and self.provenance is not None
                         and first.provenance.line == self.provenance.line)
        return first.amount if first is not None and on_label_line else None

    def sources(self) -> tuple[tuple[str, Amount | None], ...]:
        return tuple((name, getattr(self, name)) for name in self.SOURCES)


@dataclass(frozen=True)
class TextField:
    """A labelled text of the form (项目概况, 立项依据, 项目设立必要性, …)."""

    label: str
    text: str
    provenance: Provenance


@dataclass(frozen=True)
class Indicator:
    """One 三级指标 with its value, in the 实施期 (``period``) or 年度 (``year``) column.

    level1: 一级指标 (产出指标/效益指标/满意度指标); level2: 二级指标 (数量指标 …);
    name: 三级指标 as printed (the 年度 column is often cut short by the extraction);
    value: 指标值 as printed (``≥90%``, ``按月发放``).
    """

    scope: str
    level1: str
    level2: str
    name: str
    value: str
    provenance: Provenance


@dataclass(frozen=True)
class PerformanceTarget:
    """A 项目支出绩效目标表.

    id: stable id within the disclosure (``pt01`` … in reading order).
    project_name: 项目名称 (for the one form without the label, the unlabelled name line).
    competent_department / department_code: 主管部门及代码 split (``064-阳泉市民政局``).
    funding_period / funding_year: 实施期 and 年度 funding.
    goal_period / goal_year: 总体目标 texts for 实施期 and 年度.
    """

    id: str
    title: str
    project_name: str
    funding_period: Funding
    funding_year: Funding
    provenance: Provenance
    year_label: str = ""
    competent_department: str = ""
    department_code: str = ""
    implementing_unit: str = ""
    attribute: str = ""
    period: str = ""
    texts: tuple[TextField, ...] = ()
    goal_period: str = ""
    goal_year: str = ""
    indicators: tuple[Indicator, ...] = ()
    end_line: int | None = None
    filled_on: str = ""  # 填报日期 as printed
    category: str = ""  # 项目类别 (the older Shanghai form: 延续项目, 一般项目 …)

    def text(self, label: str) -> str:
        return next((t.text for t in self.texts if t.label == label), "")

    def indicators_for(self, scope: str) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.scope == scope)
