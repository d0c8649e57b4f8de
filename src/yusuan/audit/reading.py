"""A reading the document does not confirm: a table's own identities failing where a misread explains it.

The arithmetic rules check the document through the tables as read. Where the reading itself gives
a reason for doubt — a cell the reader could not put under a column (columns shifted), a figure it
could not read, a page missing among the table's rows, the same table going on over the next page
without being joined — a failing identity may be the reader's, not the document's. Such a failure
is kept only as a 提示 (info) marked 读取存疑 — a failing sum on a doubtful reading is no evidence the
document is wrong, so it is neither an error nor a warning — and the table gets one reading note
(read.table_uncertain) saying why; an error stands only on a reading nothing calls into doubt. One place (`settle`), run
by the audit after every rule, so no rule needs to know.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..model import Disclosure, IngestIssue, RowRole, Table, TableKind, rounding_tolerance
from ..text.folding import fold
from .findings import Finding, Severity

UNCERTAIN = "read.table_uncertain"
ARITH_RULES = ("arith.", "final.balance", "final.basic_parts")  # the tables' own identities
# Reading issues on a table's row that make its figures doubtful, and what they mean.
_CELL_DOUBTS = {
    "ingest.cell_unplaced": "有单元格未能对应到表头的列（列可能错位）",
    "ingest.not_a_number": "有金额未能读为数字",
    "ingest.row_unlabelled": "有数值行缺少名称（可能与上一行错开）",
}
TableKey = tuple[str | None, str]


def _key(t: Table) -> TableKey:
    return t.provenance.file or None, t.id


def _pages(t: Table) -> list[int]:
    return sorted({r.provenance.page for r in t.rows if r.provenance.page is not None})


def _cell_doubts(d: Disclosure) -> Iterable[tuple[TableKey, str]]:
    by_line = {(r.provenance.file, line): t for t in d.tables for r in t.rows for line in r.lines}
    for i in d.issues:
        line = i.provenance.line if i.code in _CELL_DOUBTS else None
        t = by_line.get((i.provenance.file, line)) if line is not None else None
        if t is not None:
            page = f"第{i.provenance.page}页" if i.provenance.page else ""
            yield _key(t), f"{page}“{' '.join(i.text.split())[:30]}”一行{_CELL_DOUBTS[i.code]}"


def _page_doubts(d: Disclosure) -> Iterable[tuple[TableKey, str]]:
    damaged = {(i.provenance.file, i.provenance.page) for i in d.issues if i.code == "read.page_damaged"}
    for t in d.tables:
        pages = _pages(t)
        if not pages:
            continue
        gaps = [p for p in range(pages[0], pages[-1]) if p not in pages]
        lost = [p for p in range(pages[0], pages[-1] + 2) if (t.provenance.file, p) in damaged]
        if gaps:
            yield _key(t), f"表格各行印在第{pages[0]}至{pages[-1]}页，其中第{gaps[0]}页没有读到任何一行"
        elif lost:
            yield _key(t), f"第{lost[0]}页已损坏未能读取，表格可能缺少该页的行"


def _split_doubts(d: Disclosure) -> Iterable[tuple[TableKey, str]]:
    """A table whose rows go on in the next table (same kind or title, the very next page, no total
    of its own): the two are probably one table printed over a page break and read as two."""
    for a, b in zip(d.tables, d.tables[1:]):
        pa, pb = _pages(a), _pages(b)
        same = (a.kind is b.kind and a.kind is not TableKind.GENERIC) or fold(a.title) == fold(b.title)
        if (pa and pb and same and a.provenance.file == b.provenance.file and pb[0] == pa[-1] + 1
                and not any(r.role is RowRole.TOTAL for r in b.rows)):
            why = f"第{pa[-1]}页的表格在第{pb[0]}页似有续表（同名、无合计行），未能合并为一张表"
            yield _key(a), why
            yield _key(b), why


def _nested_heading(items: list, key: str) -> object | None:
    """A row among a group's items whose figure is the sum of all the rows after it in the group (two or
    more): a heading of a level the reader did not see (西安 专项业务经费: unit → 通用项目 → 专项购置 →
    project). Only the whole rest of the group counts: a figure equal to a few rows after it may be chance."""
    values = [(r, a.value, a.tolerance) for r in items if (a := r.amount(key)) is not None]
    rest, room = 0, 0
    for i in range(len(values) - 1, -1, -1):
        row, value, tol = values[i]
        if len(values) - i - 1 >= 2 and rest != 0 and abs(rest - value) <= room + tol:
            return row
        rest, room = rest + value, room + tol
    return None


def _nested_doubts(d: Disclosure) -> Iterable[tuple[TableKey, str]]:
    """Groups told by their names (no codes): one holding a heading of a lower level the reader took for an
    item cannot be summed as read."""
    for t in d.tables:
        key = "total" if t.column("total") else next((c.key for c in t.amount_columns()), None)
        groups = [i for i, r in enumerate(t.rows) if r.role is RowRole.GROUP and not r.code]
        if key is None or not groups:
            continue
        for start, end in zip(groups, [*groups[1:], len(t.rows)]):
            items = [r for r in t.rows[start + 1:end] if r.role is RowRole.ITEM]
            if (row := _nested_heading(items, key)) is not None:
                yield _key(t), f"“{row.label}”的金额等于其下几行之和，表格的分组层次多于读出的层次"  # type: ignore[attr-defined]
                break


def _sum(rows: list, key: str) -> tuple:
    """The rows' figures in `key` summed, and how far rounding may put that sum off."""
    got = [a for r in rows if (a := r.amount(key)) is not None]
    return sum((a.value for a in got), 0), rounding_tolerance(got)


