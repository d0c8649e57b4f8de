"""The 类 lines of the two-sided summaries (一、一般公共服务支出 …) against the coded tables' 类 rows."""
from __future__ import annotations

from ...model import Disclosure, Row, RowRole, Table
from ...reference.codes import CodeSystem
from ...reference.names import fold_name, strip_ordinal
from ...reference.retired import RETIRED
from ..catalog import NotApplicable, rule
from ..compare import check_equal
from ..context import AuditContext
from ..findings import Finding, Location, Severity
from ..tablekit import K, cell, classes, function_side, has_column, hidden_roundings, side_rows, where
from .cross_totals import carry_line

EX = "expenditure"


_INDEX: dict[tuple[int, tuple[CodeSystem, ...]], tuple[object, dict[str, str]]] = {}

# 类 names retired by renaming, with the code they still stand for and the current name (the
# catalogue lists current names; documents keep printing old ones for years).
RETIRED_CLASSES = {fold_name(r.name): (r.code, r.current) for r in RETIRED if r.code}
RETIRED_SINCE = {fold_name(r.name): r.since for r in RETIRED if r.code}


def retired_in(label: str, year: int | None) -> tuple[str, str] | None:
    """(code, current name) when a 类 line prints a name already retired in the document's year
    (a 2017 document rightly prints 医疗卫生与计划生育支出)."""
    old = retired_class(label)
    if old is None or (year is not None and year < RETIRED_SINCE[fold_name(strip_ordinal(label))]):
        return None
    return old


def retired_class(label: str) -> tuple[str, str] | None:
    """(code, current name) when a 类 line prints a retired name."""
    return RETIRED_CLASSES.get(fold_name(strip_ordinal(label)))


def _class_index(cat, systems: tuple[CodeSystem, ...] = (CodeSystem.FUNCTION,)) -> dict[str, str]:
    """Folded 类 name → 类 code of `systems`, built once per catalogue (Catalogue.class_code scans every entry)."""
    held = _INDEX.get((id(cat), systems))
    if held is None or held[0] is not cat:
        index: dict[str, str] = {}
        for code in cat.codes():
            if len(code) == 3:
                for e in cat.entries_for(code):
                    if e.system in systems:
                        index.setdefault(fold_name(e.name), code)
        held = _INDEX[(id(cat), systems)] = (cat, index)
    return held[1]


def _catalogue(ctx: AuditContext):
    cat = ctx.catalogue
    if cat is None or not hasattr(cat, "entries_for"):
        from ...reference import bundled_catalogue

        cat = bundled_catalogue()
    return cat


def class_code(ctx: AuditContext, label: str) -> str | None:
    """The 类 code of a printed 类 line (``八、社会保障和就业支出`` → 208; 西安 2019 prints the 类 without its
    支出: ``1、一般公共服务``): the context's catalogue, else the bundled one."""
    index, name = _class_index(_catalogue(ctx)), fold_name(strip_ordinal(label))
    found = index.get(name) or (index.get(name + "支出") if name and not name.endswith("支出") else None)
    if found is None and (old := retired_class(label)):
        return old[0]
    return found


def economic_class(ctx: AuditContext, label: str) -> str | None:
    """The economic 类 code (部门 or 政府经济分类) a printed line names (``(1)工资福利支出`` → 301): a line of the
    summary's use pane, not a function class."""
    systems = (CodeSystem.DEPT_ECONOMIC, CodeSystem.GOV_ECONOMIC)
    return _class_index(_catalogue(ctx), systems).get(fold_name(strip_ordinal(label)))


def class_lines(ctx: AuditContext, t: Table) -> dict[str, Row]:
    """The summary's expenditure 类 lines by 类 code (lines before 本年支出合计 whose name is a 类)."""
    out: dict[str, Row] = {}
    for r in side_rows(t, function_side(t) or "none"):
        if r.role in (RowRole.SUBTOTAL, RowRole.TOTAL):
            break
        code = class_code(ctx, r.label)
        if code and code not in out:
            out[code] = r
    return out


