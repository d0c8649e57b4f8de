"""The 机关运行经费 text's list of units against the 机关运行经费 table."""
from __future__ import annotations

import re

from ...model import TableKind
from ...text.orgnames import split_names
from ..catalog import NotApplicable, rule
from ..claims import find_section
from ..claims.checks import at
from ..claims.names import SIMILAR, same_unit, unit_likeness
from ..findings import Finding, Location, Severity
from .org_units import unit_rows

LISTING = re.compile(r"(?:所属|包括|涉及)(?P<names>[^，。；]*?)(?P<n>\d+)\s*家")


@rule("org.running_cost_units", family="org", title="机关运行经费说明所列单位与表不一致", severity=Severity.WARNING)
def check(d, ctx):
    """机关运行经费说明中“所属甲、乙n家行政、参公单位”：列出的单位名称应与《机关运行经费预算表》的单位行
    一一对应，n应等于列出的个数和表中单位数。名称相近但不同（“……管理心”与“……管理中心”）报警告。

    为什么：机关运行经费只属于行政和参公单位，说明所列单位与表不符，数字的口径就说不清。
    容差：名称比较忽略空白与标点；相似度≥0.85视为同一单位的不同写法。
    例：说明写“阳泉市城乡居民最低生活保障管理心”，表中为“阳泉市城乡居民最低生活保障管理中心”，报警告。
    """
    sf = find_section(d, "机关运行经费")
    t = ctx.table(TableKind.AGENCY_RUNNING)
    if sf is None or t is None:
        raise NotApplicable("没有机关运行经费说明或表")
    rows = unit_rows(t)
    for f in sf.sentences:
        m = LISTING.search(f.sentence.text)
        if not m:
            continue
        names = split_names(m.group("names"))
        n = int(m.group("n"))
        if n != len(names) or (rows and n != len(rows)):
            yield Finding("org.running_cost_units", Severity.WARNING,
                          f"机关运行经费说明称{n}家单位，列出{len(names)}个名称，表中有{len(rows)}个单位。",
                          (at(f.sentence, m.start("n")), Location.of_table(t)))
        for name in names:
            said = at(f.sentence, max(f.sentence.text.find(name, m.start("names")), m.start("names")))
            if any(same_unit(name, r.label) for r in rows):
                continue
            similar = next((r for r in rows if unit_likeness(name, r.label) == SIMILAR), None)
            if similar is not None:
                yield Finding("org.running_cost_units", Severity.WARNING,
                              f"机关运行经费说明中的单位“{name}”与《{t.title}》中的“{similar.label}”写法不一致。",
                              (said, Location.of_row(t, similar)))
            else:
                yield Finding("org.running_cost_units", Severity.WARNING,
                              f"机关运行经费说明中的单位“{name}”不在《{t.title}》中。", (said, Location.of_table(t)))
