"""部门 against its units: the units the department lists and the unit publications given beside it."""
from __future__ import annotations

from ..across_kit import require_department, units_published, which
from ..catalog import NotApplicable, rule
from ..findings import Finding, Location, Severity
from .org_units import where


SHOWN = 8  # missing units named in the message; the rest counted


@rule("across.units_published", family="across", title="部门所列预算单位与公开的单位预算相符", severity=Severity.WARNING)
def check(d, ctx):
    """部门公开文件的机构设置列出所属预算单位（“具体包括：1.XX本部 2.XX中心”）。与部门一同给出的单位公开文件
    （同一年度、同为预算或决算），每一份都应是所列单位之一；所列单位（“不单列预算，并入本部”的除外）没有
    单位公开文件时作一条提示（列出这些单位），并说明部门与单位之和因此不核对。

    为什么：部门预算是所属各单位预算的汇总；单位名单与公开的单位文件不符，要么名单过时，要么单位文件
    张冠李戴，汇总关系也就无从核对。
    容差：名称比较忽略空白、标点、编号、“本部/本级/机关”和市名前缀。
    例：普陀区司法局2026年部门预算列出“普陀区司法局本部”“普陀区法律援助中心”两个单位，只给出司法局本部的
    单位预算：提示法律援助中心没有单位预算，部门与单位之和不核对。
    """
    require_department(d)
    if not ctx.partners.units:
        raise NotApplicable("没有所属单位的公开文件")
    listed, found, extra = units_published(ctx)
    if not listed:
        raise NotApplicable("部门的机构设置中没有列出预算单位")
    o = d.organisation
    for u in extra:
        yield Finding("across.units_published", Severity.WARNING,
                      f"{which(u)}与{which(d)}同年公开，但不在部门机构设置所列的预算单位（{'、'.join(listed)}）中。",
                      (where(d, o), Location(file=u.source.file, section="封面")))
    missing = [n for n in listed if n not in found]
    if missing:
        named = "、".join(f"“{n}”" for n in missing[:SHOWN]) + (f"等{len(missing)}个" if len(missing) > SHOWN else "")
        yield Finding("across.units_published", Severity.INFO,
                      f"部门机构设置所列预算单位{named}在所给文件中没有单位公开文件；所属单位未全部公开，"
                      f"不核对部门与各单位之和。", (Location.of_provenance(o.provenance, section=where(d, o).section,
                                                                       row_label=missing[0]),))