def compare_classes(rule_id: str, ctx: AuditContext, s: Table, s_col: str, t: Table, t_col: str,
                    beyond: Severity = Severity.ERROR, because: str = ""):
    if not has_column(s, s_col, function_side(s) or "none") or not has_column(t, t_col):
        return  # a column not printed is not a zero
    lines, coded = class_lines(ctx, s), {r.code: r for r in classes(t) if r.code}
    if not coded:
        return  # a table printing no 类 rows (Jiangsu's one-row 支出总表, 泉州's 项 rows alone) has no classes to compare
    if not lines:
        raise NotApplicable(f"{s.title}的支出类级行未能对应科目编码")
    for code in sorted(set(lines) | set(coded)):
        a = lines[code].amount(s_col) if code in lines else None
        b = coded[code].amount(t_col) if code in coded else None
        if code not in lines:
            if b is not None and b.value:
                yield Finding(rule=rule_id, severity=beyond, locations=(cell(t, coded[code], t_col), Location.of_table(s)),
                              message=f"{where(t, coded[code], t_col)}有{b}，但《{s.title}》没有对应的类级支出行。")
            continue
        loc = [cell(s, lines[code], s_col)] + ([cell(t, coded[code], t_col)] if code in coded else [Location.of_table(t)])
        room = hidden_roundings((s, lines[code], s_col), *([(t, coded[code], t_col)] if code in coded else []))
        f = check_equal(rule_id, expected=b, actual=a, unit=s.unit, beyond=beyond, because=because, locations=loc,
                        hidden=room,
                        subject=f"{where(s, lines[code], s_col)}应与《{t.title}》“{code}”类{t_col == 'total' and '合计' or ''}一致")
        if f:
            yield f


@rule("cross.summary_classes_vs_expenditure", family="cross", title="收支总表支出各类与支出总表不一致", severity=Severity.ERROR)
def summary_classes_vs_expenditure(d: Disclosure, ctx: AuditContext):
    """收支总表支出方按类列示的支出（一、一般公共服务支出 … 三十、…）应与支出总表同一“类”级科目的合计一致；
    类名按科目目录对应到类编码（如“八、社会保障和就业支出”对应208）。一方有金额而另一方没有，也是错误。
    同一数额两处印刷，不等即为错误。
    例：收支总表“八、社会保障和就业支出”2895.74 = 支出总表“208 社会保障和就业支出”2895.74。"""
    s, exp = ctx.require(K.INCOME_EXPENDITURE_SUMMARY), ctx.require(K.EXPENDITURE_SUMMARY)
    return compare_classes("cross.summary_classes_vs_expenditure", ctx, s, "total", exp, "total")


@rule("cross.fiscal_classes_vs_general", family="cross", title="财政拨款收支总表一般公共预算各类与一般公共预算支出表不一致",
      severity=Severity.ERROR)
def fiscal_classes_vs_general(d: Disclosure, ctx: AuditContext):
    """财政拨款收支总表支出方各类的“一般公共预算”列，应与一般公共预算支出表（不含上年结转）同一类级科目的合计一致。
    当有一般公共预算上年结转时，前者可能包含结转，差额记为警告而非错误。同一数额两处印刷，无结转时不等即为错误。
    例：财政拨款收支总表“十、卫生健康支出”一般公共预算39.06 = 一般公共预算支出表“210 卫生健康支出”39.06。"""
    fis, gen = ctx.require(K.FISCAL_SUMMARY), ctx.require(K.GENERAL_EXPENDITURE)
    carry = carry_line(fis, "一般公共预算")
    with_carry = carry is not None and (carried := carry.amount("amount")) is not None and carried.value != 0
    beyond = Severity.WARNING if with_carry else Severity.ERROR
    return compare_classes("cross.fiscal_classes_vs_general", ctx, fis, "general_public", gen, "total", beyond,
                           "差额可能来自一般公共预算上年结转，请核对。" if with_carry else "")


@rule("cross.summary_classes_vs_income", family="cross", title="收支总表各类当年安排或结转与收入总表不一致",
      severity=Severity.ERROR)
def summary_classes_vs_income(d: Disclosure, ctx: AuditContext):
    """收支总表支出方每一类的“当年预算安排”应等于收入总表同一类级科目的“本年收入合计”，“上年结转安排”应等于
    收入总表该类的“上年结转”：本年收入和上年结转按功能分类安排到各类支出。一方有金额而另一方没有，也是错误。
    同一数额两处印刷，不等即为错误（两表加总方式不同的合计，计入其明细的舍入误差）。
    例：“二十五、其他支出”当年预算安排913.75 = 收入总表“229 其他支出”本年913.75；上年结转安排489.07 =
    收入总表229上年结转489.07。"""
    s, inc = ctx.require(K.INCOME_EXPENDITURE_SUMMARY), ctx.require(K.INCOME_SUMMARY)
    if not has_column(s, "current_year", EX):
        raise NotApplicable("收支总表没有按当年安排和上年结转分列")
    yield from compare_classes("cross.summary_classes_vs_income", ctx, s, "current_year", inc, "total")
    yield from compare_classes("cross.summary_classes_vs_income", ctx, s, "carry_over", inc, "carry_over")
