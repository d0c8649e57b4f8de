"""The words every output shares: figures, places, grouping order."""
from __future__ import annotations

from decimal import Decimal as D

from report_sample import sample

from yusuan.audit import Finding, Location, Severity
from yusuan.report.describe import Names, figures, grouped, place, readable


def _f(**kw) -> Finding:
    return Finding("org.stated_counts", Severity.ERROR, "机构设置称下属预算单位1个，实际列出2个。", (Location(),), **kw)


def test_money_keeps_its_places_and_sign():
    f = _f(expected=D("4411.50"), actual=D("4411.49"), difference=D("-0.01"), tolerance=D("0.005"), unit="万元")
    assert figures(f) == "应为 4,411.50万元，实为 4,411.49万元，相差 -0.01万元，允许尾差 ±0.005万元"
    assert "相差 +200,000元" in figures(_f(difference=D("200000"), unit="元"))


def test_counts_shown_whole_and_long_bounds_shortened():
    f = _f(expected=D("2.000000"), actual=D("1.000000"), difference=D("-1.000000"), unit="个")
    assert figures(f) == "应为 2个，实为 1个，相差 -1个"
    assert figures(_f(tolerance=D("0.0127910402538"), unit="%")) == "允许尾差 ±0.0128%"
    assert figures(_f(tolerance=D("0.00000004"), unit="%")) == "允许尾差 ±0.00000004%"  # never shown as 0


def test_place_names_what_the_reviewer_sees():
    d, report = sample()
    names = Names.of(d)
    loc = report.findings[0].locations[0]
    assert place(loc, names) == "《2025年预算收入总表》“合计”行“本年收入/合计”列（第200行）"
    assert place(Location(section="s3.7", line=10), names) == "““三公”经费增减变动原因说明”部分（第10行）"
    assert place(Location(target="pt01"), names) == "绩效目标表《城乡低保<资金>》"
    assert place(Location()) == "全文"
    assert readable("项目资金(元)\t\t201943.3\t财政拨款\t") == "项目资金(元) | 201943.3 | 财政拨款"


def test_grouped_in_document_order_sections_naturally():
    d, report = sample()
    labels = [label for label, _ in grouped(report, Names.of(d))]
    assert labels == ["错误", "警告", "提示"]
    sec = lambda s: Finding("narrative.x", Severity.ERROR, "错。", (Location(section=s),))  # noqa: E731
    report = report.__class__(report.meta, report.source, (sec("s3.10"), sec("s3.9")), ())
    (_, groups), = grouped(report)
    assert [g.heading for g in groups] == ["情况说明 · s3.9", "情况说明 · s3.10"]


def test_money_shown_at_printed_precision_in_messages_and_figures():
    from decimal import Decimal as D

    from yusuan.audit import Finding, Location, Severity
    from yusuan.audit.compare import judge
    from yusuan.model import MoneyUnit
    from yusuan.report.describe import figures

    # a 元 table figure (422,128.01元) against a 万元 statement: the message prints 万元 to two places
    f = judge("x.y", expected=D("42.212801"), actual=D("42.31"), tolerance=D("0.005"), unit=MoneyUnit.WAN_YUAN,
              subject="说明中的金额应与表一致", locations=(Location(),))
    assert "应为42.21万元，实为42.31万元，相差0.10万元" in f.message and f.expected == D("42.212801")
    g = Finding("x.y", Severity.ERROR, "m", (), expected=D("42.212801"), actual=D("42.31"), difference=D("0.097199"),
                unit="万元")
    assert figures(g) == "应为 42.21万元，实为 42.31万元，相差 +0.10万元"
    # a rounding: the expected figure keeps the places that tell it from the printed one
    r = judge("x.y", expected=D("0.8265"), actual=D("0.83"), tolerance=D("0.0050005"), unit=MoneyUnit.WAN_YUAN,
              subject="“公务接待费”不一致", locations=(Location(),))
    assert "应为0.8265万元，实为0.83万元，相差0.0035万元，在四舍五入容差±0.005万元以内" in r.message
    assert figures(r) == "应为 0.8265万元，实为 0.83万元，相差 +0.0035万元，允许尾差 ±0.0050万元"
    pct = Finding("x.y", Severity.ERROR, "m", (), expected=D("0.098"), actual=D("0.1"), unit="%")
    assert figures(pct).startswith("应为 0.098%")  # not money: as computed
