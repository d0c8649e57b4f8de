"""Code structure within a table: valid codes of the right system, the 类/款 above every 项,
no code twice, codes in order."""
from __future__ import annotations

from ...model import Disclosure, RowRole, TableKind
from ...reference.codes import CodeSystem, is_code, parent_of, system_of
from ..catalog import NotApplicable, rule
from ..context import AuditContext
from ..findings import Finding, Location, Severity
from ..tablekit import CODE_TABLES, function_side, tables

# The code system each coded table lists (the 政府性基金预算收入表 lists revenue codes).
SYSTEM = {TableKind.FUND_INCOME: CodeSystem.REVENUE, TableKind.GENERAL_BASIC_ECONOMIC: CodeSystem.DEPT_ECONOMIC,
          TableKind.FISCAL_BASIC_ECONOMIC: CodeSystem.DEPT_ECONOMIC, TableKind.AGENCY_RUNNING: CodeSystem.DEPT_ECONOMIC}


def _coded(d: Disclosure):
    found = [t for t in tables(d, CODE_TABLES) if any(r.code for r in t.rows)]
    if not found:
        raise NotApplicable("没有带科目编码的表格")
    return found


def _regional_sub_item(code: str, codes: set[str]) -> bool:
    """An economic item split one level further by the region (重庆 3010201 under 30102; 西安 prints
    3010201 津贴补贴 in place of 30102, under 301): its 款 is printed above it, or its 类 is and the item
    is a known 款's, so it is a sub-item, not a misprint."""
    return (code.isdigit() and len(code) == 7 and code[0] in "35" and is_code(code[:5])
            and (code[:5] in codes or code[:3] in codes))


@rule("code.valid_format", family="code", title="科目编码格式或分类有误", severity=Severity.ERROR)
def valid_format(d: Disclosure, ctx: AuditContext):
    """科目编码应是3位（类）、5位（款）或7位（项）数字，并属于该表应使用的分类：支出表用支出功能分类
    （2开头），政府性基金预算收入表用收入分类（1开头），印有编码的基本支出经济分类表用部门预算经济分类
    （3开头，到5位的款为止）。格式不对或分类不符即为错误。
    例：支出总表中的“1030155”是收入科目，不应出现在支出表中。"""
    for t in _coded(d):
        want = SYSTEM.get(t.kind, CodeSystem.FUNCTION)
        codes = {r.code for r in t.rows if r.code}
        for r in t.rows:
            if not r.code or _regional_sub_item(r.code, codes):
                continue
            if not is_code(r.code):
                why = "不是有效的3、5或7位科目编码"
            elif system_of(r.code) is not want and not (t.kind in (TableKind.STATE_CAPITAL,) and r.side == "income"):
                why = f"不属于本表应使用的{want.label}"
            else:
                continue
            yield Finding(rule="code.valid_format", severity=Severity.ERROR, locations=(Location.of_row(t, r),),
                          message=f"《{t.title}》科目编码“{r.code}”（{r.label}）{why}。")


@rule("code.hierarchy", family="code", title="科目层级缺失（项无款或款无类）", severity=Severity.ERROR)
def hierarchy(d: Disclosure, ctx: AuditContext):
    """带科目编码的表中，每个“项”（7位）都应有其所属“款”（5位）行，每个“款”都应有其所属“类”（3位）行，
    上级行才能与下级之和核对。缺少上级科目行即为错误。只列一级科目的表（如福建只列“项”）是一种版式，不检查。
    例：列出“2080201 行政运行”，表中就应有“20802 民政管理事务”和“208 社会保障和就业支出”两行。"""
    for t in _coded(d):
        codes = {r.code for r in t.rows if r.code}
        if len({len(c) for c in codes if is_code(c)}) < 2:
            continue  # one level printed throughout: nothing to nest
        for r in t.rows:
            if not r.code or not is_code(r.code) or len(r.code) <= 3:
                continue
            parent = parent_of(r.code)
            if parent and parent not in codes:
                yield Finding(rule="code.hierarchy", severity=Severity.ERROR, locations=(Location.of_row(t, r),),
                              message=f"《{t.title}》列有“{r.code} {r.label}”，但没有其上级科目“{parent}”行。")


def _beside_codes(t) -> list[str]:
    """Text columns printing a second code beside the row's own (单位编码, 政府经济科目编码 …)."""
    return [c.key for c in t.columns if c.key == "unit_code" or ("编码" in c.label or "代码" in c.label)
            and c.kind.value == "text"]


