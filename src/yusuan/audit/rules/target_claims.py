"""The narrative's claims about project performance targets (项目绩效目标n个，金额x万元，占y%)."""
from __future__ import annotations

import re
from decimal import Decimal

from ...model import MoneyUnit, TableKind
from ..catalog import NotApplicable, rule
from ..claims import find_section
from ..claims.checks import at, check_percent, parts_sum
from ..claims.names import name_key, unit_key
from ..claims.projects import year_amount
from ..compare import fmt, judge
from ..findings import Finding, Severity
from ..tablekit import cell

W = MoneyUnit.WAN_YUAN
# What a count of targets counts: projects or their targets (not 国家信访局's “与31个省级信访数据中心”
# in a project's own 绩效目标, a count of the data centres it links)
_COUNTED = re.compile(r"项目|绩效目标|目标表")


def stated_groups(d):
    """[(count, amount, parts)] — each total claim (``项目45个，共计金额2,545.59万元``) with the
    (count, amount) pairs of the 其中 sentence that follows it."""
    sf = find_section(d, "项目绩效目标")
    if sf is None:
        raise NotApplicable("说明中没有项目绩效目标一节")
    groups = []
    for f in sf.sentences:
        stated = [a for a in f.amounts if a.role == "stated"]
        pairs = []
        for c in (c for c in f.counts if _COUNTED.search(c.noun)):
            amount = next((a for a in stated if a.start > c.end), None)
            pairs.append((c, amount))
        if not pairs:
            continue
        if f.sentence.text.startswith("其中") and groups:
            groups[-1][2].extend(pairs)
        else:
            groups.extend((c, a, []) for c, a in pairs[:1])
    return sf, groups


def distinct_forms(d):
    seen, out = set(), []
    for t in d.targets:
        key = (name_key(t.project_name), unit_key(t.implementing_unit), year_amount(t))
        if key not in seen:
            seen.add(key)
            out.append(t)
    return out


@rule("target.stated_count", family="target", title="说明所称项目绩效目标个数与公开的表数不符", severity=Severity.WARNING)
def check_count(d, ctx):
    """说明称“纳入绩效目标管理的二级项目n个”“公开项目绩效目标n个”时，与文件中实际公开的项目支出绩效目标表
    张数（重复的表只算一次）比对。

    为什么：公开个数是考核指标，说明与附表不符要么漏附表，要么个数写错。
    容差：无（个数）。表的识别可能漏表，故只报警告。只比对数的是项目或绩效目标的个数（“与31个省级信访数据中心
    互联互通”不是）。
    例：说明称“公开项目绩效目标45个”，附件只有44张表，其中1张重复，不同项目43个。
    """
    _, groups = stated_groups(d)
    forms = distinct_forms(d)
    for c, _, _ in groups:
        if c.count != len(forms):
            dup = len(d.targets) - len(forms)
            extra = f"，其中{dup}张重复，不同项目{len(forms)}个" if dup else ""
            yield Finding("target.stated_count", Severity.WARNING,
                          f"说明称“{c.before}{c.text}”，文件中的项目支出绩效目标表为{len(d.targets)}张{extra}。",
                          (at(c.sentence, c.start),), expected=Decimal(len(forms)), actual=Decimal(c.count),
                          difference=Decimal(c.count - len(forms)), unit="个")


@rule("target.stated_amount", family="target", title="说明所称项目绩效目标金额与各表年度资金之和不一致", severity=Severity.ERROR)
def check_amount(d, ctx):
    """说明称项目绩效目标“共计金额x万元”时，与各张绩效目标表年度资金总额之和（元÷10000，重复的表只算一次）比对。

    为什么：金额是绩效目标覆盖面的依据，须由附表加总得到。
    容差：说明金额末位半个单位；有表未能读出年度资金时无法精确核对，只报警告。
    例：各表年度资金合计若为2,616.79万元，说明写2,545.59万元，相差71.20万元。
    """
    _, groups = stated_groups(d)
    forms = distinct_forms(d)
    if not forms:
        raise NotApplicable("文件中没有项目支出绩效目标表")
    known = [year_amount(t) for t in forms if year_amount(t) is not None]
    unknown = [t for t in forms if year_amount(t) is None]
    total = sum(known, Decimal(0))
    for _, a, _ in groups:
        if a is None:
            continue
        because = f"有{len(unknown)}张表（{'、'.join(t.project_name for t in unknown)}）未能读出年度资金，未计入。" if unknown else ""
        # unread forms can only add: a stated amount below the known sum is wrong all the same
        sure = not unknown or a.value < total - a.amount.tolerance
        yield judge("target.stated_amount", expected=total, actual=a.value, tolerance=a.amount.tolerance, unit=W,
                    subject=f"说明中“{a.subject}{a.text}”应等于各绩效目标表年度资金之和", locations=(at(a.sentence, a.start),),
                    beyond=Severity.ERROR if sure else Severity.WARNING, because=because)


