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
    out = _render(report, d, show_all=True)
    errors, warnings, infos = out.index("错误（2 条）"), out.index("警告（3 条）"), out.index("提示（1 条）")
    assert errors < warnings < infos
    # within 错误: the table comes before the narrative section
    assert errors < out.index("《2025年预算收入总表》") < out.index("情况说明 · “三公”经费增减变动原因说明") < warnings
    assert "arith.column_total" not in out  # rule ids are internal names: shown with --verbose only
    assert "arith.column_total" in _render(report, d, verbose=True)
    assert "应为 2,895.75万元，实为 2,895.74万元，相差 -0.01万元，允许尾差 ±0.005万元" in out


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
    # rules that did not apply are counted; listed only when asked
    assert "cross.fund_balance" not in out
    out = _render(report, d, show_all=True)
    assert "cross.fund_balance" in out and "缺少政府性基金预算支出表" in out


def test_markup_in_messages_is_printed_verbatim():
    d, report = sample()
    assert "<b>粗体</b>" in _render(report, d)


def test_accepted_findings_listed_apart_and_not_counted():
    d, report = sample()
    first = report.findings[0]
    _, accepted = sample(frozenset({first.fingerprint}))
    out = _render(accepted, d, show_all=True)
    assert "错误（1 条）" in out and "已接受（1 条）" in out
    assert out.index("已接受（1 条）") > out.index("提示（1 条）")
    assert "（已接受 · 原为错误）" in out
    assert "错误 1 条，警告 3 条，提示 1 条，已接受 1 条" in out
    quiet = _render(accepted, d)
    assert "已接受（1 条）" not in quiet and "1 条已接受的发现未列出" in quiet


def test_verbose_lists_every_rule_outcome():
    d, report = sample()
    quiet, verbose = _render(report, d), _render(report, d, verbose=True)
    assert "arith.class_sum" in verbose.split("审核规则")[-1] and "已运行" in verbose
    assert "arith.class_sum" not in quiet.split("审核规则")[-1]


def test_rounding_hidden_by_default_and_counted():
    d, report = sample()
    (rounding,) = [f for f in report.findings if "尾差" in f.message and f.severity.value == "info"]
    quiet, every = _render(report, d), _render(report, d, show_all=True)
    assert rounding.message not in quiet
    assert "另有 1 条提示（其中尾差 1 条，在四舍五入容差以内）未列出；加 --all 显示。" in quiet
    assert rounding.message in every and "未列出" not in every


def test_rule_titles_not_ids():
    d, report = sample()
    from dataclasses import replace

    from yusuan.report.notes import rule_title

    first = replace(report.findings[0], rule="arith.class_sum")
    changed = replace(report, findings=(first, *report.findings[1:]))
    out = _render(changed, d)
    assert rule_title("arith.class_sum") == "类的金额不等于其下各款之和" and "    ✗ 类的金额不等于其下各款之和\n      《2025年预算收入总表》" in out
    assert "arith.class_sum" not in out and "✗ 类的金额不等于其下各款之和  arith.class_sum" in _render(changed, d, verbose=True)
    assert "✗ 审核发现" in _render(report, d)  # a rule the catalog does not know: no id shown, a plain heading


def test_reading_notes_of_one_kind_are_one_line_with_a_count():
    from dataclasses import replace

    from yusuan.audit import Finding, Location, Severity

    d, report = sample()
    notes = tuple(Finding("ingest.issue", Severity.WARNING, "此行内容未能归入任何表格或章节。（ingest.unplaced_line）",
                          (Location(line=900 + i, sentence=f"残行{i}"),)) for i in range(5))
    out = _render(replace(report, findings=report.findings + notes), d)
    (line,) = [ln for ln in out.splitlines() if "此行内容未能归入" in ln]
    assert "此行内容未能归入任何表格或章节。等（5 条）" in line and "ingest.unplaced_line" not in out
    assert "第900行；第901行；第902行 等 5 处" in out


def test_default_view_does_not_repeat_what_the_message_says():
    from dataclasses import replace
    from decimal import Decimal

    from yusuan.audit import Finding, Location, Severity

    d, report = sample()
    f = Finding("arith.column_total", Severity.ERROR, "《收入总表》“合计”行应为10.00万元，实为12.00万元，相差2.00万元。",
                (Location(line=5, table_title="收入总表", row_label="合计"),), expected=Decimal("10"),
                actual=Decimal("12"), difference=Decimal("2"), unit="万元")
    one = replace(report, findings=(f,))
    quiet, every = _render(one, d), _render(one, d, show_all=True)
    assert "位置：“合计”行（第5行）" in quiet and "应为 10万元" not in quiet
    assert "位置：《收入总表》“合计”行（第5行）" in every and "应为 10万元，实为 12万元" in every


def test_reading_notes_are_their_own_block_listed_by_default_and_counted_apart():
    """A line the reader could not place is a 读取提示, not a 警告 about the document: listed (folded by
    kind) after the warnings even in the quiet view, and counted apart in the summary."""
    from dataclasses import replace

    from yusuan.audit import Finding, Location, Severity

    d, report = sample()
    notes = tuple(Finding("ingest.issue", Severity.INFO, "第3列的内容“x”无法对应到表头的任何一列。（ingest.cell_unplaced）",
                          (Location(line=700 + i),)) for i in range(4))
    out = _render(replace(report, findings=report.findings + notes), d)
    assert "警告 3 条，提示 1 条，读取提示 4 条（未能完全读懂之处，不是文件的错误）" in out
    assert out.index("警告（3 条）") < out.index("读取提示（4 条）") and "无法对应到表头的任何一列。等（4 条）" in out
    assert "提示（1 条）" not in out  # the other 提示 still wait for --all


def test_a_note_code_with_a_digit_is_an_internal_name_too():
    """The reference's “一级指标未印出…（ingest.target_inferred_level1）” showed its code in the terminal."""
    from dataclasses import replace

    from yusuan.audit import Finding, Location, Severity

    d, report = sample()
    notes = tuple(Finding("ingest.issue", Severity.INFO, "一级指标未印出，按二级指标推定为“效益指标”。（ingest.target_inferred_level1）",
                          (Location(line=670 + i),)) for i in range(2))
    out = _render(replace(report, findings=report.findings + notes), d)
    assert "一级指标未印出" in out and "target_inferred_level1" not in out
