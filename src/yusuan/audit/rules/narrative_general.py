"""一般公共预算支出情况说明: the year's total and its structure by 类 against the 一般公共预算支出表."""
from __future__ import annotations

from ...model import TableKind
from ...reference.bundled import bundled_catalogue
from ..catalog import NotApplicable, rule
from ..claims import narrative
from ..claims.checks import against_cell, at
from ..findings import Finding, Severity
from ..tablekit import classes, key


def _sections(d):
    found = [sf for sf in narrative(d) if sf.amount("一般公共预算当年支出")]
    if not found:
        raise NotApplicable("说明中没有一般公共预算当年支出")
    return found


@rule("narrative.general_total", family="narrative", title="说明中的一般公共预算当年支出与支出表不一致",
      severity=Severity.ERROR)
def check_total(d, ctx):
    """说明中“一般公共预算当年支出”金额与《一般公共预算支出表》合计行“合计”列比对。

    为什么：规模变化和结构两节都从这个总额出发。
    容差：同一数字两处印刷，按末位半个单位。
    例：“一般公共预算当年支出3,008.67万元”对应支出表合计3008.67。
    """
    t, total = ctx.require_total(TableKind.GENERAL_EXPENDITURE)
    for sf in _sections(d):
        for a in sf.amounts("一般公共预算当年支出"):
            yield against_cell("narrative.general_total", a, t, total, "total", f"《{t.title}》合计行")


@rule("narrative.general_structure", family="narrative", title="说明中的一般公共预算支出结构与支出表不一致",
      severity=Severity.ERROR)
def check_structure(d, ctx):
    """“一般公共预算当年支出结构情况”所列每一类支出（一般公共服务支出、社会保障和就业支出……）的金额，
    与《一般公共预算支出表》该类（3位科目编码）行的“合计”列比对；表中没有该类时报警告。

    为什么：结构说明逐类复述支出表，类名或金额错位是常见的抄写错误。
    容差：同一数字两处印刷，按末位半个单位；占比由 narrative.share_recomputed 检查。只有名称是功能分类“类”名的
    支出才比对（“工资福利支出”“专项业务经费支出”“政府性基金拨款支出”不是类）。
    例：“社会保障和就业支出2,895.74万元，占96.25%”对应支出表“208 社会保障和就业支出”2895.74。
    """
    t = ctx.require(TableKind.GENERAL_EXPENDITURE)
    rows = {key(r.label): r for r in classes(t)}
    catalogue = ctx.catalogue or bundled_catalogue()
    for sf in _sections(d):
        for a in sf.amounts():
            name = a.subject.split("：")[-1]
            if a.key is not None or not name.endswith("支出") or catalogue.class_code(name) is None:
                continue  # not a 类 (西安's 工资福利支出, 专项业务经费支出, （1）培训支出（2050803）支出 …)
            row = rows.get(key(name))
            if row is not None:
                yield against_cell("narrative.general_structure", a, t, row, "total",
                                   f"《{t.title}》“{row.code} {row.label}”行")
            else:
                yield Finding("narrative.general_structure", Severity.WARNING,
                              f"说明中“{a.subject}{a.text}”在《{t.title}》的类级科目中找不到对应行。",
                              (at(a.sentence, a.start),))
