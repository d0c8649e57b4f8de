"""Code ↔ name: against the reference catalogue, and across the document's own tables."""
from __future__ import annotations

from ...model import Disclosure
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


@rule("code.name_matches_reference", family="code", title="科目名称与科目目录不一致", severity=Severity.WARNING)
def name_matches_reference(d: Disclosure, ctx: AuditContext):
    """每个科目编码印出的名称应与科目目录（内置目录或用户导入的年度官方目录）中该编码的名称一致
    （忽略空白、标点和全半角差异）。名称与目录不符记为警告（可能编码或名称印错，或使用了已停用的旧名称）；
    是目录中记载的另一种写法（如更名前的旧称）记为提示。目录中没有的编码由“科目编码在目录中”规则报告。
    例：“2080201 行政运行”与目录一致；若印作“2080201 一般行政管理事务”，报告名称与目录不符。"""
    cat = ctx.require_catalogue()
    seen = False
    for t, r in coded_rows(d):
        check = cat.name_matches(r.code, r.label)
        verdict = getattr(check.verdict, "value", str(check.verdict))
        seen = seen or verdict != "unknown"
        if verdict == "mismatch":
            yield Finding(rule="code.name_matches_reference", severity=Severity.WARNING,
                          locations=(Location.of_row(t, r),),
                          message=f"《{t.title}》科目“{r.code}”印作“{r.label}”，科目目录中该编码的名称为"
                                  f"“{'”或“'.join(check.expected)}”。")
        elif verdict == "variant":
            yield Finding(rule="code.name_matches_reference", severity=Severity.INFO,
                          locations=(Location.of_row(t, r),),
                          message=f"《{t.title}》科目“{r.code} {r.label}”是目录记载的另一种名称，目录首选名称为"
                                  f"“{check.expected[0]}”。")
    if not seen:
        raise NotApplicable("表中科目都不在目录中")


@rule("code.known_code", family="code", title="科目编码不在科目目录中", severity=Severity.INFO)
def known_code(d: Disclosure, ctx: AuditContext):
    """表中的科目编码应能在科目目录中找到。内置目录只收录已核实的编码，找不到不一定是错误，
    记为提示，请对照当年官方科目目录核对（导入官方目录后此提示即准确）。
    例：“2081006 养老服务”在目录中；若印作“2081099”而目录中没有，给出提示。"""
    cat = ctx.require_catalogue()
    rows = list(coded_rows(d))
    if not rows:
        raise NotApplicable("没有带科目编码的表格")
    for t, r in rows:
        if r.code not in cat:
            yield Finding(rule="code.known_code", severity=Severity.INFO, locations=(Location.of_row(t, r),),
                          message=f"《{t.title}》科目“{r.code} {r.label}”不在科目目录中，请对照当年科目目录核对。")


@rule("code.names_consistent", family="code", title="同一科目在各表名称不一致", severity=Severity.WARNING)
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