@rule("target.stated_split", family="target", title="项目绩效目标的分类个数或金额相加不等于总数", severity=Severity.ERROR)
def check_split(d, ctx):
    """“其中：其他运转类项目a个，涉及金额x万元；特定目标类项目b个，涉及金额y万元”：a+b应等于总个数，
    x+y应等于总金额。

    为什么：说明自身的分类与总数矛盾时，至少有一个数字印错。
    容差：个数无容差；金额为各数末位半个单位之和。
    例：23+22=45个，1,096.40+1,449.19=2,545.59万元，一致。
    """
    _, groups = stated_groups(d)
    for c, a, parts in groups:
        if not parts:
            continue
        n = sum(p.count for p, _ in parts)
        if n != c.count:
            yield Finding("target.stated_split", Severity.ERROR,
                          f"说明中项目绩效目标分类个数之和为{n}个，与“{c.before}{c.text}”不符。", (at(c.sentence, c.start),),
                          expected=Decimal(c.count), actual=Decimal(n), difference=Decimal(n - c.count), unit="个")
        amounts = [x for _, x in parts if x is not None]
        if a is not None and len(amounts) == len(parts):
            yield parts_sum("target.stated_split", a, amounts, "项目绩效目标金额=各类项目金额之和")


@rule("target.coverage_claim", family="target", title="项目绩效目标占项目支出的比重算不出", severity=Severity.ERROR)
def check_coverage(d, ctx):
    """说明称项目绩效目标金额“占部门（单位）项目支出总额的p%”时，用该金额除以项目支出总额重算：
    项目支出总额取《项目支出表（本年）》合计，或《支出总表》项目支出（含上年结转）；与两者都不符才报告。

    为什么：“占100%”是说全部项目都有绩效目标，若金额小于项目支出，该说法不成立。
    容差：比重印刷末位半个单位加金额舍入影响；以内为尾差。
    例：“涉及项目金额2,545.59万元，占部门（单位）项目支出总额的100%”：2545.59÷2822.97=90.17%，
    2545.59÷3312.04=76.86%，都不是100%，报错误。
    """
    sf, _ = stated_groups(d)
    wholes = []
    projects, spending = ctx.table(TableKind.PROJECTS), ctx.table(TableKind.EXPENDITURE_SUMMARY)
    if projects is not None and projects.total_row() and projects.total_row().amount("total"):
        wholes.append(("《项目支出表（本年）》合计", projects.total_row().amount("total"), cell(projects, projects.total_row(), "total")))
    if spending is not None and spending.total_row() and spending.total_row().amount("project"):
        wholes.append(("《支出总表》项目支出", spending.total_row().amount("project"), cell(spending, spending.total_row(), "project")))
    if not wholes:
        raise NotApplicable("没有项目支出合计可作分母")
    for s in sf.shares:
        if s.of is None or "项目" not in s.base_text:
            continue
        found = [(name, check_percent("target.coverage_claim", stated=s.value, places=s.places, part=s.of.amount,
                                      whole=w, subject=f"说明中“{s.of.subject}{s.of.text}，占{s.base_text}的{s.text}”（以{name}{fmt(w.value)}万元为总额）",
                                      locations=(at(s.sentence, s.start), where))) for name, w, where in wholes]
        if all(f is not None and f.severity is not Severity.INFO for _, f in found):
            yield found[0][1]
            for _, f in found[1:]:
                yield Finding(f.rule, Severity.INFO, f.message, f.locations, f.expected, f.actual, f.difference,
                              f.tolerance, f.unit)
