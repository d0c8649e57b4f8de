"""What every audit output shares: Chinese labels, figures, locations and the order of findings.

The outputs (text, JSON, HTML, XLSX) say the same thing in the same words; this module is where
those words are made. `Names` turns ids and keys (t03, general_public, pt07, s3.5.1) into what the
reviewer reads (titles, printed column labels, project names) when the disclosure is at hand.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Iterable

from ..audit import Finding, Location, Report, Severity, is_reading_note
from ..model import Disclosure, Provenance
from ..text.numbers import bound, number, rounded

__all__ = ["bound", "number"]  # the figures' writers, re-exported for the report modules

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
ACCEPTED_ZH = "已接受"
READING_ZH = "读取提示"  # what could not be read: listed apart from the findings about the document


@dataclass(frozen=True)
class Names:
    """Printed names by id, from the disclosure; empty when only the report is at hand."""

    tables: dict[str, str] = field(default_factory=dict)  # t03 -> printed title
    columns: dict[tuple[str, str], str] = field(default_factory=dict)  # (t03, key) -> printed label
    targets: dict[str, str] = field(default_factory=dict)  # pt07 -> project name
    sections: dict[str, str] = field(default_factory=dict)  # s3.5 -> heading
    files: frozenset[str] = frozenset()  # the disclosure's own files: a location elsewhere is a partner's

    @classmethod
    def of(cls, d: Disclosure | None) -> "Names":
        if d is None:
            return cls()
        return cls(
            tables={t.id: t.title for t in d.tables},
            columns={(t.id, c.key): c.label for t in d.tables for c in t.columns},
            targets={p.id: p.project_name or p.title for p in d.targets},
            sections={s.id: s.title for s in d.sections},
            files=frozenset({d.source.file, *(p.file for p in d.parts)}),
        )


COUNT_UNITS = ("个", "人", "辆", "家", "项", "条", "张")
MONEY_UNITS = ("元", "万元")


def _printed_unless_alike(value: Decimal | None, other: Decimal | None) -> Decimal | None:
    """`value` as printed, unless that would print it like `other` (0.8265 against 0.83)."""
    shown = _printed(value)
    return bound(value) if value is not None and shown == _printed(other) and value != other else shown


def _gap(value: Decimal | None) -> Decimal | None:
    """A difference as printed when at least one printed step (30.51), else to four places (0.0035)."""
    if value is None:
        return None
    return _printed(value) if abs(value) >= Decimal("0.01") else bound(value)


def _printed(value: Decimal | None) -> Decimal | None:
    """A money figure at the tables' printed precision (two decimals) when it has more."""
    return None if value is None else rounded(value, 2)


def figures(f: Finding) -> str:
    """应为 … ，实为 … ，相差 …（允许尾差 ±…）— the figures of a finding, or "" if it has none.
    Counts show as whole numbers (2个, not 2.000000个); money keeps its printed places."""
    unit = f.unit or ""
    if unit in COUNT_UNITS:
        f = replace(f, expected=_whole(f.expected), actual=_whole(f.actual), difference=_whole(f.difference),
                    tolerance=_whole(f.tolerance))
    elif unit in MONEY_UNITS:  # as printed (42.21万元, not 42.212801万元), as the messages say them
        f = replace(f, expected=_printed_unless_alike(f.expected, f.actual), actual=_printed(f.actual),
                    difference=_gap(f.difference))
    parts = []
    if f.expected is not None:
        parts.append(f"应为 {number(f.expected)}{unit}")
    if f.actual is not None:
        parts.append(f"实为 {number(f.actual)}{unit}")
    if f.difference is not None:
        parts.append(f"相差 {number(f.difference, signed=True)}{unit}")
    if f.tolerance is not None:
        parts.append(f"允许尾差 ±{number(bound(f.tolerance))}{unit}")
    return "，".join(parts)


def _whole(value: Decimal | None) -> Decimal | None:
    return value.to_integral_value() if value is not None and value == value.to_integral_value() else value


