"""Shanghai 其他相关情况说明: 政府采购 parts and reservations, 国有资产 vehicle counts."""
from __future__ import annotations

import re
from decimal import Decimal

from ...model import Disclosure, TableKind
from ..catalog import NotApplicable, rule
from ..compare import check_sum
from ..context import AuditContext
from ..findings import Finding, Location, Severity
from .narrative_shanghai_items import NUMBER, WAN, paragraphs, wan

_PROCUREMENT = re.compile(r"政府采购预算" + NUMBER + r"万元[，,]其中[：:]政府采购货物预算" + NUMBER
                          + r"万元[、，,]政府采购工程预算" + NUMBER + r"万元[、，,]政府采购服务预算" + NUMBER + "万元")
_RESERVED = re.compile(r"面向中小企业预留政府采购项目预算金额" + NUMBER + r"万元[，,]其中[，,：:]?预留给小型和微型企业的"
                       r"政府采购项目预算为" + NUMBER + "万元")
_VEHICLES = re.compile(r"(共有车辆|购置车辆)(\d+)辆[，,]其中[：:]((?:[^；;。]*?用车\d+辆[、，,]?)+)")
_KIND = re.compile(r"用车(\d+)辆")


@rule("narrative.shanghai_procurement", family="narrative", title="政府采购预算各项之和不符或预留份额超过总额",
      severity=Severity.ERROR)
def procurement(d: Disclosure, ctx: AuditContext):
    """上海格式的政府采购预算情况：“政府采购预算4821.20万元，其中：政府采购货物预算57.43万元、政府采购工程预算
    3780.72万元、政府采购服务预算983.05万元”，总额应等于三项之和；“面向中小企业预留……1928.48万元，其中，预留
    给小型和微型企业的……1349.94万元”，小微企业份额不应大于中小企业预留额，预留额不应大于采购总额。
    为什么：三项是总额的完整划分，预留是总额的一部分。
    容差：各数按印刷位数的舍入误差之和，以内为尾差提示，超出为错误。
    例：57.43 + 3780.72 + 983.05 = 4821.20，一致。"""
    said = list(paragraphs(d, "政府采购"))
    found = [(s, m) for s in said for m in _PROCUREMENT.finditer(s.text)]
    if not found:
        raise NotApplicable("说明中没有按货物、工程、服务列示的政府采购预算")
    total = None
    for s, m in found:
        total = wan(m.group(1))
        f = check_sum("narrative.shanghai_procurement", total=total, parts=[wan(m.group(i)) for i in (2, 3, 4)], unit=WAN,
                      subject=f"说明中政府采购预算{total}应等于货物、工程、服务三项之和", locations=(s.at(m),))
        if f:
            yield f
    for s in said:
        for m in _RESERVED.finditer(s.text):
            reserved, small = wan(m.group(1)), wan(m.group(2))
            for part, whole, what in ((small, reserved, "预留给小型和微型企业的份额大于面向中小企业预留的总额"),
                                      (reserved, total, "面向中小企业预留的金额大于政府采购预算总额")):
                if whole is not None and part.value > whole.value:
                    yield Finding("narrative.shanghai_procurement", Severity.ERROR,
                                  f"说明中{what}：{part} > {whole}。", (s.at(m),), expected=whole.value,
                                  actual=part.value, difference=part.value - whole.value, unit="万元")


@rule("narrative.shanghai_assets", family="narrative", title="国有资产车辆数不合或与购置费不符",
      severity=Severity.ERROR)
def assets(d: Disclosure, ctx: AuditContext):
    """上海格式的国有资产占有使用情况写明“共有车辆8辆，其中：部级领导干部用车0辆……其他用车8辆”及本年“安排购置
    车辆1辆，其中：……”：各类用车之和应等于总数（不等为错误）。本年安排购置车辆的辆数还与“三公”经费表的
    公务用车购置费对照：安排购车而购置费为零，或购置费不为零而不购车，记为警告（购车也可能由其他资金安排）。
    为什么：车辆数是公开的控制数；购车必有购置费。
    例：安排购置车辆1辆，“三公”经费表公务用车购置费15万元，相符。"""
    said = list(paragraphs(d, "国有资产"))
    found = [(s, m) for s in said for m in _VEHICLES.finditer(s.text)]
    if not found:
        raise NotApplicable("说明中没有分类列示的车辆数")
    for s, m in found:
        whole, parts = int(m.group(2)), [int(x) for x in _KIND.findall(m.group(3))]
        if sum(parts) != whole:
            yield Finding("narrative.shanghai_assets", Severity.ERROR,
                          f"说明中“{m.group(1)}{whole}辆”与其下各类用车之和{sum(parts)}辆不符。", (s.at(m),),
                          expected=Decimal(sum(parts)), actual=Decimal(whole), difference=Decimal(whole - sum(parts)),
                          unit="辆")
    yield from _purchase_vs_table(d, [(s, m) for s, m in found if m.group(1) == "购置车辆"])


def _purchase_vs_table(d: Disclosure, bought) -> list[Finding]:
    t = d.table(TableKind.THREE_PUBLIC_AND_RUNNING)
    row = t.total_row() if t else None
    if t is None or row is None or not bought:
        return []
    s, m = bought[0]
    cars, fee = int(m.group(2)), row.number("vehicle_purchase")
    if (cars > 0) == (fee > 0):
        return []
    why = "安排购置车辆但公务用车购置费为零" if cars else "公务用车购置费不为零但未安排购置车辆"
    return [Finding("narrative.shanghai_assets", Severity.WARNING,
                    f"说明中“购置车辆{cars}辆”与《{t.title}》公务用车购置费{fee}{t.unit.value}不相符：{why}，请核对。",
                    (s.at(m), Location.of_value(t, row, "vehicle_purchase")))]
