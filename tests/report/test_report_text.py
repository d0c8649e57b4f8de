"""Terminal output: grouped by severity then by table/section, with figures, places and the summary."""
from __future__ import annotations

from report_sample import sample
from rich.console import Console

from yusuan.report import render_text


def _render(report, d=None, **kw) -> str:
    console = Console(record=True, width=200, color_system=None)
    render_text(report, console, disclosure=d, **kw)
    return console.export_text()


def test_findings_grouped_by_severity_then_table():
    d, report = sample()
    out = _render(report, d)
    errors, warnings, infos = out.index("错误（2 条）"), out.index("警告（3 条）"), out.index("提示（1 条）")
    assert errors < warnings < infos
    # within 错误: the table comes before the narrative section
    assert errors < out.index("《2025年预算收入总表》") < out.index("情况说明 · “三公”经费增减变动原因说明") < warnings
    assert "arith.column_total" in out and "应为 2,895.75万元，实为 2,895.74万元，相差 -0.01万元，允许尾差 ±0.005万元" in out


def test_location_names_printed_column_and_form_when_disclosure_given():
    d, report = sample()
    out = _render(report, d)
    assert "“合计”行“本年收入/合计”列（第200行）" in out
    assert "绩效目标表《城乡低保<资金>》" in out
    assert "原文：“2025年“三公”经费预算19.30万元" in out
    # without the disclosure the column key is shown instead of its printed label
    assert "“total”列" in _render(report)


def test_summary_line_and_rule_outcomes():
    d, report = sample()
    out = _render(report, d)
    assert "错误 2 条，警告 3 条，提示 1 条，已接受 0 条" in out
    assert "审核规则 6 条：已运行 5 条，不适用 1 条，运行出错 0 条" in out
    assert "cross.fund_balance" in out and "缺少政府性基金预算支出表" in out


def test_markup_in_messages_is_printed_verbatim():
    d, report = sample()
    assert "<b>粗体</b>" in _render(report, d)


def test_accepted_findings_listed_apart_and_not_counted():
    d, report = sample()
    first = report.findings[0]
    _, accepted = sample(frozenset({first.fingerprint}))
    out = _render(accepted, d)
    assert "错误（1 条）" in out and "已接受（1 条）" in out
    assert out.index("已接受（1 条）") > out.index("提示（1 条）")
    assert "[已接受 · 错误]" in out
    assert "错误 1 条，警告 3 条，提示 1 条，已接受 1 条" in out


def test_verbose_lists_every_rule_outcome():
    d, report = sample()
    quiet, verbose = _render(report, d), _render(report, d, verbose=True)
    assert "arith.class_sum" in verbose.split("审核规则")[-1] and "已运行" in verbose
    assert "arith.class_sum" not in quiet.split("审核规则")[-1]