def place(loc: Location, names: Names = Names()) -> str:
    """Where a location points, in Chinese: 《表》“编码 名称”行 “列”列 · 绩效目标表 · 章节 · 第N页 第N行.
    A location in another file (a cross-document finding's partner) names that file first; its ids
    are the partner's, so they are not looked up among this disclosure's names."""
    if loc.file and names.files and loc.file not in names.files:
        return f"〔{loc.file}〕" + place(replace(loc, file=None, table=None, column=None, section=None, target=None))
    parts = []
    title = loc.table_title or names.tables.get(loc.table or "", "")
    if title:
        parts.append(f"《{title}》")
    if loc.row_label or loc.code:
        parts.append(f"“{' '.join(x for x in (loc.code, loc.row_label) if x)}”行")
    if loc.column:
        label = names.columns.get((loc.table or "", loc.column), loc.column)
        parts.append(f"“{label}”列")
    if loc.target:
        parts.append(f"绩效目标表《{names.targets.get(loc.target, loc.target)}》")
    if loc.section:
        parts.append(f"“{names.sections.get(loc.section, loc.section)}”部分")
    where = Provenance(page=loc.page, line=loc.line).describe()  # 第N页 第N行
    text = "".join(parts)
    return f"{text}（{where}）" if text and where else text or where or "全文"


def readable(text: str) -> str:
    """A quoted source text: a raw table line's tab-separated cells shown as `a | b | c`."""
    return re.sub(r"\s*\t[\s\t]*", " | ", text.strip())


def natural(text: str) -> tuple:
    """Sort key that puts s3.9 before s3.10 and pt2 before pt10."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", text) if p)


def group_of(f: Finding, names: Names = Names()) -> tuple[tuple, str]:
    """(sort key, heading) of the part of the document a finding belongs to: a table, a narrative
    section, a target form, or the document as a whole — in that order, as the document reads."""
    for loc in f.locations:
        if loc.table:
            return (1, natural(loc.table)), f"《{loc.table_title or names.tables.get(loc.table, loc.table)}》"
        if loc.section:
            return (2, natural(loc.section)), f"情况说明 · {names.sections.get(loc.section, loc.section)}"
        if loc.target:
            return (3, natural(loc.target)), f"绩效目标表《{names.targets.get(loc.target, loc.target)}》"
    for loc in f.locations:
        if loc.table_title:
            return (4, natural(loc.table_title)), f"《{loc.table_title}》"
    return (9, ()), "全文及其他"


@dataclass(frozen=True)
class Group:
    """Findings of one severity (or the accepted ones) about one part of the document."""

    heading: str
    findings: tuple[Finding, ...]


def grouped(report: Report, names: Names = Names()) -> list[tuple[str, list[Group]]]:
    """[(错误|警告|读取提示|提示|已接受, groups)] — open findings by severity, the reading notes
    before the other 提示, then the accepted ones; each block split by table/section in document
    order. Blocks without findings are left out."""
    open_ = [f for f in report.findings if f.fingerprint not in report.accepted]
    blocks: list[tuple[str, list[Finding]]] = [
        (s.zh, [f for f in open_ if f.severity is s and not is_reading_note(f)]) for s in SEVERITIES
    ]
    blocks.insert(2, (READING_ZH, [f for f in open_ if is_reading_note(f)]))
    blocks.append((ACCEPTED_ZH, [f for f in report.findings if f.fingerprint in report.accepted]))
    return [(label, _split(found, names)) for label, found in blocks if found]


def _split(found: Iterable[Finding], names: Names) -> list[Group]:
    by_key: dict[tuple, tuple[str, list[Finding]]] = {}
    for f in found:
        key, heading = group_of(f, names)
        by_key.setdefault(key, (heading, []))[1].append(f)
    return [Group(h, tuple(fs)) for _, (h, fs) in sorted(by_key.items(), key=lambda kv: kv[0])]


def summary_line(report: Report) -> str:
    s = report.summary
    reading = f"{READING_ZH} {s['reading']} 条（未能完全读懂之处，不是文件的错误），" if s["reading"] else ""
    return (f"错误 {s['error']} 条，警告 {s['warning']} 条，提示 {s['info']} 条，{reading}"
            f"{ACCEPTED_ZH} {s['accepted']} 条")


def outcome_line(report: Report) -> str:
    s = report.summary
    total = len(report.outcomes)
    return (f"审核规则 {total} 条：已运行 {s['ran']} 条，不适用 {s['not_applicable']} 条，"
            f"运行出错 {s['crashed']} 条")


def is_accepted(report: Report, f: Finding) -> bool:
    return f.fingerprint in report.accepted

