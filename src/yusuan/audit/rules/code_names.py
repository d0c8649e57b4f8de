"""Code ↔ name: against the reference catalogue, and across the document's own tables."""
from __future__ import annotations

from ...model import Disclosure
from ...reference.codes import is_code, parent_of
from ...reference.evidence import is_local_item
from ...reference.names import fold_name
from ..catalog import NotApplicable, rule
from ..context import AuditContext
from ..findings import Finding, Location, Severity
from ..tablekit import CODE_TABLES, tables


def coded_rows(d: Disclosure):
    """(table, row) for every row with a code in the coded tables."""
    for t in tables(d, CODE_TABLES):
        for r in t.rows:
            if r.code:
                yield t, r


@rule("code.name_matches_reference", family="code", title="科目名称与科目目录一致", severity=Severity.WARNING)
def name_matches_reference(d: Disclosure, ctx: AuditContext):
    """每个科目编码印出的名称应与文件所属年度的科目目录（内置2017—2026年目录，或用户导入的官方目录）中
    该编码的名称一致（忽略空白、标点和全半角差异）。名称与目录不符记为警告（可能编码或名称印错）；
    目录中没有的编码，若印出的名称是同一上级科目下另一编码的名称（如“2080299 行政运行”，而“行政运行”
    的编码是2080201），也记为警告。是其他年度目录的名称（科目更名前后）、名称被截断不全，或与导入的官方
    目录不同而与内置目录相同，记为提示。名称后括注其上级科目（“行政运行（民政管理事务）”）视为一致。
    例：“2080201 行政运行”与目录一致；若印作“2080201 一般行政管理事务”，报告名称与目录不符；
    2017年文件印“210 医疗卫生与计划生育支出”与当年目录一致，不报告。"""
    cat = ctx.require_catalogue()
    year = d.meta.year
    seen = False
    for t, r in coded_rows(d):
        check = cat.name_matches(r.code, r.label, year)
        seen = seen or getattr(check.verdict, "value", check.verdict) != "unknown"
        judged = _judged(cat, check, f"《{t.title}》科目“{r.code}", r.label, year)
        if judged:
            yield Finding(rule="code.name_matches_reference", severity=judged[0], locations=(Location.of_row(t, r),),
                          message=judged[1])
    if not seen:
        raise NotApplicable("表中科目都不在目录中")


def _judged(cat, check, at: str, label: str, year: int | None) -> tuple[Severity, str] | None:
    """(severity, message) for a name the catalogue of `year` does not simply confirm."""
    verdict, expected, book = getattr(check.verdict, "value", check.verdict), check.expected, _catalogue_of(year)
    if verdict == "mismatch" and _cut_short(label, expected):
        return Severity.INFO, f"{at}”的名称印作“{label}”，不完整（可能被单元格截断），目录名称为“{expected[0]}”。"
    if verdict == "mismatch":
        return Severity.WARNING, f"{at}”印作“{label}”，{book}中该编码的名称为“{'”或“'.join(expected)}”。"
    if verdict == "unknown" and (other := _sibling_named(cat, check.code, label, year)):
        return Severity.WARNING, f"{at} {label}”的编码不在{book}中，而“{label}”在目录中的编码为“{other}”，请核对编码。"
    if verdict == "other_year" and check.entry is not None:
        return Severity.INFO, f"{at} {label}”是该编码{check.entry.years}目录中的名称，{book}中为“{expected[0]}”。"
    if verdict == "variant":
        return Severity.INFO, f"{at} {label}”与导入的官方科目目录不同，官方目录名称为“{expected[0]}”。"
    return None


def _cut_short(printed: str, expected: tuple[str, ...]) -> bool:
    """The printed name is the start of the catalogue's (``其他社会保障和就业支`` for …支出)."""
    key = fold_name(printed)
    return len(key) >= 4 and any(fold_name(e).startswith(key) for e in expected)


def _catalogue_of(year: int | None) -> str:
    return f"{year}年科目目录" if year else "科目目录"


def _sibling_named(cat, code: str, label: str, year: int | None) -> str | None:
    """Another code under the same parent that bears the printed name in the catalogue, if any."""
    if not is_code(code) or len(code) <= 3 or not hasattr(cat, "codes_named"):
        return None
    others = [c for c in cat.codes_named(label, parent_of(code), year) if c != code]
    return others[0] if others else None


@rule("code.known_code", family="code", title="科目编码在目录中", severity=Severity.INFO)
def known_code(d: Disclosure, ctx: AuditContext):
    """表中的科目编码应能在科目目录中找到。内置目录收录2017—2026年全国科目目录的类、款和常用项，以及各地
    公开文件一致印出的编码；找不到不一定是错误（地方细化的科目、目录未收的项），记为提示，请对照当年
    官方科目目录核对（用“导入科目目录”导入本地财政部门的官方目录后即按其核对）。经济分类的全国目录只到“款”，
    地方在款下细分的项（如重庆“3010201 规范性津补贴”）按其所属的款核对。
    例：“2081006 养老服务”在目录中；若印作“2081098”而目录中没有，给出提示。"""
    cat = ctx.require_catalogue()
    rows = list(coded_rows(d))
    if not rows:
        raise NotApplicable("没有带科目编码的表格")
    for t, r in rows:
        if r.code not in cat and not _local_item(cat, r.code):
            yield Finding(rule="code.known_code", severity=Severity.INFO, locations=(Location.of_row(t, r),),
                          message=f"《{t.title}》科目“{r.code} {r.label}”不在科目目录中，请对照当年科目目录核对。")


def _local_item(cat, code: str) -> bool:
    """A region's own item under a known economic 款 (重庆 3010201 规范性津补贴 under 30102)."""
    return is_local_item(code) and code[:5] in cat


@rule("code.names_consistent", family="code", title="同一科目各表名称一致", severity=Severity.WARNING)
def names_consistent(d: Disclosure, ctx: AuditContext):
    """同一科目编码在不同表格中应印同一名称（忽略空白和标点）。名称不一致记为警告，指向两处。
    例：收入总表“2296002 用于社会福利的彩票公益金支出”，支出总表同一编码印作“用于社会福利的彩票公益金”，报告不一致。"""
    first: dict[str, tuple] = {}
    rows = list(coded_rows(d))
    if not rows:
        raise NotApplicable("没有带科目编码的表格")
    reported: set[tuple[str, str]] = set()
    for t, r in rows:
        if r.code not in first:
            first[r.code] = (t, r)
            continue
        t0, r0 = first[r.code]
        if fold_name(r0.label) != fold_name(r.label) and (r.code, fold_name(r.label)) not in reported:
            reported.add((r.code, fold_name(r.label)))
            yield Finding(rule="code.names_consistent", severity=Severity.WARNING,
                          locations=(Location.of_row(t0, r0), Location.of_row(t, r)),
                          message=f"科目“{r.code}”在《{t0.title}》印作“{r0.label}”，在《{t.title}》印作“{r.label}”，名称不一致。")
