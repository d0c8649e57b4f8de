"""Findings: what a rule reports, as plain data (rule id, severity, where, figures).

The figures live in fields (expected/actual/difference/tolerance), not only in the message, so
reports, the web view and the store can show and compare them without parsing Chinese text.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from ..model import Provenance, Row, Table


class Severity(str, Enum):
    ERROR = "error"  # the document is wrong
    WARNING = "warning"  # probably wrong or incomplete: a person should look
    INFO = "info"  # e.g. a difference within rounding

    @property
    def rank(self) -> int:
        """0 for the most severe: for sorting."""
        return ("error", "warning", "info").index(self.value)

    @property
    def zh(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]


@dataclass(frozen=True)
class Location:
    """Where a finding points. Any field may be None.

    table_kind is the TableKind value: the fingerprint prefers it to the printed title, which
    carries the year and changes from one publication to the next.
    """

    file: str | None = None
    page: int | None = None
    line: int | None = None
    table: str | None = None
    table_title: str | None = None
    row: int | None = None
    row_label: str | None = None
    code: str | None = None
    column: str | None = None
    target: str | None = None
    section: str | None = None
    sentence: str | None = None
    table_kind: str | None = None

    @classmethod
    def of_table(cls, table: Table) -> "Location":
        p = table.provenance
        return cls(file=p.file or None, page=p.page, line=p.line, table=table.id,
                   table_title=table.title, table_kind=table.kind.value)

    @classmethod
    def of_row(cls, table: Table, row: Row) -> "Location":
        p = row.provenance
        return cls(file=p.file or None, page=p.page, line=p.line, table=table.id, table_title=table.title,
                   row=row.index, row_label=row.label, code=row.code, table_kind=table.kind.value)

    @classmethod
    def of_value(cls, table: Table, row: Row, column: str) -> "Location":
        """A cell; an empty cell points at its row's line."""
        v = row.value(column)
        p = v.provenance if v else row.provenance
        return cls(file=p.file or None, page=p.page, line=p.line, table=table.id, table_title=table.title,
                   row=row.index, row_label=row.label, code=row.code, column=column,
                   table_kind=table.kind.value)

    @classmethod
    def of_provenance(cls, p: Provenance, **extra: object) -> "Location":
        fields: dict[str, object] = dict(file=p.file or None, page=p.page, line=p.line, table=p.table,
                                         row=p.row, column=p.column)
        fields.update(extra)
        return cls(**fields)  # type: ignore[arg-type]

    def describe(self) -> str:
        """Short Chinese pointer: 收支总表 第12行 “合计” 列 general_public."""
        parts = []
        if self.table_title:
            parts.append(f"《{self.table_title}》")
        if self.row_label or self.code:
            parts.append(f"“{' '.join(x for x in (self.code, self.row_label) if x)}”行")
        if self.column:
            parts.append(f"{self.column}列")
        if self.line is not None:
            parts.append(f"（第{self.line}行）")
        return "".join(parts)

    def _key(self) -> str:
        return "|".join(str(x or "") for x in (
            self.table_kind or self.table_title, self.code, self.row_label, self.column,
            self.target, self.section, self.sentence))


@dataclass(frozen=True)
class Finding:
    rule: str  # stable rule id, e.g. "arith.column_total"
    severity: Severity
    message: str  # Chinese, a complete sentence with the figures
    locations: tuple[Location, ...]
    expected: Decimal | None = None
    actual: Decimal | None = None
    difference: Decimal | None = None  # actual - expected
    tolerance: Decimal | None = None
    unit: str | None = None  # "万元" / "元" / "%" / "个"

    def __post_init__(self) -> None:
        # A count (len(listed)) is a figure like any other: every output then reads one type.
        for name in ("expected", "actual", "difference", "tolerance"):
            value = getattr(self, name)
            if isinstance(value, int) and not isinstance(value, bool):
                object.__setattr__(self, name, Decimal(value))

    @property
    def fingerprint(self) -> str:
        """Stable across re-extraction: no line numbers, only what the finding is about."""
        key = self.rule + "#" + "#".join(loc._key() for loc in self.locations)
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def merged(findings) -> list[Finding]:
    """The findings with repeats left out: one problem reported twice (same rule, same place, same
    words — two equal years in one sentence, one rule reached by two paths) is one finding."""
    seen: set[tuple[str, str]] = set()
    out = []
    for f in findings:
        key = (f.fingerprint, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def home_files(d) -> frozenset[str]:
    """The files a disclosure was read from (its locations name them): the file, or each part's."""
    return frozenset({d.source.file, *(p.file for p in d.parts)})


def at_home(f: Finding, files: frozenset[str]) -> Finding:
    """The finding with only its locations in these files (or naming no file): where it points in one
    document, for marking, cropping and placing there — a cross-document finding also points into its
    partners, whose table ids and lines are theirs. The same finding when it points nowhere else."""
    mine = tuple(loc for loc in f.locations if not loc.file or loc.file in files)
    if len(mine) == len(f.locations):
        return f
    from dataclasses import replace

    return replace(f, locations=mine)
