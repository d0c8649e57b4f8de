"""Each form's funding: the sources add up to the total, and the year's funding fits in the period's."""
from __future__ import annotations

from decimal import Decimal

from ...model import Funding, MoneyUnit, PerformanceTarget
from ..catalog import NotApplicable, rule
from ..compare import check_sum, fmt
from ..findings import Finding, Location, Severity

Y = MoneyUnit.YUAN
SOURCE_ZH = {"central": "中央财政资金", "provincial": "省级财政资金", "local": "市县（区）财政资金",
             "self_raised": "单位自筹", "other": "其他资金"}
SCOPE_ZH = {"period": "实施期", "year": "年度"}


def where(t: PerformanceTarget, f: Funding | None = None) -> Location:
    p = f.provenance if f is not None and f.provenance is not None else t.provenance
    return Location.of_provenance(p, target=t.id, row_label=t.project_name)


def targets(d):
    if not d.targets:
        raise NotApplicable("文件中没有项目支出绩效目标表")
    return d.targets


@rule("target.funding_sources_sum", family="target", title="绩效目标表各资金来源之和不等于资金总额", severity=Severity.ERROR)
def check(d, ctx):
    """每张项目支出绩效目标表的实施期、年度资金，各来源（中央财政资金、省级财政资金、市县（区）财政资金、
    单位自筹、其他资金）之和应等于资金总额；空格读作0，来源全空时不检查。印在其他标签下的来源
    （如“财政拨款”与“其他(非)财政专户”，是同一笔钱按两种口径的划分）不计入，以免重复相加；但标准来源
    对不上而连同这些来源恰好相加等于总额时（泉州“资金总额 / 财政拨款 / 其他资金”），视为一致。

    为什么：资金总额与来源对不上，说明表是拼凑或改过总额而未改来源。
    容差：表中金额以元为单位，按各数印刷的末位半个单位累计；以内为尾差（提示）。
    例：“年度资金总额：408000，其中：中央财政资金216000，省级财政资金192000”：216000+192000=408000，一致。
    """
    for t in targets(d):
        for scope, f in (("period", t.funding_period), ("year", t.funding_year)):
            # the standard five only: `f.lines` (财政拨款 / 其他(非)财政专户 …) are other splits of the same money
            parts = [a for _, a in f.sources()]
            if f.total is None or not any(a is not None for a in parts):
                continue
            subject = f"绩效目标表“{t.project_name}”{SCOPE_ZH[scope]}资金总额应等于各来源之和"
            found = check_sum("target.funding_sources_sum", total=f.total, parts=parts, unit=Y, subject=subject,
                              locations=(where(t, f),))
            # unless the other labels complete the split (泉州: 资金总额 47.50 = 财政拨款 47.50 + 其他资金 0.00)
            split = parts + [ln.amount for ln in f.lines]
            if _beyond(found) and f.lines and not _beyond(check_sum(
                    "target.funding_sources_sum", total=f.total, parts=split, unit=Y, subject=subject, locations=())):
                continue
            yield found


def _beyond(found) -> bool:
    return found is not None and found.severity is Severity.ERROR


@rule("target.year_within_period", family="target", title="年度资金超过实施期资金", severity=Severity.ERROR)
def check_year(d, ctx):
    """年度资金总额及每一来源的年度资金，不应超过实施期的对应金额。

    为什么：年度资金是实施期资金中安排在本年的部分，超过实施期说明两栏填反或填错。
    容差：无（元为单位的整数比较，未印刷的来源读作0）。
    例：“实施期资金总额：201,680”“年度资金总额：104,000”，年度不超过实施期，正确。
    """
    for t in targets(d):
        p, y = t.funding_period, t.funding_year
        pairs = [("资金总额", p.total, y.total)] + [
            (SOURCE_ZH[n], a, b) for (n, a), (_, b) in zip(p.sources(), y.sources())]
        over = [(name, a, b) for name, a, b in pairs if a is not None and b is not None and b.to(Y) > a.to(Y)]
        if not over:
            continue
        name, period, year = over[0]
        listed = "；".join(f"年度{n}{fmt(b.to(Y))}元超过实施期{n}{fmt(a.to(Y))}元" for n, a, b in over)
        yield Finding("target.year_within_period", Severity.ERROR, f"绩效目标表“{t.project_name}”{listed}。",
                      (where(t, y),), expected=period.to(Y), actual=year.to(Y), difference=year.to(Y) - period.to(Y),
                      tolerance=Decimal(0), unit="元")