@rule("code.duplicate", family="code", title="同一表内科目重复", severity=Severity.WARNING)
def duplicate(d: Disclosure, ctx: AuditContext):
    """同一张表（同一方）中同一科目编码只应出现一次；重复出现可能重复计算或编码印错，记为警告。
    同一行另印有单位编码或另一分类的编码时（西安：30101 基本工资 分别对应政府经济科目 50101 和 50501；结转资金表
    同一功能科目下的不同单位），或在各单位名下重复列出科目时，按两者合起来判断。
    例：收入总表两行都印“2080201”，报告重复。"""
    for t in _coded(d):
        seen: dict[tuple, int] = {}
        beside, unit = _beside_codes(t), ""
        for r in t.rows:
            unit = r.text("unit_code") or unit  # 西安 lists the classes again under each unit's row
            if r.code:
                k = (r.side, r.code, unit, *(r.text(c) for c in beside))
                if k in seen:
                    yield Finding(rule="code.duplicate", severity=Severity.WARNING,
                                  locations=(Location.of_row(t, t.rows[seen[k]]), Location.of_row(t, r)),
                                  message=f"《{t.title}》科目“{r.code}”出现两次（{t.rows[seen[k]].label}、{r.label}）。")
                else:
                    seen[k] = r.index


def _runs(t):
    """The coded rows in runs that must each be in order: per side, and split at a subtotal row (a 决算
    基本支出表 prints 301, 303 and 人员经费合计 in its left pane, then 302, 310 and 公用经费合计)."""
    for side in {r.side for r in t.rows}:
        run: list = []
        for r in (r for r in t.rows if r.side == side):
            if r.role is RowRole.SUBTOTAL and not r.code:
                yield run
                run = []
            elif r.code and is_code(r.code):  # bad codes: valid_format
                run.append(r)
        yield run


@rule("code.order", family="code", title="科目未按编码顺序排列", severity=Severity.WARNING)
def order(d: Disclosure, ctx: AuditContext):
    """带科目编码的表按编码顺序排列（类、其下各款、款下各项依次排列）。顺序错乱常是行错位或编码印错的信号，
    记为警告，指向第一个乱序的行；同一编码紧接着再印一次不算乱序（是否重复由 code.duplicate 判断）。小计行（决算基本支出表左栏的“人员经费合计”）之后重新排序。
    例：“20805”排在“2080201”之前，而“2080201”属于“20802”，顺序错乱。"""
    for t in _coded(d):
        for rows in _runs(t):
            for prev, r in zip(rows, rows[1:]):
                if r.code < prev.code:  # the same code again is code.duplicate's (西安: 30101 under 50101 and 50501)
                    yield Finding(rule="code.order", severity=Severity.WARNING,
                                  locations=(Location.of_row(t, r),),
                                  message=f"《{t.title}》科目“{r.code} {r.label}”排在“{prev.code} {prev.label}”之后，未按编码顺序排列。")
                    break


@rule("code.summary_class_lines", family="code", title="收支总表支出类名与科目类不对应", severity=Severity.WARNING)
def summary_class_lines(d: Disclosure, ctx: AuditContext):
    """收支总表和财政拨款收支总表支出方按类列示的各行（一、一般公共服务支出 …），其名称应能对应到支出功能
    分类的“类”级科目；对应不上（名称印错或使用已停用的类名）时，该行无法与支出总表核对，记为警告。
    使用已停用的旧类名（如2019年起改称“卫生健康支出”的“医疗卫生与计划生育支出”）也记为警告，但仍按旧名对应的类核对金额。
    例：“二十二、国有资本经营 预算支出”（换行造成的空格不计）对应223类；印作“二十二、国有资本支出”则报告。"""
    from .cross_classes import class_code, retired_in

    kinds = (TableKind.INCOME_EXPENDITURE_SUMMARY, TableKind.FISCAL_SUMMARY)
    found = [t for t in d.tables if t.kind in kinds]
    if not found:
        raise NotApplicable("缺少收支总表")
    for t in found:
        for r in t.rows:
            if r.side is None or r.side != function_side(t) or r.role.value != "item":
                continue
            if "结转" in r.label or "结余" in r.label:
                continue
            if (old := retired_in(r.label, d.meta.year)) is not None:
                yield Finding(rule="code.summary_class_lines", severity=Severity.WARNING, locations=(Location.of_row(t, r),),
                              message=f"《{t.title}》支出行“{r.label}”使用了已停用的类名，{old[0]}类现名“{old[1]}”。")
            elif class_code(ctx, r.label) is None:
                yield Finding(rule="code.summary_class_lines", severity=Severity.WARNING, locations=(Location.of_row(t, r),),
                              message=f"《{t.title}》支出行“{r.label}”对应不到支出功能分类的类级科目。")