def _unit_named_project(t: Table, key: str) -> object | None:
    """A group row that is a project named like a unit (广州: “广州市安全生产全民教育体验中心” under
    广州市地震监测中心): its own rows do not add up to it, but the group above it adds up exactly when it
    and its rows are counted as that group's items."""
    groups = [i for i, r in enumerate(t.rows) if r.role is RowRole.GROUP and not r.code]
    ends = [*groups[1:], len(t.rows)]
    for (a, b), end in zip(zip(groups, groups[1:]), ends[1:]):
        head, second = t.rows[a], t.rows[b]
        whole, own = head.amount(key), second.amount(key)
        if whole is None or own is None:
            continue
        mine, room = _sum([r for r in t.rows[a + 1:b] if r.role is RowRole.ITEM], key)
        theirs, room2 = _sum([r for r in t.rows[b + 1:end] if r.role is RowRole.ITEM], key)
        slack = room + room2 + whole.tolerance + own.tolerance
        if abs(mine - whole.value) > slack and abs(mine + own.value + theirs - whole.value) <= slack:
            return second
    return None


def _outline_doubts(d: Disclosure) -> Iterable[tuple[TableKey, str]]:
    """Groups told by their names (no codes): one holding a heading of a lower level the reader took for an
    item, or an item the reader took for a group, cannot be summed as read."""
    for t in d.tables:
        key = "total" if t.column("total") else next((c.key for c in t.amount_columns()), None)
        if key is None:
            continue
        if (row := _unit_named_project(t, key)) is not None:
            yield _key(t), (f"“{row.label}”读作单位，但其上一单位的金额恰好等于连同它在内的各行之和，"  # type: ignore[attr-defined]
                            "它可能是以单位命名的项目")


def doubts(d: Disclosure) -> dict[TableKey, str]:
    """Per table (file, id): why its reading is in doubt (Chinese), from the reading alone."""
    out: dict[TableKey, str] = {}
    for key, why in (*_cell_doubts(d), *_page_doubts(d), *_split_doubts(d), *_nested_doubts(d), *_outline_doubts(d)):
        out.setdefault(key, why)
    return out


def settle(d: Disclosure, findings: list[Finding]) -> tuple[list[Finding], list[IngestIssue]]:
    """The findings with each arithmetic error or warning on a doubtful table made a 提示 (info) marked
    读取存疑, and one reading note per table so marked."""
    why = doubts(d)
    if not why:
        return findings, []
    out, marked = [], {}
    for f in findings:
        key = next((k for loc in f.locations if (k := (loc.file, loc.table or "")) in why), None)
        if key is not None and f.severity is not Severity.INFO and f.rule.startswith(ARITH_RULES):
            f = replace(f, severity=Severity.INFO, message=f"{f.message}（读取存疑：{why[key]}）")
            marked[key] = why[key]
        out.append(f)
    tables = {_key(t): t for t in d.tables}
    notes = [IngestIssue(
        code=UNCERTAIN, severity="warning", provenance=tables[k].provenance,
        message=f"《{tables[k].title}》的读取存疑：{reason}。该表的数字关系不成立可能由读取造成，相关算术检查只记为提示，请对照原文核对。",
    ) for k, reason in marked.items()]
    return out, notes
