"""The document's prose: contents, organisation, narrative sections, glossary, stated figures."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .money import Amount
from .provenance import Provenance


@dataclass(frozen=True)
class Paragraph:
    """A paragraph as printed, and where: `provenance` is its first line's.

    continued: for a paragraph printed on several source lines read as one (cut by a page break), where
    each later line begins: (offset in `text`, that line's provenance); () for a paragraph of one line.
    A finding quoting words of the paragraph points at the line that prints them (`provenance_at`).
    """

    text: str
    provenance: Provenance
    continued: tuple[tuple[int, Provenance], ...] = ()

    def provenance_at(self, offset: int) -> Provenance:
        """Where the character at `offset` of the text is printed."""
        return printed_at(self.provenance, self.continued, offset)


def printed_at(first: Provenance, continued: tuple[tuple[int, Provenance], ...], offset: int) -> Provenance:
    """The provenance of the line holding `offset`, of a text whose later lines begin as `continued` says."""
    found = first
    for start, provenance in continued:
        if start > offset:
            break
        found = provenance
    return found


@dataclass(frozen=True)
class Section:
    """A heading and the paragraphs under it, up to the next heading.

    id: stable id (``s3.5.1`` = 第三部分, 五, (一)), from the heading numbers.
    part: the 第N部分 it belongs to (``第三部分``), or "" before the first part.
    number: the heading's own number as printed (``五``, ``(一)``, ``1``), "" for a part heading.
    level: 1 for 第N部分, 2 for 一、, 3 for （一）, 4 for 1、.
    """

    id: str
    part: str
    number: str
    level: int
    title: str
    paragraphs: tuple[Paragraph, ...]
    provenance: Provenance

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass(frozen=True)
class ContentsEntry:
    """A line of the 目录: title and page as printed."""

    title: str
    page: int | None
    provenance: Provenance


@dataclass(frozen=True)
class BudgetUnit:
    """A budget unit (预算单位) of the department; kind 行政/参公/事业 where the document says."""

    name: str
    provenance: Provenance
    kind: str | None = None


@dataclass(frozen=True)
class Organisation:
    """机构设置: the internal offices and the subordinate budget units as printed.

    text: the 机构设置 section's, then the part on the budget's composition (部门预算构成) where there is one.
    """

    text: str
    offices: tuple[str, ...]
    units: tuple[BudgetUnit, ...]
    provenance: Provenance | None = None
    stated_office_count: int | None = None
    stated_unit_count: int | None = None
    # the list of units ran off the end of its paragraph with no full stop (cut by a page break as read):
    # units after the cut may be missing from `units`
    units_cut: bool = False


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    definition: str
    provenance: Provenance


@dataclass(frozen=True)
class Procurement:
    """政府采购 as stated: total and 货物/工程/服务."""

    total: Amount | None
    goods: Amount | None
    works: Amount | None
    services: Amount | None
    provenance: Provenance


@dataclass(frozen=True)
class Count:
    """A counted thing stated in the text (车辆 by kind, 设备 above a value), with its unit word."""

    label: str
    count: Decimal
    unit: str
    provenance: Provenance


@dataclass(frozen=True)
class AssetHoldings:
    """国有资产占有使用情况 as stated: vehicles, office space, equipment."""

    as_of: str
    vehicles_quota: int | None
    vehicles_actual: int | None
    vehicles: tuple[Count, ...]
    office_area_m2: Decimal | None
    equipment: tuple[Count, ...]
    provenance: Provenance
