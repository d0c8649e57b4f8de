"""Counts in findings (机构设置称…个) are figures like money: Decimal, so every output reads them
(issue 11: `yusuan audit --format text` exited 70 with AttributeError on an int count)."""
from __future__ import annotations

from decimal import Decimal

from rich.console import Console

from yusuan.audit import Finding, Location, Severity
from yusuan.audit.runner import audit
from yusuan.recognize.pipeline import recognize
from yusuan.report import render_text
from yusuan.report.describe import bound, figures
from yusuan.sources.text import read_text


def test_a_count_given_as_int_is_kept_as_decimal():
    f = Finding("org.stated_counts", Severity.ERROR, "机构设置称内设科室5个，实际列出6个。", (Location(),),
                expected=6, actual=5, difference=-1, unit="个")
    assert (f.expected, f.actual, f.difference) == (Decimal(6), Decimal(5), Decimal(-1))
    assert isinstance(f.expected, Decimal) and figures(f) == "应为 6个，实为 5个，相差 -1个"


def test_huge_figures_are_described_without_failing():
    f = Finding("arith.column_total", Severity.ERROR, "合计不等于各项之和。", (Location(),),
                expected=Decimal("1E+308"), tolerance=Decimal("1" + "0" * 40 + ".123456"), unit="个")
    expected = figures(f).split("，")[0]
    assert expected == "应为 100" + ",000" * 102 + "个"  # 1 and 308 zeros
    assert bound(Decimal("1" + "0" * 40 + ".123456")) == Decimal("1" + "0" * 40 + ".1235")


def test_text_report_of_a_wrong_office_count_prints_the_counts(reference_path):
    text = reference_path.read_text(encoding="utf-8").replace("民政局机关设置6个科室", "民政局机关设置5个科室")
    d = recognize(read_text(reference_path, data=text.encode("utf-8")))
    report = audit(d, only={"org.stated_counts"})
    console = Console(record=True, width=200, color_system=None)
    render_text(report, console, disclosure=d)
    out = console.export_text()
    assert "机构设置称内设科室5个，实际列出6个" in out and "应为 6个，实为 5个，相差 -1个" in out
