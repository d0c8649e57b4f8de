"""The checklist from the command line: the 公开网址 from --url, the 及时性 from --published, and a
clear message for a date that is not one; hints named 尾差 only when they are."""
from __future__ import annotations

from pathlib import Path

import openpyxl
from cli_inprocess import run_cli

from yusuan.audit import Finding, Severity
from yusuan.report.checklist_text import hints_line, plain

PDF = Path(__file__).resolve().parents[2] / "samples" / "pdf" / "putuo-govoffice-2025-unit-budget.pdf"
URL = "https://www.shpt.gov.cn/zhengwu/2025/unit.pdf"


def test_url_and_publication_date_fill_the_form(tmp_path, monkeypatch, capsys):
    out = tmp_path / "检查表.xlsx"
    code, said = run_cli(["audit", str(PDF), "-f", "xlsx", "-o", str(out), "--url", URL, "--published", "2025-02-20",
                          "--accepted", str(tmp_path / "none.json")], monkeypatch, capsys)
    assert code in (0, 1), said
    ws = openpyxl.load_workbook(out).worksheets[0]
    assert ws["A4"].value == f"公开网址：{URL}"
    assert ws["E6"].value == "公开日期：2025年2月20日。"


def test_a_date_that_is_not_one_is_refused_in_chinese(tmp_path, monkeypatch, capsys):
    code, said = run_cli(["audit", str(PDF), "-f", "xlsx", "-o", str(tmp_path / "x.xlsx"), "--published", "2月20日"],
                         monkeypatch, capsys)
    assert code == 2 and "2026-03-09" in said and "Traceback" not in said


def test_hints_counted_as_rounding_only_when_they_are():
    rounding = Finding("arith.x", Severity.INFO, "相差0.01万元，在四舍五入容差±0.015万元以内，属尾差。", ())
    other = Finding("code.known_code", Severity.INFO, "科目“2080299”不在随附的科目表中。", ())
    assert hints_line([rounding, other]) == "另有尾差提示 1 条、其他提示 1 条，见“全部问题”表。"
    assert hints_line([other]) == "另有其他提示 1 条，见“全部问题”表。" and hints_line([]) == ""


def test_plain_words_for_a_reviewer():
    said = plain("《支出总表》“合计”行应等于基本支出 + 项目支出：应为79189400.34元，实为14348853.34元，"
                 "相差-64840547.00元，超出四舍五入容差±0.015元。（read.blank_page）")
    assert said == "《支出总表》“合计”行应等于基本支出 + 项目支出：应为79,189,400.34元，实为14,348,853.34元，相差-64,840,547.00元。"
