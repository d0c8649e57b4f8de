"""The reading-health report: its counts are the reading's own, and the command runs over a folder."""
from __future__ import annotations

import json
from pathlib import Path

from cli_inprocess import run_cli
from yusuan.ingest import read_disclosure
from yusuan.report.health import DocumentHealth, measure, summarise
from yusuan.report.health_run import health_of_file

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
GUANGZHOU = SAMPLES / "cities" / "gd-gz-31f741e2.pdf"


def test_counts_are_the_readings_own():
    d = read_disclosure(GUANGZHOU)
    h = measure(d, ms=100.0)
    assert (h.tables, h.typed) == (len(d.tables), sum(t.kind.value != "generic" for t in d.tables))
    assert h.amounts == sum(v.amount is not None for t in d.tables for r in t.rows for v in r.values)
    assert (h.organisation, h.year, h.stage, h.level) == ("广州市信访局", 2026, "budget", "department")
    assert h.kinds[0] == "5:income_expenditure_summary"


def test_a_number_kept_as_text_is_counted_against_the_reading():
    from dataclasses import replace

    d = read_disclosure(GUANGZHOU)
    t = d.tables[1]
    row = t.rows[0]
    broken = replace(row, values=tuple(replace(v, amount=None) for v in row.values))
    bad = replace(d, tables=(replace(t, rows=(broken, *t.rows[1:])), *d.tables[2:]))
    h = measure(bad, ms=0.0)
    assert h.number_text == sum(1 for v in row.values if any(ch.isdigit() for ch in v.text) and "." in v.text)
    assert h.parsed_share < 1


def test_an_unreadable_file_is_a_row_with_its_error_code(tmp_path):
    empty = tmp_path / "空.pdf"
    empty.write_bytes(b"")
    h = health_of_file(str(empty))
    assert h.status.startswith("input.") and h.message


def test_summary_sums_the_read_documents_only():
    ok = DocumentHealth(file="a", status="ok", pages=10, ms=50.0, tables=4, typed=3, amounts=9, number_text=1,
                        not_budget=2)
    bad = DocumentHealth(file="b", status="input.pdf_corrupt", message="损坏")
    s = summarise([ok, bad])
    assert (s.documents, s.read, s.tables, s.typed, s.not_budget, s.median_ms_per_page) == (2, 1, 4, 3, 2, 5.0)
    assert s.typed_share == 0.75 and s.parsed_share == 0.9 and s.statuses == {"ok": 1, "input.pdf_corrupt": 1}


def test_the_command_reports_a_folder(tmp_path, monkeypatch, capsys):
    out = tmp_path / "health.json"
    code, printed = run_cli(["health", str(SAMPLES / "cities"), "-j", "1", "-f", "json", "-o", str(out)], monkeypatch, capsys)
    assert code == 0 and "表格定型" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["summary"]["documents"] == 10 and data["summary"]["read"] == 10
    assert data["summary"]["typed_share"] > 0.9


def test_an_unknown_format_is_refused_in_chinese_before_reading(tmp_path, monkeypatch, capsys):
    code, printed = run_cli(["health", str(SAMPLES / "cities"), "-f", "csv"], monkeypatch, capsys)
    assert code != 0 and "不认识的格式“csv”" in printed
