"""The small hostile inputs of issues 17 and 19 (hostile/README.txt): each read or refused in Chinese,
and none taken for a disclosure with amount errors it does not have."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_inprocess import run_cli

HOSTILE = Path(__file__).resolve().parent / "hostile"


def audited(name: str, tmp_path, monkeypatch, capsys) -> tuple[int, dict | None, str]:
    out = tmp_path / "x.json"
    code, output = run_cli(["audit", str(HOSTILE / name), "-f", "json", "-o", str(out)], monkeypatch, capsys)
    return code, json.loads(out.read_text(encoding="utf-8")) if out.exists() else None, output


def errors(report: dict) -> list[str]:
    return sorted({f["rule"] for f in report["findings"] if f["severity"] == "error"})


@pytest.mark.parametrize("name", ["x04_sharedstrings_2MB_x_600cells.xlsx", "x04b_sharedstrings_2MB_x_5000cells.xlsx"])
def test_shared_string_amplification_is_refused_before_it_is_copied(name, tmp_path, monkeypatch, capsys):
    code, report, output = audited(name, tmp_path, monkeypatch, capsys)
    assert code == 2 and report is None
    assert "重复引用" in output and "Traceback" not in output


@pytest.mark.parametrize("name", ["x03b_2000_fullheight_merges.xlsx", "x03b_20000_fullheight_merges.xlsx",
                                  "x01b_sum_formulas_no_cache.xlsx", "x01_formulas_no_cached_values.xlsx"])
def test_workbook_reads_without_amount_errors(name, tmp_path, monkeypatch, capsys):
    """The four tables hold; the only errors are the tables a generic template also asks for."""
    code, report, output = audited(name, tmp_path, monkeypatch, capsys)
    assert code in (0, 1), output
    assert errors(report) == ["complete.required_tables"]


def test_formulas_without_values_are_named_sheet_by_sheet(tmp_path, monkeypatch, capsys):
    _, report, _ = audited("x01_formulas_no_cached_values.xlsx", tmp_path, monkeypatch, capsys)
    notes = [f["message"] for f in report["findings"] if "read.formula_no_cache" in f["message"]]
    assert len(notes) == 4 and all("公式无缓存值" in n and "不做金额校验" in n for n in notes)
    assert "22 个公式单元格" in notes[0] and "B6、D6、E6、B7、D13等" in notes[0]


@pytest.mark.parametrize("name", ["p05_rotate_mixed.pdf", "p13_junk_before_header.pdf"])
def test_pdf_whose_geometry_or_header_is_off_reads_like_the_plain_file(name, tmp_path, monkeypatch, capsys):
    """The plain file (samples/pdf/putuo-wanli-2025-dept-budget.pdf) audits without errors; so do these."""
    code, report, output = audited(name, tmp_path, monkeypatch, capsys)
    assert code == 0, output
    assert errors(report) == [] and report["summary"]["warning"] <= 1
