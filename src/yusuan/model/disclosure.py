"""The whole publication as one immutable record."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .narrative import AssetHoldings, ContentsEntry, GlossaryEntry, Organisation, Procurement, Section
from .provenance import Provenance
from .statements import ProjectStatement
from .tables import Table, TableKind
from .targets import PerformanceTarget


class Level(str, Enum):
    DEPARTMENT = "department"  # 部门预算: the department with all its units
    UNIT = "unit"  # 单位预算: one budget unit


class Stage(str, Enum):
    BUDGET = "budget"  # 预算
    FINAL_ACCOUNTS = "final_accounts"  # 决算


@dataclass(frozen=True)
class DocumentMeta:
    """What the publication is.

    organisation: the department's or unit's name as printed (部门名称).
    template: the table set recognised (``shanxi-13``, ``shanghai-9``, ``generic``).
    """

    title: str
    organisation: str
    level: Level
    stage: Stage
    year: int | None
    template: str
    region: str | None = None


@dataclass(frozen=True)
class SourceInfo:
    file: str
    format: str
    sha256: str
    size: int
    pages: int | None = None
    lines: int | None = None


@dataclass(frozen=True)
class IngestIssue:
    """Something read but not placed, or placed with doubt. Never dropped silently.

    code: stable id (``ingest.unplaced_line`` …); severity ``warning`` or ``info``;
    message: Chinese; text: the source text concerned.
    """

    code: str
    severity: str
    message: str
    provenance: Provenance
    text: str = ""


@dataclass(frozen=True)
class Disclosure:
    """One publication. `parts`: the files it was read from when published in parts (a 说明 file and
    a tables file, joined by `recognize.join`); empty when it was one file. `source` then describes
    the joined whole, and every value's provenance still names its own file."""

    meta: DocumentMeta
    source: SourceInfo
    tables: tuple[Table, ...] = ()
    sections: tuple[Section, ...] = ()
    targets: tuple[PerformanceTarget, ...] = ()
    contents: tuple[ContentsEntry, ...] = ()
    organisation: Organisation | None = None
    glossary: tuple[GlossaryEntry, ...] = ()
    procurement: Procurement | None = None
    assets: AssetHoldings | None = None
    issues: tuple[IngestIssue, ...] = ()
    parts: tuple[SourceInfo, ...] = ()
    project_statements: tuple[ProjectStatement, ...] = ()  # 项目经费情况说明 (Shanghai)

    def table(self, kind: TableKind) -> Table | None:
        """The first table of a kind, or None."""
        return next((t for t in self.tables if t.kind is kind), None)

    def tables_of(self, kind: TableKind) -> tuple[Table, ...]:
        return tuple(t for t in self.tables if t.kind is kind)

    def section(self, id_or_title: str) -> Section | None:
        return next((s for s in self.sections if s.id == id_or_title or id_or_title in s.title), None)
